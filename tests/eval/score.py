"""Score the extractor against the hand-made gold facts of tests/eval (see README.md there).

Matching is deliberately independent of the extractor's own name handling, so the two cannot
share a bug: names are compared after folding accents, case and punctuation; a person matches
when any of the extracted actor's forms equals any gold form, or when two full names share a
surname and their given names are spellings of one another.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
from rapidfuzz import fuzz

from newsgraph.ingest.model import ActorFact, ActorKind, ExtractedArticle

__all__ = [
    "EVAL_DIR",
    "ArticleScore",
    "Gold",
    "GoldError",
    "Tally",
    "load_gold",
    "score_article",
]

EVAL_DIR = Path(__file__).resolve().parent

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """'Bhutto-Zardari's' -> 'bhutto zardari s'; accents folded, a curly apostrophe as a
    straight one (not dropped: "Mexico\u2019s" is "mexico s", as "Mexico's" is)."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return _NOT_WORD.sub(" ", text.lower()).strip()


def _name_forms(name: str, also: Iterable[str] = ()) -> set[str]:
    forms = {fold(name), *(fold(a) for a in also)}
    return {f for f in forms if f}


_TITLE_WORDS = {
    "mr", "mrs", "ms", "dr", "sir", "sheikh", "prince", "king", "queen", "emir", "lord", "lady",
    "seyyed", "sayyid", "hon", "honourable", "honorable", "h", "e", "sultan", "amir", "hh",
    "hrh",
}  # fmt: skip
_SUFFIXES = {"jr", "sr", "ii", "iii"}  # "Surangel S Whipps, Jr": not a surname


def _given_compatible(a: str, b: str) -> bool:
    if a == b or a.startswith(b) or b.startswith(a):
        return True  # "S" / "Subrahmanyam", "Mohammed" / "Mohammad"? no: startswith covers S.
    return fuzz.ratio(a, b) >= 75


def same_person(forms_a: set[str], forms_b: set[str]) -> bool:
    if forms_a & forms_b:
        return True
    for a in forms_a:
        wa = [w for w in a.split() if w not in _TITLE_WORDS]
        for b in forms_b:
            wb = [w for w in b.split() if w not in _TITLE_WORDS]
            wa = wa[:-1] if len(wa) >= 3 and wa[-1] in _SUFFIXES else wa
            wb = wb[:-1] if len(wb) >= 3 and wb[-1] in _SUFFIXES else wb
            if len(wa) < 2 or len(wb) < 2:
                continue
            if (wa[-1] == wb[-1] or fuzz.ratio(wa[-1], wb[-1]) >= 85) and _given_compatible(
                wa[0], wb[0]
            ):
                return True
    return False


def iso_of(name: str, iso: str | None = None) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country actor (its own, or looked up by name)."""
    if iso:
        return iso.upper()
    try:
        return str(pycountry.countries.lookup(name).alpha_2)
    except LookupError:
        pass
    try:
        found = pycountry.countries.search_fuzzy(name)
    except LookupError:
        return None
    return str(found[0].alpha_2) if found else None


def _demonyms() -> dict[str, str]:
    """'ugandan' -> 'uganda', from the reference's countries (read once)."""
    path = Path(__file__).resolve().parents[2] / "data" / "reference" / "countries.toml"
    with path.open("rb") as fh:
        countries = tomllib.load(fh).get("country", [])
    return {
        fold(d): fold(c["name"])
        for c in countries for d in c.get("demonyms", [])
    }  # fmt: skip


_DEMONYMS = _demonyms()
_COUNTRY_NAMES = frozenset(_DEMONYMS.values())
# One office, several wordings: "Ministry of Foreign Affairs" / "foreign ministry",
# "presidential office" / "presidency" / "office of the president".
_OFFICE_FORMS = (
    (
        re.compile(
            r"\bministry of foreign affairs\b|\bforeign affairs ministry\b"
            r"|\bdepartment of foreign affairs\b|\bforeign affairs department\b"
        ),
        "foreign ministry",
    ),
    (
        re.compile(
            r"\bpresidential office\b|\boffice of the president\b|\bpresidency\b"
            r"|\bpresident office\b|\bstate house\b"
        ),
        "presidency",
    ),
    (re.compile(r"\bprime minister (?:s )?office\b|\boffice of the prime minister\b"), "pmo"),
    (re.compile(r"\bdowning street\b"), "united kingdom pmo"),
    # (the seats that name a president's office)
    (re.compile(r"\bwhite house\b"), "united states presidency"),
    (re.compile(r"\bkremlin\b"), "russia presidency"),
    (re.compile(r"\belysee(?: palace)?\b"), "france presidency"),
)
_OFFICES = frozenset(form for _, form in _OFFICE_FORMS)


def _office_key(name: str) -> str:
    """An organisation's name with its country and office words in one form each."""
    words = [_DEMONYMS.get(w, w) for w in fold(name).split() if w not in ("the", "s")]
    text = " ".join(words)
    for pattern, form in _OFFICE_FORMS:
        text = pattern.sub(form, text)
    # "foreign ministry of iraq" is "iraq foreign ministry"
    of_country = re.fullmatch(r"(.+?) of (.+)", text)
    if of_country is not None and of_country.group(2) in _COUNTRY_NAMES:
        text = f"{of_country.group(2)} {of_country.group(1)}"
    return text


def same_org(a: str, b: str) -> bool:
    ka, kb = _office_key(a), _office_key(b)
    if ka == kb:
        return True  # "Ugandan Foreign Ministry" / "Uganda's Ministry of Foreign Affairs"
    # An office named without its country is that office of the country the other names:
    # "the Foreign Ministry" / "Peru's Ministry of Foreign Affairs".
    if (ka in _OFFICES and kb.endswith(f" {ka}")) or (kb in _OFFICES and ka.endswith(f" {kb}")):
        return True
    fa, fb = fold(a), fold(b)
    fa = re.sub(r"^the ", "", fa)
    fb = re.sub(r"^the ", "", fb)
    if not fa or not fb:
        return False
    # (whole words only: "eu" is no part of "european commission")
    inside = re.search(rf"\b{re.escape(fa)}\b", fb) or re.search(rf"\b{re.escape(fb)}\b", fa)
    return (
        fa == fb
        or inside is not None
        or _initials_of(a, b)
        or _initials_of(b, a)
        or fuzz.token_set_ratio(fa, fb) >= 90
    )


def _initials_of(short: str, long: str) -> bool:
    """Whether ``short`` is the initials of ``long``: "UN" of "United Nations", "AU" of
    "the African Union" (not "EU" of "European Commission")."""
    letters = re.sub(r"[^A-Za-z]", "", short)
    if not (2 <= len(letters) <= 6 and letters.isupper()):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'\u2019-]*", long) if w.lower() not in _LINKING]
    return len(words) == len(letters) and all(
        w[0].upper() == c for w, c in zip(words, letters, strict=True)
    )


_LINKING = frozenset({"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le"})


# -- gold ------------------------------------------------------------------------------------
@dataclass
class GoldPerson:
    name: str
    forms: set[str]


@dataclass
class GoldMeeting:
    participants: list[str]
    date: dt.date | None
    mode: str | None
    status: str | None
    evidence: str


@dataclass
class GoldStatement:
    speaker: str
    starts: str
    kind: str | None
    date: dt.date | None


@dataclass
class Gold:
    id: str
    split: str
    region: str
    outlet: str
    year: int | None
    people: list[GoldPerson]
    countries: set[str]
    organizations: list[str]
    meetings: list[GoldMeeting]
    statements: list[GoldStatement]

    def entity(self, label: str) -> str:
        """A gold participant or speaker as a key: 'person:<name>', 'country:XX', 'org:<name>'."""
        for person in self.people:
            if person.name == label:
                return f"person:{person.name}"
        # (an organisation the gold lists by two letters, "EU" or "UN", is no country code)
        if re.fullmatch(r"[A-Z]{2}", label) and label not in self.organizations:
            return f"country:{label}"
        return f"org:{label}"


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


_FIELDS = {
    "": {"split", "region", "outlet", "year", "countries", "organizations", "person", "meeting",
         "statement"},
    "person": {"name", "also"},
    "meeting": {"participants", "date", "mode", "status", "evidence"},
    "statement": {"speaker", "starts", "kind", "medium", "date"},
}  # fmt: skip


class GoldError(ValueError):
    """A gold file that does not follow tests/eval/README.md."""


def _check(path: Path, raw: dict[str, Any]) -> None:
    unknown = set(raw) - _FIELDS[""]
    if unknown:
        raise GoldError(f"{path}: unknown top-level key(s) {sorted(unknown)}")
    for table in ("person", "meeting", "statement"):
        for index, entry in enumerate(raw.get(table, []), start=1):
            extra = set(entry) - _FIELDS[table]
            if extra:
                # Usually a plain key written after a [[table]] header, which TOML puts inside.
                raise GoldError(f"{path}: [[{table}]] #{index} has unknown key(s) {sorted(extra)}")


def load_gold(path: Path) -> Gold:
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    _check(path, raw)
    people = [
        GoldPerson(p["name"], _name_forms(p["name"], p.get("also", [])))
        for p in raw.get("person", [])
    ]
    return Gold(
        id=path.stem,
        split=str(raw.get("split", "dev")),
        region=str(raw.get("region", "")),
        outlet=str(raw.get("outlet", "")),
        year=raw.get("year"),
        people=people,
        countries={c.upper() for c in raw.get("countries", [])},
        organizations=list(raw.get("organizations", [])),
        meetings=[
            GoldMeeting(
                list(m["participants"]),
                _date(m.get("date")),
                m.get("mode"),
                m.get("status"),
                str(m.get("evidence", "")),
            )
            for m in raw.get("meeting", [])
        ],
        statements=[
            GoldStatement(s["speaker"], s["starts"], s.get("kind"), _date(s.get("date")))
            for s in raw.get("statement", [])
        ],
    )


# -- scoring ---------------------------------------------------------------------------------
@dataclass
class Tally:
    """True positives, gold total and extracted total of one fact type."""

    tp_recall: int = 0
    gold: int = 0
    tp_precision: int = 0
    extracted: int = 0

    def add(self, other: Tally) -> None:
        self.tp_recall += other.tp_recall
        self.gold += other.gold
        self.tp_precision += other.tp_precision
        self.extracted += other.extracted

    @property
    def recall(self) -> float:
        return self.tp_recall / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.tp_precision / self.extracted if self.extracted else 1.0


KINDS = ("people", "countries", "organizations", "meetings", "meetings_dated", "statements")


@dataclass
class ArticleScore:
    id: str
    split: str
    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in KINDS})
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)


def _actors(articles: Sequence[ExtractedArticle]) -> dict[str, ActorFact]:
    found: dict[str, ActorFact] = {}
    for article in articles:
        for actor in article.actors:
            found.setdefault(actor.name, actor)
    return found


def _mentioned(articles: Sequence[ExtractedArticle]) -> set[str]:
    """Actors the article itself names: mentions, participants, speakers (not the actors only
    reached through a role, nor the publisher)."""
    names: set[str] = set()
    for article in articles:
        names.update(article.mentions)
        for meeting in article.meetings:
            names.update(p.actor for p in meeting.participants)
        for statement in article.statements:
            names.add(statement.speaker)
            names.update(statement.mentions)
    return names


class _Mapper:
    """Extracted actor names -> gold entity keys."""

    def __init__(self, gold: Gold, actors: dict[str, ActorFact]) -> None:
        self.gold = gold
        self.actors = actors
        # A speaker or participant the gold names as an organisation without listing it
        # ("Downing Street" said ...) is still one: listed names first, then these.
        named = [s.speaker for s in gold.statements]
        named += [p for m in gold.meetings for p in m.participants]
        self.organizations = list(gold.organizations)
        for label in named:
            if label not in self.organizations and gold.entity(label).startswith("org:"):
                self.organizations.append(label)

    def key(self, name: str) -> str | None:
        actor = self.actors.get(name)
        kind = actor.kind if actor else None
        if kind is ActorKind.COUNTRY:
            code = iso_of(name, getattr(actor, "iso_code", None))
            return f"country:{code}" if code else None
        forms = _name_forms(name, actor.aliases if actor else ())
        if kind in (None, ActorKind.PERSON):
            # An exact form first: "Sabah Al-Khaled Al-Hamad Al-Sabah" is not the first gold
            # Sabah ... Al-Sabah a looser match would take.
            for person in self.gold.people:
                if forms & person.forms:
                    return f"person:{person.name}"
            for person in self.gold.people:
                if same_person(forms, person.forms):
                    return f"person:{person.name}"
        names = (name, *(actor.aliases if actor else ()))
        # The organisation of the same name first, then one a looser match takes: "Kremlin"
        # is the gold's "Kremlin", not its "Presidency" (South Africa's), which a bare office
        # word would match.
        keys = {_office_key(f) for f in names}
        for org in self.organizations:
            if _office_key(org) in keys:
                return f"org:{org}"
        for org in self.organizations:
            if any(same_org(f, org) for f in names):
                return f"org:{org}"
        if kind is ActorKind.ORGANIZATION:
            # A country's government speaking for it ("the Fijian Government") is the country
            # where the gold names the country; a ministry is not.
            government = re.fullmatch(r"(.+) government", _office_key(name))
            if government is not None:
                code = iso_of(government.group(1))
                if code is not None:
                    return f"country:{code}"
            return None
        return None


def _words(text: str) -> list[str]:
    return fold(text).split()


# ", Downing Street said," or ", according to the ministry," inside a gold start: the
# attribution, not what was said.
_INSERTED = re.compile(
    r",\s+(?:[^,]{1,60}?\b(?:said|says|added|noted|stressed|told\s+\w+)"
    r"|according\s+to\s+[^,]{1,60})(?:,\s*|\s*$)"
)


def _text_matches(starts: str, text: str) -> bool:
    head = _words(_INSERTED.sub(" ", starts))[:6]
    body = _words(text)
    if not head or not body:
        return False
    needle = " ".join(head)
    hay = " ".join(body)
    if needle in hay:
        return True
    return fuzz.partial_ratio(needle, hay) >= 85


def score_article(gold: Gold, articles: Sequence[ExtractedArticle]) -> ArticleScore:
    score = ArticleScore(gold.id, gold.split)
    actors = _actors(articles)
    named = _mentioned(articles)
    mapper = _Mapper(gold, actors)
    t = score.tallies

    # People: every person actor the article names.
    persons = [a for n, a in actors.items() if a.kind is ActorKind.PERSON and n in named]
    found_people: set[str] = set()
    for actor in persons:
        key = mapper.key(actor.name)
        t["people"].extracted += 1
        if key is not None and key.startswith("person:"):
            t["people"].tp_precision += 1
            found_people.add(key)
        else:
            score.extras.append(f"person {actor.name!r}")
    for person in gold.people:
        t["people"].gold += 1
        if f"person:{person.name}" in found_people:
            t["people"].tp_recall += 1
        else:
            score.misses.append(f"person {person.name!r}")

    # Countries, by ISO code, whether named, qualified ("Kenyan") or taking part.
    codes = {
        code
        for n, a in actors.items()
        if a.kind is ActorKind.COUNTRY
        and n in named
        and (code := iso_of(n, getattr(a, "iso_code", None)))
    }
    t["countries"].gold = len(gold.countries)
    t["countries"].tp_recall = len(gold.countries & codes)
    t["countries"].extracted = len(codes)
    t["countries"].tp_precision = len(codes & gold.countries)
    score.misses += [f"country {c}" for c in sorted(gold.countries - codes)]
    score.extras += [f"country {c}" for c in sorted(codes - gold.countries)]

    # Organisations (reported, no target).
    orgs = [a.name for n, a in actors.items() if a.kind is ActorKind.ORGANIZATION and n in named]
    t["organizations"].gold = len(gold.organizations)
    t["organizations"].tp_recall = sum(
        1 for g in gold.organizations if any(same_org(g, o) for o in orgs)
    )
    t["organizations"].extracted = len(orgs)
    t["organizations"].tp_precision = sum(
        1 for o in orgs if any(same_org(g, o) for g in gold.organizations)
    )

    # Meetings: found when the extracted participants include the gold ones (two of them when
    # the gold meeting has more than two).
    extracted_meetings = [m for a in articles for m in a.meetings]
    keyed = [
        ({k for p in m.participants if (k := mapper.key(p.actor)) is not None}, m)
        for m in extracted_meetings
    ]
    used: set[int] = set()
    for gm in gold.meetings:
        wanted = {gold.entity(p) for p in gm.participants}
        need = min(2, len(wanted))
        t["meetings"].gold += 1
        t["meetings_dated"].gold += 1
        candidates = [i for i, (keys, _m) in enumerate(keyed) if len(keys & wanted) >= need]
        if not candidates:
            score.misses.append(f"meeting {' + '.join(gm.participants)} ({gm.evidence[:70]!r})")
            continue
        t["meetings"].tp_recall += 1
        dated = [i for i in candidates if keyed[i][1].date == gm.date]
        if dated:
            t["meetings_dated"].tp_recall += 1
            used.add(dated[0])
        else:
            got = ", ".join(str(keyed[i][1].date) for i in candidates)
            score.misses.append(
                f"meeting date {' + '.join(gm.participants)}: want {gm.date}, got {got}"
            )
            used.add(candidates[0])
    for i, (keys, m) in enumerate(keyed):
        t["meetings"].extracted += 1
        t["meetings_dated"].extracted += 1
        matches = any(
            len(keys & {gold.entity(p) for p in gm.participants}) >= min(2, len(gm.participants))
            for gm in gold.meetings
        )
        if matches:
            t["meetings"].tp_precision += 1
        if i in used or (matches and any(m.date == gm.date for gm in gold.meetings)):
            t["meetings_dated"].tp_precision += 1
        if not matches:
            names = " + ".join(p.actor for p in m.participants)
            score.extras.append(f"meeting {names} on {m.date} ({m.excerpt[:70]!r})")

    # Statements: the right speaker and the gold words among the extracted text.
    extracted_statements = [s for a in articles for s in a.statements]
    for gs in gold.statements:
        t["statements"].gold += 1
        speaker = gold.entity(gs.speaker)
        hit = any(
            mapper.key(s.speaker) == speaker and _text_matches(gs.starts, s.text)
            for s in extracted_statements
        )
        if hit:
            t["statements"].tp_recall += 1
        else:
            wrong = [s.speaker for s in extracted_statements if _text_matches(gs.starts, s.text)]
            said = f" (given to {', '.join(wrong)})" if wrong else ""
            score.misses.append(f"statement {gs.speaker}: {gs.starts!r}{said}")
    for s in extracted_statements:
        t["statements"].extracted += 1
        key = mapper.key(s.speaker)
        ok = any(
            key == gold.entity(gs.speaker) and _text_matches(gs.starts, s.text)
            for gs in gold.statements
        )
        if ok:
            t["statements"].tp_precision += 1
        else:
            score.extras.append(f"statement {s.speaker}: {s.text[:70]!r}")
    return score
