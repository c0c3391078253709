"""The web page's routes (server-rendered HTML, no scripts from elsewhere)."""
from __future__ import annotations

import re
from typing import Optional

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..query import ask as ask_mod
from ..query import relations
from ..query.documents import get_document, list_documents, stats
from ..query.search import find_quotes
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
    by = by if by in ("day", "week", "month") else "month"
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
def web_ask(request: Request, q: Optional[str] = Query(None, max_length=500), db: Database = Depends(get_db)):
    q = (q or "").strip()
    brief = None
    errors: list[str] = []
    if q and len(q) < 3:
        errors.append("the question is too short")
    elif q:
        with db.reader() as store:
            brief = ask_mod.ask(store, q, limit=10)
    return render(request, "ask.html", status=422 if errors else 200, q=q, brief=brief, errors=errors, nav="ask",
                  trend_json=json_script(trend(brief)))



@router.get("/favicon.ico", include_in_schema=False)
def favicon():
    return RedirectResponse("/static/favicon.svg")
