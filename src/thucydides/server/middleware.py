"""ASGI middleware: body-size limit, per-client rate limit, security headers, last-resort 500."""
from __future__ import annotations

import json
import logging
import threading
import time
from collections import defaultdict, deque
from typing import Optional

from markupsafe import escape

log = logging.getLogger("thucydides.api")


SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
     b"frame-ancestors 'none'; base-uri 'none'; form-action 'self'"),
]


class Guard:
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
    async def _json(send, status: int, message: str, headers: Optional[list] = None, html: bool = False):
        """The error as JSON, or as a small HTML page for the web pages (a browser asked for a page)."""
        if html:
            text = escape(message)
            body = (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{status} · Thucydides</title>'
                    f'<link rel="stylesheet" href="/static/style.css"></head><body><main><h1>{status}</h1>'
                    f'<p class="error">{text}</p><p><a href="/">Thucydides home</a></p></main></body></html>').encode()
            ctype = b"text/html; charset=utf-8"
        else:
            body = json.dumps({"error": message}).encode()
            ctype = b"application/json"
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", ctype), (b"content-length", str(len(body)).encode()),
                                *SECURITY_HEADERS, *(headers or [])]})
        await send({"type": "http.response.body", "body": body})

    @staticmethod
    def _page(scope) -> bool:
        """A request for a web page (not the API, the schema or a static file)."""
        path = scope.get("path", "")
        return not (path.startswith("/api/") or path.startswith("/static/") or path == "/openapi.json")

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_body
            except ValueError:
                return await self._json(send, 400, "invalid Content-Length header", html=self._page(scope))
            if too_big:
                return await self._json(send, 413, f"request body over the limit of {self.max_body:,} bytes",
                                        html=self._page(scope))
        client = (scope.get("client") or ("unknown", 0))[0]
        if not scope["path"].startswith("/static/") and self._limited(client):
            return await self._json(send, 429, f"rate limit: at most {self.rate_limit} requests per minute",
                                    [(b"retry-after", str(int(self.window)).encode())], html=self._page(scope))

        received = 0

        async def limited_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge()
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
        except BodyTooLarge:
            if not started:
                await self._json(send, 413, f"request body over the limit of {self.max_body:,} bytes",
                                 html=self._page(scope))
        except Exception:
            log.exception("unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await self._json(send, 500, "internal server error", html=self._page(scope))


class BodyTooLarge(Exception):
    pass
