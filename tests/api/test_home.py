"""`/` over HTTP: a page for browsers, JSON for API clients, a pointer for GraphQL sent there;
and the favicon."""

from __future__ import annotations

import struct
import zlib
from collections.abc import AsyncIterator

import httpx
import pytest

from newsgraph.api import create_app
from newsgraph.graph import Graph
from newsgraph.settings import Settings
from tests.helpers.api import Api

# What Chromium and Firefox send for a page.
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

LINKS = {
    "graphql": "/graphql",
    "explorer": "/explore",
    "schema": "/schema.graphql",
    "health": "/healthz",
    "ready": "/readyz",
}


async def test_a_browser_gets_a_page_linking_the_explorer_graphiql_the_sdl_and_health(
    api: Api,
) -> None:
    response = await api.http.get("/", headers={"accept": BROWSER_ACCEPT})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["vary"] == "Accept"
    page = response.text
    assert "<title>newsgraph</title>" in page
    assert "diplomatic news" in page
    for path in LINKS.values():
        assert f'href="{path}"' in page, path
    assert 'rel="icon" href="/favicon.svg"' in page


@pytest.mark.parametrize(
    "accept", ["application/json", "*/*", None, "application/graphql-response+json"]
)
async def test_an_api_client_gets_the_links_as_json(api: Api, accept: str | None) -> None:
    headers = {"accept": accept} if accept else {}
    if accept is None:
        # httpx sends */* unless told otherwise: send no Accept at all.
        api.http.headers.pop("accept", None)
    response = await api.http.get("/", headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.headers["vary"] == "Accept"
    body = response.json()
    assert body["name"] == "newsgraph" and "diplomatic news" in body["description"]
    assert body["links"] == LINKS
    # Every link answers.
    for name in ("health", "ready", "schema"):
        assert (await api.http.get(body["links"][name])).status_code == 200, name


async def test_a_client_preferring_json_to_html_gets_json(api: Api) -> None:
    response = await api.http.get("/", headers={"accept": "application/json, text/html;q=0.5"})
    assert response.headers["content-type"].startswith("application/json")


async def test_graphql_sent_to_the_root_gets_json_naming_the_endpoint(api: Api) -> None:
    posted = await api.http.post("/", json={"query": "{ stats { articles } }"})
    got = await api.http.get("/", params={"query": "{ stats { articles } }"})
    for response in (posted, got):
        assert response.status_code == 404
        assert response.headers["content-type"].startswith("application/json")
        (error,) = response.json()["errors"]
        assert error["extensions"]["code"] == "NOT_FOUND"
        assert "send GraphQL requests to /graphql" in error["message"]


async def test_head_of_the_root_answers_like_get(api: Api) -> None:
    response = await api.http.head("/", headers={"accept": BROWSER_ACCEPT})
    assert response.status_code == 200 and response.content == b""
    assert response.headers["content-type"].startswith("text/html")


@pytest.fixture
async def closed_api(graph: Graph) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(introspection=False), graph=graph)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            yield client


async def test_without_introspection_the_root_links_neither_graphiql_nor_the_sdl(
    closed_api: httpx.AsyncClient,
) -> None:
    body = (await closed_api.get("/", headers={"accept": "application/json"})).json()
    assert "schema" not in body["links"] and body["links"]["graphql"] == "/graphql"
    page = (await closed_api.get("/", headers={"accept": BROWSER_ACCEPT})).text
    assert 'href="/schema.graphql"' not in page and "switched off" in page


def _png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    length, kind = struct.unpack(">I4s", png[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", png[16:24])
    return width, height


async def test_the_favicon_is_an_icon_holding_a_32_pixel_png(api: Api) -> None:
    response = await api.http.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/x-icon"
    assert "max-age" in response.headers["cache-control"]
    body = response.content
    reserved, kind, count = struct.unpack("<HHH", body[:6])
    assert (reserved, kind, count) == (0, 1, 1)
    width, height, _, _, _, bits, size, offset = struct.unpack("<BBBBHHII", body[6:22])
    assert (width, height, bits) == (32, 32, 32) and offset + size == len(body)
    png = body[offset:]
    assert _png_size(png) == (32, 32)
    # The image data decompresses to 32 rows of a filter byte and 32 RGBA pixels.
    idat_length = struct.unpack(">I", png[33:37])[0]
    assert png[37:41] == b"IDAT"
    pixels = zlib.decompress(png[41 : 41 + idat_length])
    assert len(pixels) == 32 * (1 + 32 * 4)
    svg = await api.http.get("/favicon.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text.startswith("<svg")
