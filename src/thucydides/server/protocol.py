"""Connection limits for ``serve``: what a production ASGI server sets and uvicorn's HTTP/1.1 protocol lacks.

uvicorn times out an idle keep-alive connection, but not one that sends half a request: a client that
opens sockets and sends a few header bytes each (slowloris), or headers and then a trickle of body,
holds them for ever, and a few thousand such sockets exhaust the server's file descriptors. The
protocol class here adds, per connection:

* a **header timeout**: the request line and headers must arrive within ``header_timeout`` seconds of
  the connection opening (or of the previous response, on a kept-alive connection);
* a **body timeout**: the body must be complete within ``body_timeout`` seconds of the headers;
* the **keep-alive timeout** (uvicorn's own, set from the settings);

and, across connections, a cap on open connections **per client address** and **in total**: a
connection over either cap is answered 503 and closed at once, so one client cannot take every slot
and the process never runs out of descriptors. Timed-out requests get 408. All values are settings
(``THUCYDIDES_SERVER_*``, see :mod:`thucydides.settings`).
"""
from __future__ import annotations

import asyncio
import logging
from collections import Counter
from dataclasses import dataclass, field

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger("thucydides.api")


@dataclass
class Limits:
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    max_connections: int = 512
    max_connections_per_client: int = 32
    open: Counter = field(default_factory=Counter)  # open connections per client address
    refused: int = 0
    timed_out: int = 0


def _reply(status: bytes, message: bytes) -> bytes:
    return (b"HTTP/1.1 " + status + b"\r\ncontent-type: text/plain; charset=utf-8\r\nconnection: close\r\n"
            b"content-length: " + str(len(message)).encode() + b"\r\n\r\n" + message)


def protocol_class(limits: Limits) -> type:
    """An HTTP/1.1 protocol class for uvicorn (``uvicorn.Config(http=...)``) enforcing ``limits``."""

    class LimitedH11Protocol(H11Protocol):
        _timer: asyncio.TimerHandle | None = None
        _timer_kind = ""
        _counted: str | None = None

        def connection_made(self, transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            host = self.client[0] if self.client else "unknown"
            if len(self.connections) > limits.max_connections or limits.open[host] >= limits.max_connections_per_client:
                limits.refused += 1
                over = "per client" if limits.open[host] >= limits.max_connections_per_client else "in total"
                if limits.refused in (1, 10, 100, 1000) or limits.refused % 10000 == 0:
                    log.warning("refusing connections over the limit (%s); %d refused so far", over, limits.refused)
                transport.write(_reply(b"503 Service Unavailable",
                                       f"too many open connections ({over}); try again shortly\n".encode()))
                transport.close()
                return
            limits.open[host] += 1
            self._counted = host
            self._arm("header", limits.header_timeout)

        def connection_lost(self, exc) -> None:
            self._disarm()
            if self._counted is not None:
                limits.open[self._counted] -= 1
                if limits.open[self._counted] <= 0:
                    del limits.open[self._counted]
                self._counted = None
            super().connection_lost(exc)

        def _arm(self, kind: str, seconds: float) -> None:
            self._disarm()
            if seconds and seconds > 0:
                self._timer_kind = kind
                self._timer = self.loop.call_later(seconds, self._expired)

        def _disarm(self) -> None:
            if self._timer is not None:
                self._timer.cancel()
            self._timer = None
            self._timer_kind = ""

        def _expired(self) -> None:
            self._timer = None
            if self.transport is None or self.transport.is_closing():
                return
            limits.timed_out += 1
            if self.cycle is None or self.cycle.response_complete or not self.cycle.response_started:
                what = "headers" if self._timer_kind == "header" else "body"
                with_response = self.conn.our_state in (h11.IDLE, h11.SEND_RESPONSE) and (
                    self.cycle is None or not self.cycle.response_started)
                if with_response:
                    self.transport.write(_reply(b"408 Request Timeout",
                                                f"the request {what} did not arrive in time\n".encode()))
            if self.cycle is not None and not self.cycle.response_complete:
                self.cycle.disconnected = True
                self.cycle.message_event.set()
            self.transport.close()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            self._follow()

        def on_response_complete(self) -> None:
            self._disarm()
            super().on_response_complete()  # arms uvicorn's keep-alive timeout
            self._follow()

        def _follow(self) -> None:
            """Arm the timer that fits where the client is in its request."""
            if self.transport is None or self.transport.is_closing():
                return
            state = self.conn.their_state
            if state is h11.SEND_BODY:
                if self._timer_kind != "body":
                    self._arm("body", limits.body_timeout)
            elif state is h11.IDLE:
                # between requests: uvicorn's keep-alive timer runs until bytes arrive; once a request has
                # begun (bytes buffered but no complete headers) its headers must arrive in time
                if self.conn.trailing_data[0] and self._timer_kind != "header":
                    self._arm("header", limits.header_timeout)
            else:  # DONE, MUST_CLOSE, CLOSED, ERROR: the request is in; the app answers at its own pace
                self._disarm()

    return LimitedH11Protocol
