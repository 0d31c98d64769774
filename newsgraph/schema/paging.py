"""Paging: how every connection of the API is built from the graph's rows.

A page's rows come from the graph layer with their sort keys (``sk``, what a cursor holds)
and their nodes; the nodes fill the by-id DataLoader, so turning the rows into objects asks the
graph nothing more. Three sources of rows, one way to a ``Connection``:

- ``listing_connection``: a root list (``articles``, ``meetings``, ...), a ``reads.Listing``;
- ``owner_connection``: a list of one owner (an actor's meetings, ...), through a batching
  loader that pages many owners in one call;
- ``connection``: rows already fetched (the timeline's).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from graphql import FieldNode, FragmentSpreadNode, InlineFragmentNode, SelectionNode
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from newsgraph.graph.reads import Listing, OwnerPage, OwnerPageKey
from newsgraph.graph.rows import MeetingCriteria, PageRow, StatementCriteria
from newsgraph.schema.relay import (
    Connection,
    Edge,
    PageInfo,
    decode_cursor,
    encode_cursor,
    page_size,
)

__all__ = [
    "connection",
    "listing_connection",
    "load_nodes",
    "owner_connection",
    "primed",
    "wants_total",
]

T = TypeVar("T")
Row = Mapping[str, Any]
Build = Callable[[dict[str, Any]], T]
NodeLoader = DataLoader[str, Any]


class _Total(Protocol):
    def __call__(self) -> Awaitable[int]: ...


async def primed(loader: NodeLoader, rows: Sequence[Row], key: str) -> list[Any]:
    """The nodes a lookup returned beside its rows (under ``node``, their ids under ``key``):
    they fill the loader's cache, so nothing is looked up by id a second time."""
    for row in rows:
        if row.get("node") is not None:
            loader.prime(row[key], row["node"])
    return list(await loader.load_many([row[key] for row in rows]))


async def load_nodes(loader: NodeLoader, ids: Iterable[str], build: Build[T]) -> list[T]:
    """The objects of ``ids`` through a batching loader, the unknown ones left out."""
    rows = await loader.load_many(list(ids))
    return [build(row) for row in rows if row is not None]


def _names_total(selections: Iterable[SelectionNode], info: Info[Any, Any]) -> bool:
    fragments = info._raw_info.fragments
    for node in selections:
        if isinstance(node, FieldNode):
            if node.name.value == "totalCount":
                return True
            continue
        if isinstance(node, InlineFragmentNode):
            inner = node.selection_set
        elif isinstance(node, FragmentSpreadNode) and node.name.value in fragments:
            inner = fragments[node.name.value].selection_set
        else:
            continue
        if inner is not None and _names_total(inner.selections, info):
            return True
    return False


def wants_total(info: Info[Any, Any]) -> bool:
    """Whether the connection a resolver answers has `totalCount` selected (directly or in a
    fragment; a skipped or included one counts as selected). Counting reads the whole list,
    so a list nobody asked the total of is not counted. Only the connection's own selection
    is read (from the query's syntax tree: ``info.selected_fields`` would convert the whole
    subtree below it, on every call)."""
    for field_node in info._raw_info.field_nodes:
        selection = field_node.selection_set
        if selection is not None and _names_total(selection.selections, info):
            return True
    return False


def connection(edges: list[Edge[T]], more: bool, after: str | None, total: _Total) -> Connection[T]:
    """A page of edges as a connection; ``after`` is the decoded cursor it was asked with."""
    info = PageInfo(
        has_next_page=more,
        has_previous_page=after is not None,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=info, total=total)


async def _edges(loader: NodeLoader, rows: Sequence[PageRow], build: Build[T]) -> list[Edge[T]]:
    nodes = await primed(loader, rows, "id")
    return [
        Edge(cursor=encode_cursor(row["sk"]), node=build(node))
        for row, node in zip(rows, nodes, strict=True)
        if node is not None
    ]


async def listing_connection(
    listing: Listing,
    loader: NodeLoader,
    build: Build[T],
    first: int | None,
    after: str | None,
) -> Connection[T]:
    """A page of a root list; its total is counted only if a client asks for it."""
    size = page_size(first)
    cursor = decode_cursor(after)
    rows, more = await listing.page(cursor, size)
    return connection(await _edges(loader, rows, build), more, cursor, listing.total)


OwnerLoader = DataLoader[OwnerPageKey, OwnerPage]


async def owner_connection(
    pages: OwnerLoader,
    owner: str,
    loader: NodeLoader,
    build: Build[T],
    first: int | None,
    after: str | None,
    criteria: MeetingCriteria | StatementCriteria | None = None,
    counted: bool = True,
) -> Connection[T]:
    """A page of one owner's list through a batching loader; its total comes with it when
    ``counted`` (the client selected `totalCount`), else it is read only if asked after all."""
    size = page_size(first)
    cursor = decode_cursor(after)
    found = await pages.load(OwnerPageKey(owner, cursor, size + 1, criteria, counted))
    rows = found["rows"]

    async def count() -> int:
        total = found["total"]
        if total is None:
            counted_page = await pages.load(OwnerPageKey(owner, cursor, size + 1, criteria))
            total = counted_page["total"]
        return int(total or 0)

    return connection(await _edges(loader, rows[:size], build), len(rows) > size, cursor, count)
