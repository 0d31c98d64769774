"""Aggregate statements follow the text of the list they aggregate, registered or not."""

from __future__ import annotations

import dataclasses
import datetime as dt

from newsgraph.graph import Graph, cypher, reads
from newsgraph.graph.rows import MeetingCriteria
from newsgraph.ingest.model import MeetingMode
from newsgraph.ingest.write.writer import ArticleWriter
from tests.helpers.factories import article, meeting

DAY = dt.date(2025, 5, 5)


async def test_a_list_built_for_one_request_gets_aggregates_of_its_own_text(graph: Graph) -> None:
    writer = ArticleWriter(graph.store)
    people = ["Ann Alder", "Ben Birch"]
    await writer.write(
        article(
            "Two meetings",
            published=DAY,
            people=people,
            meetings=[
                meeting(*people, date=DAY, mode=MeetingMode.PHONE),
                meeting(*people, date=DAY + dt.timedelta(days=40), mode=MeetingMode.VIDEO),
            ],
        )
    )
    listing = reads.meetings(graph.store, "DESC", MeetingCriteria())
    registered = await listing.aggregate("BY_MONTH")
    assert sorted((row["bucket"], row["count"]) for row in registered) == [
        ("2025-05", 1),
        ("2025-06", 1),
    ]
    # A list whose COUNT statement was built for a request, under a registered name but with
    # more to its filter (as a composed filter builds them): its aggregates read its own text.
    counted = listing.count_statement
    narrowed = counted.cypher.replace("WHERE ", "WHERE m.mode = 'PHONE' AND ", 1)
    assert narrowed != counted.cypher
    built = dataclasses.replace(counted, cypher=narrowed, variants={})
    # (filtered, so not counted from its label: no total_statement)
    own = dataclasses.replace(listing, count_statement=built, total_statement=None)
    assert await own.total() == 1
    assert [(row["bucket"], row["count"]) for row in await own.aggregate("BY_MONTH")] == [
        ("2025-05", 1)
    ]
    assert cypher.aggregates_of(built)["BY_MONTH"].name == "MEETING_PAGE_BY_MONTH"
    assert cypher.aggregates_of(built) is cypher.aggregates_of(built)


def test_a_speakers_statements_are_not_tested_for_their_speaker_again() -> None:
    # The list starts from the speaker's statements; a pattern predicate testing the speaker
    # of each would walk the speaker's statements again per statement (quadratic in a busy
    # speaker's statements, 100 ms for one speaker's count at 100k articles).
    by_speaker = [s for name, s in cypher.REGISTRY.items() if name.startswith("STATEMENT_PAGE_BY_")]
    assert len(by_speaker) > 5
    for statement in by_speaker:
        assert statement.cypher.count("{id: $speaker})-[:SAID]->") == 1, statement.name
