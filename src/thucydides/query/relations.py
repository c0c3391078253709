"""Relations between two actors over time: event counts by PLOVER quad class and mean score.

An actor is a country or group code ("RUS", "WST"), a country name ("Russia"), or a person or
organisation name ("Lavrov"). An event involves the pair when one is among its sources and
the other among its targets, or both are among its sources (joint action). Events reported
by several articles count once (the store's ``event_key``). Negated and hypothetical events
are counted apart and never as having happened.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from ..errors import RelationError
from ..knowledge import table
from ..query import params as check
from ..query.search import side_sql, tidy_sentence
from ..sql import date_bounds

PERIODS = ("day", "week", "month", "quarter", "year")




@lru_cache(maxsize=1)
def quads() -> dict[str, tuple[str, int]]:
    return {r["type"]: (r["quad"], int(r["polarity"])) for r in table("quad_classes.tsv")}


def pair_sql(a: str, b: str, params: list) -> str:
    """SQL condition: the event goes from a to b, from b to a, or a and b act together."""
    parts = []
    for left, lcol, right, rcol in ((a, "source", b, "target"), (b, "source", a, "target"), (a, "source", b, "source")):
        p: list = []
        cond = f"({side_sql(lcol, left, p)} AND {side_sql(rcol, right, p)})"
        parts.append(cond)
        params += p
    return "(" + " OR ".join(parts) + ")"


def _period(by: str) -> str:
    if by not in PERIODS:
        raise RelationError(f"'by' must be one of {', '.join(PERIODS)}, got {by!r}")
    return by


def series(store, a: str, b: str, by: str = "month", since: Optional[str] = None, until: Optional[str] = None) -> dict:
    """The pair's relation by period: events per quad class, mean conflict-cooperation score."""
    by = _period(by)
    since, until = check.date("since", since), check.date("until", until)
    a, b = check.side(a, "a"), check.side(b, "b")
    params: list = []
    cond = pair_sql(a, b, params)
    where = [cond, "e.date IS NOT NULL"]
    date_bounds("e.date", since, until, where, params)
    q = quads()
    case = "CASE e.type " + " ".join(f"WHEN '{t}' THEN '{qc}'" for t, (qc, _) in q.items()) + " ELSE 'other' END"
    sql = f"""
        WITH ev AS (
            SELECT e.event_key, any_value(e.type) AS type, min(e.date) AS date, any_value(e.score) AS score,
                   bool_or(NOT e.negated AND NOT e.hypothetical) AS asserted
            FROM events e WHERE {' AND '.join(where)} GROUP BY e.event_key)
        SELECT CAST(date_trunc('{by}', date) AS DATE) AS period,
               count(*) FILTER (WHERE asserted) AS events,
               count(*) FILTER (WHERE asserted AND {case.replace('e.type', 'type')} = 'verbal_cooperation') AS verbal_cooperation,
               count(*) FILTER (WHERE asserted AND {case.replace('e.type', 'type')} = 'material_cooperation') AS material_cooperation,
               count(*) FILTER (WHERE asserted AND {case.replace('e.type', 'type')} = 'verbal_conflict') AS verbal_conflict,
               count(*) FILTER (WHERE asserted AND {case.replace('e.type', 'type')} = 'material_conflict') AS material_conflict,
               avg(score) FILTER (WHERE asserted) AS mean_score,
               count(*) FILTER (WHERE NOT asserted) AS negated_or_hypothetical
        FROM ev GROUP BY 1 ORDER BY 1"""
    points = store.query(sql, params)
    for p in points:
        p["period"] = p["period"].isoformat()
        p["mean_score"] = round(p["mean_score"], 3) if p["mean_score"] is not None else None
    return {"a": a, "b": b, "by": by, "points": points, "total": sum(p["events"] for p in points)}


def evidence(store, a: str, b: str, period: Optional[str] = None, by: str = "month", limit: int = 200) -> dict:
    """The events and quotes behind one point of the series (or the whole series without ``period``)."""
    by = _period(by)
    period = check.date("period", period)
    params: list = []
    where = [pair_sql(a, b, params)]
    if period:
        where.append(f"CAST(date_trunc('{by}', e.date) AS DATE) = CAST(? AS DATE)")
        params.append(period)
    events = store.query(f"""
        SELECT d.id AS doc_id, e.doc_key, e.event_id, e.type, e.mode, e.date, e.negated, e.hypothetical, e.future,
               e.source_codes, e.target_codes, e.sentence, e.sentence_start, e.sentence_end, e.score, e.quote_id,
               e.event_key
        FROM events e JOIN documents d USING (doc_key)
        WHERE {' AND '.join(where)} ORDER BY e.date, d.id LIMIT ?""", params + [limit])
    quotes = []
    linked = {(e["doc_key"], e["quote_id"]) for e in events if e["quote_id"]}
    if linked:
        keys = [k for k, _ in linked]
        rows = store.query("""SELECT q.*, d.id AS doc_id FROM quotes q JOIN documents d USING (doc_key)
                              WHERE q.doc_key IN (SELECT unnest(?))""", [keys])
        quotes = [r for r in rows if (r["doc_key"], r["quote_id"]) in linked]
    for e in events:
        e["sentence"] = tidy_sentence(e["sentence"])
    for r in events + quotes:
        for k in ("date", "published"):
            if r.get(k) is not None:
                r[k] = r[k].isoformat()
    return {"a": a, "b": b, "period": period, "by": by, "events": events, "quotes": quotes}
