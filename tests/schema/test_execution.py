"""How the executor spends its time on a page: an item's lists that the page loaded already
are answered without an await of their own."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, ClassVar

from graphql import GraphQLResolveInfo
from strawberry.extensions import SchemaExtension

from newsgraph.graph import Graph, count_round_trips
from newsgraph.ingest.write.writer import ArticleWriter
from newsgraph.schema import Context, build_schema
from tests.helpers.api import Api
from tests.schema.test_round_trips import _article

PAGE = """{ meetings(first: 12) { edges { node { title
  participants { role actor { name } }
  reports { excerpt article { title } } } } } }"""


class _Awaited(SchemaExtension):
    """Notes, for every field resolved, whether its resolver answered something to await."""

    seen: ClassVar[list[tuple[str, bool]]] = []

    def resolve(
        self, _next: Callable[..., Any], root: Any, info: GraphQLResolveInfo, *args: Any, **kw: Any
    ) -> Any:
        result = _next(root, info, *args, **kw)
        self.seen.append((info.field_name, inspect.isawaitable(result)))
        return result


async def _seed(graph: Graph, n: int) -> None:
    writer = ArticleWriter(graph.store)
    for i in range(n):
        await writer.write(_article(i))


async def test_a_page_answers_its_items_participants_and_reports_without_an_await_each(
    graph: Graph,
) -> None:
    await _seed(graph, 12)
    schema = build_schema(serving=[_Awaited])
    _Awaited.seen.clear()
    result = await schema.execute(PAGE, context_value=Context.build(graph.store))
    assert result.errors is None and result.data is not None, result.errors
    nodes = [edge["node"] for edge in result.data["meetings"]["edges"]]
    assert len(nodes) == 12
    assert all(node["participants"] and node["reports"] for node in nodes), nodes
    lists = [awaited for name, awaited in _Awaited.seen if name in ("participants", "reports")]
    assert lists == [False] * 24, _Awaited.seen


async def test_an_items_list_under_skip_or_include_is_still_answered_right(
    api: Api, graph: Graph
) -> None:
    await _seed(graph, 3)
    document = """query($show: Boolean!) { meetings(first: 3) { edges { node { title
      participants @include(if: $show) { actor { name } }
      reports @skip(if: $show) { excerpt } } } } }"""
    shown = await api.data(document, show=True)
    hidden = await api.data(document, show=False)
    for node in (edge["node"] for edge in shown["meetings"]["edges"]):
        assert node["participants"] and "reports" not in node
    for node in (edge["node"] for edge in hidden["meetings"]["edges"]):
        assert node["reports"] and "participants" not in node


async def test_a_page_loads_its_items_lists_in_one_call_each(api: Api, graph: Graph) -> None:
    await _seed(graph, 12)
    with count_round_trips() as trips:
        await api.data(PAGE)
    names = [name for name in trips.statements if name != "GRAPH_VERSION"]
    assert names.count("PARTICIPANTS_BY_MEETING") == 1, names
    assert names.count("REPORTS_OF_MEETINGS") == 1, names
