"""Benchmark: ``thucydides bench`` measures, in one run, on the same machine and corpus:

(a) the bare default spaCy pipeline (the model as it ships, ``nlp.pipe``, same batch size) on the clean texts;
(b) the full analysis (read, clean, parse, actors, quotes, events, linking), model loaded beforehand as in (a);
(c) ingestion into DuckDB (full analysis plus storage);
the ratio b/a; peak RSS of each run (each runs in its own process, so the figure is that run's own; the
full analysis also runs on a quarter of the corpus to show whether memory grows with its size);
``--jobs 1`` vs ``2`` and Dask with 1 vs 2 workers on one corpus, end to end (start-up and model loads
included); the cleaning step beside trafilatura alone on the same HTML pages; the knowledge base's load
time and memory; a relations query over 1 million synthetic events. (a) and (b) alternate, twice unless
``--quick``, and the faster of each counts. Results go to ``reports/BENCH.md`` (generated, never typed).
"""
from __future__ import annotations

import datetime as dt
import gzip
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


def _cpu_s() -> float:
    """CPU seconds (user + system) of this process and its finished children (workers, nannies)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_one(mode: str, corpus: Path, workdir: Path, jobs: int = 1) -> dict:
    """One measurement, in this process. Modes: bare, full, ingest, jobs (end to end), dask1/dask2, clean, kb."""
    from ..input.read import read
    from ..model import Document

    if mode == "clean":
        return clean_vs_trafilatura(corpus)
    if mode == "kb":
        return kb_load()
    settings = load(jobs=jobs)
    if mode in ("bare", "full", "ingest"):  # throughput: the model is loaded before the clock starts
        from ..nlp.parse import get_nlp, load_pipeline

        nlp = load_pipeline(settings.model) if mode == "bare" else get_nlp(settings)
    t0, c0 = time.perf_counter(), _cpu_s()
    n = words = 0
    if mode == "bare":
        from ..input.clean import clean

        texts = []
        for d in read([corpus], settings):
            if isinstance(d, Document):
                texts.append(clean(d, settings).text)
        t0, c0 = time.perf_counter(), _cpu_s()
        for doc in nlp.pipe(texts, batch_size=settings.batch_size):
            n += 1
            words += sum(1 for t in doc if not t.is_punct and not t.is_space)
    elif mode in ("full", "jobs"):
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
                               workers=workers, settings=settings, batch_size=settings.batch_size)
        n = summary["documents"]
    else:
        raise ValueError(f"unknown bench mode {mode!r}")
    seconds = time.perf_counter() - t0
    return {"mode": mode, "jobs": jobs, "articles": n, "words": words, "seconds": seconds, "cpu_s": _cpu_s() - c0,
            "articles_per_s": n / seconds if seconds else 0.0, "peak_rss_mb": _peak_rss_mb()}


def clean_vs_trafilatura(html_dir: Path, rounds: int = 2) -> dict:
    """The cleaning step (``input.clean`` on a read HTML page) beside trafilatura alone on the same page strings,
    two ways: ``trafilatura.bare_extraction(page, with_metadata=True)`` (the text with the title, date, URL and
    site name: what the cleaning step delivers, and what the extraction eval times) and ``trafilatura.extract``
    at its defaults (the text only). Page by page in rotating order, so that all three see the same machine load;
    wall-clock and CPU time (``time.process_time``) both kept: on a shared machine the CPU time is the steadier."""
    import trafilatura

    from ..errors import InputError
    from ..input.clean import clean
    from ..model import Document

    def ours(html):
        try:
            clean(Document(id="bench", input="bench", raw=html, is_html=True))
        except InputError:
            pass

    runs = [("clean", ours), ("bare_meta", lambda html: trafilatura.bare_extraction(html, with_metadata=True)),
            ("extract", trafilatura.extract)]
    pages = []
    for p in sorted(Path(html_dir).iterdir()):
        raw = gzip.open(p, "rb").read() if p.suffix == ".gz" else p.read_bytes()
        pages.append(raw.decode("utf-8", errors="replace"))
    wall = dict.fromkeys((n for n, _ in runs), 0.0)
    cpu = dict(wall)
    for r in range(rounds + 1):  # round 0 warms all up
        for i, html in enumerate(pages):
            for name, fn in runs[i % 3:] + runs[:i % 3]:
                t, c = time.perf_counter(), time.process_time()
                fn(html)
                if r:
                    wall[name] += time.perf_counter() - t
                    cpu[name] += time.process_time() - c
    return {"mode": "clean", "pages": len(pages), "rounds": rounds, "clean_s": wall["clean"],
            "trafilatura_s": wall["bare_meta"], "extract_s": wall["extract"], "cpu_s": cpu,
            "ratio": cpu["clean"] / cpu["bare_meta"] if cpu["bare_meta"] else 0.0,
            "ratio_extract": cpu["clean"] / cpu["extract"] if cpu["extract"] else 0.0, "peak_rss_mb": _peak_rss_mb()}


def kb_load() -> dict:
    """Load time and memory of the knowledge base: the index the analysis uses (``kb.load``) and every data
    file shipped under ``thucydides/data`` (the Phoenix actor and agent tables included)."""
    from .. import kb, knowledge

    before = _peak_rss_mb()
    t0 = time.perf_counter()
    kb.load()
    t_index = time.perf_counter() - t0
    files = sorted(p.name for p in knowledge.path("").iterdir() if p.name.endswith((".tsv", ".txt")))
    rows = 0
    for name in files:
        rows += len(knowledge.table(name)) if name.endswith(".tsv") else len(knowledge.lines(name))
    seconds = time.perf_counter() - t0
    return {"mode": "kb", "files": len(files), "rows": rows, "index_s": t_index, "seconds": seconds,
            "rss_before_mb": before, "peak_rss_mb": _peak_rss_mb()}


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
                INSERT INTO events (doc_key, event_id, type, mode, context, source, target, source_codes, target_codes,
                                    negated, hypothetical, future, historical, sentence_start, sentence_end,
                                    trigger_start, trigger_end, date, location, score, quote_id, sentence, event_key,
                                    analyser)
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


def run(source: Path, n: Optional[int] = None, out_dir: Path = Path("reports"), quick: bool = False,
        scaling_n: Optional[int] = None, html_dir: Optional[Path] = None) -> str:
    """Every measurement, each in its own process; writes ``out_dir/BENCH.md`` and returns its text.

    ``html_dir``: HTML pages for the cleaning measurement (default: the Zyte extraction pages beside the
    corpus, ``SHARED/eval/extraction/zyte/html``; skipped when absent).
    """
    n = n or (200 if quick else 2000)
    scaling_n = scaling_n or (400 if quick else 600)
    if html_dir is None:
        cand = Path(source).resolve().parent.parent / "eval" / "extraction" / "zyte" / "html"
        html_dir = cand if cand.is_dir() else None
    out_dir.mkdir(parents=True, exist_ok=True)
    rows: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        info = make_corpus(source, n, corpus)
        small = work / "corpus-quarter.jsonl"
        make_corpus(source, max(1, n // 4), small)
        scaling = work / "corpus-scaling.jsonl"
        info["scaling_articles"] = make_corpus(source, scaling_n, scaling)["articles"]
        print(f"bench: {n} articles, {info['words']:,} words ({info['words'] // n} per article)", file=sys.stderr)
        # (a) and (b) alternate so that both see the same machine; the faster of each counts
        plan = [("a_bare", "bare", corpus, 1), ("b_full", "full", corpus, 1)] * (1 if quick else 2)
        plan += [("c_ingest", "ingest", corpus, 1), ("b_full_quarter", "full", small, 1),
                 # scaling, end to end (start-up and model loads included), on one corpus
                 ("s_jobs1", "jobs", scaling, 1), ("s_jobs2", "jobs", scaling, 2),
                 ("dask1", "dask1", scaling, 1), ("dask2", "dask2", scaling, 1)]
        if html_dir is not None:
            plan.append(("clean", "clean", Path(html_dir), 1))
        plan.append(("kb", "kb", corpus, 1))
        for name, mode, path, jobs in plan:
            print(f"bench: {name} ...", file=sys.stderr)
            row = _subprocess(mode, path, work, jobs)
            if name in rows and rows[name].get("seconds", 0) <= row.get("seconds", 0):
                continue
            rows[name] = row
            if "articles_per_s" in row:
                print(f"bench: {name}: {row['articles_per_s']:.1f} articles/s, peak RSS {row['peak_rss_mb']:.0f} MB",
                      file=sys.stderr)
    print("bench: relations query ...", file=sys.stderr)
    rel = relations_query(1_000_000 if not quick else 100_000)
    text = render(info, rows, rel, quick)
    (out_dir / "BENCH.md").write_text(text, encoding="utf-8")
    return text


def _ratio(x: float, y: float) -> float:
    return x / y if y else 0.0


def render(info: dict, rows: dict, rel: dict, quick: bool) -> str:
    from ..nlp.matmul import why_not as why_not_matmul
    from ..nlp.parse import why_no_cache

    settings = load()
    wpa = info["words"] / info["articles"]
    a, b = rows["a_bare"], rows["b_full"]
    j1, j2 = rows["s_jobs1"], rows["s_jobs2"]
    d1, d2 = rows["dask1"], rows["dask2"]
    cache = why_no_cache(settings.model)
    matmul = why_not_matmul() if settings.numpy_matmul else "setting numpy_matmul off"
    lines = [
        "# Benchmark report",
        "",
        f"Generated by `thucydides bench{' --quick' if quick else ''}` on {dt.date.today().isoformat()}; do not edit by hand. "
        f"Analyser {__version__}, model `{settings.model}`, batch size {settings.batch_size}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores. Corpus: the {info['stories']} Voice of America stories of `../shared/corpus/voa_stories.jsonl` "
        f"repeated to {info['articles']} articles ({info['words']:,} words, {wpa:.0f} per article). "
        "Each run is its own process, measured in the same session, so the figures are comparable with each other. "
        + ("(a) and (b) ran once each." if quick else "(a) and (b) ran twice, alternating; the faster run of each is shown."),
        "",
        "| run | articles | seconds | articles/s | words/s | CPU s per article | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    sn = info["scaling_articles"]
    labels = {"a_bare": "(a) bare default spaCy pipeline (nlp.pipe, model as shipped, same batch size)",
              "b_full": "(b) full analysis, --jobs 1",
              "c_ingest": "(c) ingestion into DuckDB (analysis + store)",
              "b_full_quarter": "(b) full analysis on a quarter of the corpus (memory check)",
              "s_jobs1": f"--jobs 1, {sn} articles, end to end", "s_jobs2": f"--jobs 2, {sn} articles, end to end",
              "dask1": f"Dask LocalCluster, 1 worker, {sn} articles, end to end",
              "dask2": f"Dask LocalCluster, 2 workers, {sn} articles, end to end"}
    for k, label in labels.items():
        r = rows[k]
        lines.append(f"| {label} | {r['articles']} | {r['seconds']:.1f} | {r['articles_per_s']:.1f} | "
                     f"{r['articles_per_s'] * wpa:,.0f} | {_ratio(r['cpu_s'], r['articles']):.3f} | {r['peak_rss_mb']:.0f} |")
    peak = max(r["peak_rss_mb"] for k, r in rows.items() if k in labels)
    lines += [
        "",
        "| measure | value | target |",
        "|---|---:|---|",
        f"| full analysis / bare default pipeline (b/a, articles/s) | {_ratio(b['articles_per_s'], a['articles_per_s']):.2f} | >= 1.10 |",
        f"| --jobs 2 / --jobs 1 ({sn} articles) | {_ratio(j2['articles_per_s'], j1['articles_per_s']):.2f} | >= 1.8 |",
        f"| Dask 1 worker / --jobs 1 | {_ratio(d1['articles_per_s'], j1['articles_per_s']):.2f} | >= 0.90 |",
        f"| Dask 2 workers / 1 worker | {_ratio(d2['articles_per_s'], d1['articles_per_s']):.2f} | >= 1.8 |",
        f"| peak RSS, full corpus vs quarter (MB) | {b['peak_rss_mb']:.0f} vs {rows['b_full_quarter']['peak_rss_mb']:.0f} | flat |",
        f"| largest peak RSS of any process (MB) | {peak:.0f} | <= 1,024 |",
    ]
    if "clean" in rows:
        c = rows["clean"]
        cs = c.get("cpu_s") or {"clean": c["clean_s"], "bare_meta": c["trafilatura_s"], "extract": c.get("extract_s", 0.0)}
        lines.append(f"| cleaning / trafilatura's bare_extraction with metadata ({c['pages']} HTML pages x {c['rounds']}, "
                     f"CPU: {cs['clean']:.1f} s vs {cs['bare_meta']:.1f} s) | {c['ratio']:.2f} | <= 1.2 |")
        if "ratio_extract" in c:
            lines.append(f"| cleaning / trafilatura.extract at its defaults, text only (CPU: {cs['clean']:.1f} s vs "
                         f"{cs['extract']:.1f} s) | {c['ratio_extract']:.2f} | |")
    k = rows["kb"]
    lines += [
        f"| knowledge base: index load (kb.load) / all {k['files']} data files ({k['rows']:,} rows) | "
        f"{k['index_s']:.2f} s / {k['seconds']:.2f} s, {k['peak_rss_mb'] - k['rss_before_mb']:.0f} MB | |",
        f"| relations query over {rel['events']:,} events (best of 5 / median) | {rel['best_s']:.3f} s / {rel['median_s']:.3f} s | < 0.5 s |",
        "",
        "Notes: (a) runs the model as it ships; (b) runs it with "
        + ("the token cache in place of its attribute_ruler and lemmatizer" if not cache else f"its own components ({cache})")
        + (", and its layers' matrix products through numpy's OpenBLAS on one thread instead of thinc's blis "
           "(setting numpy_matmul)" if not matmul else f", with thinc's blis products ({matmul})")
        + " (the same tags, parses, entities, lemmas and POS: `tools/check_token_cache.py` compares them token by token)"
        + ". Peak RSS of --jobs 2 and Dask runs is the largest single process (parent or one worker), as reported by "
        "getrusage. CPU s per article counts the process and its workers (user + system): on a shared machine it shows "
        "the work done when wall-clock ratios are disturbed by other load. Words/s uses whitespace-separated words of the clean text. Scaling runs are end to end: worker "
        "start-up and model loads count. The cleaning step runs `input.clean` (candidate extractions and their vote, the "
        "page's title, date, URL and site name, then our text clean-up) beside trafilatura alone on the same pages, in "
        "rotating order, timed in CPU seconds: the target compares it with `trafilatura.bare_extraction(page, "
        "with_metadata=True)`, which delivers what the cleaning step delivers (text and metadata; the extraction eval "
        "times the same call; trafilatura also searches the author, categories, tags and licence, which the cleaning "
        "step skips as it keeps only title, date, URL and site name), and `trafilatura.extract` at its defaults (text "
        "only, no metadata search) is shown beside it.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: Optional[list[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    mode, corpus, workdir, jobs = argv[0], Path(argv[1]), Path(argv[2]), int(argv[3])
    print(json.dumps(run_one(mode, corpus, workdir, jobs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
