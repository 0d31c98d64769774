"""GraphiQL served from local files: the asset routes and page, then a real headless Chromium.

The browser tests start `newsgraph serve` on the sample corpus, open /graphql, type a query
into the editor, run it and read the result pane; check that every example tab fits the editor
beside the query builder; and open the front page at / and follow its links. Every request a
page makes is recorded; any that leaves localhost is blocked and fails the test, since GraphiQL
must work offline.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from newsgraph.api.graphiql import (
    ASSETS,
    EDITOR_COLUMNS,
    EXAMPLE_TABS,
    QUERY_BUILDER,
    graphiql_routes,
    missing_assets,
    render_graphiql,
)
from tests.helpers import ROOT
from tests.helpers.browser import chromium_browser, is_local
from tests.helpers.processes import embedded_env, load_corpus, serving

ARTIFACTS = ROOT / "test-artifacts"

QUERY = "{ stats { articles } }"


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with chromium_browser() as browser:
        yield browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`newsgraph serve` on its own embedded graph with the sample corpus loaded."""
    data_dir = tmp_path_factory.mktemp("graphiql-graph")
    env = embedded_env(data_dir)
    load_corpus(env)
    with serving(env, data_dir / "serve.log") as served:
        yield served.base


def _remote(urls: list[str]) -> list[str]:
    return sorted({url for url in urls if not is_local(url)})


def _asset_client() -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=Starlette(routes=graphiql_routes()))
    return httpx.AsyncClient(transport=transport, base_url="http://test")


needs_assets = pytest.mark.skipif(
    bool(missing_assets()), reason="GraphiQL assets not installed: `make setup` runs npm ci"
)


@needs_assets
async def test_assets_are_served_gzipped_with_long_cache_headers() -> None:
    async with _asset_client() as assets:
        responses = {name: await assets.get(f"/graphiql/{name}") for name in ASSETS}
        big = await assets.get("/graphiql/graphiql.min.js", headers={"accept-encoding": "gzip"})
    for name, response in responses.items():
        assert response.status_code == 200, name
        assert response.headers["content-type"].startswith(
            "text/javascript" if name.endswith(".js") else "text/css"
        )
        assert "immutable" in response.headers["cache-control"]
    assert big.headers["content-encoding"] == "gzip"
    assert "window.GraphiQL" in big.text  # httpx decoded it


async def test_only_the_allow_listed_files_are_served() -> None:
    async with _asset_client() as assets:
        for path in ("/graphiql/package.json", "/graphiql/graphiql", "/graphiql/graphql/index.js"):
            assert (await assets.get(path)).status_code == 404, path


@needs_assets
def test_the_page_loads_local_assets_and_the_example_tabs() -> None:
    page = render_graphiql("/graphql")
    assert "unpkg" not in page and "cdn" not in page.lower()
    for name in ASSETS:
        assert f"/graphiql/{name}?v=" in page
    assert "query ActorByAlias" in page and "isHeadersEditorEnabled: true" in page


async def test_without_assets_the_page_says_to_run_make_setup(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("NEWSGRAPH_GRAPHIQL_ASSETS", str(tmp_path))
    page = render_graphiql()
    assert "make setup" in page and "graphiql/graphiql.min.js" in page
    async with _asset_client() as assets:
        missing = await assets.get("/graphiql/graphiql.min.js")
    assert missing.status_code == 404 and "make setup" in missing.text


def test_every_line_of_the_example_tabs_fits_the_narrowest_editor() -> None:
    for tab in EXAMPLE_TABS:
        for line in tab.splitlines():
            assert len(line) <= EDITOR_COLUMNS, line


class _Page:
    """A page in its own browser context, recording page errors and failed responses, and
    blocking every request off localhost."""

    def __init__(self, browser: Any, width: int, height: int) -> None:
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.requested: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.context.route("**/*", self._guard)
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on(
            "response",
            lambda response: (
                self.failed.append(f"{response.status} {response.url}")
                if response.status >= 400
                else None
            ),
        )

    def _guard(self, route: Any) -> None:
        self.requested.append(route.request.url)
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    def close(self) -> None:
        self.context.close()


# Whether the browser decodes an image: its natural width once loaded, 0 if it cannot.
IMAGE_WIDTH = """
url => new Promise(resolve => {
  const image = new Image();
  image.onload = () => resolve(image.naturalWidth);
  image.onerror = () => resolve(0);
  image.src = url;
})
"""


@pytest.mark.browser
def test_the_front_page_links_every_door_and_has_an_icon(chromium: Any, server: str) -> None:
    session = _Page(chromium, 1280, 800)
    page = session.page
    try:
        page.goto(f"{server}/", wait_until="load")
        assert page.title() == "newsgraph"
        assert "diplomatic news" in page.locator(".lede").inner_text()
        links = page.locator(".doors a")
        doors = {
            links.nth(i).locator("strong").inner_text(): links.nth(i).get_attribute("href")
            for i in range(links.count())
        }
        assert doors == {
            "Explorer": "/explore",
            "GraphiQL": "/graphql",
            "Schema": "/schema.graphql",
        }
        # The browser decodes both icons: the one pages name, and the one it asks for itself.
        # (With requests routed, Playwright never answers a request for /favicon.ico itself:
        # a query string makes it an ordinary image request to the same route.)
        assert page.evaluate(IMAGE_WIDTH, "/favicon.ico?decode") == 32
        assert page.evaluate(IMAGE_WIDTH, "/favicon.svg") > 0

        page.get_by_role("link", name="GraphiQL").click()
        page.locator(".graphiql-query-editor .CodeMirror").wait_for(state="visible")
        assert page.url == f"{server}/graphql"
        page.go_back()
        page.get_by_role("link", name="Schema").click()
        assert "type Query" in page.locator("body").inner_text()
        page.go_back()
        for name in ("/healthz", "/readyz"):
            page.get_by_role("link", name=name).click()
            assert '"status"' in page.locator("body").inner_text(), name
            page.go_back()
        page.get_by_role("link", name="Explorer").click()
        assert page.url == f"{server}/explore"
    finally:
        session.close()
    assert not session.errors, session.errors
    # Nothing the pages asked for is missing: no 404 for a favicon or an asset.
    failed = [f for f in session.failed if "/explore" not in f or (ROOT / "web/dist").is_dir()]
    assert not failed, failed
    assert not _remote(session.requested)


@pytest.mark.browser
def test_every_example_tab_fits_the_editor_beside_the_query_builder(
    chromium: Any, server: str
) -> None:
    session = _Page(chromium, 1280, 800)
    page = session.page
    try:
        page.goto(f"{server}/graphql", wait_until="load")
        page.locator(".graphiql-query-editor .CodeMirror").wait_for(state="visible")
        # GraphiQL's explorer plugin goes by what it does, apart from our Explorer app.
        plugin = page.locator(".graphiql-plugin")
        assert plugin.locator(".doc-explorer-title").inner_text() == QUERY_BUILDER
        assert page.get_by_role("button", name=f"Hide {QUERY_BUILDER}").count() == 1
        assert plugin.get_by_text("Explorer", exact=True).count() == 0
        tabs = page.locator(".graphiql-tab")
        assert tabs.count() == len(EXAMPLE_TABS)
        cut = {}
        for index in range(tabs.count()):
            tabs.nth(index).locator("button").first.click()
            page.wait_for_function(
                """first => document.querySelector('.graphiql-query-editor .CodeMirror')
                    .CodeMirror.getValue().startsWith(first)""",
                arg=EXAMPLE_TABS[index].splitlines()[0],
            )
            scroll = page.evaluate(
                """() => document.querySelector('.graphiql-query-editor .CodeMirror')
                    .CodeMirror.getScrollInfo()"""
            )
            if scroll["width"] > scroll["clientWidth"]:
                cut[index] = scroll
        assert not cut, f"example tabs wider than the editor at 1280 px: {cut}"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "graphiql-1280.png"))
    finally:
        session.close()
    assert not session.errors, session.errors
    assert not session.failed, session.failed


@pytest.mark.browser
def test_graphiql_runs_a_typed_query_offline(chromium: Any, server: str) -> None:
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    # What the page must show: the API's own answer, asked over plain HTTP.
    answer = httpx.post(f"{server}/graphql", json={"query": QUERY}, timeout=10).json()
    articles = answer["data"]["stats"]["articles"]
    assert articles > 0, "the sample corpus did not load"

    context = chromium.new_context(viewport={"width": 1440, "height": 900})
    requested: list[str] = []
    page_errors: list[str] = []

    def guard(route: Any) -> None:
        # Recorded on every request; one that leaves localhost is blocked, so the test
        # never reaches a CDN even on a machine that could.
        requested.append(route.request.url)
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    try:
        page.goto(f"{server}/graphql", wait_until="load")
        editor = page.locator(".graphiql-query-editor .CodeMirror")
        try:
            editor.wait_for(state="visible", timeout=20_000)
        except PlaywrightTimeoutError:
            # Stock Strawberry's page ends here: its scripts come from a CDN.
            pytest.fail(
                "GraphiQL did not render. Blocked requests to other hosts: "
                f"{_remote(requested)}; page errors: {page_errors}"
            )
        assert page.locator(".graphiql-tab").count() >= 4, "the example tabs are missing"

        editor.click()
        page.keyboard.press("Control+A")
        page.keyboard.type(QUERY)
        page.keyboard.press("Escape")  # close an autocomplete hint, if one opened
        # GraphiQL re-reads the operation name 100 ms after the last keystroke; a click
        # before then sends the first tab's name ("Stats") with our anonymous query.
        page.wait_for_function(
            """query => {
                const editor = document.querySelector(".graphiql-query-editor .CodeMirror");
                const cm = editor.CodeMirror;
                return cm.getValue() === query && cm.operationName == null;
            }""",
            arg=QUERY,
        )

        page.locator("button.graphiql-execute-button").click()
        response = page.locator(".graphiql-response")
        response.get_by_text(f'"articles": {articles}').wait_for()
        assert page.locator(".graphiql-explorer-root").count() == 1, "no explorer plugin"
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "graphiql.png"))
        context.close()

    assert not page_errors, page_errors
    remote = _remote(requested)
    assert not remote, f"the page asked for hosts other than localhost: {remote}"
    assert any("/graphiql/graphiql.min.js" in url for url in requested)
