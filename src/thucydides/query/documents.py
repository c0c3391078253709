"""Document queries the API and the page use: list, fetch one record, counts."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from ..sql import contains, date_bounds


def list_documents(store, q: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                   limit: int = 50, offset: int = 0) -> dict:
    """Stored documents, newest first: ``{"total", "items": [...]}``; ``q`` matches title or text."""
    where, params = [], []
    if q:
        where.append("(d.title ILIKE ? ESCAPE '\\' OR d.text ILIKE ? ESCAPE '\\')")
        params += [contains(q), contains(q)]
    date_bounds("d.published", since, until, where, params)
    cond = ("WHERE " + " AND ".join(where)) if where else ""
    total = store.query(f"SELECT count(*) AS n FROM documents d {cond}", params)[0]["n"]
    items = store.query(f"""
        SELECT d.doc_key, d.id, d.title, d.dateline, d.published, d.source, d.url, length(d.text) AS chars,
               (SELECT count(*) FROM actors a WHERE a.doc_key = d.doc_key) AS actors,
               (SELECT count(*) FROM quotes q WHERE q.doc_key = d.doc_key) AS quotes,
               (SELECT count(*) FROM events e WHERE e.doc_key = d.doc_key) AS events
        FROM documents d {cond}
        ORDER BY d.published DESC NULLS LAST, d.id LIMIT ? OFFSET ?""", params + [limit, offset])
    return {"total": total, "items": items}


def get_document(store, ident: str) -> Optional[dict]:
    """The stored analysis record for a document key, or for a record id that one stored document has
    (None when unknown). Ids are the inputs' data and need not be unique: an id several documents share
    raises :class:`~thucydides.errors.QueryError` naming their keys (links and the API use keys)."""
    rows = store.query("SELECT doc_key, record FROM documents WHERE doc_key = ?", [ident])
    if not rows:
        rows = store.query("SELECT doc_key, record FROM documents WHERE id = ? ORDER BY doc_key LIMIT 6", [ident])
        if len(rows) > 1:
            from ..errors import QueryError

            keys = ", ".join(r["doc_key"] for r in rows[:5])
            raise QueryError(f"{len(rows) if len(rows) < 6 else 'several'} documents have the id {ident[:80]!r}: "
                             f"open one by its document key ({keys})")
    if not rows:
        return None
    record = json.loads(rows[0]["record"])
    record["doc_key"] = rows[0]["doc_key"]
    return record


def stats(store) -> dict:
    """``Store.stats`` without the server's file path."""
    s = store.stats()
    s["path"] = Path(s["path"]).name
    return s
