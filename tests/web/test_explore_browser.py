"""The Explorer in a real headless Chromium against `newsgraph serve` on the sample corpus.

Opens /explore, checks the network is drawn (cytoscape's canvases hold pixels, not a blank
canvas), searches "Zelensky" with the keyboard, finds Schoof and Trump among his counterparts,
opens the Zelensky-Schoof call and reads its date, its mode and both reporting articles, then
an article; the first view (where to start, the nine-party meeting drawn as one node, the legend
clear of the graph); then a phone-width screen, the error states and an empty search.
Screenshots go to test-artifacts/explore.png and explore-phone.png, timings and bundle sizes
to test-artifacts/explore-metrics.json. Every request must stay on localhost.

NEWSGRAPH_EXPLORE_TEST_URL=http://host:port runs the test against a server already running
(with the sample corpus loaded) instead of starting one.
"""

from __future__ import annotations

import gzip
import json
import os
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.helpers import ROOT
from tests.helpers.browser import chromium_browser, is_local
from tests.helpers.processes import embedded_env, load_corpus, serving

DIST = ROOT / "web" / "dist"
ARTIFACTS = ROOT / "test-artifacts"

PAIR_QUERY = """
query ($a: String!, $b: String!) {
  meetings(filter: { participants: [$a, $b] }) {
    edges { node { id date mode reports { article { title } } } }
  }
  zelensky: actor(name: "Zelensky") { id name counterparts { actor { id name } } }
}
"""

# Non-blank pixels over every cytoscape canvas: a drawn graph has thousands, a blank one none.
COUNT_PIXELS = """
() => {
  let painted = 0;
  for (const canvas of document.querySelectorAll('#graph canvas')) {
    if (!canvas.width || !canvas.height) continue;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
  }
  return painted;
}
"""

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright; skips without it or without the build."""
    if not (DIST / "index.html").is_file():
        pytest.skip("web/dist is not built: `make setup` runs npm ci and npm run build in web/")
    with chromium_browser() as browser:
        yield browser


@pytest.fixture(scope="module")
def server(chromium: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`newsgraph serve` on its own embedded graph with the sample corpus loaded."""
    given = os.environ.get("NEWSGRAPH_EXPLORE_TEST_URL")
    if given:
        yield given.rstrip("/")
        return
    data_dir = tmp_path_factory.mktemp("explore-graph")
    env = embedded_env(data_dir)
    load_corpus(env)
    with serving(env, data_dir / "serve.log") as served:
        explore = httpx.get(f"{served.base}/explore", timeout=10)
        assert explore.status_code == 200, (
            f"GET /explore answered {explore.status_code}: the app does not serve the Explorer"
        )
        yield served.base


class _Session:
    """A browser context that records page errors and blocks every request off localhost."""

    def __init__(self, browser: Any, width: int, height: int, scale: float = 1) -> None:
        self.context = browser.new_context(
            viewport={"width": width, "height": height}, device_scale_factor=scale
        )
        self.requested: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._guard)
        self.page = self.context.new_page()
        self.page.set_default_timeout(20_000)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _guard(self, route: Any) -> None:
        self.requested.append(route.request.url)
        if is_local(route.request.url):
            route.continue_()
        else:
            route.abort()

    def remote(self) -> list[str]:
        return sorted({url for url in self.requested if not is_local(url)})

    def close(self) -> None:
        self.context.close()


def _bundle_sizes() -> dict[str, dict[str, int]]:
    sizes = {}
    for path in sorted((DIST / "assets").iterdir()):
        raw = path.read_bytes()
        sizes[path.name] = {"raw": len(raw), "gzip": len(gzip.compress(raw, compresslevel=6))}
    return sizes


def _wait_for_graph(page: Any) -> dict[str, Any]:
    page.wait_for_selector("#graph[data-state=ready][data-first-render-ms]", timeout=30_000)
    data: dict[str, Any] = page.eval_on_selector("#graph", "el => ({...el.dataset})")
    return data


def test_search_counterparts_and_the_zelensky_schoof_call(chromium: Any, server: str) -> None:
    answer = httpx.post(
        f"{server}/graphql",
        json={"query": PAIR_QUERY, "variables": {"a": "Zelensky", "b": "Dick Schoof"}},
        timeout=10,
    ).json()["data"]
    (call,) = [edge["node"] for edge in answer["meetings"]["edges"]]
    assert call["date"] == "2025-08-23" and call["mode"] == "PHONE", call
    titles = sorted({report["article"]["title"] for report in call["reports"]})
    assert len(titles) == 2, titles
    zelensky = answer["zelensky"]
    schoof = next(
        c["actor"] for c in zelensky["counterparts"] if c["actor"]["name"] == "Dick Schoof"
    )

    session = _Session(chromium, 1440, 900)
    page = session.page
    metrics: dict[str, Any] = {}
    try:
        started = time.monotonic()
        page.goto(f"{server}/explore", wait_until="load")
        graph = _wait_for_graph(page)
        metrics["first_render_ms"] = int(graph["firstRenderMs"])
        metrics["first_render_wall_ms"] = round((time.monotonic() - started) * 1000)
        metrics["graph_ms_after_script"] = int(graph["graphMs"])
        metrics["overview"] = {"nodes": int(graph["nodes"]), "edges": int(graph["edges"])}
        assert int(graph["nodes"]) >= 5 and int(graph["edges"]) >= 3, graph
        rendered = page.evaluate("window.explorer.network.cy.nodes(':visible').length")
        assert rendered == int(graph["nodes"])
        painted = page.evaluate(COUNT_PIXELS)
        metrics["painted_pixels"] = painted
        assert painted > 5_000, f"the graph canvas looks blank ({painted} painted pixels)"
        assert page.locator(".legend").is_visible()

        # Search with the keyboard: "/" focuses the box, arrows move, Enter opens.
        page.locator("body").click(position={"x": 1300, "y": 880})
        page.keyboard.press("/")
        assert page.evaluate("document.activeElement.id") == "search"
        page.keyboard.type("Zelensky")
        options = page.locator("#search-results [role=option]")
        options.first.wait_for()
        assert "Volodymyr Zelensky" in options.first.inner_text()
        assert options.first.get_attribute("aria-selected") == "true"
        if options.count() > 1:
            page.keyboard.press("ArrowDown")
            assert options.nth(1).get_attribute("aria-selected") == "true"
            page.keyboard.press("ArrowUp")
        assert options.first.get_attribute("aria-selected") == "true"
        page.keyboard.press("Enter")

        panel = page.locator("#panel")
        panel.locator(".view.actor h2", has_text="Volodymyr Zelensky").wait_for()
        counterparts = panel.locator(".counterparts")
        for name in ("Dick Schoof", "Donald Trump"):
            assert counterparts.get_by_text(name, exact=True).count() == 1, name
        schoof_row = counterparts.locator(f"li[data-actor='{schoof['id']}']")
        assert "2025-08-23" in schoof_row.inner_text()

        # The click expanded Zelensky in the graph: his counterparts are nodes, he is selected.
        page.wait_for_function(
            """ids => ids.every(id => window.explorer.network.cy.getElementById(id).nonempty())""",
            arg=[zelensky["id"], schoof["id"]],
        )
        assert page.evaluate("window.explorer.network.cy.nodes('.selected').map(n => n.id())") == [
            zelensky["id"]
        ]

        # Open the call from the counterpart row: one meeting, so straight to it.
        schoof_row.locator("a.met").click()
        meeting = panel.locator(".view.meeting")
        meeting.wait_for()
        text = meeting.inner_text()
        assert "2025-08-23" in text
        assert "Phone call" in text
        reports = meeting.locator("figure.report")
        assert reports.count() == 2
        shown = sorted(reports.nth(i).locator(".article-link").inner_text() for i in range(2))
        assert shown == titles
        assert all(reports.nth(i).locator("blockquote").inner_text().strip() for i in range(2))
        assert "#/meeting/" in page.url
        page.wait_for_timeout(600)  # the graph's highlight transition
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "explore.png"))
        assert page.evaluate(COUNT_PIXELS) > 5_000

        # Articles have no URL in the sample: the link opens the in-app article view.
        reports.first.locator(".article-link").click()
        article = panel.locator(".view.article")
        article.wait_for()
        assert article.locator("h2").inner_text() in titles
        assert len(article.locator(".body-text").inner_text()) > 200

        # Back returns to the meeting: every view has an address.
        page.go_back()
        panel.locator(".view.meeting").wait_for()
    finally:
        ARTIFACTS.mkdir(exist_ok=True)
        if not (ARTIFACTS / "explore.png").exists():
            page.screenshot(path=str(ARTIFACTS / "explore.png"))
        session.close()
        metrics["bundle"] = _bundle_sizes()
        (ARTIFACTS / "explore-metrics.json").write_text(json.dumps(metrics, indent=2) + "\n")

    assert not session.errors, session.errors
    assert not session.remote(), (
        f"the page asked for hosts other than localhost: {session.remote()}"
    )


MEETINGS_QUERY = """
{ meetings(first: 100) { edges { node { id participants { actor { id name } } } } } }
"""

# Each drawn element as the test needs it: meeting nodes, their lines, the lines between two
# actors, and every node's box with its label in page coordinates.
GRAPH_ELEMENTS = """
() => {
  const cy = window.explorer.network.cy;
  const area = document.querySelector('#graph').getBoundingClientRect();
  const box = (n) => {
    const b = n.renderedBoundingBox({ includeLabels: true });
    return { x1: area.left + b.x1, y1: area.top + b.y1, x2: area.left + b.x2, y2: area.top + b.y2 };
  };
  return {
    hubs: cy.nodes('.meeting').map(n => ({
      id: n.id(), meeting: n.data('meeting'), actors: n.neighborhood('node').map(a => a.id()),
      x: area.left + n.renderedPosition().x, y: area.top + n.renderedPosition().y,
    })),
    pairs: cy.edges().filter(e => !e.data('meeting')).map(e => [e.source().id(), e.target().id()]),
    boxes: cy.nodes().map(n => ({ id: n.id(), ...box(n) })),
  };
}
"""


def _overlaps(a: dict[str, float], b: dict[str, float]) -> bool:
    return a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]


def _page_box(page: Any, selector: str) -> dict[str, float]:
    box = page.locator(selector).bounding_box()
    assert box is not None, selector
    return {
        "x1": box["x"],
        "y1": box["y"],
        "x2": box["x"] + box["width"],
        "y2": box["y"] + box["height"],
    }


@pytest.mark.parametrize("size", [(1440, 900), (1024, 768)])
def test_the_first_view_starts_with_the_busiest_actor_and_draws_a_big_meeting_as_one_node(
    chromium: Any, server: str, size: tuple[int, int]
) -> None:
    meetings = [
        edge["node"]
        for edge in httpx.post(
            f"{server}/graphql", json={"query": MEETINGS_QUERY}, timeout=10
        ).json()["data"]["meetings"]["edges"]
    ]
    count: dict[str, int] = {}
    names = {}
    for meeting in meetings:
        for participant in meeting["participants"]:
            actor = participant["actor"]
            count[actor["id"]] = count.get(actor["id"], 0) + 1
            names[actor["id"]] = actor["name"]
    busiest = max(count, key=lambda actor: count[actor])
    assert names[busiest] == "Volodymyr Zelensky", names[busiest]
    big = [m for m in meetings if len({p["actor"]["id"] for p in m["participants"]}) >= 3]
    assert len(big) == 1 and len(big[0]["participants"]) == 9, big

    session = _Session(chromium, *size)
    page = session.page
    try:
        page.goto(f"{server}/explore", wait_until="load")
        _wait_for_graph(page)
        # Where to start: the actor with the most meetings comes first, not only the members
        # of the one big meeting (each of whom met eight others once).
        chips = page.locator(".view.home .chips .chip")
        assert chips.first.inner_text().strip() == "Volodymyr Zelensky"

        drawn = page.evaluate(GRAPH_ELEMENTS)
        (hub,) = drawn["hubs"]
        participants = {p["actor"]["id"] for p in big[0]["participants"]}
        assert hub["meeting"] == big[0]["id"] and set(hub["actors"]) == participants
        # No line between two of its participants: they met only there.
        assert not [pair for pair in drawn["pairs"] if set(pair) <= participants]

        # The legend has a strip of its own: neither the graph nor any label lies under it.
        legend = _page_box(page, ".legend")
        assert not _overlaps(legend, _page_box(page, "#graph"))
        assert not [b["id"] for b in drawn["boxes"] if _overlaps(legend, b)]

        # The meeting's node opens the meeting.
        page.mouse.click(hub["x"], hub["y"])
        page.locator(".view.meeting").wait_for()
        assert page.url.endswith("#/meeting/" + quote(big[0]["id"], safe=""))
        assert (
            page.evaluate(
                "id => window.explorer.network.cy.getElementById(id).hasClass('selected')",
                hub["id"],
            )
            is True
        )
    finally:
        session.close()
    assert not session.errors, session.errors


def test_phone_width_stacks_the_graph_above_a_readable_panel(chromium: Any, server: str) -> None:
    zelensky = httpx.post(
        f"{server}/graphql", json={"query": '{ actor(name: "Zelensky") { id } }'}, timeout=10
    ).json()["data"]["actor"]["id"]
    session = _Session(chromium, 390, 844, scale=2)
    page = session.page
    try:
        page.goto(f"{server}/explore#/actor/{zelensky}", wait_until="load")
        _wait_for_graph(page)
        page.locator(".view.actor h2", has_text="Volodymyr Zelensky").wait_for()
        page.wait_for_timeout(600)
        assert page.evaluate(COUNT_PIXELS) > 5_000
        # Nothing wider than the screen, and the panel comes below the graph.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        graph_box = page.locator(".graph-pane").bounding_box()
        panel_box = page.locator("#panel").bounding_box()
        assert (
            graph_box and panel_box and panel_box["y"] >= graph_box["y"] + graph_box["height"] - 1
        )
        assert graph_box["width"] >= 380 and graph_box["height"] >= 300
        font = page.eval_on_selector(
            ".view.actor .sub", "el => parseFloat(getComputedStyle(el).fontSize)"
        )
        assert font >= 14
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "explore-phone.png"))
    finally:
        session.close()
    assert not session.errors, session.errors
    assert not session.remote(), session.remote()


def test_unavailable_graph_and_unreachable_api_say_so_and_offer_a_retry(
    chromium: Any, server: str
) -> None:
    session = _Session(chromium, 1024, 768)
    page = session.page
    unavailable = {
        "data": None,
        "errors": [{"message": "graph unavailable", "extensions": {"code": "GRAPH_UNAVAILABLE"}}],
    }
    try:
        page.route(
            "**/graphql",
            lambda route: route.fulfill(
                status=200, content_type="application/json", body=json.dumps(unavailable)
            ),
        )
        page.goto(f"{server}/explore", wait_until="load")
        status = page.locator("#graph-status")
        status.get_by_text("The graph database is unavailable.").wait_for()
        assert page.locator("#graph").get_attribute("data-state") == "error"
        assert "GRAPH_UNAVAILABLE" in status.inner_text()

        # The API comes back: Try again draws the graph.
        page.unroute("**/graphql")
        status.get_by_role("button", name="Try again").click()
        _wait_for_graph(page)
        assert page.evaluate(COUNT_PIXELS) > 5_000

        page.route("**/graphql", lambda route: route.abort())
        page.reload(wait_until="load")
        status.get_by_text("Can't reach the API").wait_for()
    finally:
        session.close()
    assert not session.errors, session.errors


def test_a_search_with_no_results_says_so(chromium: Any, server: str) -> None:
    session = _Session(chromium, 1024, 768)
    page = session.page
    try:
        page.goto(f"{server}/explore", wait_until="load")
        _wait_for_graph(page)
        page.locator("#search").fill("qzxqzx nothing")
        page.locator("#search-results").get_by_text(
            "No actors, statements or articles match"
        ).wait_for()
        assert page.locator("#search-results [role=option]").count() == 0
        page.keyboard.press("Escape")
        assert page.locator("#search-results").is_hidden()
    finally:
        session.close()
    assert not session.errors, session.errors
