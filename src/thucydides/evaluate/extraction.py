"""Extraction evaluation: our clean step beside trafilatura alone and readability-lxml alone, same pages, same run.

``thucydides eval extraction`` reads every page of each set once (``input.read``, so all three extractors get
the same decoded text), then times and records three extractions of it:

- ``thucydides``: the clean step (``input.clean``: candidate extractions, the choice, chrome removal, metadata);
- ``trafilatura``: ``trafilatura.bare_extraction(page, with_metadata=True)`` with its default settings (its text
  and the same metadata our clean step gives);
- ``readability-lxml``: ``readability.Document(page).summary()`` as text.

Each is scored by ``shared/eval/score.py extraction`` (the figures in the report are its output); pages/s is
pages over the seconds spent in that extractor alone. The five worst pages of ours in each set are listed
with the reason (the per-page figure is score.py's own metric, computed with its functions), and the
extraction's account of its choice on that page.
"""
from __future__ import annotations

import datetime as dt
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

from .. import __version__
from ..input import clean, read
from ..input.extract import extract, readability_lxml
from ..model import Document, Failure
from ..settings import Settings
from .report import TITLE, headline, update_section

SETS = {
    "zyte": ("Zyte article-extraction benchmark", "eval/extraction/zyte"),
    "dragnet-train": ("Dragnet training split (AGPLv3, evaluation only)", "eval/extraction/dragnet-train"),
}
SYSTEMS = ("thucydides", "trafilatura", "readability-lxml")
WORST = 5


def _trafilatura(raw: str) -> str:
    import trafilatura

    result = trafilatura.bare_extraction(raw, with_metadata=True)
    return (result.text or "") if result is not None else ""


def _scorer(shared: Path):
    spec = importlib.util.spec_from_file_location("thucydides_shared_score", shared / "eval" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def page_scores(scorer, gold: str, pred: str) -> tuple[float, float, float]:
    """score.py's per-page precision and recall (its extraction metric), and their F1."""
    t, p = scorer.shingles(gold), scorer.shingles(pred)
    tp = sum((t & p).values())
    fp, fn = sum(p.values()) - tp, sum(t.values()) - tp
    if fp == fn == 0:
        return 1.0, 1.0, 1.0
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    return prec, rec, (2 * prec * rec / (prec + rec) if prec + rec else 0.0)


WARM_UP = ("<html><head><title>Warm-up</title></head><body><article><p>Imports and one-time tables (stop lists, "
           "patterns) load on the first page; this page takes that cost out of the timed runs.</p></article></body></html>")


def _run(pages: list[Document], settings: Settings) -> dict:
    for fn in (lambda: clean(Document(id="warm-up", input="warm-up", raw=WARM_UP, is_html=True), settings),
               lambda: _trafilatura(WARM_UP), lambda: readability_lxml(WARM_UP),
               lambda: extract(WARM_UP, settings=settings, all_candidates=True)):
        try:
            fn()
        except Exception:  # the warm-up page may be too short to count as an article
            pass
    out = {name: {} for name in SYSTEMS}
    secs = dict.fromkeys(SYSTEMS, 0.0)
    failures: dict[str, str] = {}
    def ours(doc):
        try:
            clean(doc, settings)
            return doc.text
        except Exception as e:  # a page our clean step refuses is a page with no text; the reason is reported
            failures[doc.id] = str(e)
            return None

    def guarded(fn, raw):
        try:
            return fn(raw)
        except Exception:
            return ""

    for i, doc in enumerate(pages):
        raw = doc.raw
        jobs = [("thucydides", ours, doc), ("trafilatura", _trafilatura, raw), ("readability-lxml", readability_lxml, raw)]
        # the order rotates from page to page, so that no extractor always runs first (on a cold cache)
        for name, fn, arg in jobs[i % 3:] + jobs[:i % 3]:
            t0 = time.perf_counter()
            text = fn(arg) if name == "thucydides" else guarded(fn, arg)
            secs[name] += time.perf_counter() - t0
            if text is not None:
                out[name][doc.id] = text
    return {"texts": out, "seconds": secs, "failures": failures}


def _worst(scorer, gold: dict, run: dict, raws: dict, settings: Settings) -> list[str]:
    ours = run["texts"]["thucydides"]
    rows = []
    for key, g in gold.items():
        body = g.get("articleBody", "")
        if not body.strip() or key not in raws:  # pages read.py could not read are listed with its reason above
            continue
        p, r, f = page_scores(scorer, body, ours.get(key, ""))
        rows.append((f, key, p, r))
    rows.sort()
    lines = ["| page | F1 | P | R | chosen | reason |", "|---|---:|---:|---:|---|---|"]
    for f, key, p, r in rows[:WORST]:
        if key in run["failures"]:
            why = f"refused: {run['failures'][key]}"
            chosen = "-"
        else:
            ex = extract(raws[key], settings=settings, all_candidates=True)
            best = max(ex.candidates, key=lambda n: page_scores(scorer, gold[key]["articleBody"], ex.candidates[n])[2])
            bf = page_scores(scorer, gold[key]["articleBody"], ex.candidates[best])[2]
            kind = ("lost part of the article" if r < p - 0.05 else "kept text that is not the article" if p < r - 0.05
                    else "kept other text and lost part of the article")
            why = f"{kind}; {ex.reason}; best candidate here: {best} (F1 {bf:.3f})"
            chosen = ex.chosen
        lines.append(f"| {key[:16]} | {f:.3f} | {p:.3f} | {r:.3f} | {chosen} | {why.replace('|', '/')} |")
    return lines


def run_set(name: str, shared: Path, out_dir: Path, settings: Settings, scorer) -> tuple[str, dict]:
    title, rel = SETS[name]
    base = shared / rel
    gold_path = base / "ground-truth.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    pages, read_failures = [], []
    for item in read([base / "html"], settings):
        (read_failures if isinstance(item, Failure) else pages).append(item)
    raws = {d.id: d.raw for d in pages}
    print(f"eval extraction {name}: {len(pages)} pages read, {len(read_failures)} not read; extracting ...", file=sys.stderr)
    run = _run(pages, settings)
    figures = {}
    rows = ["| extractor | F1 | precision | recall | pages/s | seconds |", "|---|---:|---:|---:|---:|---:|"]
    for system in SYSTEMS:
        pred = out_dir / f"pred-extraction-{name}-{system}.jsonl"
        with open(pred, "w", encoding="utf-8") as f:
            for key, text in run["texts"][system].items():
                f.write(json.dumps({"id": key, "text": text}, ensure_ascii=False) + "\n")
        scored = _score(shared, gold_path, pred)
        _, value = headline(scored)
        pr = next((line for line in scored.splitlines() if line.startswith("precision")), "precision - recall -").split()
        secs = run["seconds"][system]
        figures[system] = {"f1": value, "seconds": secs, "scored": scored}
        rows.append(f"| {system} | {value:.3f} | {pr[1]} | {pr[3]} | {len(pages) / secs if secs else 0:.1f} | {secs:.1f} |")
    ratio = run["seconds"]["thucydides"] / run["seconds"]["trafilatura"] if run["seconds"]["trafilatura"] else 0.0
    figures["ratio"] = ratio
    body = [
        f"### {title}: {len(gold)} pages",
        "",
        f"{len(pages)} pages read, {len(read_failures)} not read"
        + (" (" + "; ".join(f"{f.input}: {f.reason}" for f in read_failures[:5]) + ")" if read_failures else "")
        + f", {len(run['failures'])} refused by the clean step. Pages not read count as missing for all three "
        "extractors (score.py: recall 0 on them).",
        "",
        *rows,
        "",
        f"Clean step time / trafilatura time on the same pages: **{ratio:.2f}x**.",
        "",
        "Five worst pages of ours among the pages read (per-page F1 by score.py's metric; the reason is the "
        "extraction's own account of its choice, and the candidate that would have scored best):",
        "",
        *_worst(scorer, gold, run, raws, settings),
        "",
        "score.py output for ours:",
        "",
        "```",
        figures["thucydides"]["scored"],
        "```",
    ]
    return "\n".join(body), figures


def _score(shared: Path, gold: Path, pred: Path) -> str:
    """``python3 shared/eval/score.py extraction GOLD PRED``: its output, as the report shows it."""
    res = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "extraction", str(gold), str(pred)],
                         capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise RuntimeError(f"score.py extraction failed: {res.stderr.strip() or res.stdout.strip()}")
    return res.stdout.strip()


def run(shared: Path, out_dir: Path, settings: Settings) -> tuple[str, float]:
    """Evaluate both sets, write the ``extraction`` section of ``OUT_DIR/EVAL.md``; returns the Zyte headline."""
    out_dir.mkdir(parents=True, exist_ok=True)
    scorer = _scorer(shared)
    sections, figures = [], {}
    for name in SETS:
        if not (shared / SETS[name][1] / "ground-truth.json").exists():
            print(f"eval extraction: {name} is not in {shared}; skipped", file=sys.stderr)
            continue
        text, figs = run_set(name, shared, out_dir, settings, scorer)
        sections.append(text)
        figures[name] = figs
        print(f"{name}: " + ", ".join(f"{s} F1 {figs[s]['f1']:.3f} ({figs[s]['seconds']:.1f} s)" for s in SYSTEMS)
              + f"; time ratio {figs['ratio']:.2f}")
    body = "\n".join([
        "## Article extraction (Zyte benchmark, 181 pages; Dragnet training split, 928 pages)",
        "",
        f"Command: `thucydides eval extraction` (reads each page once, extracts it with our clean step, trafilatura "
        f"alone and readability-lxml alone, and scores each with `python3 ../shared/eval/score.py extraction ...`). "
        f"Analyser {__version__}, run {dt.date.today().isoformat()}.",
        "",
        "Floors: Zyte F1 >= 0.964; Dragnet-train F1 >= readability-lxml's + 0.01; clean step time <= 1.5x trafilatura's.",
        "",
        *("\n\n".join(sections).splitlines()),
    ])
    zyte = figures.get("zyte") or next(iter(figures.values()))
    # the section's last `metric: value` line is its headline (tools/update_figures.py): the Zyte figure
    body += ("\n\nHeadline (the README's figure: ours on "
             + ("Zyte" if "zyte" in figures else next(iter(figures))) + "):\n\n```\n"
             + f"extraction_f1: {zyte['thucydides']['f1']:.3f}\n```")
    update_section(out_dir / "EVAL.md", "extraction", body, title=TITLE)
    print(f"extraction_f1: {zyte['thucydides']['f1']:.3f}")
    return "extraction_f1", zyte["thucydides"]["f1"]

