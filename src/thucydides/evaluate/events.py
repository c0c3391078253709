"""Events evaluation on both dev sets: the shared PLOVER gold records and the project's VOA set.

``thucydides eval events`` analyses each set, scores it with the one scorer (``shared/eval/score.py
events``) and adds what the scorer does not give: the rate of no-event sentences that get an asserted
event (false alarms), the coding time per document beside the parse time, and the calibration of the
events' confidence (a reliability table: in each confidence bin, the share of asserted events whose type
is in the gold coding of their sentence). When ``eval/events_fresh.jsonl`` is present (VOA sentences outside
the dev set, never tuned to; see eval/events_fresh.md) it is reported as a third row, a check of the gap.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path
from typing import Callable, Optional

from .. import __version__
from ..settings import Settings
from .report import TITLE, timing_table, update_section

BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)


def dev_sets(shared: Path, gold_dir: Path) -> list[tuple[str, str, Path]]:
    """(name, title, gold file) of the two dev sets, and of the fresh VOA check set (eval/events_fresh.jsonl,
    sentences nobody tuned to) when it is present; the gold records are also the analysis input."""
    sets = [
        ("plover", "PLOVER gold records (shared, 322 sentences)", shared / "eval" / "events" / "plover_gsr.jsonl"),
        ("voa", "VOA dev set (eval/events_voa.jsonl: 356 sentences, about half with no event)",
         gold_dir / "events_voa.jsonl"),
    ]
    fresh = gold_dir / "events_fresh.jsonl"
    if fresh.exists():
        sets.append(("fresh", "Fresh VOA check set (eval/events_fresh.jsonl: VOA sentences not in the dev set, "
                              "never tuned to)", fresh))
    return sets


def _asserted(e: dict) -> bool:
    return not e.get("negated") and not e.get("hypothetical")


def load_jsonl(path: Path) -> dict[str, dict]:
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                out[str(rec["id"])] = rec
    return out


def false_alarms(gold: dict[str, dict], pred: dict[str, dict]) -> tuple[int, int]:
    """(no-event sentences with an asserted predicted event, no-event sentences)."""
    empty = [k for k, g in gold.items() if not g.get("events")]
    hit = sum(1 for k in empty if any(_asserted(e) for e in (pred.get(k) or {}).get("events", [])))
    return hit, len(empty)


def judged(gold: dict[str, dict], pred: dict[str, dict]) -> list[tuple[float, bool]]:
    """(confidence, right) for every asserted predicted event: right when its type is still unmatched in the
    gold coding of its sentence (events taken most confident first)."""
    out = []
    for k, g in gold.items():
        left = Counter(e["type"] for e in g.get("events", []))
        evs = [e for e in (pred.get(k) or {}).get("events", []) if _asserted(e)]
        for e in sorted(evs, key=lambda e: -(e.get("confidence") or 0.0)):
            ok = left[e["type"]] > 0
            if ok:
                left[e["type"]] -= 1
            out.append((float(e.get("confidence") if e.get("confidence") is not None else 0.5), ok))
    return out


def reliability(pairs: list[tuple[float, bool]]) -> tuple[str, float]:
    """A reliability table (markdown) and the expected calibration error."""
    rows = ["| confidence | events | mean confidence | share right |", "|---|---:|---:|---:|"]
    ece, n = 0.0, max(1, len(pairs))
    for lo, hi in zip(BINS, BINS[1:]):
        got = [(c, ok) for c, ok in pairs if lo <= c < hi]
        if not got:
            rows.append(f"| {lo:.1f}-{min(hi, 1.0):.1f} | 0 | - | - |")
            continue
        mean_c = sum(c for c, _ in got) / len(got)
        right = sum(ok for _, ok in got) / len(got)
        ece += len(got) / n * abs(mean_c - right)
        rows.append(f"| {lo:.1f}-{min(hi, 1.0):.1f} | {len(got)} | {mean_c:.2f} | {right:.2f} |")
    return "\n".join(rows), ece


def figures(scored: str) -> dict[str, float]:
    """micro, macro and type+dyad F1 from the scorer's output."""
    out = {}
    m = re.search(r"micro type\s+P [\d.]+ R [\d.]+ F1 ([\d.]+); macro F1 over gold types ([\d.]+)", scored)
    if m:
        out["micro"], out["macro"] = float(m.group(1)), float(m.group(2))
    m = re.search(r"type\+dyad\s+P [\d.]+ R [\d.]+ F1 ([\d.]+)", scored)
    if m:
        out["dyad"] = float(m.group(1))
    return out


def evaluate_set(name: str, title: str, gold_path: Path, shared: Path, out_dir: Path, settings: Settings,
                 run_analysis: Callable, score: Callable) -> dict:
    """One dev set: ``run_analysis`` and ``score`` are the evaluation's own (passed in, so no import cycle)."""
    pred_path = out_dir / f"pred-events-{name}.jsonl"
    run = run_analysis([gold_path], pred_path, settings)
    scored = score("events", gold_path, pred_path, shared)
    gold, pred = load_jsonl(gold_path), load_jsonl(pred_path)
    fp, empty = false_alarms(gold, pred)
    table, ece = reliability(judged(gold, pred))
    t = run["timings"]
    n = max(1, run["documents"])
    return {"name": name, "title": title, "run": run, "scored": scored, "fp": fp, "empty": empty,
            "fp_rate": fp / empty if empty else 0.0, "reliability": table, "ece": ece,
            "events_ms": 1000 * t.get("events", 0.0) / n, "parse_ms": 1000 * t.get("parse", 0.0) / n,
            **figures(scored)}


def run(out_dir: Path, settings: Settings, shared: Path, gold_dir: Path, run_analysis: Callable, score: Callable,
        only: Optional[str] = None) -> list[dict]:
    """Evaluate the events stage on both dev sets (and the fresh check set when present); print the figures;
    rewrite the events section of EVAL.md."""
    out_dir.mkdir(parents=True, exist_ok=True)
    results = []
    for name, title, gold in dev_sets(shared, gold_dir):
        if only and name != only:
            continue
        if not gold.exists():
            raise FileNotFoundError(f"{gold}: events dev set not found (pass --gold-dir / --shared)")
        r = evaluate_set(name, title, gold, shared, out_dir, settings, run_analysis, score)
        results.append(r)
        print(f"events {name}: micro F1 {r.get('micro', 0):.3f}, macro F1 {r.get('macro', 0):.3f}, "
              f"type+dyad F1 {r.get('dyad', 0):.3f}, no-event false alarms {r['fp']}/{r['empty']} "
              f"= {r['fp_rate']:.3f}; coding {r['events_ms']:.1f} ms/doc beside parse {r['parse_ms']:.1f} ms/doc; "
              f"calibration error {r['ece']:.3f}")
    summary = ["| dev set | micro type F1 | macro type F1 | type+dyad F1 | no-event false alarms | "
               "coding ms/doc | parse ms/doc |", "|---|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        summary.append(f"| {r['name']} | {r.get('micro', 0):.3f} | {r.get('macro', 0):.3f} | {r.get('dyad', 0):.3f} | "
                       f"{r['fp']}/{r['empty']} = {r['fp_rate']:.3f} | {r['events_ms']:.1f} | {r['parse_ms']:.1f} |")
    parts = ["## Events (PLOVER gold records and the VOA dev set)", "",
             f"Command: `thucydides eval events` (analyses each set, then `python3 ../shared/eval/score.py events ...`; "
             f"false alarms and calibration from `thucydides.evaluate.events`). Analyser {__version__}, "
             f"model `{settings.model}`, run {dt.date.today().isoformat()}.", "", *summary, "",
             "Floors on the VOA dev set: micro type F1 >= 0.85, type+dyad >= 0.70, no-event false alarms <= 5%; "
             "held-out: micro >= 0.78, type+dyad >= 0.55, false alarms <= 5%. Anchors: UniversalPetrarch 68% true "
             "positives / 23% false positives; NGEC macro F1 0.52 (VOA holdout).", ""]
    for r in results:
        parts += [f"### {r['title']}", "", "```", r["scored"], "```", "",
                  f"No-event sentences with an asserted event: {r['fp']} of {r['empty']}.", "",
                  f"Calibration of the events' confidence (expected calibration error {r['ece']:.3f}):", "",
                  r["reliability"], "", "Time in the same run:", "", timing_table(r["run"]), ""]
    update_section(out_dir / "EVAL.md", "events", "\n".join(parts), title=TITLE)
    return results
