"""Searches over the store: quotes and events with filters, event exports, and a search over all three.

Every parameter goes through :mod:`thucydides.query.params` first, so the command line, the API and
the page refuse the same bad values with the same message.
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Optional, Union

from .. import kb as kbmod
from ..errors import QueryError, StoreError
from ..sql import contains, date_bounds
from . import params as check
from .documents import list_documents


def country_code(value: Optional[str]) -> Optional[str]:
    """'RUS', 'Russia', 'Russian', 'NATO' -> the code; None when it names no country or group."""
    if not value:
        return None
    v = value.strip()
    if v in check.known_codes():
        return v
    kb = kbmod.load()
    code = kb.country_of(v) or kb.country_of(v.title())
    if code:
        return code
    for e in kb.lower_forms.get(v.lower(), ()):
        return e.code
    return None


CLOSING_MARKS = "”’»\"'"


def tidy_sentence(text: Optional[str]) -> Optional[str]:
    """A stored sentence for display: white space folded, without the closing quotation mark of the
    sentence before it ("” Russia said ..." -> "Russia said ...")."""
    if text is None:
        return None
    # a quotation mark followed by white space closes the sentence before (an opening one hugs its word)
    return re.sub(r"^[%s]\s+" % re.escape(CLOSING_MARKS), "", " ".join(text.split()))


def find_quotes(store, speaker: Optional[str] = None, about: Optional[str] = None, since: Optional[str] = None,
                limit: int = 50, offset: int = 0, words: Optional[str] = None) -> list[dict]:
    """Stored quotes, newest first. ``about``: a country code or name the quote concerns, else words in it;
    ``words``: words in the quote."""
    speaker, about, words = check.text(speaker, "speaker"), check.text(about, "about"), check.text(words, "words")
    since = check.date("since", since)
    limit, offset = check.limit(limit), check.offset(offset)
    where, params = [], []
    if speaker:
        where.append("(q.speaker_name ILIKE ? ESCAPE '\\' OR q.speaker_role ILIKE ? ESCAPE '\\')")
        params += [contains(speaker), contains(speaker)]
    if about:
        code = country_code(about)
        if code:
            where.append("(q.speaker_country = ? OR EXISTS (SELECT 1 FROM actors a WHERE a.doc_key = q.doc_key "
                         "AND a.country = ? AND a.type = 'COUNTRY' AND EXISTS (SELECT 1 FROM mentions m "
                         "WHERE m.doc_key = a.doc_key AND m.actor_id = a.actor_id "
                         "AND m.start_char >= q.content_start AND m.end_char <= q.content_end)))")
            params += [code, code]
        else:
            where.append("q.content ILIKE ? ESCAPE '\\'")
            params.append(contains(about))
    if words:
        where.append("q.content ILIKE ? ESCAPE '\\'")
        params.append(contains(words))
    date_bounds("q.published", since, None, where, params)
    sql = f"""SELECT q.*, d.id, d.title, d.source, d.url FROM quotes q JOIN documents d USING (doc_key)
              {'WHERE ' + ' AND '.join(where) if where else ''}
              ORDER BY q.published DESC NULLS LAST, d.id, q.content_start LIMIT ? OFFSET ?"""
    return store.query(sql, params + [limit, offset])


def side_sql(column: str, value: str, params: list) -> str:
    """SQL condition: ``value`` (a country/group code or name, or an actor name) is on the event's ``column`` side."""
    value = check.side(value, "actor" if column == "source" else "recipient")
    code = country_code(value)
    if code:
        params.append(code)
        return f"list_contains(e.{column}_codes, ?)"
    params.append(contains(value))
    return (f"EXISTS (SELECT 1 FROM actors a WHERE a.doc_key = e.doc_key AND list_contains(e.{column}, a.actor_id) "
            f"AND a.name ILIKE ? ESCAPE '\\')")


def _names_sql(column: str) -> str:
    return (f"(SELECT list(a.name ORDER BY a.actor_id) FROM actors a WHERE a.doc_key = e.doc_key "
            f"AND list_contains(e.{column}, a.actor_id))")


def find_events(store, actor: Optional[str] = None, recipient: Optional[str] = None, type: Optional[str] = None,
                since: Optional[str] = None, include_negated: bool = False, limit: Optional[int] = 100,
                offset: int = 0, words: Optional[str] = None) -> list[dict]:
    """Events, one row per distinct event (same type, dyad and date across articles), with its source count.

    ``limit=None``: every matching event (exports). Each row names its sides (``source_names``,
    ``target_names``: the actors as the articles name them) and the documents that report it.
    """
    type = check.event_type(type)
    since = check.date("since", since)
    words = check.text(words, "words")
    limit = check.limit(limit) if limit is not None else None
    offset = check.offset(offset)
    where, params = [], []
    if actor is not None:
        where.append(side_sql("source", check.side(actor, "actor"), params))
    if recipient is not None:
        where.append(side_sql("target", check.side(recipient, "recipient"), params))
    if type:
        where.append("e.type = ?")
        params.append(type)
    date_bounds("e.date", since, None, where, params)
    if words:
        where.append("e.sentence ILIKE ? ESCAPE '\\'")
        params.append(contains(words))
    if not include_negated:
        where.append("NOT e.negated AND NOT e.hypothetical")
    sql = f"""
        WITH ev AS (
            SELECT e.*, d.id AS doc_id, d.title AS doc_title, d.url AS doc_url, d.source AS outlet,
                   {_names_sql('source')} AS source_names, {_names_sql('target')} AS target_names
            FROM events e JOIN documents d USING (doc_key)
            {'WHERE ' + ' AND '.join(where) if where else ''})
        SELECT event_key, any_value(type) AS type, any_value(mode) AS mode,
               any_value(source_codes) AS source_codes, any_value(target_codes) AS target_codes,
               any_value(source_names) AS source_names, any_value(target_names) AS target_names,
               min(date) AS date, bool_or(negated) AS negated, bool_or(hypothetical) AS hypothetical,
               bool_or(future) AS future, any_value(score) AS score, any_value(context) AS context,
               any_value(location) AS location,
               count(DISTINCT doc_key) AS sources, min(sentence) AS sentence,
               list(DISTINCT doc_id ORDER BY doc_id) AS documents,
               list(DISTINCT doc_id || '[' || sentence_start || ':' || sentence_end || ']'
                    ORDER BY doc_id || '[' || sentence_start || ':' || sentence_end || ']') AS spans,
               list(DISTINCT doc_title ORDER BY doc_title) FILTER (WHERE doc_title IS NOT NULL) AS titles,
               list(DISTINCT doc_url ORDER BY doc_url) FILTER (WHERE doc_url IS NOT NULL) AS urls,
               list(DISTINCT outlet ORDER BY outlet) FILTER (WHERE outlet IS NOT NULL) AS outlets
        FROM ev
        GROUP BY event_key, negated, hypothetical
        ORDER BY date DESC NULLS LAST, sources DESC, event_key
        {'LIMIT ? OFFSET ?' if limit is not None else 'OFFSET ?'}"""
    rows = store.query(sql, params + ([limit, offset] if limit is not None else [offset]))
    for r in rows:
        r["sentence"] = tidy_sentence(r["sentence"])
        for k in ("source_names", "target_names", "titles", "urls", "outlets", "context"):
            r[k] = r[k] or []
    return rows


EXPORT_FORMATS = ("parquet", "csv", "json", "jsonl")
CSV_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: lists joined by '; ', and a text starting with
    = + - @ (a formula to Excel, LibreOffice, Sheets) prefixed with an apostrophe."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        value = "; ".join(str(v) for v in value)
    elif isinstance(value, bool):
        return "true" if value else "false"
    elif isinstance(value, (int, float)):
        return str(value)
    value = str(value)
    return "'" + value if value.startswith(CSV_FORMULA) else value


EXPORT_COLUMNS = ("event_key", "date", "type", "mode", "context", "source", "source_codes", "target", "target_codes",
                  "negated", "hypothetical", "future", "score", "location", "sources", "documents", "spans",
                  "titles", "outlets", "urls", "sentence")


def _export_record(e: dict) -> dict:
    return {"event_key": e["event_key"], "date": str(e["date"]) if e["date"] else None, "type": e["type"],
            "mode": e["mode"] or "", "context": list(e["context"]), "source": list(e["source_names"]),
            "source_codes": list(e["source_codes"] or []), "target": list(e["target_names"]),
            "target_codes": list(e["target_codes"] or []), "negated": bool(e["negated"]),
            "hypothetical": bool(e["hypothetical"]), "future": bool(e["future"]), "score": e["score"],
            "location": e["location"], "sources": e["sources"], "documents": list(e["documents"]), "spans": list(e["spans"]),
            "titles": list(e["titles"]), "outlets": list(e["outlets"]), "urls": list(e["urls"]),
            "sentence": e["sentence"]}


def export_path(path: Union[str, Path]) -> tuple[Path, str]:
    """The export file and its format, checked before any query runs."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in EXPORT_FORMATS:
        raise QueryError(f"{path}: unknown export format (use .parquet, .csv or .json)")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise StoreError(f"{path}: cannot write the export: folder {str(parent)!r} does not exist")
    if path.is_dir():
        raise StoreError(f"{path}: cannot write the export: it is a folder")
    return path, fmt


def export_events(store, path: Union[str, Path], actor: Optional[str] = None, recipient: Optional[str] = None,
                  type: Optional[str] = None, since: Optional[str] = None, include_negated: bool = False,
                  limit: Optional[int] = None) -> tuple[Path, int]:
    """Write the events the listing (:func:`find_events`) shows for the same filters, every one of them
    unless ``limit``, to Parquet, CSV or JSON (PLOVER-style records, one per line). Returns the path and
    the number of events written. ``source``/``target`` hold the actors' names; ``documents`` the
    reporting documents' ids, with their titles, outlets and addresses beside them."""
    path, fmt = export_path(path)
    rows = [_export_record(e) for e in find_events(store, actor=actor, recipient=recipient, type=type, since=since,
                                                     include_negated=include_negated, limit=limit)]
    try:
        if fmt == "csv":
            with open(path, "w", encoding="utf-8", newline="") as f:
                w = csv.writer(f)
                w.writerow(EXPORT_COLUMNS)
                for r in rows:
                    w.writerow([csv_cell(r[c]) for c in EXPORT_COLUMNS])
        elif fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            lists = ("context", "source", "source_codes", "target", "target_codes", "documents", "spans", "titles",
                     "outlets", "urls")
            schema = pa.schema([(c, pa.list_(pa.string()) if c in lists else
                                 pa.bool_() if c in ("negated", "hypothetical", "future") else
                                 pa.float64() if c == "score" else pa.int64() if c == "sources" else pa.string())
                                for c in EXPORT_COLUMNS])
            pq.write_table(pa.Table.from_pylist(rows, schema=schema), path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                for r in rows:
                    f.write(json.dumps({"id": r["event_key"], "event_type": r["type"], "mode": r["mode"],
                                        "context": r["context"], "event_date": r["date"],
                                        "actor": r["source_codes"], "actor_names": r["source"],
                                        "recipient": r["target_codes"], "recipient_names": r["target"],
                                        "negated": r["negated"], "hypothetical": r["hypothetical"],
                                        "future": r["future"], "location": r["location"], "score": r["score"],
                                        "text": r["sentence"], "sources": r["sources"],
                                        "source_doc": r["documents"][0] if r["documents"] else None,
                                        "source_docs": r["documents"], "spans": r["spans"], "titles": r["titles"],
                                        "outlets": r["outlets"], "urls": r["urls"]},
                                       ensure_ascii=False, default=str) + "\n")
    except OSError as e:
        raise StoreError(f"{path}: cannot write the export ({e.strerror or e})") from None
    return path, len(rows)


TABLES = ("documents", "actors", "mentions", "quotes", "events", "registry")


def export_table(store, table: str, path: Union[str, Path]) -> Path:
    """A whole table to Parquet, or to CSV through :func:`csv_cell` (lists joined, formulas neutralised)."""
    if table not in TABLES:
        raise QueryError(f"unknown table {table!r} (one of {', '.join(TABLES)})")
    path, fmt = export_path(path)
    if fmt not in ("parquet", "csv"):
        raise QueryError(f"{path}: a table is exported to .parquet or .csv")
    if fmt == "parquet":
        return store.export(table, path, "parquet")
    cur = store.con.execute(f"SELECT * FROM {table}")
    columns = [d[0] for d in cur.description]
    try:
        with open(path, "w", encoding="utf-8", newline="") as f:
            w = csv.writer(f)
            w.writerow(columns)
            while True:
                chunk = cur.fetchmany(10_000)
                if not chunk:
                    break
                w.writerows([csv_cell(v) for v in row] for row in chunk)
    except OSError as e:
        raise StoreError(f"{path}: cannot write the export ({e.strerror or e})") from None
    return path


def search(store, q: str, since: Optional[str] = None, until: Optional[str] = None, limit: int = 10,
           include_negated: bool = False) -> dict:
    """Words in stored articles (the page's search: title or text), quotes and event sentences.

    ``{"query", "documents": {"total", "items"}, "quotes": [...], "events": [...]}``.
    """
    words = check.text(q, "query")
    if not words:
        raise QueryError("'query' is empty: give words to search for")
    since, until = check.date("since", since), check.date("until", until)
    limit = check.limit(limit)
    docs = list_documents(store, q=words, since=since, until=until, limit=limit)
    quotes = find_quotes(store, words=words, since=since, limit=limit)
    events = find_events(store, words=words, since=since, include_negated=include_negated, limit=limit)
    return {"query": words, "documents": docs, "quotes": quotes, "events": events}
