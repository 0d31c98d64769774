"""Shared fixtures: one embedded FalkorDB for the session (and Neo4j when NEO4J_URI is set),
wiped before each test that uses it, and the app over HTTP on it. Helpers are in
tests/helpers."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from newsgraph.api import create_app
from newsgraph.graph import Graph, Store, open_graph
from newsgraph.graph.maintenance import wipe
from newsgraph.settings import Settings
from tests.helpers.api import Api


def _settings(engine: str, data_dir: Path) -> Settings:
    if engine == "neo4j":
        uri = os.environ.get("NEO4J_URI")
        if not uri:
            pytest.skip("NEO4J_URI is not set: no Neo4j server to run the Neo4j adapter against")
        return Settings(
            graph_url=uri,
            neo4j_user=os.environ.get("NEO4J_USER", "neo4j"),
            neo4j_password=os.environ.get("NEO4J_PASSWORD", "newsgraph-dev"),
            data_dir=data_dir,
        )
    return Settings(data_dir=data_dir, graph_name="newsgraph-tests")


@pytest.fixture(scope="session", params=["falkordb", "neo4j"])
async def session_graph(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Graph]:
    settings = _settings(request.param, tmp_path_factory.mktemp("graph"))
    graph = await open_graph(settings)
    await graph.store.setup_schema()
    yield graph
    await graph.close()


@pytest.fixture
async def store(session_graph: Graph) -> Store:
    """An empty graph, schema in place."""
    await wipe(session_graph.store)
    return session_graph.store


@pytest.fixture
def graph(session_graph: Graph, store: Store) -> Graph:
    return session_graph


@pytest.fixture
async def api(graph: Graph) -> AsyncIterator[Api]:
    """The app on the session's graph (emptied), over HTTP through its ASGI interface."""
    app = create_app(Settings(), graph=graph)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield Api(client)
