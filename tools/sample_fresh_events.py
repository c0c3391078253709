"""Draw the fresh VOA event set's sentences (eval/events_fresh.jsonl) by a fixed, seeded rule.

Usage: python3 tools/sample_fresh_events.py /work/shared/corpus/voa_stories.jsonl eval/events_voa.jsonl > picks.jsonl

Rule (stated in eval/events_fresh.md): split every story with the dev set's part-2 splitter; a sentence is
eligible when it has at least 6 whitespace tokens, is not a byline/caption/video intro, and its text is not in
eval/events_voa.jsonl; from each story take 2 (even story index) or 1 (odd) eligible sentences by
``random.Random(SEED + story_index).sample``. Writes records with empty ``events`` for coding by hand.
"""
from __future__ import annotations

import json
import random
import re
import sys

SEED = 5000
PER_STORY = (2, 1)  # even-indexed stories give 2 sentences, odd-indexed 1
ABBREV = {"U.S", "U.N", "U.K", "D.C", "E.U", "Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "St",
          "Sgt", "Capt", "Maj", "No", "Jan", "Feb", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Jr", "Sr", "a.m",
          "p.m", "Inc", "Co", "Corp", "vs", "Adm", "Prof", "Rev", "Ltd", "etc"}
BOUNDARY = re.compile(r"[.!?][\"”’)]?\s+(?=[\"“‘'(\[]?[A-Z0-9])")
SKIP = re.compile(r"^(By |Photo|FILE)|contributed to this report|has more from")


def split(text: str) -> list[str]:
    out, start = [], 0
    for m in BOUNDARY.finditer(text):
        end = m.start() + 1
        word = re.search(r"([A-Za-z.]+)\.$", text[start:end])
        w = word.group(1) if word else ""
        after = text[m.end():m.end() + 1]
        if w in ABBREV and not (w in {"U.S", "U.N"} and after in "\"“"):
            continue
        if re.fullmatch(r"[A-Z]", w):  # a single capital initial
            continue
        seg = text[start:m.end()].strip()
        if seg:
            out.append(seg)
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


def main(corpus: str, dev: str) -> None:
    seen = {json.loads(line)["text"].strip() for line in open(dev, encoding="utf-8") if line.strip()}
    stories = [json.loads(line) for line in open(corpus, encoding="utf-8") if line.strip()]
    for i, st in enumerate(stories):
        sents = split(st["text"])
        eligible = [k for k, s in enumerate(sents)
                    if len(s.split()) >= 6 and not SKIP.search(s)
                    and not any(s in d or d in s for d in seen)]
        for k in sorted(random.Random(SEED + i).sample(eligible, min(PER_STORY[i % 2], len(eligible)))):
            rec = {"id": f"voa-{st['id']}-f{k}", "doc": st["id"], "published": st["published"][:10],
                   "text": sents[k], "events": []}
            print(json.dumps(rec, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
