"""The web page's routes (server-rendered HTML, no scripts from elsewhere)."""
from __future__ import annotations

import csv
import io
import json
import re
from typing import Optional

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..query import ask as ask_mod
from ..query import relations
from ..query.documents import get_document, list_documents, stats
from ..query.search import find_events, find_quotes
from .database import Database
from .deps import MAX_OFFSET, ApiError, check_date, get_db
from .render import _trend as trend
from .render import highlight, json_script, link_url

router = APIRouter()


def render(request: Request, name: str, status: int = 200, **ctx):
    return request.app.state.templates.TemplateResponse(request, name, ctx, status_code=status)

def form_date(name: str, value: Optional[str], errors: list) -> Optional[str]:
    try:
        return check_date(name, (value or "").strip() or None)
    except ApiError as e:
        errors.append(e.message)
        return None

def form_int(value: Optional[str], default: int, lo: int, hi: int) -> int:
    try:
        return min(max(int(value), lo), hi)
    except (TypeError, ValueError):
        return default

@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def web_home(request: Request, q: Optional[str] = Query(None, max_length=200),
             offset: Optional[str] = None, db: Database = Depends(get_db)):
    off = form_int(offset, 0, 0, MAX_OFFSET)
    with db.reader() as store:
        s = stats(store)
        docs = list_documents(store, q=(q or "").strip() or None, limit=25, offset=off)
    return render(request, "home.html", stats=s, docs=docs, q=q or "", offset=off, limit=25, nav="home")

@router.get("/relations", response_class=HTMLResponse, include_in_schema=False)
def web_relations(request: Request, a: Optional[str] = Query(None, max_length=100),
                  b: Optional[str] = Query(None, max_length=100), by: Optional[str] = Query(None, max_length=10),
                  since: Optional[str] = Query(None, max_length=10), until: Optional[str] = Query(None, max_length=10),
                  period: Optional[str] = Query(None, max_length=10), db: Database = Depends(get_db)):
    errors: list[str] = []
    a, b = (a or "").strip(), (b or "").strip()
    by = by if by in relations.PERIODS else "month"
    since, until = form_date("since", since, errors), form_date("until", until, errors)
    period = form_date("period", period, errors)
    series = evidence = None
    pairs = []
    unavailable = None
    with db.reader() as store:
        pairs = store.stats()["top_pairs"]
        if a and b and not errors:
            series = relations.series(store, a, b, by=by, since=since, until=until)
            if period:
                evidence = relations.evidence(store, a, b, period=period, by=by)
    return render(request, "relations.html", status=422 if errors else 200, a=a, b=b, by=by,
                  since=since or "", until=until or "", period=period, series=series, evidence=evidence,
                  errors=errors, pairs=pairs, unavailable=unavailable, nav="relations",
                  series_json=json_script(series))

@router.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
def web_quotes(request: Request, speaker: Optional[str] = Query(None, max_length=200),
               country: Optional[str] = Query(None, max_length=200),
               since: Optional[str] = Query(None, max_length=10), offset: Optional[str] = None,
               db: Database = Depends(get_db)):
    errors: list[str] = []
    since = form_date("since", since, errors)
    off = form_int(offset, 0, 0, MAX_OFFSET)
    speaker, country = (speaker or "").strip(), (country or "").strip()
    rows = []
    if not errors:
        with db.reader() as store:
            rows = find_quotes(store, speaker=speaker or None, about=country or None, since=since,
                               limit=50, offset=off)
    return render(request, "quotes.html", status=422 if errors else 200, rows=rows, speaker=speaker,
                  country=country, since=since or "", offset=off, limit=50, errors=errors, nav="quotes")

@router.get("/article/{ident:path}", response_class=HTMLResponse, include_in_schema=False)
def web_article(request: Request, ident: str, span: Optional[str] = Query(None, max_length=30),
                db: Database = Depends(get_db)):
    focus = None
    if span and re.match(r"^\d{1,9}-\d{1,9}$", span):
        s, e = (int(x) for x in span.split("-"))
        focus = (s, e) if s < e else None
    with db.reader() as store:
        rec = get_document(store, ident[:300])
    if rec is None:
        raise ApiError(404, f"no document with id or key {ident[:80]!r}")
    rec["url"] = link_url(rec.get("url"))  # only http(s) addresses become the "original" link
    actors = {a["id"]: a for a in rec.get("actors", [])}
    text = rec.get("text") or ""
    quotes = []
    for q in rec.get("quotes", []):
        sp = actors.get(q.get("speaker"))
        c = q.get("content") or [0, 0]
        quotes.append({**q, "speaker_actor": sp,
                       "speaker_text": text[q["speaker_mention"][0]:q["speaker_mention"][1]] if q.get("speaker_mention") else None,
                       "text": text[c[0]:c[1]]})
    events = []
    for e in rec.get("events", []):
        events.append({**e, "sources": [actors.get(x, {}).get("name", x) for x in e.get("source", [])],
                       "targets": [actors.get(x, {}).get("name", x) for x in e.get("target", [])],
                       "trigger_text": text[e["trigger"][0]:e["trigger"][1]] if e.get("trigger") else None})
    actor_list = sorted(rec.get("actors", []), key=lambda a: (-len(a.get("mentions", [])), a.get("name", "")))
    return render(request, "article.html", rec=rec, body=highlight(rec, focus), actors=actor_list, quotes=quotes,
                  events=events, nav="article")

@router.get("/ask", response_class=HTMLResponse, include_in_schema=False)
def web_ask(request: Request, q: Optional[str] = Query(None, max_length=500), as_of: Optional[str] = Query(None, max_length=10),
            since: Optional[str] = Query(None, max_length=10), until: Optional[str] = Query(None, max_length=10),
            by: Optional[str] = Query(None, max_length=10), stance: Optional[str] = Query(None, max_length=10),
            kind: Optional[str] = Query(None, max_length=10), offset: Optional[str] = None,
            limit: Optional[str] = None, db: Database = Depends(get_db)):
    """The same parameters as ``thucydides ask`` and ``/api/ask``; the evidence in pages."""
    q = (q or "").strip()
    brief = None
    errors: list[str] = []
    as_of, since, until = form_date("as_of", as_of, errors), form_date("since", since, errors), form_date("until", until, errors)
    by = by if by in relations.PERIODS else "month"
    stance = stance if stance in ask_mod.STANCES else None
    kind = kind if kind in ask_mod.KINDS else None
    off, lim = form_int(offset, 0, 0, MAX_OFFSET), form_int(limit, 20, 1, 200)
    if q and len(q) < 3:
        errors.append("the question is too short")
    elif q and not errors:
        with db.reader() as store:
            brief = ask_mod.ask(store, q, limit=lim, offset=off, as_of=as_of, since=since, until=until, by=by,
                                stance=stance, kind=kind)
    params = {k: v for k, v in {"q": q, "as_of": as_of, "since": since, "until": until, "by": by,
                                "stance": stance, "kind": kind, "limit": lim}.items() if v}
    return render(request, "ask.html", status=422 if errors else 200, q=q, brief=brief, errors=errors, nav="ask",
                  as_of=as_of or "", since=since or "", until=until or "", by=by, stance=stance or "", kind=kind or "",
                  offset=off, limit=lim, params=params, periods=relations.PERIODS,
                  trend_json=json_script(trend(brief)))


def _event_filters(actor, recipient, type, since, errors):
    actor, recipient = (actor or "").strip() or None, (recipient or "").strip() or None
    type = (type or "").strip().upper() or None
    if type and not re.fullmatch(r"[A-Z]{2,24}", type):
        errors.append(f"type: {type!r} is not a PLOVER type (e.g. ASSAULT)")
        type = None
    return actor, recipient, type, form_date("since", since, errors)


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
def web_events(request: Request, actor: Optional[str] = Query(None, max_length=200),
               recipient: Optional[str] = Query(None, max_length=200), type: Optional[str] = Query(None, max_length=24),
               since: Optional[str] = Query(None, max_length=10), include_negated: Optional[str] = None,
               offset: Optional[str] = None, db: Database = Depends(get_db)):
    """Stored events with the filters of ``thucydides events``, in pages, with downloads of the same selection."""
    errors: list[str] = []
    actor, recipient, type, since = _event_filters(actor, recipient, type, since, errors)
    neg = include_negated in ("1", "on", "true", "yes")
    off = form_int(offset, 0, 0, MAX_OFFSET)
    rows = []
    if not errors:
        with db.reader() as store:
            rows = find_events(store, actor=actor, recipient=recipient, type=type, since=since,
                               include_negated=neg, limit=50, offset=off)
    params = {k: v for k, v in {"actor": actor, "recipient": recipient, "type": type, "since": since,
                                "include_negated": "1" if neg else None}.items() if v}
    return render(request, "events.html", status=422 if errors else 200, rows=rows, actor=actor or "",
                  recipient=recipient or "", type=type or "", since=since or "", include_negated=neg, offset=off,
                  limit=50, params=params, errors=errors, nav="events", types=sorted(relations.quads()))


@router.get("/events/download", include_in_schema=False)
def web_events_download(actor: Optional[str] = Query(None, max_length=200), recipient: Optional[str] = Query(None, max_length=200),
                        type: Optional[str] = Query(None, max_length=24), since: Optional[str] = Query(None, max_length=10),
                        include_negated: Optional[str] = None, format: str = Query("csv", pattern="^(csv|json)$"),
                        db: Database = Depends(get_db)):
    """The filtered events as CSV or JSON Lines (at most 100,000 rows)."""
    errors: list[str] = []
    actor, recipient, type, since = _event_filters(actor, recipient, type, since, errors)
    if errors:
        raise ApiError(422, "; ".join(errors))
    with db.reader() as store:
        rows = find_events(store, actor=actor, recipient=recipient, type=type, since=since,
                           include_negated=include_negated in ("1", "on", "true", "yes"), limit=100_000)
    cols = ["date", "type", "mode", "source_codes", "target_codes", "negated", "hypothetical", "future", "score",
            "sources", "documents", "sentence", "event_key"]
    if format == "json":
        body = "".join(json.dumps({c: r.get(c) for c in cols}, default=str, ensure_ascii=False) + "\n" for r in rows)
        media, name = "application/x-ndjson", "events.jsonl"
    else:
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(cols)
        for r in rows:
            w.writerow(["|".join(map(str, r[c])) if isinstance(r.get(c), list) else r.get(c) for c in cols])
        body, media, name = buf.getvalue(), "text/csv; charset=utf-8", "events.csv"
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/favicon.ico", include_in_schema=False)
def favicon():
    return RedirectResponse("/static/favicon.svg")
