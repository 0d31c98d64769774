"""A web site on 127.0.0.1 for the fetching tests: pages, feeds, robots.txt, redirects, slow
and oversized answers, served from a thread by the standard library's HTTP server.

Each route says what to answer; the site counts the requests it gets and keeps their headers,
so a test can see what a fetcher sent (If-None-Match, User-Agent) and how often it came.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.helpers import ROOT

__all__ = ["FIXTURES", "Route", "Site", "serving_site"]

FIXTURES = ROOT / "tests" / "fixtures" / "fetch"

HTML = "text/html; charset=utf-8"
RSS = "application/rss+xml"


@dataclass
class Route:
    """One path's answer. ``etag``/``last_modified`` are sent, and a request whose
    If-None-Match or If-Modified-Since matches them gets 304. ``location`` makes it a redirect
    (``status`` 302 unless given); ``delay_s`` waits before answering; ``length`` False sends no
    Content-Length (the body ends when the connection closes)."""

    body: bytes = b""
    status: int = 200
    content_type: str = HTML
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None
    delay_s: float = 0.0
    length: bool = True

    @classmethod
    def fixture(cls, name: str, base: str, **options: object) -> Route:
        """A file of tests/fixtures/fetch, ``{base}`` replaced by the site's address."""
        text = (FIXTURES / name).read_text().replace("{base}", base)
        content_type = RSS if name.endswith(".xml") else HTML
        if name.endswith(".txt"):
            content_type = "text/plain"
        return cls(body=text.encode(), content_type=content_type, **options)  # type: ignore[arg-type]


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


@dataclass
class Site:
    base: str
    routes: dict[str, Route] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path

    def count(self, path: str) -> int:
        return sum(1 for seen in self.seen if seen.path == path)

    def headers_of(self, path: str) -> list[dict[str, str]]:
        return [seen.headers for seen in self.seen if seen.path == path]

    def serve_fixture(self, path: str, name: str, **options: object) -> None:
        self.routes[path] = Route.fixture(name, self.base, **options)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            site.seen.append(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = site.routes.get(self.path)
            if route is None:
                self._send(404, b"not found", "text/plain")
                return
            if route.delay_s:
                time.sleep(route.delay_s)
            if route.location is not None:
                self.send_response(route.status if route.status != 200 else 302)
                self.send_header("Location", route.location)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self._unchanged(route):
                self.send_response(304)
                self._validators(route)
                self.end_headers()
                return
            self._send(route.status, route.body, route.content_type, route)

        def _unchanged(self, route: Route) -> bool:
            match = self.headers.get("If-None-Match")
            if route.etag is not None and match is not None:
                return match == route.etag
            since = self.headers.get("If-Modified-Since")
            return route.last_modified is not None and since == route.last_modified

        def _validators(self, route: Route) -> None:
            if route.etag is not None:
                self.send_header("ETag", route.etag)
            if route.last_modified is not None:
                self.send_header("Last-Modified", route.last_modified)

        def _send(
            self, status: int, body: bytes, content_type: str, route: Route | None = None
        ) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            if route is not None:
                self._validators(route)
            if route is None or route.length:
                self.send_header("Content-Length", str(len(body)))
            else:
                self.send_header("Connection", "close")
                self.close_connection = True
            self.end_headers()
            try:
                for start in range(0, len(body), 65536):
                    self.wfile.write(body[start : start + 65536])
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading: what a size cap does

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serving_site() -> Iterator[Site]:
    """A site on a free port of 127.0.0.1 until the block ends; add routes to ``routes``."""
    site = Site(base="")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def fixture_text(name: str) -> str:
    return Path(FIXTURES / name).read_text()
