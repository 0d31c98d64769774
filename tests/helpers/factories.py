"""Articles built for tests that must not depend on extraction: small hand-built ones, and
bench/corpus.py's seeded synthetic corpora."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from bench.corpus import articles, as_structured
from newsgraph.ingest.model import (
    ActorFact,
    ActorKind,
    ArticleFact,
    ExtractedArticle,
    MeetingFact,
    MeetingMode,
    Participant,
    RoleFact,
    StatementFact,
)

# What `article` publishes on unless told otherwise.
DAY = dt.date(2025, 3, 1)

ZELENSKY = ActorFact(
    name="Volodymyr Zelensky",
    kind=ActorKind.PERSON,
    aliases=["Zelensky", "Zelenskyy"],
    roles=[RoleFact(title="President", of="Ukraine")],
)
SCHOOF = ActorFact(
    name="Dick Schoof",
    kind=ActorKind.PERSON,
    roles=[RoleFact(title="Prime Minister", of="Netherlands")],
)
UKRAINE = ActorFact(name="Ukraine", kind=ActorKind.COUNTRY)
NETHERLANDS = ActorFact(name="Netherlands", kind=ActorKind.COUNTRY, aliases=["Dutch"])


def call_article(
    *,
    title: str = "Zelensky and Schoof discuss security guarantees",
    body: str = "Zelensky held a call with Schoof. He wrote: the teams are working on it.",
    mode: MeetingMode = MeetingMode.PHONE,
    quote: str = "The teams of Ukraine and partners are working on their architecture.",
    publisher: str | None = "Test Wire",
    published: dt.date = dt.date(2025, 8, 23),
) -> ExtractedArticle:
    day = dt.date(2025, 8, 23)
    return ExtractedArticle(
        article=ArticleFact(title=title, body=body, publisher=publisher, published_on=published),
        actors=[ZELENSKY, SCHOOF, UKRAINE, NETHERLANDS],
        mentions=["Volodymyr Zelensky", "Dick Schoof"],
        topics=["security guarantees"],
        meetings=[
            MeetingFact(
                participants=[
                    Participant(actor="Volodymyr Zelensky"),
                    Participant(actor="Dick Schoof"),
                ],
                date=day,
                mode=mode,
                title="Zelensky-Schoof call",
                topics=["security guarantees"],
                excerpt=body[:40],
                offset=0,
            )
        ],
        statements=[
            StatementFact(
                speaker="Volodymyr Zelensky",
                text=quote,
                date=day,
                medium="post on X",
                mentions=["Ukraine"],
                topics=["security guarantees"],
                excerpt=quote,
                offset=10,
            )
        ],
    )


def corpus(count: int, seed: int = 11) -> list[ExtractedArticle]:
    """bench/corpus.py's seeded corpus of ``count`` articles, already extracted."""
    return [ExtractedArticle.model_validate(as_structured(spec)) for spec in articles(count, seed)]


def write_ndjson(path: Path, items: list[ExtractedArticle]) -> Path:
    path.write_text("".join(item.model_dump_json() + "\n" for item in items))
    return path


def article(
    title: str,
    *,
    body: str | None = None,
    url: str | None = None,
    published: dt.date | None = DAY,
    people: Sequence[str] = (),
    actors: Sequence[ActorFact] = (),
    mentions: Sequence[str] = (),
    topics: Sequence[str] = (),
    meetings: Sequence[MeetingFact] = (),
    statements: Sequence[StatementFact] = (),
) -> ExtractedArticle:
    """An extracted article: ``people`` are actors of kind PERSON, ``actors`` any others;
    its body is its title unless given."""
    return ExtractedArticle(
        article=ArticleFact(url=url, title=title, body=body or title, published_on=published),
        actors=[*(ActorFact(name=name, kind=ActorKind.PERSON) for name in people), *actors],
        mentions=list(mentions),
        topics=list(topics),
        meetings=list(meetings),
        statements=list(statements),
    )


def meeting(
    *people: str,
    date: dt.date | None = DAY,
    roles: Mapping[str, str] | None = None,
    excerpt: str | None = None,
    **fields: Any,
) -> MeetingFact:
    """A meeting of ``people`` (their ``roles`` by name), its excerpt their names unless given."""
    return MeetingFact(
        participants=[Participant(actor=name, role=(roles or {}).get(name)) for name in people],
        date=date,
        excerpt=excerpt or " and ".join(people),
        **fields,
    )


def said(
    speaker: str,
    text: str,
    *,
    date: dt.date | None = DAY,
    excerpt: str | None = None,
    **fields: Any,
) -> StatementFact:
    """A statement of ``speaker``, its excerpt its text unless given."""
    return StatementFact(speaker=speaker, text=text, date=date, excerpt=excerpt or text, **fields)
