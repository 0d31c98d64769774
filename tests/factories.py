"""Small hand-built articles for tests that must not depend on extraction."""

from __future__ import annotations

import datetime as dt

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
