"""Keeping up with feeds: `newsgraph watch FEEDS.toml` polls each feed on its own schedule and
loads what is new or changed.

FEEDS.toml lists the feeds (``[[feed]]`` tables: ``url``, and optionally ``name``,
``interval`` such as "15m", ``follow_links``), with defaults for all at the top. Each poll
asks the feed "changed since?" (its ETag and Last-Modified), reads its entries and loads only
those not seen before or whose content changed (an entry is known by its link, else its id,
and its content by a hash of its title, link, date and text); the writer is idempotent by
canonical URL besides, so a repeated entry changes nothing. After an error a feed is polled
again later and later (its interval doubled per error in a row, at most ``MAX_BACKOFF_S``);
every wait is jittered so that feeds of one site do not fall into step.

What a watch remembers (each feed's validators, the entries it has seen with their hashes,
when it polls next and its errors in a row) is a JSON file in the data directory, one per
FEEDS.toml, written after every poll: a watch that stops (Ctrl-C, a reboot) carries on where it
was.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import random
import re
import time
import tomllib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsgraph.graph.errors import GraphError
from newsgraph.graph.store import Store
from newsgraph.ingest.extract.article import ExtractionError
from newsgraph.ingest.extract.pool import ExtractionPool
from newsgraph.ingest.model import ExtractedArticle
from newsgraph.ingest.sources.feeds import FeedEntry, read_feed
from newsgraph.ingest.sources.fetch import Fetcher, FetchError, Validators, is_url
from newsgraph.ingest.sources.files import SourceError
from newsgraph.ingest.sources.state import read_state, write_state
from newsgraph.ingest.sources.web import UrlRead, entry_documents, sniff
from newsgraph.ingest.write.writer import ArticleWriter

__all__ = [
    "DEFAULT_INTERVAL_S",
    "MAX_BACKOFF_S",
    "FeedConfig",
    "FeedsFileError",
    "Poll",
    "WatchState",
    "parse_interval",
    "poll_feed",
    "read_feeds",
    "watch_state_dir",
    "watch_state_path",
]

DEFAULT_INTERVAL_S = 30 * 60.0
# However long the errors last, a feed is tried at least this often.
MAX_BACKOFF_S = 24 * 3600.0
# Every wait is this share longer or shorter, at random.
JITTER = 0.1
_MIN_INTERVAL_S = 10.0
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")
_FEED_KEYS = {"url", "name", "interval", "follow_links"}
_TOP_KEYS = {"interval", "follow_links", "feed"}


class FeedsFileError(ValueError):
    """A FEEDS.toml that cannot be used: one line naming the file and the field."""


@dataclass(frozen=True)
class FeedConfig:
    url: str
    name: str
    interval_s: float
    follow_links: bool


def parse_interval(text: str) -> float:
    """ "90s", "15m", "2h", "1d" or a number of seconds; ValueError otherwise."""
    match = _INTERVAL.match(text)
    if match is None:
        raise ValueError(f"cannot read {text!r}; write e.g. 90s, 15m, 2h or 1d")
    seconds = float(match.group(1)) * _UNITS[match.group(2) or "s"]
    if seconds < _MIN_INTERVAL_S:
        raise ValueError(f"{text!r} is under {_MIN_INTERVAL_S:g} seconds")
    return seconds


def _interval(value: object, where: str, default: float) -> float:
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise FeedsFileError(f'{where}: expected a duration such as "15m"')
    try:
        return parse_interval(str(value))
    except ValueError as exc:
        raise FeedsFileError(f"{where}: {exc}") from None


def _flag(value: object, where: str, default: bool) -> bool:
    if value is None:
        return default
    if not isinstance(value, bool):
        raise FeedsFileError(f"{where}: expected true or false")
    return value


def read_feeds(path: Path) -> list[FeedConfig]:
    """The feeds of a FEEDS.toml; FeedsFileError naming the file and the field at fault."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FeedsFileError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise FeedsFileError(f"{path}: cannot read file: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise FeedsFileError(f"{path}: not valid TOML: {exc}") from None
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise FeedsFileError(f"{path}: unknown field {unknown[0]!r}; expected {_expected()}")
    interval = _interval(data.get("interval"), f"{path}: interval", DEFAULT_INTERVAL_S)
    follow = _flag(data.get("follow_links"), f"{path}: follow_links", True)
    tables = data.get("feed")
    if not isinstance(tables, list) or not tables:
        raise FeedsFileError(f"{path}: no feeds: add [[feed]] tables, each with a url")
    feeds = [_feed(table, f"{path}: feed[{i}]", interval, follow) for i, table in enumerate(tables)]
    seen: set[str] = set()
    for index, feed in enumerate(feeds):
        if feed.url in seen:
            raise FeedsFileError(f"{path}: feed[{index}].url: {feed.url} is listed twice")
        seen.add(feed.url)
    return feeds


def _expected() -> str:
    return "interval, follow_links and [[feed]] tables"


def _feed(table: object, where: str, interval: float, follow: bool) -> FeedConfig:
    if not isinstance(table, dict):
        raise FeedsFileError(f"{where}: expected a [[feed]] table")
    unknown = sorted(set(table) - _FEED_KEYS)
    if unknown:
        raise FeedsFileError(
            f"{where}: unknown field {unknown[0]!r}; expected url, name, interval, follow_links"
        )
    url = table.get("url")
    if not isinstance(url, str) or not url.strip():
        raise FeedsFileError(f"{where}.url: required, the feed's http(s) address")
    url = url.strip()
    if not is_url(url) or urlsplit(url).scheme not in ("http", "https"):
        raise FeedsFileError(f"{where}.url: {url!r} is not an http(s) URL")
    name = table.get("name", urlsplit(url).netloc)
    if not isinstance(name, str) or not name.strip():
        raise FeedsFileError(f"{where}.name: expected a non-empty string")
    return FeedConfig(
        url=url,
        name=name.strip(),
        interval_s=_interval(table.get("interval"), f"{where}.interval", interval),
        follow_links=_flag(table.get("follow_links"), f"{where}.follow_links", follow),
    )


def watch_state_path(data_dir: Path, feeds_file: Path) -> Path:
    """One state file per FEEDS.toml (by its absolute path), so two watches of two lists do
    not overwrite each other's."""
    digest = hashlib.sha256(str(feeds_file.resolve()).encode()).hexdigest()[:12]
    return watch_state_dir(data_dir) / f"{feeds_file.stem}-{digest}.json"


def watch_state_dir(data_dir: Path) -> Path:
    return data_dir / "watch"


class WatchState:
    """Per feed URL: validators, entries seen (key -> content hash), next poll, errors."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.feeds: dict[str, dict[str, Any]] = dict(read_state(path).get("feeds", {}))

    def of(self, url: str) -> dict[str, Any]:
        return self.feeds.setdefault(url, {"seen": {}, "errors": 0, "next_poll": 0.0})

    def validators(self, url: str) -> Validators:
        feed = self.of(url)
        return Validators.from_record(feed)

    def next_poll(self, url: str) -> float:
        return float(self.of(url).get("next_poll", 0.0))

    def save(self) -> None:
        write_state(self.path, {"feeds": self.feeds})


@dataclass
class Poll:
    """One poll of one feed, for its log line."""

    feed: FeedConfig
    status: str
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    next_poll: float = 0.0
    error: str | None = None
    notes: tuple[str, ...] = ()

    def line(self) -> str:
        when = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(self.next_poll))
        wait = _duration(self.next_poll - time.time())
        counts = f"{self.new} new, {self.changed} changed, {self.unchanged} unchanged"
        if self.error is not None:
            counts = self.error
        return f"{self.feed.name}: {self.status}; {counts}; next poll {when} (in {wait})"


def _duration(seconds: float) -> str:
    seconds = max(0.0, seconds)
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{seconds / size:.1f}{unit}".replace(".0", "")
    return f"{seconds:.0f}s"


def _jittered(seconds: float) -> float:
    return seconds * random.uniform(1 - JITTER, 1 + JITTER)


def backoff_s(interval_s: float, errors: int) -> float:
    """The wait after ``errors`` failed polls in a row: the interval doubled per error, at
    most MAX_BACKOFF_S (or the interval, if that is longer)."""
    doubled: float = interval_s * 2.0 ** min(errors, 32)
    return min(doubled, max(MAX_BACKOFF_S, interval_s))


def entry_key(entry: FeedEntry) -> str:
    return entry.link or entry.entry_id or f"title:{entry.title or ''}"


def entry_hash(entry: FeedEntry) -> str:
    parts = [entry.title or "", entry.link or "", str(entry.published or ""), entry.text or ""]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


async def poll_feed(
    feed: FeedConfig,
    state: WatchState,
    fetcher: Fetcher,
    store: Store,
    pool: ExtractionPool,
    batch: int = 200,
) -> Poll:
    """Poll one feed, load its new and changed entries, and record the outcome in ``state``
    (saved): the next poll after its interval, or later after an error."""
    record = state.of(feed.url)
    try:
        poll = await _poll(feed, state, fetcher, store, pool, batch)
    except (SourceError, GraphError) as exc:
        record["errors"] = int(record.get("errors", 0)) + 1
        problem = exc.problem if isinstance(exc, SourceError) else str(exc)
        record["last_error"] = problem
        wait = backoff_s(feed.interval_s, record["errors"])
        poll = Poll(feed, f"error #{record['errors']}", error=problem)
    else:
        record["errors"] = 0
        record.pop("last_error", None)
        wait = feed.interval_s
    poll.next_poll = time.time() + _jittered(wait)
    record["next_poll"] = poll.next_poll
    record["name"] = feed.name
    state.save()
    return poll


async def _poll(
    feed: FeedConfig,
    state: WatchState,
    fetcher: Fetcher,
    store: Store,
    pool: ExtractionPool,
    batch: int,
) -> Poll:
    record = state.of(feed.url)
    seen: dict[str, str] = record.setdefault("seen", {})
    fetched = await fetcher.fetch(feed.url, state.validators(feed.url))
    if fetched.not_modified:
        return Poll(feed, "not modified (304)", unchanged=len(seen))
    if sniff(fetched) != "feed":
        raise FetchError(feed.url, "is an HTML page, not a feed", "content")
    entries = read_feed(fetched.content, origin=feed.url, url=fetched.final_url)
    fresh = [e for e in entries if seen.get(entry_key(e)) != entry_hash(e)]
    poll = Poll(feed, f"HTTP {fetched.status}", unchanged=len(entries) - len(fresh))
    poll.new = sum(1 for e in fresh if entry_key(e) not in seen)
    poll.changed = len(fresh) - poll.new
    read = UrlRead(feed.url, is_feed=True)
    await entry_documents(fresh, fetcher, read, follow_links=feed.follow_links)
    articles: list[ExtractedArticle] = []
    for document, result in zip(read.documents, pool.extract(read.documents), strict=True):
        if isinstance(result, ExtractionError):
            read.skipped.append((document.origin, str(result)))
        else:
            articles.extend(result)
    writer = ArticleWriter(store)
    await writer.write_batches(
        (articles[start : start + batch] for start in range(0, len(articles), batch)),
        lambda _batch, _written: None,
    )
    # Written (or without text to write): none of these is loaded again until it changes.
    seen.update({entry_key(e): entry_hash(e) for e in fresh})
    record.update(fetched.validators.record())
    poll.notes = (*read.warnings, *(f"{origin}: skipped: {why}" for origin, why in read.skipped))
    return poll


async def watch(
    feeds: list[FeedConfig],
    state: WatchState,
    poll: Callable[[FeedConfig], Awaitable[Poll]],
    stop: asyncio.Event,
    *,
    once: bool,
) -> list[Poll]:
    """Poll the feeds when each is due (every feed once, now, with ``once``) until ``stop`` is
    set; a poll under way finishes first. The polls made, in order."""
    done: list[Poll] = []
    while not stop.is_set():
        now = time.time()
        due = [f for f in feeds if once or state.next_poll(f.url) <= now]
        for feed in sorted(due, key=lambda f: state.next_poll(f.url)):
            if stop.is_set():
                break
            done.append(await poll(feed))
        if once:
            break
        wake = min(state.next_poll(f.url) for f in feeds)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=max(0.0, wake - time.time()))
    return done
