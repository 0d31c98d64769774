"""Stable ids derived from content: loading the same input twice yields the same ids."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from newsgraph.ingest.model import ExtractedArticle

__all__ = [
    "actor_id",
    "article_id",
    "content_hash",
    "extraction_hash",
    "meeting_id",
    "normalise_text",
    "slug",
    "statement_id",
    "topic_id",
]

_NOT_WORD = re.compile(r"[^a-z0-9]+")


# The ids below are pure functions of a few strings that a load meets again and again (the same
# actors and topics in every article, an article's id asked for at each step of its planning):
# remembered, planning a batch does not fold and hash the same text dozens of times.
_REMEMBERED = 65_536


@lru_cache(maxsize=_REMEMBERED)
def slug(text: str) -> str:
    """'Volodymyr Zelensky' -> 'volodymyr-zelensky' (accents folded, punctuation dropped)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_WORD.sub("-", folded.lower()).strip("-") or _digest(text)


def normalise_text(text: str) -> str:
    """Whitespace and typographic quotes normalised, so re-scraped copies hash the same."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    # str.split() splits on exactly what the regex \s+ matches (str.isspace), several times
    # faster on a whole article body.
    return " ".join(text.split())


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def content_hash(body: str) -> str:
    return hashlib.sha256(normalise_text(body).encode()).hexdigest()


def extraction_hash(extracted: ExtractedArticle) -> str:
    """A digest of everything extraction found in an article, before its people are resolved
    against the graph: equal when the same text, date and extractor give the same facts."""
    return hashlib.sha256(extracted.model_dump_json().encode()).hexdigest()[:32]


def _normalise_url(url: str) -> str:
    parts = urlsplit(url.strip())
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), path, parts.query, parts.fragment)
    )


@lru_cache(maxsize=4096)
def article_id(url: str | None, body: str) -> str:
    """By URL when there is one (a re-scrape updates the article), else by content."""
    if url:
        return "art-" + _digest("url", _normalise_url(url))
    return "art-" + content_hash(body)[:16]


def actor_id(name: str) -> str:
    return slug(name)


def topic_id(name: str) -> str:
    return "topic-" + slug(name)


def _day(date: dt.date | None) -> str:
    return date.isoformat() if date else "undated"


def meeting_id(participants: Iterable[str], date: dt.date | None, status: str) -> str:
    # An undated meeting is only known by who and how firm it is: a proposed meeting and a
    # held one between the same people are different facts.
    people = ",".join(sorted(set(participants)))
    key = (_day(date),) if date else ("undated", status)
    return "mtg-" + _digest(*key, people)


@lru_cache(maxsize=_REMEMBERED)
def statement_id(speaker: str, date: dt.date | None, text: str) -> str:
    return "st-" + _digest(speaker, _day(date), normalise_text(text).lower())
