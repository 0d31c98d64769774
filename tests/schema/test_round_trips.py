"""No N+1: the graph calls of a nested query do not grow with the number of items."""

from __future__ import annotations

import datetime as dt

from newsgraph.graph import Graph, count_round_trips
from newsgraph.ingest.model import (
    ExtractedArticle,
)
from newsgraph.ingest.write.writer import ArticleWriter
from tests.helpers.api import Api
from tests.helpers.factories import article, meeting, said

NESTED = """query($n: Int!) { actors(first: $n, filter: {kind: PERSON}) { edges { node {
  name
  meetings(first: 5) { edges { node { title
    participants { role actor { name
      statements(first: 3) { totalCount edges { node { text reports { excerpt } } } } } } } } }
} } } }"""


def _article(i: int) -> ExtractedArticle:
    host, guest = f"Host {i:02d}", f"Guest {i:02d}"
    day = dt.date(2025, 1, 1) + dt.timedelta(days=i)
    return article(
        f"Meeting {i}",
        body=f"{host} met {guest}.",
        published=day,
        people=[host, guest],
        mentions=[host, guest],
        meetings=[
            meeting(host, guest, date=day, roles={guest: "guest"}, excerpt=f"{host} met {guest}.")
        ],
        statements=[
            said(host, f"Statement {i} by the host.", date=day, excerpt="x"),
            said(guest, f"Words {i} of the guest.", date=day, excerpt="y"),
        ],
    )


# The graph version, which the API reads at most once a second for its response cache and
# ETags (api/caching.py), is the server's call, not the resolvers' counted here.
VERSION = "GRAPH_VERSION"


async def _trips(api: Api, n: int) -> tuple[int, int, list[str]]:
    with count_round_trips() as trips:
        data = await api.data(NESTED, n=n)
    edges = data["actors"]["edges"]
    statements = [name for name in trips.statements if name != VERSION]
    return len(statements), len(edges), statements


async def test_a_nested_query_makes_as_many_graph_calls_for_50_items_as_for_1(
    api: Api, graph: Graph
) -> None:
    writer = ArticleWriter(graph.store)
    for i in range(50):
        await writer.write(_article(i))
    one, got_one, statements_one = await _trips(api, 1)
    fifty, got_fifty, statements_fifty = await _trips(api, 50)
    assert (got_one, got_fifty) == (1, 50)
    assert fifty == one, (statements_one, statements_fifty)
    # Bounded by the depth of the query: one call per level, plus the page's total.
    assert one <= 10, statements_one


# What each entry point asks the graph: lookups that come back in one statement are not asked
# again (a name lookup answers the actor; pages, search and timelines answer their nodes), and
# lookups made together share one call.
SHAPES = {
    "actor by name, shown with a page of its meetings": (
        """{ actor(name: "host 01") { name kind
             meetings(first: 5) { totalCount edges { node { title date } } } } }""",
        ["ACTORS_BY_NAME", "ACTOR_MEETINGS"],
    ),
    "meetings of two participants": (
        """{ meetings(filter: {participants: ["Host 01", "Guest 01"]}) {
             edges { node { title date } } } }""",
        ["ACTORS_BY_NAME", "MEETING_PAGE_PAIR_DESC"],
    ),
    "a page of articles": (
        "{ articles(first: 3) { edges { node { title publisher publishedOn } } } }",
        ["ARTICLE_PAGE_DESC"],
    ),
    "statements of a speaker": (
        """{ statements(filter: {speaker: "Host 02"}) {
             edges { node { text date speaker { name } } } } }""",
        ["ACTORS_BY_NAME", "STATEMENT_PAGE_BY_DESC"],
    ),
    "a timeline": (
        """{ timeline(actor: "Host 03") { edges { node { __typename
             ... on Meeting { title } ... on Statement { text } ... on Article { title } } } } }""",
        # The months first, so the page reads only those that can hold it.
        ["ACTORS_BY_NAME", "TIMELINE_MONTHS", "TIMELINE_PAGE"],
    ),
    "search": (
        """{ search(query: "statement", types: [STATEMENT, ARTICLE]) { node { __typename
             ... on Statement { text } ... on Article { title } } } }""",
        ["SEARCH_ARTICLES", "SEARCH_STATEMENTS"],
    ),
    "a path's two ends": (
        '{ path(from: "Host 04", to: "Guest 04") { length nodes { __typename } } }',
        # (they met: the two-step path is found before the general search)
        ["ACTORS_BY_NAME", "PATH_OF_1_STEP", "PATH_OF_2_STEPS", "MEETINGS_BY_ID"],
    ),
}


async def test_entry_points_ask_the_graph_once_per_level(api: Api, graph: Graph) -> None:
    writer = ArticleWriter(graph.store)
    for i in range(6):
        await writer.write(_article(i))
    for what, (document, expected) in SHAPES.items():
        with count_round_trips() as trips:
            data = await api.data(document)
        assert all(value for value in data.values()), (what, data)
        asked = [name for name in trips.statements if name != VERSION]
        assert sorted(asked) == sorted(expected), what


async def test_nodes_returned_beside_a_page_are_the_nodes_looked_up_by_id(
    api: Api, graph: Graph
) -> None:
    # The same objects whether they came with the page or from their own lookup.
    writer = ArticleWriter(graph.store)
    for i in range(4):
        await writer.write(_article(i))
    fields = "id title date mode status place participants { role actor { id name aliases } }"
    listed = await api.data(f"{{ meetings(first: 10) {{ edges {{ node {{ {fields} }} }} }} }}")
    nodes = [edge["node"] for edge in listed["meetings"]["edges"]]
    assert len(nodes) == 4
    for node in nodes:
        alone = await api.data(
            f'{{ node(id: "{node["id"]}") {{ ... on Meeting {{ {fields} }} }} }}'
        )
        assert alone["node"] == node
    said = (
        "id text date medium language speaker { id name } "
        "reports { excerpt article { id title publisher publishedOn } }"
    )
    page = await api.data(
        f'{{ actor(name: "Host 01") {{ statements(first: 5) {{ '
        f"edges {{ node {{ {said} }} }} }} }} }}"
    )
    [statement] = [edge["node"] for edge in page["actor"]["statements"]["edges"]]
    alone = await api.data(
        f'{{ node(id: "{statement["id"]}") {{ ... on Statement {{ {said} }} }} }}'
    )
    assert alone["node"] == statement
    assert statement["speaker"]["name"] == "Host 01"
