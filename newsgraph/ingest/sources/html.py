"""HTML pages: a news page's own article text and metadata, read with trafilatura and htmldate.

trafilatura finds the article's main text in a real page (navigation, cookie banners, photo
captions, teasers of other articles, newsletter boxes and comments left out) and reads the
page's metadata: title, author, site name, canonical URL and date, from the meta tags, Open
Graph and JSON-LD (a NewsArticle's ``headline``, ``author``, ``publisher`` and
``datePublished``). Dates come from htmldate: through trafilatura first, from the page's markup
only (meta tags, JSON-LD, ``<time>``, the URL); when the markup states none, htmldate is asked
again to search the page's text too (a press release's "Published on 14 October 2025").

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

# The markup's dates first: they are the page's own statement. htmldate's search of the text
# (extensive_search) would rather take the first date-like string it trusts, so it is only the
# fallback for pages that state their date nowhere else.
_MARKUP_DATES = {"original_date": True, "extensive_search": False}
# Link texts and labels that trafilatura can take for the byline itself, from themes that mark
# "View all posts by Amina Yusuf" as the rel=author link.
_BYLINE_LABEL = re.compile(
    r"^(?:(?:view|see|read)\s+(?:all|more)\s+(?:posts|articles|stories)\s+by"
    r"|(?:posted|published|written)\s+by|by)\s+",
    re.IGNORECASE,
)

# Elements whose text is never the article's: scripts, styles, and the furniture trafilatura
# would drop too (used for feed fragments, where trafilatura's page heuristics do not apply).
_NOT_TEXT = ("script", "style", "noscript", "template", "figure", "figcaption", "iframe", "form")
_BLOCKS = frozenset(
    {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "section"}
    | {"article", "header", "footer", "ul", "ol", "dl", "dt", "dd", "table", "tr", "td", "th"}
    | {"aside", "address", "hr"}
)
_MORE_LINKS = frozenset(
    {
        "read more",
        "more",
        "continue reading",
        "read the full story",
        "full story",
        "read full article",
    }
)
_PROSE_WORDS = 5
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
    if not isinstance(result, Document) or not _has_prose(body):
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
    for element in list(root.iter(*_NOT_TEXT)):
        element.drop_tree()
    for link in list(root.iter("a")):
        # A feed's "Read more" / "Continue reading →" link ends the summary; it is no text.
        if _norm(link.text_content()) in _MORE_LINKS:
            link.drop_tree()
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


def _norm(text: str) -> str:
    return " ".join(text.lower().split()).strip(" .\u2026\u00bb\u203a\u2192>")


def _clean(value: str | None) -> str | None:
    text = " ".join(value.split()) if value else ""
    return text or None


def _author(value: str | None) -> str | None:
    # trafilatura joins several authors with "; ", the convention bylines read as "A and B".
    text = _clean(value)
    if text is None:
        return None
    names = [_BYLINE_LABEL.sub("", name).strip() for name in text.split(";")]
    names = [name for name in names if name]
    if not names:
        return None
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _searched_date(data: bytes | str, url: str | None) -> str | None:
    """htmldate's answer for a page whose markup states no date: its text searched too. A
    first of the month is refused: it is what htmldate answers when all it found was a month
    or a year ("(c) 2025" in the footer gives 2025-01-01), and a wrong date stated is worse
    than none (the extractor then infers one from the article, marked as inferred)."""
    try:
        found = htmldate.find_date(data, extensive_search=True, original_date=True, url=url)
    except (ValueError, TypeError):
        return None
    return None if found is None or found.endswith("-01") else found


def _has_prose(body: str) -> bool:
    """Whether trafilatura's text has a sentence in it: on a page without an article its
    fallbacks answer with the menu ("Home World")."""
    return any(
        len(line.split()) >= _PROSE_WORDS
        and line.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?"))
        for line in body.split("\n\n")
    )


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
