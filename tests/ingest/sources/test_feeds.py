"""Feeds: RSS 2.0 with content:encoded, RSS with summaries only, and Atom
(tests/fixtures/web/), each entry an article."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsgraph.ingest.model import SourceDocument
from newsgraph.ingest.sources.feeds import FeedEntry, entry_document, looks_like_feed, read_feed
from newsgraph.ingest.sources.files import SourceError, read_file
from newsgraph.ingest.sources.html import read_html
from tests.helpers.sources import assert_read_fails

WEB = Path(__file__).resolve().parents[2] / "fixtures" / "web"


def documents(name: str) -> tuple[list[SourceDocument], list[tuple[str, str]]]:
    skipped: list[tuple[str, str]] = []
    found = read_file(WEB / name, on_skip=lambda origin, why: skipped.append((origin, why)))
    assert all(isinstance(item, SourceDocument) for item in found)
    return found, skipped  # type: ignore[return-value]


def test_an_rss_feed_with_full_content_gives_one_article_per_entry_with_text() -> None:
    found, skipped = documents("meridian-world.rss.xml")
    path = WEB / "meridian-world.rss.xml"
    assert [d.origin for d in found] == [f"{path}#entry-1", f"{path}#entry-2"]
    first, second = found
    assert first.title == "German and Polish foreign ministers agree to tighten border cooperation"
    assert first.url == (
        "https://www.meridianwire.example/world/europe/"
        "german-polish-foreign-ministers-border-2025-09-02/"
    )
    assert (first.published, first.author, first.publisher, first.language) == (
        dt.date(2025, 9, 2),
        "Lena Hoffmann",
        "Meridian Wire",
        "en",
    )
    assert not first.summary_only and not second.summary_only
    # The full text of content:encoded, not the one-line description; HTML made plain text,
    # paragraph by paragraph, and the figure's caption left out.
    assert first.body.split("\n\n") == [
        "BERLIN, Sept 2 (Meridian Wire) - German Foreign Minister Katrin Albers met her Polish "
        "counterpart Tomasz Wierzbicki in Berlin on Tuesday to discuss border security and "
        "energy links, the German foreign ministry said.",
        '"We agreed that our cooperation at the border must become closer and faster," Albers '
        "told reporters after the talks.",
        "Wierzbicki said Poland would send a delegation of customs and police officials to "
        "Berlin next month to prepare a joint action plan.",
        "The two ministers also discussed support for Ukraine ahead of a meeting of European "
        "Union foreign ministers in Brussels later this month.",
    ]
    assert "<" not in second.body and "&quot;" not in second.body
    # The live blog's entry has a title and a link, but no text: skipped, not a failure.
    assert skipped == [(f"{path}#entry-3", "the entry has no text (no content and no summary)")]


def test_an_rss_feed_of_summaries_marks_each_article_summary_only() -> None:
    found, skipped = documents("atlantic-desk-summaries.rss")
    assert skipped == []
    assert [d.summary_only for d in found] == [True, True]
    saudi, chile = found
    assert saudi.body == (
        "Saudi Foreign Minister Faisal al-Rashed met Egyptian Foreign Minister Karim Mansour in "
        "Riyadh on Sunday to discuss aid deliveries to Gaza, the Saudi foreign ministry said."
    )
    # RSS's <author> is "email (Name)".
    assert saudi.author == "Omar Haddad"
    assert chile.author is None
    assert chile.published == dt.date(2025, 11, 17)


def test_an_atom_feed_takes_content_else_the_summary_marked() -> None:
    found, _skipped = documents("horn-dispatches.atom")
    full, summary = found
    assert not full.summary_only and summary.summary_only
    assert full.body.startswith("Kenyan Foreign Minister Daniel Kiprono met")
    assert "\u201cOur neighbours\u2019 peace is our peace" in full.body
    assert "discussed border security and Sudan" not in full.body  # the summary, not used
    assert full.published == dt.date(2025, 11, 4)
    # No <published>: the entry's <updated> dates it.
    assert summary.published == dt.date(2025, 10, 20)
    assert {full.author, summary.author} == {"Amina Yusuf"}
    assert full.publisher == "Horn Dispatches"
    assert summary.url == "https://horndispatches.example/2025/10/20/somalia-visit/"


@pytest.mark.parametrize(
    ("head", "is_feed"),
    [
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', True),
        (
            b'\xef\xbb\xbf<?xml version="1.0"?><!-- c --><feed xmlns="http://www.w3.org/2005/Atom">',
            True,
        ),
        (b'<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?>\n<rdf:RDF xmlns:rdf="x">', True),
        (b"<!DOCTYPE html><html><body>", False),
        (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/">', False),
        (b"plain text", False),
    ],
)
def test_a_feed_is_told_from_its_first_element(head: bytes, is_feed: bool) -> None:
    assert looks_like_feed(head) is is_feed


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        (
            "sitemap.xml",
            b'<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>',
            "not an RSS or Atom feed: its first element is <urlset>, expected <rss>, <feed> "
            "(Atom) or <rdf:RDF>",
        ),
        (
            "broken.rss",
            b'<?xml version="1.0"?>\n<rss version="2.0"><channel>\n<item><title>A</title>\n'
            b"</channel></rss>",
            "malformed feed at line 4, column 2: mismatched tag",
        ),
        ("empty.atom", b"", "file is empty"),
        ("page.xml", b"<html><body><p>Hello.</p></body></html>", "not an RSS or Atom feed"),
        (
            "none.xml",
            b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>',
            "the feed has no entries",
        ),
    ],
)
def test_a_file_that_is_no_readable_feed_is_a_one_line_error_naming_it(
    tmp_path: Path, name: str, content: bytes, problem: str
) -> None:
    assert_read_fails(tmp_path / name, content, problem)


def test_reading_a_feed_never_fetches_its_links(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a file's feed went to the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    found, _skipped = documents("atlantic-desk-summaries.rss")
    assert all(d.summary_only for d in found)


# --- entry_document: what a fetching caller gets -------------------------------------------

SUMMARY_ENTRY = FeedEntry(
    origin="https://wire.example/rss#entry-1",
    entry_id="e1",
    title="Ministers meet",
    link="https://www.meridianwire.example/world/europe/x/",
    published=dt.date(2025, 9, 1),
    author="Desk",
    text="A short summary of the meeting in Berlin today.",
    text_kind="summary",
    publisher="Meridian Wire",
    language="en",
)


def test_a_fetched_page_stands_in_for_a_summary_and_the_entry_fills_its_gaps() -> None:
    page = read_html((WEB / "gov-press-release.html").read_bytes(), origin="fetched")
    document = entry_document(SUMMARY_ENTRY, page)
    assert document is not None
    assert document.body == page.body and not document.summary_only
    assert document.origin == SUMMARY_ENTRY.origin
    # The page states no URL or author: the entry's fill them; the page's own date wins.
    assert document.url == SUMMARY_ENTRY.link
    assert document.author == "Desk"
    assert document.published == dt.date(2025, 10, 14)


def test_an_entrys_own_content_wins_over_a_fetched_page() -> None:
    entry = FeedEntry(**{**SUMMARY_ENTRY.__dict__, "text": "Full text.", "text_kind": "content"})
    page = read_html((WEB / "gov-press-release.html").read_bytes(), origin="fetched")
    document = entry_document(entry, page)
    assert document is not None and document.body == "Full text."


def test_an_entry_without_text_or_page_gives_nothing() -> None:
    entry = FeedEntry(**{**SUMMARY_ENTRY.__dict__, "text": None, "text_kind": None})
    assert entry_document(entry) is None
    summary = entry_document(SUMMARY_ENTRY)
    assert summary is not None and summary.summary_only


def test_read_feed_names_the_url_it_was_given_in_entry_origins() -> None:
    data = (WEB / "horn-dispatches.atom").read_bytes()
    entries = read_feed(data, origin="https://horndispatches.example/feed/atom/")
    assert [e.origin for e in entries] == [
        "https://horndispatches.example/feed/atom/#entry-1",
        "https://horndispatches.example/feed/atom/#entry-2",
    ]
    assert [e.text_kind for e in entries] == ["content", "summary"]
    assert entries[0].entry_id == "https://horndispatches.example/?p=2214"


def test_a_feeds_bytes_are_never_taken_for_a_file_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # feedparser opens a bytes argument as a path when one exists by that name.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "<rss>x").write_bytes((WEB / "horn-dispatches.atom").read_bytes())
    with pytest.raises(SourceError, match="malformed feed"):
        read_feed(b"<rss>x", origin="tiny.rss")
