"""Server-Timing: every response says how long the app waited on the graph, in how many calls.

Checks are about consistency (the calls counted equal the round trips made, the graph's share
is within the request's own time), never about how fast anything is.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import re
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from newsgraph.api import create_app
from newsgraph.api.logs import configure_logging
from newsgraph.graph import Graph, count_round_trips
from newsgraph.graph.store import graph_call
from newsgraph.ingest.write.writer import ArticleWriter
from newsgraph.settings import Settings
from tests.helpers.factories import call_article

NESTED = """query Nested { meetings(first: 5) { totalCount edges { node { title
  participants { role actor { name statements(first: 3) { totalCount
    edges { node { text reports { excerpt article { title } } } } } } }
  reports { excerpt article { title } } } } } }"""

_ENTRY = re.compile(
    r'^graph;dur=(?P<graph>\d+\.\d+);desc="(?P<calls>\d+) calls?", app;dur=(?P<app>\d+\.\d+), '
    r"queue;dur=(?P<queue>\d+\.\d+)$"
)


def _parse(header: str) -> tuple[float, int, float]:
    match = _ENTRY.match(header)
    assert match, header
    return float(match["graph"]), int(match["calls"]), float(match["app"])


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    buffer = io.StringIO()
    yield buffer
    configure_logging(Settings())


async def _client(graph: Graph, settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings, graph=graph)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


async def test_graphql_responses_carry_the_graph_time_and_calls_in_server_timing(
    graph: Graph, log_output: io.StringIO
) -> None:
    writer = ArticleWriter(graph.store)
    for i in range(3):
        await writer.write(call_article(title=f"Call {i}", body=f"Zelensky held call {i}."))
    settings = Settings(log_format="json")
    async for http in _client(graph, settings):
        [handler] = [
            h for h in logging.getLogger("newsgraph").handlers if h.get_name() == "newsgraph"
        ]
        assert isinstance(handler, logging.StreamHandler)
        handler.setStream(log_output)
        began = time.perf_counter()
        with count_round_trips() as outside:
            response = await http.post("/graphql", json={"query": NESTED})
        elapsed_ms = (time.perf_counter() - began) * 1000
        refused = await http.post("/graphql", json={"query": "{ noSuchField }"})

    assert response.status_code == 200 and "errors" not in response.json()
    graph_ms, calls, app_ms = _parse(response.headers["server-timing"])
    # Every graph call of the request, DataLoader batches in their own tasks included.
    assert calls == outside.count >= 3
    assert 0 < graph_ms <= app_ms <= elapsed_ms
    [ok, bad] = [
        json.loads(line)
        for line in log_output.getvalue().splitlines()
        if json.loads(line)["logger"] == "newsgraph.access"
    ]
    assert ok["graph_round_trips"] == calls
    assert ok["graph_ms"] == pytest.approx(graph_ms, abs=0.01)
    assert ok["graph_ms"] <= ok["duration_ms"] + 0.1  # duration_ms is rounded to 0.1 ms

    # A document refused before it runs never reaches the graph.
    assert _parse(refused.headers["server-timing"])[:2] == (0.0, 0)
    assert bad["graph_round_trips"] == 0 and bad["graph_ms"] == 0


async def test_overlapping_graph_calls_count_their_wall_time_once() -> None:
    async def call(name: str) -> None:
        with graph_call(name):
            await asyncio.sleep(0.02)

    began = time.perf_counter()
    with count_round_trips() as trips:
        await asyncio.gather(call("A"), call("B"), call("C"))
    elapsed = time.perf_counter() - began

    assert trips.count == 3 and sorted(trips.statements) == ["A", "B", "C"]
    # Three calls in flight together: their time is counted once, within the time it took.
    assert 0 < trips.seconds <= elapsed
