"""One article's text prepared for fact extraction: paragraphs, sentences, quotations and actor
mentions with offsets, and the small grammar questions both extractors ask (who is the
subject here, whom does "he" mean)."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.ingest.extract.actors import (
    ActorBook,
    Entity,
    Mention,
    find_mentions,
    introduce_headline_names,
    opens_with_style,
    within_paragraphs,
)
from newsgraph.ingest.extract.clean import Block
from newsgraph.ingest.extract.dates import DateMention, find_dates, resolve, with_year_near
from newsgraph.ingest.extract.gender import (
    Gender,
    given_name_gender,
    honorific_gender,
    pronoun_gender,
)
from newsgraph.ingest.extract.patterns import ORG_WORDS, word_set
from newsgraph.ingest.extract.reference import Reference
from newsgraph.ingest.extract.text import (
    Quote,
    Sentence,
    find_quotes,
    opens_unclosed_quote,
    split_sentences,
)
from newsgraph.ingest.extract.titles import canonical_title
from newsgraph.ingest.extract.topics import find_topics
from newsgraph.ingest.model import ActorKind

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span

__all__ = ["PRONOUN", "Document", "Paragraph"]

PRONOUN = re.compile(r"\b(?:he|she|He|She|his|His|her|Her)\b")
# A relative pronoun right before a pronoun speaker: "the work of Biti, who he said ..."
_RELATIVE_END = re.compile(r"\b(?:who|whom|which)\s+$")
_OBJECT_WORDS = word_set(
    """
    with to by of from between against for about on at in than toward towards among
    including like into over under without behind via and/or counterpart
    """
)
_SET_OFF_LEAD = re.compile(r"[A-Z][\w.]*(?:\s+[\w.]+)?,\s+")
_DETERMINERS = word_set("the a an his her their its")
# A sentence about what is to come: its weekdays are the next ones.
_AHEAD = re.compile(r"\b(?:will|shall|scheduled|expected\s+to|due\s+to|set\s+to|plans?\s+to)\b")
# A source the text leaves unnamed, as it speaks: "a Japanese diplomat said", "the official
# told reporters".
_UNNAMED_SOURCE = re.compile(
    r"\b(?:(?:a|an|the|one)\s+(?:[\w-]+\s+){0,3}?(?:diplomat|official|source|aide|analyst"
    r"|officer|observer|insider)|(?:[\w-]+\s+){0,2}(?:diplomats|officials|sources|aides|analysts"
    r"|officers|observers|insiders))s?(?:,[^,]{1,60},)?\s+(?:said|says|told|added|adds)\b"
    r"|\b(?:said|says|added)\s+(?:a|an|the|one)\s+(?:[\w-]+\s+){0,3}?(?:diplomat|official|source"
    r"|aide|analyst|officer|observer|insider)s?\b"
)
# A person's name standing for their government: "the Trump administration", "Modi's cabinet".
_GOVERNMENT_AFTER = re.compile(r"['\u2019]?s?\s+(?:administration|government|cabinet)\b")
_COUPLE = re.compile(r"\band\s+(?:Mrs|Ms|Madame)\.?\s+$")
# A reporter credited at a sentence's end: "..., Kwawukume reported."
_REPORTER_CREDIT = re.compile(r",\s+(?:[A-Z][\w.'\u2019-]*\s+){0,3}reported\.?\s*$")
_FRONTED = re.compile(
    r"^(?:In|On|After|During|Following|Before|Speaking|Writing|Commenting|Asked|Responding)\b"
)


_TITLE_HEADS = word_set(
    """president minister leader premier chancellor secretary envoy ambassador counterpart
    king queen emir prince sultan chairman chairperson spokesman spokesperson"""
)


# Particles inside names: "Leovigildo Da Costa Silva", "Efigenia Dos Jorge", "Ursula von der
# Leyen", "Mohammed bin Salman".
# A paragraph's dateline: a place (in capitals or not), maybe a region, a day and an outlet or
# agency, then a dash (one or two, any kind) or a colon, then the story.
_DATELINE = re.compile(
    r"[A-Z][\w.'\u2019-]*(?:\s+[A-Za-z][\w.'\u2019-]*){0,3}"
    r"(?:\s*,\s*[A-Z][\w.'\u2019-]*(?:\s+[A-Za-z0-9][\w.'\u2019-]*){0,3}){0,2}"
    r"\s*(?:\([^()\n]{1,30}\))?\s*(?:[\u2014\u2013]+|-{1,2}|:)\s*(?=[A-Z\u201c\"])"
)
# A wire dateline with its day: "SAN CRISTOBAL, Mexico, Feb. 16 --", "LIMA, June 28 (AP) -",
# "HAVANA, Cuba, Sep 17 (ACN) Miguel ..." (an agency in brackets may stand for the dash).
# (The month in any case: agencies write it in capitals, "MOSCOW, 12 APR — RIA Novosti.")
_DATELINE_MONTH = r"(?i:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?"
_DATED_DATELINE = re.compile(
    r"[A-Z][\w.'\u2019 -]{1,40}(?:,\s*[A-Z][\w.'\u2019 -]{1,30})?,\s*"
    rf"(?P<date>{_DATELINE_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_DATELINE_MONTH})"
    r"\s*(?:\([^()\n]{1,30}\)\s*(?:--|[\u2014\u2013-])?|--|[\u2014\u2013-])"
)
_SAID_NAME = re.compile(
    r"(?P<name>\b[A-Z][\w'\u2019-]+)\s+(?:said|says|added|told|stressed|noted)\b"
    r"|\b(?:said|says|added|stressed|noted)\s+(?=[A-Z])"
)
_CLAUSE_STOP = re.compile(r"[,.;:\n]")
_THAT_BEFORE = re.compile(r"\bthat\s+$")
_OPENING_MARKS = ('"', "\u201c")
# A seat of government named without "the": it speaks as the institution it houses.
_SEAT = re.compile(r"\b(?:Street|House|Palace)$|^Bankova$")
_LED_BY = re.compile(
    # ("delegation under the leadership of Foreign Minister Osman Saleh")
    r"\bdelegation\s+(?:(?:led|headed)\s+by|under\s+the\s+leadership\s+of)\s+"
    # ("comprising Head of the Delegation Mr. Sadakazu Tanigaki, ... and seven other members")
    r"|\b[Hh]ead\s+of\s+(?:the\s+)?[Dd]elegation,?\s+"
)
_NAME_PARTICLES = word_set("Da Das Do Dos De Del Della Di Du Van Von Der Den Bin Ibn Abu dos da de")
_POSSESSIVE_INSIDE = re.compile(r"(?:'s|\u2019s)(?:\s+\S|$)")
_NAME_TAIL = re.compile(
    r"(?:\s(?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z]+)+"
)


# A glottal stop opening a word of a name: the turned comma (U+2018) or the okina (U+02BB).
_GLOTTAL_STOPS = "\u2018\u02bb"


def _named_after_comma(entity: Span) -> int | None:
    """Where a person's name starts in an organisation's name that ends with one after a
    comma: "the Councils of States and Ministers, Miguel Díaz-Canel". The name is two to four
    capitalised proper nouns, none a word of a body's name."""
    comma = next((t for t in reversed(entity) if t.text == ","), None)
    if comma is None or comma.i == entity.start:
        return None
    tail = entity.doc[comma.i + 1 : entity.end]
    words = [t for t in tail if t.text != "-"]
    if not 2 <= len(words) <= 4 or any(t.tag_ != "NNP" for t in tail if t.text != "-"):
        return None
    if any(t.lower_ in ORG_WORDS or not t.text[:1].isupper() or t.is_upper for t in words):
        return None
    return tail.start_char


def _person_like(entity: Span, people: set[str]) -> bool:
    """An organisation the recogniser found that is a person: "The president of Colombia,
    Gustavo Petro," (in apposition to a title), or a name whose last word it calls a person
    elsewhere in the article."""
    words = entity.text.split()
    if not 2 <= len(words) <= 4 or any(w.lower().strip(".,") in ORG_WORDS for w in words):
        return False
    if not all(w[:1].isupper() for w in words) or any(w.isupper() for w in words):
        return False
    if len(words) >= 3 and opens_with_style(entity.text):
        # "Ratu Inoke Kubuabola", "Datuk Seri Anwar Ibrahim": a style the recogniser may read
        # as the start of an organisation's name
        return True
    root = entity.root
    if root.dep_ == "appos":
        # "The president of Colombia, Gustavo Petro,": the title may be a few links up.
        head = root.head
        for _ in range(3):
            if head.lower_ in _TITLE_HEADS:
                return True
            if head.dep_ not in ("pobj", "prep") or head.head.i == head.i:
                break
            head = head.head
    if any(t.lower_ in _TITLE_HEADS for t in root.children if t.dep_ == "compound"):
        return True
    if _after_a_title(entity):
        return True
    if (
        root.dep_ == "conj"
        and root.head.ent_type_ == "PERSON"
        and not any(canonical_title(w).title for w in words)
    ):
        # "Diamballa Maimouna (Niger), Japhet Isaak (Namibia)": one of a list of people (not
        # "the Political and Media Advisor", a title)
        return True
    after = entity.doc[entity.end : entity.end + 2]
    if len(after) == 2 and after[0].text == "," and after[1].lower_ == "who":
        return True  # "met with Gustavo Petro, who participated in ...": someone
    return words[-1] in people


def _after_a_title(entity: Span) -> bool:
    """ "with U.S. Deputy Envoy to the Middle East, Morgan Ortagus,": set off by a comma
    right after a capitalised title, however the parse hangs the title's "to" phrase."""
    doc = entity.doc
    if entity.start < 2 or doc[entity.start - 1].text != ",":
        return False
    for token in reversed(doc[max(0, entity.start - 9) : entity.start - 1]):
        if token.is_punct or token.pos_ == "VERB":
            return False
        if token.lower_ in _TITLE_HEADS and token.text[:1].isupper():
            return True
    return False


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int
    end: int
    block: Block


class Document:
    """The body of one article with everything the extractors look up by offset."""

    def __init__(
        self,
        blocks: list[Block] | tuple[Block, ...],
        reference: Reference,
        *,
        published: dt.date | None = None,
        published_stated: bool = False,
        parsed: SpacyDoc | None = None,
        context: tuple[str, ...] = (),
        headline: str | None = None,
        standfirsts: tuple[str, ...] = (),
        filed: dt.date | None = None,
    ) -> None:
        self.reference = reference
        self.book = ActorBook(reference, published)
        # Text on the page that is not the article's (teasers): read only to date events.
        self.context = context
        self.published = published
        self.published_stated = published_stated
        self.headline = headline
        self._anchor_for: dt.date | None = None
        self._dateline_day: dt.date | None = None
        parts: list[str] = []
        self.paragraphs: list[Paragraph] = []
        offset = 0
        for block in blocks:
            if parts:
                offset += 2
            self.paragraphs.append(Paragraph(offset, offset + len(block.text), block))
            parts.append(block.text)
            offset += len(block.text)
        self.text = self.join(blocks)
        self.sentences: list[Sentence] = []
        for p in self.paragraphs:
            self.sentences.extend(split_sentences(self.text, p.start, p.end))
        self._sentence_starts = [s.start for s in self.sentences]
        self.quotes: list[Quote] = []
        for i, p in enumerate(self.paragraphs):
            self.quotes.extend(find_quotes(self.text, p.start, p.end))
            if i + 1 < len(self.paragraphs) and self._runs_on(p, self.paragraphs[i + 1]):
                self.quotes.append(Quote(p.start, p.end))
        self.quotes.sort(key=lambda q: q.start)
        # The parse and the named entities of the whole text (``join(blocks)``), if given.
        if parsed is not None and parsed.text != self.text:
            raise ValueError("the parse given is not of this document's text")
        self.parsed: SpacyDoc | None = parsed
        for line in (headline, *standfirsts):
            # (the headline and the standfirst name people in full whom the body shortens; the
            # page's teasers are other stories)
            if line:
                introduce_headline_names(line, self.text, self.book)
        # (one pass of the titled-name pattern serves the recogniser's check and the finder)
        titled = list(within_paragraphs(reference.titled_name_re, self.text))
        self.mentions: list[Mention] = find_mentions(
            self.text, self.book, self._entities(titled), titled=titled
        )
        self._mention_starts = [m.start for m in self.mentions]
        self.dates: list[DateMention] = find_dates(self.text)
        if published is None and filed is not None:
            # A page with no day of publication, filed under a month ("/2006/11/"): its
            # month-days ("will meet on December 5") still have their year.
            self.dates = [with_year_near(m, filed) for m in self.dates]
        if any(p.block.said_on is not None for p in self.paragraphs):
            self.dates = [self._posted_day(m) for m in self.dates]
        self._speakers: list[tuple[int, str]] = []
        self._genders: dict[str, Gender | None] = {}
        self._family_only: frozenset[str] | None = None

    def _posted_day(self, mention: DateMention) -> DateMention:
        """A relative day in an embedded post ("met ... in #Riyadh today") as the day it names
        from the post's own date, not the page's: a post is often older than the story that
        quotes it."""
        if mention.kind == "absolute":
            return mention
        posted = self.paragraph_at(mention.start).block.said_on
        day = resolve(mention, posted) if posted is not None else None
        if day is None:
            return mention
        return DateMention(
            mention.start, mention.end, "absolute", year=day.year, month=day.month, day=day.day
        )

    @staticmethod
    def join(blocks: list[Block] | tuple[Block, ...]) -> str:
        """The document's text: its paragraphs, a blank line apart."""
        return "\n\n".join(block.text for block in blocks)

    def _entities(self, titled: list[re.Match[str]]) -> list[Entity]:
        if self.parsed is None:
            return []
        found: list[Entity] = []
        people = {e.text.split()[-1] for e in self.parsed.ents if e.label_ == "PERSON"}
        # ("Minister Wakamiya" later makes "Kenji Wakamiya, Japan's Minister for Expo" a person
        # though the recogniser read the apposition as an organisation's name)
        people.update(m.group("name").split()[-1] for m in titled if m.group("name").strip())
        for e in self.parsed.ents:
            label = e.label_
            cut = _named_after_comma(e) if label == "ORG" and not e.ent_id_ else None
            if cut is not None:
                # "the Councils of States and Ministers, Miguel Díaz-Canel": a body and, set
                # off after it, the person who leads it, read by the recogniser as one name.
                found.append(Entity(e.start_char, cut - 2, label))
                found.append(self._without_possessed(Entity(cut, e.end_char, "PERSON")))
                continue
            # (a place's or a work's name too, set off after a title or listed with a person:
            # "the Chairman of the Commission, Le Hoai Trung", "Ministers Julie Bishop and
            # Rimbink Pato"; not one whose last word names someone: "Second Thomas Shoal")
            if (
                label in ("ORG", "FAC", "WORK_OF_ART", "PRODUCT")
                and not e.ent_id_
                and _person_like(e, people if label == "ORG" else set())
            ):
                label = "PERSON"
            entity = Entity(e.start_char, e.end_char, label, e.ent_id_ or None)
            if label == "PERSON" and entity.ref is None:
                entity = self._without_possessed(entity)
                if (
                    entity.start > 0
                    and self.text[entity.start - 1] in _GLOTTAL_STOPS
                    and (entity.start < 2 or self.text[entity.start - 2].isspace())
                ):
                    # Tongan and Samoan names write a glottal stop before a word ("Aisake Valu
                    # Eke" after one), which the recogniser leaves out of the name.
                    entity = Entity(entity.start - 1, entity.end, label, None)
            last = found[-1] if found else None
            if last is not None and self._one_name(last, entity):
                # "Mohammed Shia'" + "al-Sudani", "Leovigildo Da" + "Costa": one name the
                # recogniser cut in two.
                found[-1] = Entity(last.start, entity.end, "PERSON")
                continue
            found.append(entity)
        return [self._name_finished(e) for e in found]

    def _one_name(self, last: Entity, entity: Entity) -> bool:
        if not (last.label == entity.label == "PERSON" and last.ref is None):
            return False
        gap = self.text[last.end : entity.start]
        if entity.ref is None:
            # ("João Salvador" + "dos" + "Santos Neto": a particle the recogniser left out)
            return gap in (" ", "' ", "\u2019 ") or (
                gap.startswith(" ") and gap.endswith(" ") and gap.strip() in _NAME_PARTICLES
            )
        # A reference name after a particle is the rest of another name ("Da Costa").
        return gap == " " and self.text[last.start : last.end].split()[-1] in _NAME_PARTICLES

    def _without_possessed(self, entity: Entity) -> Entity:
        """ "President Lourenço's Special Envoy": the name ends at its possessive."""
        text = self.text[entity.start : entity.end]
        cut = _POSSESSIVE_INSIDE.search(text)
        if cut is None:
            return entity
        return Entity(entity.start, entity.start + cut.start(), entity.label, entity.ref)

    def _name_finished(self, entity: Entity) -> Entity:
        """ "Leovigildo Da Costa" + "Silva": a name with a particle in it goes on over the
        capitalised words right after it."""
        words = self.text[entity.start : entity.end].split()
        if entity.label != "PERSON" or entity.ref is not None:
            return entity
        if not any(w in _NAME_PARTICLES for w in words[1:]):
            return entity
        tail = _NAME_TAIL.match(self.text, entity.end)
        if tail is None:
            return entity
        return Entity(entity.start, tail.end(), entity.label, entity.ref)

    def in_dateline(self, pos: int) -> bool:
        """Whether ``pos`` is inside the dateline a paragraph opens with ("Riyadh, Asharq
        Al-Awsat—", "NAIROBI, Kenya (AP) —", "Kampala, May 16, GNA -")."""
        paragraph = self.paragraph_at(pos)
        if pos - paragraph.start > 80:
            return False
        line = _DATELINE.match(self.text, paragraph.start, paragraph.end)
        return line is not None and pos < line.end()

    def delegation_leader(self, pos: int) -> str | None:
        """Who led the delegation the article introduced last before ``pos`` ("a delegation
        led by Foreign Minister Jorge Arreaza"), or None."""
        leader: str | None = None
        for led in _LED_BY.finditer(self.text, 0, pos):
            people = [
                m for m in self.mentions_in(led.end(), min(pos, led.end() + 80))
                if self.book.kind(m.actor) is ActorKind.PERSON
            ]  # fmt: skip
            if people:
                leader = people[0].actor
        return leader

    # -- lookup ---------------------------------------------------------------------------
    def sentence_at(self, pos: int) -> Sentence:
        index = max(0, bisect.bisect_right(self._sentence_starts, pos) - 1)
        return self.sentences[index]

    def sentence_index(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self._sentence_starts, pos) - 1)

    @property
    def anchor(self) -> dt.date | None:
        """The day "today", "yesterday" and weekdays count from: the publication's, or the
        day of a wire dateline a day or two before it ("SAN CRISTOBAL, Mexico, Feb. 16 -- ...
        met ... today" in the paper of the 17th: written, and "today", on the 16th)."""
        if self.published is None:
            return None
        if self._anchor_for != self.published:
            self._anchor_for = self.published
            self._dateline_day = self._find_dateline_day(self.published)
        return self._dateline_day or self.published

    def _find_dateline_day(self, published: dt.date) -> dt.date | None:
        found = self.dateline()
        return found[0] if found is not None and found[0] != published else None

    def dateline(self) -> tuple[dt.date, Paragraph] | None:
        """The day a wire dateline gives the story (the publication's or one or two days
        before it) and the paragraph it opens."""
        if self.published is None:
            return None
        for paragraph in self.paragraphs[:3]:
            line = _DATED_DATELINE.match(self.text, paragraph.start, paragraph.end)
            if line is None:
                continue
            for mention in find_dates(self.text, line.start("date"), line.end("date")):
                day = resolve(mention, self.published)
                if day is not None and 0 <= (self.published - day).days <= 2:
                    return day, paragraph
            return None
        return None

    def paragraph_at(self, pos: int) -> Paragraph:
        for p in self.paragraphs:
            if p.start <= pos <= p.end:
                return p
        return self.paragraphs[-1]

    def _runs_on(self, paragraph: Paragraph, following: Paragraph) -> bool:
        """A quotation that runs over paragraphs opens each with a mark and closes only in
        its last: a paragraph that opens one, leaves it open, and is followed by a paragraph
        opening again is quoted whole."""
        return opens_unclosed_quote(
            self.text[paragraph.start : paragraph.end]
        ) and self.text.startswith(_OPENING_MARKS, following.start)

    def in_quote(self, pos: int) -> bool:
        return any(q.start <= pos < q.end for q in self.quotes)

    def quotes_in(self, start: int, end: int) -> list[Quote]:
        return [q for q in self.quotes if q.start >= start and q.end <= end]

    def mentions_in(
        self, start: int, end: int, *, implicit: bool = False, quoted: bool = True
    ) -> list[Mention]:
        lo = bisect.bisect_left(self._mention_starts, start)
        found: list[Mention] = []
        for m in self.mentions[lo:]:
            if m.start >= end:
                break
            if m.end > end or (m.implicit and not implicit):
                continue
            if not quoted and self.in_quote(m.start):
                continue
            found.append(m)
        return found

    def day_before(self, pos: int, future: bool = False) -> dt.date | None:
        """The day the text last named before ``pos``: what "the same day" and "later in the
        day" refer to. A day named in a line with no tense of its own ("- Thursday (noon):
        Talks with ...") is read in the tense of the sentence at ``pos`` (``future``)."""
        for mention in reversed([d for d in self.dates if d.end <= pos]):
            if mention.kind in ("vague", "same_day"):
                continue
            if not future and self._said_ahead(mention):
                continue  # "later in the day" of what happened is not the day of a plan
            sentence = self.sentence_at(mention.start)
            ahead = _AHEAD.search(self.text, sentence.start, sentence.end) is not None
            day = resolve(
                mention,
                self.published,
                future=ahead or (future and not self._past_tense(sentence.start, sentence.end)),
            )
            if day is not None:
                return day
        return None

    def _said_ahead(self, mention: DateMention) -> bool:
        """The day is that of a verb in the future ("will continue ... on Thursday")."""
        if self.parsed is None:
            return False
        span = self.parsed.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        node = span.root
        for _ in range(8):
            if node.tag_.startswith("VB"):
                return any(
                    c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in node.children
                )
            if node.head.i == node.i:
                return False
            node = node.head
        return False

    def _past_tense(self, start: int, end: int) -> bool:
        if self.parsed is None:
            return True
        span = self.parsed.char_span(start, end, alignment_mode="expand")
        return span is None or any(t.tag_ == "VBD" for t in span)

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        return [d for d in self.dates if d.start >= start and d.end <= end]

    def kind(self, actor: str) -> ActorKind | None:
        return self.book.kind(actor)

    def countries_of(self, actor: str) -> set[str]:
        """The countries ``actor`` is, or holds an office of (none for a body)."""
        if self.kind(actor) is ActorKind.COUNTRY:
            return {actor}
        return {r.of for r in self.book.roles(actor) if r.of is not None}

    def names_government(self, m: Mention) -> bool:
        """Whether a person's mention names their government ("senior members of the Trump
        administration", "the Modi government"), which is no party to a meeting."""
        return (
            self.kind(m.actor) is ActorKind.PERSON
            and _GOVERNMENT_AFTER.match(self.text, m.end) is not None
        )

    def topics(self, start: int, end: int) -> list[str]:
        return find_topics(self.reference, self.text, start, end)

    # -- grammar --------------------------------------------------------------------------
    def is_object(self, start: int, floor: int = 0) -> bool:
        """True when the word before ``start`` makes the phrase an object ("with Schoof")."""
        before = self.text[max(floor, start - 40) : start].split()
        # ("met with the Chinese Premier Li Qiang": the article before the title)
        while before and before[-1].lower() in _DETERMINERS:
            before.pop()
        return bool(before) and before[-1].lower().strip(",") in _OBJECT_WORDS

    def subject(self, start: int, end: int, *, persons_only: bool = True) -> Mention | None:
        """The first mention in ``text[start:end]`` that is not an object of a preposition
        and not inside quotation marks: the grammatical subject, in news prose."""
        for m in self.mentions_in(start, end, quoted=False):
            if persons_only and self.kind(m.actor) is not ActorKind.PERSON:
                continue
            if m.via == "demonym" or self.is_object(m.start, start):
                continue
            if self._in_fronted_clause(m.start):
                continue
            return m
        return None

    def _in_fronted_clause(self, pos: int) -> bool:
        """ "Receiving the Sudanese Ambassador, Hussein Awad Ali, the President emphasised":
        a person in a participle's clause set before the main verb is its object, not the
        sentence's subject."""
        if self.parsed is None:
            return False
        span = self.parsed.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            return False
        token = span[0]
        while token.head.i != token.i:
            if token.dep_ == "nsubj":
                return False
            # (the parser may call the fronted participle the sentence's clausal subject)
            if token.dep_ in ("advcl", "csubj") and token.tag_ == "VBG" and token.i < token.head.i:
                return token.i == token.sent.start  # (the clause opens the sentence)
            token = token.head
        return False

    def antecedent(self, pos: int) -> str | None:
        """The person a pronoun at ``pos`` refers to: in a fronted phrase ("In a post about his
        call with Schoof, Zelensky wrote") the subject that follows; otherwise the subject of
        the nearest earlier text, looking back at most three sentences."""
        sentence = self.sentence_at(pos)
        head = self.text[sentence.start : pos]
        comma = self.text.find(",", pos, sentence.end)
        if _FRONTED.match(head) and "," not in head and comma != -1:
            after = self.subject(comma + 1, sentence.end)
            if after is not None:
                return after.actor
        clause = self._clause_subject(pos)
        if clause is not None:
            return clause
        current = self.subject(sentence.start, pos)
        earlier = self._leading_pronoun(sentence.start, pos, current)
        if earlier is not None:
            return earlier
        if current is not None:
            return current.actor
        index = self.sentence_index(pos)
        looked = 0
        for back in range(index - 1, max(-1, index - 8), -1):
            s = self.sentences[back]
            if self._quoted_whole(s):
                continue  # a quotation's own "he" and "we" are the speaker's, not the text's
            looked += 1
            if looked > 3:
                break
            found = self.subject(s.start, s.end)
            # (not the reporter credited at the end: "..., Kwawukume reported.")
            credit = _REPORTER_CREDIT.search(self.text, s.start, s.end)
            if found is not None and credit is not None and found.start >= credit.start():
                found = None
            earlier = self._leading_pronoun(s.start, s.end, found)
            if earlier is not None:
                return earlier
            if found is not None:
                return found.actor
            persons = [
                m for m in self.mentions_in(s.start, s.end, quoted=False)
                if self.kind(m.actor) is ActorKind.PERSON
                and (credit is None or m.start < credit.start())
            ]  # fmt: skip
            if persons:
                return persons[-1].actor
        return self.last_speaker(pos)

    def _clause_subject(self, pos: int) -> str | None:
        """For a pronoun subject of a subordinate clause ("said Buhari gave the assurance when
        he hosted Bazoum"), the person who is the subject of the clause it depends on (Buhari),
        not the sentence's first (the spokesman who said it)."""
        if self.parsed is None:
            return None
        span = self.parsed.char_span(pos, pos + 1, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        if span[0].dep_ != "nsubj" or span[0].head.dep_ != "advcl":
            return None
        verb = span[0].head.head
        for child in verb.children:
            if child.dep_ != "nsubj" or child.i >= span[0].i:
                continue
            lo, hi = child.left_edge.idx, child.idx + len(child.text)
            people = [m for m in self.mentions_in(lo, hi) if self.kind(m.actor) is ActorKind.PERSON]
            if len(people) == 1:
                return people[0].actor
        return None

    def _leading_pronoun(self, start: int, end: int, subject: Mention | None) -> str | None:
        """ "On Friday he will meet King Abdullah. Later he holds talks with Safadi": when a
        "he" or "she" comes before the first name of a stretch, that pronoun is its subject,
        and it means whom it meant there."""
        stop = subject.start if subject is not None else end
        for p in PRONOUN.finditer(self.text, start, stop):
            if p.group().lower() not in ("he", "she") or self.in_quote(p.start()):
                continue
            if self.is_object(p.start(), start):
                continue
            return self.antecedent(p.start())
        return None

    def _quoted_whole(self, sentence: Sentence) -> bool:
        inside = sum(
            min(q.end, sentence.end) - max(q.start, sentence.start)
            for q in self.quotes
            if q.start < sentence.end and q.end > sentence.start
        )
        return inside >= 0.8 * (sentence.end - sentence.start)

    def note_speaker(self, pos: int, actor: str) -> None:
        """Record that ``actor`` speaks at ``pos``: "he said" after a quotation of several
        sentences refers to the last person quoted."""
        self._speakers.append((pos, actor))

    def last_speaker(self, pos: int, within: int = 1500) -> str | None:
        earlier = [(p, a) for p, a in self._speakers if pos - within <= p < pos]
        if not earlier:
            return None
        actor = max(earlier)[1]
        return actor if self.kind(actor) is ActorKind.PERSON else None

    def pronoun_speaker(self, pos: int) -> str | None:
        """Whom "he" or "she" of a speech verb means: the person quoted just before, in this
        paragraph or the one before ("“...,” she said" after her own quote), else the person
        the grammar points at."""
        paragraph = self.paragraph_at(pos)
        index = self.paragraphs.index(paragraph)
        since = self.paragraphs[index - 1].start if index > 0 else paragraph.start
        unnamed = [
            m.start()
            for m in _UNNAMED_SOURCE.finditer(self.text, since, pos)
            if not self.in_quote(m.start())
        ]
        told = self._named_speakers(since, pos)
        named = [p for p, _a in self._speakers if since <= p < pos] + [p for p, _a in told]
        if unnamed and max(unnamed) > max(named, default=-1):
            # "..., a Japanese diplomat said. ... , he said.": the unnamed source again.
            return None
        sentence = self.sentences[self.sentence_index(pos)]
        # (the pronoun opens the sentence, or follows the quotation that opens it: '“...,”
        # she said' after a sentence about her is hers)
        closing = next(
            (
                q
                for q in self.quotes
                if 0 <= pos - q.end <= 3 and "\n" not in self.text[q.end : pos]
            ),
            None,
        )
        opens = (
            pos - sentence.start <= 2
            or (closing is not None and closing.start == sentence.start)
            # ("Also, he asserted ...", "On Tuesday, she said ...": a word or two set off first)
            or _SET_OFF_LEAD.fullmatch(self.text, sentence.start, pos) is not None
        )
        previous = self.subject_before(pos) if opens else None
        pronoun = PRONOUN.match(self.text, pos)
        want = pronoun_gender(pronoun.group()) if pronoun else None
        # A person the pronoun cannot be ("she" for a man the text calls "Mr", "he" for
        # Angela Merkel) is passed over. (Not one of unknown sex when a woman is near: a
        # woman's name may be missing from the list, or misspelt.)
        previous = self._shown_instead(previous, pos, want)
        if previous is not None and not unnamed and self._fits(previous, want):
            # "Videgaray described the meeting as ... . He said ...": the sentence before, in
            # the same paragraph, is about whom "he" is, whoever spoke in the paragraph before.
            return previous
        relative = _RELATIVE_END.search(self.text, max(0, pos - 8), pos) is not None
        current = self._own_subject(pos) if relative else None
        if current is not None and self._fits(current, want):
            # "Mr. Zuma mentioned the work done by Biti, who he said had ensured ...": the
            # sentence's own subject, whoever was quoted before
            return current
        spoke = [
            (p, a) for p, a in [*self._speakers, *told]
            if since <= p < pos and self.kind(a) is ActorKind.PERSON and self._fits(a, want)
        ]  # fmt: skip
        # (a speaker named in the text counts before the statements are all read: "...,
        # said Zakharova. “The sides will discuss ...,” she added.")
        if spoke:
            return max(spoke)[1]
        # ('"... a lot with President Steinmeier," he had told reporters': not anyone the
        # quotation names, whose words these are not)
        return self._fitting_antecedent(closing.start if closing else pos, want, index)

    def _own_subject(self, pos: int) -> str | None:
        """The person the sentence of ``pos`` opens with as its subject, before ``pos``, when
        the sentence is the text's own words (no quotation opens it)."""
        sentence = self.sentences[self.sentence_index(pos)]
        if self.in_quote(pos) or self.text[sentence.start] in "\"\u201c\u2018'":
            return None
        subject = self.subject(sentence.start, pos)
        if subject is None or self.kind(subject.actor) is not ActorKind.PERSON:
            return None
        return subject.actor

    def referent(self, pos: int, besides: str | None = None) -> str | None:
        """The person a pronoun at ``pos`` ("he", "her", ...) refers to: the grammar's
        antecedent when its sex fits ("She also held a meeting with ..." after a sentence about
        the man who received her is not his), else the last person named nearby who fits;
        never ``besides`` ("Blinken telephoned him": not Blinken)."""
        pronoun = PRONOUN.match(self.text, pos)
        want = pronoun_gender(pronoun.group()) if pronoun else None
        index = self.paragraphs.index(self.paragraph_at(pos))
        return self._fitting_antecedent(pos, want, index, besides)

    def _fitting_antecedent(
        self, pos: int, want: Gender | None, index: int, besides: str | None = None
    ) -> str | None:
        """The antecedent of a pronoun of sex ``want`` at ``pos`` in paragraph ``index``."""
        since = self.paragraphs[index - 1].start if index > 0 else self.paragraphs[index].start
        found = self._shown_instead(self.antecedent(pos), pos, want)
        if besides is not None and found == besides:
            found = self._last_named(since, pos, lambda a: a != besides)
        if found is None or self._fits(found, want):
            return found
        fitting = self._last_named(since, pos, lambda a: a != besides and self._fits(a, want))
        if fitting is not None or want is None:
            return fitting
        if want == "female":
            # Nobody near fits ("she" after a paragraph about Obama, "She also held a meeting
            # with ..." paragraphs after the article last named her): the last person before
            # whom the article shows to be a woman, however far back.
            return self._last_named(0, since, lambda a: self.gender(a) == "female")
        # For "he", the last man shown within three paragraphs; most men's names are on no
        # list, so else the last person there not shown to be a woman ("Amy Pope called on
        # Secretary Durrani ... He said ...").
        earlier = self.paragraphs[max(0, index - 3)].start
        return self._last_named(
            earlier, since, lambda a: a != besides and self.gender(a) == "male"
        ) or (
            self._last_named(earlier, since, lambda a: a != besides and self.gender(a) != "female")
        )

    def _last_named(self, start: int, end: int, keep: Callable[[str], bool]) -> str | None:
        """The person named last in ``text[start:end]`` for whom ``keep`` holds."""
        for m in reversed(self.mentions_in(start, end, implicit=False)):
            if self.kind(m.actor) is ActorKind.PERSON and keep(m.actor):
                return m.actor
        return None

    def _shown_instead(self, candidate: str | None, pos: int, want: Gender | None) -> str | None:
        """For "she" and a ``candidate`` of unknown sex: the one person of the sentence before
        whom the article shows to be a woman, if there is one ("Trump ... irked Sheinbaum by
        saying ... . She has vowed ..."); else the candidate. (Not for "he": most men's names
        are on no list, so a man shown to be one is no likelier than the one of unknown sex.)"""
        if candidate is None or want != "female" or self.gender(candidate) is not None:
            return candidate
        index = self.sentence_index(pos)
        if index == 0:
            return candidate
        before = self.sentences[index - 1]
        shown = {
            m.actor for m in self.mentions_in(before.start, before.end)
            if self.kind(m.actor) is ActorKind.PERSON and self.gender(m.actor) == want
        }  # fmt: skip
        return shown.pop() if len(shown) == 1 else candidate

    def family_only(self) -> frozenset[str]:
        """People the article names only as someone's relatives ("his wife, Aisha")."""
        if self._family_only is None:
            named = {m.actor for m in self.mentions if m.via != "relative"}
            self._family_only = frozenset(
                m.actor for m in self.mentions if m.via == "relative" and m.actor not in named
            )
        return self._family_only

    def _fits(self, actor: str, want: Gender | None) -> bool:
        sex = self.gender(actor)
        return want is None or sex is None or sex == want

    def gender(self, actor: str) -> Gender | None:
        """The sex the article shows a person to be (see gender.py), or None."""
        if actor not in self._genders:
            shown = {honorific_gender(actor.split()[0] + " ")}
            shown.update(
                honorific_gender(self.text[max(0, m.start - 24) : m.start])
                for m in self.mentions
                if m.actor == actor
                and not m.implicit
                # ("President and Mrs. Bush": the couple, his surname hers too)
                and not _COUPLE.search(self.text, max(0, m.start - 24), m.start)
            )
            shown.discard(None)
            # (one surname for two people, "Mr. Kirchner" and "Mrs. Kirchner": neither)
            found: Gender | None = shown.pop() if len(shown) == 1 else None
            given = given_name_gender(actor)
            if found == "male" and given == "female":
                found = None  # "Sheikh Hasina": the style her family bears, a woman's name
            self._genders[actor] = found or given
        return self._genders[actor]

    def _named_speakers(self, start: int, end: int) -> list[tuple[int, str]]:
        """People the text names as speaking between ``start`` and ``end`` ("said Zakharova",
        "Zakharova said"), outside quotations."""
        found: list[tuple[int, str]] = []
        for m in _SAID_NAME.finditer(self.text, start, end):
            if self.in_quote(m.start()):
                continue
            if m.group("name"):
                lo, hi = m.span("name")
                if _THAT_BEFORE.search(self.text, max(0, lo - 8), lo):
                    # ("Kalsakau told the crowd that Macron said to him ...": Macron's words are
                    # passed on; Kalsakau is the one speaking)
                    continue
            else:
                # "said Russian Foreign Ministry spokeswoman Maria Zakharova.": up to the stop
                lo = m.end()
                stop = _CLAUSE_STOP.search(self.text, lo, min(end, lo + 80))
                hi = stop.start() if stop else min(end, lo + 80)
            for mention in self.mentions_in(lo, hi, implicit=False):
                if self.kind(mention.actor) is ActorKind.PERSON:
                    found.append((m.start(), mention.actor))
                    break
        return found

    def subject_before(self, pos: int, *, same_paragraph: bool = True) -> str | None:
        """The person the sentence before ``pos``'s is about (in the same paragraph, unless
        ``same_paragraph`` is off), or None."""
        index = self.sentence_index(pos)
        if index == 0:
            return None
        before = self.sentences[index - 1]
        if same_paragraph and self.paragraph_at(before.start) is not self.paragraph_at(pos):
            return None
        subject = self.subject(before.start, before.end)
        return subject.actor if subject is not None else None

    def speaker_at(self, start: int, end: int) -> str | None:
        """Who ``text[start:end]`` (a short phrase before a speech verb) names: the mention
        nearest its end, or the person a pronoun there refers to."""
        mentions = [
            m
            for m in self.mentions_in(start, end, quoted=False)
            if self.kind(m.actor) is not ActorKind.MEDIA and m.via != "demonym"
        ]
        pronoun = None
        for p in PRONOUN.finditer(self.text, start, end):
            pronoun = p
        if pronoun is not None and (not mentions or pronoun.start() > mentions[-1].end):
            if pronoun.group().lower() in ("he", "she"):
                return self.pronoun_speaker(pronoun.start())
            return None
        if not mentions:
            return None
        persons = [m for m in mentions if self.kind(m.actor) is ActorKind.PERSON]
        return self.speaker_named((persons or mentions)[-1])

    def speaker_named(self, mention: Mention) -> str:
        """The speaker a mention before a speech verb names. A seat of government that news
        writes with the article ("the White House said", "the Kremlin said") speaks as that
        institution, an organisation of its country; a capital ("Moscow said") as the country.
        """
        if mention.via != "metonym":
            return mention.actor
        surface = re.sub(r"^(?:the|The)\s+", "", self.text[mention.start : mention.end])
        country = self.reference.actor(mention.actor)
        forms = {m.lower() for m in country.metonyms} if country is not None else set()
        if f"the {surface.lower()}" not in forms and not _SEAT.search(surface):
            return mention.actor  # a capital ("Moscow said"), not a seat ("Downing Street")
        self.book.introduce_org(surface)
        self.book.add_role_less_org(surface, mention.actor)
        return surface
