"""The aggregates of one actor's meetings and of the articles naming one actor, and the meetings of
two actors, are read from the tallies and pairs the writes keep (not from every meeting or
article of a hub), and answer what counting the meetings and articles themselves answers."""

from __future__ import annotations

import pytest

from newsgraph.graph import Graph, count_round_trips
from newsgraph.ingest.write.writer import ArticleWriter
from tests.helpers.api import Api
from tests.helpers.factories import article, corpus

VERSION = "GRAPH_VERSION"
# The two busiest people of bench/corpus.py's weights (the bench's hub and its partner).
HUB, PARTNER = "Volodymyr Zelensky", "Donald Trump"
# A `from` before every date: the same meetings and articles, through the list's own match.
EVER = "0001-01-01"
STRANGER = "Ann Example"

MEETING_STATS = """query($who: [String!]!, $from: Date) {
  meetingStats(filter: {participants: $who, from: $from}) {
    count
    byPeriod(interval: MONTH) { start count }
    years: byPeriod(interval: YEAR) { start count }
    byMode { mode count }
    byStatus { status count }
    topParticipants(first: 50) { actor { name } count }
  }
}"""
ARTICLE_STATS = """query($who: [String!]!, $from: Date) {
  articleStats(filter: {mentions: $who, from: $from}) {
    count
    byPeriod(interval: MONTH) { start count }
    years: byPeriod(interval: YEAR) { start count }
    byPublisher(first: 50) { actor { name } count }
  }
}"""
MEETINGS = """query($who: [String!]!, $from: Date) {
  meetings(filter: {participants: $who, from: $from}, first: 100) {
    totalCount edges { node { title date participants { actor { name } } } }
  }
}"""


@pytest.fixture
async def written(graph: Graph) -> Graph:
    writer = ArticleWriter(graph.store)
    await writer.write_batch(corpus(150))
    # Someone the hub never met.
    await writer.write(article("A stranger", people=[STRANGER], mentions=[STRANGER]))
    return graph


async def _asked(api: Api, query: str, **variables: object) -> tuple[dict[str, object], set[str]]:
    with count_round_trips() as trips:
        data = await api.data(query, **variables)
    return data, {name for name in trips.statements if name != VERSION}


async def test_an_actors_meeting_stats_are_read_from_its_tallies_and_equal_a_count(
    api: Api, written: Graph
) -> None:
    tallied, asked = await _asked(api, MEETING_STATS, who=[HUB])
    assert asked == {
        "ACTORS_BY_NAME",
        *(
            f"MEETING_TALLY_{kind}"
            for kind in ("COUNT", "BY_MONTH", "BY_YEAR", "BY_MODE", "BY_STATUS")
        ),
        "MEETING_TALLY_TOP_PARTICIPANTS",
    }
    counted, asked = await _asked(api, MEETING_STATS, who=[HUB], **{"from": EVER})
    assert not any(name.startswith("MEETING_TALLY") for name in asked)
    assert tallied == counted
    assert tallied["meetingStats"]["count"] > 20  # type: ignore[index]


async def test_the_stats_of_the_articles_naming_an_actor_are_read_from_its_tallies(
    api: Api, written: Graph
) -> None:
    tallied, asked = await _asked(api, ARTICLE_STATS, who=[PARTNER])
    assert asked == {
        "ACTORS_BY_NAME",
        "MENTION_TALLY_COUNT",
        "MENTION_TALLY_BY_MONTH",
        "MENTION_TALLY_BY_YEAR",
        "MENTION_TALLY_BY_PUBLISHER",
    }
    counted, asked = await _asked(api, ARTICLE_STATS, who=[PARTNER], **{"from": EVER})
    assert not any(name.startswith("MENTION_TALLY") for name in asked)
    assert tallied == counted
    assert tallied["articleStats"]["count"] > 10  # type: ignore[index]


async def test_the_meetings_of_two_actors_equal_those_of_one_that_the_other_attended(
    api: Api, written: Graph
) -> None:
    both = await api.data(MEETINGS, who=[HUB, PARTNER])
    hubs = await api.data(MEETINGS, who=[HUB])
    shared = [
        edge
        for edge in hubs["meetings"]["edges"]
        if PARTNER in {p["actor"]["name"] for p in edge["node"]["participants"]}
    ]
    assert both["meetings"]["edges"] == shared
    assert both["meetings"]["totalCount"] == len(shared) > 0
    strangers = await api.data(MEETINGS, who=[HUB, STRANGER])
    assert strangers["meetings"]["totalCount"] == 0
