"""A page loaded from HTML gives the same facts as the same story loaded as scraped text."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from newsgraph.ingest.extract.article import extract
from newsgraph.ingest.extract.reference import Reference, load_reference
from newsgraph.ingest.model import ExtractedArticle, SourceDocument
from newsgraph.ingest.sources.files import read_file

WEB = Path(__file__).resolve().parents[2] / "fixtures" / "web"


@cache
def reference() -> Reference:
    return load_reference()


def extracted(name: str) -> ExtractedArticle:
    (document,) = read_file(WEB / name)
    assert isinstance(document, SourceDocument)
    (article,) = extract(document, reference())
    return article


def facts(article: ExtractedArticle) -> dict[str, Any]:
    """What the graph is told, apart from how the article itself was found."""
    return {
        "actors": sorted((a.name, a.kind, tuple(a.aliases)) for a in article.actors),
        "mentions": sorted(article.mentions),
        "meetings": sorted(
            (
                tuple(sorted(p.actor for p in m.participants)),
                m.date,
                m.place,
                m.mode,
                m.status,
                m.excerpt,
            )
            for m in article.meetings
        ),
        "statements": sorted((s.speaker, s.text, s.date, s.excerpt) for s in article.statements),
        "published_on": article.article.published_on,
        "body": article.article.body,
    }


def test_a_page_loaded_from_html_gives_the_same_facts_as_its_text_version() -> None:
    from_html = extracted("meridian-wire.html")
    from_text = extracted("meridian-wire.txt")
    assert facts(from_html) == facts(from_text)
    # And the facts are the story's: the meeting in Berlin, and what each minister said.
    (meeting,) = from_html.meetings
    assert {p.actor for p in meeting.participants} == {"Katrin Albers", "Tomasz Wierzbicki"}
    assert meeting.place == "Berlin" and str(meeting.date) == "2025-09-02"
    speakers = {s.speaker for s in from_html.statements}
    assert {"Katrin Albers", "Tomasz Wierzbicki"} <= speakers
    # Only the page says who wrote it.
    assert from_html.article.author == "Lena Hoffmann" and from_text.article.author is None


def test_no_fact_comes_from_a_pages_caption_teasers_or_comments() -> None:
    article = extracted("meridian-wire.html")
    names = {a.name for a in article.actors}
    # The teasers name Hungary, China's Wang Yi, France and Italy; the caption a guest house.
    assert not names & {"Hungary", "Wang Yi", "France", "Italy", "Oman", "Estonia"}
    assert all("Villa Borsig" not in (m.place or "") for m in article.meetings)
    assert all("photo opportunity" not in s.text for s in article.statements)
