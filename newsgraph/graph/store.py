"""The store protocol: the one way the rest of newsgraph talks to a graph."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from typing import Any, Protocol

from newsgraph.graph.cypher import Statement
from newsgraph.graph.dialect import Dialect
from newsgraph.graph.errors import QueryTimeout

__all__ = ["FulltextGate", "Record", "RoundTrips", "Store", "count_round_trips", "graph_call"]

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


class FulltextGate:
    """Lets at most ``slots`` full-text calls of one store reach the graph at once.

    FalkorDB runs every query on a small thread pool (as many threads as cores by default),
    and a full-text call can read its whole index. With every thread on a search, each other
    reader and writer queued behind them for seconds; with this gate a thread stays free for
    them, and the searches wait their turn here instead, at no cost to the graph. A call that
    waits longer than the query timeout fails as a QueryTimeout, as it would in the graph.
    """

    def __init__(self, slots: int, timeout_ms: int) -> None:
        if slots < 1:
            raise ValueError(f"a full-text gate needs at least one slot, got {slots}")
        self.slots = slots
        self._timeout_ms = timeout_ms
        self._free = asyncio.Semaphore(slots)

    @asynccontextmanager
    async def turn(self, statement: Statement) -> AsyncIterator[None]:
        """Hold a slot around a call of ``statement`` if it is a full-text call."""
        if not statement.fulltext:
            yield
            return
        try:
            await asyncio.wait_for(self._free.acquire(), self._timeout_ms / 1000)
        except TimeoutError:
            raise QueryTimeout(statement.name, self._timeout_ms) from None
        try:
            yield
        finally:
            self._free.release()


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

    def prepare(self, params: Mapping[str, Any]) -> Mapping[str, Any]:
        """``params`` as this store sends them, made ready ahead of the call (a loader does so
        while the graph applies its write before); passed to ``read`` or ``write`` in their
        place, they send the same values."""
        ...

    async def ping(self) -> None:
        """Raise GraphUnavailable unless the graph answers."""
        ...

    async def setup_schema(self) -> list[str]:
        """Create constraints and indexes if missing; return what was created."""
        ...

    async def close(self) -> None: ...
