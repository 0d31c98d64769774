"""Actors in an article: who is mentioned where, under which name, and in which role.

Mentions come from four passes over the article text, strongest first, each skipping text an
earlier pass already claimed:

1. titled names — "Finnish President Alexander Stubb", "Acting Prime Minister of the
   Netherlands Dick Schoof", "Hakan Fidan, Turkey's foreign minister": they name the person,
   give a role, and point at a country or organisation (an *implicit* mention);
2. reference surface forms — names, aliases and transliterations, demonyms ("Dutch"),
   metonyms ("the Kremlin"), organisations and media;
3. people the reference does not know, found by their title (pass 1) or as the subject of a
   speech verb ("Jane Doe said"), then their later surname-only mentions ("Stubb");
4. role nouns — "the Dutch Prime Minister", "the Ukrainian leader", "the president" —
   resolved to the one actor they can mean, or left out.

Pronouns are resolved on demand by the statement and meeting extractors (``Document``), since
only they know which "he" matters.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from newsgraph.ingest.extract.gender import given_name_gender, pronoun_gender
from newsgraph.ingest.extract.listed import listed_names, titled_list_names
from newsgraph.ingest.extract.names import PARTICLES, same_person
from newsgraph.ingest.extract.patterns import (
    CHINESE_HE,
    HEADLINE_VERB,
    NAME,
    NAME_STOPWORDS,
    ORG_WORDS,
    word_set,
)
from newsgraph.ingest.extract.reference import ActorRef, Reference, RoleRef, office_name
from newsgraph.ingest.extract.text import split_sentences
from newsgraph.ingest.extract.titles import (
    HEAD_OF_STATE_TITLES,
    LEADER_TITLES,
    canonical_title,
    title_surfaces,
)
from newsgraph.ingest.model import ActorFact, ActorKind, RoleFact

__all__ = [
    "ActorBook",
    "Entity",
    "Mention",
    "body_words",
    "find_mentions",
    "introduce_headline_names",
    "opens_with_style",
    "spelled_out",
    "strip_name_titles",
    "within_paragraphs",
]


@dataclass(frozen=True, slots=True)
class Mention:
    """``actor`` (canonical name) is named by ``text[start:end]``. ``implicit`` marks a country
    or organisation named only as the qualifier of someone's title ("Dutch" in "Dutch Prime
    Minister Dick Schoof"): it is mentioned, but is not itself a participant or speaker."""

    actor: str
    start: int
    end: int
    via: str
    implicit: bool = False


@dataclass
class _Draft:
    name: str
    kind: ActorKind
    aliases: list[str] = field(default_factory=list)
    description: str | None = None
    roles: list[RoleRef] = field(default_factory=list)
    known: bool = False
    iso: str | None = None
    # Titles the article gives a reference actor whose curated roles stand: not stored, but
    # what "the High Commissioner" later in the same article means.
    worded: list[RoleRef] = field(default_factory=list)


class ActorBook:
    """The actors of one article: reference actors it uses and people it introduces."""

    def __init__(self, reference: Reference, published: dt.date | None = None) -> None:
        self.reference = reference
        # Whether the reference's roles (who is president of what) hold on the article's day.
        self.current = reference.roles_hold_on(published)
        self._drafts: dict[str, _Draft] = {}
        self._surnames: dict[str, str] = {}
        self._known_firsts: dict[str, set[str]] = {}
        self._offices: dict[str, str] = {}

    def kind(self, name: str) -> ActorKind | None:
        draft = self._drafts.get(name)
        if draft is not None:
            return draft.kind
        ref = self.reference.actor(name)
        return ref.kind if ref else None

    def use(self, name: str) -> str:
        """Register a reference actor (and the targets of its roles)."""
        if name not in self._drafts:
            ref = self.reference.actor(name)
            if ref is None:
                raise KeyError(name)
            self._drafts[name] = _Draft(
                ref.name,
                ref.kind,
                list(ref.aliases),
                ref.description,
                list(ref.roles),
                known=True,
                iso=ref.iso,
            )
            for role in ref.roles:
                if role.of:
                    self.use(role.of)
        return name

    def person(self, full_name: str) -> str | None:
        """The person a name refers to: a reference person, a person this article already
        introduced (by full name or surname), or None."""
        nicknamed = _NICKNAMED.fullmatch(full_name)
        if nicknamed is not None:
            # (named again with a nickname: Gustavo "Tavo" Ramirez, whom the article named)
            plain = self.person(f"{nicknamed.group('given')} {nicknamed.group('rest')}")
            if plain is not None:
                self._nicknamed(plain, nicknamed)
            return plain
        ref = self.reference.person_named(full_name)
        if ref is not None:
            return self.use(ref.name)
        if full_name in self._drafts and self._drafts[full_name].kind is ActorKind.PERSON:
            return full_name
        words = full_name.split()
        if len(words) == 1:
            # ("Nauseda" for Gitanas Nausėda: outlets drop the marks, often within one article)
            return self._surnames.get(full_name) or self._surnames.get(_strip_accents(full_name))
        if len(words) == 2 and full_name.startswith(_NAMED_WITH_TITLE):
            # "Ratu Inoke" for Ratu Inoke Kubuabola: the name a styled person goes by
            styled = self.first_name_of(full_name)
            if styled is not None:
                self.add_alias(styled, full_name)
                return styled
        for name, draft in self._drafts.items():
            if draft.kind is not ActorKind.PERSON or draft.known:
                continue
            # (not by a shorter alias: "Bin Abdulaziz", "Al Thani" are a family's names, and
            # "Muqrin Bin Abdulaziz" is not "Salman Bin Abdulaziz" for sharing them)
            forms = [name, *(a for a in draft.aliases if len(a.split()) >= len(words))]
            if any(same_person(full_name, form) for form in forms):
                # One person spelled two ways in one article ("Steven" / "Stephen").
                self.add_alias(name, full_name)
                return name
        return None

    def introduced_surname(self, word: str) -> str | None:
        """The person this article introduced (not a reference one) whom ``word`` names as a
        surname, or None."""
        name = self._surnames.get(word)
        draft = self._drafts.get(name) if name is not None else None
        return name if draft is not None and not draft.known else None

    def misspelt(self, word: str) -> str | None:
        """The one person this article named whose surname ``word`` is a slip of a key away
        from: "Kulebe" in an article about Dmytro Kuleba. Only long words, with the first letter
        kept, and never when two people's names are as near."""
        if len(word) < 5:
            return None
        near = {
            name
            for surname, name in self._surnames.items()
            if len(surname) >= 5 and _slip(word, surname) and self.kind(name) is ActorKind.PERSON
        }  # fmt: skip
        return near.pop() if len(near) == 1 else None

    def first_name_of(self, word: str) -> str | None:
        """The introduced person whose name starts with ``word``, if only one does: "Li" for
        "Li Qiang", "Fiame" for "Fiame Naomi Mataafa" (family names come first in some
        languages, and some leaders go by their first name). For a name written with its
        style, the style and the given name: "Ratu Inoke", and "Ratu" alone is no one."""
        found = {
            name
            for name, d in self._drafts.items()
            if d.kind is ActorKind.PERSON and not d.known and len(name.split()) >= 2
            and _first_name(name) == word
        }  # fmt: skip
        return found.pop() if len(found) == 1 else None

    def introduce_single(self, name: str) -> str:
        """A person the article names by one word only, with a title ("Minister Mahuta")."""
        name = _spaced(name)
        existing = self.person(name) or self.first_name_of(name)
        if existing is not None:
            return existing
        if name not in self._drafts:
            self._drafts[name] = _Draft(name, ActorKind.PERSON)
            self._surnames.setdefault(name, name)
        return name

    def introduce_apart(self, surname: str, spouse: str) -> str:
        """A person named by a surname they share with `spouse`, whom the article named in
        full ("President Bush and first lady Laura Bush"): the surname alone means them from
        now on, and is no name of the spouse's."""
        if surname not in self._drafts:
            self._drafts[surname] = _Draft(surname, ActorKind.PERSON)
        self._surnames[surname] = surname
        draft = self._drafts.get(spouse)
        if draft is not None and surname in draft.aliases:
            draft.aliases.remove(surname)
        return surname

    def introduce(self, full_name: str) -> str:
        """A person the reference does not know, named in full in this article. A family name
        set first in capitals is the surname ("Dr LEE Jong-wook" is Lee Jong-wook, and "Dr
        Lee" after), as some press offices write East Asian names."""
        full_name = _spaced(full_name)
        family = _CAPITAL_FAMILY_FIRST.fullmatch(full_name)
        if family is not None:
            full_name = f"{family.group('family').capitalize()} {family.group('given')}"
        existing = self.person(full_name)
        if existing is not None:
            return existing
        nicknamed = _NICKNAMED.fullmatch(full_name)
        if nicknamed is not None:
            # (the name without the nickname, which names the person alone from now on:
            # "Jokowi" for Joko Widodo; the form the article wrote kept as an alias)
            full_name = f"{nicknamed.group('given')} {nicknamed.group('rest')}"
        surname = full_name.split()[0] if family is not None else _surname(full_name)
        self._drafts[full_name] = _Draft(full_name, ActorKind.PERSON, aliases=[surname])
        plain = _strip_accents(surname)
        for form in (*_surname_forms(surname), *_surname_forms(plain), *_paternal_forms(full_name)):
            self._surnames.setdefault(form, full_name)
        if nicknamed is not None:
            self._nicknamed(full_name, nicknamed)
        return full_name

    def _nicknamed(self, person: str, written: re.Match[str]) -> None:
        """Keep the nickname of ``written`` (Joko "Jokowi" Widodo) and that form as aliases of
        ``person``, and let the nickname alone name them."""
        self.add_alias(person, written.group("nick"))
        self.add_alias(person, written.group())
        self._surnames.setdefault(written.group("nick"), person)

    def introduce_org(self, name: str) -> str:
        """An organisation the reference does not know ("the Ministry of External Affairs");
        its initials ("the MEA said") name it again once it has been named in full."""
        name = _spaced(name)
        opened = _UNCLOSED_INITIALS.search(name)
        if opened is not None:
            # "World Health Organization (WHO": the recogniser stopped before the bracket
            # closed; the initials are the name's, not part of it
            name = name[: opened.start()]
            self._drafts.setdefault(name, _Draft(name, ActorKind.ORGANIZATION))
            self.add_alias(name, opened.group("initials"))
        if name not in self._drafts:
            spelled = self._spelled_out(name)
            if spelled is not None:
                self.add_alias(spelled, name)
                return spelled
            self._drafts[name] = _Draft(name, ActorKind.ORGANIZATION)
        return name

    def _spelled_out(self, acronym: str) -> str | None:
        return spelled_out(
            acronym,
            (n for n, draft in self._drafts.items() if draft.kind is ActorKind.ORGANIZATION),
        )

    def introduce_media(self, name: str) -> str:
        """An outlet the reference does not know, named as the source of a report ("state
        news agency Andina reported")."""
        name = _spaced(name)
        if name not in self._drafts:
            self._drafts[name] = _Draft(name, ActorKind.MEDIA)
        return name

    def add_role_less_org(self, name: str, country: str) -> None:
        """Remember which country an office belongs to, for "the ministry" later on."""
        self._offices.setdefault(name, country)

    def offices(self) -> dict[str, str]:
        return dict(self._offices)

    def add_alias(self, name: str, alias: str) -> None:
        draft = self._drafts.get(name)
        if draft is not None and alias != name and alias not in draft.aliases:
            draft.aliases.append(alias)

    def add_words(self, name: str, words: str) -> None:
        """The article's own words for a body ("Seoul's foreign ministry", "Netanyahu's
        office") kept as its alias, so that a search for them finds it again."""
        said = body_words(words)
        if said.lower() != name.lower():
            self.add_alias(name, said)

    def named_in_full(self, name: str) -> None:
        """A known person the article named in full: its surname alone now names them too
        ("Spanish Prime Minister Pedro Sánchez ... Sanchez's talks")."""
        ref = self.reference.actor(name)
        if ref is None or ref.kind is not ActorKind.PERSON:
            return
        surname = _surname(ref.name)
        for form in {*_surname_forms(surname), _strip_accents(surname)}:
            if form != ref.name and not self.reference.lookup(form):
                self._surnames.setdefault(form, ref.name)
        # And the first word, as for people the article introduces: "Wang" for Wang Yi.
        if len(ref.name.split()) >= 2:
            self._known_firsts.setdefault(_first_name(ref.name), set()).add(ref.name)

    def introduced(self) -> dict[str, str]:
        """Surface forms of the people this article introduced: full names and surnames."""
        forms = {name: name for name, d in self._drafts.items() if not d.known}
        for name, d in self._drafts.items():
            if not d.known:
                forms.update({a: name for a in d.aliases if a not in forms and len(a) > 1})
        forms.update({s: n for s, n in self._surnames.items() if s not in forms})
        # First names, where one introduced person has them: "Li" for Li Qiang, "Fiame" for
        # Fiame Naomi Mataafa, "Mohamad" for Mohamad Hasan. News writes family names first in
        # some languages, and some leaders go by their first name.
        firsts: dict[str, set[str]] = {k: set(v) for k, v in self._known_firsts.items()}
        for name, d in self._drafts.items():
            words = name.split()
            if d.kind is ActorKind.PERSON and not d.known and len(words) >= 2:
                firsts.setdefault(_first_name(name), set()).add(name)
        for first, owners in firsts.items():
            if (
                len(owners) == 1
                and first not in forms
                and first not in NAME_STOPWORDS
                and canonical_title(first).title is None
                and self.reference.lookup(first) is None
                and not first.endswith(".")
                and len(first) > 1
            ):
                forms[first] = next(iter(owners))
        return forms

    def add_role(self, name: str, title: str, of: str | None) -> None:
        draft = self._drafts[name]
        if draft.known and draft.roles:
            # The reference is curated; outlets word titles differently ("Presidential Office
            # Chief of Staff" vs "Head of the Presidential Office"), so its roles stand. (An
            # older article's title, "UN High Commissioner for Refugees António Guterres",
            # still says whom its "the High Commissioner" means.)
            if RoleRef(title, of) not in draft.worded:
                draft.worded.append(RoleRef(title, of))
            return
        if of is not None:
            self.use(of) if self.reference.actor(of) else None
        role = RoleRef(title, of)
        if role not in draft.roles:
            if of is None and any(r.title == title for r in draft.roles):
                return
            draft.roles[:] = [r for r in draft.roles if not (r.title == title and r.of is None)]
            draft.roles.append(role)

    def roles(self, name: str) -> list[RoleRef]:
        draft = self._drafts.get(name)
        if draft is not None:
            return list(draft.roles)
        ref = self.reference.actor(name)
        return list(ref.roles) if ref else []

    def roles_as_worded(self, name: str) -> list[RoleRef]:
        """``roles`` and the titles the article gives beside them."""
        draft = self._drafts.get(name)
        return self.roles(name) + (draft.worded if draft is not None else [])

    def short_name(self, name: str) -> str:
        ref = self.reference.actor(name)
        if ref is not None:
            return ref.short_name
        draft = self._drafts.get(name)
        return _surname(name) if draft and draft.kind is ActorKind.PERSON else name

    def _alias_of(self, alias: str, name: str) -> bool:
        """Whether ``alias`` still names ``name``: a surname alone that the article uses for
        someone else ("President Edgar Lungu and his wife Esther Lungu ... Lungu said") is no
        name of theirs."""
        if " " in alias or self.kind(name) is not ActorKind.PERSON:
            return True
        owner = self._surnames.get(alias)
        return owner is None or owner == name

    def facts(self, names: Iterable[str]) -> list[ActorFact]:
        """ActorFacts for ``names`` and every actor their roles point at, in first-use order."""
        wanted: list[str] = []
        pending = list(dict.fromkeys(names))
        while pending:
            name = pending.pop(0)
            if name in wanted:
                continue
            if name not in self._drafts:
                self.use(name)
            wanted.append(name)
            pending.extend(r.of for r in self._drafts[name].roles if r.of and r.of not in wanted)
        facts: list[ActorFact] = []
        for name in wanted:
            d = self._drafts[name]
            facts.append(
                ActorFact(
                    name=d.name,
                    kind=d.kind,
                    aliases=[a for a in d.aliases if a != d.name and self._alias_of(a, name)],
                    description=d.description,
                    roles=[RoleFact(title=r.title, of=r.of) for r in d.roles],
                    iso_code=d.iso,
                )
            )
        return facts


# What makes a country's name part of a longer one: "Canada Revenue", "Canada's".
_NAME_GOES_ON = re.compile(r"(?:'s|\u2019s|\s+[A-Z])")
# A body's name cut at a linking word ("the Commonwealth of"), which no country's name ends.
_LINKING_END = re.compile(r"\b(?i:of|the|and)$")
# "the" right before a title: an office of its own, not a second hat of the name after.
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
# "and" (and maybe a word of the second title) right before a title: a first title may precede.
_AND_BEFORE = re.compile(r"\sand\s+(?:[a-z][\w-]*\s+)?$")
_ACRONYM = re.compile(r"[A-Z]{2,6}")


def spelled_out(acronym: str, names: Iterable[str]) -> str | None:
    """The one of ``names`` whose words' capitals spell ``acronym`` ("PMO": "Prime Minister's
    Office"), if exactly one does."""
    if not _ACRONYM.fullmatch(acronym):
        return None
    found = {n for n in names if "".join(w[0] for w in n.split() if w[0].isupper()) == acronym}
    return found.pop() if len(found) == 1 else None


def _spaced(name: str) -> str:
    """A name as the book keys it: one space between words, none around them (a name cut
    before "'Prachanda'" kept the space before it, and the article's facts, which strip
    names, then named someone the book lacked)."""
    return " ".join(name.split())


def body_words(text: str) -> str:
    """A body's name as an article gives it, without the article in front and with a plain
    apostrophe, so one body has one name whatever the typography."""
    name = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.IGNORECASE)
    return name.replace("\u2019", "'")


def _slip(word: str, surname: str) -> bool:
    """Whether ``word`` is ``surname`` mistyped: one letter off with the first kept; in a long
    name, its first letter alone misread ("Quattara" for Ouattara) or a doubled letter moved
    ("Ouatarra")."""
    if word[:1] == surname[:1] and _one_edit(word, surname):
        return True
    if len(word) < 7 or len(word) != len(surname):
        return False
    if word[1:] == surname[1:]:
        return True
    return word[:3] == surname[:3] and _undoubled(word) == _undoubled(surname)


def _undoubled(word: str) -> str:
    return re.sub(r"(\w)\1", r"\1", word)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter changed, added or dropped, or by two
    neighbours swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        if len(diff) == 1:
            return True
        i, j = diff[0], diff[-1]
        return len(diff) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long, strict=False)) if x != y), len(short))
    return short[i:] == long[i + 1 :]


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _letters_plain(text: str) -> str:
    """``text`` with each accented letter as its base letter and every other character as it
    is, so offsets into the result are offsets into ``text``."""
    if text.isascii():
        return text
    return "".join(_plain_letter(ch) for ch in text)


@functools.cache
def _plain_letter(ch: str) -> str:
    if ch.isascii() or not ch.isalpha():
        return ch
    base = unicodedata.normalize("NFD", ch)[0]
    return base if base.isascii() and base.isalpha() else ch


def _surname_forms(surname: str) -> tuple[str, ...]:
    """The surname, as it starts a sentence, and without its article: "al-Sharaa" /
    "Al-Sharaa" / "Sharaa" (outlets drop the "al-" after the first mention)."""
    forms = [surname, surname[:1].upper() + surname[1:]]
    bare = _ARABIC_ARTICLE.match(surname)
    if bare is not None and len(surname) - bare.end() >= 4:
        forms.append(surname[bare.end() :])
    return tuple(dict.fromkeys(forms))


def _paternal_forms(full_name: str) -> tuple[str, ...]:
    """Spanish and Portuguese names carry two surnames, and news shortens to the first or to
    both: "Jose Antonio Meade Kuribrena" is Meade, "Enrique Peña Nieto" Peña Nieto."""
    words = full_name.split()
    if len(words) < 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return ()
    forms = [" ".join(words[-2:])]
    # ("Tatiana Clouthier Carrillo" is Secretary Clouthier; of three words, the middle one is
    # a second given name as often, but then it is not written alone)
    forms.append(words[-2])
    return tuple(forms)


_ARABIC_ARTICLE = re.compile(r"(?:[Aa]l|[Ee]l)[-\u2010]")


# Generational suffixes end a name but are no surname: "Ferdinand Marcos Jr." is Marcos.
_SUFFIXES = frozenset(["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"])


_UNCLOSED_INITIALS = re.compile(r"\s*\((?P<initials>[A-Z]{2,6})$")
# ("LEE Jong-wook", "KIM Dae-jung": two words, the first a family name set in capitals; not
# "Tupou VI" nor "PM Chinh")
_CAPITAL_FAMILY_FIRST = re.compile(r"(?P<family>[A-Z]{3,})\s+(?P<given>[A-Z][a-z]+(?:-[a-z]+)?)")
# A nickname in quotes inside a full name: Joko "Jokowi" Widodo, Ferdinand "Bongbong" Marcos.
_NICKNAMED = re.compile(
    r"(?P<given>\S+(?:\s+\S+)*?)\s+[\"\u201c\u2018'](?P<nick>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?)"
    r"[\"\u201d\u2019']\s+(?P<rest>\S.*)"
)


def _surname(full_name: str) -> str:
    words = full_name.split()
    while len(words) > 2 and words[-1].rstrip(",") in _SUFFIXES:
        words = words[:-1]
    particles = {"von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "al"}
    index = len(words) - 1
    while index > 1 and words[index - 1].lower() in particles:
        index -= 1
    return " ".join(words[index:])


_POSSESSIVE = re.compile(r"(?:'s|\u2019s|'|\u2019)$")
_PLACE_BEFORE = re.compile(
    r"\b(?:in|to|from|of|into|across|throughout|visit|visits|visited|visiting|and|between)\s+$",
    re.IGNORECASE,
)
# A wire story's opening place in capitals: "CARACAS, Venezuela \u2014", "BEIJING (AP) --".
_WIRE_DATELINE = re.compile(
    r"[A-Z][A-Z .'\u2019-]*(?:,\s*[A-Z][\w.'\u2019]*(?:\s+[A-Z][\w.'\u2019]*){0,2})?"
    r"\s*(?:\([^()\n]{1,30}\))?\s*(?:[\u2014\u2013]|--?)"
)
_SPEECH_NAME_RE = re.compile(
    rf"(?<![\w])(?P<name>{NAME})\s+(?:has\s+|had\s+|also\s+)?"
    r"(?:said|says|told|tells|wrote|writes|added|noted|stated|stressed|warned|announced)\b"
    rf"|(?:\b(?:said|says|wrote|added|according\s+to)\s+)(?P<name2>{NAME})(?=[\s,.])"
)


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity the statistical recogniser (or the reference ruler, when ``ref`` is set)
    found: ``text[start:end]`` is a ``label`` (PERSON, ORG, GPE, NORP, ...)."""

    start: int
    end: int
    label: str
    ref: str | None = None


class _Finder:
    def __init__(self, text: str, book: ActorBook, entities: Iterable[Entity] = ()) -> None:
        self.text = text
        self.book = book
        self.ref = book.reference
        self.entities = [e for e in entities if e.end > e.start]
        # Spans the recogniser calls people: "Jordan" in "Michael Jordan" is not the country.
        # (The recogniser may end a span with the blank line after it: "Tupou V.\n\n".)
        self.person_spans = [
            (e.start, e.start + len(text[e.start : e.end].rstrip()))
            for e in self.entities
            if e.label == "PERSON" and e.ref is None and " " in text[e.start : e.end].strip()
        ]
        self.mentions: list[Mention] = []
        self.taken: list[tuple[int, int]] = []
        self.counterparts: list[tuple[str, str | None, int]] = []
        self.introducing = True
        # One-word names after an office, for a late pass (see ``titled_singles``).
        # (where the name starts, the name, its title, the country or body qualifying it)
        self.titled_single_names: list[tuple[int, str, str, str | None]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def claim(self, start: int, end: int) -> None:
        self.taken.append((start, end))

    def add(self, actor: str, start: int, end: int, via: str, implicit: bool = False) -> None:
        self.mentions.append(Mention(actor, start, end, via, implicit))

    # -- pass 1 ---------------------------------------------------------------------------
    def titled_names(self, titled: Sequence[re.Match[str]] | None = None) -> None:
        """Names after a title ("President William Ruto") or set beside one. ``titled`` are the
        matches of the reference's ``titled_name_re`` over the text, when the caller has them."""
        apposed = (self.ref.appositive_re, self.ref.title_appositive_re)
        for regex in (self.ref.titled_name_re, *apposed):
            found = titled if regex is self.ref.titled_name_re and titled is not None else None
            for m in found if found is not None else within_paragraphs(regex, self.text):
                if not self.free(m.start(), m.end()) or (
                    regex is self.ref.appositive_re and self._set_off_after_title(m)
                ):
                    continue
                name = m.group("name")
                name_start, name_end = m.start("name"), m.end("name")
                if regex is self.ref.titled_name_re:
                    longer = self._entity_extends(m.start("name"), name_end)
                    if longer is not None:
                        name_end = longer
                        name = self.text[m.start("name") : name_end]
                possessive = _POSSESSIVE.search(name)
                if possessive:
                    name = name[: possessive.start()].rstrip()
                    name_end -= len(possessive.group())
                if regex is self.ref.appositive_re:
                    place = self._country_before_name(name)
                    if place:
                        # ("Chinese Ambassador in Sri Lanka Qi Zhenhong, Chief of Defence Staff
                        # ...": the country ends the title before, the name follows it)
                        name, name_start = name[place:], name_start + place
                letters = _POSTNOMINAL.search(name)
                if letters is not None and " " in name[: letters.start()]:
                    # ("Senator the Hon Linda Reynolds CSC, Minister for Defence")
                    name_end -= len(name) - letters.start()
                    name = name[: letters.start()]
                if regex is self.ref.titled_name_re and self._rest_of_the_place(m, name):
                    continue
                if _goes_on_as_a_body(name, self.text, name_end):
                    # "the Commissioner of the United Nations Relief and Works Agency": the
                    # words after the title are a body's name, not a person's
                    continue
                person = None
                if (
                    regex is self.ref.titled_name_re
                    and _REGNAL_NUMBER.search(name)
                    and canonical_title(m.group("title")).title in _CHURCH_TITLES
                ):
                    person = self._royal(m.group("title"), name)  # "Pope Benedict XVI"
                if (
                    person is None
                    and regex is self.ref.titled_name_re
                    and self._styled_given(m, name)
                ):
                    # "Prince Saud Al-Faisal ... Prince Salman bin Abdulaziz Al-Saud ... said
                    # Prince Saud": after a royal style, one word is the given name, not
                    # the family's
                    person = self.book.first_name_of(name.strip())
                person = person or self._person_for(name)
                given = regex is self.ref.titled_name_re and self._given_amir(m)
                first = m.start() if person or not given else self._given_before_amir(m.start())
                if given and person is None:
                    person = self._person_for(self.text[first : m.start()] + f"Amir {name}")
                if person is None and regex is self.ref.titled_name_re and not given:
                    person = self._royal(m.group("title"), name)
                    if person is None and " " not in name.strip():
                        self.titled_single_names.append(
                            (m.start("name"), name, m.group("title"), m.group("qual"))
                        )
                if person is None:
                    continue
                start, end = (
                    (first, name_end) if regex is self.ref.titled_name_re
                    else (name_start, name_start + len(name))
                )  # fmt: skip
                self.claim(min(start, m.start()), max(end, m.end() if regex in apposed else 0))
                self.add(person, start, end, "title")
                if regex is self.ref.titled_name_re and m.group("abbr"):
                    self._abbreviated_title(person, m.group("abbr"), m.end())
                if " " in name:
                    self.book.named_in_full(person)
                if not given:
                    self._title_facts(person, m)

    def _styled_given(self, m: re.Match[str], name: str) -> bool:
        """Whether ``name`` is one word after a royal style ("Prince Saud")."""
        return " " not in name.strip() and canonical_title(m.group("title")).title in _ROYAL_TITLES

    def _country_before_name(self, name: str) -> int:
        """The length of a country's name (and the space after it) opening ``name``, when a
        name of two words or more follows it; else 0."""
        words = name.split(" ")
        for size in (3, 2, 1):
            if len(words) < size + 2:
                continue
            ref = self.ref.lookup(" ".join(words[:size]))
            if ref is not None and ref.kind is ActorKind.COUNTRY:
                return len(" ".join(words[:size])) + 1
        return 0

    def _rest_of_the_place(self, m: re.Match[str], name: str) -> bool:
        """ "the Crown Prince of Saudi Arabia, Mohammed bin Salman": the pattern may take
        "Saudi" for the country and "Arabia" for the name; together they are the place."""
        of = m.group("of")
        return of is not None and self.ref.lookup(f"{of} {name.split()[0]}") is not None

    def _given_before_amir(self, amir: int) -> int:
        """Where a name with Amir as a given name starts: at a given name right before it
        ("Hossein Amir Abdollahian"), not at a sentence's opening word ("Yesterday Amir")."""
        ahead = _GIVEN_BEFORE.search(self.text, max(0, amir - 30), amir)
        if (
            ahead is None
            or ahead.group(1) in NAME_STOPWORDS
            or canonical_title(ahead.group(1)).title is not None
        ):
            return amir
        return ahead.start(1)

    def _given_amir(self, m: re.Match[str]) -> bool:
        """ "a new Israeli ambassador, Amir Weissbrod": Amir a given name, not the ruler's
        title ("the Amir", "Kuwait's Amir Sheikh Nawaf")."""
        if m.group("title") != "Amir" or m.group("qual") or m.group("of"):
            return False
        return not _AMIR_TITLE_BEFORE.search(self.text, max(0, m.start() - 24), m.start())

    def _abbreviated_title(self, person: str, abbr: str, after: int) -> None:
        """ "External Affairs Minister (EAM) S Jaishankar ... the EAM wrote": the title's
        abbreviation, introduced beside the name, names its holder from then on."""
        for later in re.finditer(rf"\b{re.escape(abbr)}\b", self.text[after:]):
            start, end = after + later.start(), after + later.end()
            if self.free(start, end):
                self.claim(start, end)
                self.add(person, start, end, "title")

    def ministers_of(self) -> None:
        """ "Minister of Science and Technology Chu Ngoc Anh": a portfolio the titles do not
        list, then the minister's name; the name is what follows the portfolio's last word."""
        for m in _MINISTER_OF.finditer(self.text):
            # The portfolio may hold "and" and commas ("Trade, Industry and Competition"); a
            # name never does, so the name ends the first part of the run that has one
            # ("Legislative Assembly Fatafehi Fakafanua and Chairman of ...").
            run, offset, name = m.group("words"), 0, ""
            for part in re.split(r"([ \t]+(?:and|&)[ \t]+|,[ \t]+)", run)[::2]:
                offset = run.index(part, offset)
                head = run[: offset + len(part)]
                name = _after_office(head)
                if name and name != head:
                    break
                name = ""  # (no portfolio word in it yet: "Public Safety and ...")
            name = self._without_country(name)
            if "," in name:
                continue  # ("Minister of Information, Ghana, Hon. Kojo ...": a place, a title)
            capitalised = [w for w in name.split() if w not in PARTICLES]
            if not name or not _looks_like_a_name(" ".join(capitalised)):
                continue  # ("Abdel Fattah al-Burhan": its particles are part of the name)
            end = m.start("words") + offset + len(part)
            start = end - len(name)
            if self.text[start:end] != name or not self.free(start, end):
                continue
            if any(
                e.start < end
                and start < e.end
                and e.label in _NOT_PEOPLE_LABELS
                and (e.start < start or e.end > end)
                for e in self.entities
            ):
                continue  # "... Summit Leaders Meeting", "... Building Complex": no person
            # (a recogniser's ORG of the name alone, "Teodoro L Locsin", is its mistake)
            person = self._person_for(name)
            if person is None:
                continue
            self.claim(start, end)
            self.add(person, start, end, "title")
            if m.group("office") == "President" and self.book.kind(person) is ActorKind.PERSON:
                # "The President of the Republic Pedro Castillo": the head of state, whom "the
                # Peruvian Head of State" later means
                self.book.add_role(person, "President", None)

    def _without_country(self, name: str) -> str:
        """ "of the Philippines Teodoro L Locsin" (after "Secretary of Foreign Affairs"): the
        name without the country its office is of."""
        lead = re.match(r"(?:of|for)\s+(?:the\s+)?", name)
        if lead is None:
            return name
        words = name[lead.end() :].split()
        for n in (3, 2, 1):
            ref = self.ref.lookup(" ".join(words[:n]))
            if ref is not None and ref.kind is ActorKind.COUNTRY:
                return " ".join(words[n:])
        return name

    def offices(self) -> None:
        """Government bodies named by their country: "Egypt's foreign ministry", "the Kenyan
        government", "the Turkish presidency". Each becomes an organisation ("Egyptian Foreign
        Ministry"), and the country an implicit mention."""
        for m in self.ref.office_re.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            group = next(g for g in ("country", "adj", "of") if m.group(g))
            country = self.ref.lookup(m.group(group))
            if country is None or country.kind is not ActorKind.COUNTRY:
                continue
            office = "office_of" if group == "of" else "office"
            name = office_name(country, m.group(office))
            self.book.introduce_org(name)
            self.book.add_role_less_org(name, country.name)
            self.book.add_words(name, m.group())  # ("Seoul's foreign ministry")
            self.claim(m.start(), m.end())
            self.add(self.book.use(country.name), m.start(group), m.end(group), "qualifier", True)
            self.add(name, m.start("office") if group == "adj" else m.start(), m.end(), "office")

    def _royal(self, title: str, name: str) -> str | None:
        """ "King Abdullah", "Emir Tamim", "Sultan Haitham": monarchs go by one name, and the
        title is part of how everyone names them."""
        if (" " in name.strip() and not _REGNAL_NUMBER.search(name)) or not self.introducing:
            return None
        sense = canonical_title(title)
        if sense.title not in _ROYAL_TITLES or name in NAME_STOPWORDS:
            return None
        place = self.ref.lookup(name.strip())
        if place is not None and place.kind is not ActorKind.PERSON:
            return None  # "the visit of the King to Guinea Bissau": a place, no king's name
        full = f"{sense.title} {name}"
        known = self.ref.lookup(full)
        if known is not None:
            return self.book.use(known.name) if known.kind is ActorKind.PERSON else None
        person = self.book.person(full) or self.book.introduce(full)
        self.book.add_alias(person, name)
        return person

    def addressed(self, *, whole_names: bool = False) -> None:
        """ "Dr Bharrat Jagdeo", "Mr Jagdeo": a name after a form of address is a person's,
        whatever the recogniser called it (a work of art, an organisation); with
        `whole_names`, only names of two words or more."""
        for m in _ADDRESSED.finditer(self.text):
            start, end = m.span("name")
            inner = re.search(r"(?:'|\u2019)s\s", m.group("name"))
            if inner:
                end = start + inner.start()  # ("Mr Rudd's Brisbane visit")
            possessive = _POSSESSIVE.search(self.text[start:end])
            if possessive:
                end -= len(possessive.group())
            # ("Mr Jose Manuel Gallego del Romualdez": the recogniser read on over "del")
            end = self._entity_extends(start, end) or end
            letters = _POSTNOMINAL.search(self.text, start, end)
            if letters is not None:
                end = letters.start()  # ("the Hon. Anthony Albanese MP")
            name = self.text[start:end]
            if not name or not self.free(start, end):
                continue
            if " " not in name and (whole_names or m.group("form") in _BEFORE_WHOLE_NAMES):
                continue
            person = self._person_for(name) if " " in name else self._after_title(name, start)
            if person is None or self.book.kind(person) is not ActorKind.PERSON:
                continue
            self.claim(start, end)
            self.add(person, start, end, "title")

    def titled_singles(self) -> None:
        """ "President Bush", "Chancellor Merkel": one name after an office, that no other
        pass read (the recogniser missed it: a dateline glued on, "MERIDA, Mexico—President
        Bush"), is a person's: someone the article named in full, or a person of their own."""
        for start, name, title, qual in self.titled_single_names:
            end = start + len(name)
            office = canonical_title(title).title
            if office is None:
                continue
            if not self.free(start, end):
                # "President Kenyatta", the name read by another pass: the office is still
                # the person's, so that "the president" later can mean them.
                held = [
                    m.actor for m in self.mentions
                    if m.start == start and m.end == end and not m.implicit
                    and self.book.kind(m.actor) is ActorKind.PERSON
                ]  # fmt: skip
                if held:
                    country = self._actor_for(qual)
                    if country is None or self.book.kind(country) is ActorKind.COUNTRY:
                        self.book.add_role(held[0], office, country)
                continue
            person = self._after_title(name, start)
            if person is not None:
                self.claim(start, end)
                self.add(person, start, end, "title")

    def _after_title(self, name: str, start: int) -> str | None:
        """The person one word after a title or a form of address names (see ``_single``),
        unless the word goes on with the office ("Minister Delegate", "Secretary General")."""
        if not self.introducing or len(name) < 4 or not name[:1].isupper() or name.isupper():
            return None
        if name in _OFFICE_WORDS or name in _TITLE_TAILS or canonical_title(name).title:
            return None
        return self._single(name, start, after_title=True)

    def _entity_extends(self, start: int, end: int) -> int | None:
        """Where a name the recogniser reads as longer ends: "Sheikh Mishal al-Ahmad al-Sabah"
        when the pattern stopped at "Sheikh Mishal"."""
        for s, e in self.person_spans:
            if s <= start < e and e > end and "," not in self.text[end:e]:
                # (not over a lower-case word it ends on: "President Moise of" in "President
                # Moise of Haiti"; a particle inside stays: "Ursula von der Leyen")
                last = _LAST_WORD_LOWER.search(self.text, end, e)
                return e if last is None else (last.start() if last.start() > end else None)
        return None

    def _person_right_after(self, end: int) -> int | None:
        """The end of a person's name the recogniser read one space after `end`."""
        if self.text[end : end + 1] != " ":
            return None
        return next(
            (e.end for e in self.entities if e.label == "PERSON" and e.start == end + 1), None
        )

    def _person_for(self, name: str) -> str | None:
        name = _after_office(name)
        honorific = _HONORIFIC.match(name)
        if (
            honorific
            and len(name[honorific.end() :].split()) >= 2
            and not name.startswith(_NAMED_WITH_TITLE)
        ):
            # "Sheikh Mishal al-Ahmad al-Sabah" is Mishal al-Ahmad al-Sabah; "Sheikh Hasina"
            # is her name.
            name = name[honorific.end() :]
        words = name.split()
        if len(words) >= 2 and _plural_title(words[0]):
            # "between Presidents Juan Manuel Santos and Hugo Chavez", "Secretaries Mayorkas
            # and Ebrard": the recogniser may take a plural title into the first name
            name = " ".join(words[1:])
        if not name or (name.split()[0] in NAME_STOPWORDS and not _CHINESE_HE.fullmatch(name)):
            return None
        if name.split()[-1].lower() in _OFFICE_LAST_WORDS:
            return None  # "the former AU Chairman told ...": an office, its holder unnamed
        if len(name.split()) >= 2 and name.split()[-1] in ("Bill", "Act"):
            return None  # "the Northern Ireland Protocol Bill": a law, not Bill someone
        if len(name.split()) >= 3 and name.split()[0] in _REGION_WORDS:
            # "Minister for Africa Henry Bellingham": the portfolio's region, then the name
            name = name.split(None, 1)[1]
        if len(name.split()) >= 2 and name.split()[-1] in _PLACE_ENDINGS:
            return None  # "at the King David Hotel": a building, not King David Hotel
        if any(w.strip(".,") in _MEDIA_WORDS for w in re.split(r"[\s/]+", name)):
            return None  # "Ghana News Agency", "CBC News", "Adam Berry/Getty": no one's name
        if any(HEADLINE_VERB.fullmatch(" " + w) for w in name.split()):
            return None  # "President Meets Chilean Counterpart": a headline's verb, no name
        if len(name.split()) == 2 and name.startswith(_NAMED_WITH_TITLE):
            # "Ratu Inoke says": the chiefly title and given name of "Ratu Inoke Kubuabola",
            # wherever the article gives the name in full
            full = re.search(rf"\b{re.escape(name)}\s+[A-Z][\w'\u2019-]+", self.text)
            name = full.group() if full is not None else name
        person = self.book.person(name)
        if person is not None:
            return person
        known = self.ref.lookup(name)
        if known is not None or len(name.split()) < 2:
            return None  # a country or organisation, or a lone unknown word
        if not self.introducing:
            return None
        words = name.split()
        # (a country's name may be a family's, after a given name: Luis Montenegro)
        family = given_name_gender(name) is not None and len(words) == 2
        if any(
            (r := self.ref.lookup(w)) and r.kind is not ActorKind.PERSON
            for w in (words[:-1] if family else words)
        ):
            return None  # "Ukraine Volodymyr" is not a name ("Leovigildo Da Costa Silva" is)
        return self.book.introduce(name)

    def _title_facts(self, person: str, m: re.Match[str]) -> None:
        qual = self._actor_for(m.group("qual"))
        of = self._actor_for(m.group("of"))
        port = self._actor_for(m.group("port"))
        for group, actor in (("qual", qual), ("of", of), ("port", port)):
            if actor is not None:
                self.add(actor, m.start(group), m.end(group), "qualifier", implicit=True)
        sense = canonical_title(m.group("title"))
        if m.group("title").lower() == "counterpart":
            # ("set to host counterpart Win Bakri Daki": an office, of a country unsaid)
            self.counterparts.append((person, qual, m.start()))
        if sense.title is None or m.group("former"):
            return
        title = sense.title
        if port is not None and m.group("prep"):
            title = f"{title} {m.group('prep')} {port}"
        holder = of or qual
        first = self._first_title(m.start("qual") if qual else m.start("title"))
        if first is not None:
            # "Qatar's Deputy Prime Minister and Foreign Minister Mohammed Al Thani": both
            # titles are his, of the country the first names when the second names none
            first_title, first_holder, own_word = first
            self.book.add_role(person, first_title, first_holder)
            if holder is None and not own_word:
                holder = first_holder
        self.book.add_role(person, title, holder)

    def _first_title(self, end: int) -> tuple[str, str | None, bool] | None:
        """The title, its holder and whether a word of the second stands between, of a first
        title coordinated with the one starting at ``end``."""
        start = max(0, end - 120)
        if not _AND_BEFORE.search(self.text, start, end):
            return None  # (most titles: no "and" right before, no need of the long pattern)
        found = self.ref.first_title_re.search(self.text, start, end)
        if found is None:
            return None
        if not found.group("qual") and _THE_BEFORE.search(
            self.text, max(0, found.start() - 5), found.start()
        ):
            return None  # "met the Prime Minister and Foreign Minister Ayman Safadi": two
        sense = canonical_title(found.group("title"))
        if sense.title is None:
            return None
        holder = self._actor_for(found.group("of")) or self._actor_for(found.group("qual"))
        return sense.title, holder, found.group("own") is not None

    def _actor_for(self, surface: str | None) -> str | None:
        if not surface:
            return None
        ref = self.ref.lookup(surface)
        return self.book.use(ref.name) if ref else None

    # -- pass 2 ---------------------------------------------------------------------------
    def surfaces(self) -> None:
        for m in self.ref.surface_re.finditer(self.text):
            if not self.free(m.start(), m.end()):
                continue
            surface = m.group()
            ref = self.ref.lookup(surface)
            if ref is None:
                continue
            if surface.startswith("American") and _REGION_BEFORE.search(
                self.text, max(0, m.start() - 10), m.start()
            ):
                continue  # "Latin American", "the Inter-American Development Bank": a region
            if (
                ref.kind is ActorKind.PERSON
                and " " not in surface  # (a full name is its person, whatever stands before)
                and not self._same_person(ref, m.start())
            ):
                continue
            if (
                ref.kind is ActorKind.PERSON
                and " " not in surface
                and self.book.introduced_surname(surface) not in (None, ref.name)
                and not self._named_in_full(ref)
            ):
                continue  # ("press secretary Jay Carney ... Carney added": not Mark Carney)
            if ref.kind is not ActorKind.PERSON and self._inside_person(m.start(), m.end()):
                continue
            given = self._given_name_before(m.start()) if ref.kind is ActorKind.COUNTRY else None
            if given is not None:
                # "Luis Montenegro", "Michael Jordan": a surname, not the country
                name = self.text[given : m.end()]
                person = self.book.person(name) or (
                    self.book.introduce(name) if self.introducing else None
                )
                if person is not None and self.free(given, m.end()):
                    self.claim(given, m.end())
                    self.add(person, given, m.end(), "entity")
                continue
            holder = self._surname_of_country(ref, surface, m.start())
            if holder is not None:
                # "Luís Montenegro ... Montenegro said": the person named before, not the country
                self.claim(m.start(), m.end())
                self.add(holder, m.start(), m.end(), "surname")
                continue
            self.claim(m.start(), m.end())
            via = _via(ref, surface)
            # "met in Nairobi", "at State House, Nairobi", a dateline's "Addis Ababa": the
            # capital is where, and names its country without making it a party to anything
            where = via == "metonym" and self._as_place(m.start(), m.end())
            self.add(self.book.use(ref.name), m.start(), m.end(), via, implicit=where)
            if ref.kind is ActorKind.PERSON and " " in surface:
                self.book.named_in_full(ref.name)

    def _named_in_full(self, ref: ActorRef) -> bool:
        """Whether the article names the known person ``ref`` by a name of two words or more
        anywhere ("Recep Tayyip Erdogan ... first lady Emine Erdogan ... Erdogan said")."""
        plain = _strip_accents(self.text)
        return any(
            _strip_accents(form) in plain for form in (ref.name, *ref.aliases) if " " in form
        )

    def _as_place(self, start: int, end: int) -> bool:
        """Whether a place name at ``text[start:end]`` stands as a place: after a preposition
        of place, after a building set off by a comma, or opening a line as its dateline
        ("Addis Ababa December 25/ 2019", "NAIROBI, Kenya —"; not "Moscow said")."""
        line_start = self.text.rfind("\n", 0, start) + 1
        if start == line_start:
            return _DATELINE_AFTER.match(self.text, end) is not None
        before = self.text[max(line_start, start - 40) : start]
        found = _PLACE_POSITION.search(before)
        if found is not None and found.group("comma") and self.text.startswith("the ", start):
            # "State House, Nairobi" is a place; "..., the Kremlin said" a seat that speaks
            return False
        return found is not None

    def _surname_of_country(self, ref: ActorRef, surface: str, start: int) -> str | None:
        """The person the article introduced whose surname is this country's name, when the
        word stands alone and not as a place ("in Montenegro", "to Jordan")."""
        if ref.kind is not ActorKind.COUNTRY or " " in surface:
            return None
        holder = self.book.person(surface)
        if holder is None or self.book.kind(holder) is not ActorKind.PERSON:
            return None
        if _PLACE_BEFORE.search(self.text, max(0, start - 20), start):
            return None
        return holder

    def _given_name_before(self, start: int) -> int | None:
        """Where a capitalised word right before starts, inside a sentence, when it could only
        be a given name: not a title, a known actor, a stop word or a word of a place."""
        m = re.search(  # ("Luís": a given name may carry an accent)
            r"(?<![\w.'\u2019-])([A-Z][^\W\d_A-Z]+)\s$", self.text[max(0, start - 30) : start]
        )
        if m is None:
            return None
        word = m.group(1)
        begin = start - len(m.group())
        before = self.text[:begin].rstrip()
        if not before or before.endswith((".", "!", "?", ":", "\n", '"', "\u201c")):
            return None  # the first word of a sentence may be anything
        if (
            word in NAME_STOPWORDS
            or word in _NOT_GIVEN_NAMES
            or HEADLINE_VERB.fullmatch(" " + word)
        ):
            return None
        if canonical_title(word).title or _NAME_PREFIX.match(word + " "):
            return None
        if self.book.person(word) is not None:
            return None  # "Dr Singh Pakistan's concerns": a known surname, then the country
        # where news sets a name: after a title ("Prime Minister Luis Montenegro") or in
        # apposition ("the Prime Minister of Portugal, Luis Montenegro,")
        previous = before.split()[-1] if before.split() else ""
        framed = before.endswith(",") or bool(
            canonical_title(previous).title or _NAME_PREFIX.match(previous + " ")
        )
        return begin if framed and self.ref.lookup(word) is None else None

    def _inside_person(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e and (s, e) != (start, end) for s, e in self.person_spans)

    def _same_person(self, ref: ActorRef, start: int) -> bool:
        """'Trump' in 'Melania Trump' is someone else: a capitalised given name right before a
        surname must belong to the known person."""
        before = re.search(r"([A-Z][\w'\u2019\-]+)\s+$", self.text[max(0, start - 40) : start])
        if before is None or before.group(1) in NAME_STOPWORDS:
            return True
        word = before.group(1)
        if _POSSESSIVE.search(word):
            return True  # "Brazil's Lula": an owner, not a first name
        if _HONORIFIC.match(f"{word} ") or _NAME_PREFIX.match(f"{word} "):
            return True  # "Sheikh Mohamed bin Zayed", "Dr Jaishankar": a form of address
        if canonical_title(word).title or _plural_title(word):
            return True  # "Presidents Zelensky and Putin"
        if self.ref.lookup(word):
            return True
        full = f"{before.group(1)} {self.text[start:].split()[0]}"
        return self.ref.person_named(_POSSESSIVE.sub("", full.rstrip(".,;:"))) is not None

    # -- pass 3 ---------------------------------------------------------------------------
    def speakers(self) -> None:
        for m in _SPEECH_NAME_RE.finditer(self.text):
            group = "name" if m.group("name") else "name2"
            start, end = m.start(group), m.end(group)
            if not self.free(start, end) or len(m.group(group).split()) < 2:
                continue
            if _ADDRESSED.match(m.group(group)):
                continue  # ("Professor Adewole stated": a surname addressed, read as such)
            if self.text[max(0, start - 2) : start].strip() in (".", "") and start > 0:
                pass  # sentence-initial names are still names
            person = self._person_for(m.group(group))
            if person is not None:
                self.claim(start, end)
                self.add(person, start, end, "name")

    def listed_names(self) -> None:
        """ "the presidents of Kyrgyzstan Sadyr Japarov and Tajikistan Emomali Rahmon": each
        name holds the office of the country before it (see listed.py)."""

        def country_of(surface: str) -> str | None:
            ref = self.ref.lookup(surface)
            return ref.name if ref is not None and ref.kind is ActorKind.COUNTRY else None

        title_of = lambda w: canonical_title(w).title  # noqa: E731
        for listed in [
            *listed_names(self.text, country_of, title_of),
            *titled_list_names(self.text, country_of, title_of),
        ]:
            if not self.free(listed.start, listed.end):
                continue
            if " " in listed.name:
                person = self._person_for(listed.name)
            else:
                person = self._single(listed.name, listed.start, after_title=True)
            if person is None or self.book.kind(person) is not ActorKind.PERSON:
                continue
            self.claim(listed.start, listed.end)
            self.add(person, listed.start, listed.end, "entity")
            if listed.title is not None:
                self.book.add_role(person, listed.title, self.book.use(listed.country))

    def named_entities(self) -> None:
        """People and organisations the recogniser found that no rule claimed: the people of
        any country ("Musalia Mudavadi"), ministries, parties and agencies."""
        for entity in self.entities:
            if entity.ref is None and entity.label == "PERSON" and self._surname_inside(entity):
                # "Leovigildo Da Costa Silva": not António Costa, a word of a longer name.
                self._release(entity.start, entity.end)
            if entity.ref is not None or not self.free(entity.start, entity.end):
                continue
            if entity.label in ("GPE", "NORP", "LOC") and self._titled_single(entity):
                continue
            if entity.label == "PERSON":
                span = _person_span(self.text, entity.start, entity.end, self.ref)
                if span is None or not self.free(*span):
                    continue
                name = self.text[span[0] : span[1]]
                if self._jurisdiction(name, span[0]):
                    continue
                person = self._person_for(name) if " " in name else self._single(name, span[0])
                if person is not None:
                    self.claim(*span)
                    self.add(person, span[0], span[1], "entity")
            elif entity.label == "ORG":
                word = self.text[entity.start : entity.end]
                # (a surname alone, or a style and a given name: "Ratu Inoke")
                alone = " " not in word.strip() or word.startswith(_NAMED_WITH_TITLE)
                person = self.book.person(word) if alone else None
                if person is not None and self.book.kind(person) is ActorKind.PERSON:
                    # "Eke said" after "Aisake Valu Eke": the surname of a person the article
                    # introduced, whatever the recogniser labelled it
                    self.claim(entity.start, entity.end)
                    self.add(person, entity.start, entity.end, "surname")
                    continue
                span = _org_span(self.text, entity.start, entity.end)
                if span is None:
                    # "Foreign Ministry Felipe Solá": a title-like start that still ends in a
                    # person's name after the office's words
                    raw = self.text[entity.start : entity.end].rstrip(" .,;:")
                    tail = _after_office(raw)
                    if tail and tail != raw and _looks_like_a_name(tail):
                        span = (entity.start, entity.start + len(raw))
                if span is None or not self.free(*span) or self._person_and_body(*span):
                    continue
                name = self.text[span[0] : span[1]]
                tail = _after_office(name)
                if tail and tail != name and _looks_like_a_name(tail):
                    # "Minister of International Relations and Cooperation Lindiwe Sisulu":
                    # the recogniser took the office and the person for one organisation.
                    start = span[1] - len(tail)
                    # "... Rural Development Shri Shivraj" + "Singh Chouhan": the rest of the
                    # name is the person the recogniser read right after.
                    rest = self._person_right_after(span[1])
                    if rest is not None:
                        tail, span = self.text[start:rest], (span[0], rest)
                    person = self._person_for(tail)
                    if person is not None and self.free(start, span[1]):
                        self.claim(start, span[1])
                        self.add(person, start, span[1], "entity")
                    continue
                known = self.ref.lookup(name)
                if (
                    known is None
                    and _looks_like_a_name(name)
                    and _APPOSED_OFFICE.match(self.text, span[1])
                ):
                    # "Meritxell Batet, speaker of the Spanish Congress": an office in apposition
                    # is held by a person, whatever the recogniser labelled the name.
                    person = self._person_for(name)
                    if person is not None:
                        self.claim(*span)
                        self.add(person, span[0], span[1], "entity")
                    continue
                if known is None:
                    span = self._named_for_its_country(span)
                self._add_body(*span, known)

    def _named_for_its_country(self, span: tuple[int, int]) -> tuple[int, int]:
        """ "Global Affairs Canada", "Economic Development Canada": a body whose name ends in
        its country's, which the reference took for the country alone."""
        gap = re.match(r"[ \t]+", self.text[span[1] : span[1] + 3])
        if gap is None or _LINKING_END.search(self.text, max(0, span[1] - 5), span[1]):
            return span
        after = span[1] + gap.end()
        country = next(
            (m for m in self.mentions
             if m.start == after and m.via == "name"
             and self.book.kind(m.actor) is ActorKind.COUNTRY),
            None,
        )  # fmt: skip
        if country is None or _NAME_GOES_ON.match(self.text, country.end):
            return span
        self._release(country.start, country.end)
        return span[0], country.end

    def _set_off_after_title(self, m: re.Match[str]) -> bool:
        """ "Speaking to new US Ambassador to Zambia, Daniel Foote, the President said": a name
        set off after its own title; the title after it is the next clause's subject. (Not in
        a list: "A, Ambassador of Belgium, B, Ambassador of Ghana and C".) So is a list of
        titles each before its name: "Palestinian Health Minister, Dr. Mai al-Kaila, Lebanese
        Minister of Public Health, Dr. Firas Abiad": the next title is the next name's."""
        comma = _COMMA_AFTER.match(self.text, m.end("name"))
        if not _SAYING_NEXT.match(self.text, m.end()) and not (
            comma and self.ref.title_appositive_re.match(self.text, comma.end())
        ):
            return False
        window = self.text[max(0, m.start() - 150) : m.end("name") + 1]
        return any(
            t.end("name") == len(window) - 1 for t in self.ref.title_appositive_re.finditer(window)
        )

    def _person_and_body(self, start: int, end: int) -> bool:
        """ "Luis 'Toto' Caputo and International Monetary Fund (IMF) Managing Director ...":
        the recogniser ran a person and a body into one organisation; each is its own."""
        name = self.text[start:end]
        joined = _PERSON_AND.match(name)
        if (
            joined is None
            or name.split()[-1].lower() not in ORG_WORDS
            # (a given name of the lists first: "Lessons Learnt and Reconciliation Commission")
            or given_name_gender(joined.group("person")) is None
        ):
            return False
        person = self._person_for(joined.group("person"))
        if person is None:
            return False
        self.claim(start, start + joined.end("person"))
        self.add(person, start, start + joined.end("person"), "entity")
        self._add_body(start + joined.end(), end, self.ref.lookup(name[joined.end() :]))
        return True

    def _add_body(self, start: int, end: int, known: ActorRef | None) -> None:
        """An organisation the recogniser found at ``text[start:end]``: the reference's, if
        it knows it, else one of the article's own; its initials in brackets after it an
        alias."""
        name = self.text[start:end]
        if known is None and _ACRONYM.fullmatch(name):
            # "The SA (South Africa) special envoy ... a visit to SA": initials the article
            # spells out in brackets after them are what they stand for, not another body's
            known = self._spelled_in_brackets(name)
        actor = self.book.use(known.name) if known is not None else self.book.introduce_org(name)
        self.claim(start, end)
        self.add(actor, start, end, "entity")
        self._acronym(actor, end)

    def _spelled_in_brackets(self, initials: str) -> ActorRef | None:
        """The known actor the article spells ``initials`` out as, in brackets after them
        ("SA (South Africa)"), if it does."""
        for found in re.finditer(rf"\b{re.escape(initials)}\b", self.text):
            spelled = _SPELLED_AFTER.match(self.text, found.end())
            full = spelled.group("full") if spelled is not None else ""
            if spelled_out(initials, [full]) is not None:
                return self.ref.lookup(full)
        return None

    def _jurisdiction(self, name: str, start: int) -> bool:
        """ "the governors of Tamaulipas and Coahuila": one word that a governor or a mayor is
        of is a place, whatever the recogniser labelled it. (Not two: "the governors of
        Nuevo León, Samuel García; ..." lists the people beside their states.)"""
        return (
            " " not in name
            and _JURISDICTION_BEFORE.search(self.text, max(0, start - 200), start) is not None
        )

    def _titled_single(self, entity: Entity) -> bool:
        """ "President Buhari received ...": one capitalised word the recogniser took for a
        place, right after a title, is a person's name (when no place of the reference)."""
        word = self.text[entity.start : entity.end]
        before = self.text[max(0, entity.start - 30) : entity.start].split()
        if (
            " " in word
            or not before
            or canonical_title(before[-1]).title not in _LEADER_AND_MINISTER_TITLES
            or self.ref.lookup(word) is not None
        ):
            return False
        person = self._single(word, entity.start)
        if person is None:
            return False
        self.claim(entity.start, entity.end)
        self.add(person, entity.start, entity.end, "entity")
        return True

    def _surname_inside(self, entity: Entity) -> bool:
        """Whether the only words of ``entity`` claimed yet are one known person's one-word
        name strictly inside it, after a first name of its own."""
        claimed = [(s, e) for s, e in self.taken if not (e <= entity.start or s >= entity.end)]
        if len(claimed) != 1:
            return False
        start, end = claimed[0]
        inside = [m for m in self.mentions if m.start == start and m.end == end]
        return (
            entity.start < start
            and end <= entity.end
            and " " not in self.text[start:end]
            and len(inside) == 1
            and self.book.kind(inside[0].actor) is ActorKind.PERSON
        )

    def _spouse_of_office_holder(self, known: str, start: int) -> bool:
        """The person a surname leads to is a first lady, and the surname stands
        right after another office."""
        if not any(r.title in _SPOUSE_TITLES for r in self.book.roles(known)):
            return False
        before = self.text[max(0, start - 40) : start].split()
        office = canonical_title(before[-1].strip(",")).title if before else None
        return office is not None and office not in _SPOUSE_TITLES

    def _single(self, word: str, start: int, *, after_title: bool = False) -> str | None:
        """A one-word name the recogniser calls a person (or, ``after_title``, that stands
        after an office): a surname or first name of someone the article introduced, a known
        person, or (after a title: "Minister Mahuta") a person of their own."""
        if word in NAME_STOPWORDS:
            return None
        known = self.book.person(word) or self.book.first_name_of(word)
        if known is not None and self._spouse_of_office_holder(known, start):
            # "President Bush and first lady Laura Bush": the president is not his wife
            return self.book.introduce_apart(word, known)
        if known is not None:
            return known
        ref = self.ref.lookup(word)
        if ref is not None:
            return self.book.use(ref.name) if ref.kind is ActorKind.PERSON else None
        known = self.book.misspelt(word)
        if known is not None:
            return known
        before = self.text[max(0, start - 40) : start].split()
        if after_title or (
            before
            and (
                canonical_title(before[-1].strip(",")).title is not None
                or before[-1] in _TITLE_ABBREVIATIONS
            )
        ):
            return self.book.introduce_single(word)
        if word.upper() in _WIRE_AGENCIES:
            # "Kuna said": the Kuwaiti agency, which outlets write as a word.
            return None
        acting = _PERSON_VERB_AFTER.match(self.text, start + len(word)) or (
            before and _SAID_BEFORE.fullmatch(before[-1])
        )
        if (
            acting
            and canonical_title(word).title is None  # ("HH the Amir met ...": an office)
            and not re.search(rf"\b[A-Z][\w'\u2019-]*[ \t]+{re.escape(word)}\b", self.text)
        ):
            # "Correa said", "said Santos": someone speaking, whom the article names by
            # surname alone (the recogniser's person, next to a verb only people do); one it
            # names in full too ("Evo Morales") is that person, found by the later passes.
            return self.book.introduce_single(word)
        if (
            before
            and before[-1] in ("the", "The")
            and _EPONYM_AFTER.match(self.text, start + len(word))
        ):
            # "the Morrison government", "the Obama administration": a government named after
            # the person who leads it.
            return self.book.introduce_single(word)
        if before and _POSSESSIVE.search(before[-1]):
            # "Brazil's Lula", "Turkey's Erdogan": a country's one-name leader.
            owner = self.ref.lookup(_POSSESSIVE.sub("", before[-1]))
            if owner is not None and owner.kind is ActorKind.COUNTRY:
                return self.book.introduce_single(word)
        return None

    def _acronym(self, actor: str, end: int) -> None:
        """ "the Organization of American States (OAS)": the short form is an alias."""
        m = re.match(r"\s*\(([A-Z][A-Za-z&.]{1,9})\)", self.text[end : end + 14])
        if m is not None and self.book.kind(actor) is ActorKind.ORGANIZATION:
            self.book.add_alias(actor, m.group(1))

    def relatives(self) -> None:
        """A leader's family, named by first name after the relation ("his wife, Aisha")."""
        if not self.introducing:
            return
        for found in _RELATIVES.finditer(self.text):
            for name in _ONE_NAME.finditer(self.text, *found.span("names")):
                start, end = name.span()
                words = name.group().split()
                if not self.free(start, end) or words[0] in NAME_STOPWORDS:
                    continue
                if canonical_title(words[0]).title is not None:
                    continue
                if len(words) > 1:
                    person = self._person_for(name.group())
                elif self.ref.lookup(words[0]) is None:
                    person = self.book.introduce_single(words[0])
                else:
                    person = None
                if person is not None and self.book.kind(person) is ActorKind.PERSON:
                    self.claim(start, end)
                    self.add(person, start, end, "relative")

    def paired_by_country(self) -> None:
        """ "Presidents Juan Manuel Santos of Colombia and Hugo Chávez of Venezuela": the
        second of two names each given with its country is a person as the first one is, even
        where the recogniser missed it."""
        for m in list(self.mentions):
            if m.implicit or self.book.kind(m.actor) is not ActorKind.PERSON:
                continue
            pair = _OF_COUNTRY_PAIR.match(self.text, m.end)
            if pair is None or not (
                self._country_at(pair, "one") and self._country_at(pair, "two")
            ):
                continue
            self._claim_person(pair)
        self._paired_before()

    def _claim_person(self, found: re.Match[str]) -> None:
        """The ``name`` a pattern found, a person when the span is free and the name one."""
        start, end = found.span("name")
        if not self.free(start, end):
            return
        person = self._person_for(found.group("name"))
        if person is None or self.book.kind(person) is not ActorKind.PERSON:
            return
        self.claim(start, end)
        self.add(person, start, end, "entity")

    def _paired_before(self) -> None:
        """ "her counterparts Chrystia Freeland of Canada and Maria Angela Holguin of
        Colombia": the first of the two is a person as the second is, where the recogniser
        took it for a place."""
        for m in list(self.mentions):
            if m.implicit or self.book.kind(m.actor) is not ActorKind.PERSON:
                continue
            after = _OF_A_COUNTRY.match(self.text, m.end)
            if after is None or not self._is_country(after.group("country")):
                continue
            pair = _PAIRED_BEFORE.search(self.text, max(0, m.start - 120), m.start)
            if pair is not None and self._is_country(pair.group("one")):
                self._claim_person(pair)

    def _is_country(self, surface: str) -> bool:
        ref = self.ref.lookup(surface)
        return ref is not None and ref.kind is ActorKind.COUNTRY

    def country_possessives(self) -> None:
        """ "Chile's Michelle Bachelet met ...": two or three capitalised words after a
        country's possessive are a person, as news writes leaders, even where the recogniser
        took them for nothing or for an organisation."""
        if not self.introducing:
            return
        for m in _COUNTRY_POSSESSIVE.finditer(self.text):
            ref = self.ref.lookup(m.group("country"))
            if ref is None or ref.kind is not ActorKind.COUNTRY:
                continue
            if m.group("country") in ref.metonyms:
                continue  # "Rome's Palazzo Chigi": a capital's places, not a country's people
            words = m.group("name").split()
            if any(
                w in _OFFICE_WORDS
                or w in _NOT_NAME_WORDS
                or w in _NOT_GIVEN_NAMES
                or w in _PLACE_OR_BODY_HEADS
                or w in _TITLE_WORDS
                or w in _NOT_AFTER_COUNTRY
                or self.ref.lookup(w) is not None
                for w in words
            ):
                continue
            self._claim_person(m)

    def bracketed_given_names(self) -> None:
        """ "President (Valdas) Adamkus", "Prime Minister [Peter] O'Neill": an editor's given
        name in brackets, between a title and the surname, is part of the person's name."""
        if not self.introducing:
            return
        for m in _BRACKETED_GIVEN.finditer(self.text):
            start, end = m.start("given") - 1, m.end("surname")
            if not self.free(start, end):
                continue
            person = self._person_for(f"{m.group('given')} {m.group('surname')}")
            if person is None or self.book.kind(person) is not ActorKind.PERSON:
                continue
            self.claim(start, end)
            self.add(person, start, end, "entity")

    def given_names(self) -> None:
        """ "Theresa May was having lunch with ...": a given name only people bear, then one or
        two capitalised words, is a person where the recogniser saw nothing (a surname that is
        also a month or a common word hides a name from it)."""
        if not self.introducing:
            return
        for found in _GIVEN_THEN_SURNAME.finditer(self.text):
            m: re.Match[str] | None = found
            first, *rest = found.group("name").split()
            if (
                len(rest) == 2
                and not given_name_gender(first)
                and given_name_gender(" ".join(rest))
                and self._not_a_name_before(first, found.start("name"))
            ):
                # "the King's Chamberlain Brahim Frej", "Col Jeremy Ramsdon", "the United
                # States Luis Almagro": a word of an office or a place before the given name
                # (not "Paula Elizabeth Ganly": a first name the lists do not hold)
                m = _GIVEN_THEN_SURNAME.match(self.text, found.start("name") + len(first) + 1)
            if m is None:
                continue
            if any(
                e.label == "PERSON" and e.start <= m.start() and m.end() <= e.end
                and e.end - e.start > m.end() - m.start()
                for e in self.entities
            ):  # fmt: skip
                continue  # the recogniser's longer name is the name ("Lula da Silva")
            words = m.group("name").split()
            if re.search(
                rf"(?<![A-Z][\w'\u2019-] ){re.escape(words[-1])}\b", self.text[: m.start()]
            ):
                # "President Bush" before "Laura Bush": the surname was someone's already;
                # the recogniser's pass, in text order, tells them apart
                continue
            if given_name_gender(m.group("name")) is None or any(
                _never_in_a_name(w) or (w in NAME_STOPWORDS and w not in _MONTH_SURNAMES)
                for w in words[1:]
            ):
                continue
            self._claim_person(m)

    def _not_a_name_before(self, word: str, start: int) -> bool:
        """Whether ``word`` (at ``start``) is no first name: an office's or a place's word,
        a form of address or a rank, or a word after "the" or an owner's "'s"."""
        window = max(0, start - 40)
        before = _WORD_BEFORE.search(self.text, window, start)
        return (
            _office_or_place_word(word, self.ref)
            or word in _TITLE_WORDS
            or _HONORIFIC.match(f"{word} ") is not None
            or (before is not None and self.ref.lookup(f"{before.group(1)} {word}") is not None)
            or _OWNER_BEFORE.search(self.text, window, start) is not None
            or _REMIT_BEFORE.search(self.text, window, start) is not None
        )

    def named_before_office(self) -> None:
        """ "Valery Vorobiev, Ambassador of the Russian Federation": two to four capitalised
        words set off before an office of a country or body are a person's name, where the
        recogniser saw none (lists of envoys and delegations are written so)."""
        if not self.introducing:
            return
        found = [
            *_NAME_BEFORE_OFFICE.finditer(self.text),
            *_NAME_BEFORE_DESCRIPTION.finditer(self.text),
        ]
        for m in found:
            title = m.group("title")
            office = canonical_title(title).title
            if office is None and title.capitalize() in _RANKS:
                office = title.capitalize()
            if office is None:
                continue
            start, end = m.span("name")
            if any(e.start < end and start < e.end for e in self.entities):
                # Only where the recogniser saw nothing: its place ("Addis Ababa, Ambassador
                # of"), or its person, whose span is surer ("... and Multimedia Annuar Haji
                # Musa, Minister of ...")
                continue
            if any(
                _never_in_a_name(w) or w in NAME_STOPWORDS or self.ref.lookup(w) is not None
                for w in m.group("name").split()
            ):
                continue
            self._claim_person(m)
            # (the person whoever read the name: this pass, or one before it)
            held = [x.actor for x in self.mentions if x.start == start and x.end == end]
            country = self._actor_for(m.groupdict().get("of"))
            if held and country is not None and self.book.kind(country) is ActorKind.COUNTRY:
                self.book.add_role(held[0], office, country)

    def _country_at(self, pair: re.Match[str], group: str) -> bool:
        ref = self.ref.lookup(pair.group(group))
        return ref is not None and ref.kind is ActorKind.COUNTRY

    def introduced(self) -> None:
        forms = self.book.introduced()
        if not forms:
            return
        # Matched without accents on either side, letter for letter: "Nausėda" is the
        # "Gitanas Nauseda" of the lead, and "Nauseda" the "Gitanas Nausėda".
        plain: dict[str, str] = {}
        for form, name in forms.items():
            plain.setdefault(_letters_plain(form), name)
        pattern = re.compile(
            r"(?<![\w])(?:" + "|".join(re.escape(f) for f in sorted(plain, key=len, reverse=True))
            + r")(?![\w])"
        )  # fmt: skip
        for m in pattern.finditer(_letters_plain(self.text)):
            if self.free(m.start(), m.end()):
                self.claim(m.start(), m.end())
                self.add(plain[m.group()], m.start(), m.end(), "surname")

    def pronoun_surnames(self) -> None:
        """ "... the meeting, He said": the family name He (He Yafei, He Lifeng) of the one
        person the article named with it, which only a capital within a sentence tells from
        the pronoun."""
        owners = {n for n in self.book.introduced().values() if n.split()[0] == "He" and " " in n}
        if len(owners) != 1:
            return
        (owner,) = owners
        for m in re.finditer(r"(?<![\w])He(?![\w])", self.text):
            before = self.text[max(0, m.start() - 40) : m.start()]
            if before.endswith("\n\n") or not self.free(m.start(), m.end()):
                continue
            before = before.rstrip().rstrip("\"'\u201d\u2019")
            if before.endswith(",") or before[-1:].islower():
                self.claim(m.start(), m.end())
                self.add(owner, m.start(), m.end(), "surname")

    def misspelt(self) -> None:
        """ "Natalegawa stated" in an article that introduced "Marty Natalegwa": a surname
        written a key away from one the article gave a person, where the recogniser saw no
        name to look up."""
        if not self.book.introduced():
            return
        for m in _LONE_CAPITALISED.finditer(self.text):
            word = m.group()
            if not self.free(m.start(), m.end()) or word in NAME_STOPWORDS:
                continue
            if self.ref.lookup(word) is not None:
                continue
            person = self.book.misspelt(word)
            if person is not None:
                self.claim(m.start(), m.end())
                self.add(person, m.start(), m.end(), "surname")

    # -- pass 4 ---------------------------------------------------------------------------
    def role_nouns(self) -> None:
        explicit = sorted(self.mentions, key=lambda x: x.start)
        for m in self.ref.role_noun_re.finditer(self.text):
            if not self._releasable(m.start(), m.end()):
                continue
            country = self._actor_for(m.group("qual")) or self._actor_for(m.group("of"))
            sense = canonical_title(m.group("title"))
            before = [x for x in explicit if x.end <= m.start() and not x.implicit]
            named = self._apposed(m.end(), explicit)
            if named is not None:
                # "the President of Ghana, John Mahama,": the name set off after the title
                # is whom it means (its own mention says so); the title is no one else.
                if sense.title is not None and country is not None:
                    self.book.add_role(named, sense.title, country)
                continue
            actor = self._resolve_role(
                sense.title, sense.leader, m.group("title"), country, before,
                topic=self._topic_before(m.start()),
            )  # fmt: skip
            if actor is None and (country is not None or sense.unique):
                # A title before the name: "held talks with his Kenyan counterpart on
                # Thursday. Kenyan President William Ruto ...", or a lead's "..., the Russian
                # foreign minister said Tuesday." and later "Sergei Lavrov said"; "an audience
                # with the Pope today. Pope Benedict XVI told him ...".
                after = [
                    x for x in explicit
                    if x.start >= m.end() and not x.implicit and x.start - m.end() < 1500
                ]  # fmt: skip
                actor = self._resolve_role(
                    sense.title,
                    sense.leader,
                    m.group("title"),
                    country,
                    after[::-1],
                    before,
                    later=True,
                )
            if actor is None:
                actor = self._newly_in_office(m, sense.title)
            if actor is None and country is None:
                actor = self._topic_in_office(m, sense.title, before)
            if actor is None:
                continue
            self._release(m.start(), m.end())
            if country is not None:
                for group in ("qual", "of"):
                    if m.group(group):
                        self.add(country, m.start(group), m.end(group), "qualifier", True)
            self.claim(m.start(), m.end())
            self.add(self.book.use(actor) if self.ref.actor(actor) else actor,
                     m.start(), m.end(), "role")  # fmt: skip

    def offices_of_bodies(self) -> None:
        """ "The Chairperson of the African Union (AU) Commission, Moussa Faki Mahamat, ...
        the Chairperson met with ...": the office of a body the reference does not know is
        still the person's, so that the title alone means them later."""
        for m in _OFFICE_OF_A_BODY.finditer(self.text):
            office = canonical_title(m.group("title")).title
            body = m.group("body")
            if office is None or not any(w.lower() in ORG_WORDS for w in body.split()):
                continue  # (not "The President of the Nation, Alberto Fernández": a state's)
            person = self._apposed(m.end("body"), self.mentions)
            if person is not None and not any(r.title == office for r in self.book.roles(person)):
                self.book.add_role(person, office, self._actor_for(body))

    def chiefs_of_bodies(self) -> None:
        """ "NATO Secretary-General Jens Stoltenberg ... the NATO chief wrote": the one person
        the article gave an office of that body, named before."""
        for m in _CHIEF_OF_A_BODY.finditer(self.text):
            start, end = m.span("body")
            bodies = {
                x.actor for x in self.mentions
                if start <= x.start and x.end <= end
                and self.book.kind(x.actor) is ActorKind.ORGANIZATION
            }  # fmt: skip
            if len(bodies) != 1 or not self._releasable(m.start(), m.end()):
                continue
            (body,) = bodies
            holders = {
                x.actor for x in self.mentions
                if x.end <= m.start() and not x.implicit
                and self.book.kind(x.actor) is ActorKind.PERSON
                and any(r.of == body for r in self.book.roles(x.actor))
            }  # fmt: skip
            if len(holders) != 1:
                continue
            self._release(m.start(), m.end())
            self.add(body, start, end, "qualifier", True)
            self.claim(m.start(), m.end())
            self.add(holders.pop(), m.start(), m.end(), "role")

    def royal_styles(self) -> None:
        """ "His Majesty reaffirmed ...", "HH the Amir wished her success": court news names
        a monarch by style alone after naming them once. Majesty is the king (queen, sultan)
        named nearest before, Highness the amir, sheikh or prince."""
        styles = list(_ROYAL_STYLE.finditer(self.text))
        if not styles:
            return  # (most articles: no need to sort their people)
        people = sorted(
            (m for m in self.mentions
             if not m.implicit and self.book.kind(m.actor) is ActorKind.PERSON),
            key=lambda m: m.start,
        )  # fmt: skip
        for m in styles:
            if not self.free(m.start(), m.end()):
                continue
            if re.search(r"\b(?:to|of|for)\s+$", self.text[max(0, m.start() - 5) : m.start()]):
                continue  # "Adviser to His Majesty": an office of the court, not the monarch
            ranks = _MAJESTIC if "Majesty" in m.group() else _HIGHNESS
            held = [
                x for x in people
                if x.end <= m.start() and self._styled(x, ranks)
            ]  # fmt: skip
            if not held:
                continue
            # The first monarch the article names is the one its court news is about ("King
            # Abdullah received ... Crown Prince Mohammed bin Salman ... His Majesty stressed").
            self.claim(m.start(), m.end())
            self.add(held[0].actor, m.start(), m.end(), "role")

    def _styled(self, mention: Mention, ranks: re.Pattern[str]) -> bool:
        """Whether a person is named with one of ``ranks``: in the name ("King Abdullah") or
        as the title right before it ("Crown Prince Mohammed")."""
        before = self.text[max(0, mention.start - 20) : mention.start]
        title = re.search(r"((?:[A-Z][\w-]*\s+){1,2})$", before)
        named = self.text[mention.start : mention.end]
        return bool(ranks.search(named) or (title and ranks.search(title.group(1))))

    def _apposed(self, end: int, mentions: list[Mention]) -> str | None:
        gap = re.match(r"\s*,\s*", self.text[end : end + 6])
        if gap is None:
            return None
        start = end + gap.end()
        for x in mentions:
            if x.start == start and not x.implicit and self.book.kind(x.actor) is ActorKind.PERSON:
                return x.actor
        return None

    def counterpart_roles(self) -> None:
        """ "Sybiha ... his Turkish counterpart Hakan Fidan": Fidan holds Sybiha's office, of
        Turkey. The nearest person named before is the one whose counterpart this is."""
        for person, country, position in self.counterparts:
            before = [
                m for m in self.mentions
                if m.end <= position and not m.implicit and m.actor != person
                and self.book.kind(m.actor) is ActorKind.PERSON and position - m.end < 300
            ]  # fmt: skip
            if not before:
                continue
            owner = _COUNTERPART_OF.search(self.text, max(0, position - 16), position + 40)
            if owner is not None:
                # "She first met Brazil's vice-president, Geraldo Alckmin. She then met her
                # counterpart, Mauro Vieira": the counterpart of the one "her" can mean
                want = pronoun_gender(owner.group(1))
                shown = [m for m in before if given_name_gender(m.actor) == want]
                if not shown and want == "female":
                    # ("She first met Brazil's vice-president ... She then met her
                    # counterpart": the woman named further back, whom "she" goes on about)
                    shown = [
                        m for m in self.mentions
                        if m.end <= position and not m.implicit and m.actor != person
                        and self.book.kind(m.actor) is ActorKind.PERSON
                        and given_name_gender(m.actor) == want
                    ]  # fmt: skip
                unknown = [m for m in before if given_name_gender(m.actor) is None]
                before = shown or unknown or before
            for role in self.book.roles(before[-1].actor):
                if role.of != country or country is None:
                    self.book.add_role(person, role.title, country)
                    break

    def _releasable(self, start: int, end: int) -> bool:
        """A role noun may take over the country words inside it ("Ukrainian" in "the
        Ukrainian leader"), never a person's name."""
        for s, e in self.taken:
            if e <= start or s >= end:
                continue
            if s < start or e > end:
                return False
        inside = [m for m in self.mentions if start <= m.start and m.end <= end]
        return all(self.book.kind(m.actor) is not ActorKind.PERSON for m in inside)

    def _release(self, start: int, end: int) -> None:
        self.taken = [(s, e) for s, e in self.taken if e <= start or s >= end]
        self.mentions = [m for m in self.mentions if m.end <= start or m.start >= end]

    def _role_rank(
        self, name: str, title: str | None, surface: str, country: str | None
    ) -> tuple[bool, bool]:
        """How well ``name`` fits a title phrase; lower first."""
        roles = self.book.roles(name)
        # "the Indian minister" is a minister, before the prime minister.
        minister = (
            title != "Minister"
            or "prime" in surface.lower()
            or any(r.title.endswith("Minister") and r.title != "Prime Minister" for r in roles)
        )
        # "the Ghanaian leader": one the text made Ghana's, before one of no stated country.
        stated = country is None or any(r.of == country for r in roles)
        return (not minister, not stated)

    def _newly_in_office(self, m: re.Match[str], title: str | None) -> str | None:
        """ "Peter Kyle will visit Washington. The newly appointed Business Secretary will
        meet ...": an office its holder has just taken, opening a sentence, is the person the
        sentence before is about, when the article gives them no other office and gives the
        office to no one else."""
        if title is None or (m.group("mod") or "").lower() not in ("newly appointed", "incoming"):
            return None
        topic = self._topic_before(m.start())
        if topic is None or self.book.roles(topic):
            return None
        named = {x.actor for x in self.mentions}
        if any(r.title == title for n in named for r in self.book.roles(n)):
            return None
        self.book.add_role(topic, title, None)
        return topic

    def _topic_in_office(
        self, m: re.Match[str], title: str | None, before: list[Mention]
    ) -> str | None:
        """ "Anthony Albanese says Trump called him. The prime minister says ...": a title
        opening a sentence, that no one named before holds, is the person the sentence before
        is about, when the article gives them no office of their own and names no one more
        often (its protagonist)."""
        if title is None or m.group("qual") or m.group("of"):
            return None
        topic = self._topic_before(m.start())
        if topic is None or self.book.roles_as_worded(topic):
            return None
        if any(r.title == title for x in before for r in self.book.roles(x.actor)):
            return None
        named = Counter(x.actor for x in before if self.book.kind(x.actor) is ActorKind.PERSON)
        # (a person by a given name, not "St Ann" of "St Ann's", that a recogniser took for one)
        if given_name_gender(topic) is None or named[topic] < max(named.values(), default=0):
            return None
        self.book.add_role(topic, title, None)
        return topic

    def _topic_before(self, pos: int) -> str | None:
        """For a title opening a sentence ("The president also thanked ..."): the first person
        the sentence before names, its subject as news writes it."""
        head = self.text[max(0, pos - 3) : pos]
        if not re.fullmatch(r"(?:[.!?\"\u201d]\s+|\n+|\s*)", head) and pos > 0:
            return None
        stop = max(self.text.rfind(". ", 0, pos - 2), self.text.rfind("\n", 0, pos - 1))
        if stop < 0:
            return None
        start = max(self.text.rfind(". ", 0, stop), self.text.rfind("\n", 0, stop)) + 1
        # (the titles read so far count: "The president also thanked Zuma. The president
        # noted ..." is the same president twice)
        people = sorted(
            (x for x in self.mentions
             if start <= x.start < stop and not x.implicit
             and self.book.kind(x.actor) is ActorKind.PERSON),
            key=lambda x: x.start,
        )  # fmt: skip
        return people[0].actor if people else None

    def _resolve_role(
        self,
        title: str | None,
        leader: bool,
        surface: str,
        country: str | None,
        before: list[Mention],
        owners: list[Mention] | None = None,
        *,
        later: bool = False,
        topic: str | None = None,
    ) -> str | None:
        """Who a title phrase means. ``before`` are the mentions to choose from, nearest last;
        ``owners`` the mentions before the phrase when ``before`` are those after it; ``topic``
        the one the sentence before is about, when the phrase opens a sentence."""
        head_of_state = surface.lower().split() == ["head", "of", "state"]
        if surface.lower() == "counterpart":
            return self._counterpart(country, before, before if owners is None else owners)

        def fits(name: str) -> bool:
            if self.book.kind(name) is not ActorKind.PERSON:
                return False
            roles = self._roles_of(name, country, named_after=owners is not None)
            if title is not None:
                # "the visiting minister" is whichever minister the article named.
                # ("the U.S. ambassador" is the "Ambassador to Mexico" the article named)
                # ("the Brazilian Foreign Minister" is the "Minister Antonio Patriota" the
                # article named, whose portfolio it gave only in its lead)
                return any(
                    r.title == title
                    or r.title.startswith(f"{title} to ")
                    or (title == "Minister" and r.title.endswith("Minister"))
                    or (r.title == "Minister" and title.endswith(" Minister"))
                    for r in roles
                )
            if head_of_state:
                return any(r.title in HEAD_OF_STATE_TITLES for r in roles)
            if leader and country is not None:
                ref = self.ref.actor(country)
                if ref is not None and ref.leader == name:
                    return True
            return leader and any(r.title in LEADER_TITLES for r in roles)

        seen = list(dict.fromkeys(x.actor for x in reversed(before)))
        in_article = self._portfolio_holders([n for n in seen if fits(n)], title, country)

        def rank(name: str) -> tuple[bool, bool]:
            return self._role_rank(name, title, surface, country)

        in_article = sorted(in_article, key=rank)
        if country is None and topic in in_article and rank(topic) == rank(in_article[0]):
            # "President Kenyatta thanked President Zuma ... The president also noted ...":
            # the one the text is about, not the one named most
            return topic
        if country is None:
            # "the president": the person before it who is one; of several, the one the
            # article has named most (its protagonist), then the nearest.
            if not in_article:
                return None
            named = {n: sum(1 for x in before if x.actor == n) for n in in_article}
            # Of two named as often, the one named first: the article's protagonist ("X met
            # her counterpart Y. The minister said ..." is X).
            first = {n: min(x.start for x in before if x.actor == n) for n in in_article}
            return max(in_article, key=lambda n: (*(not r for r in rank(n)), named[n], -first[n]))
        if len(set(in_article)) >= 1:
            return in_article[0]
        if later and leader and title is not None and owners is not None:
            return self._only_titled(title, owners, before)
        if later or not self.book.current:
            # The reference's office holders are those of its own day: an article from
            # another year means someone else by "the Kenyan president".
            return None
        ref = self.ref.actor(country)
        if leader and title is None and ref is not None and ref.leader:
            return ref.leader
        if title is not None:
            holders = self.ref.holders(title, country)
            return holders[0] if len(holders) == 1 else None
        return None

    def _portfolio_holders(
        self, people: list[str], title: str | None, country: str | None
    ) -> list[str]:
        """Of ``people`` who fit a minister's title, those given that very portfolio, if any
        are ("Defence Personnel Minister Matt Keogh met with the PNG defence minister": the
        defence minister, not a minister of another portfolio)."""
        if title is None or not title.endswith(" Minister"):
            return people
        exact = [
            n for n in people
            if any(r.title == title for r in self._roles_of(n, country, named_after=False))
        ]  # fmt: skip
        return exact or people

    def _roles_of(self, name: str, country: str | None, *, named_after: bool) -> list[RoleRef]:
        """The roles of ``name`` that may be of ``country`` (all, without one). A role the
        text gave without its country ("Vice President Kamala Harris") still fits "the U.S.
        vice president" named before; named after, the person must be given as of that
        country."""
        roles = self.book.roles_as_worded(name)
        if country is None:
            return roles
        allowed = (country,) if named_after else (country, None)
        elsewhere = any(
            r.of not in (None, country) and self.book.kind(r.of) is ActorKind.COUNTRY for r in roles
        )
        roles = [r for r in roles if r.of in allowed]
        if elsewhere and all(r.of is None for r in roles):
            # ("President Donald Trump" is no "president of Mexico": a title the text gave
            # alone is of the country the person's other offices are of)
            return []
        return roles

    def _only_titled(self, title: str, owners: list[Mention], after: list[Mention]) -> str | None:
        """ "Mexico's president met Mayorkas ... President Andrés Manuel López Obrador wrote":
        named after with a leader's title alone, the one person the whole article gives that
        title, when it gives it to no one of another country (and whom the reference list,
        which knows its people's offices, does not know). Not for ministers: "Mexico's foreign
        minister" often meets another country's "Foreign Minister John Baird"."""
        titled = {
            x.actor for x in (*owners, *after)
            if self.book.kind(x.actor) is ActorKind.PERSON
            and any(r.title == title for r in self.book.roles(x.actor))
        }  # fmt: skip
        whose = {r.of for n in titled for r in self.book.roles(n) if r.title == title}
        known = any(self.ref.actor(n) is not None for n in titled)
        if len(titled) == 1 and whose == {None} and not known:
            (name,) = titled
            return name if any(x.actor == name for x in after) else None
        return None

    def _counterpart(
        self, country: str | None, candidates: list[Mention], owners: list[Mention]
    ) -> str | None:
        """ "his Kenyan counterpart": the person of that country the article names who holds
        the office of the person whose counterpart this is (the nearest person named before),
        or, when both lead their countries, its leader."""
        people = [x for x in owners if self.book.kind(x.actor) is ActorKind.PERSON]
        if country is None or not people:
            return None
        own = self.book.roles(people[-1].actor)
        titles = {r.title for r in own if r.of != country}
        leads = any(r.title in LEADER_TITLES for r in own)
        for mention in reversed(candidates):
            name = mention.actor
            if name == people[-1].actor or self.book.kind(name) is not ActorKind.PERSON:
                continue
            roles = [r for r in self.book.roles(name) if r.of == country]
            if any(r.title in titles for r in roles):
                return name
            if leads and any(r.title in LEADER_TITLES for r in roles):
                return name
        if candidates is owners:
            return None
        # Named after it: "welcomed his Mexican counterpart to Canada. Trudeau greeted President
        # Enrique Pena Nieto": the next person named, holding that office with no country
        # stated (the text gave one of another country, or the reference list did, is not).
        # The owner must be named in the phrase's own sentence ("'... holds talks with his
        # Kenyan counterpart,' the ministry said" is no one's counterpart named before it).
        owner = people[-1]
        nearest = next(
            (x for x in reversed(candidates)
             if x.actor != owner.actor and self.book.kind(x.actor) is ActorKind.PERSON),
            None,
        )  # fmt: skip
        if nearest is None:
            return None
        phrase = self.text.find("counterpart", owner.end, nearest.start)
        if phrase < 0 or len(split_sentences(self.text, owner.end, phrase)) > 1:
            return None
        roles = self.book.roles(nearest.actor)
        fits = any(r.title in titles or (leads and r.title in LEADER_TITLES) for r in roles)
        return nearest.actor if fits and all(r.of is None for r in roles) else None


_CAPITALISED = r"[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|de|da|dos|del|bin|al))*?"
_OF_COUNTRY_PAIR = re.compile(
    rf"\s+of\s+(?:the\s+)?(?P<one>{_CAPITALISED})\s+and\s+(?P<name>[A-Z][\w'\u2019.-]*"
    rf"(?:\s+[A-Z][\w'\u2019.-]*){{1,3}})\s+of\s+(?:the\s+)?(?P<two>{_CAPITALISED})(?=[\s,.;:])"
)


# A given name and one or two capitalised words after it, the name ending where the sentence
# goes on in lower case or with punctuation ("Theresa May was", "Angela Merkel,").
_GIVEN_THEN_SURNAME = re.compile(
    r"(?<![\w.'\u2019-])(?P<name>[A-Z][a-z]+(?:\s+[A-Z][a-z][\w'\u2019-]*){1,2})"
    r"(?<!'s)(?<!\u2019s)(?:['\u2019]s)?"  # ("Nicolas Sarkozy's goals": the name, not its 's)
    r"(?=\s+[a-z]|[,.;:])(?!\s+(?:da|de|dos|das|del|der|van|von|bin|ibn|al|el|la|le|di|du)\s)"
)
# What stands right after "governor(s) of" / "mayor(s) of", or in a list going on from there.
_JURISDICTION_BEFORE = re.compile(
    r"\b(?:[Gg]overnors?|[Mm]ayors?)[ \t]+of[ \t]+(?:the[ \t]+)?"
    r"(?:[A-Z][\w'\u2019.-]*(?:[ \t]+[A-Z][\w'\u2019.-]*)*(?:,[ \t]+|[ \t]+and[ \t]+))*$"
)
# The word right before a position: "United" of "United States".
_WORD_BEFORE = re.compile(r"([A-Z][\w'\u2019-]*)\s+$")
# A determiner or an owner right before a word: "the Chamberlain", "the King's Chamberlain".
_OWNER_BEFORE = re.compile(r"(?:\b[Tt]he|['\u2019]s)\s+$")
# ... and the end of a remit or a place's name: "Special Envoy for the Horn of Africa Olusegun
# Obasanjo" ("of Africa", "for Europe": not "and Hassabo Mohamed Abdul-Rahman")
_REMIT_BEFORE = re.compile(r"\b(?:of|for|to|in)\s+$")
# A name set off before an office and what it is of: "Valery Vorobiev, Ambassador of the
# Russian Federation", "Brahim Frej, Chamberlain to the King".
_SET_OFF_NAME = (
    r"(?<![\w'\u2019.-])(?P<name>[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){1,3}),[ \t]+"
)
_NAME_BEFORE_OFFICE = re.compile(
    _SET_OFF_NAME
    + r"(?:the[ \t]+)?(?P<title>[A-Z][\w-]+(?:[ \t]+[A-Z][\w-]+){0,2})[ \t]+(?:of|to|for)[ \t]+"
    r"(?:the[ \t]+)?(?P<of>[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,3})?"
)
# ... or before a description of the office: "Laurent Nkunda, a renegade general who leads ...",
# "Dmitry Peskov, the Kremlin's spokesman,".
_NAME_BEFORE_DESCRIPTION = re.compile(
    _SET_OFF_NAME + r"(?:a|an|the)[ \t]+(?:[\w'\u2019-]+[ \t]+){0,2}?(?P<title>[a-z][\w-]+)"
    r"(?=[ \t]*[,;.]|[ \t]+(?:who|of|for|to|at|in|and)\b)"
)
# Months that are also surnames ("Theresa May", "Brian May"), after a given name.
_MONTH_SURNAMES = frozenset({"May", "June", "April", "August"})
# A capitalised word of five letters or more standing alone (no capitalised word on either
# side of it): a surname used on its own.
_LONE_CAPITALISED = re.compile(
    r"(?<![A-Za-z\u00c0-\u017f'\u2019.-])(?<![A-Z][\w'\u2019-] )(?<![A-Z][\w'\u2019-]{2} )"
    r"[A-Z][a-z\u00e0-\u017f]{4,}(?![\w'\u2019-])(?!\s+[A-Z])"
)
# What puts a capital in a place's position: a preposition of place ("in", "to", "near the
# capital"), or a building, street or office and a comma ("at State House, Nairobi"). Not
# _PLACE_BEFORE's "and" or "between": "talks between Ankara and Brussels" are governments'.
_PLACE_POSITION = re.compile(
    # (not "according to the Kremlin": a source, not a place)
    r"(?:\b(?<![Aa]ccording\s)"
    r"(?:in|at|to|from|near|outside|inside|into|via|across|towards?|around|within|for)"
    r"\s+(?:the\s+)?(?:capital\s+|city\s+of\s+)?|(?P<comma>[A-Z][\w'\u2019-]+\s*,\s*))$"
)
_DATELINE_AFTER = re.compile(r"\s*(?:[,:(\u2014\u2013]|-{1,2}\s|[A-Z][a-z]{2,8}\.?\s+\d|\d)")
# "Chile's Michelle Bachelet met", "Japan's Katsuya Okada said": a name, then a word in lower
# case or a stop (not "Chile's Foreign Ministry Building").
_COUNTRY_POSSESSIVE = re.compile(
    r"(?<![\w])(?P<country>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)(?:'s|\u2019s)\s+"
    r"(?P<name>[A-Z][a-z][\w'\u2019-]*(?:\s+[A-Z][a-z][\w'\u2019-]*){1,2})(?=\s+[a-z]|[,.;:])"
)
# Capitalised words of things a country has that are not people ("Australia's Regional
# Assistance Mission", "Zambia's Sixth Head of State", "Ankara's Esenboga Airport").
_NOT_AFTER_COUNTRY = word_set(
    """Airport Airports Mission Head Heads Commissioner Electoral Regional National Assistance
    First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth Supreme Constitutional
    Court Electoral Armed Forces Police Embassy Consulate High Coast Guard Station Port Stock
    Exchange Central Reserve Day Independence Cup League Open Grand Prix Airlines Airways"""
)
# Words of titles that may open a capitalised run ("Chile's President Michelle Bachelet").
_TITLE_WORDS = word_set(
    """President Vice Prime Minister Foreign Chancellor King Queen Emir Sheikh Prince Princess
    Crown Premier Secretary General Ambassador Envoy Deputy Acting Former Chief Speaker
    Governor Senator Defence Defense Interior Finance Trade State Army Navy"""
)


_OF_A_COUNTRY = re.compile(rf"\s+of\s+(?:the\s+)?(?P<country>{_CAPITALISED})(?=[\s,.;:])")
_PAIRED_BEFORE = re.compile(
    rf"(?<![\w'\u2019])(?P<name>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){{1,3}})"
    rf"\s+of\s+(?:the\s+)?(?P<one>{_CAPITALISED})\s*(?:,\s*(?:and\s+)?|\s+and\s+)$"
)


def _via(ref: ActorRef, surface: str) -> str:
    if surface in ref.demonyms:
        return "demonym"
    if surface in ref.metonyms:
        return "metonym"
    return "name"


_NAME_PREFIX = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Dr|Prof|Professor|Sir|Dame|Lord|Lady|Sheikh|Sheikha|His|Her|Excellency|Majesty"
    r"|Highness|Royal|President|Premier|Prime|Minister|Chancellor|Secretary|Senator|Sen"
    r"|Ambassador|Gen|General|Governor|Mayor|Vice|Deputy|Foreign|Former|Late|H\.H|H\.E"
    r"|Congressman|Congresswoman|Rep|Chairman|Chairwoman|Chair|Sultan|Emir|Amir|King|Queen"
    r"|Prince|Princess|Crown|Justice|Honourable|Honorable|Hon|Managing|Executive|Director"
    r"|Commissioner|Councillor|Councilor|Marshal|Mentor|PM|FM|EAM|DPM)\.?\s+)+"
)
_PLATFORMS = frozenset(
    {"X", "Twitter", "Facebook", "Instagram", "Telegram", "YouTube", "TikTok", "WhatsApp",
     "LinkedIn", "Truth Social", "Weibo", "WeChat", "Threads", "Bluesky", "State"}
)  # fmt: skip


# Words that end the name of an office, never start a person's name: "Minister of
# International Relations and Cooperation Lindiwe Sisulu", "Secretary of Strategic Affairs
# Gustavo Beliz".
# Capitalised words before a country's name that are part of a place or body, not a name.
_NOT_GIVEN_NAMES = word_set(
    """Northern Southern Eastern Western North South East West Central Upper Lower Greater
    Mainland Old New Air Radio Bank Team Royal Republic Kingdom Democratic People Federal
    United Free Inner Outer Continental Metropolitan Visit Invest Made Brand Global Greek
    Saint Port Fort Lake Mount Cape Gulf Bay Island Islands Isle Coast Latin Including
    Agence One"""
)
# Titles news abbreviates before a name: "PM Prayut", "FM Dar", "EAM Jaishankar".
_TITLE_ABBREVIATIONS = frozenset({"PM", "FM", "EAM", "DPM"})
# What makes "American" a region's, not the United States': "Latin American",
# "Inter-American", "Pan-American".
_REGION_BEFORE = re.compile(r"\b(?:Latin|South|North|Central|Inter|Pan|Afro|Meso)[- ]$")
# The last word of an office, which ends no one's name ("AU Chairman", "Party Secretary").
# Words of outlets, platforms and photo agencies, never of a person's name.
_MEDIA_WORDS = frozenset(
    {
        "News", "Agency", "Press", "Radio", "Television", "TV", "Times", "Herald", "Tribune",
        "Gazette", "Facebook", "Instagram", "Twitter", "YouTube", "Getty", "Reuters", "AFP",
        "Xinhua", "Newspaper", "Magazine",
    }
)  # fmt: skip
_OFFICE_LAST_WORDS = word_set(
    """chairman chairwoman chairperson chair president minister secretary spokesman
    spokeswoman spokesperson ambassador envoy commissioner premier chancellor governor
    director"""
)
_OFFICE_WORDS = word_set(
    """
    Affairs Relations Cooperation Development Defense Defence Trade Finance Communication
    Communications Press Security Justice Interior Health Education Economy Commerce
    Industry Energy Agriculture Environment Information Culture Tourism Labour Labor
    Transport Planning Staff Council Committee Commission Office Presidency Cabinet Ministry
    Department Diaspora Integration Investment Treasury Parliament Assembly Senate Congress
    Judiciary Forces Republic
    Government Abroad Expatriates Nationals Emigrants Overseas Science Technology Innovation
    Resources Housing Youth Sports Gender Mines Mining Petroleum Fisheries Forestry Lands
    Infrastructure Telecommunications Aviation Welfare Employment Veterans Religious
    Cooperatives Customs Immigration Citizenship Administration Parliamentary Constitutional
    Heritage Maritime Railways Highways Irrigation Livestock Disabilities Equality Homeland
    Climate Minerals Digital Trade Finance Budget Privatization Reconstruction Safety Emergency
    Preparedness Credit Works Protection Repatriation Refugees Services Province Region District
    County Territory Municipality Supplies Competition Promotion Business Enterprise Enterprises
    Consumer Bridges Roads Ports Shipping Sanitation Electricity Exports Statistics
    Police Organization Organisation Agency Authority Officer Representatives Deputies Commons
    Chamber
    """
)
# Initials then what they stand for, in brackets: "SA (South Africa)".
_SPELLED_AFTER = re.compile(r"\s*\((?P<full>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,4})\)")
# Regions a minister's portfolio may be for ("Minister for Africa", "Minister for Europe").
_REGION_WORDS = word_set("Africa Europe Asia Americas Oceania Pacific Caribbean Arctic")
# Last words of a building's or a place's name ("King David Hotel", "Peace Palace").
_PLACE_ENDINGS = word_set(
    "Hotel Airport Palace Residence Mansion Lodge Stadium Square Street Building Centre Center "
    "Complex Avenue Bridge Hospital"
)
# Words of gatherings, bodies and buildings: never in a person's name ("Climate Change
# Conference", "Forum Leaders Meeting", "Building Complex").
_NOT_NAME_WORDS = word_set(
    """
    Conference Summit Forum Agency Organization Organisation Union Association Authority
    Institute University Meeting Meetings Complex Building Centre Center Hall Palace House
    Leaders Talks Dialogue Agreement Treaty Accord Convention Area Zone Declaration Initiative
    """
)


_NOT_PEOPLE_LABELS = frozenset(
    {"ORG", "FAC", "EVENT", "GPE", "LOC", "NORP", "WORK_OF_ART", "LAW", "PRODUCT", "DATE"}
)
# "Minister of Science and Technology Chu Ngoc Anh", "Minister for Human Resources X Y"
_MINISTER_OFFICES = (
    "Minister|Secretary|Commissioner|Speaker|Chairman|Chairperson|Chairwoman|President"
)
_MINISTER_OF = re.compile(
    rf"\b(?P<office>{_MINISTER_OFFICES})"
    r"(?:\s+of\s+State)?\s+(?:of|for)\s+(?:the\s+)?"
    # A comma goes on with the portfolio ("Trade, Industry and Competition"), not into the
    # next office of a list ("..., Secretary of Finance ...").
    r"(?P<words>[A-Z][\w'\u2019-]*(?:(?:[ \t]+|,[ \t]+"
    rf"(?!(?:{_MINISTER_OFFICES})\b)(?=[A-Z]))"
    r"(?:(?:al|el)-[A-Z][\w'\u2019-]*|[A-Z][\w'\u2019-]*"
    r"|(?:and|&|al|el|bin|ibn|de|da|del|dos|van|von|der|of(?:[ \t]+the)?)(?=[ \t]+[A-Z]))){2,12})"
)


def _after_office(name: str) -> str:
    words = name.split()
    cut = max((i for i, w in enumerate(words) if w.rstrip(",") in _OFFICE_WORDS), default=-1)
    if cut >= 0:
        words = words[cut + 1 :]
        if len(words) < 2:
            return ""
    # "Lieutenant Colonel Jean-Paul Dietrich", "Chief Mediator Seyoum Mesfin", "Defence Forces
    # Gen Samson Mwathethe": a rank or an office before the name, when the recogniser took it in
    ranks = 0
    while len(words) - ranks > 2 and words[ranks] in _RANKS:
        ranks += 1
    return " ".join(words[ranks:]) if ranks or cut >= 0 else name


def _plural_title(word: str) -> bool:
    """ "Presidents", "Secretaries", "Ministers": a title in the plural."""
    if word.endswith("ies"):
        return canonical_title(word[:-3] + "y").title is not None
    return word.endswith("s") and canonical_title(word[:-1]).title is not None


_RANKS = word_set(
    """Lieutenant Colonel General Major Captain Brigadier Commodore Admiral Sergeant Marshal
    Commander Mediator Chief Envoy Ambassador Senator Governor Mayor Colonel-General
    Lieutenant-Colonel Lieutenant-General Major-General Gen Lt Col Maj Brig Capt Adm Secretary
    Secretaries"""
)


# Offices after which one capitalised word is a name: a leader's, or a minister's.
# Forms of address that stand before a whole name, never a surname alone: what follows one
# word long is the start of a name the pattern could not read on ("Hon. Samuela 'Akilisi").
_BEFORE_WHOLE_NAMES = ("Honourable", "Honorable", "Hon", "Shri", "Smt", "Shrimati")
_FORMS_OF_ADDRESS = "|".join(
    (
        "Dr", "Prof", "Professor", "Mr", "Mrs", "Ms", "Sir", "Dame", *_BEFORE_WHOLE_NAMES,
        # (state protocol's style: "a courtesy call to His Excellency Ratu Wiliame Katonivere")
        r"(?:His|Her)\s+Excellency", r"H\.\s?E",
    )
)  # fmt: skip
_ADDRESSED = re.compile(rf"\b(?P<form>{_FORMS_OF_ADDRESS})\.?\s+(?P<name>[\u2018\u02bb]?{NAME})")
# (the only spouse's office the titles list: "first lady")
_SPOUSE_TITLES = frozenset({"First Lady"})
_TITLE_TAILS = frozenset(
    {"Delegate", "Designate", "General", "Elect", "Emeritus", "Plenipotentiary", "Officer"}
)
_LEADER_AND_MINISTER_TITLES = LEADER_TITLES | {"Minister", "Foreign Minister"}
_TITLE_TAIL = re.compile(r"[A-Z][a-z]*(?:ness|tion|ment|ship|olicy|ity|ffairs|grapher|ology)\s+")
# A monarch's style standing for their name ("His Majesty reaffirmed ..."), not before it
# ("His Majesty King Abdullah II").
_ROYAL_STYLE = re.compile(
    r"\b(?:(?:His|Her)\s+(?:Royal\s+)?(?:Majesty|Highness)"
    r"(?:\s+the\s+(?:King|Queen|Amir|Emir|Sultan|Crown\s+Prince))?|HH\s+the\s+(?:Amir|Emir))\b"
    r"(?!\s+(?:the\s+)?[A-Z])"
)
# "The Chairperson of the African Union (AU) Commission, Moussa Faki Mahamat,": an office of a
# body, and the name set off after it.
_OFFICE_OF_A_BODY = re.compile(
    r"\b[Tt]he\s+(?P<title>[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})\s+of\s+(?:the\s+)?"
    r"(?P<body>[A-Z][\w'\u2019-]*(?:\s+(?:\([A-Z]{2,8}\)|[A-Z][\w'\u2019-]*|of|for|and|the)){0,8})"
    r"(?=,)"
)
# "the NATO chief", "the IAEA head", "the U.N. boss": the head of a body, by its name
_CHIEF_OF_A_BODY = re.compile(
    r"\b[Tt]he\s+(?P<body>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*){0,3})\s+"
    r"(?:chief|head|boss)\b(?!\s+of\b)"
)
_MAJESTIC = re.compile(r"\b(?:King|Queen|Sultan|Emperor)\b")
_HIGHNESS = re.compile(r"\b(?:Amir|Emir|Sheikh|Shaikh|Prince|Princess|Highness|HH)\b")
_HONORIFIC = re.compile(
    r"^(?:Sheikh|Sheikha|Shaikh|Sayyid|Seyyed|Sayed|Datuk(?:\s+Seri)?|Dato['\u2019]?"
    r"(?:\s+Seri|\s+Sri)?|Tan\s+Sri|Tun|Pehin|Ratu|Adi|Samdech(?:\s+Techo)?"
    r"|H\.\s?E\.|(?:His|Her)\s+Excellency|Shri|Smt\.?|Shrimati|Professor|Prof\.?)\s+"
)
# Fijian chiefly titles, written as part of the name ("Ratu Inoke Kubuabola", "Adi Koila
# Nailatikau") by Fiji's own press and by reference works alike.
_NAMED_WITH_TITLE = ("Ratu ", "Adi ")
_GIVEN_BEFORE = re.compile(r"(?<![\w.])([A-Z][a-z]+)\s+$")
_AMIR_TITLE_BEFORE = re.compile(
    r"(?:\b(?:[Tt]he|HH|Highness|Qatar|Kuwait|Qatari|Kuwaiti|Emirati|Bahraini)|'s|\u2019s)\s*$"
)
_BRACKETED_GIVEN = re.compile(
    r"\b(?:President|Minister|Chancellor|Premier|Secretary|Senator|Governor|Ambassador)\s+"
    r"[(\[](?P<given>[A-Z][a-z][\w'\u2019-]*(?:\s+[A-Z][a-z][\w'\u2019-]*)?)[)\]]\s+"
    r"(?P<surname>[A-Z][\w'\u2019-]+)"
)
# Whose counterpart: "her counterpart", "his Kenyan counterpart".
_COUNTERPART_OF = re.compile(r"\b([Hh]is|[Hh]er)\s+(?:[A-Z][\w-]*\s+)?(?=[Cc]ounterpart)")
# A regnal number after a monarch's or a pope's one name: "Benedict XVI", "Tupou VI".
_REGNAL_NUMBER = re.compile(r"^[A-Z][\w'\u2019-]+\s+[IVX]{1,5}$")
# (and the heads of churches, who take a name on taking office: "Pope Francis", "Patriarch
# Kirill")
_CHURCH_TITLES = frozenset({"Pope", "Patriarch", "Catholicos"})
_ROYAL_TITLES = frozenset(
    {
        "King",
        "Queen",
        "Emir",
        "Sultan",
        "Crown Prince",
        "Prince",
        "Crown Princess",
        "Princess",
        "Emperor",
        "Empress",
        "Grand Duke",
    }
) | (_CHURCH_TITLES)


# The rest of a body's name after its first words: "... and Works Agency", "... for Refugees
# Agency" (a few capitalised words ending in an organisation's word).
_BODY_NAME_GOES_ON = re.compile(
    r"\s+(?:and|of|for)\s+(?:[A-Z][\w'\u2019-]*\s+){0,3}(?P<last>[A-Z][\w'\u2019-]*)"
)


def _goes_on_as_a_body(name: str, text: str, end: int) -> bool:
    """Whether the words ``name`` (ending at ``end``) begin or are an organisation's name."""
    if name.split() and name.split()[-1].lower() in ORG_WORDS:
        return True
    more = _BODY_NAME_GOES_ON.match(text, end)
    return more is not None and more.group("last").lower() in ORG_WORDS


def opens_with_style(name: str) -> bool:
    """Whether a name opens with a style written before a person's names: "Ratu Inoke
    Kubuabola", "Sheikh Mishal al-Ahmad", "Tan Sri Muhyiddin Yassin", "H.E. Moussa Faki"."""
    return _HONORIFIC.match(name) is not None


def _first_name(name: str) -> str:
    """The name a person may go by alone: the first word ("Li" of Li Qiang), or the style and
    the given name ("Ratu Naiqama" of Ratu Naiqama Lalabalavu)."""
    words = name.split()
    styled = name.startswith(_NAMED_WITH_TITLE) and len(words) >= 3
    return " ".join(words[:2]) if styled else words[0]


# What the recogniser may take for a body: a diplomat's document ("his Letter of Credence").
_DOCUMENT_NAME = re.compile(r"(?i:letters?\s+of\s+(?:credence|recall|introduction))")
# A lower-case word ending a span ("Moise of"), which no name ends on.
_LAST_WORD_LOWER = re.compile(r"\s+[a-z]+$")
# A verb of saying right after an apposition: the apposition is the subject of a new clause.
_SAYING_NEXT = re.compile(r"\s+(?:said|says|told|wrote)\b")
_COMMA_AFTER = re.compile(r",\s+")

# Letters after a name: a seat or an honour ("the Hon. Anthony Albanese MP").
_POSTNOMINAL = re.compile(
    r"\s+(?:MP|MPP|MLA|MHA|MNA|QC|KC|SC|OBE|CBE|KBE|DBE|MBE|CMG|KCMG|GCMG|AO|AC|OAM|CSC|CNZM|ONZM)$"
)

_CHINESE_HE = re.compile(CHINESE_HE)

# A person's name (with a nickname in quotes or not) and "and" before a capitalised word.
_PERSON_AND = re.compile(
    r"(?P<person>[A-Z][\w.-]+(?:\s+['\u2018\"\u201c][A-Z][\w-]+['\u2019\"\u201d])?"
    r"(?:\s+[A-Z][\w'\u2019-]+){1,2})\s+and\s+(?=[A-Z])"
)


def _looks_like_a_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(
        w[:1].isupper()
        and (not w.isupper() or (0 < i < len(words) - 1 and len(w.rstrip(".")) == 1))
        and w not in _OFFICE_WORDS | _NOT_NAME_WORDS
        for i, w in enumerate(words)
    )  # (a middle initial, with its stop or without: "Teodoro L Locsin")


def strip_name_titles(name: str) -> str:
    """ "Secretary Antony Blinken" -> "Antony Blinken"; "Dr. S. Jaishankar" -> "S. Jaishankar"."""
    prefix = _NAME_PREFIX.match(name.strip())
    return name.strip()[prefix.end() :] if prefix else name.strip()


# A capitalised word right before a name (not a possessive: "Singapore's Vivian Balakrishnan").
_LEFT_WORD = re.compile(r"([A-Z][\w-]*[a-z][\w-]*)[ \t]+$")


# What the recogniser sometimes calls a person: the last word of a place's or a body's name,
# the first of a storm's or an operation's.
_PLACE_OR_BODY_HEADS = word_set(
    """society summit house palace hall street square airport hotel centre center stadium
    university hospital bridge avenue road council committee ministry agency foundation
    institute museum cathedral mosque temple park town city falls island islands bay river
    lake port beach valley"""
)
_NOT_PERSON_FIRST_WORDS = frozenset({"Cyclone", "Hurricane", "Typhoon", "Storm", "Operation"})
# Where a place's name stands: "at Rome's Palazzo Chigi", "in the capital Bandar Seri Begawan".
_AT_A_PLACE = re.compile(
    r"\b(?:in|at|near|capital|city\s+of)\s+(?:the\s+)?(?:capital\s+)?"
    r"(?:[A-Z][\w-]*(?:'s|\u2019s)\s+)?$"
)
# State and wire news agencies written as one word, which the recogniser may take for a
# surname ("Kuna said", "Wam reported").
_WIRE_AGENCIES = word_set(
    """
    KUNA WAM SPA QNA BNA ONA MENA SANA IRNA ISNA IRIB FARS TASNIM MEHR PETRA XINHUA BERNAMA
    YONHAP KYODO JIJI ANTARA ANADOLU TASS INTERFAX RIA AFP AP REUTERS EFE ANSA DPA PTI IANS ANI
    APP BSS RSS VNA KPL PNA APS MAP TAP NAN KBC KNA ENA SUNA APA AZERTAC BELTA UKRINFORM PAP CTK
    MTI BTA AGERPRES HINA TANJUG ATA ANA AMNA CNA ABNA
    """
)
_PERSON_VERB_AFTER = re.compile(
    r"[ \t]+(?:also[ \t]+|later[ \t]+|then[ \t]+)?(?:said|says|told|added|adds|stressed|"
    r"noted|insisted|recalled|tweeted|wrote|declared|explained|remarked"
    # (and the verbs of meeting: "Ramaphosa met ...", "Ramaphosa has been in bilateral talks")
    r"|met|meets|hosted|hosts|received|receives|welcomed|welcomes|held[ \t]+talks"
    r"|holds[ \t]+talks|has[ \t]+been[ \t]+in[ \t]+(?:bilateral[ \t]+)?(?:talks|meetings))\b"
)
_SAID_BEFORE = re.compile(r"(?:said|says|added|told\s+reporters)")
# What a government or an era named after its leader is called, right after the name.
_EPONYM_AFTER = re.compile(
    r"(?:'s|\u2019s)?[ \t]+(?:administration|government|regime|presidency|cabinet)\b"
)
# Relatives named after the person they belong to: "his wife Michelle", "their daughters,
# Malia and Sasha", "Bush's daughter, Barbara" (the recogniser often calls such a first name a
# place).
_NAME_WORDS = r"[A-Z][\w'\u2019-]+(?:[ \t]+[A-Z][\w'\u2019-]+){0,2}"
_RELATIVES = re.compile(
    r"\b(?:his|her|their|[A-Z][\w-]*(?:'s|\u2019s))[ \t]+(?:wife|husband|spouse|daughters?|sons?"
    r"|children|mother|father|brother|sister|widow|grandson|granddaughter)[ \t]*,?[ \t]+"
    rf"(?P<names>{_NAME_WORDS}(?:[ \t]*,[ \t]*{_NAME_WORDS})*(?:,?[ \t]+and[ \t]+{_NAME_WORDS})?)"
)
_ONE_NAME = re.compile(_NAME_WORDS)
# ", speaker of ...", ", the Lebanese foreign minister": an office right after a name, in
# apposition (at most two words between the comma and the office).
_APPOSED_OFFICE = re.compile(
    r",[ \t]+(?:(?:the|a|an|then|former)[ \t]+)?"
    r"(?:(?!(?:which|whose|who|where|and|or|its|their|with|to|for)\b)[A-Za-z][\w-]*[ \t]+){0,2}?"
    r"(?:"
    + "|".join(re.escape(t).replace(r"\ ", r"[ \t]+") for t in title_surfaces())
    + r")\b(?!(?-i:[ \t]+[A-Z][a-z]))",  # ", Prime Minister Madbouli" opens the next name
    re.IGNORECASE,
)
_POSSESSIVE_AFTER = re.compile(r"(?:'s|\u2019s)\b")


def _never_in_a_name(word: str) -> bool:
    """Whether ``word`` is one of a place, a body, an office or a title: never a name's."""
    return (
        word.lower() in _PLACE_OR_BODY_HEADS
        or word in _OFFICE_WORDS
        or word in _NOT_NAME_WORDS
        or word in _TITLE_WORDS
    )


def _office_or_place_word(word: str, known: Reference | None) -> bool:
    """Whether ``word``, right before a name, ends what comes before the name rather than
    starting it: an office's word, a title, a form of address, or an actor the reference
    knows ("Libya's Presidential Council Mohamed al-Menfi", "the King's Chamberlain Brahim
    Frej")."""
    return (
        word in _OFFICE_WORDS
        or canonical_title(word).title is not None
        or _NAME_PREFIX.match(word + " ") is not None
        or (known is not None and known.lookup(word) is not None)
    )


def _left_out_first_name(text: str, left: re.Match[str], known: Reference | None) -> bool:
    """Whether the word before a recognised name is a first name the recogniser left out."""
    word = left.group(1)
    return (
        word not in NAME_STOPWORDS
        # ("Minister for Police Nixon Duban": the portfolio ends before him)
        and word.lower() not in ORG_WORDS
        and not _office_or_place_word(word, known)
        and left.start() > 0
        and not text[: left.start()].rstrip().endswith((".", "!", "?", "\n"))
    )


def _person_span(
    text: str, start: int, end: int, known: Reference | None = None
) -> tuple[int, int] | None:
    """The name inside a recognised PERSON span: titles and a possessive "'s" trimmed off, and
    a first name the recogniser left out put back ("Prime Minister, Fiame Naomi Mataafa")."""
    # One word put back, or two when the recogniser kept the surname alone ("Samia Suluhu
    # Hassan" recognised as "Hassan"), unless a third capitalised word stands before them (a
    # title's words: "European Parliament Roberta Metsola").
    steps = 2 if " " not in text[start:end].strip() else 1
    for step in range(steps):
        left = _LEFT_WORD.search(text, max(0, start - 30), start)
        if left is None:
            break
        if step == 1 and re.search(
            r"[A-Z][\w'\u2019.-]*[ \t]+$", text[max(0, left.start() - 30) : left.start()]
        ):
            break
        if not _left_out_first_name(text, left, known):
            break
        start = left.start(1)
    surface = text[start:end]
    prefix = _NAME_PREFIX.match(surface)
    if prefix:
        start += prefix.end()
        surface = surface[prefix.end() :]
    tail = _TITLE_TAIL.match(surface)
    if tail is not None and len(surface[tail.end() :].split()) >= 2:
        # "... and Security Policy Josep Borrell", "... Emergency Preparedness Anne McLellan":
        # the last word of a long title the recogniser took for a first name.
        start += tail.end()
        surface = surface[tail.end() :]
    possessive = _POSSESSIVE.search(surface)
    if possessive:
        end -= len(possessive.group())
        surface = surface[: possessive.start()]
    surface = surface.rstrip(" .,;:")
    letters = _POSTNOMINAL.search(surface)
    if letters is not None:
        surface = surface[: letters.start()]  # ("Greg O'Connor MP (Labour)")
    end = start + len(surface)
    honorific = _HONORIFIC.match(surface)
    if honorific is not None and len(surface[honorific.end() :].split()) < 2:
        # "Seyyed Abbas Araghchi": the recogniser may stop at the given name after an
        # honorific; the surname that follows is part of the name.
        after = re.match(r" ([A-Z][\w'\u2019-]+)(?=[\s,.;:]|$)", text[end : end + 40])
        if (
            after is not None
            and after.group(1) not in NAME_STOPWORDS
            and (known is None or known.lookup(after.group(1)) is None)
        ):
            end += after.end()
            surface = text[start:end]
    if not surface or any(ch.isdigit() for ch in surface) or "\n" in surface:
        return None
    if surface.isupper() or not surface[:1].isupper():
        return None
    words = surface.split()
    if words[-1].lower() in _PLACE_OR_BODY_HEADS or words[0] in _NOT_PERSON_FIRST_WORDS:
        return None  # "Red Crescent Society", "Aguda House", "Cyclone Gabrielle"
    if _AT_A_PLACE.search(text, max(0, start - 40), start) and not _POSSESSIVE_AFTER.match(
        text, end
    ):
        return None  # "at Rome's Palazzo Chigi", "in capital Bandar Seri Begawan"
    verb = HEADLINE_VERB.search(surface)
    if verb is not None:
        # "Von der Leyen Congratulates": a subheading's name and its verb
        surface = surface[: verb.start()]
        end = start + len(surface)
        if " " not in surface.strip():
            return None
    return start, end


def _org_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The organisation's name inside a recognised ORG span, or None for what is not one
    (a platform, a lone title word, a stray lower-case span)."""
    surface = text[start:end]
    if surface.startswith(("the ", "The ")):
        start += 4
        surface = surface[4:]
    possessive = _POSSESSIVE.search(surface)
    if possessive:
        surface = surface[: possessive.start()]
    # (a bracket the recogniser took in before the initials: "Congress of Democrats (")
    surface = surface.rstrip(" .,;:([")
    end = start + len(surface)
    if len(surface) < 2 or surface in _PLATFORMS or "\n" in surface:
        return None
    if _DOCUMENT_NAME.fullmatch(surface):
        return None  # "presented his Letter of Credence": a document, no body
    if surface.split()[-1].lower() in ("delegation", "delegations"):
        return None  # "The Official Delegation also met ...": its head's, not a body
    at_line_start = start == 0 or text[start - 1] == "\n"
    if surface.isupper() and at_line_start and _WIRE_DATELINE.match(text, start):
        return None  # "CARACAS, Venezuela —": the wire's place, not an organisation
    if HEADLINE_VERB.search(surface):
        return None  # "Von der Leyen Congratulates": a subheading, no organisation
    if _NAME_PREFIX.match(surface) or canonical_title(surface.split()[0]).title:
        return None  # "the Minister of Foreign Affairs of NZ" is a person, unnamed
    if "/" in surface and any(canonical_title(part.split()[0]).title for part in
                              surface.split("/")[1:] if part.split()):  # fmt: skip
        return None  # "State Councilor/Minister of Foreign Affairs": two titles of one person
    if not surface[:1].isupper() or any(ch.isdigit() for ch in surface):
        return None
    if " " not in surface and not surface.isupper():
        return None  # "State", "Parliament": a word, rarely an organisation's whole name
    if surface.split()[-1].lower() in _BODY_FOR_WORDS:
        # "the Tony Blair Institute" + "for Good Governance": the recogniser stopped before
        # what the body is for, and took that for a person
        purpose = _BODY_PURPOSE.match(text, end)
        if purpose is not None:
            end = purpose.end()
    return start, end


_BODY_FOR_WORDS = ORG_WORDS | word_set("centre center foundation institution trust initiative")
_BODY_PURPOSE = re.compile(
    r"\s+for\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+(?:and|of|the|[A-Z][\w'\u2019-]*))*"
    r"(?<!\sand)(?<!\sof)(?<!\sthe)"
)


# "Telephone conversation between M. Nicolas Sarkozy, President of the Republic, and Mr Barack
# Obama": a communique's headline names people by their form of address, not their office.
# (with the French forms, which a body in English rarely uses: "M." there may be an initial)
_HEADLINE_ADDRESSED = re.compile(
    rf"\b(?:{_FORMS_OF_ADDRESS}|Mme|M(?=\.))\.?\s+(?P<name>[\u2018\u02bb]?{NAME})"
)


def introduce_headline_names(headline: str, body: str, book: ActorBook) -> None:
    """People a headline names in full after their office ("Need to maintain stability in
    SADC - President Edgar Lungu") whom the body names only in part ("President Lungu",
    "President Edgar"): known before the body is read, they are one person there. Only names
    whose surname the body has too, and none of a title-case headline's verbs ("President
    Lungu Meets Mugabe"); and those it names by a form of address ("M. Nicolas Sarkozy")."""
    found = [
        *book.reference.titled_name_re.finditer(headline),
        *_HEADLINE_ADDRESSED.finditer(headline),
    ]
    for m in found:
        name = _POSSESSIVE.sub("", m.group("name").strip())
        words = name.split()
        # ("... Minister Seiji Maehara Before Their Meeting": a title-case headline runs on
        # after the name)
        cut = next((i for i, w in enumerate(words) if w in NAME_STOPWORDS), len(words))
        words = words[:cut]
        name = " ".join(words)
        if not 2 <= len(words) <= 4 or book.reference.lookup(name) is not None:
            continue
        if book.person(name) is not None:
            continue
        if any(HEADLINE_VERB.fullmatch(" " + w) for w in words):
            continue
        longer = re.search(rf"\b([A-Z][\w'\u2019-]*)\s+{re.escape(name)}\b", body)
        if longer is not None and canonical_title(longer.group(1)).title is None:
            continue  # the body gives a longer name ("Hossein Amir Abdollahian"): its own
        surname = re.escape(words[-1])
        # (or in capitals, as a transcript labels its speakers: "FOREIGN MINISTER MAEHARA:")
        if re.search(rf"\b(?:{surname}|{surname.upper()})\b", body):
            book.introduce(name)


def within_paragraphs(regex: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of ``regex`` in ``text`` that stay inside one paragraph. A match running
    over a paragraph's end (a title closing one, "Mexico's Secretary of Economy", and a name
    opening the next) is tried again from the next paragraph, where one of its own may start."""
    pos = 0
    while (m := regex.search(text, pos)) is not None:
        cut = m.group().find("\n\n")
        if cut == -1:
            yield m
            pos = max(m.end(), pos + 1)
        else:
            pos = m.start() + cut + 2


def find_mentions(
    text: str,
    book: ActorBook,
    entities: Iterable[Entity] = (),
    *,
    introduce: bool = True,
    titled: Sequence[re.Match[str]] | None = None,
) -> list[Mention]:
    """Every actor mention in ``text``, in text order, registering actors and roles in
    ``book``. ``entities`` are the statistical recogniser's spans over the same text. With
    ``introduce`` off (a headline, whose capitalised words are not names), only actors already
    known are found."""
    finder = _Finder(text, book, entities)
    finder.introducing = introduce
    finder.titled_names(titled)
    finder.ministers_of()
    finder.offices()
    finder.surfaces()
    finder.listed_names()
    # ("the Honourable Mary Ng ... Minister Ng said": a whole name after a form of address
    # is read before a surname alone is)
    finder.addressed(whole_names=True)
    finder.speakers()
    finder.country_possessives()
    finder.given_names()
    finder.named_before_office()
    finder.bracketed_given_names()
    finder.named_entities()
    finder.relatives()
    finder.paired_by_country()
    finder.introduced()
    finder.pronoun_surnames()
    finder.misspelt()
    finder.addressed()
    finder.titled_singles()
    # ("President Ruto met ... . Ruto expressed ...": a name first met after a title, late in
    # the passes, names the person wherever else it stands too)
    finder.introduced()
    # "his visiting Zambian counterpart Edgar Lungu" makes Lungu Zambia's before "the Zambian
    # leader" is looked up; the pass runs again after role nouns, which add people to it.
    finder.mentions.sort(key=lambda m: (m.start, m.end))
    finder.counterpart_roles()
    finder.offices_of_bodies()
    finder.role_nouns()
    finder.royal_styles()
    finder.chiefs_of_bodies()
    finder.mentions.sort(key=lambda m: (m.start, m.end))
    finder.counterpart_roles()
    return sorted(finder.mentions, key=lambda m: (m.start, m.end))
