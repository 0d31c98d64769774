"""Operations take turns: at most NEWSGRAPH_MAX_CONCURRENT_OPERATIONS execute at once in a
process, the others wait in arrival order, and each says how long it waited (Server-Timing).

The app runs over HTTP on the session's embedded graph; the store under it is the real one,
watched (which requests have a graph call in flight) and, in one test, held at a gate the test
opens, so what is checked is who runs when, never how fast.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from typing import Any

import httpx

from newsgraph.api import create_app
from newsgraph.graph import Graph, Store
from newsgraph.graph.cypher import Statement
from newsgraph.graph.store import Record
from newsgraph.ingest.write.writer import ArticleWriter
from newsgraph.request_context import current_request
from newsgraph.settings import Settings
from tests.helpers.factories import call_article

STATS = "{ stats { articles } }"
_QUEUE = re.compile(r"queue;dur=(?P<queue>\d+\.\d+)")


class WatchedStore:
    """The real store, noting which requests have a graph call in flight; with ``gate`` set,
    every call waits for the test to open it first."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.in_flight: dict[str, int] = {}
        self.most_at_once = 0
        self.gate: asyncio.Event | None = None
        self.arrived = asyncio.Event()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    async def read(self, statement: Statement, params: Mapping[str, Any] | None = None) -> Any:
        return await self._watched(self._store.read, statement, params)

    async def write(self, statement: Statement, params: Mapping[str, Any] | None = None) -> Any:
        return await self._watched(self._store.write, statement, params)

    async def _watched(self, call: Any, statement: Statement, params: Any) -> list[Record]:
        info = current_request()
        who = info.request_id if info is not None else "outside a request"
        self.in_flight[who] = self.in_flight.get(who, 0) + 1
        self.most_at_once = max(self.most_at_once, len(self.in_flight))
        self.arrived.set()
        try:
            if self.gate is not None:
                await self.gate.wait()
            # A pause inside the call, so requests that may overlap do.
            await asyncio.sleep(0.01)
            rows: list[Record] = await call(statement, params)
            return rows
        finally:
            self.in_flight[who] -= 1
            if not self.in_flight[who]:
                del self.in_flight[who]


@asynccontextmanager
async def served(
    graph: Graph, watched: WatchedStore, turns: int
) -> AsyncIterator[httpx.AsyncClient]:
    # No response cache and a fresh graph version for every read: each request executes.
    settings = Settings(
        max_concurrent_operations=turns, response_cache_entries=0, version_max_age_ms=0
    )
    app = create_app(settings, graph=Graph(watched))
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


async def _stats(http: httpx.AsyncClient) -> httpx.Response:
    return await http.post("/graphql", json={"query": STATS})


def _queue_ms(response: httpx.Response) -> float:
    found = _QUEUE.search(response.headers["server-timing"])
    assert found, response.headers["server-timing"]
    return float(found["queue"])


async def _article(graph: Graph) -> None:
    await ArticleWriter(graph.store).write(call_article(title="Call", body="Zelensky called."))


async def test_no_more_operations_run_at_once_than_allowed_and_every_one_answers(
    graph: Graph,
) -> None:
    await _article(graph)
    for turns, clients in ((2, 12), (100, 12)):
        watched = WatchedStore(graph.store)
        async with served(graph, watched, turns) as http:
            answers = await asyncio.gather(*(_stats(http) for _ in range(clients)))
        assert [a.json() for a in answers] == [{"data": {"stats": {"articles": 1}}}] * clients
        if turns == 2:
            assert watched.most_at_once <= 2
        else:
            # Without the bound the same requests do overlap: the check above can see it.
            assert watched.most_at_once > 2


async def test_an_operation_waits_for_a_turn_and_says_how_long_in_server_timing(
    graph: Graph,
) -> None:
    await _article(graph)
    watched = WatchedStore(graph.store)
    watched.gate = asyncio.Event()
    async with served(graph, watched, 1) as http:
        first = asyncio.create_task(_stats(http))
        await watched.arrived.wait()  # the first holds the only turn, held at the graph
        second = asyncio.create_task(_stats(http))
        await asyncio.sleep(0.05)
        # The second has not reached the graph: it waits for its turn.
        assert len(watched.in_flight) == 1
        watched.gate.set()
        answered = [await first, await second]
    assert [a.json()["data"]["stats"]["articles"] for a in answered] == [1, 1]
    waited = [_queue_ms(a) for a in answered]
    # The second waited at least as long as the test held the first at the graph.
    assert waited[1] >= 50.0 > waited[0]
