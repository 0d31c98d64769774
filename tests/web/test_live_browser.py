"""The Explorer's live badge in a real headless Chromium: a meeting that `newsgraph load` writes
in another process shows up in the open page, without a reload, linked to its page.

NEWSGRAPH_EXPLORE_DIST=/path/to/dist runs it against another build than web/dist.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT
from tests.helpers.browser import chromium_browser
from tests.helpers.factories import article, meeting
from tests.helpers.processes import Served, embedded_env, run_cli, serving

DIST = Path(os.environ.get("NEWSGRAPH_EXPLORE_DIST") or ROOT / "web" / "dist")

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    if not (DIST / "index.html").is_file():
        pytest.skip("web/dist is not built: `make setup` runs npm ci and npm run build in web/")
    with chromium_browser() as browser:
        yield browser


@pytest.fixture(scope="module")
def live(chromium: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, Any]]:
    env = embedded_env(tmp_path_factory.mktemp("live-explore"), NEWSGRAPH_EXPLORE_DIST=str(DIST))
    with serving(env) as served:
        yield served, env


def _load_meeting(env: dict[str, str], folder: Path, title: str) -> None:
    folder.mkdir(parents=True)
    people = ("Ida Ives", "Jon Jay")
    written = article(
        title,
        people=people,
        meetings=[meeting(*people, date=dt.date(2025, 9, 1), title=title)],
    )
    (folder / "meeting.json").write_text(written.model_dump_json())
    done = run_cli("load", str(folder), env=env)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_meeting_loaded_while_the_explorer_is_open_appears_in_its_live_list(
    chromium: Any, live: tuple[Served, dict[str, str]], tmp_path: Path
) -> None:
    served, env = live
    context = chromium.new_context(viewport={"width": 1280, "height": 800})
    errors: list[str] = []
    try:
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{served.base}/explore")
        # Both streams (meetings, statements) open before anything is written.
        page.wait_for_selector(".live[data-open='2']")
        assert page.text_content(".live-count") == "0"
        _load_meeting(env, tmp_path / "in", "Ives and Jay meet in Oslo")
        page.wait_for_function("document.querySelector('.live-count').textContent !== '0'")
        page.click(".live")
        link = page.wait_for_selector(".live-list a")
        assert link.text_content() == "Meeting: Ives and Jay meet in Oslo (2025-09-01)"
        assert (link.get_attribute("href") or "").startswith("#/meeting/")
        link.click()
        shown = page.wait_for_selector(".view.meeting[data-meeting]")
        assert "Ives and Jay meet in Oslo" in (shown.text_content() or "")
    finally:
        context.close()
    assert errors == []
