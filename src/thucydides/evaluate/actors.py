"""Actor-resolution evaluation on the project's own gold sets (``eval/actors.jsonl``, ``eval/actors_voa.jsonl``).

When ``eval/actors_fresh.jsonl`` is present beside them (VOA passages from stories neither dev set uses, never
tuned to; see eval/actors_fresh.md) it is scored as its own row, a held-out estimate. It is not part of the
headline figures, and its errors go only to ``actors_fresh_errors.jsonl`` (git-ignored), never into EVAL.md.

Each gold passage lists its actors and every mention (surface, occurrence, actor key); the VOA set adds
``published``, ``dateline``, a ``sector`` per actor and ``non_actors`` (places and things that must not
become PERSON/ORG actors). The actor the analysis resolves at a gold span (``actors.actor_at``) is scored:

- mention accuracy: the resolved actor is the gold actor (same country for countries and groups; for people
  a shared name word and no conflicting country; for organisations a shared name word or knowledge-base code);
- country accuracy: the resolved actor's ISO country equals the gold country (null = null counts; no actor is
  wrong);
- type accuracy: the resolved actor's type equals the gold type;
- sector accuracy: over gold actors that carry a ``sector`` key (country-type actors: null, the type says
  "the state");
- non-actors kept out: no actor at the span, or only a COUNTRY/GROUP actor (a place may name its country);
- same-entity linking: of the pairs of gold mentions of one gold actor in a passage, the share resolved to one
  and the same actor.

Time and memory are measured in the same run with and without the Phoenix knowledge base
(``kb.set_phoenix``): the index's build time and its memory (tracemalloc), and the run's time.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import time
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Optional

from .. import __version__
from .. import kb as kbmod
from ..settings import Settings, load
from .report import TITLE, update_section

GOLD = Path("eval") / "actors.jsonl"  # the project's set, relative to the repository (the Makefile's default)
GOLD_VOA = Path("eval") / "actors_voa.jsonl"
GOLD_FRESH = Path("eval") / "actors_fresh.jsonl"  # the held-out check set: scored when present, never tuned to
PRONOUNS = {"he", "she", "him", "her"}
PARTICLES = {"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le", "abu"}
FLOORS = {"country": 0.95, "sector": 0.85, "non_actors_out": 0.95}


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
    if gold_actor["type"] in ("COUNTRY", "GROUP"):
        return "agent" if surface[:1].islower() or s.startswith("the ") and gold_actor.get("sector") else "country"
    return "agent" if surface[:1].islower() else "org"


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
    """Run the pipeline over the gold passages; return the figures, by kind, and the errors."""
    from ..actors import actor_at
    from ..model import Document, Failure
    from ..pipeline import analyze_documents

    settings = settings or load()
    golds = [json.loads(l) for l in gold_path.read_text(encoding="utf-8").splitlines() if l.strip()]
    docs = [Document(id=g["id"], input=f"{gold_path.name}:{g['id']}", raw=g["text"], published=g.get("published"),
                     dateline=g.get("dateline")) for g in golds]
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    results = {d.id: d for d in analyze_documents(docs, settings, stages=stages, timings=timings) if not isinstance(d, Failure)}
    seconds = time.perf_counter() - t0
    total, right = Counter(), Counter()
    fig = Counter()
    errors = []
    for g in golds:
        doc = results.get(g["id"])

        def pred_at(surface, idx, doc=doc):
            if doc is None:
                return None, None
            span = occurrence(doc.text, surface, idx)
            aid = actor_at(doc, *span) if span else None
            a = doc.actor(aid) if aid else None
            return aid, (a.to_dict() if a else None)

        resolved: dict[str, list] = {}
        for surface, idx, key in g["mentions"]:
            gold_actor = g["actors"][key]
            kind = kind_of(surface, gold_actor)
            total[kind] += 1
            aid, pred = pred_at(surface, idx)
            resolved.setdefault(key, []).append(aid)
            ok = correct(pred, gold_actor)
            right[kind] += ok
            fig["n"] += 1
            c_ok = pred is not None and pred.get("country") == gold_actor.get("country")
            t_ok = pred is not None and pred["type"] == gold_actor["type"]
            fig["country"] += c_ok
            fig["type"] += t_ok
            s_ok = None
            if "sector" in gold_actor:
                fig["sector_n"] += 1
                s_ok = pred is not None and pred.get("sector") == gold_actor["sector"]
                fig["sector"] += s_ok
            if not (ok and c_ok and t_ok and s_ok is not False):
                errors.append({"id": g["id"], "mention": surface, "occurrence": idx, "kind": kind,
                               "gold": gold_actor, "predicted": pred and {k: pred.get(k) for k in
                                                                          ("name", "type", "country", "sector", "role", "code")}})
        for ids in resolved.values():
            for i in range(len(ids)):
                for j in range(i + 1, len(ids)):
                    fig["pairs"] += 1
                    fig["linked"] += ids[i] is not None and ids[i] == ids[j]
        for surface, idx, what in g.get("non_actors", ()):
            fig["non_n"] += 1
            _, pred = pred_at(surface, idx)
            if pred is None or pred["type"] in ("COUNTRY", "GROUP"):
                fig["non_out"] += 1
            else:
                errors.append({"id": g["id"], "mention": surface, "occurrence": idx, "kind": "non-actor " + what,
                               "gold": None, "predicted": {k: pred.get(k) for k in ("name", "type", "country", "code")}})
    n, r = sum(total.values()), sum(right.values())
    share = lambda a, b: fig[a] / fig[b] if fig[b] else None
    return {"gold": str(gold_path), "passages": len(golds), "mentions": n, "correct": r, "accuracy": r / n if n else 0.0,
            "country": share("country", "n"), "type": share("type", "n"), "sector": share("sector", "sector_n"),
            "sector_n": fig["sector_n"], "non_actors": fig["non_n"], "non_actors_out": share("non_out", "non_n"),
            "pairs": fig["pairs"], "linking": share("linked", "pairs"),
            "by_kind": {k: (right[k], total[k]) for k in sorted(total)}, "errors": errors,
            "seconds": seconds, "timings": timings}


def kb_cost() -> dict:
    """Build time (s) and memory (MB, tracemalloc) of the project's lists and of the Phoenix index, each from cold."""
    out = {}
    for name, build, clear in (("project lists", kbmod.load, kbmod.load.cache_clear),
                               ("Phoenix index", kbmod.phoenix, kbmod.phoenix.cache_clear)):
        clear()
        t0 = time.perf_counter()
        build()
        seconds = time.perf_counter() - t0
        clear()
        tracemalloc.start()
        build()
        out[name] = (seconds, tracemalloc.get_traced_memory()[0] / 1e6)
        tracemalloc.stop()
    return out


def _fmt(x: Optional[float]) -> str:
    return "-" if x is None else f"{x:.3f}"


def run(out_dir: Path, settings: Optional[Settings] = None, gold: Path = GOLD, golds: Optional[list[Path]] = None) -> float:
    """Score every gold set with and without the Phoenix knowledge base; print and write the figures."""
    settings = settings or load()
    golds = golds or [Path(gold), Path(gold).parent / GOLD_VOA.name]
    for g in golds:
        if not g.exists():
            raise FileNotFoundError(f"{g}: the actor gold set is missing (pass --gold-dir)")
    fresh = Path(golds[0]).parent / GOLD_FRESH.name
    checks = [fresh] if fresh.exists() and fresh not in golds else []  # a missing check set is a skipped row
    golds = [*golds, *checks]
    dev = [g for g in golds if g not in checks]
    cost = kb_cost()
    results = {}
    enabled = kbmod.phoenix_enabled()
    try:
        for use in (False, True):
            kbmod.set_phoenix(use)
            for g in golds:
                results[(g.name, use)] = evaluate(g, settings)
    finally:
        kbmod.set_phoenix(enabled)
    header = "| set | knowledge base | mentions | mention acc. | country | type | sector | non-actors kept out | same-entity linking | s |"
    rows = [header, "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for (name, use), r in results.items():
        rows.append(f"| {name} | {'lists + Phoenix' if use else 'lists only'} | {r['mentions']} | {r['accuracy']:.3f} | "
                    f"{_fmt(r['country'])} | {_fmt(r['type'])} | {_fmt(r['sector'])} | {_fmt(r['non_actors_out'])} | "
                    f"{_fmt(r['linking'])} | {r['seconds']:.1f} |")
    cost_rows = ["| knowledge | build s | memory MB |", "|---|---:|---:|",
                 *(f"| {k} | {s:.3f} | {m:.1f} |" for k, (s, m) in cost.items())]
    main = results[(golds[0].name, True)]
    lines = [f"{name} ({'phoenix' if use else 'lists'}): mentions {r['mentions']} acc {r['accuracy']:.3f} "
             f"country {_fmt(r['country'])} type {_fmt(r['type'])} sector {_fmt(r['sector'])} "
             f"non-actors-out {_fmt(r['non_actors_out'])} linking {_fmt(r['linking'])} {r['seconds']:.1f}s"
             for (name, use), r in results.items()]
    lines += [f"{k}: build {s:.3f}s, {m:.1f} MB" for k, (s, m) in cost.items()]
    lines.append(f"actor_mention_accuracy: {main['accuracy']:.3f}")
    print("\n".join(lines))
    errs = [e for g in dev for e in results[(g.name, True)]["errors"]]
    body = "\n".join([
        "## Actor resolution (project gold sets `eval/actors.jsonl`, `eval/actors_voa.jsonl`)",
        "",
        f"Command: `thucydides eval actors`. Analyser {__version__}, model `{settings.model}`, run {dt.date.today().isoformat()}.",
        "Figures per gold mention of the actor resolved at its span (see `thucydides/evaluate/actors.py`); floors: "
        + ", ".join(f"{k} >= {v}" for k, v in FLOORS.items()) + ".",
        "",
        *rows,
        "",
        "Knowledge base cost (one-time, lazily built; tracemalloc after the build):",
        "",
        *cost_rows,
        "",
        "Headline figures (lists + Phoenix; the VOA set is the one written for this issue and not tuned rule by rule):",
        "",
        "```",
        *(f"{m}_{'voa' if 'voa' in g.name else 'project'}: {_fmt(results[(g.name, True)][m])}"
          for g in dev for m in ("country", "sector", "non_actors_out") if results[(g.name, True)][m] is not None),
        f"actor_mention_accuracy: {main['accuracy']:.3f}",
        "```",
        "",
        "By mention kind (lists + Phoenix):",
        "",
        "```",
        *(f"{g.name:<20} {k:<8} {c}/{t} = {c / t:.3f}" for g in golds for k, (c, t) in results[(g.name, True)]["by_kind"].items()),
        "```",
        *(["", "`actors_fresh.jsonl` is the held-out check set (eval/actors_fresh.md): its row estimates how resolution "
           "does on passages nobody tuned to; its errors are not listed here. Do not tune rules to it."] if checks else []),
        "",
        "Errors (first 25, dev sets only):",
        "",
        *(f"- `{e['id']}` {e['kind']} \"{e['mention']}\" gold "
          f"{e['gold'] and (e['gold'].get('name') or e['gold'].get('country'), e['gold'].get('type'), e['gold'].get('country'), e['gold'].get('sector'))}, "
          f"got {e['predicted'] and tuple(e['predicted'].values())}"
          for e in errs[:25]),
    ])
    out_dir.mkdir(parents=True, exist_ok=True)
    update_section(out_dir / "EVAL.md", "actors", body, title=TITLE)
    (out_dir / "actors_errors.jsonl").write_text("".join(json.dumps(e) + "\n" for e in errs), encoding="utf-8")
    for g in checks:  # for auditing the check set's own gold only (git-ignored like every *_errors.jsonl)
        (out_dir / f"{g.stem}_errors.jsonl").write_text(
            "".join(json.dumps(e) + "\n" for e in results[(g.name, True)]["errors"]), encoding="utf-8")
    return main["accuracy"]
