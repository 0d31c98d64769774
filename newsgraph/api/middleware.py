"""The request middleware: request id, body size and read time limits, graph round trips,
access log.

A pure ASGI middleware rather than Starlette's BaseHTTPMiddleware, so the app runs in the
request's own task and context: the request id and the round-trip counter, both contextvars,
reach the resolvers.

Every response carries a standard ``Server-Timing`` header (browsers' developer tools show it):
``graph;dur=3.21;desc="4 calls", app;dur=7.90, queue;dur=0.00`` -- the wall time, in
milliseconds, spent waiting on the graph (overlapping calls counted once) and the number of
graph calls, the time the app took until it started the response, and the part of that time
the operation waited for its turn to execute (api/admission.py).
"""

from __future__ import annotations

import asyncio
import logging
import time

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsgraph.api.http import JSON, error_response, negotiate
from newsgraph.api.logs import ACCESS_LOGGER
from newsgraph.graph import RoundTrips, count_round_trips
from newsgraph.graph.store import note_round_trip
from newsgraph.request_context import (
    RequestInfo,
    new_request_id,
    request_scope,
    safe_request_id,
)

__all__ = ["RequestMiddleware"]

log = logging.getLogger("newsgraph.api")
access_log = logging.getLogger(ACCESS_LOGGER)


class _BodyTooLarge(Exception):
    pass


class _BodyTooSlow(Exception):
    pass


class _LimitedBody:
    """The app's ``receive``: the body counted as it streams (a chunked body has no
    Content-Length to check up front) and timed against one deadline for the whole of it (a
    client sending a byte at a time must not reset it with every byte)."""

    def __init__(self, receive: Receive, max_bytes: int, timeout_s: float) -> None:
        self._receive = receive
        self._max_bytes = max_bytes
        self._deadline = asyncio.get_running_loop().time() + timeout_s
        self._received = 0
        self._pending = True

    async def __call__(self) -> Message:
        if not self._pending:
            # Only a disconnect is left to hear (a streaming response listens for one),
            # however long that takes.
            return await self._receive()
        try:
            async with asyncio.timeout_at(self._deadline):
                message = await self._receive()
        except TimeoutError:
            raise _BodyTooSlow from None
        if message["type"] == "http.request":
            self._received += len(message.get("body", b""))
            if self._received > self._max_bytes:
                raise _BodyTooLarge
            self._pending = bool(message.get("more_body", False))
        else:
            self._pending = False
        return message


class RequestMiddleware:
    """Wraps every HTTP request; ``access_log`` turns on one log record per request.

    The body must arrive within ``read_timeout_s`` of the request reaching the app, or the
    client gets 408 and the connection is closed. (The server itself bounds the wait for the
    headers, before the app sees anything: `newsgraph.api.server`.)
    """

    def __init__(
        self, app: ASGIApp, *, max_body_bytes: int, read_timeout_s: float, access_log: bool
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.read_timeout_s = read_timeout_s
        self.access_log = access_log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        request_id = safe_request_id(headers.get("x-request-id")) or new_request_id()
        media_type = negotiate(headers.get("accept")) or JSON
        started = time.perf_counter()
        status = 500
        response_started = False
        trips = RoundTrips()

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                message = {
                    **message,
                    "headers": [
                        *message.get("headers", []),
                        (b"x-request-id", request_id.encode("ascii")),
                        (b"server-timing", _server_timing(trips, started, info)),
                    ],
                }
            await send(message)

        limited_receive = _LimitedBody(receive, self.max_body_bytes, self.read_timeout_s)

        async def refuse(code: int, message: str, headers: dict[str, str] | None = None) -> None:
            response = error_response(code, message, media_type=media_type, headers=headers)
            await response(scope, receive, send_with_id)

        too_large = f"the request body is larger than {self.max_body_bytes} bytes"
        with request_scope(request_id) as info, count_round_trips(trips):
            try:
                if self._declared_length(headers) > self.max_body_bytes:
                    await refuse(413, too_large)
                else:
                    await self.app(scope, limited_receive, send_with_id)
            except _BodyTooLarge:
                if response_started:
                    raise
                await refuse(413, too_large)
            except _BodyTooSlow:
                if response_started:
                    raise
                # Closed after the answer: the rest of the body may still be on its way.
                await refuse(
                    408,
                    f"the request body did not arrive within {self.read_timeout_s:g} s",
                    headers={"Connection": "close"},
                )
            except Exception:
                log.exception("unhandled error in %s %s", scope["method"], scope["path"])
                if response_started:
                    raise
                await refuse(500, f"internal error (request id {request_id})")
            finally:
                if self.access_log:
                    self._log(scope, status, started, info, trips)
        # A caller counting round trips around the request (a test) still sees them.
        for statement in trips.statements:
            note_round_trip(statement)

    @staticmethod
    def _log(
        scope: Scope, status: int, started: float, info: RequestInfo, trips: RoundTrips
    ) -> None:
        level = logging.ERROR if status >= 500 else logging.INFO
        if not access_log.isEnabledFor(level):
            return
        fields = {
            "request_id": info.request_id,
            "method": scope["method"],
            # The path only: a GET query string holds the document and its variables.
            "path": scope["path"],
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            "operation_name": info.operation_name,
            "graph_round_trips": trips.count,
            "graph_ms": round(trips.seconds * 1000, 2),
            "queued_ms": round(info.queued_s * 1000, 2),
            "error_codes": info.error_codes,
        }
        access_log.log(
            level,
            "%s %s %s",
            scope["method"],
            scope["path"],
            status,
            extra={"fields": fields},
        )

    @staticmethod
    def _declared_length(headers: Headers) -> int:
        try:
            return int(headers.get("content-length", "0"))
        except ValueError:
            # The server rejects a malformed length itself; the streamed count still applies.
            return 0


def _server_timing(trips: RoundTrips, started: float, info: RequestInfo) -> bytes:
    app_ms = (time.perf_counter() - started) * 1000
    calls = "1 call" if trips.count == 1 else f"{trips.count} calls"
    return (
        f'graph;dur={trips.seconds * 1000:.2f};desc="{calls}", app;dur={app_ms:.2f}, '
        f"queue;dur={info.queued_s * 1000:.2f}"
    ).encode("ascii")
