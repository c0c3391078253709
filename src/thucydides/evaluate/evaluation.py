"""Evaluation: analyse the shared gold sets, score them with ``shared/eval/score.py``, write the report.

``thucydides eval extraction|quotes|events|actors|all`` runs the analysis over a set,
calls the one scorer, and rewrites its section of ``OUT_DIR/EVAL.md`` with the figures and
the per-stage timings of the same run. Nothing in the report is typed by hand; the
repository's README table is refreshed from the report by ``tools/update_figures.py``.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Optional

from .. import __version__
from ..model import Failure
from ..settings import Settings, load
from .report import TITLE, headline, timing_table, update_section


def shared_dir(explicit: Optional[str] = None) -> Path:
    """The shared folder of gold sets: --shared, $THUCYDIDES_SHARED, or ../shared beside the working directory."""
    for cand in (explicit, os.environ.get("THUCYDIDES_SHARED"), Path.cwd().parent / "shared"):
        if cand and (Path(cand) / "eval" / "score.py").exists():
            return Path(cand)
    raise FileNotFoundError("the shared folder (../shared with eval/score.py) is not here; pass --shared PATH")


def run_analysis(inputs: list, out: Path, settings: Settings) -> dict:
    """Analyse ``inputs`` into ``out`` (JSON Lines); return counts and per-stage seconds."""
    from ..pipeline import analyze

    timings: dict[str, float] = {}
    n = failed = 0
    words = 0
    t0 = time.perf_counter()
    with open(out, "w", encoding="utf-8") as f:
        for item in analyze(inputs, settings, timings=timings):
            if isinstance(item, Failure):
                failed += not item.skipped
                print(f"  {item}", file=sys.stderr)
                continue
            n += 1
            words += len(item.text.split())
            f.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    total = time.perf_counter() - t0
    return {"documents": n, "failed": failed, "words": words, "seconds": total, "timings": timings}


def score(kind: str, gold: Path, pred: Path, shared: Path) -> str:
    res = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), kind, str(gold), str(pred)],
                         capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise RuntimeError(f"score.py {kind} failed: {res.stderr.strip() or res.stdout.strip()}")
    return res.stdout.strip()


SETS = {
    "extraction": {
        "title": "Article extraction (Zyte benchmark, 181 pages)",
        "inputs": lambda s: [s / "eval/extraction/zyte/html"],
        "gold": lambda s: s / "eval/extraction/zyte/ground-truth.json",
        "anchor": "trafilatura 2.0: 0.958 (its own figure on this benchmark); target >= 0.958",
    },
    "quotes": {
        "title": "Quotes (PolNeAR dev, 84 articles)",
        "inputs": lambda s: [s / "eval/quotes/polnear-dev/text"],
        "gold": lambda s: s / "eval/quotes/polnear-dev",
        "anchor": ("quotation-mark baseline content F1 0.514, no speakers; textacy direct_quotations F1 0.364, "
                   "speaker accuracy 0.844; floor F1 >= 0.75 and speaker >= 0.85; target F1 >= 0.85, speaker >= 0.92"),
    },
    "events": {
        "title": "Events (PLOVER gold records, 322 sentences)",
        "inputs": lambda s: [s / "eval/events/plover_gsr.jsonl"],
        "gold": lambda s: s / "eval/events/plover_gsr.jsonl",
        "anchor": ("UniversalPetrarch 68% true positives / 23% false positives; NGEC macro F1 0.52 (VOA holdout); "
                   "floor micro F1 >= 0.70; target micro >= 0.85, macro >= 0.75, type+dyad >= 0.70"),
    },
}


def run_set(which: str, shared: Path, out_dir: Path, settings: Settings) -> tuple[str, float]:
    if which == "extraction":  # both extraction sets, beside trafilatura and readability-lxml (evaluate/extraction.py)
        from .extraction import run as run_extraction

        return run_extraction(shared, out_dir, settings)
    spec = SETS[which]
    out_dir.mkdir(parents=True, exist_ok=True)
    pred = out_dir / f"pred-{which}.jsonl"
    print(f"eval {which}: analysing ...", file=sys.stderr)
    run = run_analysis(spec["inputs"](shared), pred, settings)
    scored = score(which, spec["gold"](shared), pred, shared)
    print(scored)
    name, value = headline(scored)
    body = "\n".join([
        f"## {spec['title']}",
        "",
        f"Command: `thucydides eval {which}` (analyses `{spec['inputs'](Path('../shared'))[0]}`, then "
        f"`python3 ../shared/eval/score.py {which} ...`). Analyser {__version__}, model `{settings.model}`, "
        f"run {dt.date.today().isoformat()}, {run['documents']} documents analysed, {run['failed']} failed.",
        "",
        "```",
        scored,
        "```",
        "",
        f"Anchors: {spec['anchor']}.",
        "",
        "Time in the same run:",
        "",
        timing_table(run),
    ])
    update_section(out_dir / "EVAL.md", which, body, title=TITLE)
    return name, value


def main(which: str, shared: Optional[str] = None, out_dir: str = "reports", settings: Optional[Settings] = None,
         gold_dir: str = "eval") -> int:
    settings = settings or load()
    try:
        sh = shared_dir(shared)
    except FileNotFoundError as e:
        print(f"thucydides eval: {e}", file=sys.stderr)
        return 2
    out = Path(out_dir)
    names = list(SETS) + ["actors", "ask"] if which == "all" else [which]
    for w in names:
        if w == "actors":
            from .actors import run as run_actors

            run_actors(out, settings, golds=[Path(gold_dir) / "actors.jsonl", Path(gold_dir) / "actors_voa.jsonl"])
        elif w == "events":  # both dev sets: the PLOVER gold records and eval/events_voa.jsonl
            from .events import run as run_events

            run_events(out, settings, sh, Path(gold_dir), run_analysis, score)
        elif w == "ask":
            from .ask import run as run_ask

            # the dev set eval/ask.jsonl first (the headline), then every further ask*.jsonl set with its own figures
            extra = sorted(p for p in Path(gold_dir).glob("ask*.jsonl") if p.name != "ask.jsonl")
            for gold in [Path(gold_dir) / "ask.jsonl", *extra]:
                run_ask(out, sh, settings, gold=gold)
        else:
            run_set(w, sh, out, settings)
    return 0
