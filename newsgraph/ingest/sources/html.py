"""HTML pages: a news page's own article text and metadata, read with trafilatura and htmldate.

trafilatura finds the article's main text in a real page (navigation, cookie banners, photo
captions, teasers of other articles, newsletter boxes and comments left out) and reads the
page's metadata: title, author, site name, canonical URL and date, from the meta tags, Open
Graph and JSON-LD (a NewsArticle's ``headline``, ``author``, ``publisher`` and
``datePublished``). htmldate, which trafilatura itself uses for dates, is asked again only when
the page's markup states no date: it then also searches the page's text.

The body is given to the extractor as the plain text sources give it: one paragraph a line,
paragraphs apart by a blank line, so the text cleaner (newsgraph/ingest/extract/clean.py) sees
the same shape as a scraped ``.txt`` page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

import htmldate
import lxml.html
import trafilatura
from lxml import etree
from trafilatura.settings import Document

from newsgraph.ingest.model import SourceDocument
from newsgraph.ingest.sources.errors import SourceError

__all__ = ["fragment_text", "read_html"]

# Dates a page states are read from its markup only: a date found in the running text of a
# page (a comment's timestamp, a teaser's) would be a guess, and a guess is what the extractor
# already makes, marked as inferred, from the article's own sentences.
_MARKUP_DATES = {"original_date": True, "extensive_search": False}

# Elements whose text is never the article's: scripts, styles, and the furniture trafilatura
# would drop too (used for feed fragments, where trafilatura's page heuristics do not apply).
_NOT_TEXT = ("script", "style", "noscript", "template", "figure", "figcaption", "iframe", "form")
_BLOCKS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section"}
    | {"article", "header", "footer", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th"}
    | {"aside", "address", "hr"}
)
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LANGUAGE = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")


def read_html(data: bytes | str, *, origin: str, url: str | None = None) -> SourceDocument:
    """One page's article and metadata. ``url`` is where the page came from, when known; the
    page's canonical URL, when it states one, is the article's. SourceError naming ``origin``
    when the page is not HTML or has no article text."""
    if not data.strip():
        raise SourceError(origin, "the page is empty")
    tree = _parse(data, origin)
    language = _page_language(tree)
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        date_extraction_params=dict(_MARKUP_DATES),
    )
    text = result.text if isinstance(result, Document) else None
    body = _paragraphs(text.splitlines()) if text else ""
    if not isinstance(result, Document) or not body:
        raise SourceError(
            origin, "no article text found in the page (is it an index, a login or an error page?)"
        )
    published = _date(result.date) or _date(_searched_date(data, url))
    return SourceDocument(
        origin=origin,
        body=body,
        title=_clean(result.title),
        url=_clean(result.url) or url,
        publisher=_clean(result.sitename),
        published=published,
        language=language,
        author=_author(result.author),
    )


def fragment_text(markup: str) -> str:
    """Plain text of an HTML fragment (a feed entry's content or summary): the text of each
    block element a paragraph, paragraphs apart by a blank line; "" when there is none."""
    if "<" not in markup:
        # Plain text in a feed that does not mark up its summaries; entities are already decoded.
        return _paragraphs(markup.splitlines())
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return ""
    for element in root.iter(*_NOT_TEXT):
        element.drop_tree()
    lines: list[str] = []
    current: list[str] = []

    def flush() -> None:
        lines.append(" ".join("".join(current).split()))
        current.clear()

    def walk(element: lxml.html.HtmlElement) -> None:
        block = element.tag in _BLOCKS
        if block or element.tag == "br":
            flush()
        current.append(element.text or "")
        for child in element:
            if isinstance(child.tag, str):
                walk(child)
            current.append(child.tail or "")
        if block:
            flush()

    walk(root)
    flush()
    return _paragraphs(lines)


def _parse(data: bytes | str, origin: str) -> lxml.html.HtmlElement:
    try:
        tree = trafilatura.load_html(data)
    except (etree.ParserError, ValueError) as exc:
        raise SourceError(origin, f"not an HTML page: {exc}") from None
    if tree is None:
        raise SourceError(origin, "not an HTML page: no HTML elements in it")
    return tree


def _paragraphs(lines: Iterable[str]) -> str:
    return "\n\n".join(text for line in lines if (text := " ".join(line.split())))


def _clean(value: str | None) -> str | None:
    text = " ".join(value.split()) if value else ""
    return text or None


def _author(value: str | None) -> str | None:
    # trafilatura joins several authors with "; ", the convention bylines read as "A and B".
    text = _clean(value)
    if text is None:
        return None
    names = [name.strip() for name in text.split(";") if name.strip()]
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _searched_date(data: bytes | str, url: str | None) -> str | None:
    """htmldate's answer for a page whose markup states no date: its text searched too."""
    try:
        return htmldate.find_date(data, extensive_search=True, original_date=True, url=url)
    except (ValueError, TypeError):
        return None


def _page_language(tree: lxml.html.HtmlElement) -> str | None:
    """The page's language as a two-letter code: ``<html lang>``, then the Content-Language
    and ``og:locale`` meta tags (trafilatura does not read them; it only guesses from text)."""
    candidates: list[str] = [tree.get("lang") or tree.get(_XML_LANG) or ""]
    candidates += tree.xpath(
        "//meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
        " = 'content-language']/@content"
    )
    candidates += tree.xpath("//meta[@property='og:locale']/@content")
    for candidate in candidates:
        match = _LANGUAGE.match(str(candidate))
        if match is not None:
            return match.group(1).lower()
    return None
