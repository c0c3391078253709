"""Store stage: analysis records in DuckDB (the embedded default), Parquet for exchange.

One row per document, actor, mention, quote and event, each with the document key,
character offsets and the analyser version. A document whose normalised text is
already stored is not stored again.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .. import __version__
from ..errors import StoreError
from ..linking import Registry
from ..model import Document, Failure

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_key VARCHAR PRIMARY KEY, id VARCHAR, input VARCHAR, title VARCHAR, dateline VARCHAR,
    published DATE, source VARCHAR, url VARCHAR, text VARCHAR, removed VARCHAR[],
    analyser VARCHAR, ingested_at TIMESTAMP, record JSON);
CREATE TABLE IF NOT EXISTS actors (
    doc_key VARCHAR, actor_id VARCHAR, name VARCHAR, type VARCHAR, country VARCHAR,
    sector VARCHAR, role VARCHAR, registry_id VARCHAR, analyser VARCHAR, code VARCHAR);
ALTER TABLE actors ADD COLUMN IF NOT EXISTS code VARCHAR;
CREATE TABLE IF NOT EXISTS mentions (
    doc_key VARCHAR, actor_id VARCHAR, start_char INTEGER, end_char INTEGER, text VARCHAR,
    kind VARCHAR, analyser VARCHAR);
CREATE TABLE IF NOT EXISTS quotes (
    doc_key VARCHAR, quote_id VARCHAR, kind VARCHAR, content_start INTEGER, content_end INTEGER,
    cue_start INTEGER, cue_end INTEGER, speaker_start INTEGER, speaker_end INTEGER,
    speaker VARCHAR, speaker_name VARCHAR, speaker_role VARCHAR, speaker_country VARCHAR,
    content VARCHAR, published DATE, analyser VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    doc_key VARCHAR, event_id VARCHAR, type VARCHAR, mode VARCHAR, context VARCHAR[],
    source VARCHAR[], target VARCHAR[], source_codes VARCHAR[], target_codes VARCHAR[],
    negated BOOLEAN, hypothetical BOOLEAN, future BOOLEAN, historical BOOLEAN,
    sentence_start INTEGER, sentence_end INTEGER, trigger_start INTEGER, trigger_end INTEGER,
    date DATE, location VARCHAR, score DOUBLE, quote_id VARCHAR, sentence VARCHAR,
    event_key VARCHAR, analyser VARCHAR, cameo VARCHAR, confidence DOUBLE);
ALTER TABLE events ADD COLUMN IF NOT EXISTS cameo VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS confidence DOUBLE;
CREATE TABLE IF NOT EXISTS registry (
    registry_id VARCHAR PRIMARY KEY, name VARCHAR, type VARCHAR, country VARCHAR, sector VARCHAR,
    role VARCHAR, evidence_date DATE, evidence_doc VARCHAR, corrected BOOLEAN DEFAULT FALSE,
    merged_into VARCHAR);
CREATE TABLE IF NOT EXISTS failures (
    input VARCHAR, reason VARCHAR, skipped BOOLEAN, failed_at TIMESTAMP);
CREATE TABLE IF NOT EXISTS inputs (
    input VARCHAR PRIMARY KEY, doc_key VARCHAR, status VARCHAR, done_at TIMESTAMP);
"""

# The schema's version, kept in the table ``thucydides_schema`` with the generation counters that tie the
# full-text index to the data it indexes: every committed change to the indexed rows bumps ``data_generation``
# in the same transaction, and a rebuilt index records the generation it was built from. An index older than
# the data (a run killed between its last chunk and the rebuild) is found stale and rebuilt by the next writer.
# Version 1: the tables above without the version table (databases made before it); 2: with it.
SCHEMA_VERSION = 2
META_TABLE = "thucydides_schema"
META_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS {META_TABLE} (key VARCHAR PRIMARY KEY, value VARCHAR);
INSERT OR IGNORE INTO {META_TABLE} VALUES ('schema_version', '{SCHEMA_VERSION}'), ('data_generation', '0'),
    ('index_generation', '0');
"""
# What every version of our schema has: a file holding tables but not these is someone else's.
CORE_COLUMNS = {"documents": {"doc_key", "id", "text", "record"}, "inputs": {"input", "doc_key", "status"}}


def _table_columns() -> dict[str, list]:
    import pyarrow as pa

    V, I, B, D, F, T = pa.string(), pa.int32(), pa.bool_(), pa.date32(), pa.float64(), pa.timestamp("us")
    L = pa.list_(pa.string())
    return {
        "documents": [("doc_key", V), ("id", V), ("input", V), ("title", V), ("dateline", V), ("published", D),
                      ("source", V), ("url", V), ("text", V), ("removed", L), ("analyser", V), ("ingested_at", T),
                      ("record", V)],
        "actors": [("doc_key", V), ("actor_id", V), ("name", V), ("type", V), ("country", V), ("sector", V),
                   ("role", V), ("registry_id", V), ("analyser", V), ("code", V)],
        "mentions": [("doc_key", V), ("actor_id", V), ("start_char", I), ("end_char", I), ("text", V), ("kind", V),
                     ("analyser", V)],
        "quotes": [("doc_key", V), ("quote_id", V), ("kind", V), ("content_start", I), ("content_end", I),
                   ("cue_start", I), ("cue_end", I), ("speaker_start", I), ("speaker_end", I), ("speaker", V),
                   ("speaker_name", V), ("speaker_role", V), ("speaker_country", V), ("content", V),
                   ("published", D), ("analyser", V)],
        "events": [("doc_key", V), ("event_id", V), ("type", V), ("mode", V), ("context", L), ("source", L),
                   ("target", L), ("source_codes", L), ("target_codes", L), ("negated", B), ("hypothetical", B),
                   ("future", B), ("historical", B), ("sentence_start", I), ("sentence_end", I),
                   ("trigger_start", I), ("trigger_end", I), ("date", D), ("location", V), ("score", F),
                   ("quote_id", V), ("sentence", V), ("event_key", V), ("analyser", V), ("cameo", V), ("confidence", F)],
        "inputs": [("input", V), ("doc_key", V), ("status", V), ("done_at", T)],
    }


TABLE_COLUMNS = _table_columns()  # the tables written in bulk: column names and Arrow types


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def doc_key(text: str) -> str:
    """Identity of a document: a hash of its normalised text (syndicated copies share it)."""
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:24]


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    failed: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return self.stored + self.duplicates + len(self.failed) + len(self.skipped)




def _date(value: Optional[str]):
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


class Store:
    """A DuckDB file holding analysis records. Use as a context manager.

    Opening checks the schema before anything is written: a file with someone else's tables is refused,
    one made by a newer version is refused, one of ours made by an older version is migrated (when
    opened for writing), and a table or column missing gives an error naming it.
    """

    def __init__(self, path: Union[str, Path], read_only: bool = False):
        import duckdb

        self.path = str(path)
        self._registry = None
        self.read_only = read_only
        if read_only and not Path(self.path).exists():
            raise StoreError(f"{self.path}: no such database (run 'thucydides ingest' first)")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only)
        except duckdb.IOException as e:
            msg = str(e).splitlines()[0]
            if re.search(r"could not set lock|conflicting lock", msg, re.I):  # not "lock" ("block" is in corruption messages)
                raise StoreError(f"{self.path}: database is locked by another process ({msg})") from None
            raise StoreError(f"{self.path}: cannot open database ({msg})") from None
        except duckdb.Error as e:
            raise StoreError(f"{self.path}: not a usable DuckDB database ({str(e).splitlines()[0]})") from None
        try:
            self.schema_version = self._check_schema(read_only)
        except duckdb.Error as e:
            self.con.close()
            raise StoreError(f"{self.path}: not a usable DuckDB database ({str(e).splitlines()[0]})") from None
        except StoreError:
            self.con.close()
            raise

    # ------------------------------------------------------------------ schema
    def _columns(self) -> dict[str, set[str]]:
        cols: dict[str, set[str]] = {}
        for t, c in self.con.execute("""SELECT table_name, column_name FROM information_schema.columns
                                        WHERE table_schema = 'main' AND table_catalog = current_database()""").fetchall():
            cols.setdefault(t, set()).add(c)
        return cols

    def _check_schema(self, read_only: bool) -> int:
        """Check (and for a writer create or migrate) the schema; returns its version. Writes nothing to a
        file that is not ours."""
        cols = self._columns()
        if not cols:
            if read_only:
                raise StoreError(f"{self.path}: an empty database (run 'thucydides ingest' first)")
            self._create()
            return SCHEMA_VERSION
        ours = all(t in cols and need <= cols[t] for t, need in CORE_COLUMNS.items())
        if META_TABLE in cols:
            row = self.con.execute(f"SELECT value FROM {META_TABLE} WHERE key = 'schema_version'").fetchone()
            try:
                version = int(row[0]) if row else 0
            except ValueError:
                version = 0
            if version < 1:
                raise StoreError(f"{self.path}: damaged schema: {META_TABLE} has no valid schema_version")
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: made by a newer Thucydides (schema version {version}; this one reads "
                                 f"up to {SCHEMA_VERSION}): upgrade thucydides")
        elif ours:
            version = 1
        else:
            shown = ", ".join(sorted(cols)[:6]) + (", ..." if len(cols) > 6 else "")
            raise StoreError(f"{self.path}: not a Thucydides database (it holds other tables: {shown}); "
                             "nothing was written to it: give another --db")
        self._check_tables(cols)
        if version < SCHEMA_VERSION and not read_only:
            self._migrate(version)
            version = SCHEMA_VERSION
        return version

    def _check_tables(self, cols: dict[str, set[str]]) -> None:
        """Every table and column the code uses is there (after a failed copy or a hand edit it may not be)."""
        want = {t: {n for n, _ in c} for t, c in TABLE_COLUMNS.items()}
        want["registry"] = {"registry_id", "name", "type", "country", "sector", "role", "evidence_date",
                            "evidence_doc", "corrected", "merged_into"}
        want["failures"] = {"input", "reason", "skipped", "failed_at"}
        missing = [t for t in want if t not in cols]
        if missing:
            raise StoreError(f"{self.path}: damaged schema: table(s) {', '.join(missing)} missing "
                             "(restore a backup or ingest into a new --db)")
        for t, need in want.items():
            lost = sorted(need - cols[t])
            if lost:
                raise StoreError(f"{self.path}: damaged schema: table {t} lacks column(s) {', '.join(lost)} "
                                 "(restore a backup or ingest into a new --db)")

    def _create(self) -> None:
        self.con.execute("BEGIN TRANSACTION")
        self.con.execute(SCHEMA)
        self.con.execute(META_SCHEMA)
        self.con.execute("COMMIT")

    def _migrate(self, version: int) -> None:
        """Bring a database of ours from ``version`` to SCHEMA_VERSION, in one transaction."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            if version == 1:  # no version table: add it; the index's generation is unknown, so it counts as stale
                self.con.execute(META_SCHEMA)
                self.con.execute(f"UPDATE {META_TABLE} SET value = '1' WHERE key = 'data_generation'")
            self.con.execute(f"UPDATE {META_TABLE} SET value = '{SCHEMA_VERSION}' WHERE key = 'schema_version'")
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def _generation(self, key: str) -> int:
        if self.schema_version < 2:
            return -1
        row = self.con.execute(f"SELECT value FROM {META_TABLE} WHERE key = ?", [key]).fetchone()
        return int(row[0]) if row else -1

    def index_stale(self) -> bool:
        """True when the full-text index was not rebuilt since the indexed rows last changed."""
        if self.schema_version < 2:
            return True
        return self._generation("index_generation") != self._generation("data_generation")

    def check_index(self) -> bool:
        """Rebuild the index when it is stale (a writer only); True when it was rebuilt."""
        if self.read_only or not self.index_stale():
            return False
        self.reindex()
        return True

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self.con.close()

    # ------------------------------------------------------------------ writing
    def has(self, key: str) -> bool:
        return self.con.execute("SELECT 1 FROM documents WHERE doc_key = ?", [key]).fetchone() is not None

    def add(self, doc: Document) -> bool:
        """Store one analysed document; False when its normalised text is already stored."""
        return self.add_many([doc])[0] == 1

    def registry(self):
        """The actor registry of this store, read once and kept while the store is open; the linking stage
        extends it and :meth:`add_many` writes its new entries with the documents (see linking.Registry)."""
        if self._registry is None:
            self._registry = Registry.from_store(self)
        return self._registry

    def add_many(self, docs: list[Document], registry: Optional[Registry] = None) -> tuple[int, int]:
        """Store analysed (and linked) documents in one transaction; returns (stored, duplicates).

        Documents are stored exactly as given: linking happens before storage. ``registry``: the registry
        the documents were linked with (default: this store's); its new and changed entries are written in
        the same transaction, and any registry id an actor carries that the table lacks is added from the actor.
        Rows go in per table in bulk (through Arrow): DuckDB is slow at many small statements.
        Each document is committed together with its input's name, so a killed run resumes cleanly.
        """
        if not docs:
            return 0, 0
        reg = registry if registry is not None else self.registry()
        keys = [doc_key(d.text) for d in docs]
        existing = {r[0] for r in self.con.execute(
            "SELECT doc_key FROM documents WHERE doc_key IN (SELECT unnest(?))", [keys]).fetchall()}
        rows: dict[str, list] = {t: [] for t in TABLE_COLUMNS}
        now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        stored = dup = 0
        for doc, key in zip(docs, keys):
            if key in existing:
                rows["inputs"].append((doc.input, key, "duplicate", now))
                dup += 1
                continue
            existing.add(key)
            self._rows(doc, key, now, rows)
            rows["inputs"].append((doc.input, key, "stored", now))
            stored += 1
        registry_rows = reg.take_dirty()
        c = self.con
        c.execute("BEGIN TRANSACTION")
        try:
            for table, data in rows.items():
                self._bulk(table, data)
            self._registry_rows(registry_rows, rows["actors"])
            if stored:  # the passages index no longer covers every row: a rebuild is due (see index_stale)
                c.execute(f"UPDATE {META_TABLE} SET value = CAST(CAST(value AS BIGINT) + 1 AS VARCHAR) "
                          "WHERE key = 'data_generation'")
            c.execute("COMMIT")
        except Exception:
            try:
                c.execute("ROLLBACK")
            except Exception:  # the failed COMMIT (e.g. disk full) already ended the transaction: keep its error
                pass
            self._registry = None  # the cached registry may hold what was rolled back
            raise
        return stored, dup

    def _registry_rows(self, changed: list[dict], actor_rows: list) -> None:
        """Write changed registry entries, then add entries for registry ids the table does not have."""
        import pyarrow as pa

        cols = Registry.COLUMNS
        known = {r["registry_id"] for r in changed}
        for (_key, _aid, name, typ, country, sector, role, rid, *_rest) in actor_rows:
            if rid and rid not in known:
                known.add(rid)
                changed.append({"registry_id": rid, "name": name, "type": typ, "country": country, "sector": sector,
                                "role": role, "evidence_date": None, "evidence_doc": None, "corrected": False,
                                "merged_into": None, "_new_only": True})
        if not changed:
            return
        for only_new in (False, True):
            data = [r for r in changed if bool(r.get("_new_only")) == only_new]
            if not data:
                continue
            arrow = pa.table({
                **{c: pa.array([r[c] for r in data], type=pa.string())
                   for c in ("registry_id", "name", "type", "country", "sector", "role", "evidence_doc", "merged_into")},
                "evidence_date": pa.array([dt.date.fromisoformat(str(r["evidence_date"])[:10]) if r["evidence_date"]
                                           else None for r in data], type=pa.date32()),
                "corrected": pa.array([bool(r["corrected"]) for r in data], type=pa.bool_()),
            })
            self.con.register("_registry_rows", arrow)
            try:
                names = ", ".join(cols)
                verb = "INSERT OR IGNORE" if only_new else "INSERT OR REPLACE"
                self.con.execute(f"{verb} INTO registry ({names}) SELECT {names} FROM _registry_rows")
            finally:
                self.con.unregister("_registry_rows")

    def _bulk(self, table: str, data: list) -> None:
        if not data:
            return
        import pyarrow as pa

        cols = TABLE_COLUMNS[table]
        arrow = pa.table({name: pa.array([r[i] for r in data], type=typ) for i, (name, typ) in enumerate(cols)})
        view = f"_bulk_{table}"
        self.con.register(view, arrow)
        try:
            verb = "INSERT OR REPLACE" if table in ("inputs", "registry") else "INSERT"
            names = ", ".join(n for n, _ in cols)
            self.con.execute(f"{verb} INTO {table} ({names}) SELECT {names} FROM {view}")
        finally:
            self.con.unregister(view)

    def _rows(self, doc: Document, key: str, now, rows: dict) -> None:
        record = doc.to_dict()
        published = _date(doc.published)
        rows["documents"].append((key, doc.id, doc.input, doc.title, doc.dateline, published, doc.source, doc.url,
                                  doc.text, doc.removed, __version__, now, json.dumps(record, ensure_ascii=False)))
        for a in doc.actors:
            rows["actors"].append((key, a.id, a.name, a.type, a.country, a.sector, a.role, a.registry_id, __version__, a.code))
        mentions = doc.state.mentions or [(m[0], m[1], a.id, None) for a in doc.actors for m in a.mentions]
        for s0, e0, aid, kind in mentions:
            rows["mentions"].append((key, aid, s0, e0, doc.text[s0:e0], kind, __version__))
        actors = {a.id: a for a in doc.actors}
        for q in doc.quotes:
            sp = actors.get(q.speaker)
            name = sp.name if sp else (doc.text[q.speaker_mention[0]:q.speaker_mention[1]] if q.speaker_mention else None)
            rows["quotes"].append((key, q.id, q.kind, q.content[0], q.content[1], *(q.cue or (None, None)),
                                   *(q.speaker_mention or (None, None)), q.speaker, name, sp.role if sp else None,
                                   sp.country if sp else None, doc.text[q.content[0]:q.content[1]], published, __version__))
        for e in doc.events:
            scodes = sorted({actors[a].country for a in e.source if a in actors and actors[a].country})
            tcodes = sorted({actors[a].country for a in e.target if a in actors and actors[a].country})
            date = _date(e.date) or (None if e.historical else published)  # background keeps no news date
            ekey = "|".join([e.type, ",".join(scodes), ",".join(tcodes), date.isoformat() if date else ""])
            rows["events"].append((key, e.id, e.type, e.mode, list(e.context), list(e.source), list(e.target), scodes,
                                   tcodes, e.negated, e.hypothetical, e.future, e.historical,
                                   *(e.sentence or (None, None)), *(e.trigger or (None, None)), date, e.location,
                                   e.score, e.quote, doc.text[e.sentence[0]:e.sentence[1]] if e.sentence else None,
                                   ekey, __version__, e.cameo, e.confidence))

    def _mark(self, input_name: str, key: Optional[str], status: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO inputs VALUES (?,?,?,?)",
                         [input_name, key, status, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)])

    def processed(self) -> set[str]:
        """Inputs (path, path:line, ...) already stored or found duplicate: a restarted run skips them (failed ones are retried)."""
        return {r[0] for r in self.con.execute("SELECT input FROM inputs WHERE status IN ('stored', 'duplicate')").fetchall()}

    def record_failure(self, f: Failure) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("INSERT INTO failures VALUES (?,?,?,?)",
                             [f.input, f.reason, f.skipped, dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)])
            self._mark(f.input, None, "skipped" if f.skipped else "failed")
            self.con.execute("COMMIT")
        except Exception:
            try:
                self.con.execute("ROLLBACK")
            except Exception:
                pass
            raise

    def ingest(self, items: Iterable[Union[Document, Failure]], progress=None, reindex: bool = True,
               chunk: int = 64, registry: Optional[Registry] = None) -> IngestReport:
        """Store analysed documents (``chunk`` per transaction); failures are recorded and reported, never dropped.

        ``registry``: the one the items were linked with, e.g. ``analyze(inputs, registry=store.registry())``
        (default: this store's); its new entries are written with the documents."""
        report = IngestReport()
        t0 = time.perf_counter()
        buf: list[Document] = []

        def flush():
            stored, dup = self.add_many(buf, registry)
            report.stored += stored
            report.duplicates += dup
            buf.clear()

        for item in items:
            if isinstance(item, Failure):
                (report.skipped if item.skipped else report.failed).append(item)
                self.record_failure(item)
            else:
                buf.append(item)
                if len(buf) >= chunk:
                    flush()
            if progress is not None:
                progress(item)
        flush()
        if reindex and (report.stored or self.index_stale()):
            self.reindex()
        report.seconds = time.perf_counter() - t0
        return report

    # ------------------------------------------------------------- full text
    def load_fts(self) -> bool:
        """Load DuckDB's full-text-search extension from the installed duckdb-ext-fts package (never downloaded)."""
        if getattr(self, "_fts", None) is not None:
            return self._fts
        self._fts = False
        try:
            import duckdb_ext

            directory = str(Path(list(duckdb_ext.__path__)[0]) / "extensions").replace("'", "''")
            self.con.execute(f"SET extension_directory = '{directory}'")
            self.con.execute("LOAD fts")
            self._fts = True
        except Exception:  # no package for this platform/version: search falls back to ILIKE
            self._fts = False
        return self._fts

    def reindex(self) -> bool:
        """Rebuild the full-text index over quote contents and event sentences (after ingestion).

        The generation it was built from is recorded last: a rebuild killed half-way leaves the index stale,
        and the next writer (``ingest``, ``serve``, :meth:`check_index`) builds it again."""
        generation = self._generation("data_generation")
        self.con.execute("""CREATE OR REPLACE TABLE passages AS
            SELECT doc_key || '/q/' || quote_id AS pid, doc_key, 'quote' AS kind, quote_id AS ref, content AS body FROM quotes
            UNION ALL
            SELECT doc_key || '/e/' || event_id, doc_key, 'event', event_id, sentence FROM events WHERE sentence IS NOT NULL""")
        fts = self.load_fts()
        if fts:
            self.con.execute("PRAGMA create_fts_index('passages', 'pid', 'body', overwrite=1)")
        if generation >= 0:
            self.con.execute(f"UPDATE {META_TABLE} SET value = ? WHERE key = 'index_generation'", [str(generation)])
        return fts

    def search_passages(self, query: str, kind: Optional[str] = None, limit: int = 50) -> list[dict]:
        """Quote contents / event sentences ranked by BM25 (or matched by words when FTS is unavailable)."""
        words = [w for w in re.findall(r"\w+", query.lower()) if len(w) > 2]
        if not words or not self.query("SELECT 1 FROM information_schema.tables WHERE table_name = 'passages'"):
            return []
        kind_sql, params = ("AND kind = ?", [kind]) if kind else ("", [])
        if self.load_fts() and self.query("SELECT 1 FROM information_schema.schemata WHERE schema_name = 'fts_main_passages'"):
            return self.query(f"""SELECT * FROM (SELECT p.*, fts_main_passages.match_bm25(pid, ?) AS rank FROM passages p)
                                  WHERE rank IS NOT NULL {kind_sql} ORDER BY rank DESC LIMIT ?""", [" ".join(words)] + params + [limit])
        cond = " OR ".join("body ILIKE ?" for _ in words)
        return self.query(f"SELECT *, 0.0 AS rank FROM passages WHERE ({cond}) {kind_sql} LIMIT ?",
                          [f"%{w}%" for w in words] + params + [limit])

    # ------------------------------------------------------------------ reading
    def query(self, sql: str, params: Optional[list] = None) -> list[dict]:
        cur = self.con.execute(sql, params or [])
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row)) for row in cur.fetchall()]

    def records(self) -> Iterator[dict]:
        for (rec,) in self.con.execute("SELECT record FROM documents ORDER BY published NULLS LAST, id").fetchall():
            yield json.loads(rec)

    def stats(self) -> dict:
        one = lambda sql: self.con.execute(sql).fetchone()[0]
        return {
            "path": self.path,
            "documents": one("SELECT count(*) FROM documents"),
            "actors": one("SELECT count(*) FROM actors"),
            "mentions": one("SELECT count(*) FROM mentions"),
            "quotes": one("SELECT count(*) FROM quotes"),
            "events": one("SELECT count(*) FROM events"),
            "events_asserted": one("SELECT count(*) FROM events WHERE NOT negated AND NOT hypothetical"),
            "failures": one("SELECT count(*) FROM failures WHERE NOT skipped"),
            "first_published": one("SELECT min(published) FROM documents"),
            "last_published": one("SELECT max(published) FROM documents"),
            "top_pairs": self.query("""
                SELECT s AS source, t AS target, count(*) AS events
                FROM (SELECT unnest(source_codes) AS s, target_codes FROM events
                      WHERE NOT negated AND NOT hypothetical) x, unnest(x.target_codes) AS u(t)
                WHERE s <> t GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 5"""),
            "sample_quotes": self.query("""
                SELECT content, speaker_name, speaker_role, speaker_country, doc_key FROM quotes
                WHERE speaker_role IS NOT NULL AND length(content) BETWEEN 60 AND 220
                ORDER BY published DESC NULLS LAST, length(content) DESC LIMIT 4"""),
        }

    def export(self, table: str, path: Union[str, Path], fmt: Optional[str] = None) -> Path:
        """Write a table to Parquet or CSV (by ``fmt`` or the file extension)."""
        if table not in ("documents", "actors", "mentions", "quotes", "events", "registry"):
            raise StoreError(f"unknown table {table!r}")
        path = Path(path)
        fmt = (fmt or path.suffix.lstrip(".")).lower()
        if fmt not in ("parquet", "csv"):
            raise StoreError(f"{path}: unknown export format {fmt!r} (parquet or csv)")
        opts = "(FORMAT parquet)" if fmt == "parquet" else "(HEADER, DELIMITER ',')"
        target = str(path).replace("'", "''")
        self.con.execute(f"COPY (SELECT * FROM {table}) TO '{target}' {opts}")
        return path


def open_store(db: Union[str, Path], read_only: bool = False, wait: float = 30.0) -> Store:
    """Open a store, waiting up to ``wait`` seconds while another process holds the file's lock
    (a reader such as ``thucydides serve`` between requests, or another writer between chunks)."""
    deadline = time.monotonic() + wait
    delay = 0.05
    while True:
        try:
            return Store(db, read_only=read_only)
        except StoreError as e:
            if "locked" not in str(e):
                raise
            if time.monotonic() >= deadline:
                raise StoreError(f"{db}: database is locked by another process (a server answering a request, or "
                                 f"another ingest); waited {wait:g} s for it: try again, or wait longer with "
                                 "--lock-wait SECONDS / THUCYDIDES_LOCK_WAIT") from None
            time.sleep(delay)
            delay = min(delay * 2, 1.0)


def ingest(db: Union[str, Path], items: Iterable[Union[Document, Failure]], chunk: int = 64,
           progress=None, lock_wait: float = 30.0, registry: Optional[Registry] = None) -> IngestReport:
    """Store analysed items in ``db``, holding the write lock only while a chunk is written.

    DuckDB allows one writing process per file, and a writer locks readers out; so the
    file is opened per chunk and closed in between, letting a server read while a long
    ingestion runs. Each document is committed with its input name, so a run killed at
    any point and started again (the CLI skips inputs already committed) loses nothing.
    """
    total = IngestReport()
    t0 = time.perf_counter()
    buf: list = []

    def flush():
        if not buf:
            return
        with open_store(db, wait=lock_wait) as s:
            r = s.ingest(buf, progress=progress, reindex=False, registry=registry)
        total.stored += r.stored
        total.duplicates += r.duplicates
        total.failed += r.failed
        total.skipped += r.skipped
        buf.clear()

    for item in items:
        buf.append(item)
        if len(buf) >= chunk:
            flush()
    flush()
    # the index is rebuilt when it does not cover the data, whoever left it so: this run, or an earlier
    # run killed after its last chunk and before the rebuild (whose rerun stores nothing new)
    with open_store(db, wait=lock_wait) as s:
        s.check_index()
    total.seconds = time.perf_counter() - t0
    return total


def resume_state(db: Union[str, Path], lock_wait: float = 30.0) -> tuple[set[str], Registry]:
    """What a new ingestion into ``db`` starts from: the inputs already done (a killed run is resumed by
    skipping them) and the actor registry the linking stage extends. Opens the file read-only, waiting
    up to ``lock_wait`` seconds while a writer holds it; a missing file gives (empty, empty)."""
    if not Path(db).exists():
        return set(), Registry()
    try:
        s = open_store(db, read_only=True, wait=lock_wait)
    except StoreError as e:
        if "an empty database" in str(e):
            return set(), Registry()
        raise
    with s:
        return s.processed(), Registry.from_store(s)


def load_registry(db: Union[str, Path], lock_wait: float = 30.0) -> Registry:
    """The registry of the database at ``db`` (empty when the file does not exist yet), for the linking stage."""
    return resume_state(db, lock_wait)[1]


def processed_inputs(db: Union[str, Path], lock_wait: float = 30.0) -> set[str]:
    """Inputs already stored (or found duplicate) in ``db``: a restarted run skips them."""
    return resume_state(db, lock_wait)[0]
