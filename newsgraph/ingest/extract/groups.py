"""Meetings whose participants are given as groups: offices of countries, lists of counterparts.

News often names who met by their offices: "the foreign ministers of Japan and China agreed",
"Iranian and Omani foreign ministers held a meeting", "ministers from Estonia, Latvia and
Poland met". The parse reads the countries (a country for its office holders). When the
article names the holder of that office of that country (anywhere in it: "Japanese Foreign
Minister Takeshi Iwaya said ..."), the meeting was that person's; otherwise the country takes
part as such. A name written next to its country in the list ("the presidents of Kyrgyzstan
Sadyr Japarov and Tajikistan Emomali Rahmon", "foreign ministers of Kyrgyzstan [Chingiz
Aidarbekov]") is that country's holder outright.

A list of counterparts is one meeting with each when the words say the meetings were apart:
"held separate phone talks with A and B", "a series of meetings with his counterparts from A,
B and C", "held bilateral meetings with A and B", "held talks with Prime Minister A, President B
and Speaker C" (a round of a country's offices). ("met with A and B" stays one meeting: it may
well have been one.)

Those who only accompany someone ("X, accompanied by ministers A and B, met Y") are not the
meeting's participants (tests/eval's gold convention), and "talks with Egyptian officials"
after meetings with Egyptians by name retells those meetings.

(Reading "a series of meetings" and "counterparts that included A and B" is meeting_parse's.)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from typing import TYPE_CHECKING

from newsgraph.ingest.extract.listed import ListedName, listed_names
from newsgraph.ingest.extract.patterns import word_set
from newsgraph.ingest.extract.titles import HEAD_OF_STATE_TITLES, LEADER_TITLES
from newsgraph.ingest.model import ActorKind

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsgraph.ingest.extract.document import Document
    from newsgraph.ingest.extract.found import Met, ParsedMeeting

__all__ = ["regroup", "without_companions", "without_retold"]

Participants = list[tuple[str, str | None]]

# Group words that stand for the holders of one office, by the office they name. Others
# ("delegations", "officials", "sides", "governments") are the country as such.
_OFFICE_HEADS = word_set(
    "minister ministers secretary secretaries president presidents premier premiers leader "
    "leaders head heads counterpart counterparts diplomat diplomats chancellor chancellors"
)
# Words before an office noun that say nothing of which office it is.
_NOT_OFFICE_WORDS = word_set(
    "top two both visiting their his her its the respective senior new former then current"
)
# "a series of meetings", "a round of talks": the meetings of the verb the series is the
# object of, one after another.
_SERIES = word_set("series round rounds string number couple flurry slew spate")
_APART_WORDS = word_set("separate individual respective one-on-one")
_BILATERAL = word_set("bilateral bilaterals")
_PLURAL_EVENTS = word_set("meetings talks calls conversations discussions bilaterals")
_HOLD = word_set("hold holds held holding have has had having conduct conducted conducts")
_ALIASES = {"defense": "defence", "external": "foreign"}
# Who "the foreign ministers" (or "top diplomats") of a country with another word for it are.
_FOREIGN_OFFICES = frozenset({"Foreign Minister", "Secretary of State", "Foreign Secretary"})
# "X, accompanied by ministers A and B, met Y": those who came with a participant are not
# counted among the meeting's participants (tests/eval's gold convention).
_ESCORT_VERBS = word_set("accompanied flanked escorted")
# "Kyrgyz Republic [Chingiz Aidarbekov]", "Kyrgyzstan Sadyr Japarov", "Tajikistan, Emomali
# Rahmon,": what may stand between a country and the name of its office holder.
_NAME_GAP = re.compile(r"[\s,(\[]*")


def regroup(
    doc: Document,
    found: list[ParsedMeeting],
    subjects: Callable[[Token], Participants],
) -> list[ParsedMeeting]:
    """``found`` with countries named for their office holders replaced by the people the
    article names in that office, and a list of counterparts met apart split into one meeting
    each. ``subjects`` reads the subjects of a verb (the parser's own reading)."""
    out: list[ParsedMeeting] = []
    for parsed in found:
        token = _trigger(doc, parsed)
        if token is None:
            out.append(parsed)
            continue
        parsed = _with_office_holders(doc, parsed, token)
        out.extend(_split_apart(doc, parsed, token, subjects))
    return out


def _trigger(doc: Document, parsed: ParsedMeeting) -> Token | None:
    if doc.parsed is None:
        return None
    span = doc.parsed.char_span(parsed.start, parsed.end, alignment_mode="expand")
    return span.root if span is not None else None


def _unique(items: Participants) -> Participants:
    seen: dict[str, str | None] = {}
    for actor, role in items:
        if actor not in seen or (seen[actor] is None and role is not None):
            seen[actor] = role
    return list(seen.items())


# -- "a series of meetings with ..." -------------------------------------------------------
def _series_verb(token: Token) -> Token | None:
    """The verb holding "a series of <meetings>", if the meeting noun is in one."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lower_ not in _SERIES:
        return None
    series = prep.head
    if series.dep_ == "dobj" and series.head.lower_ in _HOLD:
        return series.head
    return None


# -- offices to their holders -------------------------------------------------------------
def _with_office_holders(doc: Document, parsed: ParsedMeeting, token: Token) -> ParsedMeeting:
    sentence = doc.sentence_at(parsed.start)
    groups = [
        (actor, role)
        for actor, role in parsed.participants
        if doc.kind(actor) is ActorKind.COUNTRY
        and (
            parsed.how.get(actor) == "group"
            # ("Prime Ministers of Nepal and India": the parse may join the second country
            # to the office rather than to the first)
            or _misjoined(doc, actor, token, sentence.start, sentence.end)
        )
    ]
    if not groups:
        return parsed
    people = [
        a for a, _ in parsed.participants
        if parsed.how.get(a) != "group" and doc.kind(a) is ActorKind.PERSON
    ]  # fmt: skip
    participants: Participants = []
    how = dict(parsed.how)
    changed = False
    for actor, role in parsed.participants:
        if (actor, role) not in groups:
            participants.append((actor, role))
            continue
        head = _group_head(doc, actor, token, sentence.start, sentence.end)
        listed = _listed_with(doc, actor, sentence.start, sentence.end)
        inline = _named_after_country(doc, actor, head) if head is not None else None
        single = _group_head(doc, actor, token, sentence.start, sentence.end, plural=False)
        apposed = _apposed_name(doc, single) if single is not None and head is None else None
        if apposed is not None and apposed not in people:
            # "his Venezuelan counterpart, Nicolas Maduro,": one person, named beside
            holders, named = [apposed], "title"
        elif listed:
            # "the presidents of Kyrgyzstan Sadyr Japarov and Tajikistan Emomali Rahmon": the
            # whole list, wherever the parse hung its later items.
            holders, named = listed, "name"
        elif inline is not None:
            holders, named = [inline], "name"
        else:
            # ("his Lithuanian counterpart", "the Kenyan president": one office, one holder)
            office = head if head is not None else single
            holders = _holders(doc, actor, office, people) if office is not None else []
            named = "office"
        if holders and all(h in people for h in holders):
            changed = True  # "Blinken met the foreign ministers of the U.S. allies and ..."
            how.pop(actor, None)
            continue
        holders = [h for h in holders if h not in people]
        if not holders:
            participants.append((actor, role))
            continue
        changed = True
        for holder in holders:
            participants.append((holder, None))
            how[holder] = named
        how.pop(actor, None)
    if not changed:
        return parsed
    host = parsed.host if parsed.host in {a for a, _ in participants} else None
    return replace(parsed, participants=_unique(participants), how=how, host=host)


def _listed_with(doc: Document, country: str, start: int, end: int) -> list[str]:
    """The people of the list of office holders named with their countries (see
    ``listed.listed_names``) in which ``country`` has its holder, in list order."""

    def country_of(surface: str) -> str | None:
        ref = doc.reference.lookup(surface)
        return ref.name if ref is not None and ref.kind is ActorKind.COUNTRY else None

    items = listed_names(doc.text[start:end], country_of, lambda _: None)
    lists: list[list[ListedName]] = []
    for item in items:
        if lists and item.list_start == lists[-1][0].list_start:
            lists[-1].append(item)
        else:
            lists.append([item])
    for one in lists:
        if country not in {item.country for item in one}:
            continue
        people: list[str] = []
        for item in one:
            for m in doc.mentions_in(start + item.start, start + item.end):
                if doc.kind(m.actor) is ActorKind.PERSON:
                    people.append(m.actor)
                    break
        return list(dict.fromkeys(people))
    return []


def _apposed_name(doc: Document, head: Token) -> str | None:
    """The person set off by commas right after a singular title phrase ("his Venezuelan
    counterpart, Nicolas Maduro,")."""
    end = head.idx + len(head.text)
    gap = re.match(r"\s*,\s*", doc.text[end : end + 4])
    if gap is None:
        return None
    for m in doc.mentions_in(end + gap.end(), end + gap.end() + 60):
        if m.start == end + gap.end() and doc.kind(m.actor) is ActorKind.PERSON:
            return m.actor
        break
    return None


def _group_head(
    doc: Document, country: str, trigger: Token, start: int, end: int, *, plural: bool = True
) -> Token | None:
    """The office noun a country is named for in this sentence ("ministers" of "Foreign and
    defense ministers from Estonia"), found from the country's words up the parse."""
    assert doc.parsed is not None
    # (implicit too: "his Venezuelan counterpart, Nicolas Maduro," names the country only as
    # the qualifier of the person's title)
    for mention in doc.mentions_in(start, end, implicit=True):
        if mention.actor != country:
            continue
        span = doc.parsed.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        node = span.root
        for _ in range(12):  # (up a long list of conjuncts too)
            # ("Prime Ministers of Nepal and India": capitalised, the tagger calls the plural
            # a singular proper noun)
            capital_plural = (
                node.tag_ == "NNP" and node.text[:1].isupper() and node.lower_[-1:] == "s"
            )
            if node.lower_ in _OFFICE_HEADS and (
                node.tag_ in ("NNS", "NNPS") or capital_plural or (not plural and node.tag_ == "NN")
            ):
                return node  # (a group: "the ministers of", not "U.S. Secretary of State")
            if node.head.i == node.i or node.i == trigger.i:
                break
            node = node.head
    return None


def _only_person_of(doc: Document, country: str, people: list[str], titles: set[str]) -> list[str]:
    """ "talks with his Lithuanian counterpart" in an article whose one Lithuanian is
    "Lithuania's Skvernelis": the one person the article gives that country, by an office
    of it or by the country's name set right before theirs; never one whose office of it is
    another than the ``titles`` of the people met (a prime minister is no foreign minister's
    counterpart)."""
    of_country: list[str] = []
    mentions = [m for m in doc.mentions if not m.implicit]
    for before, m in pairwise(mentions):
        if doc.kind(m.actor) is not ActorKind.PERSON or m.actor in people:
            continue
        offices = {r.title for r in doc.book.roles(m.actor) if r.of == country}
        if titles and offices - titles:
            continue
        owned = before.actor == country and _OWNER_GAP.fullmatch(doc.text[before.end : m.start])
        if owned or offices:
            of_country.append(m.actor)
    found = list(dict.fromkeys(of_country))
    return found if len(found) == 1 else []


_OWNER_GAP = re.compile(r"(?:'s|\u2019s)?\s")


def _misjoined(doc: Document, country: str, trigger: Token, start: int, end: int) -> bool:
    """Whether ``country`` is a conjunct of a plural office that has its own "of" country
    ("Prime Ministers of Nepal and India": India joined to "Ministers", not to Nepal)."""
    head = _group_head(doc, country, trigger, start, end)
    if head is None:
        return False
    children = list(head.children)
    return any(c.dep_ == "prep" and c.lower_ == "of" for c in children) and any(
        c.dep_ == "conj" and c.tag_ == "NNP" for c in children
    )


def _holders(doc: Document, country: str, head: Token, people: list[str]) -> list[str]:
    """The people the article names as holding the office ``head`` names, of ``country``;
    of each office a coordinated list names ("foreign and defence ministers"), the one
    holder, if only one is named."""
    after = doc.text[head.idx + len(head.text) : head.idx + len(head.text) + 60]
    word = head.lower_.rstrip("s") if head.lower_ != "heads" else "head"
    if word == "head" and not re.match(r"\s+of\s+(?:state|government)", after):
        return []
    modifiers = _modifiers(doc, head)
    wanted: list[Callable[[str], bool]] = []
    # (the offices of the people met: a counterpart holds one of them)
    titles = {r.title for p in people for r in doc.book.roles(p) if r.of != country}
    if word == "counterpart":
        if not titles:
            return _only_person_of(doc, country, people, titles)
        wanted.append(lambda title: title in titles)
    elif word in ("minister", "secretary") and modifiers:
        wanted.extend(_office_of_kind(word, modifier) for modifier in modifiers)
    elif word == "minister":
        wanted.append(lambda title: title == "Minister")
    elif word == "diplomat":
        wanted.append(lambda title: title in _FOREIGN_OFFICES)
    elif word in ("president", "chancellor", "premier"):
        office = {"premier": "Prime Minister"}.get(word, word.title())
        wanted.append(lambda title: title == office)
    elif word == "leader" or word == "head":
        # (a king is his country's leader too; where a king and a prime minister are both
        # named, two holders fit and neither is chosen)
        wanted.append(lambda title: title in LEADER_TITLES | HEAD_OF_STATE_TITLES)
    named = list(dict.fromkeys(
        m.actor for m in doc.mentions
        if not m.implicit and doc.kind(m.actor) is ActorKind.PERSON
    ))  # fmt: skip
    found: list[str] = []
    for fits in wanted:
        holders = [
            p for p in named
            if any(r.of == country and fits(r.title) for r in doc.book.roles(p))
        ]  # fmt: skip
        if len(holders) == 1:
            found.append(holders[0])
    if not found and word == "counterpart":
        return _only_person_of(doc, country, people, titles)
    return list(dict.fromkeys(found))


def _office_of_kind(word: str, kind: str) -> Callable[[str], bool]:
    """ "foreign" of "foreign ministers": a minister's title with that word in it."""

    def fits(title: str) -> bool:
        if kind == "foreign" and title in _FOREIGN_OFFICES:
            return True
        return word in title.lower() and kind in _title_words(title)

    return fits


def _title_words(title: str) -> set[str]:
    words = {w.lower() for w in title.split()}
    return words | {_ALIASES[w] for w in words if w in _ALIASES}


def _modifiers(doc: Document, head: Token) -> list[str]:
    """The words that say which office of many a group noun means: "foreign" and "defence" in
    "Foreign and defense ministers"; not a country's name or demonym, nor "top"."""
    words: list[str] = []
    for child in head.children:
        if child.dep_ not in ("amod", "compound") or child.i > head.i:
            continue
        for part in [child, *child.conjuncts]:
            lower = part.lower_
            if lower in _NOT_OFFICE_WORDS or not part.is_alpha:
                continue
            if doc.mentions_in(part.idx, part.idx + len(part.text), implicit=True):
                continue  # "Iranian and Omani": the countries, not the office
            words.append(_ALIASES.get(lower, lower))
    return list(dict.fromkeys(words))


def _named_after_country(doc: Document, country: str, head: Token) -> str | None:
    """The person named right after the country in a list headed by ``head``: "presidents of
    Kyrgyzstan Sadyr Japarov and Tajikistan Emomali Rahmon"."""
    lo = head.left_edge.idx
    hi = head.right_edge.idx + len(head.right_edge.text)
    mentions = doc.mentions_in(lo, hi + 120, implicit=True)
    for index, mention in enumerate(mentions):
        if mention.actor != country or index + 1 >= len(mentions):
            continue
        following = mentions[index + 1]
        gap = _NAME_GAP.fullmatch(doc.text, mention.end, following.start)
        # (a name, not an office standing for its holder: "... of Japan and Canada, the
        # President also had ...")
        if (
            gap is not None
            and doc.kind(following.actor) is ActorKind.PERSON
            and following.via != "role"
        ):
            return following.actor
    return None


# -- companions ---------------------------------------------------------------------------
def without_companions(doc: Document, participants: Participants, trigger: int) -> Participants:
    """``participants`` of the meeting word at ``trigger`` without the people named only as
    someone's companions ("Ruto, accompanied by ministers A and B, met Y"): the parse or the
    word patterns may take a companion for the subject when the one accompanied is not a name
    they know. Companions the meeting word itself is about ("... and other officials, who were
    received by Z") stay. A leader's family, named only as such ("his wife, Aisha"), goes along
    and is no party."""
    family = doc.family_only()
    participants = [(a, r) for a, r in participants if a not in family]
    if doc.parsed is None:
        return participants
    word = doc.parsed.char_span(trigger, trigger + 1, alignment_mode="expand")
    if word is None:
        return participants
    token = word.root
    sentence = token.sent
    escorts = [
        t for t in sentence
        if t.lower_ in _ESCORT_VERBS and t.tag_ == "VBN" and t.dep_ in ("acl", "advcl")
        and token not in t.subtree
    ]  # fmt: skip
    if not escorts:
        return participants
    inside: set[str] = set()
    outside: set[str] = set()
    for m in doc.mentions_in(sentence.start_char, sentence.end_char):
        if any(t.idx <= m.start < t.right_edge.idx + len(t.right_edge.text) for t in escorts):
            inside.add(m.actor)
        else:
            outside.add(m.actor)
    companions = inside - outside
    return [(a, r) for a, r in participants if a not in companions]


# -- meetings apart -------------------------------------------------------------------------
def _split_apart(
    doc: Document,
    parsed: ParsedMeeting,
    token: Token,
    subjects: Callable[[Token], Participants],
) -> list[ParsedMeeting]:
    """One meeting with each counterpart when the words say they were apart: "separate
    talks", "a series of meetings", "bilateral meetings" (plural)."""
    if parsed.kind != "noun" or len(parsed.participants) < 3:
        return [parsed]
    modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound", "nmod")}
    plural = token.lower_ in _PLURAL_EVENTS
    # ("bilateral talks with Xi and Li" may be one meeting with one side; "bilateral meetings"
    # are several)
    several = plural and token.lower_ != "talks"
    apart = bool(modifiers & _APART_WORDS) or (several and bool(modifiers & _BILATERAL))
    if modifiers & _BILATERAL and _of_different_countries(doc, parsed.participants[1:]):
        # "bilateral talks with his Mauritian counterpart and the Bangladeshi prime minister":
        # two-sided talks with two other countries are two meetings.
        apart = True
    apart = apart or (plural and _office_tour(doc, parsed.participants[1:]))
    apart = apart or _counterparts_of_countries(doc, parsed)
    verb = _series_verb(token)
    if verb is None and token.dep_ in ("dobj", "attr") and token.head.lower_ in _HOLD:
        verb = token.head
    elif verb is not None:
        apart = apart or plural
    if verb is not None and any(
        c.dep_ == "advmod" and c.lower_ in ("separately", "individually") for c in verb.children
    ):
        apart = True  # "held talks separately with A and B"
    if not apart or verb is None:
        return [parsed]
    own = _unique(subjects(verb))
    if len(own) != 1 or parsed.participants[0][0] != own[0][0]:
        return [parsed]  # "A and B held separate talks with C": whose meetings is unclear
    first = parsed.participants[0]
    return [replace(parsed, participants=[first, other]) for other in parsed.participants[1:]]


def _of_different_countries(doc: Document, counterparts: Participants) -> bool:
    countries: list[str] = []
    for actor, _ in counterparts:
        if doc.kind(actor) is not ActorKind.PERSON:
            return False
        of = doc.countries_of(actor)
        if len(of) != 1:
            return False
        countries.extend(of)
    return len(set(countries)) == len(countries) >= 2


def _counterparts_of_countries(doc: Document, parsed: ParsedMeeting) -> bool:
    """ "held talks with counterparts from Saudi Arabia, the United Arab Emirates and Brazil":
    each counterpart's country is a meeting of its own."""
    others = parsed.participants[1:]
    if len(others) < 2 or any(doc.kind(a) is not ActorKind.COUNTRY for a, _ in others):
        return False
    return _COUNTERPARTS_FROM.match(doc.text, parsed.end) is not None


_COUNTERPARTS_FROM = re.compile(
    r"\s+with\s+(?:his\s+|her\s+|their\s+)?counterparts\s+(?:from|of)\b"
)


def _office_tour(doc: Document, counterparts: Participants) -> bool:
    """ "held talks with Prime Minister A, President B, Speaker C and Chief Justice D": three or
    more people of one country (or of none the text gives), each in an office of their own,
    are the round of a visit, one meeting each."""
    if len(counterparts) < 3:
        return False
    offices: list[str] = []
    countries: set[str] = set()
    for actor, _ in counterparts:
        if doc.kind(actor) is not ActorKind.PERSON:
            return False
        roles = doc.book.roles(actor)
        if roles:
            offices.append(roles[0].title)
            countries.update(r.of for r in roles if r.of is not None)
    # (one of them may be someone whose title the text words unusually: "Head of Judiciary")
    return len(offices) >= 3 and len(set(offices)) == len(offices) and len(countries) <= 1


# -- a group told again ---------------------------------------------------------------------
def without_retold(doc: Document, found: list[Met]) -> list[Met]:
    """``found`` without meetings with a country's people told again as a group: "Blinken met
    al-Sisi ... and Shoukry. Blinken's talks with Egyptian officials aim to ..." names no new
    meeting, only the ones before (the same person with people of that country, on a day that
    does not differ)."""
    kept: list[Met] = []
    for met in found:
        groups = [
            a for a, _ in met.participants
            if met.how.get(a) == "group" and doc.kind(a) is ActorKind.COUNTRY
        ]  # fmt: skip
        others = [a for a, _ in met.participants if a not in groups]
        earlier = [m for m in kept if m.start < met.start]
        if (
            len(groups) == 1
            and len(others) == 1
            and _told_before(doc, met, others[0], groups[0], earlier)
        ):
            continue
        if _countries_of_a_meeting_of_people(doc, met, found):
            continue
        kept.append(met)
    return kept


def _countries_of_a_meeting_of_people(doc: Document, met: Met, found: list[Met]) -> bool:
    """ "Japan and South Korea have agreed ..." beside "Kishida met Yoon": countries alone
    taking part in what the article tells elsewhere as a meeting of their people (of the same
    stage, on a day that does not differ) are that meeting again."""
    if any(doc.kind(a) is not ActorKind.COUNTRY for a in met.principals):
        return False
    countries = set(met.principals)
    for other in found:
        if other is met or other.status is not met.status:
            continue
        if other.date is not None and met.date is not None and other.date != met.date:
            continue
        people = [a for a in other.principals if doc.kind(a) is ActorKind.PERSON]
        if len(people) < 2:
            continue
        theirs = {r.of for p in people for r in doc.book.roles(p) if r.of}
        if countries <= theirs:
            return True
    return False


def _told_before(doc: Document, met: Met, person: str, country: str, before: list[Met]) -> bool:
    for earlier in before:
        if person not in earlier.principals or earlier.status is not met.status:
            continue
        if earlier.date is not None and met.date is not None and earlier.date != met.date:
            continue
        for other in earlier.principals:
            if other != person and any(r.of == country for r in doc.book.roles(other)):
                return True
    return False
