"""The aggregates of one actor's meetings and of the articles naming one actor, and the meetings of
two actors, are read from the tallies and pairs the writes keep (not from every meeting or
article of a hub), and answer what counting the meetings and articles themselves answers."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsgraph.graph import Graph, count_round_trips
from newsgraph.graph.cypher import Statement
from newsgraph.ingest.write.writer import ArticleWriter
from newsgraph.schema.relay import decode_cursor, decode_global_id
from tests.helpers.api import Api
from tests.helpers.factories import article, corpus, meeting

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


TIMELINE = """query($who: String!, $n: Int, $after: String, $from: Date, $to: Date) {
  timeline(actor: $who, first: $n, after: $after, from: $from, to: $to) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor }
  }
}"""
# Every item of one actor's timeline with its sort key, read without the tallies.
EVERY_ITEM = Statement(
    "TEST_EVERY_TIMELINE_ITEM",
    """
    MATCH (a:Actor {id: $actor})
    CALL {
      WITH a MATCH (a)-[:PARTICIPATED_IN]->(x:Meeting) RETURN x, 'Meeting' AS kind
      UNION ALL
      WITH a MATCH (a)-[:SAID]->(x:Statement) RETURN x, 'Statement' AS kind
      UNION ALL
      WITH a MATCH (a)<-[:MENTIONS]-(x:Article) RETURN x, 'Article' AS kind
    }
    RETURN coalesce(x.day, '9999') + '|' + kind + '|' + x.id AS key, x.day AS day
    """,
    {"actor": "a"},
    False,
)


async def _timeline_walk(api: Api, size: int, **variables: Any) -> tuple[list[str], set[int]]:
    keys: list[str] = []
    totals: set[int] = set()
    after = None
    while True:
        data = await api.data(TIMELINE, who=HUB, n=size, after=after, **variables)
        page = data["timeline"]
        totals.add(page["totalCount"])
        keys += [str(decode_cursor(edge["cursor"])) for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return keys, totals
        after = page["pageInfo"]["endCursor"]


async def test_a_hubs_timeline_read_month_by_month_pages_as_sorting_all_its_items_does(
    api: Api, written: Graph
) -> None:
    # An undated meeting and mention too: their month is tallied as '', read after every date.
    await ArticleWriter(written.store).write(
        article(
            "Undated talks",
            published=None,
            people=[HUB, STRANGER],
            mentions=[HUB],
            meetings=[meeting(HUB, STRANGER, date=None)],
        )
    )
    found = await api.data("query($who: String!) { actor(name: $who) { id } }", who=HUB)
    _, hub = decode_global_id(found["actor"]["id"])
    rows = await written.store.read(EVERY_ITEM, {"actor": hub})
    every = sorted(str(row["key"]) for row in rows)
    assert sum(key.startswith("9999|") for key in every) == 2
    months = {key[:7] for key in every}
    assert len(months) > 12
    with count_round_trips() as trips:
        keys, totals = await _timeline_walk(api, 7)
    # With no date range, the total comes with the months: no item is counted.
    assert {"TIMELINE_MONTHS", "TIMELINE_PAGE"} <= set(trips.statements)
    assert "TIMELINE_COUNT" not in trips.statements
    assert keys == every
    assert totals == {len(every)}
    # Ranges that cut months, and one that holds a single day.
    for start, end in (
        ("2024-03-15", "2024-09-10"),
        ("2025-02-01", None),
        (None, "2024-05-31"),
        ("2024-06-10", "2024-06-10"),
    ):
        wanted = [
            key
            for key in every
            if not key.startswith("9999|")
            and (start is None or key[:10] >= start)
            and (end is None or key[:10] <= end)
        ]
        for size in (3, 20):
            keys, totals = await _timeline_walk(api, size, **{"from": start, "to": end})
            assert keys == wanted, (start, end, size)
            assert totals == {len(wanted)}, (start, end, size)


async def test_a_hubs_busy_month_is_read_by_days_and_pages_as_sorting_all_its_items_does(
    api: Api, written: Graph
) -> None:
    # Three articles a day naming the hub through March (read from a window of its first days)
    # and an April with two on the 1st and sixty on the 30th (its first days hold too few: the
    # page is read again through the month).
    march = [dt.date(2024, 3, 1) + dt.timedelta(days=i // 3) for i in range(93)]
    april = [dt.date(2024, 4, 1)] * 2 + [dt.date(2024, 4, 30)] * 60
    writer = ArticleWriter(written.store)
    await writer.write_batch(
        [
            article(f"Busy day {i}", published=day, people=[HUB], mentions=[HUB])
            for i, day in enumerate(march + april)
        ]
    )
    found = await api.data("query($who: String!) { actor(name: $who) { id } }", who=HUB)
    _, hub = decode_global_id(found["actor"]["id"])
    every = sorted(str(row["key"]) for row in await written.store.read(EVERY_ITEM, {"actor": hub}))
    for start in ("2024-03-01", "2024-03-20", "2024-04-01"):
        wanted = [key for key in every if key[:10] >= start]
        for size in (3, 10):
            with count_round_trips() as trips:
                keys, totals = await _timeline_walk(api, size, **{"from": start})
            assert keys == wanted, (start, size)
            assert totals == {len(wanted)}, (start, size)
            assert "TIMELINE_PAGE_WINDOWED" in trips.statements, (start, size)
            # April's first days hold too few of its articles: read again by month.
            assert "TIMELINE_PAGE" in trips.statements, (start, size)
