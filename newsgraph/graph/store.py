"""The store protocol: the one way the rest of newsgraph talks to a graph."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Protocol

from newsgraph.graph.cypher import Statement
from newsgraph.graph.dialect import Dialect

__all__ = ["Record", "RoundTrips", "Store", "count_round_trips", "graph_call"]

Record = dict[str, Any]


class RoundTrips:
    """A counter of graph calls, for one request or one test, and the time spent in them.

    ``seconds`` is wall time during which at least one call was in flight: calls that overlap
    (DataLoader batches awaited together) count once, so it never exceeds the time of the
    request around them.
    """

    def __init__(self) -> None:
        self.count = 0
        self.statements: list[str] = []
        self.seconds = 0.0
        self._in_flight = 0
        self._since = 0.0

    def add(self, statement: str) -> None:
        self.count += 1
        self.statements.append(statement)

    def started(self) -> None:
        if self._in_flight == 0:
            self._since = time.perf_counter()
        self._in_flight += 1

    def finished(self) -> None:
        self._in_flight -= 1
        if self._in_flight == 0:
            self.seconds += time.perf_counter() - self._since


_counter: ContextVar[RoundTrips | None] = ContextVar("newsgraph_round_trips", default=None)


@contextmanager
def count_round_trips(trips: RoundTrips | None = None) -> Iterator[RoundTrips]:
    """Count the graph calls made inside the block (per asyncio task context), into ``trips``
    when given (so a caller can read it before the block ends)."""
    trips = trips if trips is not None else RoundTrips()
    token = _counter.set(trips)
    try:
        yield trips
    finally:
        _counter.reset(token)


def note_round_trip(statement: str) -> None:
    trips = _counter.get()
    if trips is not None:
        trips.add(statement)


@contextmanager
def graph_call(statement: str) -> Iterator[None]:
    """Wrap one call to the graph: counted, and its time added to the current counter."""
    trips = _counter.get()
    if trips is None:
        yield
        return
    trips.add(statement)
    trips.started()
    try:
        yield
    finally:
        trips.finished()


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
