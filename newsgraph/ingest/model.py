"""The extracted-article payload: what every source turns into, and what the writer stores.

This is also the structured JSON input form (for sources that already carry actors, meetings and
statements), so every model forbids unknown fields: a typo in a producer's field name is an error
naming the field, not a fact silently dropped.

Actors are referred to by their canonical ``name`` everywhere inside one payload (participants,
speakers, mentions, role holders); the writer turns names into stable ids.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = [
    "ActorFact",
    "ActorKind",
    "ArticleFact",
    "ExtractedArticle",
    "MeetingFact",
    "MeetingMode",
    "MeetingStatus",
    "Participant",
    "RoleFact",
    "SourceDocument",
    "StatementFact",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class ActorKind(StrEnum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    COUNTRY = "COUNTRY"
    MEDIA = "MEDIA"


class MeetingMode(StrEnum):
    IN_PERSON = "IN_PERSON"
    PHONE = "PHONE"
    VIDEO = "VIDEO"
    UNKNOWN = "UNKNOWN"


class MeetingStatus(StrEnum):
    HELD = "HELD"
    PLANNED = "PLANNED"
    PROPOSED = "PROPOSED"


class RoleFact(_Strict):
    """A position an actor holds: ``title`` of ``of`` (the country or organisation), if known."""

    title: str = Field(min_length=1)
    of: str | None = None


class ActorFact(_Strict):
    name: str = Field(min_length=1, description="Canonical name; the key used inside this payload.")
    kind: ActorKind
    aliases: list[str] = Field(default_factory=list)
    description: str | None = None
    roles: list[RoleFact] = Field(default_factory=list)
    iso_code: str | None = Field(
        default=None,
        pattern=r"^[A-Z]{2}$",
        description="A country's ISO 3166-1 alpha-2 code.",
    )


_CONFIDENCE = Field(
    default=1.0,
    ge=0.0,
    le=1.0,
    description="How sure the extractor is, from the evidence behind it (1 for a fact a "
    "producer states).",
)


class Participant(_Strict):
    actor: str = Field(min_length=1, description="Canonical name of an actor in `actors`.")
    role: str | None = Field(default=None, description="e.g. 'host', 'representative'.")
    confidence: float = _CONFIDENCE


class MeetingFact(_Strict):
    participants: list[Participant] = Field(min_length=1)
    date: dt.date | None = Field(default=None, description="Only when the text supports a day.")
    mode: MeetingMode = MeetingMode.UNKNOWN
    status: MeetingStatus = MeetingStatus.HELD
    title: str | None = None
    place: str | None = None
    topics: list[str] = Field(default_factory=list)
    excerpt: str = Field(min_length=1, description="The reporting article's own words.")
    offset: int | None = Field(default=None, ge=0, description="Excerpt's offset in the body.")
    confidence: float = _CONFIDENCE


class StatementFact(_Strict):
    speaker: str = Field(min_length=1, description="Canonical name of an actor in `actors`.")
    text: str = Field(min_length=1)
    date: dt.date | None = None
    medium: str | None = Field(default=None, description="e.g. 'post on X'.")
    language: str = "en"
    topics: list[str] = Field(default_factory=list)
    mentions: list[str] = Field(default_factory=list)
    excerpt: str = Field(min_length=1)
    offset: int | None = Field(default=None, ge=0)
    confidence: float = _CONFIDENCE


class ArticleFact(_Strict):
    url: str | None = None
    title: str = Field(min_length=1)
    publisher: str | None = None
    published_on: dt.date | None = None
    published_inferred: bool = Field(
        default=False, description="True when the date was inferred from the body, not stated."
    )
    section: str | None = None
    language: str = "en"
    author: str | None = Field(default=None, description="The byline, as the source gives it.")
    summary_only: bool = Field(
        default=False,
        description="True when the body is a feed's summary of the article, not its full text.",
    )
    body: str = Field(min_length=1)


class ExtractedArticle(_Strict):
    """One article and the facts it reports."""

    article: ArticleFact
    actors: list[ActorFact] = Field(default_factory=list)
    mentions: list[str] = Field(default_factory=list, description="Actors the article mentions.")
    topics: list[str] = Field(default_factory=list)
    meetings: list[MeetingFact] = Field(default_factory=list)
    statements: list[StatementFact] = Field(default_factory=list)

    @model_validator(mode="after")
    def _references_resolve(self) -> ExtractedArticle:
        known = {a.name for a in self.actors}
        dangling: list[str] = []
        dangling += [m for m in self.mentions if m not in known]
        for actor in self.actors:
            dangling += [r.of for r in actor.roles if r.of is not None and r.of not in known]
        for meeting in self.meetings:
            dangling += [p.actor for p in meeting.participants if p.actor not in known]
        for statement in self.statements:
            dangling += [statement.speaker] if statement.speaker not in known else []
            dangling += [m for m in statement.mentions if m not in known]
        if dangling:
            names = ", ".join(sorted(set(dangling)))
            raise ValueError(f"actors referred to but not listed in `actors`: {names}")
        return self


class SourceDocument(_Strict):
    """One raw article as a source reader found it, before extraction.

    ``origin`` names where it came from (a file path, ``path:line`` for NDJSON, ``path[3]`` for
    an item of a JSON list) so every error can point at it.
    """

    origin: str
    body: str
    title: str | None = None
    url: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    language: str | None = None
    author: str | None = Field(default=None, description="The byline, as the source gives it.")
    summary_only: bool = Field(
        default=False,
        description="True when the body is a feed's summary of the article, not its full text.",
    )
