"""The schema is a contract with clients: every change to it shows up as a diff here."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
from graphql import build_schema

from newsgraph.api import create_app
from newsgraph.graph import Graph
from newsgraph.schema import schema
from newsgraph.settings import Settings

SNAPSHOT = Path(__file__).resolve().parents[1] / "snapshots" / "schema.graphql"


def test_the_sdl_matches_the_snapshot() -> None:
    current = schema.as_str() + "\n"
    assert current == SNAPSHOT.read_text(), (
        "the GraphQL schema changed; if that is intended, update the snapshot with "
        "`.venv/bin/newsgraph schema > tests/snapshots/schema.graphql` and review the diff"
    )


def test_every_type_field_and_argument_is_described() -> None:
    built = build_schema(SNAPSHOT.read_text())
    missing: list[str] = []
    for name, kind in built.type_map.items():
        if name.startswith("__") or name in {"String", "Int", "Float", "Boolean", "ID"}:
            continue
        if not kind.description:
            missing.append(name)
        for field_name, field in (getattr(kind, "fields", None) or {}).items():
            if not field.description:
                missing.append(f"{name}.{field_name}")
            for arg_name, arg in (getattr(field, "args", None) or {}).items():
                if not arg.description:
                    missing.append(f"{name}.{field_name}({arg_name})")
    assert not missing, missing


@pytest.mark.parametrize("origin", ["https://explorer.example.org"])
async def test_cors_is_closed_unless_origins_are_configured(graph: Graph, origin: str) -> None:
    async def preflight(settings: Settings) -> httpx.Response:
        app = create_app(settings, graph=graph)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                return await client.options(
                    "/graphql",
                    headers={"Origin": origin, "Access-Control-Request-Method": "POST"},
                )

    closed = await preflight(Settings())
    assert "access-control-allow-origin" not in closed.headers
    opened = await preflight(Settings(cors_origins=origin))  # type: ignore[arg-type]
    assert opened.headers["access-control-allow-origin"] == origin
    assert re.search("POST", opened.headers["access-control-allow-methods"])
