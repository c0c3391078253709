"""Command line: each command is a few lines over a library function."""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Optional

from .. import __version__
from ..errors import ThucydidesError
from ..model import Failure
from ..settings import load


class Progress:
    """Documents/s on stderr (tqdm); silent with --quiet."""

    def __init__(self, quiet: bool, desc: str):
        self.bar = None
        self.t0 = time.perf_counter()
        self.n = 0
        if not quiet:
            from tqdm import tqdm

            self.bar = tqdm(desc=desc, unit="doc", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)

    def __call__(self, item) -> None:
        self.n += 1
        if isinstance(item, Failure) and not item.skipped:
            msg = f"error: {item}"
            (self.bar.write(msg, file=sys.stderr) if self.bar is not None else print(msg, file=sys.stderr))
        if self.bar is not None:
            self.bar.update(1)

    def wrap(self, items):
        for item in items:
            self(item)
            yield item

    def close(self) -> float:
        if self.bar is not None:
            self.bar.close()
        return time.perf_counter() - self.t0


def _settings(args):
    return load(model=getattr(args, "model", None), batch_size=getattr(args, "batch_size", None),
                jobs=getattr(args, "jobs", None))


def _summary(processed: int, failed: list, skipped: list, seconds: float, extra: str = "") -> None:
    rate = processed / seconds if seconds > 0 else 0.0
    print(f"{processed} analysed{extra}, {len(failed)} failed, {len(skipped)} skipped "
          f"in {seconds:.1f}s ({rate:.1f} documents/s)", file=sys.stderr)
    for f in failed:
        print(f"  failed  {f}", file=sys.stderr)
    for f in skipped:
        print(f"  skipped {f}", file=sys.stderr)


def cmd_analyze(args) -> int:
    from ..pipeline import analyze

    settings = _settings(args)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    progress = Progress(args.quiet or not args.out, "analyze")
    failed, skipped, n = [], [], 0
    try:
        for item in analyze(args.inputs, settings):
            progress(item)
            if isinstance(item, Failure):
                (skipped if item.skipped else failed).append(item)
                if not item.skipped and not args.out:
                    pass
                continue
            n += 1
            out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if args.out:
            out.close()
    seconds = progress.close()
    if not args.quiet or failed:
        _summary(n, failed, skipped, seconds)
    return 1 if failed else 0


def cmd_ingest(args) -> int:
    from ..pipeline import analyze
    from ..storage import Store, ingest, resume_state

    settings = _settings(args)
    db = args.db or settings.db
    done, registry = resume_state(db)
    skip = set() if args.no_resume else done
    if args.dask:
        from ..input.read import read
        from ..pipeline.parallel import dask_analyze, load_parquet

        items = (i for i in read(args.inputs, settings) if i.input not in skip)
        parts = args.parts or (str(db) + ".parts")
        t0 = time.perf_counter()
        summary = dask_analyze(items, parts, address=args.dask, workers=args.dask_workers, settings=settings)
        with Store(db) as store:
            stored, dup = load_parquet(store, parts)
            failures = [Failure(f["input"], f["reason"], f["skipped"]) for f in summary["failures"]]
            for f in failures:
                store.record_failure(f)
        failed = [f for f in failures if not f.skipped]
        if not args.quiet or failed:
            _summary(stored + dup, failed, [f for f in failures if f.skipped], time.perf_counter() - t0,
                     extra=f" on Dask ({stored} stored, {dup} already stored; partitions in {parts})")
        return 1 if failed else 0
    progress = Progress(args.quiet, "ingest")
    report = ingest(db, progress.wrap(analyze(args.inputs, settings, skip=skip, registry=registry)),
                    registry=registry)
    seconds = progress.close()
    if not args.quiet or report.failed:
        resumed = f", {len(skip)} inputs done by an earlier run" if skip else ""
        _summary(report.stored + report.duplicates, report.failed, report.skipped, seconds,
                 extra=f" ({report.stored} stored, {report.duplicates} already stored{resumed})")
    return 1 if report.failed else 0


def cmd_stats(args) -> int:
    from ..storage.store import Store

    with Store(args.db or load().db, read_only=True) as store:
        s = store.stats()
    if args.json:
        print(json.dumps(s, default=str, indent=2))
        return 0
    print(f"database   {s['path']}")
    print(f"documents  {s['documents']}  ({s['first_published']} to {s['last_published']})")
    print(f"actors     {s['actors']}  (mentions {s['mentions']})")
    print(f"quotes     {s['quotes']}")
    print(f"events     {s['events']}  (asserted {s['events_asserted']}; negated or hypothetical {s['events'] - s['events_asserted']})")
    print(f"failures   {s['failures']}")
    if s["top_pairs"]:
        print("most active country pairs (asserted events):")
        for p in s["top_pairs"]:
            print(f"  {p['source']} -> {p['target']}  {p['events']}")
    if s["sample_quotes"]:
        print("quotes:")
        for q in s["sample_quotes"]:
            who = ", ".join(x for x in (q["speaker_name"], q["speaker_role"], q["speaker_country"]) if x)
            flat = " ".join(q["content"].split())
            text = flat if len(flat) < 160 else flat[:157] + "..."
            print(f"  {who}: {text}")
    return 0


def cmd_actors(args) -> int:
    from ..linking import registry
    from ..storage.store import Store

    db = args.db or load().db
    if args.action == "merge":
        with Store(db) as store:
            row = registry.merge(store, args.ids[0], args.ids[1])
        print(f"merged {args.ids[1]} into {row['registry_id']} ({row['name']})")
        return 0
    if args.action == "set":
        with Store(db) as store:
            row = registry.correct(store, args.ids[0], name=args.name, country=args.country, role=args.role, sector=args.sector)
        print(f"{row['registry_id']}  {row['name']}  {row['country'] or '-'}  {row['role'] or '-'}  (corrected)")
        return 0
    with Store(db, read_only=True) as store:
        rows = registry.list_actors(store, name=args.name, limit=args.limit)
    if args.json:
        print(json.dumps(rows, default=str, indent=2))
        return 0
    for r in rows:
        flag = " *" if r["corrected"] else ""
        print(f"{r['registry_id']}  {r['name']:<30} {r['type']:<7} {r['country'] or '-':<4} "
              f"{r['role'] or '-':<22} docs={r['documents']} since={r['evidence_date'] or '-'}{flag}")
    return 0


def cmd_quotes(args) -> int:
    from ..query.search import find_quotes
    from ..storage.store import Store

    with Store(args.db or load().db, read_only=True) as store:
        rows = find_quotes(store, speaker=args.speaker, about=args.about, since=args.since, limit=args.limit)
    if args.json:
        print(json.dumps(rows, default=str, indent=2, ensure_ascii=False))
        return 0
    for q in rows:
        who = ", ".join(x for x in (q["speaker_name"] or "(unknown speaker)", q["speaker_role"], q["speaker_country"]) if x)
        print(f"[{q['published'] or '-'}] {who} ({q['kind']}): {q['content']}")
        print(f"    source: {q['source'] or q['url'] or '-'}  document: {q['id']}  span: [{q['content_start']}, {q['content_end']})")
    return 0


def cmd_events(args) -> int:
    from ..query.search import find_events
    from ..storage.store import Store

    with Store(args.db or load().db, read_only=True) as store:
        rows = find_events(store, actor=args.actor, recipient=args.recipient, type=args.type, since=args.since,
                           include_negated=args.include_negated, limit=args.limit)
        if args.export:
            from ..query.search import export_events

            path = export_events(store, args.export, rows=rows)
            print(f"wrote {len(rows)} events to {path}", file=sys.stderr)
            return 0
    if args.json:
        print(json.dumps(rows, default=str, indent=2, ensure_ascii=False))
        return 0
    for e in rows:
        flags = ",".join(k for k in ("negated", "hypothetical", "future") if e[k])
        print(f"[{e['date'] or '-'}] {'/'.join(e['source_codes']) or '?'} -> {'/'.join(e['target_codes']) or '?'} "
              f"{e['type']}{'/' + e['mode'] if e['mode'] else ''}{' (' + flags + ')' if flags else ''}"
              f"  sources={e['sources']}")
        print(f"    {e['sentence']}")
    return 0


def cmd_relations(args) -> int:
    from ..query.relations import series
    from ..storage.store import Store

    with Store(args.db or load().db, read_only=True) as store:
        res = series(store, args.a, args.b, by=args.by, since=args.since, until=args.until)
    if args.json:
        print(json.dumps(res, default=str, indent=2))
        return 0
    print(f"{args.a} - {args.b} by {args.by}: {res['total']} events")
    print(f"{'period':<12}{'events':>7}{'v.coop':>8}{'m.coop':>8}{'v.confl':>8}{'m.confl':>8}{'score':>7}{'neg/hyp':>8}")
    for p in res["points"]:
        score = f"{p['mean_score']:.2f}" if p["mean_score"] is not None else "-"
        print(f"{p['period']:<12}{p['events']:>7}{p['verbal_cooperation']:>8}{p['material_cooperation']:>8}"
              f"{p['verbal_conflict']:>8}{p['material_conflict']:>8}{score:>7}{p['negated_or_hypothetical']:>8}")
    return 0


def cmd_ask(args) -> int:
    from ..query.ask import ask, format_brief
    from ..storage.store import Store

    with Store(args.db or load().db, read_only=True) as store:
        brief = ask(store, args.question, limit=args.limit)
    if args.json:
        keep = ("question", "actors", "relation", "verdict", "understood", "message", "trend")
        out = {k: brief.get(k) for k in keep if k in brief}
        out["evidence"] = [{k: e[k] for k in ("text", "kind", "stance", "speaker", "date", "doc_id", "span")}
                           for e in brief["evidence"]]
        print(json.dumps(out, default=str, indent=2, ensure_ascii=False))
    else:
        print(format_brief(brief))
    return 0


def cmd_serve(args) -> int:
    from ..server.app import serve

    serve(args.db or load().db, host=args.host, port=args.port, token=args.token)
    return 0


def cmd_export(args) -> int:
    from ..storage.store import Store

    with Store(args.db or load().db, read_only=True) as store:
        path = store.export(args.table, args.out)
    print(f"wrote {args.table} to {path}", file=sys.stderr)
    return 0


def cmd_bench(args) -> int:
    from ..evaluate import bench
    from ..evaluate.evaluation import shared_dir

    try:
        source = Path(args.corpus) if args.corpus else shared_dir(args.shared) / "corpus" / "voa_stories.jsonl"
    except FileNotFoundError as e:
        print(f"thucydides bench: {e}", file=sys.stderr)
        return 2
    print(bench.run(source, n=args.n, out_dir=Path(args.out_dir), quick=args.quick, scaling_n=args.scaling_n))
    return 0


def cmd_eval(args) -> int:
    from ..evaluate import evaluation

    return evaluation.main(args.which, shared=args.shared, out_dir=args.out_dir, settings=_settings(args),
                           gold_dir=args.gold_dir)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="thucydides", description="Who said what, who did what to whom, from your own news articles.")
    p.add_argument("--version", action="version", version=f"thucydides {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp, db=True, model=True):
        if db:
            sp.add_argument("--db", help="DuckDB file (default: setting db, ./thucydides.duckdb)")
        if model:
            sp.add_argument("--model", help="spaCy pipeline (installed package or directory)")
            sp.add_argument("--batch-size", type=int, dest="batch_size")
        sp.add_argument("--quiet", "-q", action="store_true", help="no progress or summary")

    a = sub.add_parser("analyze", help="analyse articles, write analysis records as JSON Lines")
    a.add_argument("inputs", nargs="+", help="files, directories, JSONL, WARC, feeds, or - for stdin")
    a.add_argument("--out", "-o", help="output file (default: stdout)")
    a.add_argument("--jobs", "-j", type=int, help="worker processes (default 1)")
    common(a, db=False)
    a.set_defaults(func=cmd_analyze)

    i = sub.add_parser("ingest", help="analyse articles and store them in DuckDB")
    i.add_argument("inputs", nargs="+")
    i.add_argument("--jobs", "-j", type=int, help="worker processes (default 1)")
    i.add_argument("--dask", help="distribute over Dask: 'local' (a LocalCluster here) or tcp://HOST:PORT")
    i.add_argument("--dask-workers", type=int, default=2, dest="dask_workers", help="workers of a local Dask cluster")
    i.add_argument("--parts", help="folder for the Parquet partitions written by Dask workers (default DB.parts)")
    i.add_argument("--no-resume", action="store_true", dest="no_resume",
                   help="read inputs again even if this database already holds them (stored texts still are not duplicated)")
    common(i)
    i.set_defaults(func=cmd_ingest)

    s = sub.add_parser("stats", help="summarise a database")
    s.add_argument("--db")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_stats)

    ac = sub.add_parser("actors", help="list actors in the registry, merge or correct them")
    ac.add_argument("action", nargs="?", choices=["list", "merge", "set"], default="list")
    ac.add_argument("ids", nargs="*", help="merge KEEP OTHER | set ID")
    ac.add_argument("--db")
    ac.add_argument("--name", help="list: filter by name; set: new name")
    ac.add_argument("--country")
    ac.add_argument("--role")
    ac.add_argument("--sector")
    ac.add_argument("--limit", type=int, default=100)
    ac.add_argument("--json", action="store_true")
    ac.set_defaults(func=cmd_actors)

    q = sub.add_parser("quotes", help="search stored quotes")
    q.add_argument("--speaker")
    q.add_argument("--about", help="country code or name the quote's document or speaker concerns")
    q.add_argument("--since", help="YYYY-MM-DD")
    q.add_argument("--limit", type=int, default=50)
    q.add_argument("--db")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_quotes)

    e = sub.add_parser("events", help="search stored events; export them")
    e.add_argument("--actor", help="source country code or actor name")
    e.add_argument("--recipient", help="target country code or actor name")
    e.add_argument("--type", help="PLOVER type, e.g. ASSAULT")
    e.add_argument("--since", help="YYYY-MM-DD")
    e.add_argument("--include-negated", action="store_true", help="also negated and hypothetical events")
    e.add_argument("--limit", type=int, default=100)
    e.add_argument("--export", help="write to FILE.parquet, FILE.csv or FILE.json (PLOVER-style)")
    e.add_argument("--db")
    e.add_argument("--json", action="store_true")
    e.set_defaults(func=cmd_events)

    r = sub.add_parser("relations", help="a pair's relation over time by PLOVER quad class")
    r.add_argument("a", help="country/group code or name, or a person or organisation")
    r.add_argument("b")
    r.add_argument("--by", default="month", choices=["day", "week", "month", "quarter", "year"])
    r.add_argument("--since")
    r.add_argument("--until")
    r.add_argument("--db")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=cmd_relations)

    k = sub.add_parser("ask", help="answer a question about two actors with evidence")
    k.add_argument("question")
    k.add_argument("--limit", type=int, default=10)
    k.add_argument("--db")
    k.add_argument("--json", action="store_true")
    k.set_defaults(func=cmd_ask)

    sv = sub.add_parser("serve", help="REST API and web page")
    sv.add_argument("--db")
    sv.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    sv.add_argument("--port", type=int, default=8000)
    sv.add_argument("--token", default=os.environ.get("THUCYDIDES_TOKEN"),
                    help="bearer token that enables POST /api/ingest (default: $THUCYDIDES_TOKEN; none = read-only)")
    sv.set_defaults(func=cmd_serve)

    x = sub.add_parser("export", help="export a table to Parquet or CSV")
    x.add_argument("table", choices=["documents", "actors", "mentions", "quotes", "events", "registry"])
    x.add_argument("out", help="FILE.parquet or FILE.csv")
    x.add_argument("--db")
    x.set_defaults(func=cmd_export)

    b = sub.add_parser("bench", help="throughput, memory and scaling benchmark; writes reports/BENCH.md")
    b.add_argument("--n", type=int, help="articles (the VOA stories repeated; default 2000, 200 with --quick)")
    b.add_argument("--corpus", help="JSONL stories to repeat (default ../shared/corpus/voa_stories.jsonl)")
    b.add_argument("--shared")
    b.add_argument("--quick", action="store_true", help="smaller corpora, one run each; 100,000 events for the query")
    b.add_argument("--scaling-n", type=int, dest="scaling_n",
                   help="articles for the --jobs 1/2 and Dask 1/2-worker comparison (default 600, 400 with --quick)")
    b.add_argument("--out-dir", default="reports", dest="out_dir")
    b.set_defaults(func=cmd_bench)

    ev = sub.add_parser("eval", help="score the analysis against gold sets; writes OUT_DIR/EVAL.md")
    ev.add_argument("which", choices=["extraction", "quotes", "events", "actors", "all"])
    ev.add_argument("--shared", help="folder with eval/score.py and the shared gold sets (default: $THUCYDIDES_SHARED or ../shared)")
    ev.add_argument("--gold-dir", default="eval", dest="gold_dir", help="folder of the project's own gold sets (default: eval)")
    ev.add_argument("--out-dir", default="reports", dest="out_dir", help="where EVAL.md and the predictions are written")
    ev.add_argument("--model")
    ev.add_argument("--batch-size", type=int, dest="batch_size")
    ev.set_defaults(func=cmd_eval)
    return p


def _disk_note(db: str) -> str:
    """DuckDB can lose "No space left on device" behind a failed rollback: say so when the disk is full."""
    import shutil

    try:
        free = shutil.disk_usage(Path(db).resolve().parent).free
    except OSError:
        return ""
    return f"; disk full: the disk holding it has {free:,} bytes free" if free < 16 * 1024 * 1024 else ""


def main(argv: Optional[list[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ThucydidesError as e:
        print(f"thucydides: {e}", file=sys.stderr)
        return 2
    except Exception as e:
        import duckdb

        if not isinstance(e, duckdb.Error):
            raise
        db = getattr(args, "db", None) or load().db
        print(f"thucydides: {db}: database error ({str(e).splitlines()[0]}){_disk_note(db)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("thucydides: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
