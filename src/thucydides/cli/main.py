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
from ..errors import InputError, RegistryError, StoreError, ThucydidesError
from ..model import Failure
from ..settings import load


class Progress:
    """Progress on stderr (tqdm): a total, percentage and time left when the inputs can be counted cheaply,
    documents/s otherwise; failures printed as they happen (once: the summary then only counts them).
    Silent with --quiet."""

    def __init__(self, quiet: bool, desc: str, total: Optional[int] = None):
        self.bar = None
        self.quiet = quiet
        self.desc = desc
        self.t0 = time.perf_counter()
        self.n = 0
        if not quiet:
            from tqdm import tqdm

            self.bar = tqdm(desc=desc, total=total, unit="doc", file=sys.stderr, dynamic_ncols=True, mininterval=0.5)

    def status(self, text: str) -> None:
        """Say what is happening before the first document (e.g. loading the model)."""
        if self.bar is not None:
            self.bar.set_description_str(f"{self.desc} ({text})")
            self.bar.refresh()

    def restart(self) -> None:
        """Start the clock again (after the model has loaded), so that rate and time left are the analysis's."""
        if self.bar is not None:
            self.bar.reset(total=self.bar.total)

    def __call__(self, item) -> None:
        self.n += 1
        if self.n == 1 and self.bar is not None:
            self.bar.set_description_str(self.desc)
        if isinstance(item, Failure) and not item.skipped and self.bar is not None:
            self.bar.write(f"error: {item}", file=sys.stderr)
        if self.bar is not None:
            self.bar.update(1)

    @property
    def reported(self) -> bool:
        """Failures were printed as they happened."""
        return self.bar is not None

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


def _summary(processed: int, failed: list, skipped: list, seconds: float, extra: str = "",
             listed: bool = False) -> None:
    """The run's last lines: counts, then each failure (unless already printed as it happened) and each skip."""
    rate = processed / seconds if seconds > 0 else 0.0
    print(f"{processed} analysed{extra}, {len(failed)} failed, {len(skipped)} skipped "
          f"in {seconds:.1f}s ({rate:.1f} documents/s)", file=sys.stderr)
    if not listed:
        for f in failed:
            print(f"  failed  {f.input}: {f.reason}", file=sys.stderr)
    for f in skipped:
        print(f"  skipped {f.input}: {f.reason}", file=sys.stderr)


def _check_inputs(inputs: list[str]) -> None:
    """Refuse a run none of whose inputs exists, before anything (a database file) is created."""
    from ..input.read import missing

    gone = missing(inputs)
    if gone and len(gone) == len(inputs):
        raise InputError(f"{gone[0]}: no such file or directory" if len(gone) == 1 else
                         f"none of the inputs exists ({', '.join(gone[:5])}{', ...' if len(gone) > 5 else ''})")


def _check_db_target(db) -> None:
    """A database to write: its folder must exist, and it must not be a folder (checked before analysing)."""
    path = Path(db)
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise StoreError(f"{db}: cannot create the database: folder {str(parent)!r} does not exist")
    if path.is_dir():
        raise StoreError(f"{db}: is a folder, not a database file")


def _load_model(settings, progress: Progress) -> None:
    """Load the spaCy pipeline up front (it takes seconds), saying so, unless workers load their own."""
    if settings.jobs > 1:
        progress.status(f"starting {settings.jobs} workers, each loading the model {settings.model}")
        return
    from ..nlp.parse import get_nlp

    progress.status(f"loading the model {settings.model}")
    get_nlp(settings)
    progress.restart()
    progress.status("analysing the first batch")


def cmd_analyze(args) -> int:
    from ..input.read import count
    from ..pipeline import analyze

    settings = _settings(args)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    quiet = args.quiet or not args.out
    progress = Progress(quiet, "analyze", total=None if quiet else count(args.inputs))
    failed, skipped, n = [], [], 0
    try:
        if not quiet:
            _load_model(settings, progress)
        for item in analyze(args.inputs, settings):
            progress(item)
            if isinstance(item, Failure):
                (skipped if item.skipped else failed).append(item)
                continue
            n += 1
            out.write(json.dumps(item.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if args.out:
            out.close()
    seconds = progress.close()
    if not args.quiet or failed:
        _summary(n, failed, skipped, seconds, listed=progress.reported)
    return 1 if failed else 0


def cmd_ingest(args) -> int:
    from ..input.read import count
    from ..pipeline import analyze
    from ..storage import ingest, resume_state
    from ..storage.store import open_store

    settings = _settings(args)
    db = args.db or settings.db
    _check_inputs(args.inputs)
    _check_db_target(db)
    wait = settings.lock_wait if args.lock_wait is None else args.lock_wait
    done, registry = resume_state(db, lock_wait=wait)  # waits for the lock, then says clearly who holds it
    skip = set() if args.no_resume else done
    if args.dask:
        from ..input.read import read
        from ..pipeline.parallel import dask_analyze, load_parquet

        items = (i for i in read(args.inputs, settings) if i.input not in skip)
        parts = args.parts or (str(db) + ".parts")
        t0 = time.perf_counter()
        summary = dask_analyze(items, parts, address=args.dask, workers=args.dask_workers, settings=settings)
        with open_store(db, wait=wait) as store:
            stored, dup = load_parquet(store, parts)
            failures = [Failure(f["input"], f["reason"], f["skipped"]) for f in summary["failures"]]
            for f in failures:
                store.record_failure(f)
        failed = [f for f in failures if not f.skipped]
        if not args.quiet or failed:
            _summary(stored + dup, failed, [f for f in failures if f.skipped], time.perf_counter() - t0,
                     extra=f" on Dask ({stored} stored, {dup} already stored; partitions in {parts})")
        return 1 if failed else 0
    progress = Progress(args.quiet, "ingest", total=None if args.quiet else count(args.inputs, skip))
    if not args.quiet:
        _load_model(settings, progress)
    report = ingest(db, progress.wrap(analyze(args.inputs, settings, skip=skip, registry=registry)),
                    registry=registry, lock_wait=wait)
    seconds = progress.close()
    if not args.quiet or report.failed:
        resumed = f", {len(skip)} inputs done by an earlier run" if skip else ""
        _summary(report.stored + report.duplicates, report.failed, report.skipped, seconds,
                 extra=f" ({report.stored} stored, {report.duplicates} already stored{resumed})",
                 listed=progress.reported)
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


def _flat(text) -> str:
    return " ".join(str(text or "").split())


def cmd_actors(args) -> int:
    from ..linking import registry
    from ..storage.store import Store

    db = args.db or load().db
    if args.action == "merge":
        if len(args.ids) != 2:
            raise RegistryError(f"'actors merge' needs two registry ids, KEEP and OTHER (got {len(args.ids)}); "
                                "see 'thucydides actors' for the ids")
        with Store(db) as store:
            row = registry.merge(store, args.ids[0], args.ids[1])
        print(f"merged {args.ids[1]} into {row['registry_id']} ({row['name']})")
        return 0
    if args.action == "set":
        if len(args.ids) != 1:
            raise RegistryError(f"'actors set' needs one registry id (got {len(args.ids)}); see 'thucydides actors'")
        if all(v is None for v in (args.name, args.country, args.role, args.sector)):
            raise RegistryError("'actors set' needs something to set: --name, --country, --role or --sector")
        with Store(db) as store:
            row = registry.correct(store, args.ids[0], name=args.name, country=args.country, role=args.role, sector=args.sector)
        print(f"{row['registry_id']}  {row['name']}  {row['country'] or '-'}  {row['role'] or '-'}  (corrected)")
        return 0
    if args.ids:
        raise RegistryError(f"'actors list' takes no registry ids (got {' '.join(args.ids)}); filter with --name")
    if args.sector is not None:
        raise RegistryError("--sector is for 'actors set'; 'actors list' filters by --name, --country, --role, --type")
    with Store(db, read_only=True) as store:
        rows = registry.list_actors(store, name=args.name, country=args.country, role=args.role, type=args.type,
                                    limit=args.limit)
    if args.json:
        print(json.dumps(rows, default=str, indent=2, ensure_ascii=False))
        return 0
    for r in rows:
        flag = " *" if r["corrected"] else ""
        print(f"{r['registry_id']}  {r['name']:<30} {r['type']:<7} {r['country'] or '-':<4} {r['sector'] or '-':<12} "
              f"{r.get('code') or '-':<10} {r['role'] or '-':<22} docs={r['documents']} since={r['first_seen'] or '-'}{flag}")
    return 0


def _emit(rows: list[dict], as_json: bool, show) -> int:
    """A listing's rows: as JSON, or one ``show(row)`` each."""
    if as_json:
        print(json.dumps(rows, default=str, indent=2, ensure_ascii=False))
    else:
        for row in rows:
            show(row)
    return 0


def cmd_quotes(args) -> int:
    from ..query.search import find_quotes
    from ..storage.store import Store

    with Store(args.db or load().db, read_only=True) as store:
        rows = find_quotes(store, speaker=args.speaker, about=args.about, since=args.since, limit=args.limit)
    return _emit(rows, args.json, _print_quote)


def _print_quote(q: dict) -> None:
    who = ", ".join(x for x in (q["speaker_name"] or "(unknown speaker)", q["speaker_role"], q["speaker_country"]) if x)
    print(f"[{q['published'] or '-'}] {who} ({q['kind']}): {_flat(q['content'])}")
    print(f"    source: {q['source'] or q['url'] or '-'}  document: {q['id']}  span: [{q['content_start']}, {q['content_end']})")


def _print_event(e: dict) -> None:
    flags = ",".join(k for k in ("negated", "hypothetical", "future") if e[k])
    print(f"[{e['date'] or '-'}] {'/'.join(e['source_codes'] or []) or '?'} -> {'/'.join(e['target_codes'] or []) or '?'} "
          f"{e['type']}{'/' + e['mode'] if e['mode'] else ''}{' (' + flags + ')' if flags else ''}"
          f"  sources={e['sources']}  documents={', '.join(e['documents'])}")
    print(f"    {e['sentence']}")


def _known_sides(store, **sides) -> None:
    """A name the user typed that matches no country, group or stored actor is an error, not "0 events"."""
    from ..query.params import known_side

    for name, value in sides.items():
        if value is not None:
            known_side(store, value, name)


def cmd_events(args) -> int:
    from ..query.search import export_events, export_path, find_events
    from ..storage.store import Store

    filters = dict(actor=args.actor, recipient=args.recipient, type=args.type, since=args.since,
                   include_negated=args.include_negated)
    if args.export:
        export_path(args.export)  # a bad target fails before the database is opened
    with Store(args.db or load().db, read_only=True) as store:
        _known_sides(store, actor=args.actor, recipient=args.recipient)
        if args.export:
            path, n = export_events(store, args.export, limit=args.limit, **filters)
            print(f"wrote {n} events to {path}", file=sys.stderr)
            return 0
        rows = find_events(store, limit=100 if args.limit is None else args.limit, **filters)
    return _emit(rows, args.json, _print_event)


def cmd_search(args) -> int:
    from ..query.search import search
    from ..storage.store import Store

    with Store(args.db or load().db, read_only=True) as store:
        res = search(store, " ".join(args.words), since=args.since, until=args.until, limit=args.limit,
                     include_negated=args.include_negated)
    if args.json:
        print(json.dumps(res, default=str, indent=2, ensure_ascii=False))
        return 0
    docs = res["documents"]
    print(f"articles ({docs['total']}{', first ' + str(len(docs['items'])) if docs['total'] > len(docs['items']) else ''}):")
    for d in docs["items"]:
        print(f"  [{d['published'] or '-'}] {d['id']}  {_flat(d['title']) or '(no title)'}"
              f"  ({d['source'] or d['url'] or '-'}; {d['quotes']} quotes, {d['events']} events)")
    print(f"quotes ({len(res['quotes'])}{' shown' if len(res['quotes']) == args.limit else ''}):")
    for q in res["quotes"]:
        _print_quote(q)
    print(f"events ({len(res['events'])}{' shown' if len(res['events']) == args.limit else ''}):")
    for e in res["events"]:
        _print_event(e)
    return 0


def cmd_relations(args) -> int:
    from ..query.relations import series
    from ..storage.store import Store

    with Store(args.db or load().db, read_only=True) as store:
        _known_sides(store, a=args.a, b=args.b)
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
    from ..query.params import limit as check_limit
    from ..storage.store import Store

    with Store(args.db or load().db, read_only=True) as store:
        brief = ask(store, args.question, limit=check_limit(args.limit), offset=args.offset, as_of=args.as_of, since=args.since,
                    until=args.until, by=args.by, stance=args.stance, kind=args.kind)
    if args.json:
        print(json.dumps(brief, default=str, indent=2, ensure_ascii=False))  # what /api/ask returns
    else:
        print(format_brief(brief))
    return 0


def cmd_serve(args) -> int:
    from ..errors import SettingsError
    from ..server.app import read_token, serve

    if args.token is not None:
        raise SettingsError("--token: a token on the command line is visible to every user of the machine (ps); "
                            "put it in THUCYDIDES_TOKEN or in a file given with --token-file")
    settings = load()
    serve(args.db or settings.db, host=args.host, port=args.port,
          token=read_token(args.token_file or settings.token_file or None), settings=settings)
    return 0


def cmd_export(args) -> int:
    from ..query.search import export_path, export_table
    from ..storage.store import Store

    export_path(args.out)
    with Store(args.db or load().db, read_only=True) as store:
        path = export_table(store, args.table, args.out)
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


DB_HELP = "DuckDB file (default: setting db, $THUCYDIDES_DB or ./thucydides.duckdb)"
JSON_HELP = "print JSON instead of text"


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="thucydides", description="Who said what, who did what to whom, from your own news articles.")
    p.add_argument("--version", action="version", version=f"thucydides {__version__}", help="print the version and exit")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sp, db=True, model=True):
        if db:
            sp.add_argument("--db", help=DB_HELP)
        if model:
            sp.add_argument("--model", help="spaCy pipeline: an installed package or a directory (default: setting model)")
            sp.add_argument("--batch-size", type=int, dest="batch_size",
                            help="documents the spaCy pipeline parses at a time (default: setting batch_size)")
        sp.add_argument("--quiet", "-q", action="store_true", help="no progress or summary (failures are still listed)")

    def reader(sp, limit=50):
        sp.add_argument("--limit", type=int, default=limit, help=f"at most this many rows (default {limit})")
        sp.add_argument("--db", help=DB_HELP)
        sp.add_argument("--json", action="store_true", help=JSON_HELP)

    a = sub.add_parser("analyze", help="analyse articles, write analysis records as JSON Lines")
    a.add_argument("inputs", nargs="+", help="files, folders, JSONL, JSON, WARC, RSS/Atom feeds, or - for standard input")
    a.add_argument("--out", "-o", help="output file (default: standard output)")
    a.add_argument("--jobs", "-j", type=int, help="worker processes (default 1)")
    common(a, db=False)
    a.set_defaults(func=cmd_analyze)

    i = sub.add_parser("ingest", help="analyse articles and store them in DuckDB")
    i.add_argument("inputs", nargs="+", help="files, folders, JSONL, JSON, WARC, RSS/Atom feeds, or - for standard input")
    i.add_argument("--jobs", "-j", type=int, help="worker processes (default 1)")
    i.add_argument("--dask", help="distribute over Dask: 'local' (a LocalCluster here) or tcp://HOST:PORT")
    i.add_argument("--dask-workers", type=int, default=2, dest="dask_workers", help="workers of a local Dask cluster (default 2)")
    i.add_argument("--parts", help="folder for the Parquet partitions written by Dask workers (default DB.parts)")
    i.add_argument("--lock-wait", type=float, dest="lock_wait", metavar="SECONDS",
                   help="wait this long for the database while another process (a server, another ingest) holds it "
                        "(default: setting lock_wait, 30)")
    i.add_argument("--no-resume", action="store_true", dest="no_resume",
                   help="read inputs again even if this database already holds them (stored texts still are not duplicated)")
    common(i)
    i.set_defaults(func=cmd_ingest)

    s = sub.add_parser("stats", help="summarise a database")
    s.add_argument("--db", help=DB_HELP)
    s.add_argument("--json", action="store_true", help=JSON_HELP)
    s.set_defaults(func=cmd_stats)

    ac = sub.add_parser("actors", help="list actors in the registry, merge or correct them")
    ac.add_argument("action", nargs="?", choices=["list", "merge", "set"], default="list",
                    help="list (default), merge KEEP OTHER, or set ID with --name/--country/--role/--sector")
    ac.add_argument("ids", nargs="*", help="registry ids: merge KEEP OTHER | set ID")
    ac.add_argument("--name", help="list: words in the name; set: the new name")
    ac.add_argument("--country", help="list: country code or name (RUS, Russia); set: the new 3-letter code")
    ac.add_argument("--role", help="list: words in the role (president); set: the new role")
    ac.add_argument("--type", help="list: actor type (PERSON, ORG, IGO, MEDIA, REBEL, PARTY)")
    ac.add_argument("--sector", help="set: the new sector (government, military, ...)")
    reader(ac, limit=100)
    ac.set_defaults(func=cmd_actors)

    q = sub.add_parser("quotes", help="search stored quotes")
    q.add_argument("--speaker", help="words in the speaker's name or role (Lavrov, foreign minister)")
    q.add_argument("--about", help="country code or name the quote's document or speaker concerns, else words in the quote")
    q.add_argument("--since", help="published on or after this date, YYYY-MM-DD")
    reader(q)
    q.set_defaults(func=cmd_quotes)

    e = sub.add_parser("events", help="search stored events; export them")
    e.add_argument("--actor", help="source: country or group code (RUS), country name, or actor name")
    e.add_argument("--recipient", help="target: country or group code, country name, or actor name")
    e.add_argument("--type", help="PLOVER type, e.g. ASSAULT (any case)")
    e.add_argument("--since", help="on or after this date, YYYY-MM-DD")
    e.add_argument("--include-negated", action="store_true", help="also negated and hypothetical events")
    e.add_argument("--limit", type=int, help="at most this many events (default 100 listed; every match exported)")
    e.add_argument("--export", metavar="FILE",
                   help="write the events these filters select to FILE.parquet, FILE.csv or FILE.json (PLOVER-style)")
    e.add_argument("--db", help=DB_HELP)
    e.add_argument("--json", action="store_true", help=JSON_HELP)
    e.set_defaults(func=cmd_events)

    se = sub.add_parser("search", help="words in stored articles, quotes and event sentences")
    se.add_argument("words", nargs="+", help="the words to find (as one phrase, any case)")
    se.add_argument("--since", help="published on or after this date, YYYY-MM-DD")
    se.add_argument("--until", help="articles published on or before this date, YYYY-MM-DD")
    se.add_argument("--include-negated", action="store_true", help="also negated and hypothetical events")
    reader(se, limit=10)
    se.set_defaults(func=cmd_search)

    r = sub.add_parser("relations", help="a pair's relation over time by PLOVER quad class")
    r.add_argument("a", help="one side: country or group code or name, or a person or organisation")
    r.add_argument("b", help="the other side, written the same ways")
    r.add_argument("--by", default="month", choices=["day", "week", "month", "quarter", "year"],
                   help="period of each point (default month)")
    r.add_argument("--since", help="events on or after this date, YYYY-MM-DD")
    r.add_argument("--until", help="events on or before this date, YYYY-MM-DD")
    r.add_argument("--db", help=DB_HELP)
    r.add_argument("--json", action="store_true", help=JSON_HELP)
    r.set_defaults(func=cmd_relations)

    k = sub.add_parser("ask", help="answer a question about one or two actors with cited evidence")
    k.add_argument("question", help='a question in English, e.g. "Is Russia supporting Iran?"')
    k.add_argument("--limit", type=int, default=10, help="evidence items shown (a page)")
    k.add_argument("--offset", type=int, default=0, help="evidence items skipped (the next pages)")
    k.add_argument("--as-of", dest="as_of", help="answer as of this date (YYYY-MM-DD): later evidence is left out")
    k.add_argument("--since", help="evidence from this date (YYYY-MM-DD)")
    k.add_argument("--until", help="evidence up to this date (YYYY-MM-DD)")
    k.add_argument("--by", default="month", choices=["day", "week", "month", "quarter", "year"], help="trend periods")
    k.add_argument("--stance", choices=["for", "against", "neutral"], help="only evidence of this stance")
    k.add_argument("--kind", choices=["event", "quote", "sentence"], help="only evidence of this kind")
    k.add_argument("--db", help=DB_HELP)
    k.add_argument("--json", action="store_true", help="the brief as JSON, as /api/ask returns it")
    k.set_defaults(func=cmd_ask)

    sv = sub.add_parser("serve", help="REST API and web page")
    sv.add_argument("--db", help=DB_HELP)
    sv.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    sv.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    sv.add_argument("--token-file", dest="token_file", metavar="FILE",
                    help="file holding the bearer token that enables POST /api/ingest (or set THUCYDIDES_TOKEN; "
                         "neither: read-only). Limits: THUCYDIDES_SERVER_* settings")
    sv.add_argument("--token", metavar="T", help="refused: a token on the command line is visible to every user (ps); "
                                                  "use THUCYDIDES_TOKEN or --token-file")
    sv.set_defaults(func=cmd_serve)

    x = sub.add_parser("export", help="export a whole table to Parquet or CSV")
    x.add_argument("table", choices=["documents", "actors", "mentions", "quotes", "events", "registry"],
                   help="the table to write")
    x.add_argument("out", help="FILE.parquet or FILE.csv")
    x.add_argument("--db", help=DB_HELP)
    x.set_defaults(func=cmd_export)

    b = sub.add_parser("bench", help="throughput, memory and scaling benchmark; writes reports/BENCH.md")
    b.add_argument("--n", type=int, help="articles (the VOA stories repeated; default 2000, 200 with --quick)")
    b.add_argument("--corpus", help="JSONL stories to repeat (default ../shared/corpus/voa_stories.jsonl)")
    b.add_argument("--shared", help="folder with the shared corpus (default: $THUCYDIDES_SHARED or ../shared)")
    b.add_argument("--quick", action="store_true", help="smaller corpora, one run each; 100,000 events for the query")
    b.add_argument("--scaling-n", type=int, dest="scaling_n",
                   help="articles for the --jobs 1/2 and Dask 1/2-worker comparison (default 600, 400 with --quick)")
    b.add_argument("--out-dir", default="reports", dest="out_dir", help="where BENCH.md is written (default reports)")
    b.set_defaults(func=cmd_bench)

    ev = sub.add_parser("eval", help="score the analysis against gold sets; writes OUT_DIR/EVAL.md")
    ev.add_argument("which", choices=["extraction", "quotes", "events", "actors", "ask", "all"], help="which gold sets to score")
    ev.add_argument("--shared", help="folder with eval/score.py and the shared gold sets (default: $THUCYDIDES_SHARED or ../shared)")
    ev.add_argument("--gold-dir", default="eval", dest="gold_dir", help="folder of the project's own gold sets (default: eval)")
    ev.add_argument("--out-dir", default="reports", dest="out_dir", help="where EVAL.md and the predictions are written")
    ev.add_argument("--model", help="spaCy pipeline: an installed package or a directory (default: setting model)")
    ev.add_argument("--batch-size", type=int, dest="batch_size",
                    help="documents the spaCy pipeline parses at a time (default: setting batch_size)")
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


def _quiet_pipe() -> None:
    """The reader of our output went away (``| head``): send what is left nowhere, so that Python's
    final flush of standard output does not fail again."""
    try:
        sys.stdout.flush()
    except (BrokenPipeError, ValueError, OSError):
        pass
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def main(argv: Optional[list[str]] = None) -> int:
    """Run a command. The one error path: a library error (ThucydidesError), a database error or a file
    the system refuses is one line on stderr and exit status 2; a closed pipe is a quiet exit."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except BrokenPipeError:
        _quiet_pipe()
        return 0
    except KeyboardInterrupt:
        print("thucydides: interrupted", file=sys.stderr)
        return 130
    except ThucydidesError as e:
        print(f"thucydides: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        where = e.filename if e.filename is not None else ""
        print(f"thucydides: {where}{': ' if where else ''}{e.strerror or e}", file=sys.stderr)
        return 2
    except Exception as e:
        import duckdb

        if not isinstance(e, duckdb.Error):
            raise
        db = getattr(args, "db", None) or load().db
        print(f"thucydides: {db}: database error ({str(e).splitlines()[0]}){_disk_note(db)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
