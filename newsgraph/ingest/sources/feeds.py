"""RSS and Atom feeds: every entry an article, read with feedparser.

An entry's full text is its ``content:encoded`` (RSS) or ``content`` (Atom) when the feed
carries it; otherwise the caller may fetch the linked page and hand it to ``entry_document``;
otherwise the entry's summary stands in for the article, marked ``summary_only`` so nobody
mistakes three lines of teaser for the report. HTML inside an entry becomes plain text with
lxml (``fragment_text``), paragraph by paragraph, as the extractor reads pages.

Reading a feed never touches the network: feedparser is given the bytes, not a URL.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import time
import xml.sax
from dataclasses import dataclass
from typing import Any, Literal

import feedparser

from newsgraph.ingest.model import SourceDocument
from newsgraph.ingest.sources.errors import SourceError
from newsgraph.ingest.sources.html import fragment_text

__all__ = ["FeedEntry", "entry_document", "looks_like_feed", "read_feed"]


@dataclass(frozen=True)
class FeedEntry:
    """One entry of a feed, its HTML already plain text. ``origin`` names it for errors and the
    load summary (``feed.xml#entry-3``); ``text_kind`` says whether ``text`` is the entry's full
    content or its summary. ``publisher`` and ``language`` are the feed's own (its title and
    language), for entries that do not say."""

    origin: str
    entry_id: str | None
    title: str | None
    link: str | None
    published: dt.date | None
    author: str | None
    text: str | None
    text_kind: Literal["content", "summary"] | None
    publisher: str | None = None
    language: str | None = None


# The first element of a feed, after the XML declaration, processing instructions, comments
# and a doctype: <rss>, Atom's <feed>, or RSS 1.0's <rdf:RDF>.
_PROLOGUE = re.compile(
    rb"^(?:\s+|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)*", re.DOTALL | re.IGNORECASE
)
_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)[\s>/]")
_FEED_ROOTS = frozenset({b"rss", b"feed", b"rdf"})
_SNIFF_BYTES = 4096
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_MAILBOX = re.compile(r"^\S+@\S+\s*\((.*)\)$")
_LANGUAGE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")


def looks_like_feed(data: bytes) -> bool:
    """Whether ``data`` opens as an RSS, Atom or RSS 1.0 (RDF) document: its first element."""
    root = _root_element(data)
    return root is not None and root.lower() in _FEED_ROOTS


def _root_element(data: bytes) -> bytes | None:
    """The name of the first element of ``data``, past a byte-order mark, the XML
    declaration, comments and a doctype; None when it does not open with one."""
    head = data[:_SNIFF_BYTES]
    for bom in _BOMS:
        head = head.removeprefix(bom)
    head = head[_PROLOGUE.match(head).end() :]  # type: ignore[union-attr]
    root = _ROOT.match(head)
    return root.group(1) if root is not None else None


def read_feed(data: bytes, *, origin: str, url: str | None = None) -> list[FeedEntry]:
    """The entries of a feed in feed order. SourceError naming ``origin`` for a document that
    is not a feed or is not well-formed XML (feedparser would guess its way through a broken
    feed; a broken file should be fixed, not half-read)."""
    if not data.strip():
        raise SourceError(origin, "the feed is empty")
    if not looks_like_feed(data):
        raise SourceError(origin, f"not an RSS or Atom feed: {_root_description(data)}")
    # A stream, not the bytes: feedparser tries a bytes or str argument as a file name (and a
    # str as a URL to fetch) before it reads it as a document.
    headers = {"content-location": url} if url else None
    parsed = feedparser.parse(io.BytesIO(data), response_headers=headers)
    problem = parsed.get("bozo_exception")
    if isinstance(problem, xml.sax.SAXParseException):
        raise SourceError(
            origin,
            f"malformed feed at line {problem.getLineNumber()}, column "
            f"{problem.getColumnNumber()}: {problem.getMessage()}",
        )
    channel = parsed.get("feed", {})
    publisher = _text(channel.get("title"))
    language = _language(channel.get("language"))
    return [
        _entry(entry, f"{origin}#entry-{number}", publisher, language)
        for number, entry in enumerate(parsed.get("entries", []), start=1)
    ]


def entry_document(entry: FeedEntry, page: SourceDocument | None = None) -> SourceDocument | None:
    """The article an entry gives: its full content when the feed carries it, else the linked
    ``page`` (fetched by the caller) with the entry's metadata filling the page's gaps, else its
    summary marked ``summary_only``; None when the entry has no text at all."""
    if page is not None and entry.text_kind != "content":
        return page.model_copy(
            update={
                "origin": entry.origin,
                "title": page.title or entry.title,
                "url": page.url or entry.link,
                "publisher": page.publisher or entry.publisher,
                "published": page.published or entry.published,
                "language": page.language or entry.language,
                "author": page.author or entry.author,
                "summary_only": False,
            }
        )
    if not entry.text:
        return None
    return SourceDocument(
        origin=entry.origin,
        body=entry.text,
        title=entry.title,
        url=entry.link,
        publisher=entry.publisher,
        published=entry.published,
        language=entry.language,
        author=entry.author,
        summary_only=entry.text_kind != "content",
    )


def _entry(entry: Any, origin: str, publisher: str | None, language: str | None) -> FeedEntry:
    text, kind = _entry_text(entry)
    return FeedEntry(
        origin=origin,
        entry_id=_text(entry.get("id")),
        title=_text(fragment_text(entry["title"])) if entry.get("title") else None,
        link=_text(entry.get("link")),
        published=_published(entry),
        author=_author(entry),
        text=text,
        text_kind=kind,
        publisher=publisher,
        language=_language(entry.get("language")) or language,
    )


def _entry_text(entry: Any) -> tuple[str | None, Literal["content", "summary"] | None]:
    # feedparser copies content into `summary` when an entry has no summary of its own; only
    # `summary_detail` tells a real summary from that copy.
    for content in entry.get("content") or []:
        text = _plain(content)
        if text:
            return text, "content"
    detail = entry.get("summary_detail")
    if detail is not None:
        text = _plain(detail)
        if text:
            return text, "summary"
    return None, None


def _plain(detail: Any) -> str:
    value = str(detail.get("value") or "")
    if detail.get("type") == "text/plain":
        return "\n\n".join(" ".join(line.split()) for line in value.splitlines() if line.strip())
    return fragment_text(value)


def _author(entry: Any) -> str | None:
    """The byline. RSS's <author> is "email (Name)": the name is the byline, and feedparser's
    own split of it trips on long top-level domains, so it is read here."""
    author = _text(entry.get("author"))
    if author is None:
        return None
    mailbox = _MAILBOX.match(author)
    if mailbox is not None:
        return mailbox.group(1).strip() or None
    return None if "@" in author and " " not in author else author


def _published(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if isinstance(value, time.struct_time):
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return None


def _text(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _language(value: object) -> str | None:
    match = _LANGUAGE.match(str(value)) if value else None
    return match.group(1).lower() if match else None


def _root_description(data: bytes) -> str:
    root = _root_element(data)
    if root is None:
        return "it does not start with an XML element"
    name = root.decode("ascii", "replace")
    return f"its first element is <{name}>, expected <rss>, <feed> (Atom) or <rdf:RDF>"
