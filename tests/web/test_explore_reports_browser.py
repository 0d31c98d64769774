"""The Explorer's cards on a well-covered fact, in a real headless Chromium against `newsgraph
serve`: a list shows each fact's first three reports and how many there are, and links to the
fact's own page, which shows every report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.helpers import ROOT
from tests.helpers.browser import chromium_browser
from tests.helpers.factories import article, said, write_ndjson
from tests.helpers.processes import embedded_env, load_corpus, serving

DIST = ROOT / "web" / "dist"
DAY = dt.date(2025, 3, 1)
REPORTERS = 5
WORDS = "We agreed on a ceasefire."

pytestmark = pytest.mark.browser


def _corpus(path: Path) -> Path:
    """One statement reported by five articles on five days."""
    return write_ndjson(
        path,
        [
            article(
                f"Report {n}",
                url=f"https://example.org/report-{n}",
                published=DAY + dt.timedelta(days=n),
                people=["Alice Arden"],
                statements=[said("Alice Arden", WORDS, excerpt=f"said ({n})")],
            )
            for n in range(REPORTERS)
        ],
    )


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, str]]:
    if not (DIST / "index.html").is_file():
        pytest.skip("web/dist is not built: `make setup` runs npm ci and npm run build in web/")
    data_dir = tmp_path_factory.mktemp("reports-graph")
    env = embedded_env(data_dir)
    load_corpus(env, _corpus(data_dir / "covered.ndjson"))
    with chromium_browser() as browser, serving(env, data_dir / "serve.log") as server:
        yield browser, server.base


def test_a_card_shows_the_first_reports_and_links_to_every_one(
    served: tuple[Any, str],
) -> None:
    browser, base = served
    found = httpx.post(
        f"{base}/graphql", json={"query": '{ actor(name: "Alice Arden") { id } }'}, timeout=10
    ).json()
    alice = found["data"]["actor"]["id"]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.goto(f"{base}/explore#/actor/{quote(alice)}")
        page.locator("#panel [role=tab][data-tab=statements]").click()
        card = page.locator("#panel .view.actor article.statement").first
        card.wait_for()
        assert card.locator("figure.report").count() == 3
        assert card.locator(".reports-head").text_content() == f"Reported by {REPORTERS} articles"
        quotes = [card.locator("figure.report blockquote").nth(i).inner_text() for i in range(3)]
        assert quotes == ["said (0)", "said (1)", "said (2)"]

        card.get_by_role("link", name=f"All {REPORTERS} reports").click()
        statement = page.locator("#panel .view.statement")
        statement.wait_for()
        assert statement.locator("figure.report").count() == REPORTERS
        assert statement.get_by_role("link", name=f"All {REPORTERS} reports").count() == 0
    finally:
        context.close()
