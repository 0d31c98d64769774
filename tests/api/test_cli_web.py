"""`newsgraph load` of web pages and feeds, as a user types it, then asked over GraphQL."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from tests.helpers.processes import embedded_env, run_cli, serving

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"

ARTICLES = """{ articles(first: 20) { totalCount edges { node {
  title url author summaryOnly publisher publishedOn } } } }"""
MEETINGS = """{ meetings(first: 20) { edges { node { date place
  participants { actor { name } } reports { article { title author } } } } } }"""
STATEMENTS = """{ statements(first: 20) { edges { node { text speaker { name } } } } }"""


def nodes(body: dict[str, Any], field: str) -> list[dict[str, Any]]:
    assert "errors" not in body, body
    return [edge["node"] for edge in body["data"][field]["edges"]]


def test_a_loaded_page_gives_its_meeting_statements_and_byline_over_graphql(
    tmp_path: Path,
) -> None:
    env = embedded_env(tmp_path / "graph")
    page = tmp_path / "page.html"
    shutil.copy(WEB / "meridian-wire.html", page)
    first = run_cli("load", "--json", str(page), env=env)
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["created"]["articles"] == 1
    # Loading the same page again changes nothing.
    again = json.loads(run_cli("load", "--json", str(page), env=env).stdout)
    assert again["created"] == again["changed"] == again["merged"]
    assert set(again["created"].values()) == {0}
    assert again["unchanged"]["articles"] == 1
    with serving(env) as served:
        (article,) = nodes(served.graphql(ARTICLES), "articles")
        assert article == {
            "title": "German and Polish foreign ministers agree to tighten border cooperation",
            "url": "https://www.meridianwire.example/world/europe/"
            "german-polish-foreign-ministers-border-2025-09-02/",
            "author": "Lena Hoffmann",
            "summaryOnly": False,
            "publisher": "Meridian Wire",
            "publishedOn": "2025-09-02",
        }
        (meeting,) = nodes(served.graphql(MEETINGS), "meetings")
        assert {p["actor"]["name"] for p in meeting["participants"]} == {
            "Katrin Albers",
            "Tomasz Wierzbicki",
        }
        assert (meeting["date"], meeting["place"]) == ("2025-09-02", "Berlin")
        assert meeting["reports"][0]["article"]["author"] == "Lena Hoffmann"
        said = {
            (s["speaker"]["name"], s["text"])
            for s in nodes(served.graphql(STATEMENTS), "statements")
        }
        assert (
            "Katrin Albers",
            "We agreed that our cooperation at the border must become closer and faster.",
        ) in said


def test_a_loaded_feed_gives_one_article_per_entry_and_marks_summaries(tmp_path: Path) -> None:
    env = embedded_env(tmp_path / "graph")
    feeds = [WEB / "meridian-world.rss.xml", WEB / "atlantic-desk-summaries.rss"]
    done = run_cli("load", *(str(f) for f in feeds), env=env)
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == (
        f"skipped: {feeds[0]}#entry-3: the entry has no text (no content and no summary)"
    )
    assert "2 files loaded, 0 failed, 1 skipped" in done.stdout
    with serving(env) as served:
        articles = {a["title"]: a for a in nodes(served.graphql(ARTICLES), "articles")}
    assert {title: a["summaryOnly"] for title, a in articles.items()} == {
        "German and Polish foreign ministers agree to tighten border cooperation": False,
        "India and Brazil agree to expand trade talks during New Delhi visit": False,
        "Saudi and Egyptian foreign ministers meet in Riyadh on Gaza aid": True,
        "Chile's foreign minister calls for new Pacific trade forum": True,
    }
    assert (
        articles["Saudi and Egyptian foreign ministers meet in Riyadh on Gaza aid"]["author"]
        == "Omar Haddad"
    )


def test_dry_run_shows_what_a_page_and_a_feed_would_write(tmp_path: Path) -> None:
    env = embedded_env(tmp_path / "graph")
    done = run_cli(
        "load",
        "--dry-run",
        str(WEB / "pacific-herald-jsonld.html"),
        str(WEB / "horn-dispatches.atom"),
        env=env,
    )
    assert done.returncode == 0, done.stderr
    (plan,) = json.loads(done.stdout)
    written = {a["title"]: (a["author"], a["summary_only"]) for a in plan["articles"]}
    assert written == {
        "Japan and Australia pledge closer maritime cooperation after Tokyo talks": (
            "Sophie Marsh and Kenji Ota",
            False,
        ),
        "Kenyan and Ethiopian foreign ministers meet in Nairobi on regional security": (
            "Amina Yusuf",
            False,
        ),
        "Somali foreign minister visits Addis Ababa to mend ties": ("Amina Yusuf", True),
    }
    places = {m["place"] for m in plan["meetings"]}
    assert {"Tokyo", "Nairobi", "Addis Ababa"} <= places
    assert not (tmp_path / "graph" / "server.json").exists()


def test_a_malformed_feed_fails_alone_with_one_line_naming_it(tmp_path: Path) -> None:
    env = embedded_env(tmp_path / "graph")
    broken = tmp_path / "broken.xml"
    broken.write_text('<?xml version="1.0"?>\n<rss><channel><item><title>A</title>\n</rss>\n')
    page = tmp_path / "sitemap.xml"
    page.write_text(
        '<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>'
    )
    done = run_cli(
        "load", "--json", str(broken), str(page), str(WEB / "gov-press-release.html"), env=env
    )
    assert done.returncode == 1
    summary = json.loads(done.stdout)
    assert summary["files"] == {"ok": 1, "failed": 2}
    assert summary["errors"] == [
        f"{broken}: malformed feed at line 3, column 2: mismatched tag",
        f"{page}: not an RSS or Atom feed: its first element is <urlset>, expected <rss>, "
        "<feed> (Atom) or <rdf:RDF>",
    ]


def test_load_help_lists_pages_and_feeds(tmp_path: Path) -> None:
    done = run_cli("load", "--help", env=embedded_env(tmp_path / "graph"))
    text = " ".join(done.stdout.split())
    assert ".html, .htm" in text and "(.xml, .rss, .atom)" in text


def test_a_summary_too_short_to_report_anything_is_skipped_not_a_failed_feed(
    tmp_path: Path,
) -> None:
    feed = tmp_path / "video.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Desk</title>'
        "<item><title>Video</title><link>https://desk.example/v</link>"
        "<description>Watch the video</description></item>"
        "<item><title>Talks</title><link>https://desk.example/t</link><description>"
        "Chilean Foreign Minister Valentina Soto met Peruvian Foreign Minister Luis Quispe in "
        "Lima on Monday to discuss trade.</description></item></channel></rss>"
    )
    done = run_cli("load", "--json", str(feed), env=embedded_env(tmp_path / "graph"))
    assert done.returncode == 0, done.stdout + done.stderr
    summary = json.loads(done.stdout)
    assert summary["files"] == {"ok": 1, "failed": 0}
    assert summary["created"]["articles"] == 1
    assert summary["skipped"] == [
        f"{feed}#entry-1: the summary has no article text (no article text found after "
        "removing navigation and captions)"
    ]
