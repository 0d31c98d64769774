"""Every date the API accepts, 0001-01-01 to 9999-12-31, filters and sorts exactly on every list.

FalkorDB 4.16 compares `date` values through a difference truncated to 32 bits: dates more than
about 68 years apart compared at random there (`articles(filter: {from: "1950-01-01"})` found
nothing, `from: "2100-01-01"` found everything, min() and max() picked the wrong meeting), and
it writes years below 1000 without leading zeros ('999-03-04'), which sorted such dates after
'2025-...' in the cursors' sort keys. The graph keeps an exact day number beside each date for
filters and order; these tests hold the API to it, over HTTP, across the centuries, on a graph
written now and on one written before the day numbers existed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from newsgraph.api import create_app
from newsgraph.graph import Graph
from newsgraph.graph.cypher import Statement
from newsgraph.graph.maintenance import dump
from newsgraph.ingest.model import (
    ExtractedArticle,
)
from newsgraph.ingest.write.writer import ArticleWriter
from newsgraph.settings import Settings
from tests.helpers.api import Api
from tests.helpers.factories import article, meeting, said

DAYS = [
    dt.date(1, 1, 1),
    dt.date(1066, 10, 14),
    dt.date(1950, 1, 1),
    dt.date(1990, 6, 30),
    dt.date(2025, 8, 23),
    dt.date(2100, 1, 1),
    dt.date(9999, 12, 31),
]
ISO = [day.isoformat() for day in DAYS]
# Written in this order, not by date: each write compares its meeting's day with the first and
# last day the MET edge already holds.
WRITE_ORDER = (4, 0, 6, 2, 5, 1, 3)
# Far apart, so the loader takes none for another report of the same statement.
WORDS = [
    "Sanctions must stay until the troops leave.",
    "We expect the grain corridor to reopen by spring.",
    "No talks will happen without our partners present.",
    "Air defence remains our first request.",
    "The reconstruction conference is set for June.",
    "Prisoner exchanges continue every month.",
    "Energy exports resume after the repairs.",
    "Our borders are not for sale to anyone.",
]
UNDATED = 7  # the index of the undated article, and of its statement's words
KEY = "dates-test-key"


def _dated_article(i: int) -> ExtractedArticle:
    """An article of day i: Host meets Partner and Guest i that day and says something; it
    also reports the undated meeting of Host and Envoy."""
    day = DAYS[i]
    return article(
        f"Report {i}",
        url=f"https://example.org/report-{i}",
        body=f"Host met Partner and Guest {i}. Host said: {WORDS[i]}",
        published=day,
        people=("Host", "Partner", f"Guest {i}", "Envoy"),
        mentions=["Host"],
        topics=["ceasefire"],
        meetings=[
            meeting(
                "Host",
                "Partner",
                f"Guest {i}",
                date=day,
                excerpt=f"Host met Partner and Guest {i}.",
                topics=["ceasefire"],
            ),
            meeting(
                "Host", "Envoy", date=None, excerpt="Host has met Envoy.", topics=["ceasefire"]
            ),
        ],
        statements=[said("Host", WORDS[i], date=day, topics=["ceasefire"])],
    )


def _undated_article() -> ExtractedArticle:
    return article(
        "Undated report",
        url="https://example.org/undated",
        body=f"Host said: {WORDS[UNDATED]}",
        published=None,
        people=("Host",),
        mentions=["Host"],
        topics=["ceasefire"],
        statements=[said("Host", WORDS[UNDATED], date=None, topics=["ceasefire"])],
    )


async def _write_all(graph: Graph) -> None:
    writer = ArticleWriter(graph.store)
    for i in WRITE_ORDER:
        await writer.write(_dated_article(i))
    await writer.write(_undated_article())


# What a list should answer: the dated items' days, in order; undated items apart.


def _expected(start: str | None, end: str | None, ascending: bool) -> list[str]:
    days = [d for d in ISO if (start is None or d >= start) and (end is None or d <= end)]
    return days if ascending else days[::-1]


_BOUNDS = [
    pytest.param(lambda d: (d, None), id="from"),
    pytest.param(lambda d: (None, d), id="to"),
    pytest.param(lambda d: (d, d), id="from-and-to"),
]

# Each list: its query, where its connection is in the answer, and its nodes' date field.
_ROOT_LISTS = {
    "articles": "publishedOn",
    "meetings": "date",
    "statements": "date",
}


async def _walk(
    api: Api, document: str, path: list[str | int], field: str, size: int, **variables: Any
) -> tuple[list[str | None], int]:
    """The dates of a whole connection, page by page (`first: size`), and its totalCount."""
    days: list[str | None] = []
    after: str | None = None
    total = -1
    while True:
        data: Any = await api.data(document, after=after, first=size, **variables)
        for step in path:
            data = data[step]
        total = data["totalCount"]
        days += [edge["node"][field] for edge in data["edges"]]
        if not data["pageInfo"]["hasNextPage"]:
            return days, total
        after = data["pageInfo"]["endCursor"]


_PAGE = "totalCount pageInfo { hasNextPage endCursor } edges { node { %s } }"


async def _root_list(
    api: Api, name: str, start: str | None, end: str | None, order: str, size: int = 3
) -> tuple[list[str | None], int]:
    field = _ROOT_LISTS[name]
    document = f"""query($after: String, $first: Int, $from: Date, $to: Date) {{
        {name}(filter: {{from: $from, to: $to}}, orderBy: {order}, first: $first,
               after: $after) {{ {_PAGE % field} }} }}"""
    return await _walk(api, document, [name], field, size, **{"from": start, "to": end})


async def _check_root_lists(api: Api) -> None:
    for name in _ROOT_LISTS:
        for order, ascending in (("DATE_DESC", False), ("DATE_ASC", True)):
            whole, total = await _root_list(api, name, None, None, order, size=100)
            assert total == len(DAYS) + 1, name
            assert [d for d in whole if d is not None] == _expected(None, None, ascending)
            paged, _ = await _root_list(api, name, None, None, order)
            assert paged == whole, (name, order)
            for day in ISO:
                for start, end in ((day, None), (None, day), (day, day)):
                    found, total = await _root_list(api, name, start, end, order)
                    expected = _expected(start, end, ascending)
                    assert found == expected, (name, order, start, end)
                    assert total == len(expected), (name, order, start, end)


async def _check_owner_pages(api: Api) -> None:
    # Newest first; undated items first, as the sort key (date|id) orders them.
    newest_first = [None, *ISO[::-1]]
    for field, date in (
        ("meetings", "date"),
        ("statements", "date"),
        ("mentionedIn", "publishedOn"),
    ):
        document = f"""query($after: String, $first: Int) {{ actor(name: "Host") {{
            {field}(first: $first, after: $after) {{ {_PAGE % date} }} }} }}"""
        found, total = await _walk(api, document, ["actor", field], date, 3)
        assert found == newest_first, field
        assert total == len(newest_first), field
    for field in ("meetings", "statements"):
        document = f"""query($after: String, $first: Int, $from: Date, $to: Date) {{
            actor(name: "Host") {{ {field}(filter: {{from: $from, to: $to}}, first: $first,
            after: $after) {{ {_PAGE % "date"} }} }} }}"""
        for day in ISO:
            for start, end in ((day, None), (None, day), (day, day)):
                variables = {"from": start, "to": end}
                found, total = await _walk(api, document, ["actor", field], "date", 2, **variables)
                assert found == _expected(start, end, False), (field, start, end)
                assert total == len(found), (field, start, end)
    topics = await api.data("{ topics { id name } }")
    (topic,) = [t["id"] for t in topics["topics"] if t["name"] == "ceasefire"]
    for field, date in (("articles", "publishedOn"), ("meetings", "date"), ("statements", "date")):
        document = f"""query($id: ID!, $after: String, $first: Int) {{ node(id: $id) {{
            ... on Topic {{ {field}(first: $first, after: $after) {{ {_PAGE % date} }} }} }} }}"""
        found, total = await _walk(api, document, ["node", field], date, 3, id=topic)
        assert found == newest_first, field
        assert total == len(newest_first), field


_TIMELINE = """query($after: String, $first: Int, $from: Date, $to: Date) {
    timeline(actor: "Host", from: $from, to: $to, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { __typename ... on Meeting { day: date } ... on Statement { day: date }
                     ... on Article { day: publishedOn } } } } }"""


async def _check_timeline(api: Api) -> None:
    # Oldest first, an article, a meeting and a statement each day; undated items last.
    found, total = await _walk(api, _TIMELINE, ["timeline"], "day", 4)
    assert found == [d for d in ISO for _ in range(3)] + [None] * 3
    assert total == len(found)
    for day in ISO:
        for start, end in ((day, None), (None, day), (day, day)):
            variables = {"from": start, "to": end}
            found, total = await _walk(api, _TIMELINE, ["timeline"], "day", 4, **variables)
            assert found == [d for d in _expected(start, end, True) for _ in range(3)], (
                start,
                end,
            )
            assert total == len(found), (start, end)


async def _check_counterparts(api: Api) -> None:
    data = await api.data(
        '{ actor(name: "Host") { counterparts(first: 20) { actor { name } meetingCount '
        "firstMetOn lastMetOn } } }"
    )
    rows = [
        (c["actor"]["name"], c["meetingCount"], c["firstMetOn"], c["lastMetOn"])
        for c in data["actor"]["counterparts"]
    ]
    # Most meetings first, then the latest last meeting; undated meetings give no day.
    assert rows == [
        ("Partner", len(DAYS), ISO[0], ISO[-1]),
        *[(f"Guest {i}", 1, ISO[i], ISO[i]) for i in reversed(range(len(DAYS)))],
        ("Envoy", 1, None, None),
    ]


async def _check_reports(api: Api) -> None:
    # The undated meeting of Host and Envoy is reported by every dated article: oldest first.
    data = await api.data(
        '{ meetings(filter: {participants: ["Host", "Envoy"]}) { edges { node { date '
        "reports { article { publishedOn } } } } } }"
    )
    (edge,) = data["meetings"]["edges"]
    assert edge["node"]["date"] is None
    assert [r["article"]["publishedOn"] for r in edge["node"]["reports"]] == ISO


async def _check_everything(api: Api) -> None:
    await _check_root_lists(api)
    await _check_owner_pages(api)
    await _check_timeline(api)
    await _check_counterparts(api)
    await _check_reports(api)


async def test_the_probes_filters_find_the_articles_on_each_side_of_a_distant_day(
    api: Api, graph: Graph
) -> None:
    await _write_all(graph)
    query = "query($from: Date) { articles(filter: {from: $from}) { totalCount } }"
    for day, expected in (("1950-01-01", 5), ("2100-01-01", 2), ("0001-01-01", 7)):
        data = await api.data(query, **{"from": day})
        assert data["articles"]["totalCount"] == expected, day


async def test_lists_filter_and_sort_dates_across_the_centuries(api: Api, graph: Graph) -> None:
    await _write_all(graph)
    await _check_everything(api)


# A graph an earlier version wrote: no day numbers, no ISO days on articles and statements
# (meetings had theirs), and MET's first and last days as FalkorDB's min() and max() over dates
# left them (the 2100 meeting as the first, the 2025 one as the last).
_MAKE_OLD_STYLE = [
    Statement(
        "TEST_FORGET_DAY_NUMBERS",
        "MATCH (n) WHERE n:Article OR n:Meeting OR n:Statement SET n.day_number = null",
        {},
        write=True,
    ),
    Statement(
        "TEST_FORGET_DAYS",
        "MATCH (n) WHERE n:Article OR n:Statement SET n.day = null",
        {},
        write=True,
    ),
    Statement(
        "TEST_OLD_MET_DAYS",
        """
        MATCH (:Actor)-[met:MET]->(:Actor) WHERE met.first_on IS NOT NULL
        SET met.first_on = date('2100-01-01'), met.last_on = date('2025-08-23')
        """,
        {},
        write=True,
    ),
]


async def test_a_graph_written_before_day_numbers_answers_exactly_after_schema_set_up(
    api: Api, graph: Graph
) -> None:
    await _write_all(graph)
    written = await dump(graph.store)
    for statement in _MAKE_OLD_STYLE:
        await graph.store.write(statement)
    await graph.store.setup_schema()
    # Set-up gave back exactly what the writer stores, and a second one changes nothing.
    assert await dump(graph.store) == written
    await graph.store.setup_schema()
    assert await dump(graph.store) == written
    await _check_everything(api)


# The recounts of mutations take the first and last day from all of a pair's meetings.


@pytest.fixture
async def authed(graph: Graph) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(api_keys=KEY), graph=graph)  # type: ignore[arg-type]
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(
            transport=transport,
            base_url="http://t",
            headers={"Authorization": f"Bearer {KEY}"},
        ) as client:
            yield client


async def _send(client: httpx.AsyncClient, document: str, **variables: Any) -> dict[str, Any]:
    response = await client.post("/graphql", json={"query": document, "variables": variables})
    body: dict[str, Any] = response.json()
    assert "errors" not in body, body
    data: dict[str, Any] = body["data"]
    return data


_MET_PARTNER = """{ actor(name: "Partner") { id counterparts(first: 20) { actor { name }
    meetingCount firstMetOn lastMetOn } } }"""


def _met(data: dict[str, Any], name: str) -> tuple[int, str | None, str | None]:
    (row,) = [c for c in data["actor"]["counterparts"] if c["actor"]["name"] == name]
    return row["meetingCount"], row["firstMetOn"], row["lastMetOn"]


async def test_merging_actors_recounts_first_and_last_meetings_across_the_centuries(
    authed: httpx.AsyncClient, graph: Graph
) -> None:
    await _write_all(graph)
    before = await _send(authed, _MET_PARTNER)
    gone = await _send(authed, '{ actor(name: "Guest 3") { id } }')
    await _send(
        authed,
        """mutation($k: ID!, $m: ID!) { mergeActors(keep: $k, merge: $m) { __typename } }""",
        k=before["actor"]["id"],
        m=gone["actor"]["id"],
    )
    after = await _send(authed, _MET_PARTNER)
    assert _met(after, "Host") == (len(DAYS), ISO[0], ISO[-1])
    assert _met(after, "Guest 6") == (1, ISO[6], ISO[6])


async def test_deleting_an_article_recounts_first_and_last_meetings_across_the_centuries(
    authed: httpx.AsyncClient, graph: Graph
) -> None:
    await _write_all(graph)
    last = await _send(authed, '{ article(url: "https://example.org/report-6") { id } }')
    await _send(
        authed,
        "mutation($id: ID!) { deleteArticle(id: $id) { __typename } }",
        id=last["article"]["id"],
    )
    after = await _send(authed, _MET_PARTNER)
    # The 9999-12-31 meeting is gone with its only report: 2100-01-01 is the last now.
    assert _met(after, "Host") == (len(DAYS) - 1, ISO[0], ISO[5])
