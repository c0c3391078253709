"""Actor-resolution evaluation on the project's own gold set (``eval/actors.jsonl``).

Each gold passage lists its actors and every mention (surface, occurrence, actor key).
A mention is right when the actor the analysis resolves at that span is the gold actor:
same country code for countries and groups; for people, a name sharing the gold surname
(and the gold country, when the analysis gives one); for organisations, a shared name word
or the same country. The figure is mention accuracy, over all gold mentions, with a
breakdown by mention kind; per-stage time is reported from the same run.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections import Counter
from pathlib import Path
from typing import Optional

from .. import __version__
from .. import kb as kbmod
from ..settings import Settings, load
from .report import TITLE, update_section

GOLD = Path("eval") / "actors.jsonl"  # the project's set, relative to the repository (the Makefile's default)
PRONOUNS = {"he", "she", "him", "her"}
PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le", "abu"}


def occurrence(text: str, surface: str, index: int) -> Optional[tuple[int, int]]:
    start = -1
    for _ in range(index + 1):
        start = text.find(surface, start + 1)
        if start < 0:
            return None
    return start, start + len(surface)


def kind_of(surface: str, gold_actor: dict) -> str:
    s = surface.lower()
    if s in PRONOUNS:
        return "pronoun"
    if gold_actor["type"] == "PERSON":
        if s.startswith(("the ", "this ")) or "'s " in s or "’s " in s or surface[:1].islower():
            return "role"
        return "surname" if len(surface.split()) == 1 and len((gold_actor.get("name") or "").split()) > 1 else "name"
    return "country" if gold_actor["type"] in ("COUNTRY", "GROUP") else "org"


def _words(s: Optional[str]) -> set[str]:
    return {w.lower() for w in re.findall(r"\w+", s or "") if len(w) > 1}


def _same_org(a: Optional[str], b: Optional[str]) -> bool:
    """Two names of one knowledge-base organisation ("Group of Seven" and "G7")."""
    forms = kbmod.load().forms
    codes = lambda n: {e.code for e in forms.get(n or "", ()) if e.kind == "org"}
    return bool(codes(a) & codes(b))


def correct(pred: Optional[dict], gold: dict) -> bool:
    if pred is None:
        return False
    t = gold["type"]
    if t in ("COUNTRY", "GROUP"):
        return pred.get("country") == gold.get("country") and pred["type"] in ("COUNTRY", "GROUP")
    if t == "PERSON":
        if pred["type"] != "PERSON":
            return False
        if gold.get("name") and not (_words(gold["name"]) - PARTICLES) & _words(pred.get("name")):
            return False
        return not (gold.get("country") and pred.get("country") and pred["country"] != gold["country"])
    # organisations, media, IGOs
    if pred["type"] in ("PERSON", "COUNTRY"):
        return False
    if _same_org(gold.get("name"), pred.get("name")):
        return True
    return bool(_words(gold.get("name")) & _words(pred.get("name"))) or (
        gold.get("country") is not None and gold.get("country") == pred.get("country") and not gold.get("name"))


def evaluate(gold_path: Path = GOLD, settings: Optional[Settings] = None, stages=None) -> dict:
    """Run the pipeline over the gold passages; return accuracy overall and by kind, and errors."""
    from ..actors import actor_at
    from ..model import Document, Failure
    from ..pipeline import analyze_documents

    settings = settings or load()
    golds = [json.loads(l) for l in gold_path.read_text(encoding="utf-8").splitlines() if l.strip()]
    docs = [Document(id=g["id"], input=f"{gold_path.name}:{g['id']}", raw=g["text"]) for g in golds]
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    results = {d.id: d for d in analyze_documents(docs, settings, stages=stages, timings=timings) if not isinstance(d, Failure)}
    seconds = time.perf_counter() - t0
    total, right = Counter(), Counter()
    errors = []
    for g in golds:
        doc = results.get(g["id"])
        for surface, idx, key in g["mentions"]:
            gold_actor = g["actors"][key]
            kind = kind_of(surface, gold_actor)
            total[kind] += 1
            pred = None
            if doc is not None:
                span = occurrence(doc.text, surface, idx)
                aid = actor_at(doc, *span) if span else None
                a = doc.actor(aid) if aid else None
                pred = a.to_dict() if a else None
            if correct(pred, gold_actor):
                right[kind] += 1
            else:
                errors.append({"id": g["id"], "mention": surface, "occurrence": idx, "kind": kind,
                               "gold": gold_actor, "predicted": pred and {k: pred[k] for k in ("name", "type", "country", "role")}})
    n, r = sum(total.values()), sum(right.values())
    return {"passages": len(golds), "mentions": n, "correct": r, "accuracy": r / n if n else 0.0,
            "by_kind": {k: (right[k], total[k]) for k in sorted(total)}, "errors": errors,
            "seconds": seconds, "timings": timings}


def run(out_dir: Path, settings: Optional[Settings] = None, gold: Path = GOLD) -> float:
    settings = settings or load()
    if not Path(gold).exists():
        raise FileNotFoundError(f"{gold}: the actor gold set is missing (pass --gold-dir)")
    res = evaluate(Path(gold), settings)
    # resolution cost: the same passages without the actor stage, same run
    bare = evaluate(Path(gold), settings, stages=[])
    parse_s = res["timings"].get("parse", 0.0)
    actor_s = res["timings"].get("actors", 0.0)
    lines = [
        f"passages {res['passages']}, gold mentions {res['mentions']}",
        *(f"  {k:<8} {c}/{t} = {c / t:.3f}" for k, (c, t) in res["by_kind"].items()),
        f"actor_mention_accuracy: {res['accuracy']:.3f}",
    ]
    print("\n".join(lines))
    n = res["passages"]
    body = "\n".join([
        "## Actor resolution (project gold set `eval/actors.jsonl`)",
        "",
        f"Command: `thucydides eval actors`. Analyser {__version__}, model `{settings.model}`, run {dt.date.today().isoformat()}.",
        "A mention is right when the actor resolved at its span is the gold actor (see `thucydides/evaluate/actors.py`). Target >= 0.90.",
        "",
        "```",
        *lines,
        "```",
        "",
        "Time in the same run (documents/s over the gold passages):",
        "",
        "| run | documents/s | parse s | actor stage s |",
        "|---|---:|---:|---:|",
        f"| parse only (no actor, quote or event stage) | {n / bare['seconds']:.1f} | {bare['timings'].get('parse', 0):.2f} | - |",
        f"| full pipeline | {n / res['seconds']:.1f} | {parse_s:.2f} | {actor_s:.2f} ({actor_s / parse_s if parse_s else 0:.2f} of parse) |",
        "",
        "Errors (first 15):",
        "",
        *(f"- `{e['id']}` {e['kind']} \"{e['mention']}\" gold {e['gold'].get('name') or e['gold'].get('country')}, "
          f"got {(e['predicted'] or {}).get('name') or (e['predicted'] or {}).get('country') or 'nothing'}"
          for e in res["errors"][:15]),
    ])
    out_dir.mkdir(parents=True, exist_ok=True)
    update_section(out_dir / "EVAL.md", "actors", body, title=TITLE)
    return res["accuracy"]
