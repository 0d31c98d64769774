"""The ASGI app over HTTP, in the test's own process, with a GraphQL helper."""

from __future__ import annotations

from typing import Any

import httpx

__all__ = ["Api"]


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
