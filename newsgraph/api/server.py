"""How `newsgraph serve` runs uvicorn: its HTTP/1.1 protocol, with a bound on slow clients.

uvicorn waits for a request's headers as long as a client cares to send them: no timer runs
from the moment a connection opens, and its keep-alive timer (5 s) is cancelled by any byte
that arrives, so a client dribbling a byte every few seconds holds a connection, and its
buffers, for ever. None of uvicorn's options bound that (``timeout_keep_alive`` is reset by
every byte, ``limit_concurrency`` only counts, ``h11_max_incomplete_event_size`` bounds the
size of the headers, not their time).

So the protocol here gives each request one deadline, never extended by what arrives: the
headers must be in within ``read_timeout_s`` of the connection opening or the previous
response ending. Once the headers are in the app runs, and the request middleware bounds the
body the same way (answering 408); after the response, a client still sending a body no one
reads is cut off by the same deadline.
"""

from __future__ import annotations

import asyncio
import errno
import json
import socket

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["listen_problem", "read_timeout_protocol"]


def listen_problem(host: str, port: int) -> str | None:
    """Why ``newsgraph serve`` could not listen on ``host:port``, in one sentence; None if it can.

    uvicorn reports a taken port only after the app has started, as a traceback-like log line
    under our "serving http://..." one. So the port is tried first, the way uvicorn binds it
    (every address the host resolves to, with SO_REUSEADDR, so a port left in TIME_WAIT by a
    server that just stopped is not reported taken); the socket is closed again at once.
    """
    try:
        addresses = socket.getaddrinfo(
            host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )
    except socket.gaierror as exc:
        return f"cannot listen on host {host!r}: {exc.strerror}"
    for family, kind, proto, _name, address in addresses:
        with socket.socket(family, kind, proto) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                # As asyncio binds it: the IPv6 socket of "localhost" must not claim IPv4 too.
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                sock.bind(address)
            except OSError as exc:
                return _bind_problem(host, port, exc)
    return None


def _bind_problem(host: str, port: int, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        other = port + 1 if 0 < port < 65535 else 8001
        return (
            f"port {port} is already in use on {host} (another newsgraph serve?): stop what "
            f"listens there, or serve on another port with --port {other} or "
            f"NEWSGRAPH_PORT={other}"
        )
    if exc.errno == errno.EACCES:
        return f"not allowed to listen on port {port} (ports below 1024 need root): use --port 8000"
    if exc.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {host}: not an address of this machine (try --host 127.0.0.1)"
    return f"cannot listen on {host}:{port}: {exc.strerror or exc}"


def read_timeout_protocol(read_timeout_s: float) -> type[H11Protocol]:
    """uvicorn's h11 protocol, cutting off a client that takes longer than ``read_timeout_s``
    to send a request's headers, or to stop sending a body the app did not read."""
    message = f"the request headers did not arrive within {read_timeout_s:g} s"
    error = {"message": message, "extensions": {"code": "REQUEST_TIMEOUT"}}
    body = json.dumps({"errors": [error]}, separators=(",", ":"))

    class ReadTimeoutH11Protocol(_ReadTimeoutH11Protocol):
        timeout_s = read_timeout_s
        timeout_response = (
            b"HTTP/1.1 408 Request Timeout\r\n"
            b"content-type: application/json; charset=utf-8\r\n"
            b"content-length: " + str(len(body)).encode() + b"\r\n"
            b"connection: close\r\n\r\n" + body.encode()
        )

    return ReadTimeoutH11Protocol


class _ReadTimeoutH11Protocol(H11Protocol):
    timeout_s: float
    timeout_response: bytes
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._settle()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._settle()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._settle()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _settle(self) -> None:
        """Run the deadline while the connection waits on the client, and only then."""
        if self.transport.is_closing() or self.transport.get_protocol() is not self:
            self._disarm()  # closed, or handed over to a WebSocket protocol
        elif self.cycle is not None and not self.cycle.response_complete:
            self._disarm()  # the app has the request: the middleware bounds its body
        elif self._deadline is None:
            # Waiting for headers, or for the rest of a body the app did not read. Armed
            # once per wait: bytes arriving do not move it.
            self._deadline = self.loop.call_later(self.timeout_s, self._expired)

    def _disarm(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _expired(self) -> None:
        self._deadline = None
        if self.transport.is_closing():
            return
        partial, _closed = self.conn.trailing_data
        if self.conn.their_state is h11.IDLE and self.conn.our_state is h11.IDLE and partial:
            # Part of a request came: say why it gets no answer. (An idle connection is just
            # closed, as uvicorn's keep-alive timeout does.)
            self.transport.write(self.timeout_response)
        self.transport.close()
