"""Input objects and enums clients pass as arguments."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

import strawberry

from newsgraph.graph.reads import Direction
from newsgraph.schema.enums import ActorKind, MeetingMode, MeetingStatus
from newsgraph.schema.relay import BadInput
from newsgraph.schema.search import GRAMMAR, SEARCH

__all__ = [
    "DATE_ORDERS",
    "ActorFilter",
    "ActorFilterArg",
    "ActorInput",
    "ArticleFilter",
    "ArticleFilterArg",
    "ArticleInput",
    "DateOrder",
    "MeetingFilter",
    "MeetingFilterArg",
    "SearchType",
    "StatementFilter",
    "StatementFilterArg",
    "direction",
]


@strawberry.enum(
    description="The order of a list, ties broken by id. Every dated list takes the date "
    "orders; lists of meetings and statements also take the report count and confidence "
    "orders. (Named for its first two values, which keep working as they did.)"
)
class DateOrder(Enum):
    DATE_DESC = strawberry.enum_value("DESC", description="Newest first, undated first.")
    DATE_ASC = strawberry.enum_value("ASC", description="Oldest first, undated last.")
    REPORT_COUNT_DESC = strawberry.enum_value(
        "REPORTS_DESC", description="Reported by the most articles first (meetings, statements)."
    )
    REPORT_COUNT_ASC = strawberry.enum_value(
        "REPORTS_ASC", description="Reported by the fewest articles first (meetings, statements)."
    )
    CONFIDENCE_DESC = strawberry.enum_value(
        "CONFIDENCE_DESC",
        description="Surest first, those without a confidence last (meetings, statements).",
    )
    CONFIDENCE_ASC = strawberry.enum_value(
        "CONFIDENCE_ASC",
        description="Least sure first, those without a confidence first (meetings, statements).",
    )


# The date orders: what a list of articles takes.
DATE_ORDERS = (DateOrder.DATE_DESC, DateOrder.DATE_ASC)

_DIRECTIONS: dict[DateOrder, Direction] = {
    DateOrder.DATE_DESC: "DESC",
    DateOrder.DATE_ASC: "ASC",
    DateOrder.REPORT_COUNT_DESC: "REPORTS_DESC",
    DateOrder.REPORT_COUNT_ASC: "REPORTS_ASC",
    DateOrder.CONFIDENCE_DESC: "CONFIDENCE_DESC",
    DateOrder.CONFIDENCE_ASC: "CONFIDENCE_ASC",
}


def direction(order: DateOrder | None) -> Direction:
    """The graph layer's name of an order (newest first when none is given)."""
    return _DIRECTIONS[order or DateOrder.DATE_DESC]


# How deep AND, OR and NOT may nest by default (NEWSGRAPH_MAX_FILTER_DEPTH); the limits
# refuse deeper filters before the operation runs.
_COMPOSE = (
    "Each item is a whole filter of this type, which may hold AND, OR and NOT itself (nested "
    "at most NEWSGRAPH_MAX_FILTER_DEPTH levels, 3 unless set); an empty list adds nothing."
)
_AND = "Filters that must all match as well. " + _COMPOSE
_OR = "Filters of which at least one must match as well. " + _COMPOSE
_NOT = "Filters of which none may match. " + _COMPOSE


@strawberry.enum(description="What `search` looks in.")
class SearchType(Enum):
    ARTICLE = "ARTICLE"
    STATEMENT = "STATEMENT"
    ACTOR = "ACTOR"


@strawberry.input(description="Narrow the list of actors.")
class ActorFilter:
    kind: ActorKind | None = strawberry.field(default=None, description="Only this kind.")
    name: str | None = strawberry.field(
        default=None, description="Name or alias contains this text (case-insensitive)."
    )


@strawberry.input(description="Narrow a list of meetings.")
class MeetingFilter:
    participants: list[str] | None = strawberry.field(
        default=None,
        description="Actors (names, aliases or ids) who all took part. On `Actor.meetings`, "
        "the others who took part with that actor.",
    )
    from_: dt.date | None = strawberry.field(
        default=None, name="from", description="On or after this day."
    )
    to: dt.date | None = strawberry.field(default=None, description="On or before this day.")
    mode: MeetingMode | None = strawberry.field(default=None, description="Only this mode.")
    status: MeetingStatus | None = strawberry.field(default=None, description="Only this status.")
    topic: str | None = strawberry.field(default=None, description="About this topic (name).")
    min_confidence: float | None = strawberry.field(
        default=None,
        description="Only meetings newsgraph is at least this sure of (0 to 1; see "
        "`Meeting.confidence`). Meetings stored without a confidence are left out.",
    )
    participants_any: list[str] | None = strawberry.field(
        default=None,
        description="Actors (names, aliases or ids) of whom at least one took part.",
    )
    and_: list[MeetingFilter] | None = strawberry.field(default=None, name="AND", description=_AND)
    or_: list[MeetingFilter] | None = strawberry.field(default=None, name="OR", description=_OR)
    not_: list[MeetingFilter] | None = strawberry.field(default=None, name="NOT", description=_NOT)


@strawberry.input(description="Narrow a list of statements.")
class StatementFilter:
    speaker: str | None = strawberry.field(
        default=None, description="Said by this actor (name, alias or id)."
    )
    topic: str | None = strawberry.field(default=None, description="About this topic (name).")
    from_: dt.date | None = strawberry.field(
        default=None, name="from", description="On or after this day."
    )
    to: dt.date | None = strawberry.field(default=None, description="On or before this day.")
    search: str | None = strawberry.field(
        default=None, description=f"Full-text search in what was said. {GRAMMAR}", metadata=SEARCH
    )
    min_confidence: float | None = strawberry.field(
        default=None,
        description="Only statements newsgraph is at least this sure of (0 to 1; see "
        "`Statement.confidence`). Statements stored without a confidence are left out.",
    )
    and_: list[StatementFilter] | None = strawberry.field(
        default=None, name="AND", description=_AND + " `search` only at the top."
    )
    or_: list[StatementFilter] | None = strawberry.field(
        default=None, name="OR", description=_OR + " `search` only at the top."
    )
    not_: list[StatementFilter] | None = strawberry.field(
        default=None, name="NOT", description=_NOT + " `search` only at the top."
    )


@strawberry.input(description="Narrow the list of articles.")
class ArticleFilter:
    publisher: str | None = strawberry.field(
        default=None, description="Published by this outlet (name or id)."
    )
    from_: dt.date | None = strawberry.field(
        default=None, name="from", description="Published on or after this day."
    )
    to: dt.date | None = strawberry.field(
        default=None, description="Published on or before this day."
    )
    mentions: list[str] | None = strawberry.field(
        default=None, description="Actors (names, aliases or ids) the article all mentions."
    )
    topic: str | None = strawberry.field(default=None, description="About this topic (name).")
    search: str | None = strawberry.field(
        default=None, description=f"Full-text search in title and body. {GRAMMAR}", metadata=SEARCH
    )
    and_: list[ArticleFilter] | None = strawberry.field(
        default=None, name="AND", description=_AND + " `search` only at the top."
    )
    or_: list[ArticleFilter] | None = strawberry.field(
        default=None, name="OR", description=_OR + " `search` only at the top."
    )
    not_: list[ArticleFilter] | None = strawberry.field(
        default=None, name="NOT", description=_NOT + " `search` only at the top."
    )


@strawberry.input(
    description="A raw article to run through the loader pipeline: its text (`body`), its "
    "page (`html`), or only its `url`, which the server then fetches. The other fields, when "
    "given, win over what the text or page says."
)
class ArticleInput:
    title: str | None = strawberry.field(
        default=None, description="Headline; found in the text or page when omitted."
    )
    body: str | None = strawberry.field(
        default=None,
        description="The article text (scraped page text is fine). Give `body` or `html`, not "
        "both; or neither, and a `url` to fetch.",
    )
    html: str | None = strawberry.field(
        default=None,
        description="The article's HTML page, whole: its main text, title, author, date, "
        "language and canonical URL are read from it (navigation, captions, teasers and "
        "comments left out).",
    )
    url: str | None = strawberry.field(
        default=None,
        description="Where it was published. Given alone (no `body`, no `html`), the server "
        "fetches the page, within the same limits, robots.txt and User-Agent as "
        "`newsgraph load https://...`; a feed's URL is refused (load feeds with `newsgraph "
        "load` or `newsgraph watch`, as a feed holds many articles).",
    )
    publisher: str | None = strawberry.field(default=None, description="The outlet.")
    published: dt.date | None = strawberry.field(
        default=None, description="Publication date; inferred from the text when omitted."
    )
    language: str | None = strawberry.field(default=None, description="ISO 639-1 code.")


@strawberry.input(description="Corrections to an actor; omitted fields stay as they are.")
class ActorInput:
    name: str | None = strawberry.field(default=None, description="New canonical name.")
    description: str | None = strawberry.field(default=None, description="New description.")
    aliases: list[str] | None = strawberry.field(
        default=None, description="The full list of aliases, replacing the current one."
    )


# Filter arguments as resolvers declare them: optional, described once.
ActorFilterArg = Annotated[ActorFilter | None, strawberry.argument(description="Narrow the list.")]
ArticleFilterArg = Annotated[
    ArticleFilter | None, strawberry.argument(description="Narrow the list.")
]
MeetingFilterArg = Annotated[
    MeetingFilter | None, strawberry.argument(description="Narrow the list.")
]
StatementFilterArg = Annotated[
    StatementFilter | None, strawberry.argument(description="Narrow the list.")
]


def confidence_floor(value: float | None, where: str) -> float | None:
    """A `minConfidence` argument, checked: a share, 0 to 1."""
    if value is not None and not 0.0 <= value <= 1.0:
        raise BadInput(f"{where}: minConfidence must be between 0 and 1, not {value}")
    return value
