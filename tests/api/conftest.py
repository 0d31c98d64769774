from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from newsgraph.api import create_app
from newsgraph.graph import Graph
from newsgraph.settings import Settings


class Api:
    """A client of the ASGI app over HTTP, with a GraphQL helper."""

    def __init__(self, client: httpx.AsyncClient) -> None:
        self.http = client

    async def query(self, document: str, **variables: Any) -> dict[str, Any]:
        response = await self.http.post(
            "/graphql", json={"query": document, "variables": variables}
        )
        body: dict[str, Any] = response.json()
        return body

    async def data(self, document: str, **variables: Any) -> dict[str, Any]:
        body = await self.query(document, **variables)
        assert "errors" not in body, body["errors"]
        data: dict[str, Any] = body["data"]
        return data


@pytest.fixture
async def api(graph: Graph) -> AsyncIterator[Api]:
    app = create_app(Settings(), graph=graph)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield Api(client)
