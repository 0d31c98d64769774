"""The store protocol: the one way the rest of newsgraph talks to a graph."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Protocol

from newsgraph.graph.cypher import Statement
from newsgraph.graph.dialect import Dialect

__all__ = ["Record", "RoundTrips", "Store", "count_round_trips"]

Record = dict[str, Any]


class RoundTrips:
    """A counter of graph calls, for one request or one test."""

    def __init__(self) -> None:
        self.count = 0
        self.statements: list[str] = []

    def add(self, statement: str) -> None:
        self.count += 1
        self.statements.append(statement)


_counter: ContextVar[RoundTrips | None] = ContextVar("newsgraph_round_trips", default=None)


@contextmanager
def count_round_trips() -> Iterator[RoundTrips]:
    """Count the graph calls made inside the block (per asyncio task context)."""
    trips = RoundTrips()
    token = _counter.set(trips)
    try:
        yield trips
    finally:
        _counter.reset(token)


def note_round_trip(statement: str) -> None:
    trips = _counter.get()
    if trips is not None:
        trips.add(statement)


class Store(Protocol):
    """A graph that runs parameterised Cypher and answers with plain Python values.

    Each call is one round trip and, for writes, one atomic transaction.
    """

    dialect: Dialect

    @property
    def target(self) -> str:
        """Where the graph is, for messages (never includes credentials)."""
        ...

    async def read(
        self, statement: Statement, params: Mapping[str, Any] | None = None
    ) -> list[Record]: ...

    async def write(
        self, statement: Statement, params: Mapping[str, Any] | None = None
    ) -> list[Record]: ...

    async def ping(self) -> None:
        """Raise GraphUnavailable unless the graph answers."""
        ...

    async def setup_schema(self) -> list[str]:
        """Create constraints and indexes if missing; return what was created."""
        ...

    async def close(self) -> None: ...
