"""Reference data: the known actors and the topic taxonomy, loaded once and compiled into the
patterns every extraction reuses.

The files are plain TOML under ``data/reference`` so a person can read and extend them; a
``Reference`` is frozen and holds only compiled, read-only state, so one instance serves any
number of articles (and threads).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlparse

from rapidfuzz import fuzz

from newsgraph.ingest.extract.patterns import CHINESE_HE, NAME, alternation
from newsgraph.ingest.extract.titles import ABBREVIATED_TITLES, TITLE_MODIFIERS, title_surfaces
from newsgraph.ingest.model import ActorKind

__all__ = [
    "OFFICES",
    "STATE_FORM",
    "ActorRef",
    "Reference",
    "ReferenceDataError",
    "RoleRef",
    "TopicRef",
    "default_reference_dir",
    "load_reference",
    "office_name",
]

ENV_VAR = "NEWSGRAPH_REFERENCE_DIR"


class ReferenceDataError(ValueError):
    """A reference file is missing or malformed; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class RoleRef:
    title: str
    of: str | None


@dataclass(frozen=True, slots=True)
class ActorRef:
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    description: str | None = None
    roles: tuple[RoleRef, ...] = ()
    demonyms: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    leader: str | None = None
    iso: str | None = None
    """A country's ISO 3166-1 alpha-2 code."""

    @property
    def short_name(self) -> str:
        """How a headline names the actor: the shortest alias that is part of a person's name
        ("von der Leyen", "Xi"), else the last word of it; the name of anything else."""
        if self.kind is not ActorKind.PERSON:
            return self.name
        words = f" {self.name} "
        parts = [a for a in self.aliases if f" {a} " in words and a[:1].isalpha()]
        return min(parts, key=len) if parts else self.name.split()[-1]


@dataclass(frozen=True, slots=True)
class TopicRef:
    name: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Reference:
    """Known actors and topics with their precompiled patterns. Build with ``load_reference``."""

    actors: Mapping[str, ActorRef]
    topics: tuple[TopicRef, ...]
    surfaces: Mapping[str, str] = field(repr=False)
    """Every exact surface form (name, alias, demonym, metonym) to the actor's canonical name."""
    surface_re: re.Pattern[str] = field(repr=False)
    titled_name_re: re.Pattern[str] = field(repr=False)
    """"Finnish President Alexander Stubb", "Prime Minister of the Netherlands Dick Schoof"."""
    appositive_re: re.Pattern[str] = field(repr=False)
    """"Hakan Fidan, Turkey's foreign minister," — a name followed by its title."""
    title_appositive_re: re.Pattern[str] = field(repr=False)
    """"the President of Ghana, Nana Akufo-Addo," — a title followed by its name."""
    role_noun_re: re.Pattern[str] = field(repr=False)
    """"the Dutch Prime Minister", "the Ukrainian leader", "the president"."""
    first_title_re: re.Pattern[str] = field(repr=False)
    """"Qatar's Deputy Prime Minister and " before "Foreign Minister Mohammed Al Thani": the
    first of two titles a name holds, ending where the second begins."""
    office_re: re.Pattern[str] = field(repr=False)
    """"Egypt's foreign ministry", "the Kenyan government", "the Turkish presidency"."""
    topic_re: re.Pattern[str] = field(repr=False)
    topic_groups: Mapping[str, str] = field(repr=False)
    domains: Mapping[str, str] = field(repr=False)
    source: Path | None = None
    roles_as_of: dt.date | None = None
    """The day the actors' roles were last checked: who held an office before it may differ."""

    def roles_hold_on(self, day: dt.date | None) -> bool:
        """Whether the reference's office holders can be assumed on ``day`` (a year's slack:
        the curated roles are recent). Not for an undated article: "the Polish president" of
        a page from 2006 that gives no date is not today's."""
        if self.roles_as_of is None:
            return True
        if day is None:
            return False
        return day >= self.roles_as_of - dt.timedelta(days=365)

    def actor(self, name: str) -> ActorRef | None:
        return self.actors.get(name)

    def lookup(self, surface: str) -> ActorRef | None:
        """The actor a surface form names exactly ("Zelenskyy", "Dutch", "the Kremlin")."""
        name = self.surfaces.get(surface.strip())
        if name is None and surface.startswith(("the ", "The ")):
            name = self.surfaces.get(surface[4:].strip())
        return self.actors[name] if name else None

    def holders(self, title: str, of: str | None) -> list[str]:
        """Known people holding ``title`` (of ``of`` when given)."""
        return [
            a.name
            for a in self.actors.values()
            if any(r.title == title and (of is None or r.of == of) for r in a.roles)
        ]

    def person_named(self, full_name: str) -> ActorRef | None:
        """The known person a full name refers to, tolerating transliteration of the first name
        ("Sergei Lavrov", "Andriy Sybiha") but not a relative ("Melania Trump")."""
        known = self.lookup(full_name)
        if known is not None:
            return known if known.kind is ActorKind.PERSON else None
        words = full_name.split()
        if len(words) < 2:
            return None
        candidate = self.lookup(words[-1])
        if candidate is None or candidate.kind is not ActorKind.PERSON:
            return None
        given = words[0].lower()
        known_given = {
            n.split()[0].lower() for n in (candidate.name, *candidate.aliases) if " " in n
        }
        for other in known_given:
            if given.startswith(other) or other.startswith(given):
                return candidate
            if fuzz.ratio(given, other) >= 70:
                return candidate
        return None

    def publisher_for_url(self, url: str | None) -> str | None:
        if not url:
            return None
        host = (urlparse(url).hostname or "").lower()
        while host:
            if host in self.domains:
                return self.domains[host]
            _, _, host = host.partition(".")
        return None


# How news names a government body, and the name newsgraph gives it after the country's
# adjective: "Egypt's ministry of foreign affairs" -> "Egyptian Foreign Ministry".
OFFICES: dict[str, str] = {
    "foreign ministry": "Foreign Ministry",
    "ministry of foreign affairs": "Foreign Ministry",
    "foreign affairs ministry": "Foreign Ministry",
    "ministry of external affairs": "Foreign Ministry",
    "external affairs ministry": "Foreign Ministry",
    "foreign office": "Foreign Ministry",
    "defense ministry": "Defense Ministry",
    "defence ministry": "Defense Ministry",
    "ministry of defense": "Defense Ministry",
    "ministry of defence": "Defense Ministry",
    "interior ministry": "Interior Ministry",
    "finance ministry": "Finance Ministry",
    "trade ministry": "Trade Ministry",
    "health ministry": "Health Ministry",
    "government": "Government",
    "presidency": "Presidency",
    "presidential office": "Presidency",
    "president's office": "Presidency",
    "president\u2019s office": "Presidency",
    "prime minister's office": "Prime Minister's Office",
    "prime minister\u2019s office": "Prime Minister's Office",
    "department of foreign affairs": "Foreign Ministry",
    "foreign affairs department": "Foreign Ministry",
    "state house": "Presidency",
    "embassy": "Embassy",
    "cabinet": "Cabinet",
}


def office_name(country: ActorRef, office: str) -> str:
    """ "Egyptian Foreign Ministry", "Kenyan Government": the country's adjective and the
    office's own name."""
    canonical = OFFICES.get(" ".join(office.lower().split()), office.title())
    adjective = country.demonyms[0] if country.demonyms else country.name
    if adjective == f"{country.name}er":
        # "New Zealander": a noun for the people; the country's name is the adjective ("New
        # Zealand Government").
        adjective = country.name
    return f"{adjective} {canonical}"


def default_reference_dir() -> Path:
    """``$NEWSGRAPH_REFERENCE_DIR`` if set, else ``data/reference`` in the repository that holds
    the package (the package's parent directory)."""
    override = os.environ.get(ENV_VAR)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[3] / "data" / "reference"


def load_reference(directory: Path | None = None) -> Reference:
    """Read ``actors.toml``, ``countries.toml`` and ``topics.toml`` from ``directory`` and
    compile their patterns."""
    directory = Path(directory) if directory is not None else default_reference_dir()
    actors_file = directory / "actors.toml"
    curated = _read_toml(actors_file)
    actors = _load_actors(actors_file, curated)
    as_of = curated.get("roles_as_of")
    if as_of is not None and not isinstance(as_of, dt.date):
        raise ReferenceDataError(f"{actors_file}: `roles_as_of` must be a date (2025-08-23)")
    countries = directory / "countries.toml"
    if countries.exists():
        actors = _with_countries(actors, _load_countries(countries))
    topics = _load_topics(directory / "topics.toml")
    return replace(_compile(actors, topics, directory), roles_as_of=as_of)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ReferenceDataError(f"{path}: reference file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ReferenceDataError(f"{path}: not valid TOML: {exc}") from None


def _strings(path: Path, entry: str, data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ReferenceDataError(f"{path}: {entry}: `{key}` must be a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _optional_str(path: Path, entry: str, data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ReferenceDataError(f"{path}: {entry}: `{key}` must be a string")
    return value.strip() or None if isinstance(value, str) else None


_ACTOR_KEYS = {
    "name", "kind", "aliases", "description", "roles", "demonyms", "metonyms", "domains", "leader"
}  # fmt: skip


def _load_actors(path: Path, data: dict[str, Any]) -> dict[str, ActorRef]:
    raw = data.get("actor", [])
    actors: dict[str, ActorRef] = {}
    for index, data in enumerate(raw):
        entry = f"actor #{index + 1}"
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ReferenceDataError(f"{path}: {entry}: `name` is required")
        entry = f"actor {name!r}"
        unknown = set(data) - _ACTOR_KEYS
        if unknown:
            raise ReferenceDataError(f"{path}: {entry}: unknown field(s) {sorted(unknown)}")
        try:
            kind = ActorKind(str(data.get("kind", "")).upper())
        except ValueError:
            kinds = ", ".join(k.value for k in ActorKind)
            raise ReferenceDataError(f"{path}: {entry}: `kind` must be one of {kinds}") from None
        roles: list[RoleRef] = []
        for role in data.get("roles", []):
            if not isinstance(role, dict) or not isinstance(role.get("title"), str):
                raise ReferenceDataError(f"{path}: {entry}: each role needs a `title`")
            roles.append(RoleRef(role["title"].strip(), _optional_str(path, entry, role, "of")))
        if name in actors:
            raise ReferenceDataError(f"{path}: {entry}: listed twice")
        actors[name] = ActorRef(
            name=name.strip(),
            kind=kind,
            aliases=_strings(path, entry, data, "aliases"),
            description=_optional_str(path, entry, data, "description"),
            roles=tuple(roles),
            demonyms=_strings(path, entry, data, "demonyms"),
            metonyms=_strings(path, entry, data, "metonyms"),
            domains=_strings(path, entry, data, "domains"),
            leader=_optional_str(path, entry, data, "leader"),
        )
    for actor in actors.values():
        for role in actor.roles:
            if role.of is not None and role.of not in actors:
                raise ReferenceDataError(
                    f"{path}: actor {actor.name!r}: role {role.title!r} is of {role.of!r}, "
                    "which is not a listed actor"
                )
        if actor.leader is not None and actor.leader not in actors:
            raise ReferenceDataError(
                f"{path}: actor {actor.name!r}: leader {actor.leader!r} is not a listed actor"
            )
    return actors


_COUNTRY_KEYS = {"iso", "name", "aliases", "demonyms", "metonyms"}


def _load_countries(path: Path) -> list[tuple[ActorRef, tuple[str, ...]]]:
    """Every country of ``countries.toml`` (ISO code, name, other forms, demonyms), checked
    against ISO 3166 so a typo in a code is an error, not a country nobody can find; with the
    names ISO gives it."""
    import pycountry  # only here: the data is big and only reference loading needs it

    raw = _read_toml(path).get("country", [])
    countries: list[tuple[ActorRef, tuple[str, ...]]] = []
    seen: set[str] = set()
    for index, data in enumerate(raw):
        entry = f"country #{index + 1}"
        unknown = set(data) - _COUNTRY_KEYS
        if unknown:
            raise ReferenceDataError(f"{path}: {entry}: unknown field(s) {sorted(unknown)}")
        iso = data.get("iso")
        name = data.get("name")
        if not isinstance(iso, str) or not isinstance(name, str) or not name.strip():
            raise ReferenceDataError(f"{path}: {entry}: `iso` and `name` are required")
        iso = iso.strip().upper()
        official = pycountry.countries.get(alpha_2=iso)
        # XK (Kosovo) is the code in common use, assigned by no ISO list.
        if official is None and iso != "XK":
            raise ReferenceDataError(f"{path}: {entry}: {iso!r} is not an ISO 3166-1 code")
        if iso in seen:
            raise ReferenceDataError(f"{path}: {entry}: {iso!r} listed twice")
        seen.add(iso)
        entry = f"country {name!r}"
        description = getattr(official, "official_name", None) or getattr(official, "name", name)
        country = ActorRef(
            name=name.strip(),
            kind=ActorKind.COUNTRY,
            aliases=_strings(path, entry, data, "aliases"),
            description=f"{description}.",
            demonyms=_strings(path, entry, data, "demonyms"),
            metonyms=_strings(path, entry, data, "metonyms"),
            iso=iso,
        )
        countries.append((country, _iso_names(official)))
    return countries


def _with_countries(
    actors: dict[str, ActorRef], countries: list[tuple[ActorRef, tuple[str, ...]]]
) -> dict[str, ActorRef]:
    """The curated actors plus every country. A country the curated file already lists (by
    name or alias) keeps its curated entry, which gains the ISO code and the forms it lacked;
    a form some other actor already uses stays that actor's."""
    merged = dict(actors)
    # (every form the countries file gives is its country's, before any ISO name: "Congo" is
    # the Democratic Republic's there, though ISO names the Republic so)
    listed = {f for c, _ in countries for f in (c.name, *c.aliases, *c.demonyms, *c.metonyms)}
    taken: dict[str, str] = {}
    for actor in actors.values():
        for surface in (actor.name, *actor.aliases, *actor.demonyms, *actor.metonyms):
            taken.setdefault(surface, actor.name)
    for country, iso_names in countries:
        curated = next(
            (
                actors[taken[form]]
                for form in (country.name, *country.aliases)
                if form in taken and actors[taken[form]].kind is ActorKind.COUNTRY
            ),
            None,
        )
        owner = curated.name if curated is not None else country.name

        def free(forms: tuple[str, ...], owner: str = owner) -> tuple[str, ...]:
            return tuple(f for f in forms if taken.get(f, owner) == owner)

        if curated is not None:
            merged[owner] = replace(
                curated,
                iso=country.iso,
                aliases=_union(curated.aliases, free((country.name, *country.aliases)), owner),
                demonyms=_union(curated.demonyms, free(country.demonyms), owner),
                metonyms=_union(curated.metonyms, free(country.metonyms), owner),
                description=curated.description or country.description,
            )
        elif country.name in taken:
            continue  # the name belongs to another kind of actor: leave the curated one be
        else:
            merged[owner] = replace(
                country,
                aliases=free(country.aliases),
                demonyms=free(country.demonyms),
                metonyms=free(country.metonyms),
            )
        # ISO's own names are forms news writes too ("the President of the United Mexican
        # States", "Socialist Republic of Viet Nam"), where no one else has them.
        merged[owner] = replace(
            merged[owner],
            aliases=_union(
                merged[owner].aliases,
                free(tuple(n for n in iso_names if n not in listed)),
                owner,
            ),
        )
        for surface in (owner, *merged[owner].aliases, *merged[owner].demonyms):
            taken.setdefault(surface, owner)
    return merged


def _iso_names(official: object) -> tuple[str, ...]:
    """A country's ISO 3166 name and official name (of pycountry's entry ``official``), but
    not ISO's inverted forms ("Korea, Republic of") or those with a bracket."""
    formal = getattr(official, "official_name", None)
    # (a formal name is written after "the": "the President of the United Mexican States")
    names = (formal, f"the {formal}" if formal else None, getattr(official, "name", None))
    return tuple(n for n in names if n and not re.search(r"[,(]", n))


def _union(first: tuple[str, ...], second: tuple[str, ...], name: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for f in (*first, *second) if f != name))


def _load_topics(path: Path) -> tuple[TopicRef, ...]:
    raw = _read_toml(path).get("topic", [])
    topics: list[TopicRef] = []
    for index, data in enumerate(raw):
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ReferenceDataError(f"{path}: topic #{index + 1}: `name` is required")
        keywords = _strings(path, f"topic {name!r}", data, "keywords")
        if not keywords:
            raise ReferenceDataError(f"{path}: topic {name!r}: `keywords` is empty")
        topics.append(TopicRef(name.strip(), keywords))
    return tuple(topics)


def _surface_index(actors: Mapping[str, ActorRef], path: Path) -> dict[str, str]:
    index: dict[str, str] = {}
    for actor in actors.values():
        for surface in (actor.name, *actor.aliases, *actor.demonyms, *actor.metonyms):
            other = index.setdefault(surface, actor.name)
            if other != actor.name:
                raise ReferenceDataError(
                    f"{path}: {surface!r} is listed for both {other!r} and {actor.name!r}"
                )
    # Outlets drop diacritics ("Erdogan", "Sanchez", "Lopez"): the bare form of a surface
    # names the same actor unless it is another actor's own surface.
    for surface, name in list(index.items()):
        bare = _strip_accents(surface)
        if bare != surface:
            index.setdefault(bare, name)
    # "Trinidad & Tobago", "St Vincent & the Grenadines", "St. Lucia": the short forms of
    # a country's official words.
    for surface, name in list(index.items()):
        if actors[name].kind is not ActorKind.COUNTRY:
            continue
        for variant in _written_forms(surface):
            index.setdefault(variant, name)
    return index


def _written_forms(surface: str) -> set[str]:
    forms = {surface}
    if " and " in surface:
        forms |= {f.replace(" and ", " & ") for f in forms}
    if surface.startswith("Saint "):
        forms |= {prefix + f[len("Saint ") :] for f in forms for prefix in ("St ", "St. ")}
    return forms - {surface}


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_PORTFOLIO_WORDS = (
    "Affairs|Immigration|Emigration|Expatriates|Trade|Defen[cs]e|Co-?operation|Investment"
    "|Finance|Commerce|Development|Security|Justice|Energy|Health|Education|Agriculture|Tourism"
    "|Culture|Planning|Industry|Economy|Labou?r|Transport|Environment|Integration|Interior"
    "|Communications|Information|Diaspora|Relations|Worship|Community|Migration|Fisheries"
    "|Negotiations|Climate|Women|Youth|Sports?|Polic(?:y|ies)|Matters"
    "|Population|Welfare|Resources|Infrastructure|Works|Housing|Water|Technology|Science"
    "|Innovation|Research|Services|Employment|Mines|Mining|Petroleum|Forestry|Lands?"
    "|Aviation|Veterans|Heritage|Arts|Family|Children|Gender|Equality|Telecommunications"
    "|Broadcasting|Media|Reconstruction|Reforms?|Safety|Treasury|Revenue"
)


def _title_block(qual: str, *, portfolio_before: bool = False) -> str:
    """The pattern of a title phrase, ``qual`` the alternation of the words that may qualify
    it (countries, their demonyms, organisations). With ``portfolio_before``, a portfolio may
    stand before a minister's title ("Australian Trade Minister"): only where a name follows,
    as elsewhere "Justice Minister and negotiator X" would be a title of its own."""
    titles = alternation(title_surfaces(), flexible_space=True)
    abbreviated = "|".join(ABBREVIATED_TITLES)
    modifiers = "|".join(TITLE_MODIFIERS)
    # The rest of a minister's portfolio after the title the list knows: "Minister for Foreign
    # Affairs and Immigration", "Minister of Foreign Affairs, Emigration and Egyptian
    # Expatriates". The name after it is a person's even when the recogniser misses it.
    portfolio = (
        # "Special Representative for International Negotiations Jason Greenblatt"
        # ("High Representative of the Union for Foreign Affairs and Security Policy", "Adviser
        # to His Majesty for Policies": whose it is, then the portfolio)
        rf"(?:(?:\s+of\s+(?:the\s+)?[A-Z][\w'\u2019-]+|\s+to\s+(?:His|Her)\s+(?:Majesty|Highness))?"
        rf"\s+for\s+(?:[A-Z][\w'\u2019-]+\s+(?:and\s+)?){{0,3}}(?:{_PORTFOLIO_WORDS}))?"
        rf"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)(?:(?:{qual})\s+)?(?:{_PORTFOLIO_WORDS})"
        rf"(?:\s+Abroad)?)*"
    )
    before = (
        rf"(?:(?!(?i:{titles})\b)(?i:{_PORTFOLIO_WORDS})\s+(?=(?i:minister|secretary)\b))?"
        if portfolio_before
        else ""
    )
    return (
        # ("the visiting Japanese Foreign Minister", "outgoing US President Obama": the status
        # may come before the country as well as after it)
        rf"(?:(?i:{modifiers})\s+(?=(?:{qual})))?"
        # ("the Philippines' president": a plural name's possessive is its apostrophe alone)
        rf"(?:(?P<qual>{qual})(?:'s|\u2019s|(?<=s)['\u2019])?\s+)?"
        rf"(?:(?i:(?P<mod>{modifiers}))\s+)?"
        # ("Prime Minister-designate Saad Hariri": the office he is about to hold)
        # ("Australian Trade Minister Don Farrell": a portfolio before a minister's title,
        # which the role does not keep, unless the two are a title of their own)
        rf"{before}"
        rf"(?P<title>(?i:{titles})|{abbreviated})(?:-(?i:designate))?{portfolio}"
        # ("the President of the Republic of Guatemala, Alejandro Giammattei": a state's
        # formal name)
        rf"(?:\s+(?:of|from)\s+(?:(?:the\s+)?{STATE_FORM}\s+of\s+(?:the\s+)?)?(?P<of>{qual}))?"
        rf"(?:\s+(?P<prep>for|to)\s+(?P<port>{qual}))?"
    )


def _role_noun_re(qual: str, title_block: str) -> re.Pattern[str]:
    """A title standing for a person: "the president", "Japan's minister", "the Kenyan foreign
    minister", "The WHO Director General"."""
    return re.compile(
        # ("Japan's minister", "Fiji's prime minister": a country's possessive needs no "the")
        # ("Mr Speaker will arrive in Rarotonga": the style of address for an office's holder)
        rf"(?:\b(?:[Tt]he|[Hh]is|[Hh]er|Mr\.?|Madam)\s+|(?<=\n)"
        rf"|\b(?=(?:{qual})(?:'s|\u2019s|(?<=s)['\u2019])\s))"
        # ("The WHO Director General": the initials of a body the reference does not know)
        rf"(?:(?!(?:{qual})\s)[A-Z]{{2,8}}\s+)?"
        rf"{title_block}(?![\w\-])(?!\s+(?:[A-Z]|(?:al|el|bin|ibn|de|da|van|von)\b))"
        rf"(?!\s+of\s)"
    )


# How a state's formal name opens: "the Republic of", "the Kingdom of", "the Islamic Republic
# of", "the Federal Democratic Republic of".
STATE_FORM = (
    r"(?:(?:Federal|Islamic|Democratic|People's|People\u2019s|Socialist|Arab|Bolivarian"
    r"|Plurinational|Co-?operative|Hashemite|Federative|Oriental|Independent|United)\s+)*"
    r"(?:Republic|Kingdom|State|Sultanate|Emirate|Principality|Commonwealth|Federation"
    r"|Grand\s+Duchy)"
)


# An honorific may stand between the title and the name: "President Dr Irfaan Ali",
# "Foreign Minister Datuk Seri Mohamad Hasan".
# Pacific and Commonwealth releases write "Prime Minister the Honourable Mark Brown",
# "Minister H.E. Geoffrey Onyeama"; royal styles: "Minister for Defence HRH Crown Prince ...".
_HONORIFICS = (
    r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Amb|Sir|Dame|Datuk|Dato'?|Seri|Sri|Tan|General|Gen|Admiral|Adm"
    r"|Colonel|Col|Major|Maj|Lieutenant|Lt|Captain|Capt|Marshal|H\.E|HRH|HH|HM|Crown\s+Prince"
    # ("Mayor of Kingston, Senator Councillor Delroy Williams": a second office's style)
    r"|Councill?or"
    # "Foreign Minister Prince Faisal bin Farhan" (not "Prince Salman": one name left)
    r"|Prince(?=\s+[A-Z][\w'\u2019-]+\s+(?:bin|ibn|[Aa]l[-\s]|[A-Z]))"
    # "Zambian President, His Excellency Hakainde Hichilema,"
    r"|(?:[Hh]is|[Hh]er)\s+(?:Excellency|Majesty|(?:Royal\s+)?Highness)"
    r"|(?:the\s+)?(?:Right\s+|Rt\.?\s+|Most\s+)?Hon(?:ourable|orable)?)\.?\s+)*"
)


def _compile(
    actors: dict[str, ActorRef], topics: tuple[TopicRef, ...], directory: Path
) -> Reference:
    surfaces = _surface_index(actors, directory / "actors.toml")
    # A leading \b (not a look-behind) lets the engine skip positions inside words at once.
    surface_re = re.compile(rf"\b(?:{alternation(list(surfaces))})(?![\w])")

    # Words that can qualify a title: a country, its demonym or metonym, an organisation.
    qualifiers = [
        s
        for s, name in surfaces.items()
        if actors[name].kind in (ActorKind.COUNTRY, ActorKind.ORGANIZATION)
    ]
    qual = alternation(qualifiers)
    title_block = _title_block(qual)
    honorifics = _HONORIFICS
    titled_name_re = re.compile(
        rf"\b(?P<former>(?i:former|ex-|then-)\s*)?{_title_block(qual, portfolio_before=True)}\s+"
        # (the title's abbreviation may stand between: "External Affairs Minister (EAM) S
        # Jaishankar", "Chief Cabinet Secretary (CCS) Musalia Mudavadi")
        rf"(?:\((?P<abbr>[A-Z]{{2,6}})\)\s+)?{honorifics}(?P<name>{CHINESE_HE}|{NAME})"
    )
    appositive_re = re.compile(
        rf"\b(?P<name>{NAME}),\s+(?:the\s+)?(?P<former>(?i:former)\s+)?{title_block}"
        # (or the end of a line: a release's list of people, one to a paragraph)
        rf"(?=\s*[,;.)]|\s+(?:said|says|told|wrote|who|and)\b|[ \t]*(?:\n|$))"
    )
    # ("the Prime Minister, Mark Carney," and without "the": "met with Ghanaian President,
    # Nana Akufo-Addo, at the villa")
    title_appositive_re = re.compile(
        rf"\b(?:[Tt]he\s+)?(?P<former>(?i:former)\s+)?{title_block},\s+{honorifics}(?P<name>{NAME})"
        # ("The Prime Minister of Portugal, Passos Coelho visited Athens": a verb in the past
        # or the present ends the name as well as a comma does)
        # (and the irregular past of the verbs news tells meetings with: "..., Dr X met")
        rf"(?=\s*[,;.)]|\s+(?:said|says|told|wrote|who|and|has|have|had|was|is|[a-z]{{2,}}ed"
        rf"|met|held|spoke|paid|made|took|led|sent|gave|came|went|began|flew"
        rf"|(?:meet|visit|call|arrive|hold|welcome|receive|host|urge|express|stress)e?s)\b)"
    )
    # (not "the President of the European Parliament Roberta Metsola": a title with its name)
    role_noun_re = _role_noun_re(qual, title_block)
    # (up to where the second title begins, maybe after a word of its own: "Tonga Prime
    # Minister and forum chairperson Siaosi Sovaleni")
    first_title_re = re.compile(rf"(?<![\w-]){title_block}\s+and\s+(?P<own>[a-z][\w-]*\s+)?$")
    countries = [s for s, name in surfaces.items() if actors[name].kind is ActorKind.COUNTRY]
    country_alt = alternation(countries)
    offices = alternation(list(OFFICES), flexible_space=True)
    office_re = re.compile(
        rf"\b(?:(?P<country>{country_alt})(?:'s|\u2019s)\s+|(?:[Tt]he\s+)?(?P<adj>{country_alt})\s+)"
        rf"(?P<office>(?i:{offices}))\b"
        # "the Ministry of Foreign Affairs of Iraq", "State House of Kenya"
        rf"|\b(?P<office_of>(?i:{offices}))\s+of\s+(?:the\s+)?(?P<of>{country_alt})\b"
    )

    groups: dict[str, str] = {}
    parts: list[str] = []
    for index, topic in enumerate(topics):
        group = f"t{index}"
        groups[group] = topic.name
        words = alternation([k.lower() for k in topic.keywords], flexible_space=True)
        parts.append(rf"(?P<{group}>{words})")
    # Matched against lower-cased text: much faster than a case-insensitive pattern.
    topic_re = re.compile(rf"\b(?:{'|'.join(parts)})(?:e?s)?(?![\w])")

    domains = {d.lower(): a.name for a in actors.values() for d in a.domains}
    return Reference(
        actors=MappingProxyType(actors),
        topics=topics,
        surfaces=MappingProxyType(surfaces),
        surface_re=surface_re,
        titled_name_re=titled_name_re,
        appositive_re=appositive_re,
        title_appositive_re=title_appositive_re,
        role_noun_re=role_noun_re,
        first_title_re=first_title_re,
        office_re=office_re,
        topic_re=topic_re,
        topic_groups=MappingProxyType(groups),
        domains=MappingProxyType(domains),
        source=directory,
    )
