"""REST API and server-rendered web pages over a Thucydides database.

Every route is a few lines over a library function a user can call directly
(:mod:`thucydides.search`, :mod:`thucydides.registry`, :mod:`thucydides.relations`,
:mod:`thucydides.ask`, :class:`thucydides.store.Store`).

The server stays out of the way of ``thucydides ingest`` running in another process:
it opens the database read-only for each request only (DuckDB lets one process write
a file and a read-write connection locks other processes out), retries briefly while a
writer holds the lock, and answers 503 when the database stays busy.

Safe defaults: binds 127.0.0.1, read-only unless a token is configured (``POST
/api/ingest`` needs ``Authorization: Bearer <token>``), no CORS, bounded request
bodies, a per-client rate limit, and no stack traces in responses.

    from thucydides.api import create_app, serve
    serve("thucydides.duckdb")             # http://127.0.0.1:8000/
"""
from __future__ import annotations

import contextlib
import datetime as dt
import hmac
import importlib
import json
import logging
import math
import re
import threading
import time
from collections import defaultdict, deque
from pathlib import Path
from typing import Any, Iterator, Optional, Union
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.concurrency import run_in_threadpool

from . import __version__
from .search import contains

log = logging.getLogger("thucydides.api")

WEB = Path(__file__).with_name("web")
MAX_LIMIT = 200
MAX_OFFSET = 1_000_000
MAX_INGEST_DOCS = 200
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
TYPE_RE = r"^[A-Z]{2,24}$"
BY_RE = r"^(day|week|month)$"
LOCK_HINTS = ("locked by another process", "different configuration")


# ---------------------------------------------------------------------------- errors
class ApiError(Exception):
    """An error with an HTTP status and a message safe to show to the client."""

    def __init__(self, status: int, message: str, headers: Optional[dict] = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def _bad(message: str) -> ApiError:
    return ApiError(422, message)


def check_date(name: str, value: Optional[str]) -> Optional[str]:
    """A YYYY-MM-DD date (or None); anything else is a 422."""
    if value is None or value == "":
        return None
    if not DATE_RE.match(value):
        raise _bad(f"parameter '{name}' must be a date written YYYY-MM-DD, got {value[:40]!r}")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise _bad(f"parameter '{name}' is not a valid calendar date: {value!r}") from None
    return value


def _library(name: str):
    """``thucydides.<name>``, or a clear 501 while that module is not available."""
    try:
        return importlib.import_module(f"thucydides.{name}")
    except ImportError as e:
        raise ApiError(501, f"thucydides.{name} is not available in this installation ({e})") from None


# ---------------------------------------------------------------------------- database access
class _ReadWriteLock:
    """Many readers or one writer, within this process.

    DuckDB refuses a read-write connection while read-only ones to the same file are open
    in the same process (and the reverse), so API ingestion waits for readers to finish.
    """

    def __init__(self):
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False

    @contextlib.contextmanager
    def read(self):
        with self._cond:
            while self._writer:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextlib.contextmanager
    def write(self):
        with self._cond:
            while self._writer or self._readers:
                self._cond.wait()
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class Database:
    """Opens the store per request: read-only for reads, read-write briefly for API ingestion."""

    def __init__(self, path: Union[str, Path], lock_timeout: float = 5.0):
        self.path = str(path)
        self.lock_timeout = lock_timeout
        self._lock = _ReadWriteLock()

    def _open(self, read_only: bool):
        from .store import Store, StoreError

        deadline = time.monotonic() + self.lock_timeout
        delay = 0.05
        while True:
            try:
                return Store(self.path, read_only=read_only)
            except StoreError as e:
                msg = str(e)
                if "no such database" in msg:
                    raise ApiError(503, "no database yet: ingest some articles first (thucydides ingest ...)") from None
                if not any(h in msg.lower() for h in LOCK_HINTS):
                    log.error("cannot open database: %s", msg)
                    raise ApiError(503, "the database cannot be opened (see the server log)") from None
                if time.monotonic() + delay > deadline:
                    raise ApiError(503, "the database is busy: another process is writing to it; try again shortly",
                                   {"Retry-After": "2"}) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.5)

    @contextlib.contextmanager
    def reader(self) -> Iterator[Any]:
        with self._lock.read():
            store = self._open(read_only=True)
            try:
                yield store
            finally:
                store.close()

    @contextlib.contextmanager
    def writer(self) -> Iterator[Any]:
        with self._lock.write():
            store = self._open(read_only=False)
            try:
                yield store
            finally:
                store.close()


# ---------------------------------------------------------------------------- library functions used by routes
def list_documents(store, q: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                   limit: int = 50, offset: int = 0) -> dict:
    """Stored documents, newest first: ``{"total", "items": [...]}``; ``q`` matches title or text."""
    where, params = [], []
    if q:
        where.append("(d.title ILIKE ? ESCAPE '\\' OR d.text ILIKE ? ESCAPE '\\')")
        params += [contains(q), contains(q)]
    if since:
        where.append("d.published >= CAST(? AS DATE)")
        params.append(since)
    if until:
        where.append("d.published <= CAST(? AS DATE)")
        params.append(until)
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
    """The stored analysis record for a document key or record id (None when unknown)."""
    rows = store.query("""SELECT doc_key, record FROM documents WHERE doc_key = ? OR id = ?
                          ORDER BY (doc_key = ?) DESC, published DESC NULLS LAST LIMIT 1""", [ident, ident, ident])
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


def ingest_documents(db: Database, documents: list[dict]) -> dict:
    """Analyse documents given as JSON objects (``id``, ``text`` or ``html``, ...) and store them."""
    from .model import Document, Failure
    from .pipeline import analyze_documents
    from .store import doc_key

    docs = []
    for d in documents:
        html = d.get("html")
        text = d.get("text")
        docs.append(Document(id=str(d["id"]), input=f"api:{d['id']}", raw=html if html and html.strip() else text,
                             is_html=bool(html and html.strip()), title=d.get("title"), url=d.get("url"),
                             published=d.get("published"), source=d.get("source")))
    from .parallel import analyze_parallel
    from .settings import load

    # slow part first, without holding the database; in a worker process, whose main thread can arm
    # the per-document time limit (a server thread cannot)
    analysed = list(analyze_parallel(docs, load(), jobs=1))
    with db.writer() as store:
        report = store.ingest(analysed)
    return {
        "stored": report.stored,
        "duplicates": report.duplicates,
        "failed": [f.to_dict() for f in report.failed],
        "skipped": [f.to_dict() for f in report.skipped],
        "documents": [{"id": d.id, "doc_key": doc_key(d.text)} for d in analysed if not isinstance(d, Failure)],
        "seconds": round(report.seconds, 3),
    }


# ---------------------------------------------------------------------------- request models
class IngestDocument(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: Union[str, int] = Field(description="your id for the article")
    text: Optional[str] = Field(None, description="plain text of the article")
    html: Optional[str] = Field(None, description="HTML of the article page (used instead of text when given)")
    title: Optional[str] = Field(None, max_length=1000)
    published: Optional[str] = Field(None, max_length=40, description="publication date, YYYY-MM-DD preferred")
    url: Optional[str] = Field(None, max_length=4000)
    source: Optional[str] = Field(None, max_length=400)


class IngestRequest(BaseModel):
    documents: list[IngestDocument] = Field(min_length=1, max_length=MAX_INGEST_DOCS)


# ---------------------------------------------------------------------------- middleware
SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
     b"frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
]


class _Guard:
    """Pure ASGI middleware: body-size limit (413), per-client rate limit (429), security headers,
    and a last-resort 500 with no internals in the body."""

    def __init__(self, app, max_body: int, rate_limit: int, window: float = 60.0):
        self.app = app
        self.max_body = max_body
        self.rate_limit = rate_limit
        self.window = window
        self.hits: dict[str, deque] = defaultdict(deque)
        self.lock = threading.Lock()

    def _limited(self, client: str) -> bool:
        if self.rate_limit <= 0:
            return False
        now = time.monotonic()
        with self.lock:
            q = self.hits[client]
            while q and q[0] <= now - self.window:
                q.popleft()
            if len(q) >= self.rate_limit:
                return True
            q.append(now)
            if len(self.hits) > 10_000:  # forget idle clients
                for k in [k for k, v in self.hits.items() if not v or v[-1] <= now - self.window]:
                    del self.hits[k]
            return False

    @staticmethod
    async def _json(send, status: int, message: str, headers: Optional[list] = None):
        body = json.dumps({"error": message}).encode()
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                *SECURITY_HEADERS, *(headers or [])]})
        await send({"type": "http.response.body", "body": body})

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body
            except ValueError:
                return await self._json(send, 400, "invalid Content-Length header")
            if too_big:
                return await self._json(send, 413, f"request body over the limit of {self.max_body:,} bytes")
        client = (scope.get("client") or ("unknown", 0))[0]
        if not scope["path"].startswith("/static/") and self._limited(client):
            return await self._json(send, 429, f"rate limit: at most {self.rate_limit} requests per minute",
                                    [(b"retry-after", str(int(self.window)).encode())])

        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise _BodyTooLarge()
            return message

        started = False

        async def guarded_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                message = dict(message)
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS if h[0] not in present]
            await send(message)

        try:
            await self.app(scope, limited_receive, guarded_send)
        except _BodyTooLarge:
            if not started:
                await self._json(send, 413, f"request body over the limit of {self.max_body:,} bytes")
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await self._json(send, 500, "internal server error")


class _BodyTooLarge(Exception):
    pass


# ---------------------------------------------------------------------------- web helpers
def highlight(record: dict, focus: Optional[tuple[int, int]] = None) -> Markup:
    """The record's clean text as HTML with actor mentions, quotes and event triggers highlighted.

    The text is cut at every span boundary; each piece is escaped and wrapped in a ``span``
    carrying the classes of the annotations covering it, so overlapping spans need no nesting.
    """
    text = record.get("text") or ""
    n = len(text)
    actors = {a["id"]: a for a in record.get("actors", [])}
    anns = []  # (start, end, class, attrs)

    def add(span, cls, **attrs):
        if span and 0 <= span[0] < span[1] <= n:
            anns.append((int(span[0]), int(span[1]), cls, attrs))

    for a in record.get("actors", []):
        for m in a.get("mentions", []):
            add(m, "hl-actor", actor=a["id"], type=(a.get("type") or "").lower())
    for q in record.get("quotes", []):
        add(q.get("content"), "hl-quote", quote=q["id"])
        add(q.get("speaker_mention"), "hl-speaker", quote=q["id"])
    for e in record.get("events", []):
        flag = "negated" if e.get("negated") else "hypothetical" if e.get("hypothetical") else "asserted"
        add(e.get("trigger"), "hl-event", event=e["id"], flag=flag)
    if focus:
        add(focus, "hl-focus")

    bounds = sorted({0, n, *(a[0] for a in anns), *(a[1] for a in anns)})
    starts: dict[int, list] = defaultdict(list)
    for a in anns:
        starts[a[0]].append(a)
    active: list = []
    out = []
    for lo, hi in zip(bounds, bounds[1:]):
        active = [a for a in active if a[1] > lo] + starts.get(lo, [])
        for a in starts.get(lo, []):  # anchors to jump to
            if a[2] == "hl-quote":
                out.append(f'<a class="anchor" id="q-{escape(a[3]["quote"])}"></a>')
            elif a[2] == "hl-event":
                out.append(f'<a class="anchor" id="e-{escape(a[3]["event"])}"></a>')
            elif a[2] == "hl-focus":
                out.append('<a class="anchor" id="focus"></a>')
        piece = escape(text[lo:hi])
        if not active:
            out.append(str(piece))
            continue
        classes = sorted({a[2] for a in active})
        attrs: dict[str, list] = {}
        titles = []
        for a in active:
            for k, v in a[3].items():
                if v and v not in attrs.setdefault(k, []):
                    attrs[k].append(v)
            if a[2] == "hl-actor":
                act = actors.get(a[3]["actor"], {})
                titles.append(" · ".join(x for x in (act.get("name"), act.get("type"), act.get("country"), act.get("role")) if x))
            elif a[2] == "hl-event":
                ev = next((e for e in record.get("events", []) if e["id"] == a[3]["event"]), {})
                titles.append(f"event {ev.get('type', '')} ({a[3]['flag']})")
        if any(a[2] == "hl-event" and a[3]["flag"] != "asserted" for a in active):
            classes.append("hl-event-unreal")
        attr = "".join(f' data-{k}="{escape(" ".join(v))}"' for k, v in attrs.items() if v)
        title = f' title="{escape("; ".join(dict.fromkeys(t for t in titles if t)))}"' if titles else ""
        out.append(f'<span class="{" ".join(classes)}"{attr}{title}>{piece}</span>')
    return Markup("".join(out))


def _unquote(text: Optional[str]) -> str:
    """Text without the quotation marks (and trailing comma) around it."""
    return (text or "").strip().strip("\"“”‘’'").rstrip(",").strip("\"“”‘’'").strip()


def _short(text: Optional[str], n: int = 220) -> str:
    text = (text or "").strip()
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _doc_link(row: dict) -> Optional[str]:
    ident = row.get("doc_key") or row.get("doc_id") or row.get("id") or row.get("document")
    if not ident:
        docs = row.get("documents")
        ident = docs[0] if docs else None
    if not ident:
        return None
    span = row.get("span")
    if not span and row.get("sentence_start") is not None:
        span = [row.get("sentence_start"), row.get("sentence_end")]
    if not span and row.get("content_start") is not None:
        span = [row.get("content_start"), row.get("content_end")]
    url = f"/article/{ident}"
    if span and len(span) == 2 and span[0] is not None:
        return url + "?" + urlencode({"span": f"{int(span[0])}-{int(span[1])}"}) + "#focus"
    return url


def _trend(brief: Optional[dict]) -> Optional[dict]:
    """The brief's trend as a chart series (with the pair it is about)."""
    if not brief or not brief.get("trend"):
        return None
    names = [a.get("code") or a.get("name") or a.get("label") for a in brief.get("actors", [])[:2]]
    names += ["?"] * (2 - len(names))
    return {"a": names[0], "b": names[1], **brief["trend"]}


def json_script(obj) -> Markup:
    """JSON safe to place inside a ``<script type="application/json">`` element."""
    text = json.dumps(obj, default=str, ensure_ascii=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _score(v) -> str:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{v:+.1f}"


# ---------------------------------------------------------------------------- the app
def create_app(db_path: str, token: Optional[str] = None, max_body: int = 5_000_000, rate_limit: int = 120,
               lock_timeout: float = 5.0) -> FastAPI:
    """The REST API (``/api/...``, schema at ``/openapi.json``) and web pages (``/``) over ``db_path``.

    ``token``: enables ``POST /api/ingest`` for clients sending ``Authorization: Bearer <token>``
    (without it the server is read-only). ``max_body``: request body limit in bytes.
    ``rate_limit``: requests per minute per client address (0: no limit). ``lock_timeout``:
    seconds to keep retrying while another process holds the database lock.
    """
    db = Database(db_path, lock_timeout=lock_timeout)
    app = FastAPI(title="Thucydides", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Evidence-linked records of who said what and who did what to whom, from news articles.")
    app.state.db = db
    app.state.token = token
    templates = Jinja2Templates(directory=str(WEB / "templates"))
    templates.env.globals.update(version=__version__, short=_short, unquote=_unquote, doc_link=_doc_link, score=_score)
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")

    # ------------------------------------------------------------ error handling
    def wants_html(request: Request) -> bool:
        return not request.url.path.startswith("/api/") and request.url.path != "/openapi.json"

    def error_page(request: Request, status: int, message: str, headers=None):
        return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                          status_code=status, headers=headers)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        if wants_html(request):
            return error_page(request, exc.status, exc.message, exc.headers)
        return JSONResponse({"error": exc.message}, status_code=exc.status, headers=exc.headers)

    @app.exception_handler(HTTPException)
    async def _http_error(request: Request, exc: HTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"not found: {request.url.path}"
        if wants_html(request):
            return error_page(request, exc.status_code, message, getattr(exc, "headers", None))
        return JSONResponse({"error": message}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    from starlette.exceptions import HTTPException as StarletteHTTPException

    app.add_exception_handler(StarletteHTTPException, _http_error)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        problems = []
        for err in exc.errors():
            loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
            problems.append(f"{'.'.join(loc) or 'request'}: {err.get('msg', 'invalid')}")
        message = "invalid request: " + "; ".join(problems)
        if wants_html(request):
            return error_page(request, 422, message)
        details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
        return JSONResponse({"error": message, "details": details}, status_code=422)

    # ------------------------------------------------------------ API
    # Fresh Query objects per parameter (FastAPI binds each to one parameter name).
    def Limit():
        return Query(50, ge=1, le=MAX_LIMIT, description=f"page size, 1..{MAX_LIMIT}")

    def Offset():
        return Query(0, ge=0, le=MAX_OFFSET, description="rows to skip")

    def Since():
        return Query(None, max_length=10, description="YYYY-MM-DD")

    def Until():
        return Query(None, max_length=10, description="YYYY-MM-DD")

    def Side():
        return Query(..., min_length=1, max_length=100, description="country code (RUS) or name (Russia), or an actor name")

    def By():
        return Query("month", pattern=BY_RE, description="day, week or month")

    def page(items: list, limit: int, offset: int, **extra) -> dict:
        return {**extra, "limit": limit, "offset": offset, "count": len(items),
                "next_offset": offset + limit if len(items) == limit else None, "items": items}

    @app.get("/api/documents", tags=["documents"], summary="List stored documents")
    def api_documents(q: Optional[str] = Query(None, max_length=200, description="text in the title or body"),
                      since: Optional[str] = Since(), until: Optional[str] = Until(),
                      limit: int = Limit(), offset: int = Offset()):
        since, until = check_date("since", since), check_date("until", until)
        with db.reader() as store:
            res = list_documents(store, q=q, since=since, until=until, limit=limit, offset=offset)
        return page(res["items"], limit, offset, total=res["total"])

    @app.get("/api/documents/{ident}", tags=["documents"], summary="One stored analysis record")
    def api_document(ident: str):
        if len(ident) > 300:
            raise _bad("document id too long")
        with db.reader() as store:
            rec = get_document(store, ident)
        if rec is None:
            raise ApiError(404, f"no document with id or key {ident[:80]!r}")
        return rec

    @app.get("/api/actors", tags=["actors"], summary="The cross-document actor registry")
    def api_actors(name: Optional[str] = Query(None, max_length=200), limit: int = Limit(), offset: int = Offset()):
        from .registry import list_actors

        with db.reader() as store:
            rows = list_actors(store, name=name, limit=offset + limit)[offset:]
        return page(rows, limit, offset)

    @app.get("/api/quotes", tags=["quotes"], summary="Stored quotes with speaker, role, country, date, source")
    def api_quotes(speaker: Optional[str] = Query(None, max_length=200, description="name or role of the speaker"),
                   about: Optional[str] = Query(None, max_length=200, description="country code or name, or words"),
                   since: Optional[str] = Since(), limit: int = Limit(), offset: int = Offset()):
        from .search import find_quotes

        since = check_date("since", since)
        with db.reader() as store:
            rows = find_quotes(store, speaker=speaker, about=about, since=since, limit=limit, offset=offset)
        return page(rows, limit, offset)

    @app.get("/api/events", tags=["events"], summary="Stored PLOVER events, deduplicated across articles")
    def api_events(actor: Optional[str] = Query(None, max_length=200, description="source: country code or actor name"),
                   recipient: Optional[str] = Query(None, max_length=200, description="target: country code or actor name"),
                   type: Optional[str] = Query(None, pattern=TYPE_RE, description="PLOVER type, e.g. ASSAULT"),
                   since: Optional[str] = Since(),
                   include_negated: bool = Query(False, description="also negated and hypothetical events"),
                   limit: int = Limit(), offset: int = Offset()):
        from .search import find_events

        since = check_date("since", since)
        with db.reader() as store:
            rows = find_events(store, actor=actor, recipient=recipient, type=type, since=since,
                               include_negated=include_negated, limit=limit, offset=offset)
        return page(rows, limit, offset)


    @app.get("/api/relations", tags=["relations"], summary="Events between two actors over time, by quad class")
    def api_relations(a: str = Side(), b: str = Side(), by: str = By(), since: Optional[str] = Since(),
                      until: Optional[str] = Until()):
        since, until = check_date("since", since), check_date("until", until)
        relations = _library("relations")
        with db.reader() as store:
            return relations.series(store, a, b, by=by, since=since, until=until)

    @app.get("/api/relations/evidence", tags=["relations"], summary="The events and quotes behind one point of a series")
    def api_relations_evidence(a: str = Side(), b: str = Side(), period: str = Query(..., max_length=10, description="YYYY-MM-DD"),
                               by: str = By()):
        period = check_date("period", period)
        relations = _library("relations")
        with db.reader() as store:
            return relations.evidence(store, a, b, period=period, by=by)

    @app.get("/api/ask", tags=["ask"], summary="A brief answering a question from the stored evidence")
    def api_ask(q: str = Query(..., min_length=3, max_length=500, description="a question in English"),
                limit: int = Query(10, ge=1, le=50)):
        ask = _library("ask")
        with db.reader() as store:
            return ask.ask(store, q, limit=limit)

    @app.get("/api/stats", tags=["stats"], summary="Counts, most active country pairs, sample quotes")
    def api_stats():
        with db.reader() as store:
            return stats(store)

    def authorise(request: Request) -> None:
        if not app.state.token:
            raise ApiError(403, "ingestion is disabled: the server runs read-only (start it with a token to enable it)")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        ok = hmac.compare_digest(given.strip().encode("utf-8"), app.state.token.encode("utf-8"))
        if scheme.lower() != "bearer" or not ok:
            raise ApiError(401, "missing or wrong token (send 'Authorization: Bearer <token>')",
                           {"WWW-Authenticate": "Bearer"})

    ingest_schema = IngestRequest.model_json_schema(ref_template="#/components/schemas/{model}")
    ingest_defs = ingest_schema.pop("$defs", {})

    @app.post("/api/ingest", tags=["ingest"], summary="Analyse and store articles (needs the server's token)",
              openapi_extra={"requestBody": {"required": True,
                                             "content": {"application/json": {"schema": ingest_schema}}}},
              responses={401: {"description": "missing or wrong token"},
                         403: {"description": "ingestion disabled (no token configured)"},
                         413: {"description": "body over the size limit"}, 422: {"description": "invalid body"}})
    async def api_ingest(request: Request):
        authorise(request)  # before the body is read
        raw = bytearray()
        async for chunk in request.stream():
            raw += chunk
            if len(raw) > max_body:
                raise ApiError(413, f"request body over the limit of {max_body:,} bytes")
        try:
            body = IngestRequest.model_validate_json(bytes(raw))
        except ValidationError as e:
            problems = [f"{'.'.join(str(x) for x in err['loc']) or 'body'}: {err['msg']}" for err in e.errors()]
            raise _bad("invalid body: " + "; ".join(problems[:10])) from None
        docs = []
        for d in body.documents:
            if not ((d.text and d.text.strip()) or (d.html and d.html.strip())):
                raise _bad(f"document {d.id!r}: no 'text' or 'html' with content")
            docs.append(d.model_dump())
        return await run_in_threadpool(ingest_documents, db, docs)

    def openapi():
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            schema.setdefault("components", {}).setdefault("schemas", {}).update(ingest_defs)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi

    # ------------------------------------------------------------ web pages
    def render(request: Request, name: str, status: int = 200, **ctx):
        return templates.TemplateResponse(request, name, ctx, status_code=status)

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

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def web_home(request: Request, q: Optional[str] = Query(None, max_length=200),
                 offset: Optional[str] = None):
        off = form_int(offset, 0, 0, MAX_OFFSET)
        with db.reader() as store:
            s = stats(store)
            docs = list_documents(store, q=(q or "").strip() or None, limit=25, offset=off)
        return render(request, "home.html", stats=s, docs=docs, q=q or "", offset=off, limit=25, nav="home")

    @app.get("/relations", response_class=HTMLResponse, include_in_schema=False)
    def web_relations(request: Request, a: Optional[str] = Query(None, max_length=100),
                      b: Optional[str] = Query(None, max_length=100), by: Optional[str] = Query(None, max_length=10),
                      since: Optional[str] = Query(None, max_length=10), until: Optional[str] = Query(None, max_length=10),
                      period: Optional[str] = Query(None, max_length=10)):
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
                try:
                    relations = _library("relations")
                    series = relations.series(store, a, b, by=by, since=since, until=until)
                    if period:
                        evidence = relations.evidence(store, a, b, period=period, by=by)
                except ApiError as e:
                    unavailable = e.message
        return render(request, "relations.html", status=422 if errors else 200, a=a, b=b, by=by,
                      since=since or "", until=until or "", period=period, series=series, evidence=evidence,
                      errors=errors, pairs=pairs, unavailable=unavailable, nav="relations",
                      series_json=json_script(series))

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def web_quotes(request: Request, speaker: Optional[str] = Query(None, max_length=200),
                   country: Optional[str] = Query(None, max_length=200),
                   since: Optional[str] = Query(None, max_length=10), offset: Optional[str] = None):
        from .search import find_quotes

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

    @app.get("/article/{ident}", response_class=HTMLResponse, include_in_schema=False)
    def web_article(request: Request, ident: str, span: Optional[str] = Query(None, max_length=30)):
        focus = None
        if span and re.match(r"^\d{1,9}-\d{1,9}$", span):
            s, e = (int(x) for x in span.split("-"))
            focus = (s, e) if s < e else None
        with db.reader() as store:
            rec = get_document(store, ident[:300])
        if rec is None:
            raise ApiError(404, f"no document with id or key {ident[:80]!r}")
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

    @app.get("/ask", response_class=HTMLResponse, include_in_schema=False)
    def web_ask(request: Request, q: Optional[str] = Query(None, max_length=500)):
        q = (q or "").strip()
        brief = None
        errors: list[str] = []
        if q and len(q) < 3:
            errors.append("the question is too short")
        elif q:
            ask = _library("ask")
            with db.reader() as store:
                brief = ask.ask(store, q, limit=10)
        return render(request, "ask.html", status=422 if errors else 200, q=q, brief=brief, errors=errors, nav="ask",
                      trend_json=json_script(_trend(brief)))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return RedirectResponse("/static/favicon.svg")

    # Outside FastAPI's exception handling: catches what no handler did and answers a plain 500.
    app.add_middleware(_Guard, max_body=max_body, rate_limit=rate_limit)
    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: Optional[str] = None) -> None:
    """Run the API and web pages with uvicorn on ``host:port`` (loopback unless told otherwise)."""
    import uvicorn

    app = create_app(db, token=token)
    mode = "ingestion enabled with a token" if token else "read-only"
    print(f"thucydides: serving {db} at http://{host}:{port}/ ({mode}); Ctrl-C to stop", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False, server_header=False)
