"""Web pages: the article's own paragraphs and the page's metadata, from four site templates
(tests/fixtures/web/*.html) with the furniture real news pages carry around the story."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsgraph.ingest.model import SourceDocument
from newsgraph.ingest.sources.files import SourceError, read_file
from newsgraph.ingest.sources.html import fragment_text, read_html
from tests.helpers.sources import assert_read_fails

WEB = Path(__file__).resolve().parents[2] / "fixtures" / "web"


def page(name: str) -> SourceDocument:
    (document,) = read_file(WEB / name)
    assert isinstance(document, SourceDocument)
    return document


# Per template: sentences of the story that must be in the body, and sentences of the page's
# furniture (captions, teasers, comments, banners, boxes) that must not.
TEMPLATES = {
    "meridian-wire.html": (
        [
            "German Foreign Minister Katrin Albers met her Polish counterpart Tomasz Wierzbicki "
            "in Berlin on Tuesday to discuss border security and energy links, the German "
            "foreign ministry said.",
            '"We agreed that our cooperation at the border must become closer and faster," '
            "Albers told reporters after the talks.",
            "Wierzbicki said Poland would send a delegation of customs and police officials",
            "The two ministers also discussed support for Ukraine",
        ],
        [
            "greets Polish Foreign Minister Tomasz Wierzbicki at the Villa Borsig",  # caption
            "Hungary's foreign minister to visit Beijing",  # inline related teaser
            "French president calls Italian prime minister",  # inline related teaser
            "Baltic foreign ministers meet in Riga",  # read-next card
            "Oman's foreign minister hosts talks",  # read-next card
            "Another meeting, another photo opportunity",  # comment
            "should have insisted on a written agreement",  # comment
            "We use cookies",  # cookie banner
            "Morning Briefing",  # newsletter box
            "All quotes delayed",  # footer
            "Share on X",
        ],
    ),
    "pacific-herald-jsonld.html": (
        [
            "Japanese Foreign Minister Hiroshi Tanabe held talks with Australian Foreign Minister "
            "Claire Whitfield in Tokyo on Monday",
            '"Our countries share a stake in open sea lanes, and today we agreed to work more '
            'closely to keep them open," Whitfield said',
            "Tanabe said Japan would send two coast guard vessels",
            "agreed to meet again in Canberra in the spring.",
        ],
        [
            "at the Iikura Guest House in Tokyo. Photo: Pool",  # caption
            "New Zealand prime minister to meet Indonesian president",  # inline promo
            "Chinese foreign minister calls on Philippines",  # most-read sidebar
            "Indian external affairs minister meets Sri Lankan president",  # most-read sidebar
            "Ten hidden beaches",  # sponsored links
            "This site uses cookies",  # consent overlay
            "Subscribe from $1 a week",
            "Southern Cross Media Group",  # footer
        ],
    ),
    "horn-dispatches-wordpress.html": (
        [
            "Kenyan Foreign Minister Daniel Kiprono met Ethiopian Foreign Minister Meseret Alemu "
            "in Nairobi on Monday",
            "\"Our neighbours' peace is our peace, and we will not stand aside while the region "
            'burns," Kiprono said after the meeting.',
            "Alemu said Ethiopia supported a new round of talks under the African Union",
            "it was the second meeting between the two ministers this year.",
        ],
        [
            "is a former Kenyan diplomat who served in Addis Ababa",  # author box
            "Somali foreign minister visits Addis Ababa",  # related posts
            "IGAD leaders to meet in Djibouti",  # related posts
            "Eritrea recalls its ambassador",  # previous post, sidebar
            "Djibouti signs port deal",  # recent posts widget
            "promised the same thing in March",  # comment
            "the committee on Sudan is new and worth watching",  # the author's reply
            "Great summary, thank you",  # comment
            "Your email address will not be published",  # comment form
            "Get every new dispatch by email",  # newsletter widget
            "Proudly powered by WordPress",
            "Notes on diplomacy in East Africa",  # site description
        ],
    ),
    "gov-press-release.html": (
        [
            "The Minister for Foreign Affairs, Aoife Byrne, met the Canadian Minister of Foreign "
            "Affairs, Margaret Leclerc, at Iveagh House in Dublin today.",
            'Speaking after the meeting, Minister Byrne said: "Ireland and Canada are close '
            "friends who share a commitment to the multilateral system.",
            "Minister Leclerc is in Ireland for a two-day visit",
        ],
        [
            "We use some essential cookies",  # cookie banner
            "Was this page helpful?",  # feedback box
            "Help us improve",
            "Ireland's relations with Canada",  # "part of" links
            "Open Government Licence",  # footer
            "Skip to main content",
            "Press releases",  # breadcrumbs
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_a_page_gives_the_story_and_none_of_the_furniture(name: str) -> None:
    body = page(name).body
    present, absent = TEMPLATES[name]
    for sentence in present:
        assert sentence in body, sentence
    for sentence in absent:
        assert sentence not in body, sentence


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_a_pages_paragraphs_are_lines_apart_by_a_blank_line_as_in_text_files(name: str) -> None:
    body = page(name).body
    paragraphs = body.split("\n\n")
    # Each paragraph is one line with no stray whitespace, as a scraped .txt body has them.
    assert all(p == " ".join(p.split()) and p for p in paragraphs)
    assert len(paragraphs) >= 3
    assert TEMPLATES[name][0][0] in paragraphs[0] or TEMPLATES[name][0][0] in paragraphs[1]


def test_a_wire_pages_metadata_comes_from_its_meta_tags() -> None:
    document = page("meridian-wire.html")
    assert document.title == (
        "German and Polish foreign ministers agree to tighten border cooperation"
    )
    assert document.url == (
        "https://www.meridianwire.example/world/europe/"
        "german-polish-foreign-ministers-border-2025-09-02/"
    )
    assert document.publisher == "Meridian Wire"
    assert document.author == "Lena Hoffmann"
    assert document.published == dt.date(2025, 9, 2)
    assert document.language == "en"
    assert document.summary_only is False
    assert document.origin == str(WEB / "meridian-wire.html")


def test_json_ld_news_article_metadata_is_honoured() -> None:
    document = page("pacific-herald-jsonld.html")
    # datePublished and the two authors are stated only in the JSON-LD (the page shows the
    # update day, 14 October, and no author meta tag).
    assert document.published == dt.date(2025, 10, 13)
    assert document.author == "Sophie Marsh and Kenji Ota"
    assert document.publisher == "The Pacific Herald"
    assert document.url == (
        "https://pacificherald.example/news/world/2025/10/japan-australia-maritime-talks"
    )
    assert document.title == (
        "Japan and Australia pledge closer maritime cooperation after Tokyo talks"
    )


def test_a_wordpress_bylines_link_text_is_not_taken_for_the_authors_name() -> None:
    # The theme's rel=author link reads "View all posts by Amina Yusuf".
    document = page("horn-dispatches-wordpress.html")
    assert document.author == "Amina Yusuf"
    assert document.publisher == "Horn Dispatches"
    assert document.published == dt.date(2025, 11, 4)
    assert document.url == (
        "https://horndispatches.example/2025/11/04/kenya-ethiopia-foreign-ministers-nairobi/"
    )


def test_a_date_stated_only_in_the_pages_text_is_found_by_htmldate() -> None:
    # The press release has no date markup at all: "Published on 14 October 2025".
    document = page("gov-press-release.html")
    assert document.published == dt.date(2025, 10, 14)
    assert document.title == "Minister Byrne meets Canadian Foreign Minister in Dublin"
    assert document.author is None


def test_the_url_a_page_came_from_is_its_url_when_it_states_no_canonical_one() -> None:
    raw = (WEB / "gov-press-release.html").read_bytes()
    document = read_html(raw, origin="x", url="https://www.gov.example/en/dfa/pr/1/")
    assert document.url == "https://www.gov.example/en/dfa/pr/1/"
    canonical = read_html(
        (WEB / "meridian-wire.html").read_bytes(), origin="x", url="https://elsewhere.example/"
    )
    assert canonical.url is not None and canonical.url.startswith("https://www.meridianwire")


def test_a_page_in_another_encoding_is_read_by_its_declared_charset(tmp_path: Path) -> None:
    html = (
        '<html lang="de"><head><meta charset="iso-8859-1"><title>Gespräche</title></head><body>'
        "<article><h1>Gespräche in Berlin</h1>"
        + "<p>Die Außenministerin traf ihren polnischen Amtskollegen zu Gesprächen über die "
        "Grenze und die Energieversorgung in Berlin.</p>" * 3 + "</article></body></html>"
    )
    path = tmp_path / "seite.htm"
    path.write_bytes(html.encode("iso-8859-1"))
    (document,) = read_file(path)
    assert isinstance(document, SourceDocument)
    assert "Die Außenministerin traf" in document.body
    assert document.language == "de"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "file is empty"),
        (b"   \n\n", "file is empty"),
        (b"\x00\x01\x02binary\x00" * 20, "binary file, not text"),
        (
            b"<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            b"<footer>(c) 2025</footer></body></html>",
            "no article text found in the page",
        ),
    ],
)
def test_a_page_without_article_text_is_a_one_line_error_naming_the_file(
    tmp_path: Path, content: bytes, problem: str
) -> None:
    assert_read_fails(tmp_path / "broken.html", content, problem)


# --- HTML inside JSON records --------------------------------------------------------------


def test_a_json_record_may_carry_a_page_as_html_and_its_stated_metadata_wins(
    tmp_path: Path,
) -> None:
    html = (WEB / "meridian-wire.html").read_text()
    record = {"html": html, "title": "Stated title", "publisher": "Stated Wire", "author": "A B"}
    path = tmp_path / "pages.ndjson"
    path.write_text(json.dumps(record) + "\n" + json.dumps({"html": html}) + "\n")
    stated, plain = read_file(path)
    assert isinstance(stated, SourceDocument) and isinstance(plain, SourceDocument)
    assert (stated.title, stated.publisher, stated.author) == ("Stated title", "Stated Wire", "A B")
    # What the record does not state comes from the page.
    assert stated.published == dt.date(2025, 9, 2)
    assert stated.url == plain.url and plain.url is not None
    assert stated.body == plain.body == page("meridian-wire.html").body
    assert stated.origin == f"{path}:1" and plain.origin == f"{path}:2"


def test_a_json_record_with_both_body_and_html_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"body": "Some text here.", "html": "<p>Some text.</p>"}]))
    with pytest.raises(SourceError) as caught:
        read_file(path)
    assert str(caught.value) == (
        f"{path}[0]: give 'body' (page text) or 'html' (a web page), not both"
    )


def test_a_json_records_html_without_article_text_names_the_record(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"html": "<html><body><nav>Home</nav></body></html>"}]))
    with pytest.raises(SourceError) as caught:
        read_file(path)
    assert caught.value.origin == f"{path}[0]"
    assert caught.value.problem.startswith("no article text found in the page")


# --- fragments (feed entries) ---------------------------------------------------------------


def test_an_html_fragment_becomes_paragraphs_without_figures_or_more_links() -> None:
    text = fragment_text(
        "<p>First <b>bold</b> sentence.</p><figure><img src=x><figcaption>A caption.</figcaption>"
        "</figure><p>Second line<br>and third.</p><ul><li>One item.</li></ul>"
        "<p>Last words. <a href='/x'>Continue reading &rarr;</a></p><script>var x;</script>"
    )
    assert text == "First bold sentence.\n\nSecond line\n\nand third.\n\nOne item.\n\nLast words."


def test_a_copyright_year_is_not_taken_for_the_publication_date() -> None:
    # No date markup and no date in the text: htmldate's last resort would be "2025-01-01".
    html = (
        "<html><body><article><h1>Ministers meet</h1>"
        "<p>The foreign ministers of Chile and Peru met in Lima on Friday to discuss trade.</p>"
        "<p>They agreed to meet again before the end of the year in Santiago.</p>"
        "<p>Both said the talks had been useful and friendly.</p>"
        "</article><footer><p>&copy; 2025 Andes Daily</p></footer></body></html>"
    )
    assert read_html(html, origin="x").published is None
