"""Boilerplate removal: scraped page text in, the article's own paragraphs out.

A scraped page mixes the article with navigation ("News Feed", "2 min read"), photo captions
and credits, author boxes, "Points of attention" summaries, teasers of other articles and a
feed of unrelated news. The cleaner walks the lines once with a small state machine
(head -> body -> tail/feed) and keeps what each part is: the title, section, dateline and
publisher from the head; prose paragraphs (with the speaker box of a block quote attached)
from the body; self-contained feed items from the feed. Everything else is dropped, so no
fact can come from it.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum

from newsgraph.ingest.extract.dates import find_dates, parse_stated_date, resolve
from newsgraph.ingest.extract.gender import given_name_gender
from newsgraph.ingest.extract.patterns import is_name_like, word_set
from newsgraph.ingest.extract.text import ends_sentence
from newsgraph.ingest.extract.titles import canonical_title

__all__ = ["Block", "FeedItem", "Page", "clean_page"]


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph of the article. ``speaker`` is the name line of a block quote's speaker
    box ("Volodymyr Zelenskyy / President of Ukraine"), ``speaker_role`` its role line. An
    embedded post (a tweet as pages quote it: its text, then "— Name (@handle) October 31,
    2021") has its author as ``speaker``, ``medium`` "post on X" and the day it was posted."""

    text: str
    speaker: str | None = None
    speaker_role: str | None = None
    medium: str | None = None
    said_on: dt.date | None = None


@dataclass(frozen=True, slots=True)
class FeedItem:
    text: str
    heading: str | None = None


@dataclass(frozen=True)
class Page:
    title: str | None
    section: str | None
    publisher: str | None
    stated_date: dt.date | None
    blocks: tuple[Block, ...]
    feed: tuple[FeedItem, ...] = ()
    captions: tuple[str, ...] = field(default=(), repr=False)
    teasers: tuple[str, ...] = field(default=(), repr=False)
    """Teasers of other articles on the page: no fact comes from them, but they may date an
    event the article itself leaves undated ("Zelensky's Aug. 18 appearance at the White
    House")."""
    standfirsts: tuple[str, ...] = field(default=(), repr=False)
    """Lines between the headline and the story without sentence punctuation (a subtitle:
    "Sergey Lavrov's visit on Monday comes days after ..."): like teasers, no fact comes from
    them, but they may date the story's events."""
    head_names: tuple[str, ...] = field(default=(), repr=False)
    """Short lines above the story that may name its speaker in full, with the office under
    the name joined before it ("John Kerry" then "Secretary of State": "Secretary of State
    John Kerry"), as transcripts and press releases head their text. No fact comes from them;
    they tell whom "SECRETARY KERRY:" means."""


class _State(Enum):
    HEAD = "head"
    BODY = "body"
    TAIL = "tail"
    FEED = "feed"


def _norm(line: str) -> str:
    return " ".join(line.lower().replace("\u2019", "'").split()).rstrip(":")


_NAVIGATION = frozenset(
    """
    news feed|read more|show more|show less|load more|article image|avatar|category|section
    |publication date|share|share this|copy link|copied|advertisement|ad|subscribe|sign up
    |newsletter|follow us|related|related articles|related news|most read|latest news|popular
    |tags|comments|menu|search|home|listen|print|photo|video|loading...|back to top|read also
    |see also|more news|top stories|editor's picks|become a member|support us|donate|next
    |previous|close|skip to content|log in|login|en|ua|ru|all news|news|hide ad|skip ad
    |advertisement hide ad|advertisement skip ad
    """.replace("\n", "").split("|")
)
_NAVIGATION = frozenset(n.strip() for n in _NAVIGATION)
_FEED_MARKERS = frozenset({"news feed", "latest news", "all news", "more news", "top stories"})
_END_MARKERS = frozenset(
    {
        "article image", "avatar", "about the author", "related articles", "related news",
        "comments", "share this article", "tags", "become a member", "support us",
    }
)  # fmt: skip
_BOX_HEADINGS = frozenset(
    {
        "points of attention", "key points", "key takeaways", "highlights", "main points",
        "in brief", "summary", "what we know", "the main thing", "in short", "tl;dr",
    }
)  # fmt: skip
# The site talking to its reader, not the article: "We're sorry, this feature is currently
# unavailable. Please try again later."
_SITE_MESSAGE = re.compile(
    r"(?i)\bthis feature is (?:currently )?unavailable\b|\bplease try again later\b"
    r"|\benable javascript\b|\byour browser (?:does not|doesn't) support\b"
)
_READ_TIME = re.compile(r"(?i)^\d+\s*(?:min(?:ute)?s?|m)\.?\s+read$")
_LINK_PREFIX = re.compile(
    r"(?i)^(?:read (?:more|also)|see also|also read|related|watch)\s*[:|\-\u2013]"
)
_HEADER_DATE = re.compile(r"(?i)^date\s+(\d{4}-\d{2}-\d{2})\b\s*(.*)$")
_DATELINE = re.compile(r"(?i)^(?:published|posted|updated|date)\b\s*(?:on|at)?\s*[:\-]?\s*(.+)$")
_LABEL_VALUE = re.compile(r"(?i)^(category|section)\s*[:|]\s*(.+)$")
_DESK = re.compile(r"(?i)^(?:the\s+)?(?P<pub>.+?)\s+(?:news\s*desk|newsroom|editorial\s+team)$")
_BYLINE = re.compile(r"(?i)^(?:by|author|authors|edited by|written by)\b[:\s]")
_BULLET = re.compile(r"^(?:[•·▪►✓*\-\u2013—]|\d{1,2}[.)])\s+")
_CREDIT = re.compile(
    r"\((?:photo(?: by)?:?\s*)?[^()]*(?:/|\bvia\b|getty|afp|reuters|\bap\b|\bepa\b|shutterstock"
    r"|anadolu|\bpool\b|press service|office of the president|kremlin\.ru|photo|credit"
    r"|courtesy|screenshot|illustrative)[^()]*\)\s*$",
    re.IGNORECASE,
)
_CAPTION_START = re.compile(r"(?i)^(?:photo|photo by|photograph|illustrative (?:photo|image)"
                            r"|credit|source of photo|image)\s*[:|]")  # fmt: skip
_ELLIPSIS = re.compile(r"(?:\.\.\.|…)\s*$")
# The signature under an embedded post: "— Secretary Antony Blinken (@SecBlinken) October 31,
# 2021", sometimes on the same line as the post's text.
_POST_SIGNATURE = re.compile(
    r"(?:^|\s)[\u2014\u2013-]{1,2}\s*(?P<name>[^()\u2014\u2013@\n]{2,80}?)\s*"
    r"\((?P<handle>@\w{1,30})\)\s*(?P<date>[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?\s*$"
)
# Wire services close a story with a marker word; it is not part of the last sentence.
# So do agencies, with their name after a dash: "... of Palestine. — Bernama".
_END_OF_STORY = re.compile(
    r"\s*(?:\bEnditem|\(END\)|\bENDS?)\s*$"
    # editors' initials signing off a wire story: "... cancer surgery. SF/HSN/MA"
    r"|(?<=[.!?\"\u201d])\s+[A-Z]{1,4}(?:/[A-Z]{1,4}){1,5}\s*$"
    # an agency's credit in brackets after the last sentence: "... and electricity. (dpa)",
    # "... by a margin of 9.45 per cent.(NAN)"
    r"|(?<=[.!?\"\u201d])\s*\([A-Za-z][\w.&-]*(?:\s+[A-Za-z][\w.&-]*){0,2}\)\s*$"
    # (after a full stop: '"..." — Kishida.' after a bare closing quote names the speaker)
    r"|(?:(?<=[.!?])|(?<=[.!?][\"”]))\s+[\u2014\u2013-]{1,2}\s*[A-Z][\w&.]*(?:\s+[A-Z][\w&.]*){0,2}"
    r"\s*$"
)
# A photo credit run into the end of a paragraph: "... on Friday. Photo: Finnish government by
# Lauri Heikkinen."
# ("... democrats. (Photo: Ariel Ley Royero / ACN).": in brackets too)
# ("... lower. (Reporting by Eliana Raszewski; writing by Cassandra Garrison; Editing by
# Sandra Maler)": a wire's staff credit, closing the last paragraph)
_TRAILING_CREDIT = re.compile(
    r"(?<=[.!?\"”])\s+(?:Photo|Photograph|Image|Picture)s?\s*(?::|by)\s[^.]*\.?$"
    r"|(?<=[.!?\"”])\s+\((?:Photo|Photograph|Image|Picture)s?\s*(?::|by)\s[^()]*\)\.?$"
    r"|(?<=[.!?\"”])\s+\((?:Additional\s+)?(?:Reporting|Writing|Editing|Compiled)\s+by\s[^()]*\)\.?$"
)
# "Rym Momtaz contributed reporting.", "Jane Doe contributed to this report.": the newsroom's
# credit line, whose people are no part of the story.
_CONTRIBUTED = re.compile(
    r"^[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3}"
    r"(?:(?:,|\s+and)\s+[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})*"
    r"\s+contributed\s+(?:additional\s+)?(?:reporting|to\s+this\s+(?:report|story|article))"
    r"(?:\s+from\s+[A-Z][\w\s,.]*)?\.?$"
)
# One to eight capitalised words after a sentence's end, closing the line: "Share This
# Article With Planet Earth", "Read More Stories", "Advertisement".
_GLUED_TAIL = re.compile(r"(?<=[.!?\"”])\s+(?:[A-Z][\w'\u2019&-]*\s+){0,7}[A-Z][\w'\u2019&-]*$")
# A wire dateline before the first sentence: "ANKARA, June 15 (Xinhua) --", "ISLAMABAD, Feb 27
# (APP):", "AMMAN —", "NEW DELHI (UrduPoint News / Sputnik - 10th September, 2020)", often
# after a syndication credit in brackets, "Tunis/Tunisia —". It is not part of the first
# sentence's grammar.
_DATE_WORDS = (
    r"(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,9}\.?(?:,?\s+\d{4})?)"
)
_DATELINE_PREFIX = re.compile(
    r"^(?:\((?P<credit>[^()]{2,100})\)\s*)?"
    r"(?:(?P<place>[A-Z][A-Z.'\u2019-]+(?:\s[A-Z][A-Z.'\u2019-]+){0,3})"
    r"|(?P<titled>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=,\s*" + _DATE_WORDS + r"\s*\()"
    # "Tunis/Tunisia —": a city and its country, as some agencies set them
    r"|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?/[A-Z][a-z]+(?:\s[A-Z][a-z]+)?(?=\s*(?:--|\u2014|\u2013)\s)))"
    r"(?:,\s*(?P<date>" + _DATE_WORDS + r"))?"
    r"(?:,?\s*\((?P<agency>[^()]{2,100})\))?"
    r"\s*(?:--|\u2014|\u2013|-|:)?\s+(?=[A-Z\"\u201c])"
)
# Words of a transcript's speaker label in capitals ("SECRETARY KERRY:", "PRIME MINISTER
# ALBANESE:"), which no wire dateline's place holds.
_SPEAKER_LABEL_WORD = re.compile(
    r"\b(?:SECRETARY|PRESIDENT|MINISTER|PRIME|SENATOR|AMBASSADOR|CHANCELLOR|GOVERNOR|PREMIER"
    r"|SPOKES(?:MAN|WOMAN|PERSON)|TAOISEACH|MR|MRS|MS|DR|MAYOR|KING|QUEEN|DEPUTY|ENVOY"
    r"|MODERATOR|QUESTION|JOURNALIST|REPORTER)\b"
)
_POST_LINK = re.compile(r"\s*(?:pic\.twitter\.com|https?://t\.co)/\S+")
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|our|Our|my|My|us)\b")


def _is_caption(line: str) -> bool:
    return bool(_CREDIT.search(line) or _CAPTION_START.match(line))


def _words(line: str) -> int:
    return len(line.split())


def _unwrap_wrapped_paragraphs(lines: list[str]) -> list[str]:
    """Join the lines of a paragraph hard-wrapped at a fixed width (old wire copy, blogs,
    e-mails): two or more lines between blank lines, all but the last of one length give or
    take a word, with at least one that breaks mid-sentence ("... telephoned Prime" /
    "Minister Manmohan Singh ...")."""
    out: list[str] = []
    chunk: list[str] = []
    for raw in [*lines, ""]:
        if raw.strip():
            chunk.append(raw.strip())
            continue
        width = _wrap_width(chunk)
        if width is None:
            out.extend(chunk)
        else:
            out.extend(_rejoined(chunk, width))
        out.append(raw)
        chunk = []
    return out[:-1]


def _wrap_width(chunk: list[str]) -> int | None:
    """The width a chunk of lines is hard-wrapped at, or None if it is not: the lines that
    break mid-sentence are of one length give or take a word. Short lines among them ("We,",
    "Together,": a paragraph's first word set apart; a dateline; a paragraph's last line) do
    not count against it."""
    if len(chunk) < 2:
        return None
    broken = [
        line for line in chunk[:-1]
        if len(line) >= 20 and not ends_sentence(line) and not line.isupper()
    ]  # fmt: skip
    if not broken or len(broken) < 0.5 * len(chunk[:-1]):
        return None
    widths = [len(line) for line in broken]
    if (
        min(widths) >= 45
        and max(widths) <= 100
        and max(widths) - min(widths) <= 30
        and max(len(line) for line in chunk) <= max(widths) + 5
        and not any(_BULLET.match(line) for line in chunk)
    ):
        return max(widths)
    return None


def _rejoined(chunk: list[str], width: int) -> list[str]:
    """The paragraphs of a hard-wrapped chunk: a line that ends a sentence well short of the
    wrap width or before a word set apart ("Together,"), or a line in capitals (a dateline),
    ends its paragraph; every other line runs on into the next."""
    paragraphs: list[str] = []
    current: list[str] = []
    for i, line in enumerate(chunk):
        current.append(line)
        apart = i + 1 < len(chunk) and len(chunk[i + 1]) < 20
        short_end = ends_sentence(line) and (len(line) < width - 15 or apart)
        if short_end or (line.isupper() and len(current) == 1):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines: a line that does not end a sentence, followed directly by one
    that starts in lower case, is the same paragraph. So is one the page broke into two
    paragraphs mid-sentence ("... with his Indian counterpart Suresh Prabhu on", a blank line,
    "various dimensions of bilateral trade.")."""
    out: list[str] = []
    for raw in lines:
        line = raw.strip()
        # (a few words on: "sss" after a wire's "(end)" is no sentence going on)
        # (the blank lines between may be several: a photo the page left out)
        blanks = next((k for k in range(1, 7) if len(out) > k and out[-k - 1]), 0)
        broken = blanks and not any(out[-blanks:]) and line[:1].islower() and _words(line) >= 3
        if broken and not ends_sentence(out[-blanks - 1]) and not _BULLET.match(line):
            del out[-blanks:]
        if (
            out
            and out[-1]
            and line
            and (line[0].islower() or out[-1].endswith((",", "-")) or _runs_on(out[-1], line))
            and not ends_sentence(out[-1])
            and not _BULLET.match(line)
        ):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _runs_on(line: str, following: str) -> bool:
    """Whether a long line that ends no sentence runs on into the next, which starts with a
    capital and ends a sentence: a page wrapped at no fixed width, broken after a word no
    sentence ends on or before a title's holder ("... was scheduled to meet U.S. Secretary of
    State" / "Condoleezza Rice and several members of Congress during his trip, said ...")."""
    words = line.split()
    if len(words) < 8 or _words(following) < 6 or not ends_sentence(following):
        return False
    last = words[-1]
    return (
        last in _RUNNING_WORDS
        or last.endswith("(")
        # (a title of two or three words: "the PM" or "9:45 PM" ends a headline or a time)
        or any(canonical_title(" ".join(words[-n:])).title is not None for n in (2, 3))
    )


# Words no sentence ends on: a line ending on one breaks mid-sentence.
_RUNNING_WORDS = word_set(
    "of the to and a an with for in on by at from that as his her their its who which"
)


class _Cleaner:
    def __init__(self, text: str, title: str | None) -> None:
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.lines = _unwrap(_unwrap_wrapped_paragraphs(lines))
        self.title = title.strip() if title else None
        self.title_given = title is not None
        self.section: str | None = None
        self.publisher: str | None = None
        self.stated: dt.date | None = None
        self.blocks: list[Block] = []
        self.feed: list[FeedItem] = []
        self.captions: list[str] = []
        self.teasers: list[str] = []
        self.standfirsts: list[str] = []
        self.head_names: list[str] = []
        self.state = _State.HEAD
        self.label: str | None = None
        self.in_box = False
        self.previous: str | None = None  # the last non-blank line, if directly adjacent
        self.previous_was_block = False
        self.feed_heading: str | None = None
        self.speaker_open = False  # inside a speaker box after a block quote
        self.listing = False  # after a paragraph ending in a colon, in the list it opens
        self.post_text: str | None = None  # a line that may be an embedded post's text
        self.at = 0  # the line being read
        self.cut_story: tuple[int, str] | None = None  # a cut line right after the story

    def run(self) -> Page:
        last_line = -1
        for at, line in enumerate(self.lines):
            if not line:
                self.previous = None
                continue
            self.at = last_line = at
            self._line(line)
            self.previous = line
        if (
            self.teasers
            and self.cut_story == (last_line, self.teasers[-1])
            and len(self.teasers) == 1
        ):
            # The page's last line, cut mid-sentence right after the story's paragraphs and no
            # other teaser on the page: the story itself, cut short by whoever saved the page.
            # (Its bracket may be a wire's credit: "... lower. (Reporting by Eliana Raszewski")
            self.blocks.append(Block(_TRAILING_CREDIT.sub("", self.teasers.pop())))
        return Page(
            title=self.title,
            section=self.section,
            publisher=self.publisher,
            stated_date=self.stated,
            blocks=tuple(self.blocks),
            feed=tuple(self.feed),
            captions=tuple(self.captions),
            teasers=tuple(self.teasers),
            standfirsts=tuple(self.standfirsts),
            head_names=tuple(self.head_names),
        )

    # -- one line ---------------------------------------------------------------------------
    def _line(self, line: str) -> None:
        line = _END_OF_STORY.sub("", line)
        if not line:
            return
        if self.state is not _State.FEED and self._post(line):
            return
        norm = _norm(line)
        was_block, self.previous_was_block = self.previous_was_block, False
        if self._labelled(line, norm):
            return
        if self.in_box:
            if _BULLET.match(line):
                return
            self.in_box = False
        if norm in _BOX_HEADINGS:
            self.in_box = True
            return
        if self._marker(line, norm):
            return
        if _is_caption(line):
            self.captions.append(line)
            return
        if self.title and _norm(self.title) == norm:
            return
        if self.state is _State.TAIL:
            return
        if self.state is _State.FEED:
            self._feed_line(line)
            return
        self._article_line(line, was_block)

    def _post(self, line: str) -> bool:
        """An embedded post: its text, then its signature line (or both on one line). The
        text becomes a paragraph said by the signature's author, on the signature's date."""
        signature = _POST_SIGNATURE.search(line)
        if signature is None:
            if _POST_LINK.search(line):
                self.post_text = line
            return False
        text = line[: signature.start()].strip()
        if not text:
            if self.post_text is not None:
                text = self.post_text
            elif self.blocks and self.previous_was_block and self.blocks[-1].speaker is None:
                text = self.blocks.pop().text
        self.post_text = None
        text = _POST_LINK.sub("", text).strip()
        if len(text.split()) < 3:
            return True
        date = signature.group("date")
        self.state = _State.BODY if self.state is _State.HEAD else self.state
        self.blocks.append(
            Block(
                text,
                speaker=_without_symbols(signature.group("name")),
                medium="post on X",
                said_on=parse_stated_date(date) if date else None,
            )
        )
        return True

    def _dateline(self, line: str) -> str:
        """The first paragraph without its wire dateline; a full date in it is the stated date
        when the page gave none."""
        m = _DATELINE_PREFIX.match(line)
        if m is None or not (m.group("place") or m.group("titled")):
            return line
        if m.group("place") and (
            _SPEAKER_LABEL_WORD.search(m.group("place"))
            # ("WINSTON PETERS: This is the final day": a given name and a surname)
            or (
                not (m.group("date") or m.group("agency"))
                and m.group().rstrip().endswith(":")
                and given_name_gender(m.group("place").title()) is not None
            )
        ):
            return line  # "SECRETARY KERRY: I'm really delighted": a transcript's turn
        separated = line[m.start("place") if m.group("place") else m.start("titled") :]
        if m.group("place") and not (
            m.group("date")
            or m.group("agency")
            or re.match(r"\S+(?:\s\S+)*\s*(?:--|\u2014|\u2013|-|:)", separated)
        ):
            return line  # capitals at the start of a sentence, not a dateline
        for part in (m.group("date"), m.group("credit"), m.group("agency")):
            stated = parse_stated_date(part) if part else None
            if stated is None and part:
                found = [d for d in find_dates(part) if d.kind == "absolute"]
                stated = resolve(found[0], None) if found else None
            if stated is not None:
                self.stated = self.stated or stated
                break
        return line[m.end() :]

    def _labelled(self, line: str, norm: str) -> bool:
        label, self.label = self.label, None
        if label == "section" and _words(line) <= 5 and not ends_sentence(line):
            self.section = self.section or line
            return True
        if label == "date":
            stated = parse_stated_date(line)
            if stated is not None:
                self.stated = self.stated or stated
                return True
        if norm in ("category", "section"):
            self.label = "section"
            return True
        if norm in ("publication date", "published", "date", "updated"):
            self.label = "date"
            return True
        value = _LABEL_VALUE.match(line)
        if value and self.state is _State.HEAD:
            self.section = self.section or value.group(2).strip()
            return True
        if self.state is _State.HEAD:
            header = _HEADER_DATE.match(line)
            if header:
                self.stated = self.stated or parse_stated_date(header.group(1))
                if header.group(2).strip() and not self.title:
                    self.title = header.group(2).strip()
                return True
            dateline = _DATELINE.match(line)
            stated = parse_stated_date(dateline.group(1) if dateline else line)
            if stated is not None:
                self.stated = self.stated or stated
                return True
        return False

    def _marker(self, line: str, norm: str) -> bool:
        desk = _DESK.match(line)
        if desk and _words(line) <= 8:
            self.publisher = self.publisher or desk.group("pub").strip()
            self._end_article()
            return True
        if norm in _FEED_MARKERS:
            if self.blocks:
                self.state = _State.FEED
                self.feed_heading = None
            return True
        if norm in _END_MARKERS:
            self._end_article()
            return True
        if norm in _NAVIGATION or _READ_TIME.match(line) or _LINK_PREFIX.match(line):
            return True
        if _SITE_MESSAGE.search(line):
            return True
        return self.state is _State.HEAD and bool(_BYLINE.match(line)) and _words(line) <= 10

    def _end_article(self) -> None:
        if self.blocks and self.state is _State.BODY:
            self.state = _State.TAIL

    def _feed_line(self, line: str) -> None:
        if _is_prose(line):
            self.feed.append(FeedItem(line, self.feed_heading))
            self.feed_heading = None
        elif not _is_truncated(line):
            self.feed_heading = line

    def _article_line(self, line: str, was_block: bool) -> None:
        line = _without_glued_furniture(line)
        # ("Fijian Prime Minister Voreqe Bainimarama met with the UN Secretary-General ...,"
        # then "He said that ...": a lead the page broke at a comma, not a teaser cut off; a
        # lead that lost its stop, unless summary points came first: those are the lead's)
        lead = not self.blocks and (
            (line.endswith(",") and _words(line) >= 12)
            or (not self.standfirsts and _lost_its_stop(line) and not _is_caption(line))
        )
        if (_is_truncated(line) and not lead) or (
            _ELLIPSIS.search(line) and self.previous is not None
        ):
            # A teaser of another article: its headline, if it was kept, goes with it.
            if was_block and self.state is _State.BODY:
                self.cut_story = (self.at, line)
            self.teasers.append(line)
            previous = self.previous
            # (a headline has no full stop: "On Wednesday morning, Sikorski was appointed ...
            # by President Andrzej Duda." before a post's text is the article's own sentence)
            headline = (
                previous is not None and _words(previous) <= 30 and not ends_sentence(previous)
            )
            if headline and was_block and self.blocks and self.blocks[-1].text == previous:
                self.blocks.pop()
            self.speaker_open = False
            return
        if _CONTRIBUTED.match(line):
            return
        if lead or _is_prose(line):
            self.state = _State.BODY
            line = _TRAILING_CREDIT.sub("", line)
            if not self.blocks:
                line = self._dateline(line)
            self.blocks.append(Block(line))
            self.previous_was_block = True
            self.speaker_open = False
            self.listing = line.endswith(":")
            return
        if self.listing and was_block and self.state is _State.BODY:
            # "... met with key counterparts, including:" then one person to a line: the
            # list's items, not headings.
            self.blocks.append(Block(line))
            self.previous_was_block = True
            return
        # A short line without sentence punctuation: a headline, subtitle, section heading, a
        # lone name under a photo, or the speaker box of the block quote just above.
        if self.title is None and self.state is _State.HEAD and not self.title_given:
            self.title = line
            return
        if self.state is _State.HEAD and _words(line) >= 5:
            self.standfirsts.append(line)
        if self.state is _State.HEAD and _words(line) <= 6:
            self._head_name(line)
        if self.state is _State.BODY and self.blocks:
            self._speaker_line(line)

    def _head_name(self, line: str) -> None:
        if (
            self.head_names
            and self.previous == self.head_names[-1]
            and canonical_title(line).title is not None
            and is_name_like(self.previous)
        ):
            self.head_names[-1] = f"{line} {self.previous}"  # "John Kerry" / "Secretary of State"
        else:
            self.head_names.append(line)

    def _speaker_line(self, line: str) -> None:
        last = self.blocks[-1]
        if last.speaker is None:
            quoted = last.text.startswith(('"', "“")) or _FIRST_PERSON.search(last.text)
            if quoted and _words(line) <= 5 and is_name_like(line) and self.previous_was_box_ok():
                self.blocks[-1] = Block(last.text, speaker=line)
                self.speaker_open = True
            return
        if not self.speaker_open:
            return
        if _norm(line) == _norm(last.speaker):
            return
        if last.speaker_role is None and _words(line) <= 12:
            self.blocks[-1] = Block(last.text, last.speaker, speaker_role=line)
        self.speaker_open = False

    def previous_was_box_ok(self) -> bool:
        # The speaker box comes right after the quote, before any other paragraph.
        return not self.speaker_open


def _without_symbols(name: str) -> str:
    """A post's display name without its emoji and flags ("Foreign Ministry 🇸🇦")."""
    kept = "".join(ch for ch in name if not unicodedata.category(ch).startswith(("S", "C")))
    return " ".join(kept.split())


def _is_prose(line: str) -> bool:
    words = _words(line)
    if not ends_sentence(line) and _QUOTE_THEN_SPEAKER.search(line):
        return True  # ('"...," said President Kenyatta': a quotation whose stop was lost)
    if not ends_sentence(line):
        # ("He said the leaders have reaffirmed the concept": a report whose full stop the
        # page lost, too short for a teaser cut off)
        return 8 <= words < 25 and _SPEECH_OPENING.match(line) is not None
    if line.endswith("?") and words <= 15 and not line.startswith(('"', "“")):
        return False  # a question headline
    return words >= 4 or _SAYS_COLON.search(line) is not None


# A paragraph that opens by saying who spoke: "He said ...", "Tuilaepa also noted ...".
_SPEECH_OPENING = re.compile(
    r"(?:He|She|They|[A-Z][\w'\u2019-]+(?:\s[A-Z][\w'\u2019-]+)?)\s+(?:also\s+)?"
    r"(?:said|says|added|adds|noted|stressed|told)\s+[a-z]"
)
# A quotation closed by its attribution, the page having lost the full stop after it:
# '"...," said President Kenyatta', '"...," Kenyatta added'.
_QUOTE_THEN_SPEAKER = re.compile(
    r"[,!?][\"\u201d]\s+(?:(?:said|says|added|adds|noted|stressed)\s+[A-Z][^\"\u201c\u201d.]{1,80}"
    r"|[A-Z][^\"\u201c\u201d.]{1,80}?\s+(?:said|says|added|adds))$"
)
# "Anwar said:", "He added:" — a short line that opens the quotation below it.
_SAYS_COLON = re.compile(
    r"\b(?:said|says|added|adds|wrote|writes|stated|states|noted|told\s+\w+|continued|reads)\s*:$"
)


def _lost_its_stop(line: str) -> bool:
    """Whether a page's first line, with no full stop, is the lead that lost it rather than a
    headline ("Chinese State Councilor and Foreign Minister Wang Yi on Wednesday held a phone
    conversation with ... at the latter's request"): a sentence too long for a headline, in
    sentence case, ending in a whole word (a teaser cut short ends in dots)."""
    words = line.split()
    if len(words) < 18 or not line[-1].isalnum() or "\u00a9" in line:
        return False
    lower = sum(1 for w in words if w[:1].islower())
    return lower * 3 >= len(words)


def _without_glued_furniture(line: str) -> str:
    """A paragraph of whole sentences with a page's button or label run onto its end ("... in
    April. Share This Article With Planet Earth") keeps its sentences. The tail is furniture,
    not a cut-off sentence, when it is short and every word of it is capitalised; a teaser cut
    mid-sentence ends in ordinary lower-case words, and stays a teaser."""
    if ends_sentence(line):
        return line
    match = _GLUED_TAIL.search(line)
    if match is None or _words(line[: match.start()]) < 12:
        return line
    return line[: match.start()].rstrip()


def _is_truncated(line: str) -> bool:
    """A paragraph cut mid-sentence, as teasers are: long, and no sentence punctuation at the
    end."""
    return (
        not ends_sentence(line)
        and (_words(line) >= 25 or len(line) >= 180)
        and not _QUOTE_THEN_SPEAKER.search(line)
    )


# HTML entities a scraper left as text, often without their "&" ("said: ldquo;We
# discussed ...,rdquo;", "the welcomenbsp;ceremony"): no English word ends so.
_ENTITY_CHARS = {
    "ldquo": "\u201c", "rdquo": "\u201d", "lsquo": "\u2018", "rsquo": "\u2019", "quot": '"',
    "nbsp": " ", "mdash": "\u2014", "ndash": "\u2013", "hellip": "\u2026",
}  # fmt: skip
_LOST_ENTITY = re.compile(r"&?(" + "|".join(_ENTITY_CHARS) + r");")


def clean_page(text: str, title: str | None = None) -> Page:
    """Split scraped page text into the article's parts. ``title``, when a source already knows
    it, is used to recognise the repeated headline and is never replaced. HTML entities left as
    text become their characters. An acute accent
    typed for an apostrophe ("Qatar\\u00b4s emir") becomes one, so the parser reads a possessive;
    a quotation mark typed as two single ones becomes one."""
    text = _LOST_ENTITY.sub(lambda m: _ENTITY_CHARS[m.group(1)], text)
    text = _ACUTE_APOSTROPHE.sub("'", text)
    text = _DOUBLED_OPEN.sub("\u201c", text)
    text = _DOUBLED_CLOSE.sub("\u201d", text)
    text = _GLUED_SENTENCE.sub(". ", text)
    text = _GLUED_BRACKET.sub(" (", text)
    text = _GLUED_COMMA.sub(", ", text)
    text = _DASHED_INITIALS.sub(r" (\1) ", text)
    text = _LEAD_CAPS.sub(_title_case_office, text)
    return _Cleaner(text, title).run()


def _title_case_office(m: re.Match[str]) -> str:
    words = m.group()
    return words.title() if canonical_title(words.title()).title is not None else words


# Two single quotation marks standing for a double one, opening and closing a quotation.
_DOUBLED_OPEN = re.compile(r"(?:\u2018\u2018|(?<![\w'])'')(?=\w)")
_DOUBLED_CLOSE = re.compile(r"(?<=[\w.,!?])(?:\u2019\u2019|'')(?![\w'])")
_ACUTE_APOSTROPHE = re.compile(r"(?<=\w)\u00b4(?=\w)")
# "PRESIDENT John Magufuli yesterday received ...": a paragraph's first words in capitals, as
# some papers set their leads; an office so written is read as the title it is.
_LEAD_CAPS = re.compile(r"(?m)^[A-Z]{2,}(?:[ \t][A-Z]{2,}){0,2}(?=[ \t][A-Z][a-z])")
# "... and other issues.According to Seoul's foreign ministry": a sentence run onto the last
# one when the page lost the space (not "U.S." nor a web address, which are not in this shape).
_GLUED_SENTENCE = re.compile(r"(?<=[a-z]{3})\.(?=[A-Z][a-z]+\b(?!\.))")
# "Diamballa Maimouna(Niger),Japhet Isaak(Namibia)": a list that lost its spaces, which makes
# one name of two for the parser.
_GLUED_BRACKET = re.compile(r"(?<=[a-z]{2})\((?=[A-Z][a-z])")
_GLUED_COMMA = re.compile(r"(?<=[a-z)]),(?=[A-Z][a-z])")
# Initials set between dashes, as some agencies write them: "the Organization of American
# States -OAS- Luis Almagro", "by Brenda Larios -AGN- Carlos Martinez" (brackets elsewhere).
_DASHED_INITIALS = re.compile(r"(?<=\w) -([A-Z]{2,8})- (?=[A-Z])")
