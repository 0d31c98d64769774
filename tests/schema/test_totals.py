"""Totals are read as cheaply as the question allows: an owner's list (an actor's statements,
a topic's articles, ...) counts its whole list only when the client selects `totalCount` (the
count reads every item, the page does not), and a root list nothing filters is counted from
its label's count."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.graph import Graph, count_round_trips
from newsgraph.ingest.model import ExtractedArticle
from newsgraph.ingest.write.writer import ArticleWriter
from tests.helpers.api import Api
from tests.helpers.factories import article, meeting, said

VERSION = "GRAPH_VERSION"
WORDS = [
    "Sanctions must stay until the troops leave.",
    "We expect the grain corridor to reopen by spring.",
    "No talks will happen without our partners present.",
    "Air defence remains our first request.",
]


def _article(i: int) -> ExtractedArticle:
    day = dt.date(2025, 3, 1) + dt.timedelta(days=i)
    return article(
        f"Article {i}",
        body=f"Host said {i}.",
        published=day,
        people=["Host", f"Guest {i}"],
        mentions=["Host"],
        meetings=[meeting("Host", f"Guest {i}", date=day, excerpt=f"Host met Guest {i}.")],
        statements=[said("Host", WORDS[i], date=day, excerpt=f"said {i}")],
    )


async def _asked(api: Api, document: str) -> tuple[dict[str, object], list[str]]:
    with count_round_trips() as trips:
        data = await api.data(document)
    return data, [name for name in trips.statements if name != VERSION]


@pytest.fixture
async def written(graph: Graph) -> Graph:
    writer = ArticleWriter(graph.store)
    for i in range(len(WORDS)):
        await writer.write(_article(i))
    return graph


@pytest.mark.parametrize(
    ("field", "statement"),
    [
        # An unfiltered list of statements is read by its plain twin, which counts the
        # speaker's statements by its degree, not by reading them, and pages by index.
        ("statements", "ACTOR_STATEMENTS_PLAIN"),
        ("meetings", "ACTOR_MEETINGS_UNCOUNTED"),
        ("mentionedIn", "ACTOR_ARTICLES_UNCOUNTED"),
    ],
)
async def test_an_actors_page_without_total_count_is_read_without_counting(
    api: Api, written: Graph, field: str, statement: str
) -> None:
    data, asked = await _asked(
        api, f'{{ actor(name: "Host") {{ {field}(first: 2) {{ edges {{ cursor }} }} }} }}'
    )
    assert len(data["actor"][field]["edges"]) == 2  # type: ignore[index]
    assert asked == ["ACTORS_BY_NAME", statement]


async def test_an_actors_page_with_total_count_is_counted_in_the_same_call(
    api: Api, written: Graph
) -> None:
    data, asked = await _asked(
        api, '{ actor(name: "Host") { statements(first: 2) { totalCount edges { cursor } } } }'
    )
    assert data["actor"]["statements"]["totalCount"] == len(WORDS)  # type: ignore[index]
    assert asked == ["ACTORS_BY_NAME", "ACTOR_STATEMENTS_PLAIN"]


async def test_a_filtered_list_of_statements_is_counted_by_reading_what_it_selects(
    api: Api, written: Graph
) -> None:
    data, asked = await _asked(
        api,
        """{ actor(name: "Host") { statements(first: 1, filter: {from: "2025-03-03"}) {
             totalCount edges { node { date } } } } }""",
    )
    page = data["actor"]["statements"]  # type: ignore[index]
    assert page["totalCount"] == 2
    assert page["edges"] == [{"node": {"date": "2025-03-04"}}]
    assert asked == ["ACTORS_BY_NAME", "ACTOR_STATEMENTS"]


async def test_a_total_count_asked_in_a_fragment_is_counted(api: Api, written: Graph) -> None:
    document = """
    fragment Counted on StatementConnection { totalCount }
    { actor(name: "Host") {
        statements(first: 1) { ...Counted edges { cursor } }
        meetings(first: 1) { ... on MeetingConnection { totalCount } } } }"""
    data, asked = await _asked(api, document)
    actor = data["actor"]
    assert actor["statements"]["totalCount"] == len(WORDS)  # type: ignore[index]
    assert actor["meetings"]["totalCount"] == len(WORDS)  # type: ignore[index]
    assert sorted(asked) == ["ACTORS_BY_NAME", "ACTOR_MEETINGS", "ACTOR_STATEMENTS_PLAIN"]


async def test_pages_with_and_without_total_give_the_same_items(api: Api, written: Graph) -> None:
    plain = await api.data('{ actor(name: "Host") { statements(first: 3) { edges { cursor } } } }')
    counted = await api.data(
        '{ actor(name: "Host") { statements(first: 3) { totalCount edges { cursor } } } }'
    )
    assert plain["actor"]["statements"]["edges"] == counted["actor"]["statements"]["edges"]


@pytest.mark.parametrize(
    ("root", "label"),
    [("articles", "ARTICLE"), ("meetings", "MEETING"), ("statements", "STATEMENT")],
)
async def test_a_root_list_without_a_filter_is_counted_from_its_label(
    api: Api, written: Graph, root: str, label: str
) -> None:
    data, asked = await _asked(api, f"{{ {root}(first: 1) {{ totalCount }} }}")
    assert data[root]["totalCount"] == len(WORDS)  # type: ignore[index]
    assert asked == [f"{label}_PAGE_DESC", f"{label}_COUNT_ALL"]


@pytest.mark.parametrize(
    ("root", "filter", "label"),
    [
        ("articles", '{from: "2025-03-02"}', "ARTICLE_PAGE"),
        ("meetings", '{to: "2025-03-02"}', "MEETING_PAGE"),
        ("statements", "{minConfidence: 0}", "STATEMENT_PAGE"),
    ],
)
async def test_a_filtered_root_list_counts_what_its_filter_selects(
    api: Api, written: Graph, root: str, filter: str, label: str
) -> None:
    data, asked = await _asked(api, f"{{ {root}(first: 1, filter: {filter}) {{ totalCount }} }}")
    expected = {"articles": 3, "meetings": 2, "statements": len(WORDS)}[root]
    assert data[root]["totalCount"] == expected  # type: ignore[index]
    assert asked == [f"{label}_DESC", f"{label}_COUNT"]
