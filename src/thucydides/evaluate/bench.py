"""Benchmark: ``thucydides bench`` measures, in one run, on the same machine and corpus:

(a) bare spaCy ``nlp.pipe`` with the same model and batch size, on the clean texts;
(b) full analysis (read, clean, parse, actors, quotes, events);
(c) ingestion into DuckDB (full analysis plus storage);
the ratio b/a; peak RSS of each run (each runs in its own process, so the figure is that
run's own, and runs on a quarter of the corpus show whether memory grows with its size);
``--jobs 1`` vs ``2``; Dask with 1 vs 2 workers; a relations query over 1 million synthetic
events. Results go to ``reports/BENCH.md`` (generated, never typed by hand).
"""
from __future__ import annotations

import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Optional

from .. import __version__
from ..settings import load


def make_corpus(source: Path, n: int, out: Path) -> dict:
    """Repeat the stories of ``source`` (JSONL) to ``n`` articles, each copy's text made unique."""
    stories = [json.loads(l) for l in source.read_text(encoding="utf-8").splitlines() if l.strip()]
    words = 0
    with open(out, "w", encoding="utf-8") as f:
        for i in range(n):
            s = dict(stories[i % len(stories)])
            s["id"] = f"{s['id']}-{i}"
            s["text"] = s["text"] + f"\n\n(Copy {i} of this story, for the benchmark.)"
            words += len(s["text"].split())
            f.write(json.dumps(s, ensure_ascii=False) + "\n")
    return {"articles": n, "words": words, "stories": len(stories)}


def _peak_rss_mb() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(me, kids) / 1024.0  # Linux reports KiB


def run_one(mode: str, corpus: Path, workdir: Path, jobs: int = 1) -> dict:
    """One measurement, in this process. Modes: bare, full, ingest, dask."""
    from ..input.read import read
    from ..model import Document

    settings = load(jobs=jobs)
    t0 = time.perf_counter()
    n = words = 0
    if mode == "bare":
        from ..input.clean import clean
        from ..nlp.parse import get_nlp

        texts = []
        for d in read([corpus], settings):
            if isinstance(d, Document):
                texts.append(clean(d, settings).text)
        nlp = get_nlp(settings)
        t0 = time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=settings.batch_size):
            n += 1
            words += sum(1 for t in doc if not t.is_punct and not t.is_space)
    elif mode == "full":
        from ..pipeline import analyze

        for item in analyze([corpus], settings):
            if isinstance(item, Document):
                n += 1
                words += len(item.text.split())
    elif mode == "ingest":
        from ..pipeline import analyze
        from ..storage.store import ingest

        db = workdir / f"bench-{os.getpid()}.duckdb"
        report = ingest(db, analyze([corpus], settings))
        n = report.stored + report.duplicates
    elif mode.startswith("dask"):
        from ..pipeline.parallel import dask_analyze

        workers = int(mode[4:] or 1)
        summary = dask_analyze(read([corpus], settings), workdir / f"parts-{workers}", address="local",
                               workers=workers, settings=settings, batch_size=32)
        n = summary["documents"]
    else:
        raise ValueError(f"unknown bench mode {mode!r}")
    seconds = time.perf_counter() - t0
    return {"mode": mode, "jobs": jobs, "articles": n, "words": words, "seconds": seconds,
            "articles_per_s": n / seconds if seconds else 0.0, "peak_rss_mb": _peak_rss_mb()}


def _subprocess(mode: str, corpus: Path, workdir: Path, jobs: int = 1) -> dict:
    cmd = [sys.executable, "-m", "thucydides.evaluate.bench", mode, str(corpus), str(workdir), str(jobs)]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"bench {mode} failed:\n{res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


def relations_query(n_events: int = 1_000_000, repeats: int = 5) -> dict:
    """Time ``relations.series`` for one pair over a store holding ``n_events`` synthetic events."""
    from ..query.relations import series
    from ..storage.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "rel.duckdb") as s:
            s.con.execute(f"""
                INSERT INTO events
                SELECT 'k' || (i % 50000), 'e' || i,
                       (['AGREE','CONSULT','SUPPORT','COOPERATE','AID','REQUEST','ACCUSE','REJECT','THREATEN',
                         'PROTEST','SANCTION','MOBILIZE','COERCE','ASSAULT','CONCEDE','RETREAT'])[1 + (i * 7) % 16],
                       NULL, []::VARCHAR[], ['a1'], ['a2'],
                       [(['RUS','CHN','USA','UKR','IRN','ISR','IND','PAK','TUR','SYR'])[1 + i % 10]],
                       [(['CHN','RUS','UKR','USA','ISR','IRN','PAK','IND','SYR','TUR'])[1 + (i // 10) % 10]],
                       (i % 13 = 0), (i % 17 = 0), false, false, 0, 10, 0, 5,
                       DATE '2020-01-01' + INTERVAL (i % 2000) DAY, NULL, ((i % 21) - 10)::DOUBLE, NULL,
                       'synthetic', 'ev' || (i % 900000), 'bench'
                FROM range({n_events}) t(i)""")
            times = []
            for _ in range(repeats):
                t0 = time.perf_counter()
                res = series(s, "RUS", "CHN", by="month")
                times.append(time.perf_counter() - t0)
    return {"events": n_events, "best_s": min(times), "median_s": sorted(times)[len(times) // 2],
            "points": len(res["points"]), "pair_events": res["total"]}


def run(source: Path, n: int = 2000, out_dir: Path = Path("reports"), quick: bool = False, scaling_n: int = 600) -> str:
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        info = make_corpus(source, n, corpus)
        small = work / "corpus-quarter.jsonl"
        make_corpus(source, max(1, n // 4), small)
        scaling = work / "corpus-scaling.jsonl"
        info["scaling_articles"] = make_corpus(source, min(n, scaling_n), scaling)["articles"]
        print(f"bench: {n} articles, {info['words']:,} words ({info['words'] // n} per article)", file=sys.stderr)
        rows = {}
        # scaling is compared on one corpus size: --jobs 1 and 2, Dask with 1 and 2 workers
        plan = [("a_bare", "bare", corpus, 1), ("b_full", "full", corpus, 1), ("c_ingest", "ingest", corpus, 1),
                ("b_full_quarter", "full", small, 1), ("s_jobs1", "full", scaling, 1), ("s_jobs2", "full", scaling, 2)]
        if not quick:
            plan += [("dask1", "dask1", scaling, 1), ("dask2", "dask2", scaling, 1)]
        for name, mode, path, jobs in plan:
            print(f"bench: {name} ...", file=sys.stderr)
            rows[name] = _subprocess(mode, path, work, jobs)
            print(f"bench: {name}: {rows[name]['articles_per_s']:.1f} articles/s, "
                  f"peak RSS {rows[name]['peak_rss_mb']:.0f} MB", file=sys.stderr)
    print("bench: relations query over 1,000,000 events ...", file=sys.stderr)
    rel = relations_query(1_000_000 if not quick else 100_000)
    text = render(info, rows, rel, quick)
    (out_dir / "BENCH.md").write_text(text, encoding="utf-8")
    return text


def render(info: dict, rows: dict, rel: dict, quick: bool) -> str:
    wpa = info["words"] / info["articles"]
    a, b = rows["a_bare"], rows["b_full"]
    j1, j2 = rows["s_jobs1"], rows["s_jobs2"]
    lines = [
        "# Benchmark report",
        "",
        f"Generated by `thucydides bench{' --quick' if quick else ''}` on {dt.date.today().isoformat()}; do not edit by hand. "
        f"Analyser {__version__}, model `{load().model}`, batch size {load().batch_size}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores. Corpus: the {info['stories']} Voice of America stories of `../shared/corpus/voa_stories.jsonl` "
        f"repeated to {info['articles']} articles ({info['words']:,} words, {wpa:.0f} per article). "
        "Each run is its own process, measured in the same session, so the figures are comparable with each other.",
        "",
        "| run | articles | seconds | articles/s | words/s | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    labels = {"a_bare": "(a) bare spaCy nlp.pipe, same model and batch size", "b_full": "(b) full analysis, --jobs 1",
              "c_ingest": "(c) ingestion into DuckDB (analysis + store)",
              "b_full_quarter": "(b) full analysis on a quarter of the corpus (memory check)",
              "s_jobs1": f"(b) full analysis, --jobs 1, {info['scaling_articles']} articles",
              "s_jobs2": f"(b) full analysis, --jobs 2, {info['scaling_articles']} articles",
              "dask1": f"Dask LocalCluster, 1 worker, {info['scaling_articles']} articles",
              "dask2": f"Dask LocalCluster, 2 workers, {info['scaling_articles']} articles"}
    for k, r in rows.items():
        lines.append(f"| {labels[k]} | {r['articles']} | {r['seconds']:.1f} | {r['articles_per_s']:.1f} | "
                     f"{r['articles_per_s'] * wpa:,.0f} | {r['peak_rss_mb']:.0f} |")
    ratio = b["articles_per_s"] / a["articles_per_s"] if a["articles_per_s"] else 0
    lines += [
        "",
        "| measure | value | target |",
        "|---|---:|---|",
        f"| full analysis / bare parse (b/a) | {ratio:.2f} | >= 0.8 |",
        f"| full analysis, articles/s (--jobs 1) | {b['articles_per_s']:.1f} | >= 10 on 2 cores |",
        f"| full analysis, articles/s (--jobs 2) | {j2['articles_per_s']:.1f} | >= 10 on 2 cores |",
        f"| --jobs 2 / --jobs 1 | {j2['articles_per_s'] / j1['articles_per_s']:.2f} | |",
        f"| peak RSS, full corpus vs quarter (MB) | {b['peak_rss_mb']:.0f} vs {rows['b_full_quarter']['peak_rss_mb']:.0f} | < 1,500, flat |",
    ]
    if "dask1" in rows:
        lines.append(f"| Dask 2 workers / 1 worker | {rows['dask2']['articles_per_s'] / rows['dask1']['articles_per_s']:.2f} | >= 1.7 |")
    lines += [
        f"| relations query over {rel['events']:,} events (best of 5 / median) | {rel['best_s']:.3f} s / {rel['median_s']:.3f} s | < 0.5 s |",
        "",
        "Notes: peak RSS of (b) --jobs 2 and Dask runs is the largest single process (parent or one worker), "
        "as reported by getrusage. Words/s uses whitespace-separated words of the clean text.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    mode, corpus, workdir, jobs = argv[0], Path(argv[1]), Path(argv[2]), int(argv[3])
    print(json.dumps(run_one(mode, corpus, workdir, jobs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
