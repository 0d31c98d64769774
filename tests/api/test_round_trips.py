"""No N+1: the graph calls of a nested query do not grow with the number of items."""

from __future__ import annotations

import datetime as dt

from newsgraph.graph import Graph, count_round_trips
from newsgraph.loaders.model import (
    ActorFact,
    ActorKind,
    ArticleFact,
    ExtractedArticle,
    MeetingFact,
    Participant,
    StatementFact,
)
from newsgraph.loaders.writer import ArticleWriter
from tests.api.conftest import Api

NESTED = """query($n: Int!) { actors(first: $n, filter: {kind: PERSON}) { edges { node {
  name
  meetings(first: 5) { edges { node { title
    participants { role actor { name
      statements(first: 3) { totalCount edges { node { text reports { excerpt } } } } } } } } }
} } } }"""


def _article(i: int) -> ExtractedArticle:
    host, guest = f"Host {i:02d}", f"Guest {i:02d}"
    day = dt.date(2025, 1, 1) + dt.timedelta(days=i)
    return ExtractedArticle(
        article=ArticleFact(title=f"Meeting {i}", body=f"{host} met {guest}.", published_on=day),
        actors=[
            ActorFact(name=host, kind=ActorKind.PERSON),
            ActorFact(name=guest, kind=ActorKind.PERSON),
        ],
        mentions=[host, guest],
        meetings=[
            MeetingFact(
                participants=[Participant(actor=host), Participant(actor=guest, role="guest")],
                date=day,
                excerpt=f"{host} met {guest}.",
            )
        ],
        statements=[
            StatementFact(speaker=host, text=f"Statement {i} by the host.", date=day, excerpt="x"),
            StatementFact(speaker=guest, text=f"Words {i} of the guest.", date=day, excerpt="y"),
        ],
    )


async def _trips(api: Api, n: int) -> tuple[int, int, list[str]]:
    with count_round_trips() as trips:
        data = await api.data(NESTED, n=n)
    edges = data["actors"]["edges"]
    return trips.count, len(edges), trips.statements


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
