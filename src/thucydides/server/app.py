"""REST API and server-rendered web pages over a Thucydides database: the app factory and ``serve``.

Every route is a few lines over a library function a user can call directly
(:mod:`thucydides.query` and :class:`thucydides.storage.Store`); the routes live in
``server/api.py`` (``/api/...``) and ``server/pages.py`` (the web page).

The server stays out of the way of ``thucydides ingest`` running in another process:
it opens the database read-only for each request only (DuckDB lets one process write
a file and a read-write connection locks other processes out), retries briefly while a
writer holds the lock, and answers 503 when the database stays busy (``server/database.py``).

Safe defaults: binds 127.0.0.1, read-only unless a token is configured (``POST
/api/ingest`` needs ``Authorization: Bearer <token>``), no CORS, bounded request
bodies, a per-client rate limit, and no stack traces in responses (``server/middleware.py``).

    from thucydides.server import create_app, serve
    if __name__ == "__main__":
        serve("thucydides.duckdb")             # http://127.0.0.1:8000/
"""
from __future__ import annotations

from typing import Optional

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..errors import QueryError
from .api import INGEST_DEFS
from .api import router as api_router
from .database import Database
from .deps import MAX_LIMIT, ApiError  # noqa: F401  (MAX_LIMIT: part of the server's documented limits)
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
               lock_timeout: float = 5.0) -> FastAPI:
    """The REST API (``/api/...``, schema at ``/openapi.json``) and web pages (``/``) over ``db_path``.

    ``token``: enables ``POST /api/ingest`` for clients sending ``Authorization: Bearer <token>``
    (without it the server is read-only). ``max_body``: request body limit in bytes.
    ``rate_limit``: requests per minute per client address (0: no limit). ``lock_timeout``:
    seconds to keep retrying while another process holds the database lock.
    """
    app = FastAPI(title="Thucydides", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Evidence-linked records of who said what and who did what to whom, from news articles.")
    app.state.db = Database(db_path, lock_timeout=lock_timeout)
    app.state.token = token
    app.state.max_body = max_body
    app.state.templates = templates()
    app.mount("/static", StaticFiles(directory=str(WEB / "static")), name="static")
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(QueryError, _query_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.include_router(api_router)
    app.include_router(pages_router)
    app.openapi = _openapi(app)
    # Outside FastAPI's exception handling: catches what no handler did and answers a plain 500.
    app.add_middleware(Guard, max_body=max_body, rate_limit=rate_limit)
    return app


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: Optional[str] = None) -> None:
    """Run the API and web pages with uvicorn on ``host:port`` (loopback unless told otherwise)."""
    import uvicorn

    app = create_app(db, token=token)
    mode = "ingestion enabled with a token" if token else "read-only"
    print(f"thucydides: serving {db} at http://{host}:{port}/ ({mode}); Ctrl-C to stop", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False, server_header=False)
