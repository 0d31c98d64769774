"""Meetings of one participant are read from that actor's meetings alone (no least-busy choice,
no check that every participant attended, which reads each meeting twice more), and articles
naming one actor from that actor's mentions alone (no count of the actors named): both answer
what the all-of shapes answer."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.graph import Graph, count_round_trips
from newsgraph.ingest.model import ExtractedArticle
from newsgraph.ingest.write.writer import ArticleWriter
from tests.helpers.api import Api
from tests.helpers.factories import article, meeting

VERSION = "GRAPH_VERSION"


def _article(i: int) -> ExtractedArticle:
    day = dt.date(2025, 3, 1) + dt.timedelta(days=i)
    guest = f"Guest {i % 2}"
    return article(
        f"Article {i}",
        body=f"Host met {guest} on day {i}.",
        published=day,
        people=["Host", guest],
        mentions=["Host", guest],
        meetings=[meeting("Host", guest, date=day, excerpt=f"Host met {guest}.")],
    )


@pytest.fixture
async def written(graph: Graph) -> Graph:
    writer = ArticleWriter(graph.store)
    for i in range(5):
        await writer.write(_article(i))
    return graph


async def test_meetings_of_one_participant_are_read_from_its_meetings(
    api: Api, written: Graph
) -> None:
    with count_round_trips() as trips:
        data = await api.data(
            '{ meetings(filter: {participants: ["Host"], from: "2025-03-02"}, first: 10) {'
            " totalCount edges { node { date } } } }"
        )
    asked = [name for name in trips.statements if name != VERSION]
    assert asked == ["ACTORS_BY_NAME", "MEETING_PAGE_OF_DESC", "MEETING_PAGE_OF_COUNT"]
    dates = [edge["node"]["date"] for edge in data["meetings"]["edges"]]
    assert dates == ["2025-03-05", "2025-03-04", "2025-03-03", "2025-03-02"]
    assert data["meetings"]["totalCount"] == 4


async def test_one_participant_answers_as_the_same_actor_twice_with_another(
    api: Api, written: Graph
) -> None:
    stats = """{ s: meetingStats(filter: {participants: [%s]}) {
        count byPeriod(interval: DAY) { start count }
        topParticipants { actor { name } count } } }"""
    one = await api.data(stats % '"Guest 1"')
    both = await api.data(stats % '"Guest 1", "Host"')
    assert one == both
    assert one["s"]["count"] == 2
    assert {row["actor"]["name"]: row["count"] for row in one["s"]["topParticipants"]} == {
        "Guest 1": 2,
        "Host": 2,
    }


async def test_articles_naming_one_actor_are_read_from_its_mentions(
    api: Api, written: Graph
) -> None:
    stats = """{ s: articleStats(filter: {mentions: [%s]}) {
        count byPeriod(interval: DAY) { start count } } }"""
    with count_round_trips() as trips:
        one = await api.data(stats % '"Guest 1"')
    asked = [name for name in trips.statements if name != VERSION]
    # Days are not tallied: the list's own shape counts them; the count is its tallies'.
    assert sorted(asked) == [
        "ACTORS_BY_NAME",
        "ARTICLE_PAGE_NAMING_BY_DAY",
        "MENTION_TALLY_COUNT",
    ]
    both = await api.data(stats % '"Guest 1", "Host"')
    assert one == both
    assert one["s"]["count"] == 2
    page = await api.data(
        '{ articles(filter: {mentions: ["Guest 1"]}) { edges { node { title } } } }'
    )
    assert [edge["node"]["title"] for edge in page["articles"]["edges"]] == [
        "Article 3",
        "Article 1",
    ]
