"""REST API and server-rendered web pages over a Thucydides database: the app factory and ``serve``.

Every route is a few lines over a library function a user can call directly
(:mod:`thucydides.query` and :class:`thucydides.storage.Store`); the routes live in
``server/api.py`` (``/api/...``) and ``server/pages.py`` (the web page).

The server stays out of the way of ``thucydides ingest`` running in another process:
it opens the database read-only for each request only (DuckDB lets one process write
a file and a read-write connection locks other processes out), retries briefly while a
writer holds the lock, and answers 503 when the database stays busy (``server/database.py``).

Safe defaults: binds 127.0.0.1 (warns when told to bind elsewhere), read-only unless a token
is configured (``POST /api/ingest`` needs ``Authorization: Bearer <token>``; the token comes from
``THUCYDIDES_TOKEN`` or a file, never the command line), no CORS, bounded request bodies, a
per-client rate limit, no stack traces in responses (``server/middleware.py``), and connection
limits against slow clients: header and body timeouts, keep-alive timeout, connections per client
and in total (``server/protocol.py``; settings ``THUCYDIDES_SERVER_*``).

Ingestion over HTTP runs in one persistent analysis worker (``server/ingest.py``), a fresh
interpreter rather than a multiprocessing child, so a script calling ``serve`` needs no main guard:

    from thucydides.server import create_app, serve
    serve("thucydides.duckdb")             # http://127.0.0.1:8000/
"""
from __future__ import annotations

import ipaddress
import logging
import sys
from typing import Optional

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import QueryError, StoreError, ThucydidesError
from .api import INGEST_DEFS
from .api import router as api_router
from .database import Database
from .deps import MAX_LIMIT, ApiError  # noqa: F401  (MAX_LIMIT: part of the server's documented limits)
from .ingest import IngestWorker
from .middleware import Guard
from .pages import router as pages_router
from .render import WEB, templates


def _wants_html(request: Request) -> bool:
    return not request.url.path.startswith("/api/") and request.url.path != "/openapi.json"


def _error_page(request: Request, status: int, message: str, headers=None):
    return request.app.state.templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                                        status_code=status, headers=headers)


async def _api_error(request: Request, exc: ApiError):
    if _wants_html(request):
        return _error_page(request, exc.status, exc.message, exc.headers)
    return JSONResponse({"error": exc.message}, status_code=exc.status, headers=exc.headers)


async def _query_error(request: Request, exc: QueryError):
    """A bad parameter found by the library's checks (thucydides.query.params): 422 with its message."""
    return await _api_error(request, ApiError(422, str(exc)))


async def _library_error(request: Request, exc: ThucydidesError):
    """A library error reaching a route: the database's state (503) or the request's (422), said plainly."""
    status = 503 if isinstance(exc, StoreError) else 422
    message = str(exc)
    db_path = request.app.state.db.path
    if message.startswith(db_path):  # not the server's file path
        message = "the database" + message[len(db_path):]
    if isinstance(exc, StoreError):
        logging.getLogger("thucydides.api").error("database error on %s: %s", request.url.path, exc)
    return await _api_error(request, ApiError(status, message))


async def _http_error(request: Request, exc: HTTPException):
    message = exc.detail if isinstance(exc.detail, str) else "error"
    if exc.status_code == 404 and message == "Not Found":
        message = f"not found: {request.url.path}"
    if _wants_html(request):
        return _error_page(request, exc.status_code, message, getattr(exc, "headers", None))
    return JSONResponse({"error": message}, status_code=exc.status_code, headers=getattr(exc, "headers", None))


async def _invalid(request: Request, exc: RequestValidationError):
    problems = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        problems.append(f"{'.'.join(loc) or 'request'}: {err.get('msg', 'invalid')}")
    message = "invalid request: " + "; ".join(problems)
    if _wants_html(request):
        return _error_page(request, 422, message)
    details = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
    return JSONResponse({"error": message, "details": details}, status_code=422)


def _openapi(app: FastAPI):
    def openapi():
        if app.openapi_schema is None:
            from fastapi.openapi.utils import get_openapi

            schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            schema.setdefault("components", {}).setdefault("schemas", {}).update(INGEST_DEFS)
            app.openapi_schema = schema
        return app.openapi_schema

    return openapi


def create_app(db_path: str, token: Optional[str] = None, max_body: int = 5_000_000, rate_limit: int = 120,
               lock_timeout: float = 5.0, ingest_queue: int = 4) -> FastAPI:
    """The REST API (``/api/...``, schema at ``/openapi.json``) and web pages (``/``) over ``db_path``.

    ``token``: enables ``POST /api/ingest`` for clients sending ``Authorization: Bearer <token>``
    (without it the server is read-only). ``max_body``: request body limit in bytes.
    ``rate_limit``: requests per minute per client address (0: no limit). ``lock_timeout``:
    seconds to keep retrying while another process holds the database lock. ``ingest_queue``:
    ingestion requests that may wait for the analysis worker (more get 503).
    """
    app = FastAPI(title="Thucydides", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Evidence-linked records of who said what and who did what to whom, from news articles.")
    app.state.db = Database(db_path, lock_timeout=lock_timeout)
    app.state.token = token
    app.state.max_body = max_body
    app.state.ingest_worker = IngestWorker(queue_size=ingest_queue)  # its process starts with the first ingestion
    app.router.on_shutdown.append(app.state.ingest_worker.close)
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(QueryError, _query_error)
    app.add_exception_handler(ThucydidesError, _library_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.include_router(api_router)
    app.include_router(pages_router)
    app.openapi = _openapi(app)
    # Outside FastAPI's exception handling: catches what no handler did and answers a plain 500.
    app.add_middleware(Guard, max_body=max_body, rate_limit=rate_limit)
    return app


def loopback(host: str) -> bool:
    """True for an address only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def read_token(token_file: Optional[str] = None, env: Optional[dict] = None) -> Optional[str]:
    """The ingestion token: from the file ``token_file`` (first line, UTF-8) or else ``THUCYDIDES_TOKEN``.
    Never from the command line, where every user of the machine sees it (``ps``)."""
    import os
    from pathlib import Path

    from ..errors import SettingsError

    env = os.environ if env is None else env
    if token_file:
        try:
            text = Path(token_file).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise SettingsError(f"{token_file}: cannot read the token file ({e.__class__.__name__}: {e})") from None
        token = text.splitlines()[0].strip() if text.strip() else ""
        if not token:
            raise SettingsError(f"{token_file}: the token file is empty")
        return token
    token = (env.get("THUCYDIDES_TOKEN") or "").strip()
    return token or None


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: Optional[str] = None,
          settings=None) -> None:
    """Run the API and web pages with uvicorn on ``host:port`` (loopback unless told otherwise).

    ``token``: enables ingestion (default: the ``token_file`` setting or ``THUCYDIDES_TOKEN``).
    Limits and timeouts come from ``settings`` (default: :func:`thucydides.settings.load`)."""
    import uvicorn

    from ..settings import load
    from .protocol import Limits, protocol_class

    settings = settings or load()
    if token is None:
        token = read_token(settings.token_file or None)
    app = create_app(db, token=token, max_body=settings.server_max_body, rate_limit=settings.server_rate_limit,
                     ingest_queue=settings.server_ingest_queue)
    log = logging.getLogger("thucydides.api")
    repaired = app.state.db.repair()
    if repaired:
        print(f"thucydides: {db}: {repaired}", file=sys.stderr, flush=True)
    if not loopback(host):
        print(f"thucydides: warning: binding {host}: the server is reachable from other machines"
              + (" and accepts ingestion from anyone with the token" if token else "")
              + "; there is no TLS (put a reverse proxy in front for that)", file=sys.stderr, flush=True)
        log.warning("serving on non-loopback address %s", host)
    limits = Limits(header_timeout=settings.server_header_timeout, body_timeout=settings.server_body_timeout,
                    max_connections=settings.server_max_connections,
                    max_connections_per_client=settings.server_max_connections_per_client)
    mode = "ingestion enabled with a token" if token else "read-only"
    print(f"thucydides: serving {db} at http://{host}:{port}/ ({mode}); Ctrl-C to stop", flush=True)
    config = uvicorn.Config(app, host=host, port=port, log_level="info", proxy_headers=False, server_header=False,
                            http=protocol_class(limits), timeout_keep_alive=settings.server_keep_alive,
                            backlog=min(2048, settings.server_max_connections * 2))
    uvicorn.Server(config).run()
