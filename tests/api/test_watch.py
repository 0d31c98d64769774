"""`newsgraph watch FEEDS.toml` as a user runs it (from cron with --once, or as a service),
against feeds on a site on 127.0.0.1 and its own embedded graph."""

from __future__ import annotations

import json
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import NEWSGRAPH
from tests.helpers.processes import embedded_env, run_cli, serving
from tests.helpers.site import Route, Site, fixture_text, serving_site

STUBB_ITEM = """<item>
<title>Stubb visits Erdogan in Ankara</title>
<link>{base}/world/stubb-erdogan</link>
<guid>{base}/world/stubb-erdogan</guid>
<pubDate>Tue, 02 Sep 2025 08:00:00 GMT</pubDate>
<description>The Finnish and Turkish presidents talked about defence.</description>
</item>
"""


@pytest.fixture
def site() -> Iterator[Site]:
    with serving_site() as site:
        site.serve_fixture("/robots.txt", "robots.txt")
        site.serve_fixture("/feed.xml", "feed.xml", etag='"feed-1"')
        for name in ("lavrov-wang", "rubio-sybiha", "stubb-erdogan"):
            site.serve_fixture(f"/world/{name}", f"{name}.html")
        yield site


def feeds_file(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "feeds.toml"
    path.write_text(body)
    return path


def state_of(data_dir: Path) -> dict[str, dict[str, object]]:
    (path,) = (data_dir / "watch").glob("feeds-*.json")
    feeds: dict[str, dict[str, object]] = json.loads(path.read_text())["feeds"]
    return feeds


def titles(env: dict[str, str]) -> set[str]:
    with serving(env) as served:
        body = served.graphql("{ articles(first: 20) { edges { node { title } } } }")
    return {edge["node"]["title"] for edge in body["data"]["articles"]["edges"]}


def test_watch_once_loads_new_entries_and_later_only_the_one_added(
    tmp_path: Path, site: Site
) -> None:
    env = embedded_env(tmp_path / "graph")
    feeds = feeds_file(
        tmp_path, f'interval = "15m"\n[[feed]]\nurl = "{site.url("/feed.xml")}"\nname = "Harbour"\n'
    )
    first = run_cli("watch", str(feeds), "--once", env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Harbour: HTTP 200; 2 new, 0 changed, 0 unchanged; next poll" in first.stdout
    # The feed gains an entry (and a new ETag); a new process picks up where the last stopped.
    text = fixture_text("feed.xml").replace("<item>", STUBB_ITEM + "<item>", 1)
    site.routes["/feed.xml"] = Route(
        body=text.replace("{base}", site.base).encode(), content_type="application/rss+xml"
    )
    second = run_cli("watch", str(feeds), "--once", env=env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Harbour: HTTP 200; 1 new, 0 changed, 2 unchanged" in second.stdout
    # Only the new entry's page was fetched the second time.
    assert site.count("/world/rubio-sybiha") == site.count("/world/lavrov-wang") == 1
    assert site.count("/world/stubb-erdogan") == 1
    assert site.headers_of("/feed.xml")[1]["if-none-match"] == '"feed-1"'
    assert titles(env) == {
        "Rubio speaks with Sybiha by phone",
        "Lavrov and Wang Yi meet in Beijing",
        "Stubb visits Erdogan in Ankara",
    }
    third = run_cli("watch", str(feeds), "--once", env=env)
    assert "Harbour: HTTP 200; 0 new, 0 changed, 3 unchanged" in third.stdout
    # An entry whose text changed is loaded again (its page fetched again), and only it.
    changed = text.replace("talked about defence.", "talked about defence and Ukraine.")
    site.routes["/feed.xml"] = Route(
        body=changed.replace("{base}", site.base).encode(), content_type="application/rss+xml"
    )
    fourth = run_cli("watch", str(feeds), "--once", env=env)
    assert "Harbour: HTTP 200; 0 new, 1 changed, 2 unchanged" in fourth.stdout
    assert site.count("/world/stubb-erdogan") == 2 and site.count("/world/lavrov-wang") == 1


def test_a_failing_feed_backs_off_and_fails_the_once_run(tmp_path: Path, site: Site) -> None:
    data_dir = tmp_path / "graph"
    env = embedded_env(data_dir)
    gone = site.url("/gone.xml")
    feeds = feeds_file(
        tmp_path,
        f'[[feed]]\nurl = "{site.url("/feed.xml")}"\n'
        f'[[feed]]\nurl = "{gone}"\nname = "Gone"\ninterval = "10m"\n',
    )
    waits = []
    for errors in (1, 2):
        began = time.time()
        done = run_cli("watch", str(feeds), "--once", env=env)
        assert done.returncode == 1, done.stdout + done.stderr
        assert f"Gone: error #{errors}; HTTP 404 Not Found; next poll" in done.stdout
        state = state_of(data_dir)[gone]
        assert state["errors"] == errors and state["last_error"] == "HTTP 404 Not Found"
        waits.append(float(state["next_poll"]) - began)  # type: ignore[arg-type]
    # 10 minutes doubled per error in a row, jittered by at most a tenth.
    assert 0.9 * 1200 <= waits[0] <= 1.1 * 1200 + 120
    assert 0.9 * 2400 <= waits[1] <= 1.1 * 2400 + 120
    # The other feed loaded all the same.
    assert state_of(data_dir)[site.url("/feed.xml")]["errors"] == 0


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('[[feed]]\nurl = "https://example.org/rss"\ninterval = "soon"\n', "feed[0].interval"),
        ('[[feed]]\nname = "No address"\n', "feed[0].url: required"),
        ('[[feed]]\nurl = "https://example.org/rss"\nfollow_link = true\n', "'follow_link'"),
        ("[[feed]\nurl = 1\n", "not valid TOML"),
    ],
)
def test_a_bad_feeds_file_is_one_line_naming_the_file_and_the_field(
    tmp_path: Path, text: str, problem: str
) -> None:
    feeds = feeds_file(tmp_path, text)
    done = run_cli("watch", str(feeds), env=embedded_env(tmp_path / "graph"))
    assert done.returncode == 2
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"error: {feeds}: ") and problem in line


def test_sigterm_stops_a_watch_between_polls(tmp_path: Path, site: Site) -> None:
    data_dir = tmp_path / "graph"
    feeds = feeds_file(tmp_path, f'[[feed]]\nurl = "{site.url("/feed.xml")}"\ninterval = "1h"\n')
    process = subprocess.Popen(
        [NEWSGRAPH, "watch", str(feeds)],
        env=embedded_env(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # the first poll's line: now it waits an hour
        assert "2 new" in line, line + process.stderr.read() if process.stderr else line
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert state_of(data_dir)[site.url("/feed.xml")]["errors"] == 0
