"""The Explorer's routes: the page at /explore, hashed assets with long cache, the SPA fallback,
and a page saying to run `make setup` when the app is not built."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from newsgraph.api.explore import DIST_DIR, explore_routes

INDEX = """<!doctype html>
<html><head>
<script type="module" crossorigin src="./assets/index-abc123.js"></script>
<link rel="stylesheet" crossorigin href="./assets/index-def456.css">
</head><body><div id="graph"></div></body></html>
"""
SCRIPT = "console.log('explorer');\n" * 100  # over 1 KiB: worth gzipping


@pytest.fixture
def dist(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text(INDEX)
    (tmp_path / "assets" / "index-abc123.js").write_text(SCRIPT)
    (tmp_path / "assets" / "index-def456.css").write_text("body { margin: 0 }\n")
    (tmp_path / "robots.txt").write_text("User-agent: *\n")
    (tmp_path.parent / "secret.txt").write_text("not for you\n")
    monkeypatch.setenv("NEWSGRAPH_EXPLORE_DIST", str(tmp_path))
    return tmp_path


def _client() -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=Starlette(routes=explore_routes()))
    return httpx.AsyncClient(transport=transport, base_url="http://test")


async def test_the_page_is_served_at_explore_with_and_without_slash(dist: Path) -> None:
    async with _client() as client:
        for path in ("/explore", "/explore/"):
            page = await client.get(path)
            assert page.status_code == 200, path
            assert page.headers["content-type"] == "text/html; charset=utf-8"
            assert page.headers["cache-control"] == "no-cache"
            # Relative asset URLs would miss from /explore (no slash): the page gets absolute ones.
            assert 'src="/explore/assets/index-abc123.js"' in page.text
            assert 'href="/explore/assets/index-def456.css"' in page.text
            assert "./assets/" not in page.text


async def test_assets_have_their_content_types_long_cache_and_gzip(dist: Path) -> None:
    async with _client() as client:
        script = await client.get("/explore/assets/index-abc123.js")
        style = await client.get("/explore/assets/index-def456.css")
        zipped = await client.get(
            "/explore/assets/index-abc123.js", headers={"accept-encoding": "gzip"}
        )
        raw = await client.get(
            "/explore/assets/index-abc123.js", headers={"accept-encoding": "identity"}
        )
    assert script.status_code == style.status_code == 200
    assert script.headers["content-type"] == "text/javascript; charset=utf-8"
    assert style.headers["content-type"] == "text/css; charset=utf-8"
    for response in (script, style):
        assert response.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert response.headers["x-content-type-options"] == "nosniff"
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.text == SCRIPT  # httpx decoded it
    assert int(zipped.headers["content-length"]) < len(SCRIPT)
    assert "content-encoding" not in raw.headers and raw.text == SCRIPT


async def test_client_routes_fall_back_to_the_page_and_missing_files_do_not(dist: Path) -> None:
    async with _client() as client:
        deep = await client.get("/explore/actor/QWN0b3I6eA")
        robots = await client.get("/explore/robots.txt")
        missing_asset = await client.get("/explore/assets/index-old.js")
        missing_file = await client.get("/explore/old-chunk.js")
    assert deep.status_code == 200 and 'id="graph"' in deep.text
    assert robots.status_code == 200 and robots.text.startswith("User-agent")
    assert missing_asset.status_code == 404
    assert missing_file.status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/explore/assets/../../secret.txt",
        "/explore/assets/..%2F..%2Fsecret.txt",
        "/explore/..%2Fsecret.txt",
        "/explore/assets/%2Fetc%2Fpasswd",
    ],
)
async def test_nothing_outside_the_build_is_served(dist: Path, path: str) -> None:
    async with _client() as client:
        response = await client.get(path)
    assert "not for you" not in response.text
    assert "root:" not in response.text
    assert response.status_code in (200, 404)  # 200 only as the app page (SPA fallback)
    if response.status_code == 200:
        assert 'id="graph"' in response.text


async def test_without_a_build_explore_says_to_run_make_setup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSGRAPH_EXPLORE_DIST", str(tmp_path / "nothing-here"))
    async with _client() as client:
        page = await client.get("/explore")
        deep = await client.get("/explore/actor/x")
        asset = await client.get("/explore/assets/index-abc123.js")
    assert page.status_code == 503 and deep.status_code == 503
    assert page.headers["content-type"].startswith("text/html")
    assert "make setup" in page.text and "npm run build" in page.text
    assert asset.status_code == 404


@pytest.mark.skipif(
    not (DIST_DIR / "index.html").is_file(), reason="web/dist not built: `make setup` builds it"
)
async def test_the_real_build_is_served_with_every_asset_it_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NEWSGRAPH_EXPLORE_DIST", raising=False)
    async with _client() as client:
        page = await client.get("/explore/")
        assert page.status_code == 200
        assets = sorted({part.split('"')[0] for part in page.text.split('="/explore/assets/')[1:]})
        assert any(name.endswith(".js") for name in assets), page.text
        assert any(name.endswith(".css") for name in assets), page.text
        for name in assets:
            response = await client.get(f"/explore/assets/{name}")
            assert response.status_code == 200, name
            expected = "text/javascript" if name.endswith(".js") else "text/css"
            assert response.headers["content-type"].startswith(expected), name
    # The app never reaches for a CDN: everything it loads comes from this server.
    assert "https://" not in page.text.split("<body")[0].replace("http://www.w3.org", "")
