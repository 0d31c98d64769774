"""`newsgraph load https://...` as a user types it: pages and feeds from a site on 127.0.0.1,
into the embedded graph, read back through GraphQL; each failure one line naming the URL."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.processes import embedded_env, free_port, run_cli, serving
from tests.helpers.site import Route, Site, serving_site

ARTICLES = "{ articles(first: 20) { edges { node { title url } } } }"


@pytest.fixture
def site() -> Iterator[Site]:
    with serving_site() as site:
        site.serve_fixture("/robots.txt", "robots.txt")
        site.serve_fixture("/world/lavrov-wang", "lavrov-wang.html", etag='"lw-1"')
        site.serve_fixture(
            "/world/stubb-erdogan",
            "stubb-erdogan.html",
            last_modified="Tue, 02 Sep 2025 08:00:00 GMT",
        )
        site.serve_fixture("/world/rubio-sybiha", "rubio-sybiha.html")
        site.serve_fixture("/feed.xml", "feed.xml", etag='"feed-1"')
        yield site


def failures(stderr: str) -> dict[str, str]:
    """The `failed:` lines, by URL."""
    found = {}
    for line in stderr.splitlines():
        if line.startswith("failed: "):
            url, _, problem = line.removeprefix("failed: ").partition(": ")
            found[url] = problem
    return found


def test_pages_load_into_graphql_and_each_failing_url_is_one_line(
    tmp_path: Path, site: Site
) -> None:
    site.routes["/r1"] = Route(location="/r2", status=301)
    site.routes["/r2"] = Route(location="/world/stubb-erdogan")
    site.routes["/loop-1"] = Route(location="/loop-2")
    site.routes["/loop-2"] = Route(location="/loop-1")
    site.serve_fixture("/members/lavrov", "lavrov-wang.html")
    site.serve_fixture("/slow", "rubio-sybiha.html", delay_s=5)
    site.routes["/big"] = Route(body=b"<html><p>" + b"word " * 200_000, length=False)
    site.routes["/data.json"] = Route(body=b"{}", content_type="application/json")
    bad = {
        "/loop-1": "redirect loop",
        "/members/lavrov": "disallowed by",
        "/slow": "timed out",
        "/big": "too large",
        "/nowhere": "HTTP 404",
        "/data.json": "not HTML or a feed",
    }
    refused = f"http://127.0.0.1:{free_port()}/page"
    env = embedded_env(
        tmp_path / "graph",
        NEWSGRAPH_FETCH_READ_TIMEOUT_S="1",
        NEWSGRAPH_FETCH_MAX_BYTES="100000",
    )
    urls = [site.url("/world/lavrov-wang"), site.url("/r1"), *map(site.url, bad), refused]
    done = run_cli("load", *urls, env=env)
    assert done.returncode == 1, done.stdout + done.stderr
    failed = failures(done.stderr)
    assert set(failed) == {*map(site.url, bad), refused}
    for path, problem in bad.items():
        assert problem in failed[site.url(path)]
    assert "connection refused" in failed[refused]
    assert "2 URLs loaded, 7 failed" in done.stdout
    assert site.count("/members/lavrov") == 0
    with serving(env) as served:
        body = served.graphql(ARTICLES)
    titles = {edge["node"]["title"] for edge in body["data"]["articles"]["edges"]}
    assert titles == {"Lavrov and Wang Yi meet in Beijing", "Stubb visits Erdogan in Ankara"}


def test_loading_again_asks_if_changed_and_counts_a_304_as_unchanged(
    tmp_path: Path, site: Site
) -> None:
    env = embedded_env(tmp_path / "graph")
    urls = [site.url("/world/lavrov-wang"), site.url("/world/stubb-erdogan")]
    first = run_cli("load", "--json", *urls, env=env)
    assert first.returncode == 0, first.stderr
    before = json.loads(run_cli("db", "stats", "--json", env=env).stdout)
    again = run_cli("load", "--json", *urls, env=env)
    assert again.returncode == 0, again.stderr
    summary = json.loads(again.stdout)
    assert summary["files"] == {"ok": 2, "failed": 0, "not_modified": 2}
    assert summary["created"]["articles"] == summary["changed"]["articles"] == 0
    assert summary["unchanged"]["articles"] == 2
    etag_sent = site.headers_of("/world/lavrov-wang")[1]
    date_sent = site.headers_of("/world/stubb-erdogan")[1]
    assert etag_sent["if-none-match"] == '"lw-1"'
    assert date_sent["if-modified-since"] == "Tue, 02 Sep 2025 08:00:00 GMT"
    after = json.loads(run_cli("db", "stats", "--json", env=env).stdout)
    assert {k: v for k, v in after.items() if k != "graph"} == {
        k: v for k, v in before.items() if k != "graph"
    }


def test_a_feed_without_full_text_loads_the_pages_its_entries_link_to(
    tmp_path: Path, site: Site
) -> None:
    env = embedded_env(tmp_path / "graph")
    done = run_cli("load", site.url("/feed.xml"), env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert site.count("/world/rubio-sybiha") == site.count("/world/lavrov-wang") == 1
    with serving(env) as served:
        body = served.graphql(
            '{ statements(filter: {speaker: "Sybiha"}) { edges { node { text } } } }'
        )
    # The quote is on the linked page only; the feed has a one-line summary.
    texts = [edge["node"]["text"] for edge in body["data"]["statements"]["edges"]]
    assert any("working closely with our partners" in text for text in texts), texts


def test_a_dry_run_of_a_feed_without_following_links_plans_the_summaries(
    tmp_path: Path, site: Site
) -> None:
    env = embedded_env(tmp_path / "graph")
    done = run_cli("load", "--dry-run", "--no-follow-links", site.url("/feed.xml"), env=env)
    assert done.returncode == 0, done.stderr
    plans = json.loads(done.stdout)
    bodies = {a["title"]: a["body"] for plan in plans for a in plan["articles"]}
    assert bodies["Rubio speaks with Sybiha by phone"] == (
        "The U.S. Secretary of State and Ukraine's foreign minister discussed security guarantees."
    )
    assert site.count("/world/rubio-sybiha") == 0
    # Nothing was written, and nothing remembered: a real load fetches the feed whole.
    assert not (tmp_path / "graph" / "fetch" / "pages.json").exists()


def test_after_a_reset_the_same_url_loads_again_rather_than_answering_304(
    tmp_path: Path, site: Site
) -> None:
    env = embedded_env(tmp_path / "graph")
    url = site.url("/world/lavrov-wang")
    assert run_cli("load", url, env=env).returncode == 0
    assert run_cli("db", "reset", "--yes", env=env).returncode == 0
    again = run_cli("load", "--json", url, env=env)
    assert again.returncode == 0, again.stderr
    assert json.loads(again.stdout)["created"]["articles"] == 1
    assert "if-none-match" not in site.headers_of("/world/lavrov-wang")[1]
