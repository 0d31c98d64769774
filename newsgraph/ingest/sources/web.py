"""Pages and feeds from URLs: fetch one, tell a feed from a page, read it into documents.

A URL gives one document (an HTML page, through read_html) or one per feed entry (through
read_feed and entry_document). An entry without its full text in the feed gets the page it
links to when following links is on, else its summary, marked summary-only; a linked page that
cannot be fetched or read falls back to the summary, with a warning naming it.

``PageMemory`` is what `newsgraph load` remembers of the URLs it loaded (the validators each
answered with, and how many articles it gave), in ``<data dir>/fetch/pages.json``: loading
the same URL again asks "changed since?", and a 304 is counted as unchanged without fetching
or extracting anything. A URL is remembered only once its articles are written, so a load that
failed is never mistaken for one that is done.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from newsgraph.ingest.model import SourceDocument
from newsgraph.ingest.sources.feeds import FeedEntry, entry_document, looks_like_feed, read_feed
from newsgraph.ingest.sources.fetch import Fetched, Fetcher, FetchError, Validators
from newsgraph.ingest.sources.files import SourceError
from newsgraph.ingest.sources.html import read_html
from newsgraph.ingest.sources.state import read_state, write_state

__all__ = [
    "PageMemory",
    "UrlRead",
    "entry_documents",
    "page_memory_path",
    "read_fetched",
    "read_url",
    "sniff",
]

_FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml"}
)
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_XML_TYPES = frozenset({"application/xml", "text/xml"}) | _FEED_TYPES


def page_memory_path(data_dir: Path) -> Path:
    return data_dir / "fetch" / "pages.json"


def sniff(fetched: Fetched) -> Literal["feed", "html"]:
    """Whether a fetched document is a feed or an HTML page: the bytes first (servers often
    send feeds as text/xml or even text/html), then the declared type; FetchError otherwise."""
    if looks_like_feed(fetched.content):
        return "feed"
    head = fetched.content[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if fetched.media_type in _HTML_TYPES or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    declared = fetched.media_type or "none declared"
    xml = fetched.media_type in _XML_TYPES
    what = "XML but not an RSS or Atom feed" if xml else "not HTML or a feed"
    raise FetchError(fetched.url, f"{what} (content type {declared})", "content")


@dataclass
class UrlRead:
    """What one URL gave: documents to extract, or word that it has not changed; the
    validators to remember once the documents are written; warnings and entries with no
    text, one line each."""

    url: str
    documents: list[SourceDocument] = field(default_factory=list)
    not_modified: bool = False
    validators: dict[str, Validators] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    # Feed entries passed over: (origin, why).
    skipped: list[tuple[str, str]] = field(default_factory=list)
    # The ids of the articles a 304 stands for (what the last load of the URL wrote).
    unchanged_ids: list[str] = field(default_factory=list)
    is_feed: bool = False


async def read_url(
    url: str, fetcher: Fetcher, *, follow_links: bool, memory: PageMemory | None = None
) -> UrlRead:
    """Fetch ``url`` (conditionally, when ``memory`` knows it) and read it; SourceError (a
    FetchError for HTTP's failures) naming the URL."""
    result = UrlRead(url)
    fetched = await fetcher.fetch(url, memory.validators(url) if memory else None)
    if fetched.not_modified:
        result.not_modified = True
        result.unchanged_ids = memory.articles(url) if memory else []
        return result
    result.validators[url] = fetched.validators
    await read_fetched(fetched, fetcher, result, follow_links=follow_links, memory=memory)
    return result


async def read_fetched(
    fetched: Fetched,
    fetcher: Fetcher,
    result: UrlRead,
    *,
    follow_links: bool,
    memory: PageMemory | None = None,
) -> None:
    """Read a fetched page or feed into ``result``."""
    if sniff(fetched) == "html":
        result.documents.append(
            read_html(fetched.content, origin=fetched.url, url=fetched.final_url)
        )
        return
    result.is_feed = True
    entries = read_feed(fetched.content, origin=fetched.url, url=fetched.final_url)
    if not entries:
        raise SourceError(fetched.url, "the feed has no entries")
    await entry_documents(entries, fetcher, result, follow_links=follow_links, memory=memory)


async def entry_documents(
    entries: Iterable[FeedEntry],
    fetcher: Fetcher,
    result: UrlRead,
    *,
    follow_links: bool,
    memory: PageMemory | None = None,
) -> None:
    """The document of each entry into ``result``: its full text, else (following links) the
    page it links to, else its summary. A linked page unchanged since ``memory``'s last load
    was loaded then: the entry is counted as unchanged."""
    for entry in entries:
        page: SourceDocument | None = None
        if entry.text_kind != "content" and follow_links and entry.link:
            try:
                page = await _linked_page(entry.link, fetcher, result, memory)
            except _Unchanged:
                continue
            except SourceError as exc:
                result.warnings.append(f"{entry.origin}: linked page {exc}; loaded the summary")
        document = entry_document(entry, page)
        if document is None:
            result.skipped.append((entry.origin, "the entry has no text"))
            continue
        result.documents.append(document)


class _Unchanged(Exception):
    pass


async def _linked_page(
    link: str, fetcher: Fetcher, result: UrlRead, memory: PageMemory | None
) -> SourceDocument:
    fetched = await fetcher.fetch(link, memory.validators(link) if memory else None)
    if fetched.not_modified:
        result.unchanged_ids += memory.articles(link) if memory else []
        raise _Unchanged
    if sniff(fetched) != "html":
        raise FetchError(link, "is a feed, not an article page", "content")
    result.validators[link] = fetched.validators
    return read_html(fetched.content, origin=link, url=fetched.final_url)


class PageMemory:
    """The validators and article counts of the URLs loaded before, in one JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._pages: dict[str, dict[str, Any]] = dict(read_state(path).get("pages", {}))

    def validators(self, url: str) -> Validators:
        return Validators.from_record(self._pages.get(url, {}))

    def articles(self, url: str) -> list[str]:
        """The ids of the articles the URL gave when it was last loaded."""
        return [str(i) for i in self._pages.get(url, {}).get("articles", [])]

    def remember(self, read: UrlRead, articles: list[str]) -> None:
        """Once ``read``'s articles (``articles``, their ids) are written: its URL and linked
        pages answer 304 next time. URLs whose server sent no validator are forgotten (they
        are fetched whole); a linked page stands for no ids of its own (its feed's do)."""
        for url, validators in read.validators.items():
            if validators:
                self._pages[url] = {
                    **validators.record(),
                    "articles": articles if url == read.url else [],
                }
            else:
                self._pages.pop(url, None)
        write_state(self.path, {"pages": self._pages})
