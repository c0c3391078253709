"""Ask evaluation on the project's question set (``eval/ask.jsonl``, format in ``eval/ask.md``).

The database is the bundled sample and the VOA stories, ingested once and cached in the temporary folder under
a key of the analysis' code, its data and the inputs (any change to the analysis builds it anew). Each question
is asked as of its ``as_of`` date with the default page of evidence (10 items). Figures:

- verdict accuracy: ``yes``/``no``/``mixed``/``insufficient`` as in the gold;
- must-cite recall: gold sentences shown among the cited items: an item from the same document (or a copy of
  the same sentence in another document) whose text contains the sentence or is contained in it, or shares at
  least 80% of the shorter one's words;
- stance accuracy: of the must-cite sentences shown, those with the gold stance;
- evidence precision: share of cited items that concern the gold actors, judged as a reader of the cited sentence
  would: the actors named (knowledge-base names as written) in it or in the sentence just before it in the article,
  its speaker's country, and the actors of the events coded in it; an item concerns the question when it touches at
  least two of the gold actors (one for one-actor questions).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

from .. import __version__
from ..settings import Settings, load
from .report import TITLE, update_section

GOLD = Path("eval") / "ask.jsonl"
LIMIT = 10
ANALYSIS_EXCLUDE = ("query", "server", "cli", "evaluate")


def _fingerprint(inputs: list[Path]) -> str:
    """Key of the analysis: its code and data (not ask's own files) and the inputs."""
    import thucydides

    root = Path(thucydides.__file__).parent
    h = hashlib.sha256(__version__.encode())
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if not p.is_file() or rel.parts[0] in ANALYSIS_EXCLUDE or p.suffix not in (".py", ".tsv", ".txt", ".json"):
            continue
        if rel.parts[0] == "data" and p.name.startswith("ask_"):
            continue
        h.update(str(rel).encode())
        h.update(p.read_bytes())
    for i in inputs:
        for p in sorted([i] if i.is_file() else i.rglob("*")):
            if p.is_file():
                st = p.stat()
                h.update(f"{p}:{st.st_size}:{int(st.st_mtime)}".encode())
    return h.hexdigest()[:16]


def build_db(shared: Path, settings: Settings, cache: Optional[Path] = None) -> Path:
    import thucydides

    from ..pipeline import analyze
    from ..storage.store import Store

    inputs = [Path(thucydides.__file__).parent / "sample", shared / "corpus" / "voa_stories.jsonl"]
    for i in inputs:
        if not i.exists():
            raise FileNotFoundError(f"{i}: input of the ask evaluation is missing")
    db = (cache or Path(tempfile.gettempdir())) / f"thucydides-ask-{_fingerprint(inputs)}.duckdb"
    if db.exists():
        print(f"eval ask: using the cached database {db}", file=sys.stderr)
        return db
    print(f"eval ask: building {db} from the sample and the VOA stories ...", file=sys.stderr)
    tmp = db.with_suffix(".building")
    tmp.unlink(missing_ok=True)
    with Store(tmp) as store:
        store.ingest(analyze(inputs, settings, registry=store.registry()))
    tmp.rename(db)
    return db


def _words(s: str) -> list[str]:
    return re.findall(r"\w+", s.lower())


def _norm(s: str) -> str:
    return " ".join(_words(s))


def shown(gold: dict, items: list[dict]) -> Optional[dict]:
    """The cited item that shows a must-cite sentence, if any."""
    g = _norm(gold["sentence"])
    gw = set(_words(gold["sentence"]))
    for it in items:
        if gold["doc"] != it["doc_id"] and gold["doc"] not in (it.get("copies") or []):
            continue
        t = _norm(it["text"])
        if not t:
            continue
        if t in g or g in t:
            return it
        tw = set(_words(it["text"]))
        if len(gw & tw) >= 0.8 * min(len(gw), len(tw)):
            return it
    return None


def concerns(item: dict, actors: list[str], text: str = "") -> bool:
    from ..query.ask import sentences
    from ..query.ask.understand import find_actors

    read = item["text"]
    if text:
        spans = sentences.split(text)
        prev = [sp for sp in spans if sp[1] <= item["span"][0]]
        if prev:
            read = text[prev[-1][0]:prev[-1][1]] + " " + read
    touched = {a.code for a, _, _ in find_actors(read, cased=True) if a.code}
    if item.get("speaker_country"):
        touched.add(item["speaker_country"])
    for e in item.get("events") or []:
        touched.update(e.get("source") or [])
        touched.update(e.get("target") or [])
    need = 1 if len(actors) == 1 else 2
    return len(set(actors) & touched) >= need


def evaluate(gold: Path, db: Path, limit: int = LIMIT) -> dict:
    from ..query.ask import ask
    from ..storage.store import Store

    rows = [json.loads(line) for line in open(gold, encoding="utf-8") if line.strip()]
    per, n_verdict, must, hit, stance_ok, cited, concerning = [], 0, 0, 0, 0, 0, 0
    t0 = time.perf_counter()
    with Store(db, read_only=True) as store:
        for g in rows:
            brief = ask(store, g["question"], as_of=g.get("as_of"), limit=limit)
            items = brief["evidence"]
            ok = brief["verdict"] == g["verdict"]
            n_verdict += ok
            h = s = 0
            for m in g.get("must_cite", []):
                it = shown(m, items)
                if it:
                    h += 1
                    s += it["stance"] == m["stance"]
            texts = {r["id"]: r["text"] for r in store.query(
                "SELECT id, text FROM documents WHERE id IN (SELECT unnest(?))", [[it["doc_id"] for it in items]])}
            c = sum(concerns(it, g["actors"], texts.get(it["doc_id"], "")) for it in items)
            must += len(g.get("must_cite", []))
            hit += h
            stance_ok += s
            cited += len(items)
            concerning += c
            per.append({"id": g["id"], "question": g["question"], "gold": g["verdict"], "verdict": brief["verdict"],
                        "confidence": brief["confidence"], "must": len(g.get("must_cite", [])), "shown": h,
                        "stance": s, "cited": len(items), "concerning": c})
    seconds = time.perf_counter() - t0
    return {"questions": len(rows), "verdict": n_verdict / len(rows), "recall": hit / must if must else 1.0,
            "stance": stance_ok / hit if hit else 0.0, "precision": concerning / cited if cited else 1.0,
            "counts": (n_verdict, hit, must, stance_ok, concerning, cited), "per": per, "seconds": seconds}


def run(out_dir: Path, shared: Path, settings: Optional[Settings] = None, gold: Path = GOLD) -> float:
    settings = settings or load()
    if not Path(gold).exists():
        raise FileNotFoundError(f"{gold}: the ask question set is missing (pass --gold-dir)")
    Path(out_dir).mkdir(parents=True, exist_ok=True)
    db = build_db(shared, settings)
    res = evaluate(Path(gold), db)
    nv, hit, must, st, conc, cited = res["counts"]
    n = res["questions"]
    lines = [
        f"questions {n}, must-cite sentences {must}, cited items {cited}",
        f"verdict_accuracy: {res['verdict']:.3f} ({nv}/{n})",
        f"must_cite_recall: {res['recall']:.3f} ({hit}/{must}, in the first {LIMIT} items)",
        f"stance_accuracy: {res['stance']:.3f} ({st}/{hit})",
        f"evidence_precision: {res['precision']:.3f} ({conc}/{cited})",
    ]
    name = Path(gold).stem  # "ask" for the dev set, "ask_fresh" etc. for each further set in the gold dir
    print(f"[{name}] " + "\n".join(lines))
    table = ["| id | question | gold | verdict | conf. | must-cite shown | stance right | concerning/cited |",
             "|---|---|---|---|---:|---:|---:|---:|"]
    for p in res["per"]:
        mark = "" if p["gold"] == p["verdict"] else " ✗"
        table.append(f"| {p['id']} | {p['question']} | {p['gold']} | {p['verdict']}{mark} | {p['confidence']:.2f} | "
                     f"{p['shown']}/{p['must']} | {p['stance']}/{p['shown']} | {p['concerning']}/{p['cited']} |")
    body = "\n".join([
        f"## Ask (project question set `eval/{Path(gold).name}`)",
        "",
        f"Command: `thucydides eval ask` (database: the bundled sample and `shared/corpus/voa_stories.jsonl`, "
        f"analysed and cached; each question asked as of its date, first {LIMIT} items). Analyser {__version__}, "
        f"run {dt.date.today().isoformat()}, {n} questions in {res['seconds']:.1f} s. Scoring: `thucydides/evaluate/ask.py`. "
        "Floors: verdict >= 0.85, must-cite recall >= 0.80, stance >= 0.90, precision >= 0.90.",
        "",
        "```",
        *lines,
        "```",
        "",
        *table,
    ])
    update_section(Path(out_dir) / "EVAL.md", name, body, title=TITLE)
    return res["verdict"]
