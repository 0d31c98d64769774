"""The extraction stage: one raw article in, the structured payload of ``model.py`` out.

    clean (boilerplate out) -> Document (sentences, quotes, actor mentions)
        -> statements -> meetings -> topics -> ExtractedArticle

Pure Python, deterministic and offline; the ``Reference`` carries every compiled pattern, so
one instance serves any number of articles.
"""

from __future__ import annotations

import datetime as dt
import re
import signal
import threading
from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from newsgraph.ingest.extract.actors import find_mentions
from newsgraph.ingest.extract.clean import Block, FeedItem, Page, clean_page
from newsgraph.ingest.extract.confidence import (
    meeting_confidence,
    participant_confidence,
    statement_confidence,
)
from newsgraph.ingest.extract.dates import find_dates, nearest_day, resolve, year_after
from newsgraph.ingest.extract.document import Document
from newsgraph.ingest.extract.meetings import Met, extract_meetings
from newsgraph.ingest.extract.nlp import shared_pipeline
from newsgraph.ingest.extract.reference import Reference
from newsgraph.ingest.extract.statements import Said, extract_statements
from newsgraph.ingest.extract.text import split_sentences
from newsgraph.ingest.extract.topics import rank_topics
from newsgraph.ingest.headline import headline
from newsgraph.ingest.model import (
    ActorKind,
    ArticleFact,
    ExtractedArticle,
    MeetingFact,
    MeetingStatus,
    Participant,
    SourceDocument,
    StatementFact,
)

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc as SpacyDoc

__all__ = ["ExtractionError", "extract", "extract_many"]


class ExtractionError(ValueError):
    """The document holds no article text the extractor can use, or its extraction failed."""


# The most one article's rules may take (a 6,000-character article takes a tenth of a
# second). Past it the article is reported as not extracted instead of stalling the load:
# the rules are many, and a loop that never ends on some sentence is a bug no test has met.
ARTICLE_SECONDS = 60.0


class _TooLong(Exception):
    pass


def _within_time(
    work: Callable[[], list[ExtractedArticle]], origin: str
) -> list[ExtractedArticle] | ExtractionError:
    """``work()``, or an ExtractionError naming ``origin`` when it runs past ARTICLE_SECONDS or
    a rule fails on the article's text: one article's trouble is reported, and the articles
    after it are still read. The clock runs only in a process's main thread (where a loader
    and the pool's workers run): signals reach no other, so elsewhere the time is unguarded."""
    if threading.current_thread() is not threading.main_thread():
        return _reported(work, origin)

    def expired(signum: int, frame: object) -> None:
        raise _TooLong

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, ARTICLE_SECONDS)
    try:
        return _reported(work, origin)
    except _TooLong:
        return ExtractionError(
            f"{origin}: extraction took longer than {ARTICLE_SECONDS:g} s and was stopped; "
            "nothing of it was loaded (please report this article: its text trips a rule)"
        )
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _reported(
    work: Callable[[], list[ExtractedArticle]], origin: str
) -> list[ExtractedArticle] | ExtractionError:
    try:
        return work()
    except _TooLong:
        raise
    except Exception as exc:  # a rule's bug, met on this article's text only
        return ExtractionError(
            f"{origin}: extraction failed ({type(exc).__name__}: {exc}); nothing of it was "
            "loaded (please report this article: its text trips a rule)"
        )


def extract(
    doc: SourceDocument,
    reference: Reference,
    *,
    published: dt.date | None = None,
    nlp: Language | None = None,
) -> list[ExtractedArticle]:
    """Extract the article in ``doc`` (first) and any self-contained feed items on its page.

    Metadata the source already gave (``doc.title``, ``url``, ``publisher``, ``published``,
    ``language``) wins over what the page text suggests; ``published`` (a command-line
    override) wins over everything.
    """
    (result,) = extract_many([doc], reference, published=published, nlp=nlp)
    if isinstance(result, ExtractionError):
        raise result
    return result


def extract_many(
    docs: Sequence[SourceDocument],
    reference: Reference,
    *,
    published: dt.date | None = None,
    nlp: Language | None = None,
    batch_size: int = 32,
) -> list[list[ExtractedArticle] | ExtractionError]:
    """``extract`` for several documents, their texts parsed together: the statistical
    pipeline runs batches far faster than one text at a time. A document with no article
    text gets its ExtractionError in its place; the others are extracted."""
    nlp = nlp if nlp is not None else shared_pipeline(reference)
    pages: list[Page | ExtractionError] = []
    texts: list[str] = []
    for doc in docs:
        page = clean_page(doc.body, doc.title)
        if not page.blocks:
            pages.append(
                ExtractionError(
                    f"{doc.origin}: no article text found after removing navigation and captions"
                )
            )
            continue
        pages.append(page)
        texts.append(Document.join(page.blocks))
        texts.extend(item.text for item in page.feed)
    parses = iter(nlp.pipe(texts, batch_size=batch_size))
    results: list[list[ExtractedArticle] | ExtractionError] = []
    for doc, cleaned in zip(docs, pages, strict=True):
        if isinstance(cleaned, ExtractionError):
            results.append(cleaned)
            continue
        main = next(parses)
        feed = [next(parses) for _ in cleaned.feed]
        results.append(
            _within_time(
                partial(_extract_page, doc, cleaned, reference, published, main, feed),
                doc.origin,
            )
        )
    return results


def _extract_page(
    doc: SourceDocument,
    page: Page,
    reference: Reference,
    published: dt.date | None,
    parsed: SpacyDoc,
    feed_parses: list[SpacyDoc],
) -> list[ExtractedArticle]:
    language = doc.language or "en"
    publisher = _publisher(doc, page, reference)
    stated = published or doc.published or page.stated_date
    title = doc.title or page.title or _title_from(page.blocks[0].text)
    document = Document(
        page.blocks,
        reference,
        published=stated,
        published_stated=True,
        parsed=parsed,
        context=(*page.standfirsts, *page.teasers),
        headline=title,
        standfirsts=(*page.standfirsts, *page.head_names, *page.captions),
        filed=_url_month(doc.url) if stated is None else None,
    )
    if stated is None:
        around = (title, *page.standfirsts, *page.head_names,
                  *(t for t in page.teasers if _PHOTO_NOTE.search(t)))  # fmt: skip
        document.published = _infer(
            document, page.captions, _url_month(doc.url), around, _url_year(doc.url)
        )
        document.published_stated = False
    main = _article(
        document,
        title=title,
        url=doc.url,
        publisher=publisher,
        section=page.section,
        language=language,
        author=doc.author,
        summary_only=doc.summary_only,
    )
    results = [main]
    for index, (item, item_parse) in enumerate(zip(page.feed, feed_parses, strict=True), 1):
        feed = _feed_article(
            item, index, page, reference, doc, publisher, document.published, language, item_parse
        )
        if feed is not None:
            results.append(feed)
    return results


# -- metadata ---------------------------------------------------------------------------------
def _publisher(doc: SourceDocument, page: Page, reference: Reference) -> str | None:
    for candidate in (doc.publisher, page.publisher):
        if candidate:
            known = reference.lookup(candidate)
            return known.name if known and known.kind is ActorKind.MEDIA else candidate
    return reference.publisher_for_url(doc.url)


def _title_from(text: str, limit: int = 160) -> str:
    spans = split_sentences(text)
    first = text[spans[0].start : spans[0].end].rstrip(" .") if spans else ""
    first = first or text.strip() or "(untitled)"
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "…"


# Words after which a date is about what is to come, not an event already reported.
_FUTURE = re.compile(
    r"\b(?:will|would|shall|scheduled|expected\s+to|(?:is|are)\s+set\s+to|next\s+week|upcoming)\b"
)
# "In view of the 20th anniversary of the attacks on 11 September 2001": a day of history.
_ANNIVERSARY = re.compile(r"(?i)\banniversary\b")


def _url_month(url: str | None) -> dt.date | None:
    """The month a page's address files it under ("/2023/06/", "/2023-06/"): news sites
    put the year and month of publication in their paths. The first of that month."""
    found = _URL_MONTH.search(url or "")
    if found is None:
        return None
    year, month = int(found.group(1)), int(found.group(2))
    return dt.date(year, month, 1) if 1 <= month <= 12 else None


_URL_MONTH = re.compile(r"/((?:19|20)\d\d)[/-]([01]\d)(?=[/-])")
_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/")


def _url_year(url: str | None) -> int | None:
    """The year a page's address files it under without its month ("/en/2024/sgt3400")."""
    found = _URL_YEAR.search(url or "")
    return int(found.group(1)) if found else None


def _infer(
    document: Document,
    captions: tuple[str, ...] = (),
    filed: dt.date | None = None,
    around: tuple[str, ...] = (),
    filed_year: int | None = None,
) -> dt.date | None:
    """The latest day the body reports, with the year read from context.

    Month-days without a year ("Aug. 22") take their year from the latest full date the body
    gives, else from the photo captions: a photo is taken before the article is written, so a
    month-day reads as the first such day on or after the caption's date. A caption's own date
    is not the publication date while the body dates anything. Dates after "will", "scheduled"
    and the like are plans, not events. When the body gives no day at all, the latest full date
    of the headline or a line ``around`` it, else of a caption, stands in: "..., Tuesday
    September 9, 2014" above a story that says "on Tuesday" dates the story's Tuesday.
    """
    full: list[dt.date] = []
    partial: list[tuple[int, int]] = []
    text = document.text
    for m in document.dates:
        sentence = document.sentence_at(m.start)
        future = _FUTURE.search(text, sentence.start, sentence.end)
        if future is not None and m.start > future.start():
            continue
        if _ANNIVERSARY.search(text, max(sentence.start, m.start - 80), m.start):
            continue
        if m.kind == "absolute" and (stated := resolve(m, None)) is not None:
            full.append(stated)
        elif m.kind == "month_day" and m.month and m.day:
            partial.append((m.month, m.day))
    photos = _full_dates(captions)
    # An embedded post ("— Name (@handle) July 8, 2022") was posted before the article.
    full.extend(p.block.said_on for p in document.paragraphs if p.block.said_on is not None)
    days = list(full)
    nearby = _full_dates(around)
    for month, day in partial:
        if full:
            resolved = nearest_day(month, day, max(full))
        elif photos:
            resolved = year_after(month, day, max(photos))
        elif filed is not None:
            # "Monday (Jun. 26)" on a page filed under /2023/06/
            resolved = nearest_day(month, day, filed)
        elif nearby:
            resolved = nearest_day(month, day, max(nearby))
        elif (year := _latest_year(around) or filed_year) is not None:
            # "on September 12" in a story of the "WEF ASEAN 2018", or filed under /2018/
            resolved = nearest_day(month, day, dt.date(year, month, 1 if month == 2 else 15))
        else:
            resolved = None
        if resolved is not None:
            days.append(resolved)
    if not days:
        days = nearby or photos
    return max(days) if days else None


# A photo's caption the page reader kept as a teaser: "... on Sunday, October 16, 2016.
# Photo: MEA India".
_PHOTO_NOTE = re.compile(r"(?i)[.!?]\s+(?:photo|photograph|image|picture)s?\s*(?::|by)\s")
# A year the story names, not as a goal or a deadline ("by 2030", "Vision 2030").
_YEAR = re.compile(r"(?<![\w/.-])(?P<year>(?:19|20)\d\d)(?![\w/-])")
_NOT_NOW = re.compile(
    r"(?i)(?:\b(?:by|until|till|through|to|before|beyond|vision|agenda)\s+|[-\u2013]\s*)$"
)


def _full_dates(lines: tuple[str, ...]) -> list[dt.date]:
    return [
        d
        for line in lines
        for m in find_dates(line)
        if m.kind == "absolute" and (d := resolve(m, None)) is not None
    ]


def _latest_year(around: tuple[str, ...]) -> int | None:
    """The latest year the headline or the lines around it name as now or past (the body's
    years are as often history: "ties since 1973")."""
    years = [
        int(m.group("year"))
        for text in around
        for m in _YEAR.finditer(text)
        if not _NOT_NOW.search(text, max(0, m.start() - 12), m.start())
    ]
    return max(years) if years else None


# -- one article ------------------------------------------------------------------------------
def _article(
    document: Document,
    *,
    title: str,
    url: str | None,
    publisher: str | None,
    section: str | None,
    language: str,
    author: str | None = None,
    summary_only: bool = False,
) -> ExtractedArticle:
    reference = document.reference
    published = document.published
    said = extract_statements(document)
    met = extract_meetings(document, said)
    title_mentions = find_mentions(title, document.book, introduce=False)

    mentions: dict[str, None] = {}
    for m in [*title_mentions, *document.mentions]:
        mentions.setdefault(m.actor, None)
    statements = [_statement(document, s, language) for s in said]
    meetings = [_meeting(document, m) for m in met]

    used: dict[str, None] = dict(mentions)
    for meeting in meetings:
        used.update((p.actor, None) for p in meeting.participants)
    for statement in statements:
        used[statement.speaker] = None
        used.update((a, None) for a in statement.mentions)
    publisher_actor = reference.actor(publisher) if publisher else None
    if publisher_actor is not None:
        used[publisher_actor.name] = None

    article = ArticleFact(
        url=url,
        title=title,
        publisher=publisher,
        published_on=published,
        published_inferred=published is not None and not document.published_stated,
        section=section,
        language=language,
        author=author,
        summary_only=summary_only,
        body=document.text,
    )
    return ExtractedArticle(
        article=article,
        actors=document.book.facts(used),
        mentions=list(mentions),
        topics=rank_topics(reference, f"{title}\n\n{document.text}"),
        meetings=meetings,
        statements=statements,
    )


def _statement(document: Document, said: Said, language: str) -> StatementFact:
    mentions: dict[str, None] = {}
    for start, end in said.content:
        for m in document.mentions_in(start, end, implicit=True):
            if m.actor != said.speaker:
                mentions.setdefault(m.actor, None)
    return StatementFact(
        speaker=said.speaker,
        text=said.text,
        date=said.date,
        medium=said.medium,
        language=language,
        topics=document.topics(said.start, said.end),
        mentions=list(mentions),
        excerpt=document.text[said.start : said.end],
        offset=said.start,
        confidence=statement_confidence(said.rule),
    )


def _meeting(document: Document, met: Met) -> MeetingFact:
    names = [document.book.short_name(a) for a in met.principals[:3]]
    label = "\u2013".join(names) + (" and others" if len(met.principals) > 3 else "")
    prefix = {MeetingStatus.PROPOSED: "proposed ", MeetingStatus.PLANNED: "planned "}.get(
        met.status, ""
    )
    sure = meeting_confidence(met.rule, met.date_how if met.date else None)
    return MeetingFact(
        participants=[
            Participant(actor=a, role=r, confidence=participant_confidence(sure, met.how.get(a)))
            for a, r in met.participants
        ],
        confidence=sure,
        date=met.date,
        mode=met.mode,
        status=met.status,
        title=f"{prefix}{label} {met.noun}".strip(),
        place=met.place,
        topics=met.topics,
        excerpt=document.text[met.start : met.end],
        offset=met.start,
    )


def _feed_article(
    item: FeedItem,
    index: int,
    page: Page,
    reference: Reference,
    doc: SourceDocument,
    publisher: str | None,
    page_date: dt.date | None,
    language: str,
    parsed: SpacyDoc,
) -> ExtractedArticle | None:
    """A news-feed item of the page as an article of its own: title from its heading or first
    sentence, the page's publisher, its own dates if it gives any (else the page's date,
    marked inferred)."""
    document = Document([Block(item.text)], reference, parsed=parsed)
    own = _infer(document, page.captions)
    document.published = own or page_date
    document.published_stated = False
    return _article(
        document,
        title=item.heading or headline(item.text),
        url=f"{doc.url}#feed-{index}" if doc.url else None,
        publisher=publisher,
        section=None,
        language=language,
    )
