"""Searches over the store: quotes and events with filters, event exports."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional, Union

from .. import kb as kbmod
from ..sql import contains


def country_code(value: Optional[str]) -> Optional[str]:
    """'RUS', 'Russia', 'Russian' -> 'RUS'; None when it names no country."""
    if not value:
        return None
    v = value.strip()
    if len(v) == 3 and v.isupper():
        return v
    kb = kbmod.load()
    code = kb.country_of(v) or kb.country_of(v.title())
    if code:
        return code
    for e in kb.lower_forms.get(v.lower(), ()):
        return e.code
    return None


def find_quotes(store, speaker: Optional[str] = None, about: Optional[str] = None, since: Optional[str] = None,
                limit: int = 50, offset: int = 0) -> list[dict]:
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
    if since:
        where.append("q.published >= CAST(? AS DATE)")
        params.append(since)
    sql = f"""SELECT q.*, d.id, d.title, d.source, d.url FROM quotes q JOIN documents d USING (doc_key)
              {'WHERE ' + ' AND '.join(where) if where else ''}
              ORDER BY q.published DESC NULLS LAST, d.id, q.content_start LIMIT ? OFFSET ?"""
    return store.query(sql, params + [limit, offset])


def side_sql(column: str, value: str, params: list) -> str:
    """SQL condition: ``value`` (a country/group code or name, or an actor name) is on the event's ``column`` side."""
    code = country_code(value)
    if code:
        params.append(code)
        return f"list_contains(e.{column}_codes, ?)"
    params.append(contains(value))
    return (f"EXISTS (SELECT 1 FROM actors a WHERE a.doc_key = e.doc_key AND list_contains(e.{column}, a.actor_id) "
            f"AND a.name ILIKE ? ESCAPE '\\')")


def find_events(store, actor: Optional[str] = None, recipient: Optional[str] = None, type: Optional[str] = None,
                since: Optional[str] = None, include_negated: bool = False, limit: int = 100, offset: int = 0) -> list[dict]:
    """Events, one row per distinct event (same type, dyad and date across articles), with its source count."""
    where, params = [], []
    if actor:
        where.append(side_sql("source", actor, params))
    if recipient:
        where.append(side_sql("target", recipient, params))
    if type:
        where.append("e.type = ?")
        params.append(type.upper())
    if since:
        where.append("e.date >= CAST(? AS DATE)")
        params.append(since)
    if not include_negated:
        where.append("NOT e.negated AND NOT e.hypothetical")
    sql = f"""
        SELECT e.event_key, any_value(e.type) AS type, any_value(e.mode) AS mode,
               any_value(e.source_codes) AS source_codes, any_value(e.target_codes) AS target_codes,
               min(e.date) AS date, bool_or(e.negated) AS negated, bool_or(e.hypothetical) AS hypothetical,
               bool_or(e.future) AS future, any_value(e.score) AS score,
               count(DISTINCT e.doc_key) AS sources, min(e.sentence) AS sentence,
               list(DISTINCT d.id) AS documents
        FROM events e JOIN documents d USING (doc_key)
        {'WHERE ' + ' AND '.join(where) if where else ''}
        GROUP BY e.event_key, e.negated, e.hypothetical
        ORDER BY date DESC NULLS LAST, sources DESC LIMIT ? OFFSET ?"""
    return store.query(sql, params + [limit, offset])


def export_events(store, path: Union[str, Path], rows: Optional[list[dict]] = None) -> Path:
    """Events to Parquet or CSV (the events table), or JSON (PLOVER-style records, one per line)."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt in ("parquet", "csv"):
        return store.export("events", path, fmt)
    if fmt not in ("json", "jsonl"):
        from ..errors import StoreError

        raise StoreError(f"{path}: unknown export format (use .parquet, .csv or .json)")
    rows = store.query("""SELECT e.*, d.id AS doc_id, d.url, d.title FROM events e JOIN documents d USING (doc_key)
                          ORDER BY e.date, e.event_key""")
    with open(path, "w", encoding="utf-8") as f:
        for e in rows:
            f.write(json.dumps({
                "id": f"{e['doc_id']}-{e['event_id']}", "event_type": e["type"], "mode": e["mode"] or "",
                "context": e["context"] or [], "event_date": str(e["date"]) if e["date"] else None,
                "actor": e["source_codes"], "recipient": e["target_codes"],
                "negated": e["negated"], "hypothetical": e["hypothetical"],
                "location": e["location"], "score": e["score"], "text": e["sentence"],
                "source_doc": e["doc_id"], "url": e["url"], "event_key": e["event_key"],
            }, ensure_ascii=False, default=str) + "\n")
    return path
