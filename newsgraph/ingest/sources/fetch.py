"""Fetching pages and feeds over HTTP, politely and within limits.

One ``Fetcher`` serves one run (a ``newsgraph load``, a watch, a server's lifetime). For each
URL it:

- follows redirects itself, at most ``max_redirects``, checking every hop: http or https only,
  robots.txt, and no URL twice (a loop is named as one);
- asks robots.txt once per site (scheme, host and port) per run, under newsgraph's own
  User-Agent token. A robots.txt that is missing (any 4xx) allows everything; one the site
  cannot serve (5xx, a timeout, a refused connection) is taken as disallowing everything, as
  RFC 9309 says, until the next run asks again: a site in trouble is not the moment to crawl it;
- sends the validators it was given (ETag, Last-Modified) so an unchanged page answers 304
  with no body;
- bounds time (connect and read timeouts, and one deadline for the URL as a whole, robots.txt
  and redirects included) and size: the body is read as it streams and reading stops past
  ``max_bytes`` (counted after decompression, so a compressed bomb is stopped too).

Every failure is a FetchError, a SourceError whose origin is the URL and whose ``kind`` says
which limit or answer stopped it, so callers print one line per URL and go on with the others.
"""

from __future__ import annotations

import asyncio
import errno
import urllib.robotparser
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urljoin, urlsplit, urlunsplit

import httpx

from newsgraph import __version__
from newsgraph.ingest.sources.files import SourceError
from newsgraph.settings import Settings

__all__ = [
    "FetchError",
    "FetchLimits",
    "Fetched",
    "Fetcher",
    "Validators",
    "is_url",
    "user_agent",
]

FailureKind = Literal[
    "timeout", "http", "too-large", "robots", "redirects", "scheme", "connection", "content"
]

# RFC 9309: crawlers must read at least 500 KiB of a robots.txt; the rest may be ignored.
_ROBOTS_MAX_BYTES = 512 * 1024
_ROBOTS_MAX_REDIRECTS = 5
_SCHEMES = ("http", "https")
# The token robots.txt groups name (``User-agent: newsgraph``).
ROBOTS_TOKEN = "newsgraph"


def user_agent(contact: str | None) -> str:
    """``newsgraph/<version>``, with ``(+contact)`` when one is configured: what site owners
    see in their logs, and the token their robots.txt names."""
    agent = f"{ROBOTS_TOKEN}/{__version__}"
    return f"{agent} (+{contact.strip()})" if contact and contact.strip() else agent


def is_url(text: str) -> bool:
    """Whether a command-line argument is meant as a URL rather than a path."""
    return "://" in text and urlsplit(text).scheme.isalpha()


class FetchError(SourceError):
    """A URL that could not be fetched: ``origin`` is the URL, ``kind`` which limit or answer
    stopped it (``timeout``, ``http``, ``too-large``, ``robots``, ``redirects``, ``scheme``,
    ``connection``, ``content``), ``status`` the HTTP status when there was one."""

    def __init__(
        self, url: str, problem: str, kind: FailureKind, status: int | None = None
    ) -> None:
        super().__init__(url, problem)
        self.kind: FailureKind = kind
        self.status = status

    def __reduce__(self) -> tuple[type[FetchError], tuple[str, str, FailureKind, int | None]]:  # type: ignore[override]
        return (type(self), (self.origin, self.problem, self.kind, self.status))


@dataclass(frozen=True)
class FetchLimits:
    """The bounds of one fetch; ``from_settings`` reads them from NEWSGRAPH_FETCH_*."""

    connect_timeout_s: float = 5.0
    read_timeout_s: float = 15.0
    deadline_s: float = 30.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = user_agent(None)

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchLimits:
        return cls(
            connect_timeout_s=settings.fetch_connect_timeout_s,
            read_timeout_s=settings.fetch_read_timeout_s,
            deadline_s=settings.fetch_deadline_s,
            max_bytes=settings.fetch_max_bytes,
            max_redirects=settings.fetch_max_redirects,
            user_agent=user_agent(settings.fetch_contact),
        )


@dataclass(frozen=True)
class Validators:
    """What a server said identifies a version of a page, to ask "has it changed?" next time."""

    etag: str | None = None
    last_modified: str | None = None

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Validators:
        """The validators a state file's record kept (see ``record``)."""
        return cls(record.get("etag"), record.get("last_modified"))

    def record(self) -> dict[str, str | None]:
        """The validators as a state file keeps them."""
        return {"etag": self.etag, "last_modified": self.last_modified}

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers

    def __bool__(self) -> bool:
        return bool(self.etag or self.last_modified)


@dataclass(frozen=True)
class Fetched:
    """A page or feed as the server sent it, or, with ``status`` 304, word that it has not
    changed since the validators sent (``content`` is then empty)."""

    url: str
    final_url: str
    status: int
    content: bytes
    media_type: str
    validators: Validators

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def _site(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))


_REDIRECTS = frozenset({301, 302, 303, 307, 308})


def _is_redirect(response: httpx.Response) -> bool:
    # httpx's is_redirect counts 304 Not Modified as one (it is a 3xx).
    return response.status_code in _REDIRECTS and "location" in response.headers


def _media_type(response: httpx.Response) -> str:
    declared: str = response.headers.get("content-type", "")
    return declared.split(";")[0].strip().lower()


def _size(count: int) -> str:
    return f"{count:,} bytes"


class Fetcher:
    """Fetch URLs within ``limits``; robots.txt is read once per site for the fetcher's life.

    Use as an async context manager (it owns an httpx client), or pass a client to share."""

    def __init__(self, limits: FetchLimits, client: httpx.AsyncClient | None = None) -> None:
        self.limits = limits
        self._own_client = client is None
        self._client = client or httpx.AsyncClient(
            follow_redirects=False,
            timeout=httpx.Timeout(limits.read_timeout_s, connect=limits.connect_timeout_s),
            headers={"User-Agent": limits.user_agent},
        )
        # Per site: its parsed rules, or why every URL of it is refused (kind, problem).
        self._robots: dict[str, urllib.robotparser.RobotFileParser | tuple[FailureKind, str]] = {}
        self._robots_locks: dict[str, asyncio.Lock] = {}

    async def __aenter__(self) -> Fetcher:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        if self._own_client:
            await self._client.aclose()

    async def fetch(self, url: str, validators: Validators | None = None) -> Fetched:
        """The page at ``url`` (after redirects), or 304 when ``validators`` still hold;
        FetchError naming the URL and what went wrong."""
        try:
            async with asyncio.timeout(self.limits.deadline_s):
                return await self._follow(url, validators or Validators())
        except TimeoutError:
            raise FetchError(
                url,
                f"timed out: no complete answer within {self.limits.deadline_s:g} s "
                "(NEWSGRAPH_FETCH_DEADLINE_S)",
                "timeout",
            ) from None

    async def _follow(self, url: str, validators: Validators) -> Fetched:
        seen: list[str] = []
        current = url
        while True:
            self._check_scheme(url, current)
            await self._check_robots(url, current)
            seen.append(current)
            async with self._request(url, current, validators.headers()) as response:
                if _is_redirect(response):
                    target = urljoin(current, response.headers["location"])
                    if target in seen:
                        raise FetchError(
                            url, f"redirect loop: {current} sends back to {target}", "redirects"
                        )
                    if len(seen) > self.limits.max_redirects:
                        raise FetchError(
                            url,
                            f"too many redirects (more than {self.limits.max_redirects}, "
                            "NEWSGRAPH_FETCH_MAX_REDIRECTS)",
                            "redirects",
                        )
                    current = target
                    continue
                return await self._answer(url, current, response)

    def _check_scheme(self, url: str, current: str) -> None:
        try:
            # Everything a request would trip on later, found here: a bad port, IPv6
            # brackets, control characters.
            parts = urlsplit(current)
            _ = parts.port
            httpx.URL(current)
        except (ValueError, httpx.InvalidURL) as exc:
            where = "" if current == url else f" (redirected to {current!r})"
            raise FetchError(url, f"not a valid URL{where}: {exc}", "scheme") from None
        scheme = parts.scheme.lower()
        if scheme not in _SCHEMES:
            where = "" if current == url else f" (redirected to {current})"
            raise FetchError(
                url,
                f"unsupported scheme {scheme or 'none'!r}{where}: only http and https",
                "scheme",
            )
        if not parts.hostname:
            raise FetchError(url, f"no host in {current!r}", "scheme")

    def _request(self, url: str, current: str, headers: dict[str, str]) -> _Guarded:
        return _Guarded(self, url, current, headers)

    async def _answer(self, url: str, current: str, response: httpx.Response) -> Fetched:
        validators = Validators(response.headers.get("etag"), response.headers.get("last-modified"))
        if response.status_code == 304:
            return Fetched(url, current, 304, b"", _media_type(response), validators)
        if response.status_code >= 300:
            reason = response.reason_phrase or ""
            where = "" if current == url else f" at {current}"
            raise FetchError(
                url,
                f"HTTP {response.status_code} {reason}".strip() + where,
                "http",
                response.status_code,
            )
        content = await self._read_capped(url, response, self.limits.max_bytes)
        return Fetched(
            url, current, response.status_code, content, _media_type(response), validators
        )

    async def _read_capped(self, url: str, response: httpx.Response, cap: int) -> bytes:
        too_large = (
            f"too large: more than {_size(cap)} (NEWSGRAPH_FETCH_MAX_BYTES); reading stopped"
        )
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(url, too_large.replace("reading stopped", "not read"), "too-large")
        chunks: list[bytes] = []
        total = 0
        async for chunk in response.aiter_bytes():
            total += len(chunk)
            if total > cap:
                raise FetchError(url, too_large, "too-large")
            chunks.append(chunk)
        return b"".join(chunks)

    async def _check_robots(self, url: str, current: str) -> None:
        site = _site(current)
        lock = self._robots_locks.setdefault(site, asyncio.Lock())
        async with lock:
            if site not in self._robots:
                self._robots[site] = await self._read_robots(site)
        rules = self._robots[site]
        where = "" if current == url else f" (redirected to {current})"
        if isinstance(rules, tuple):
            kind, problem = rules
            raise FetchError(url, f"{problem}{where}", kind)
        if not rules.can_fetch(self.limits.user_agent, current):
            raise FetchError(url, f"disallowed by {site}/robots.txt{where}", "robots")

    async def _read_robots(
        self, site: str
    ) -> urllib.robotparser.RobotFileParser | tuple[FailureKind, str]:
        """The site's rules, or why all of it is refused this run."""
        rules = urllib.robotparser.RobotFileParser(f"{site}/robots.txt")
        location = f"{site}/robots.txt"
        try:
            for _hop in range(_ROBOTS_MAX_REDIRECTS + 1):
                async with self._client.stream("GET", location) as response:
                    if _is_redirect(response):
                        location = urljoin(location, response.headers["location"])
                        if urlsplit(location).scheme not in _SCHEMES:
                            break
                        continue
                    status = response.status_code
                    if 400 <= status < 500:
                        rules.parse([])  # no rules: everything allowed
                        return rules
                    if status >= 500:
                        return (
                            "robots",
                            f"robots.txt of {site} answered HTTP {status}; taken as disallowing "
                            "everything until a later run",
                        )
                    text = await _read_prefix(response, _ROBOTS_MAX_BYTES)
                    rules.parse(text.decode("utf-8", errors="replace").splitlines())
                    return rules
        except httpx.HTTPError as exc:
            # The site did not answer at all: say so, rather than blame its robots.txt.
            kind: FailureKind = (
                "timeout" if isinstance(exc, httpx.TimeoutException) else "connection"
            )
            return kind, f"{_transport_problem(exc)} (asking {site}/robots.txt)"
        # RFC 9309: past five redirects, robots.txt counts as unavailable, which allows all.
        rules.parse([])  # no rules: everything allowed
        return rules


async def _read_prefix(response: httpx.Response, cap: int) -> bytes:
    data = bytearray()
    async for chunk in response.aiter_bytes():
        data += chunk
        if len(data) >= cap:
            break
    return bytes(data[:cap])


def _transport_problem(exc: httpx.HTTPError) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return "timed out connecting"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out waiting for data"
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, OSError) and cause.errno == errno.ECONNREFUSED:
            return "connection refused"
        cause = cause.__cause__ or cause.__context__
    text = str(exc) or type(exc).__name__
    return f"connection failed: {text}"


class _Guarded:
    """One request as a context manager whose transport errors are FetchErrors naming the URL
    and the limit that stopped it."""

    def __init__(self, fetcher: Fetcher, url: str, current: str, headers: dict[str, str]) -> None:
        self._fetcher = fetcher
        self._url = url
        self._stream = fetcher._client.stream("GET", current, headers=headers)

    async def __aenter__(self) -> httpx.Response:
        try:
            return await self._stream.__aenter__()
        except httpx.HTTPError as exc:
            raise self._error(exc) from None

    async def __aexit__(self, kind: object, value: object, trace: object) -> bool:
        if isinstance(value, httpx.HTTPError):
            await self._stream.__aexit__(None, None, None)
            raise self._error(value) from None
        await self._stream.__aexit__(kind, value, trace)  # type: ignore[arg-type]
        return False

    def _error(self, exc: httpx.HTTPError) -> FetchError:
        limits = self._fetcher.limits
        if isinstance(exc, httpx.ConnectTimeout):
            return FetchError(
                self._url,
                f"timed out connecting (after {limits.connect_timeout_s:g} s, "
                "NEWSGRAPH_FETCH_CONNECT_TIMEOUT_S)",
                "timeout",
            )
        if isinstance(exc, httpx.TimeoutException):
            return FetchError(
                self._url,
                f"timed out: no data for {limits.read_timeout_s:g} s "
                "(NEWSGRAPH_FETCH_READ_TIMEOUT_S)",
                "timeout",
            )
        return FetchError(self._url, _transport_problem(exc), "connection")
