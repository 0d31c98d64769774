"""Input objects and enums clients pass as arguments."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated

import strawberry

from newsgraph.schema.enums import ActorKind, MeetingMode, MeetingStatus
from newsgraph.schema.relay import BadInput
from newsgraph.schema.search import GRAMMAR, SEARCH

__all__ = [
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
]


@strawberry.enum(description="Sort by date.")
class DateOrder(Enum):
    DATE_DESC = "DESC"
    DATE_ASC = "ASC"


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


@strawberry.input(description="A raw article to run through the loader pipeline.")
class ArticleInput:
    title: str | None = strawberry.field(
        default=None, description="Headline; found in the text when omitted."
    )
    body: str = strawberry.field(description="The article text (scraped page text is fine).")
    url: str | None = strawberry.field(default=None, description="Where it was published.")
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
