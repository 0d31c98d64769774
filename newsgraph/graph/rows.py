"""The shapes of the rows that cross the graph layer's boundary, typed once.

The loaders build ``ArticleWrite`` (the parameters of ``cypher.WRITE_ARTICLES``), the Cypher
registry's example of that statement is one, and the tests build them; the filters of the
API's lists are frozen dataclasses, so a filter is also a DataLoader key. Values as they are
stored: days in ISO form ('2025-08-23') beside their day numbers (see ``day_number``), enums
as their names.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any, NotRequired, TypedDict

__all__ = [
    "ActorRow",
    "AliasFields",
    "ArticleRow",
    "ArticleWrite",
    "Condition",
    "FactReportRow",
    "MeetingCriteria",
    "MeetingRow",
    "MetUncountedRow",
    "PageRow",
    "Pair",
    "ParticipantRow",
    "Renamed",
    "RoleRow",
    "StatementCriteria",
    "StatementRow",
    "TopicRow",
    "alias_fields",
    "day",
    "day_number",
    "owner_filter",
    "pairs",
]


def day(value: dt.date | None) -> str | None:
    """A date as stored beside the date itself: ISO form, whose string order is date order."""
    return value.isoformat() if value else None


def day_number(value: dt.date | None) -> int | None:
    """A date's proleptic Gregorian ordinal: stored beside each date, and what every date
    filter and order compares (never dates: see graph/cypher.py)."""
    return value.toordinal() if value else None


# ---------------------------------------------------------------------------------------------
# Writing articles


class Pair(TypedDict):
    """Two node ids joined by one relationship (actor pairs: the smaller id on the left)."""

    left: str
    right: str


def pairs(ids: Iterable[str]) -> list[Pair]:
    """Every pair of distinct ids, each once, the smaller on the left (how MET and
    CO_MENTIONED edges are stored)."""
    return [{"left": a, "right": b} for a, b in combinations(sorted(set(ids)), 2)]


class AliasFields(TypedDict):
    """How an actor's other names are stored: the list, the lower-cased name keys lookups by
    name compare (``ACTORS_BY_NAME``), and the text the full-text index reads."""

    aliases: list[str]
    keys: list[str]
    alias_text: str


def alias_fields(name: str, aliases: Iterable[str]) -> AliasFields:
    """The stored alias fields of an actor named ``name`` with ``aliases`` (its name is not
    one of its aliases)."""
    others = sorted(set(aliases) - {name})
    return {
        "aliases": others,
        "keys": sorted({name.lower(), *(alias.lower() for alias in others)}),
        "alias_text": " ".join(others),
    }


class ArticleRow(TypedDict):
    id: str
    url: str | None
    title: str
    published_on: str | None
    day_number: int | None
    published_inferred: bool
    section: str | None
    language: str
    author: str | None
    summary_only: bool
    body: str
    content_hash: str
    # What the article was written from (ingest.resolve.ids.extraction_hash).
    extraction_hash: str
    # Counted only if the write creates the article (decided inside the write).
    co_mentioned_pairs: list[Pair]


class ActorRow(AliasFields):
    id: str
    name: str
    kind: str
    description: str | None
    iso_code: str | None
    # A person's name keys (ingest.resolve.people); empty for other actors.
    name_keys: list[str]


class RoleRow(TypedDict):
    holder: str
    title: str
    of: str


class TopicRow(TypedDict):
    id: str
    name: str


class Renamed(TypedDict):
    old: str
    new: str


class MetUncountedRow(Pair):
    """MET counts a merged-away meeting gives back."""

    by: int


class MeetingRow(TypedDict):
    id: str
    date: str | None
    day_number: int | None
    # None only where a stored rank this code does not know kept a stored value of none.
    mode: str | None
    mode_rank: int
    status: str | None
    status_rank: int
    title: str | None
    place: str | None
    # Every participant list reported of it, each its sorted ids joined by commas.
    groups: list[str]
    confidence: float | None
    # 'article-id 0.8000': each report's confidence, what `confidence` combines.
    reported: list[str]


class StatementRow(TypedDict):
    id: str
    speaker: str
    text: str
    date: str | None
    day_number: int | None
    medium: str | None
    language: str
    variants: list[str]
    confidence: float | None
    reported: list[str]


class FactReportRow(TypedDict):
    """An article's REPORTS of a meeting or statement."""

    article: str
    fact: str
    excerpt: str | None
    offset: int | None
    confidence: float | None
    # A meeting's report: the participants that article gave it (so that removing the article
    # takes back the ones only it gave). None for a report written before reports kept them.
    participants: NotRequired[list[str] | None]
    # A meeting's report: the title it gives the meeting (what the meeting keeps if it stays).
    title: NotRequired[str | None]


class ParticipantRow(TypedDict):
    actor: str
    meeting: str
    role: str | None
    confidence: float | None


class ArticleWrite(TypedDict):
    """The parameters of ``WRITE_ARTICLES``: a batch of articles and their facts, already
    merged with what the graph holds."""

    articles: list[ArticleRow]
    actors: list[ActorRow]
    roles: list[RoleRow]
    topics: list[TopicRow]
    published_by: list[Pair]
    article_mentions: list[Pair]
    article_topics: list[Pair]
    renamed_statements: list[Renamed]
    renamed_meetings: list[Renamed]
    merged_statements: list[str]
    merged_meetings: list[str]
    met_uncounted: list[MetUncountedRow]
    meetings: list[MeetingRow]
    meeting_reports: list[FactReportRow]
    participants: list[ParticipantRow]
    meeting_topics: list[Pair]
    statements: list[StatementRow]
    statement_reports: list[FactReportRow]
    statement_mentions: list[Pair]
    statement_topics: list[Pair]


# ---------------------------------------------------------------------------------------------
# Reading lists


class PageRow(TypedDict):
    """One item of a page: its id, its sort key (what a cursor holds) and its node."""

    id: str
    sk: str
    node: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class StatementCriteria:
    """What a list of statements is filtered on, besides its speaker and a search (days as
    day numbers, the topic by id)."""

    from_day: int | None = None
    to_day: int | None = None
    topic: str | None = None
    min_confidence: float | None = None

    def params(self) -> dict[str, Any]:
        """The fields as the statements name them (`$from`, `key.topic`, ...)."""
        return {
            "from": self.from_day,
            "to": self.to_day,
            "topic": self.topic,
            "min_confidence": self.min_confidence,
        }


@dataclass(frozen=True, slots=True)
class MeetingCriteria(StatementCriteria):
    """What a list of meetings is filtered on: a statement's criteria, and the meeting's mode
    and status (by name)."""

    mode: str | None = None
    status: str | None = None

    def params(self) -> dict[str, Any]:
        return {**super(MeetingCriteria, self).params(), "mode": self.mode, "status": self.status}


@dataclass(frozen=True, slots=True)
class Condition:
    """A composed filter of a list (the AND, OR and NOT of the API's filters), as the graph
    layer reads it: ``fields`` that must all hold, as (name, value) pairs with values as
    stored (actors and topics by id, days as day numbers, lists as tuples, so a condition can
    key a DataLoader), beside the conditions that must all hold (``all_of``), of which one
    must hold (``any_of``) and of which none may hold (``none_of``). Field names are those of
    ``cypher.CONDITIONS``; an empty list adds nothing."""

    fields: tuple[tuple[str, Any], ...] = ()
    all_of: tuple[Condition, ...] = ()
    any_of: tuple[Condition, ...] = ()
    none_of: tuple[Condition, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.fields or self.all_of or self.any_of or self.none_of)


def owner_filter(criteria: MeetingCriteria | StatementCriteria | None) -> dict[str, Any]:
    """The filter fields of one key of a per-owner list (an actor's meetings, a topic's
    articles, ...): every field those statements read, which a meeting's criteria hold all of;
    those the list is not filtered on are None."""
    return {**MeetingCriteria().params(), **(criteria.params() if criteria else {})}
