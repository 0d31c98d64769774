"""Aggregates over HTTP on a small known graph: meetingStats, statementStats, articleStats,
and the per-object counts (reportCount, meetingCount, statementCount, mentionCount).

The graph: four meetings, three statements and four articles, dated in January and March
2025 with a quiet February, one meeting and one article undated, two facts reported twice.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import httpx
import pytest

from newsgraph.graph import Graph, count_round_trips
from newsgraph.ingest.model import ExtractedArticle, MeetingMode, MeetingStatus
from newsgraph.ingest.write.writer import ArticleWriter
from tests.helpers.api import Api
from tests.helpers.factories import article, meeting, said

JAN_6, JAN_20, MAR_3 = dt.date(2025, 1, 6), dt.date(2025, 1, 20), dt.date(2025, 3, 3)
PEOPLE = ["Alice Arden", "Bob Brandt", "Carol Chen", "Dan Dorn"]


def _published(item: ExtractedArticle, publisher: str | None) -> ExtractedArticle:
    fact = item.article.model_copy(update={"publisher": publisher})
    return item.model_copy(update={"article": fact})


def _articles() -> list[ExtractedArticle]:
    call = meeting("Alice Arden", "Bob Brandt", date=JAN_6, mode=MeetingMode.PHONE)
    first_words = said(
        "Alice Arden",
        "We agreed on a ceasefire.",
        date=JAN_6,
        medium="post on X",
        topics=["ceasefire"],
    )
    return [
        _published(
            article(
                "Call",
                published=JAN_6,
                people=PEOPLE,
                mentions=["Alice Arden", "Bob Brandt"],
                topics=["ceasefire"],
                meetings=[call],
                statements=[first_words],
            ),
            "Wire",
        ),
        _published(
            article(
                "Summit",
                published=JAN_20,
                people=PEOPLE,
                mentions=["Alice Arden"],
                meetings=[
                    call,
                    meeting(
                        "Alice Arden",
                        "Bob Brandt",
                        "Carol Chen",
                        date=JAN_20,
                        mode=MeetingMode.IN_PERSON,
                    ),
                ],
                statements=[
                    first_words,
                    said(
                        "Alice Arden",
                        "Guarantees come first.",
                        date=JAN_20,
                        medium="interview",
                        topics=["ceasefire", "security guarantees"],
                    ),
                ],
            ),
            "Wire",
        ),
        _published(
            article(
                "Plans",
                published=MAR_3,
                people=PEOPLE,
                mentions=["Carol Chen"],
                meetings=[
                    meeting(
                        "Alice Arden",
                        "Carol Chen",
                        date=MAR_3,
                        mode=MeetingMode.VIDEO,
                        status=MeetingStatus.PLANNED,
                    ),
                    meeting("Bob Brandt", "Dan Dorn", date=None),
                ],
                statements=[said("Bob Brandt", "No comment.", date=MAR_3)],
            ),
            "Post",
        ),
        _published(article("Undated note", published=None, people=PEOPLE), None),
    ]


@pytest.fixture
async def known(graph: Graph) -> None:
    writer = ArticleWriter(graph.store)
    for item in _articles():
        await writer.write(item)


def _periods(rows: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return [(row["start"], row["count"]) for row in rows]


def _actors(rows: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return [(row["actor"]["name"], row["count"]) for row in rows]


async def test_meeting_stats_count_the_known_graph(api: Api, known: None) -> None:
    data = await api.data(
        """{ meetingStats { count byPeriod(interval: MONTH) { start count }
             byMode { mode count } byStatus { status count }
             topParticipants { actor { name } count }
             topPairs(first: 3) { actors { name } count } } }"""
    )
    stats = data["meetingStats"]
    assert stats["count"] == 4
    # February had no meeting: its period is there, with 0; the undated meeting is in none.
    assert _periods(stats["byPeriod"]) == [("2025-01-01", 2), ("2025-02-01", 0), ("2025-03-01", 1)]
    assert {(r["mode"], r["count"]) for r in stats["byMode"]} == {
        ("PHONE", 1),
        ("IN_PERSON", 1),
        ("VIDEO", 1),
        ("UNKNOWN", 1),
    }
    assert [(r["status"], r["count"]) for r in stats["byStatus"]] == [("HELD", 3), ("PLANNED", 1)]
    assert _actors(stats["topParticipants"]) == [
        ("Alice Arden", 3),
        ("Bob Brandt", 3),
        ("Carol Chen", 2),
        ("Dan Dorn", 1),
    ]
    pairs = [([a["name"] for a in r["actors"]], r["count"]) for r in stats["topPairs"]]
    assert pairs[:2] == [(["Alice Arden", "Bob Brandt"], 2), (["Alice Arden", "Carol Chen"], 2)]
    assert pairs[2][1] == 1 and len(pairs) == 3


@pytest.mark.parametrize(
    ("interval", "expected"),
    [
        ("YEAR", [("2025-01-01", 3)]),
        ("MONTH", [("2025-01-01", 2), ("2025-02-01", 0), ("2025-03-01", 1)]),
        # ISO weeks start on Monday; 6 January 2025 is one.
        (
            "WEEK",
            [("2025-01-06", 1), ("2025-01-13", 0), ("2025-01-20", 1)]
            + [(str(JAN_20 + dt.timedelta(weeks=w)), 0) for w in range(1, 6)]
            + [("2025-03-03", 1)],
        ),
    ],
)
async def test_every_interval_counts_in_its_own_periods(
    api: Api, known: None, interval: str, expected: list[tuple[str, int]]
) -> None:
    data = await api.data(
        "query($i: Interval!) { meetingStats { byPeriod(interval: $i) { start count } } }",
        i=interval,
    )
    assert _periods(data["meetingStats"]["byPeriod"]) == expected


async def test_days_include_every_empty_day_between_the_first_and_the_last(
    api: Api, known: None
) -> None:
    data = await api.data("{ statementStats { byPeriod(interval: DAY) { start count } } }")
    days = _periods(data["statementStats"]["byPeriod"])
    assert len(days) == (MAR_3 - JAN_6).days + 1
    assert [day for day in days if day[1]] == [
        ("2025-01-06", 1),
        ("2025-01-20", 1),
        ("2025-03-03", 1),
    ]
    assert days[1] == ("2025-01-07", 0)


async def test_weeks_start_on_monday_whatever_day_the_items_fall_on(api: Api, graph: Graph) -> None:
    # A Sunday and the Monday after it are two weeks; a Wednesday joins its Monday's.
    writer = ArticleWriter(graph.store)
    for day in (dt.date(2025, 1, 5), dt.date(2025, 1, 6), dt.date(2025, 1, 8)):
        await writer.write(article(f"On {day}", published=day))
    data = await api.data("{ articleStats { byPeriod(interval: WEEK) { start count } } }")
    assert _periods(data["articleStats"]["byPeriod"]) == [("2024-12-30", 1), ("2025-01-06", 2)]


async def test_meeting_stats_apply_the_filter_of_the_meetings_list(api: Api, known: None) -> None:
    filtered = await api.data(
        """{ meetingStats(filter: {participants: ["Carol Chen"]}) {
             count topParticipants { actor { name } count } byStatus { status count } } }"""
    )
    stats = filtered["meetingStats"]
    assert stats["count"] == 2
    assert _actors(stats["topParticipants"]) == [
        ("Alice Arden", 2),
        ("Carol Chen", 2),
        ("Bob Brandt", 1),
    ]
    assert [(r["status"], r["count"]) for r in stats["byStatus"]] == [("HELD", 1), ("PLANNED", 1)]
    # Every filter selects as many for the aggregate as for the list.
    filters = [
        {},
        {"participants": ["Alice Arden", "Bob Brandt"]},
        {"from": "2025-02-01"},
        {"to": "2025-01-31", "mode": "PHONE"},
        {"status": "PLANNED"},
    ]
    for f in filters:
        both = await api.data(
            "query($f: MeetingFilter) { meetingStats(filter: $f) { count "
            "byPeriod(interval: YEAR) { count } } meetings(filter: $f) { totalCount } }",
            f=f,
        )
        assert both["meetingStats"]["count"] == both["meetings"]["totalCount"], f
    march = await api.data(
        '{ meetingStats(filter: {from: "2025-02-01"}) { count byMode { mode count } } }'
    )
    assert march["meetingStats"] == {"count": 1, "byMode": [{"mode": "VIDEO", "count": 1}]}


async def test_statement_stats_count_speakers_topics_and_media(api: Api, known: None) -> None:
    data = await api.data(
        """{ statementStats { count topSpeakers { actor { name } count }
             byTopic { topic { name } count } byMedium { medium count } } }"""
    )
    stats = data["statementStats"]
    assert stats["count"] == 3
    assert _actors(stats["topSpeakers"]) == [("Alice Arden", 2), ("Bob Brandt", 1)]
    topics = {(r["topic"]["name"], r["count"]) for r in stats["byTopic"]}
    assert topics == {("ceasefire", 2), ("security guarantees", 1)}
    assert stats["byTopic"][0]["topic"]["name"] == "ceasefire"
    assert {(r["medium"], r["count"]) for r in stats["byMedium"]} == {
        ("post on X", 1),
        ("interview", 1),
        (None, 1),
    }
    by_speaker = await api.data(
        """{ statementStats(filter: {speaker: "Alice Arden", topic: "security guarantees"}) {
             count byMedium { medium count } } }"""
    )
    assert by_speaker["statementStats"] == {
        "count": 1,
        "byMedium": [{"medium": "interview", "count": 1}],
    }
    searched = await api.data(
        '{ statementStats(filter: {search: "ceasefire"}) { count topSpeakers { count } } }'
    )
    assert searched["statementStats"] == {"count": 1, "topSpeakers": [{"count": 1}]}


async def test_article_stats_count_periods_and_publishers(api: Api, known: None) -> None:
    data = await api.data(
        """{ articleStats { count byPeriod(interval: MONTH) { start count }
             byPublisher { actor { name } count } } }"""
    )
    stats = data["articleStats"]
    assert stats["count"] == 4
    assert _periods(stats["byPeriod"]) == [("2025-01-01", 2), ("2025-02-01", 0), ("2025-03-01", 1)]
    assert _actors(stats["byPublisher"]) == [("Wire", 2), ("Post", 1)]
    mentioning = await api.data(
        """{ articleStats(filter: {mentions: ["Alice Arden"], publisher: "Wire"}) {
             count byPublisher(first: 1) { actor { name } count } } }"""
    )
    assert mentioning["articleStats"] == {
        "count": 2,
        "byPublisher": [{"actor": {"name": "Wire"}, "count": 2}],
    }


async def test_aggregates_of_nothing_are_zero_and_empty(api: Api, known: None) -> None:
    data = await api.data(
        """{ meetingStats(filter: {from: "2030-01-01"}) { count byPeriod(interval: DAY) { start }
             byMode { count } topPairs { count } } }"""
    )
    assert data["meetingStats"] == {"count": 0, "byPeriod": [], "byMode": [], "topPairs": []}


def _resolvers(statements: list[str]) -> list[str]:
    # (the graph version the response cache reads is the server's call, not a resolver's)
    return [name for name in statements if name != "GRAPH_VERSION"]


async def test_each_selected_aggregate_is_one_graph_statement(api: Api, known: None) -> None:
    with count_round_trips() as trips:
        await api.data("{ meetingStats { count } }")
    # Nothing filters the list: its count is the label's.
    assert _resolvers(trips.statements) == ["MEETING_COUNT_ALL"]
    with count_round_trips() as trips:
        await api.data(
            """{ meetingStats { byPeriod(interval: WEEK) { count } byMode { count }
                 topParticipants { actor { name aliases } count } } }"""
        )
    # The participants come back with their nodes: nothing is looked up by id after.
    assert sorted(_resolvers(trips.statements)) == [
        "MEETING_PAGE_BY_MODE",
        "MEETING_PAGE_BY_WEEK",
        "MEETING_PAGE_TOP_PARTICIPANTS",
    ]
    with count_round_trips() as trips:
        await api.data(
            '{ statementStats(filter: {speaker: "Bob Brandt"}) { count byTopic { count } } }'
        )
    assert sorted(_resolvers(trips.statements)) == [
        "ACTORS_BY_NAME",
        "STATEMENT_PAGE_BY_BY_TOPIC",
        "STATEMENT_PAGE_BY_COUNT",
    ]


async def test_too_many_periods_are_refused_with_what_to_do(api: Api, graph: Graph) -> None:
    writer = ArticleWriter(graph.store)
    for day in (dt.date(2001, 1, 1), dt.date(2025, 1, 1)):
        await writer.write(article(f"On {day}", published=day))
    body = await api.query("{ articleStats { count byPeriod(interval: DAY) { count } } }")
    [error] = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "articleStats.byPeriod" in error["message"]
    assert "8,767 periods" in error["message"] and "longer interval" in error["message"]
    years = await api.data("{ articleStats { byPeriod(interval: YEAR) { count } } }")
    assert len(years["articleStats"]["byPeriod"]) == 25


async def test_a_ranked_aggregate_takes_at_most_100(api: Api, known: None) -> None:
    body = await api.query("{ statementStats { topSpeakers(first: 101) { count } } }")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "`first` must be between 0 and 100" in body["errors"][0]["message"]


# --- per-object counts -------------------------------------------------------------------------

_CALLS = re.compile(r'desc="(\d+) calls?"')


async def _graph_calls(api: Api, document: str) -> tuple[dict[str, Any], int]:
    # The calls the Server-Timing header reports, less the graph-version read the response
    # cache makes at most once a second (the server's call, not the resolvers').
    with count_round_trips() as trips:
        response: httpx.Response = await api.http.post("/graphql", json={"query": document})
    found = _CALLS.search(response.headers["server-timing"])
    assert found, response.headers["server-timing"]
    body = response.json()
    assert "errors" not in body, body["errors"]
    version_reads = len(trips.statements) - len(_resolvers(trips.statements))
    return body["data"], int(found[1]) - version_reads


async def test_objects_count_their_reports_meetings_statements_and_mentions(
    api: Api, known: None
) -> None:
    data = await api.data(
        """{ actors(first: 10, filter: {kind: PERSON}) { edges { node {
               name meetingCount statementCount mentionCount
               meetings { totalCount } statements { totalCount } mentionedIn { totalCount } } } }
             meetings(first: 10) { edges { node { date reportCount reports { excerpt } } } }
             statements(first: 10) { edges { node { text reportCount reports { excerpt } } } } }"""
    )
    counts = {
        edge["node"]["name"]: (
            edge["node"]["meetingCount"],
            edge["node"]["statementCount"],
            edge["node"]["mentionCount"],
        )
        for edge in data["actors"]["edges"]
    }
    assert counts == {
        "Alice Arden": (3, 2, 2),
        "Bob Brandt": (3, 1, 1),
        "Carol Chen": (2, 0, 1),
        "Dan Dorn": (1, 0, 0),
    }
    for edge in data["actors"]["edges"]:
        node = edge["node"]
        assert node["meetingCount"] == node["meetings"]["totalCount"]
        assert node["statementCount"] == node["statements"]["totalCount"]
        assert node["mentionCount"] == node["mentionedIn"]["totalCount"]
    for kind in ("meetings", "statements"):
        for edge in data[kind]["edges"]:
            assert edge["node"]["reportCount"] == len(edge["node"]["reports"])
    reported = {e["node"]["text"]: e["node"]["reportCount"] for e in data["statements"]["edges"]}
    assert reported["We agreed on a ceasefire."] == 2
    assert sorted(e["node"]["reportCount"] for e in data["meetings"]["edges"]) == [1, 1, 1, 2]


async def test_per_object_counts_take_as_many_graph_calls_for_many_objects_as_for_one(
    api: Api, known: None
) -> None:
    document = """{{ actors(first: {n}) {{ edges {{ node {{ name meetingCount statementCount
                     mentionCount }} }} }}
                   meetings(first: {n}) {{ edges {{ node {{ reportCount }} }} }}
                   statements(first: {n}) {{ edges {{ node {{ reportCount }} }} }} }}"""
    one, calls_one = await _graph_calls(api, document.format(n=1))
    many, calls_many = await _graph_calls(api, document.format(n=10))
    assert len(one["actors"]["edges"]) == 1 and len(many["actors"]["edges"]) > 4
    assert len(many["meetings"]["edges"]) == 4
    # Three pages, three actor counts, two report counts: whatever the number of objects.
    assert calls_one == calls_many == 8
