"""Check that the token cache gives every token the same annotation as the model's own components.

Parses the same texts twice, once with the pipeline as it ships (attribute_ruler + lemmatizer)
and once as the analysis runs it (nlp.parse.get_nlp: the TokenCache in their place, the models' matrix
products through numpy on one thread instead of blis, nlp/matmul.py), and compares
token by token: coarse POS, fine tag, morphology, lemma, dependency label and head, entity IOB
and type. Prints the counts and every mismatch; exit status 1 if there is any.

    PYTHONPATH=src python tools/check_token_cache.py [--shared /work/shared] [--model NAME] [PATH ...]

Without paths it reads the VOA stories (SHARED/corpus/voa_stories.jsonl), every JSONL dev set
under eval/ and the shared quotes and events gold texts: the texts the stages see (read and
cleaned as the analysis does).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ATTRS = ("POS", "TAG", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE")


def texts_of(path: Path, settings) -> list[tuple[str, str]]:
    """(name, clean text) for every document of ``path``, as the analysis reads and cleans it."""
    from thucydides.input import read
    from thucydides.input.clean import clean
    from thucydides.model import Document

    if path.suffix == ".jsonl":
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if rows and "text" not in rows[0]:  # e.g. eval/ask.jsonl: questions, no article text
            return [(f"{path.name}:{r.get('id', i)}", r[k]) for i, r in enumerate(rows)
                    for k in ("question",) if isinstance(r.get(k), str)]
    out = []
    for d in read([path], settings):
        if isinstance(d, Document):
            out.append((f"{path.name}:{d.id}", clean(d, settings).text))
    return out


def compare(texts: list[tuple[str, str]], model: str) -> tuple[int, int, list[str]]:
    """(tokens compared, mismatching tokens, descriptions) for ``texts`` parsed both ways."""
    from spacy.attrs import IDS

    from thucydides.nlp.parse import load_pipeline, nlp, why_no_cache

    own = load_pipeline(model)
    cached = nlp(model)
    reason = why_no_cache(model)
    if reason:
        print(f"note: {model} runs its own components ({reason}); the comparison is trivially equal")
    ids = [IDS[a] for a in ATTRS]
    tokens = bad = 0
    report = []
    only = [t for _, t in texts]
    for (name, _), a, b in zip(texts, own.pipe(only, batch_size=32), cached.pipe(only, batch_size=32)):
        x, y = a.to_array(ids), b.to_array(ids)
        tokens += len(a)
        if len(a) != len(b):
            bad += max(len(a), len(b))
            report.append(f"{name}: {len(a)} tokens vs {len(b)}")
            continue
        for i in (x != y).any(axis=1).nonzero()[0].tolist():
            bad += 1
            ta, tb = a[i], b[i]
            report.append(f"{name}: token {i} {ta.text!r}: own {ta.pos_}/{ta.tag_}/{ta.lemma_}/{ta.morph}/{ta.dep_} "
                          f"cache {tb.pos_}/{tb.tag_}/{tb.lemma_}/{tb.morph}/{tb.dep_}")
    return tokens, bad, report


def default_paths(shared: Path, root: Path) -> list[Path]:
    paths = [shared / "corpus" / "voa_stories.jsonl"]
    paths += sorted((root / "eval").glob("*.jsonl"))
    paths += [shared / "eval" / "quotes" / "polnear-dev" / "text", shared / "eval" / "events" / "plover_gsr.jsonl"]
    return [p for p in paths if p.exists()]


def main(argv=None) -> int:
    from thucydides.settings import load

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--shared", default="/work/shared")
    ap.add_argument("--model")
    args = ap.parse_args(argv)
    settings = load(model=args.model)
    root = Path(__file__).resolve().parent.parent
    paths = [Path(p) for p in args.paths] or default_paths(Path(args.shared), root)
    total_tokens = total_bad = 0
    for path in paths:
        texts = texts_of(path, settings)
        tokens, bad, report = compare(texts, settings.model)
        total_tokens += tokens
        total_bad += bad
        print(f"{path}: {len(texts)} texts, {tokens} tokens, mismatches {bad}")
        for line in report[:50]:
            print("  " + line)
    print(f"all: {total_tokens} tokens, mismatches = {total_bad}")
    return 1 if total_bad else 0


if __name__ == "__main__":
    sys.exit(main())
