"""The batched writer: a batch of extracted articles becomes one read (two when it merges
stored facts) and one atomic write.

The writer is handed a store and never builds one. ``plan_batch`` is pure (it turns articles
and what the graph already holds of their facts into the write's parameters, an
``ArticleWrite``); ``load --dry-run`` prints the rows it plans for the articles alone, without
reading the graph, so a fact the graph already holds shows as it would be written to an empty
graph.

Loads converge: the graph after loading a set of articles does not depend on their order, on
how they fall into batches, or on how often each is loaded. Planning settles each fact a batch
touches from everything the graph stores of it plus the batch's reports together
(``ingest.resolve.facts``), and every value kept from several reports is chosen by a rule that
ignores their order (highest rank, longest text, smallest offset, union of lists).

What a load did is what the write reports: the nodes it created and the nodes whose stored
values it changed, by id (``Written``); ``LoadCounts`` adds up those of many writes.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import sys
import time
from collections.abc import Callable, Coroutine, Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations
from typing import Any, Generic, TypeVar

from newsgraph.graph.corrections import remove_article
from newsgraph.graph.cypher import (
    ARTICLES_AS_WRITTEN,
    EXISTING_FOR_ARTICLES,
    GRAPH_VERSION,
    LINKS_OF_FACTS,
    PEOPLE_BY_NAME_KEY,
    WRITE_ARTICLES,
)
from newsgraph.graph.events import EVENT_KINDS, publish_added
from newsgraph.graph.evidence import combined_confidence, evidence
from newsgraph.graph.locks import writer_lock
from newsgraph.graph.rows import (
    ActorRow,
    ArticleRow,
    ArticleWrite,
    FactReportRow,
    MeetingRow,
    MetUncountedRow,
    Pair,
    ParticipantRow,
    Renamed,
    RoleRow,
    StatementRow,
    alias_fields,
    day,
    day_number,
    pairs,
)
from newsgraph.graph.store import Store
from newsgraph.ingest.model import (
    ActorFact,
    ActorKind,
    ExtractedArticle,
    MeetingMode,
    MeetingStatus,
    StatementFact,
)
from newsgraph.ingest.resolve.facts import (
    KnownMeeting,
    KnownStatement,
    StatementGroup,
    group_meetings,
    group_statements,
    preferred,
)
from newsgraph.ingest.resolve.ids import (
    actor_id,
    article_id,
    content_hash,
    extraction_hash,
    meeting_id,
    topic_id,
)
from newsgraph.ingest.resolve.people import (
    keys_of_name,
    people_keys,
    unify_people,
)
from newsgraph.ingest.write.memory import Known, LoadMemory, Lookup, speaker_day

__all__ = [
    "KINDS",
    "ArticleWriter",
    "BatchPlan",
    "Existing",
    "KnownActor",
    "Links",
    "LoadCounts",
    "Resolved",
    "Written",
    "plan_batch",
    "resolve_batch",
]

KINDS = ("articles", "actors", "meetings", "statements")

# Higher wins when two reports of one meeting disagree: any stated mode beats UNKNOWN, and a
# held meeting beats a planned one, which beats a proposal.
_MODE_RANK = {
    MeetingMode.UNKNOWN: 0,
    MeetingMode.IN_PERSON: 1,
    MeetingMode.VIDEO: 2,
    MeetingMode.PHONE: 3,
}
_STATUS_RANK = {MeetingStatus.PROPOSED: 0, MeetingStatus.PLANNED: 1, MeetingStatus.HELD: 2}
# When articles disagree on what kind of actor a name is, the first of these wins.
_KIND_ORDER = [kind.value for kind in ActorKind]
# Sorts a report without an offset after every report with one (WRITE_ARTICLES uses the same).
_NO_OFFSET = 2**31


@dataclass(frozen=True, slots=True)
class KnownActor:
    """An actor as the graph stores it."""

    id: str
    name: str | None = None
    kind: str | None = None
    aliases: tuple[str, ...] = ()
    description: str | None = None
    iso_code: str | None = None


@dataclass(frozen=True, slots=True)
class Links:
    """The relationships of a stored statement or meeting that a batch merges into another:
    they move to the node that stays."""

    # (article id, excerpt, offset, confidence) of each article reporting it.
    reports: tuple[tuple[str, str | None, int | None, float | None], ...] = ()
    # (actor id, role): a meeting's participants, or the actors a statement mentions.
    actors: tuple[tuple[str, str | None], ...] = ()
    # A meeting's participants: how sure the graph is of each.
    sure: tuple[tuple[str, float | None], ...] = ()
    topics: tuple[str, ...] = ()
    # The participants a held meeting was counted for in MET.
    met_members: tuple[str, ...] = ()
    # A meeting's reports: (article id, the participants and the title it gave; None where
    # the report kept none).
    given: tuple[tuple[str, tuple[str, ...] | None, str | None], ...] = ()


@dataclass
class Existing:
    """What the graph holds that a batch's write depends on."""

    actors: dict[str, KnownActor] = field(default_factory=dict)
    statements: list[KnownStatement] = field(default_factory=list)
    meetings: list[KnownMeeting] = field(default_factory=list)
    # Relationships of the stored facts the batch merges into others (read once they are known).
    links: dict[str, Links] = field(default_factory=dict)


@dataclass
class BatchPlan:
    """One write for several articles: the parameters of WRITE_ARTICLES, and what planning
    found about the nodes it touches."""

    article_ids: list[str]
    params: ArticleWrite
    # Every node the write sets, by kind.
    touched: dict[str, set[str]]
    # Stored statements and meetings that take a new id (old -> new), and those merged into
    # another node and deleted.
    renamed: dict[str, dict[str, str]]
    merged: dict[str, set[str]]
    # `params` as the store sends them (Store.prepare), once the plan is made.
    sent: Mapping[str, Any] | None = None


def _by_kind() -> dict[str, set[str]]:
    return {kind: set() for kind in KINDS}


@dataclass
class Written:
    """What one write did, by node id and kind: nodes it created, nodes whose stored values
    it changed (a renamed node counts as changed), the rest of what it touched unchanged; the
    stored nodes it renamed or merged into others; and the meetings and statements it removed
    (only a replaced article reported them, and its new text does not)."""

    article_ids: list[str]
    touched: dict[str, set[str]]
    created: dict[str, set[str]]
    changed: dict[str, set[str]]
    renamed: dict[str, dict[str, str]]
    merged: dict[str, set[str]]
    removed: dict[str, set[str]] = field(default_factory=_by_kind)

    @property
    def article_id(self) -> str:
        return self.article_ids[0]


class LoadCounts:
    """The summary of a load of many writes, per kind of node, counted over distinct nodes:
    created (new to the graph, and still there at the end), changed (there before, with a
    stored value that changed), unchanged (there before, touched, no value changed), merged
    (there before, merged into another node and gone) and removed (there before, reported
    only by an article whose new text no longer reports it, and gone)."""

    def __init__(self) -> None:
        self._created = _by_kind()
        self._changed = _by_kind()
        self._touched = _by_kind()
        self._merged = _by_kind()
        self._removed = _by_kind()

    def add(self, written: Written) -> None:
        for kind in KINDS:
            created, changed = self._created[kind], self._changed[kind]
            touched = self._touched[kind]
            # A node this load created and a later write renamed or merged away is, for the
            # load as a whole, only ever the node it ended as.
            for old, new in written.renamed.get(kind, {}).items():
                if old in created:
                    created.discard(old)
                    created.add(new)
                else:
                    changed.discard(old)
                    changed.add(new)
                touched.discard(old)
                touched.add(new)
            for gone in written.merged.get(kind, set()):
                if gone in created:
                    created.discard(gone)
                else:
                    self._merged[kind].add(gone)
                changed.discard(gone)
                touched.discard(gone)
            # One string per id however many writes report it: a load of 100k articles holds
            # several hundred thousand of them.
            removed = self._removed[kind]
            for gone in written.removed[kind]:
                # (one this load created is, for the load as a whole, never there at all)
                if gone in created:
                    created.discard(gone)
                else:
                    removed.add(gone)
                changed.discard(gone)
                touched.discard(gone)
            # A fact removed by one write and reported again by a later one was there before
            # the load and is there after it: changed.
            back = removed & (written.created[kind] | written.changed[kind])
            removed -= back
            created |= {sys.intern(i) for i in written.created[kind] - back}
            changed |= {sys.intern(i) for i in written.changed[kind] | back} - created
            touched |= {sys.intern(i) for i in written.touched[kind]}

    def as_json(self) -> dict[str, dict[str, int]]:
        out: dict[str, dict[str, int]] = {
            "created": {},
            "changed": {},
            "unchanged": {},
            "merged": {},
            "removed": {},
        }
        for kind in KINDS:
            created, changed = self._created[kind], self._changed[kind]
            out["created"][kind] = len(created)
            out["changed"][kind] = len(changed)
            out["unchanged"][kind] = len(self._touched[kind] - created - changed)
            out["merged"][kind] = len(self._merged[kind])
            out["removed"][kind] = len(self._removed[kind])
        return out


@lru_cache(maxsize=4096)
def _publisher_fact(name: str) -> ActorFact:
    # One fact per outlet for the whole load: building (validating) it for every article
    # of every batch cost more than the rest of listing the batch's actors. Nothing changes a
    # fact once made.
    return ActorFact(name=name, kind=ActorKind.MEDIA)


def _with_publisher(extracted: ExtractedArticle) -> list[ActorFact]:
    actors = list(extracted.actors)
    publisher = extracted.article.publisher
    if publisher and all(actor.name != publisher for actor in actors):
        actors.append(_publisher_fact(publisher))
    return actors


def _actor_ids(extracted: ExtractedArticle) -> set[str]:
    """The ids of an article's actors and of its publisher (``_with_publisher``'s, by id)."""
    ids = {actor_id(actor.name) for actor in extracted.actors}
    if extracted.article.publisher:
        ids.add(actor_id(extracted.article.publisher))
    return ids


def _list_key(people: Iterable[str]) -> str:
    # How a meeting stores one report's participant list (actor ids never hold a comma).
    return ",".join(sorted(people))


def _article_key(extracted: ExtractedArticle) -> str:
    return article_id(extracted.article.url, extracted.article.body)


def _extractions(articles: Iterable[ExtractedArticle]) -> dict[str, str]:
    """Each article's ``extraction_hash``, by article id."""
    return {_article_key(a): extraction_hash(a) for a in articles}


def _lookup_keys(articles: list[ExtractedArticle]) -> Lookup:
    """Resolution's keys for a batch: what ``plan_batch`` needs to know of the graph."""
    actors: set[str] = set()
    speaker_days: set[str] = set()
    days: dict[str, set[str]] = {}
    undated: set[str] = set()
    for extracted in articles:
        actors |= _actor_ids(extracted)
        speaker_days |= {speaker_day(actor_id(s.speaker), s.date) for s in extracted.statements}
        for m in extracted.meetings:
            people = {actor_id(p.actor) for p in m.participants}
            if m.date is None:
                # An undated meeting merges only with one of the same people and status,
                # whose id is therefore the one these give.
                undated.add(meeting_id(people, None, m.status.value))
            else:
                days.setdefault(m.date.isoformat(), set()).update(people)
    return Lookup(
        sorted(actors),
        sorted(speaker_days),
        {on: sorted(people) for on, people in sorted(days.items())},
        sorted(undated),
    )


# ---------------------------------------------------------------------------------------------
# Planning


@dataclass(frozen=True, slots=True)
class _Report:
    """One article's report of a fact: the article, its words and where they are."""

    article: str
    excerpt: str | None
    offset: int | None
    confidence: float | None = None


def _report_rank(report: tuple[str | None, int | None]) -> tuple[int, str]:
    excerpt, offset = report
    return (_NO_OFFSET if offset is None else offset, excerpt or "")


def _report_rows(
    fact: str,
    reports: Iterable[_Report],
    moved: Iterable[tuple[str, str | None, int | None, float | None]],
) -> list[FactReportRow]:
    """One REPORTS row per article: an article reporting a fact twice keeps its first words
    (smallest offset, then the alphabetically first), whichever was written first, and the
    surer of its readings."""
    best: dict[str, tuple[str | None, int | None]] = {}
    sure: dict[str, float | None] = {}
    pairs = [(r.article, r.excerpt, r.offset, r.confidence) for r in reports] + list(moved)
    for article, excerpt, offset, confidence in pairs:
        current = best.get(article)
        if current is None or _report_rank((excerpt, offset)) < _report_rank(current):
            best[article] = (excerpt, offset)
        known = [c for c in (sure.get(article), confidence) if c is not None]
        sure[article] = max(known) if known else None
    return [
        {
            "article": article,
            "fact": fact,
            "excerpt": excerpt,
            "offset": offset,
            "confidence": sure[article],
        }
        for article, (excerpt, offset) in sorted(best.items())
    ]


def _name_rank(name: str) -> tuple[bool, str]:
    # A name in lower case only (a lower-cased copy of the name) loses to one with capitals;
    # then the alphabetically first.
    letters = [c for c in name if c.isalpha()]
    single_case = bool(letters) and all(c.islower() for c in letters)
    return (single_case, name)


def _actor_row(the_id: str, facts: list[ActorFact], known: KnownActor | None) -> ActorRow:
    known = known or KnownActor(the_id)
    names = {fact.name for fact in facts} | ({known.name} if known.name else set())
    name = min(names, key=_name_rank)
    kinds = {fact.kind.value for fact in facts} | (
        {known.kind} if known.kind in _KIND_ORDER else set()
    )
    kind = min(kinds, key=_KIND_ORDER.index)
    stored = alias_fields(
        name, {alias for fact in facts for alias in fact.aliases} | set(known.aliases) | names
    )
    description = preferred([fact.description for fact in facts] + [known.description])
    iso = preferred([fact.iso_code for fact in facts] + [known.iso_code])
    people = kind == ActorKind.PERSON.value
    every_name = (name, *stored["aliases"])
    return {
        "id": the_id,
        "name": name,
        "kind": kind,
        **stored,
        "description": description,
        "iso_code": iso,
        # How an article that spells this person otherwise finds them (see resolve.people).
        "name_keys": sorted({k for n in every_name for k in keys_of_name(n)}) if people else [],
    }


N = TypeVar("N", MeetingRow, StatementRow)
A = TypeVar("A", ParticipantRow, Pair)


@dataclass
class _Settled(Generic[N, A]):
    """How a batch's facts of one kind land in the graph: rows of nodes and relationships
    (to actors: a meeting's participants, a statement's mentions), and the stored nodes
    renamed or merged away."""

    renamed: dict[str, str] = field(default_factory=dict)
    merged: set[str] = field(default_factory=set)
    nodes: list[N] = field(default_factory=list)
    reports: list[FactReportRow] = field(default_factory=list)
    actors: list[A] = field(default_factory=list)
    topics: list[Pair] = field(default_factory=list)

    def settle(self, final: str, known: Iterable[str]) -> None:
        """The stored nodes `known` become one node with id `final`: the one holding that id
        already, else the first of them renamed; the others merge into it."""
        ids = sorted(set(known))
        if not ids:
            return
        keep = final if final in ids else ids[0]
        if keep != final:
            self.renamed[keep] = final
        self.merged.update(i for i in ids if i != keep)


@dataclass(frozen=True, slots=True)
class _MeetingReport:
    report: _Report
    people: frozenset[str]
    date: dt.date | None
    status: MeetingStatus
    mode: MeetingMode
    title: str
    place: str | None
    roles: tuple[tuple[str, str | None], ...]
    topics: tuple[str, ...]
    sure: tuple[tuple[str, float], ...] = ()


def _meeting_reports(batch: list[ExtractedArticle]) -> list[_MeetingReport]:
    out = []
    for extracted in batch:
        art = _article_key(extracted)
        for fact in extracted.meetings:
            out.append(
                _MeetingReport(
                    _Report(art, fact.excerpt, fact.offset, fact.confidence),
                    frozenset(actor_id(p.actor) for p in fact.participants),
                    fact.date,
                    fact.status,
                    fact.mode,
                    fact.title or " and ".join(p.actor for p in fact.participants[:2]),
                    fact.place,
                    tuple((actor_id(p.actor), p.role) for p in fact.participants),
                    tuple(topic_id(t) for t in fact.topics),
                    tuple((actor_id(p.actor), p.confidence) for p in fact.participants),
                )
            )
    return out


def _least_role(roles: Iterable[str | None]) -> str | None:
    # The same rule WRITE_ARTICLES applies against the graph: the alphabetically first role.
    return min((r for r in roles if r is not None), default=None)


@dataclass(frozen=True, slots=True)
class _Meeting:
    """A meeting as a batch settles it: its id, day and participants, every participant list
    reported of it, the stored meetings it brings together and the batch's reports of it."""

    id: str
    date: dt.date | None
    people: frozenset[str]
    lists: frozenset[frozenset[str]]
    known: tuple[KnownMeeting, ...]
    reports: tuple[_MeetingReport, ...]


def _known_by_day(existing: Existing) -> dict[dt.date, list[KnownMeeting]]:
    """The stored dated meetings by day: those a batch's meeting of that day may join."""
    out: dict[dt.date, list[KnownMeeting]] = {}
    for m in existing.meetings:
        if m.date is not None:
            out.setdefault(m.date, []).append(m)
    return out


def _known_by_key(existing: Existing) -> dict[tuple[str, str], list[KnownStatement]]:
    """The stored statements by speaker and day (ISO, '' for none), as ``_statement_key``."""
    out: dict[tuple[str, str], list[KnownStatement]] = {}
    for st in existing.statements:
        out.setdefault((st.speaker, day(st.date) or ""), []).append(st)
    return out


def _statement_key(said: StatementFact) -> tuple[str, str]:
    return (actor_id(said.speaker), day(said.date) or "")


def _resolve_meetings(batch: list[ExtractedArticle], existing: Existing) -> list[_Meeting]:
    undated: dict[str, list[_MeetingReport]] = {}
    dated: dict[dt.date, list[_MeetingReport]] = {}
    for r in _meeting_reports(batch):
        if r.date is None:
            undated.setdefault(meeting_id(r.people, None, r.status.value), []).append(r)
        else:
            dated.setdefault(r.date, []).append(r)
    known_by_id = {m.id: m for m in existing.meetings}
    out = [
        _Meeting(
            the_id,
            None,
            found[0].people,
            frozenset({found[0].people}),
            (known_by_id[the_id],) if the_id in known_by_id else (),
            tuple(found),
        )
        for the_id, found in sorted(undated.items())
    ]
    known_by_day = _known_by_day(existing)
    for on, found in sorted(dated.items()):
        for group in group_meetings(on, {r.people for r in found}, known_by_day.get(on, [])):
            mine = tuple(r for r in found if r.people in group.lists)
            out.append(_Meeting(group.id, on, group.participants, group.lists, group.known, mine))
    return out


_MODES = {rank: mode.value for mode, rank in _MODE_RANK.items()}
_STATUSES = {rank: status.value for status, rank in _STATUS_RANK.items()}


def _emit_meetings(
    meetings: list[_Meeting], existing: Existing, out: _Settled[MeetingRow, ParticipantRow]
) -> None:
    for meeting in meetings:
        the_id, mine, known = meeting.id, meeting.reports, meeting.known
        out.settle(the_id, (m.id for m in known))
        moved = [existing.links.get(m.id, Links()) for m in known if m.id in out.merged]
        # Ranks map one to one onto modes and statuses; a stored rank the code no longer
        # knows keeps the stored value.
        mode_rank = max([_MODE_RANK[r.mode] for r in mine] + [m.mode_rank for m in known])
        status_rank = max([_STATUS_RANK[r.status] for r in mine] + [m.status_rank for m in known])
        lists = set(meeting.lists)
        for m in known:
            lists.update(m.participant_lists)
        confidence, reported = _confidence_of(
            [x for m in known for x in m.reported],
            [(r.report.article, r.report.confidence) for r in mine]
            + [(p[0], p[3]) for links in moved for p in links.reports],
        )
        out.nodes.append(
            {
                "id": the_id,
                "date": day(meeting.date),
                "day_number": day_number(meeting.date),
                "mode": _MODES.get(mode_rank)
                or next(m.mode for m in known if m.mode_rank == mode_rank),
                "mode_rank": mode_rank,
                "status": _STATUSES.get(status_rank)
                or next(m.status for m in known if m.status_rank == status_rank),
                "status_rank": status_rank,
                "title": preferred([r.title for r in mine] + [m.title for m in known]),
                "place": preferred([r.place for r in mine] + [m.place for m in known]),
                "groups": sorted(_list_key(g) for g in lists),
                "confidence": confidence,
                "reported": reported,
            }
        )
        reports = _report_rows(
            the_id, (r.report for r in mine), (p for m in moved for p in m.reports)
        )
        given = _given_by_article(mine, moved)
        for row in reports:
            row["participants"], row["title"] = given[row["article"]]
        out.reports.extend(reports)
        roles: dict[str, list[str | None]] = {a: [] for a in meeting.people}
        for r in mine:
            for actor, role in r.roles:
                roles.setdefault(actor, []).append(role)
        for links in moved:
            for actor, role in links.actors:
                roles.setdefault(actor, []).append(role)
        sure: dict[str, list[float]] = {}
        for r in mine:
            for actor, participation in r.sure:
                sure.setdefault(actor, []).append(participation)
        for links in moved:
            for actor, stored in links.sure:
                if stored is not None:
                    sure.setdefault(actor, []).append(stored)
        out.actors.extend(
            {
                "actor": actor,
                "meeting": the_id,
                "role": _least_role(found),
                "confidence": max(sure[actor]) if sure.get(actor) else None,
            }
            for actor, found in sorted(roles.items())
        )
        topics = {t for r in mine for t in r.topics} | {t for m in moved for t in m.topics}
        out.topics.extend({"left": the_id, "right": t} for t in sorted(topics))


def _told(people: list[str] | None) -> tuple[str, ...] | None:
    return None if people is None else tuple(people)


def _given_by_article(
    mine: Iterable[_MeetingReport], moved: Iterable[Links]
) -> dict[str, tuple[list[str] | None, str | None]]:
    """The participants and the title each article reporting a meeting gave it, all its
    readings together (an article may tell one meeting twice: its participants joined, the
    title a merged meeting would keep). A stored report that kept no participants makes its
    article's None, since what it gave is then unknown."""
    people: dict[str, set[str] | None] = {}
    titles: dict[str, list[str | None]] = {}
    readings: list[tuple[str, tuple[str, ...] | None, str | None]] = [
        (r.report.article, tuple(r.people), r.title) for r in mine
    ]
    readings += [reading for links in moved for reading in links.given]
    for article, told, title in readings:
        known = people.setdefault(article, set())
        if told is None:
            people[article] = None
        elif known is not None:
            known.update(told)
        titles.setdefault(article, []).append(title)
    return {
        article: (None if told is None else sorted(told), preferred(titles[article]))
        for article, told in people.items()
    }


def _confidence_of(
    stored: list[str], reports: list[tuple[str, float | None]]
) -> tuple[float | None, list[str]]:
    """A fact's `confidence` and the `reported` evidence it is computed from (kept on the
    node, so the next report adds to it in any order, and a re-load changes nothing)."""
    found = evidence(stored, reports)
    return (
        combined_confidence(found),
        sorted(f"{article} {c:.4f}" for article, c in found.items()),
    )


def _met_uncounted(existing: Existing, merged: set[str]) -> list[MetUncountedRow]:
    """MET counts of the held meetings merged away, to take back: the meeting they merge into
    is counted for its pairs by the write."""
    pairs: dict[tuple[str, str], int] = {}
    for the_id in sorted(merged):
        members = existing.links.get(the_id, Links()).met_members
        for pair in combinations(sorted(set(members)), 2):
            pairs[pair] = pairs.get(pair, 0) + 1
    return [{"left": a, "right": b, "by": by} for (a, b), by in sorted(pairs.items())]


@dataclass(frozen=True, slots=True)
class _StatementReport:
    report: _Report
    text: str
    medium: str | None
    language: str
    mentions: tuple[str, ...]
    topics: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Statement:
    """A statement as a batch settles it (see _Meeting)."""

    speaker: str
    date: dt.date | None
    group: StatementGroup
    reports: tuple[_StatementReport, ...]


def _resolve_statements(batch: list[ExtractedArticle], existing: Existing) -> list[_Statement]:
    by_key: dict[tuple[str, str], list[_StatementReport]] = {}
    days: dict[str, dt.date | None] = {}
    for extracted in batch:
        art = _article_key(extracted)
        for said in extracted.statements:
            key = _statement_key(said)
            days[key[1]] = said.date
            by_key.setdefault(key, []).append(
                _StatementReport(
                    _Report(art, said.excerpt, said.offset, said.confidence),
                    said.text,
                    said.medium,
                    said.language,
                    tuple(actor_id(m) for m in said.mentions),
                    tuple(topic_id(t) for t in said.topics),
                )
            )
    known_by_key = _known_by_key(existing)
    out = []
    for (speaker, on), reports in sorted(by_key.items()):
        date = days[on]
        wordings = {r.text for r in reports}
        for group in group_statements(speaker, date, wordings, known_by_key.get((speaker, on), [])):
            mine = tuple(r for r in reports if r.text in group.wordings)
            out.append(_Statement(speaker, date, group, mine))
    return out


def _emit_statements(
    statements: list[_Statement], existing: Existing, out: _Settled[StatementRow, Pair]
) -> None:
    for statement in statements:
        group, mine = statement.group, statement.reports
        out.settle(group.id, (st.id for st in group.known))
        moved = [existing.links.get(st.id, Links()) for st in group.known if st.id in out.merged]
        # The language of the wording kept (reports of it in several languages: the first).
        languages = [r.language for r in mine if r.text == group.text] + [
            st.language for st in group.known if st.text == group.text and st.language
        ]
        fallback = [r.language for r in mine] + [st.language for st in group.known if st.language]
        confidence, reported = _confidence_of(
            [x for st in group.known for x in st.reported],
            [(r.report.article, r.report.confidence) for r in mine]
            + [(p[0], p[3]) for links in moved for p in links.reports],
        )
        out.nodes.append(
            {
                "id": group.id,
                "speaker": statement.speaker,
                "text": group.text,
                "date": day(statement.date),
                "day_number": day_number(statement.date),
                "medium": preferred([r.medium for r in mine] + [st.medium for st in group.known]),
                "language": min(languages or fallback or ["en"]),
                "variants": sorted(group.wordings),
                "confidence": confidence,
                "reported": reported,
            }
        )
        out.reports.extend(
            _report_rows(group.id, (r.report for r in mine), (p for m in moved for p in m.reports))
        )
        mentions = {m for r in mine for m in r.mentions} | {
            a for links in moved for a, _ in links.actors
        }
        out.actors.extend({"left": group.id, "right": a} for a in sorted(mentions))
        topics = {t for r in mine for t in r.topics} | {t for m in moved for t in m.topics}
        out.topics.extend({"left": group.id, "right": t} for t in sorted(topics))


@dataclass
class Resolved:
    """A batch's facts settled against what the graph holds (the costly part of planning,
    which the relationships of merged nodes do not change)."""

    articles: list[ExtractedArticle]
    meetings: list[_Meeting]
    statements: list[_Statement]

    @property
    def merging(self) -> list[str]:
        """Stored statements and meetings the batch merges into others."""
        out: _Settled[MeetingRow, ParticipantRow] = _Settled()
        for m in self.meetings:
            out.settle(m.id, (k.id for k in m.known))
        for st in self.statements:
            out.settle(st.group.id, (k.id for k in st.group.known))
        return sorted(out.merged)


def resolve_batch(articles: list[ExtractedArticle], existing: Existing) -> Resolved:
    unique: dict[str, ExtractedArticle] = {}
    for extracted in articles:
        unique.setdefault(_article_key(extracted), extracted)
    batch = list(unique.values())
    return Resolved(batch, _resolve_meetings(batch, existing), _resolve_statements(batch, existing))


R = TypeVar("R", Pair, RoleRow)


def _unique(rows: Iterable[R]) -> list[R]:
    # One row per relationship: FalkorDB's MERGE does not see a relationship made earlier in
    # the same statement, so a repeated row would make a second one.
    out: dict[tuple[Any, ...], R] = {}
    for row in rows:
        out[tuple(sorted(row.items()))] = row
    return [out[key] for key in sorted(out, key=repr)]


@dataclass
class _Articles:
    """The rows of a batch's articles and what hangs on them directly: actors (their facts,
    to merge with the stored ones), roles, topics, publishers and mentions."""

    rows: list[ArticleRow] = field(default_factory=list)
    actor_facts: dict[str, list[ActorFact]] = field(default_factory=dict)
    roles: list[RoleRow] = field(default_factory=list)
    topic_names: set[str] = field(default_factory=set)
    published_by: list[Pair] = field(default_factory=list)
    mentions: list[Pair] = field(default_factory=list)
    topics: list[Pair] = field(default_factory=list)

    def add(self, extracted: ExtractedArticle, extraction: str) -> None:
        a = extracted.article
        art = _article_key(extracted)
        actors = _with_publisher(extracted)
        for actor in actors:
            self.actor_facts.setdefault(actor_id(actor.name), []).append(actor)
        self.roles.extend(
            {"holder": actor_id(actor.name), "title": role.title, "of": actor_id(role.of)}
            for actor in actors
            for role in actor.roles
            if role.of is not None
        )
        self.topic_names |= (
            set(extracted.topics)
            | {t for m in extracted.meetings for t in m.topics}
            | {t for s in extracted.statements for t in s.topics}
        )
        mentions = sorted({actor_id(m) for m in extracted.mentions})
        if a.publisher:
            self.published_by.append({"left": art, "right": actor_id(a.publisher)})
        self.mentions.extend({"left": art, "right": m} for m in mentions)
        self.topics.extend(
            {"left": art, "right": topic_id(t)} for t in sorted(set(extracted.topics))
        )
        self.rows.append(
            {
                "id": art,
                "url": a.url,
                "title": a.title,
                "published_on": day(a.published_on),
                "day_number": day_number(a.published_on),
                "published_inferred": a.published_inferred,
                "section": a.section,
                "language": a.language,
                "author": a.author,
                "summary_only": a.summary_only,
                "body": a.body,
                "content_hash": content_hash(a.body),
                "extraction_hash": extraction,
                # Counted only if the write creates the article (decided inside the write).
                "co_mentioned_pairs": pairs(mentions),
            }
        )


def _renames(renamed: Mapping[str, str]) -> list[Renamed]:
    return [{"old": old, "new": new} for old, new in sorted(renamed.items())]


def plan_batch(
    articles: list[ExtractedArticle],
    existing: Existing | None = None,
    resolved: Resolved | None = None,
    extractions: Mapping[str, str] | None = None,
) -> BatchPlan:
    """Plan several articles as one write, given what the graph holds of their facts.

    Every fact is settled once for the whole batch, from the stored nodes it touches and the
    batch's reports together, so the rows do not depend on the articles' order. An article
    given twice adds nothing the second time. `resolved` is ``resolve_batch`` of the same
    articles and graph, when the caller has it already; `extractions` the articles'
    ``extraction_hash`` by article id, taken before their people were resolved (by default,
    of `articles` as given).
    """
    existing = existing or Existing()
    resolved = resolved or resolve_batch(articles, existing)
    if extractions is None:
        extractions = _extractions(articles)
    batch = _Articles()
    for extracted in resolved.articles:
        batch.add(extracted, extractions[_article_key(extracted)])
    actor_rows = [
        _actor_row(the_id, facts, existing.actors.get(the_id))
        for the_id, facts in sorted(batch.actor_facts.items())
    ]
    meetings: _Settled[MeetingRow, ParticipantRow] = _Settled()
    statements: _Settled[StatementRow, Pair] = _Settled()
    _emit_meetings(resolved.meetings, existing, meetings)
    _emit_statements(resolved.statements, existing, statements)
    touched = {
        "articles": {row["id"] for row in batch.rows},
        "actors": {row["id"] for row in actor_rows},
        "meetings": {row["id"] for row in meetings.nodes},
        "statements": {row["id"] for row in statements.nodes},
    }
    params: ArticleWrite = {
        "articles": batch.rows,
        "actors": actor_rows,
        "roles": _unique(batch.roles),
        "topics": [{"id": topic_id(name), "name": name} for name in sorted(batch.topic_names)],
        "published_by": _unique(batch.published_by),
        "article_mentions": _unique(batch.mentions),
        "article_topics": _unique(batch.topics),
        "renamed_statements": _renames(statements.renamed),
        "renamed_meetings": _renames(meetings.renamed),
        "merged_statements": sorted(statements.merged),
        "merged_meetings": sorted(meetings.merged),
        "met_uncounted": _met_uncounted(existing, meetings.merged),
        "meetings": meetings.nodes,
        "meeting_reports": meetings.reports,
        "participants": meetings.actors,
        "meeting_topics": _unique(meetings.topics),
        "statements": statements.nodes,
        "statement_reports": statements.reports,
        "statement_mentions": _unique(statements.actors),
        "statement_topics": _unique(statements.topics),
    }
    return BatchPlan(
        article_ids=[row["id"] for row in batch.rows],
        params=params,
        touched=touched,
        renamed={"meetings": meetings.renamed, "statements": statements.renamed},
        merged={"meetings": meetings.merged, "statements": statements.merged},
    )


# ---------------------------------------------------------------------------------------------
# Reading and writing


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _known_meeting(row: dict[str, Any]) -> KnownMeeting:
    return KnownMeeting(
        row["id"],
        _date(row.get("date")),
        row.get("status") or "HELD",
        frozenset(row["participants"]),
        groups=tuple(frozenset(g.split(",")) for g in row.get("groups") or []),
        mode=row.get("mode"),
        mode_rank=int(row["mode_rank"]) if row.get("mode_rank") is not None else -1,
        status_rank=int(row["status_rank"]) if row.get("status_rank") is not None else -1,
        title=row.get("title"),
        place=row.get("place"),
        reported=tuple(row.get("reported") or []),
    )


@dataclass(slots=True)
class _Seen:
    """The articles of a batch the graph holds. Those written from the same extraction are not
    written again, and count as touched (with the facts they report) and unchanged. Those
    written from another (their text, date or extractor changed) are `replaced`: removed with
    the meetings and statements only they reported (`removed`), then written as new."""

    ids: list[str] = field(default_factory=list)
    touched: dict[str, set[str]] = field(default_factory=_by_kind)
    replaced: list[str] = field(default_factory=list)
    removed: dict[str, set[str]] = field(default_factory=_by_kind)

    def add(self, row: Mapping[str, Any]) -> None:
        self.ids.append(row["id"])
        self.touched["articles"].add(row["id"])
        for kind in ("actors", "meetings", "statements"):
            self.touched[kind].update(i for i in row[kind] if i is not None)


def _merged_by(articles: list[ExtractedArticle], existing: Existing) -> set[str]:
    """The stored statements and meetings that resolving `articles` against `existing` merges
    (``Resolved.merging``), at a fraction of its cost: only two or more stored facts under
    one key (a meeting's day, a statement's speaker and day) can become one, so only those
    keys are grouped (the graph waits while this runs, see ``_prepare_ahead``)."""
    shared_days = {on: known for on, known in _known_by_day(existing).items() if len(known) > 1}
    shared_keys = {key: known for key, known in _known_by_key(existing).items() if len(known) > 1}
    lists: dict[dt.date, set[frozenset[str]]] = {}
    wordings: dict[tuple[str, str], tuple[dt.date | None, set[str]]] = {}
    for extracted in articles:
        for fact in extracted.meetings:
            if fact.date in shared_days:
                people = frozenset(actor_id(p.actor) for p in fact.participants)
                lists.setdefault(fact.date, set()).add(people)
        for said in extracted.statements:
            key = _statement_key(said)
            if key in shared_keys:
                wordings.setdefault(key, (said.date, set()))[1].add(said.text)
    out: _Settled[MeetingRow, ParticipantRow] = _Settled()
    for on, found in lists.items():
        for group in group_meetings(on, found, shared_days[on]):
            out.settle(group.id, (k.id for k in group.known))
    for (speaker, _day), (date, texts) in wordings.items():
        for joined in group_statements(speaker, date, texts, shared_keys[(speaker, _day)]):
            out.settle(joined.id, (k.id for k in joined.known))
    return out.merged


def _facts_written(batch: BatchPlan) -> set[str]:
    """The stored statements and meetings whose relationships `batch`'s write may change:
    those it sets, renames or merges away."""
    out: set[str] = set()
    for kind in ("meetings", "statements"):
        out |= batch.touched[kind] | batch.merged.get(kind, set())
        for old, new in batch.renamed.get(kind, {}).items():
            out |= {old, new}
    return out


@dataclass(slots=True)
class _Prepared:
    articles: list[ExtractedArticle]
    existing: Existing
    extractions: dict[str, str]
    seen: _Seen
    # The stored facts whose links ``existing`` already holds, read while the write before
    # was still to be sent (see ``_prepare_ahead``).
    links_read: frozenset[str] = frozenset()


# How long one lease covers a run of planned-ahead writes before it is let go and taken again.
_RUN_S = 10.0


class _InFlight:
    """A batch whose write has gone to the graph while the next batch is planned."""

    def __init__(
        self,
        articles: list[ExtractedArticle],
        batch: BatchPlan | None,
        write: Coroutine[Any, Any, list[dict[str, Any]]],
        seen: _Seen,
    ) -> None:
        self.articles = articles
        self.batch = batch
        self.seen = seen
        self.task = asyncio.ensure_future(write)

    async def sent(self) -> None:
        """Let the write's task run until it waits for the graph's answer: sent."""
        for _ in range(3):
            if self.task.done():
                break
            await asyncio.sleep(0)

    async def settled(self) -> None:
        """Wait until the graph has applied the write (or refused it)."""
        await asyncio.wait([self.task])

    async def landed(self, writer: ArticleWriter) -> Written:
        return await writer._written(self.batch, await self.task, self.seen)


class ArticleWriter:
    """Writes extracted articles to a store: one resolving read and one atomic write per
    batch of articles (a file, or a slice of a big one)."""

    def __init__(self, store: Store) -> None:
        self._store = store
        # What this writer read and wrote, while nobody else writes (see write.memory).
        self._memory = LoadMemory()

    async def existing(self, articles: list[ExtractedArticle]) -> Existing:
        """What the graph holds that the batch's facts may join: from the memory for the keys
        it holds, from the graph for the others."""
        wanted = _lookup_keys(articles)
        asked = self._memory.missing(wanted)
        if not asked.empty:
            self._memory.learn(asked, await self._read_existing(asked))
        known = self._memory.answer(wanted)
        return Existing(known.actors, known.statements, known.meetings)

    async def _read_existing(self, asked: Lookup) -> Known:
        rows = await self._store.read(EXISTING_FOR_ARTICLES, asked.params())
        found: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            found.setdefault(row["kind"], []).append(row["item"])
        meetings: dict[str, KnownMeeting] = {}
        # FalkorDB projects a missing OPTIONAL MATCH as a map of nulls, not as null.
        for item in (r for r in found.get("meeting", []) if r.get("id") is not None):
            meetings[item["id"]] = _known_meeting(item)
        return Known(
            actors={
                a["id"]: KnownActor(
                    a["id"],
                    a.get("name"),
                    a.get("kind"),
                    tuple(a.get("aliases") or []),
                    a.get("description"),
                    a.get("iso_code"),
                )
                for a in found.get("actor", [])
            },
            statements=[
                KnownStatement(
                    s["id"],
                    s["speaker"],
                    _date(s.get("date")),
                    s["text"],
                    tuple(s.get("variants") or []),
                    s.get("medium"),
                    s.get("language"),
                    tuple(s.get("reported") or []),
                )
                for s in found.get("statement", [])
            ],
            meetings=[meetings[key] for key in sorted(meetings)],
        )

    async def people_as_stored(self, articles: list[ExtractedArticle]) -> list[ExtractedArticle]:
        """The batch with each person named as the graph names them (resolve.people)."""
        keys = people_keys(articles)
        if not keys:
            return articles
        asked = self._memory.people_missing(keys)
        if asked:
            rows = await self._store.read(PEOPLE_BY_NAME_KEY, {"keys": asked})
            self._memory.learn_people(asked, ((r["key"], r["id"], r["name"]) for r in rows))
        return unify_people(articles, self._memory.people(keys))

    async def links(self, ids: list[str]) -> dict[str, Links]:
        rows = await self._store.read(LINKS_OF_FACTS, {"ids": ids})
        return {
            row["id"]: Links(
                reports=tuple(
                    (r["article"], r.get("excerpt"), r.get("offset"), r.get("confidence"))
                    for r in row["reports"]
                    if r.get("article") is not None
                ),
                actors=tuple(
                    (a["actor"], a.get("role")) for a in row["actors"] if a.get("actor") is not None
                ),
                sure=tuple(
                    (a["actor"], a.get("confidence"))
                    for a in row["actors"]
                    if a.get("actor") is not None
                ),
                topics=tuple(t for t in row["topics"] if t is not None),
                met_members=tuple(row.get("met_members") or []),
                given=tuple(
                    (r["article"], _told(r.get("participants")), r.get("title"))
                    for r in row["reports"]
                    if r.get("article") is not None
                ),
            )
            for row in rows
        }

    async def write_batch(self, articles: list[ExtractedArticle]) -> Written:
        """Write one batch: one resolving read (two when it merges stored facts) and one
        atomic write, under the graph's writer lease."""
        done: list[Written] = []
        await self.write_batches([articles], lambda _batch, written: done.append(written))
        return done[0]

    async def write_batches(
        self,
        batches: Iterable[list[ExtractedArticle]],
        on_written: Callable[[list[ExtractedArticle], Written], None],
    ) -> None:
        """Write the batches in order, as ``write_batch`` would one after another, calling
        `on_written` with each batch once its write is committed. Each batch is planned while
        the graph applies the one before (see write.memory): the loader's planning and the
        graph's writing take turns on one core each instead of both waiting on one another.
        The lease is taken again every few seconds, so another writer waits no longer than it
        would for one big write."""
        # The reads, the plans made from them and the writes must not interleave with another
        # writer's: two loaders reading before either writes would each create a statement the
        # other also reports.
        queue = iter(batches)
        upcoming = next(queue, None)
        while upcoming is not None:
            async with writer_lock(self._store):
                await self._version()
                run_ends = time.monotonic() + _RUN_S
                flight: _InFlight | None = None
                done: _InFlight | None = None
                try:
                    articles, ready = upcoming, await self._prepare(upcoming)
                    while True:
                        # Planned while the graph applies the write before.
                        batch = await self._settle(ready, flight)
                        done, flight = flight, None
                        # Taken and hashed while the graph still applies the write before.
                        upcoming = next(queue, None)
                        hashed = _extractions(upcoming) if upcoming is not None else {}
                        if done is not None:
                            await done.settled()
                            if done.task.exception() is not None:
                                failed, done = done, None
                                await failed.landed(self)  # raises the write's error
                        following = None
                        if upcoming is not None and time.monotonic() <= run_ends:
                            # Read before this batch's write goes out, so that the read does
                            # not wait for the write.
                            ahead = await self._prepare_ahead(upcoming, hashed, batch)
                            following = (upcoming, ahead) if ahead is not None else None
                        flight = _InFlight(articles, batch, self._apply(batch), ready.seen)
                        await flight.sent()
                        if done is not None:
                            # Told while the graph applies this write (telling publishes
                            # change events: a round trip the graph need not wait for).
                            landed, done = done, None
                            on_written(landed.articles, await landed.landed(self))
                        if following is None:
                            break
                        articles, ready = following
                    landed, flight = flight, None
                    on_written(landed.articles, await landed.landed(self))
                except Exception:
                    self._memory.forget()
                    for pending in (done, flight):
                        if pending is not None:
                            # Its write went out: say whether it landed before the error goes up.
                            with contextlib.suppress(Exception):
                                on_written(pending.articles, await pending.landed(self))
                    raise
                except BaseException:
                    self._memory.forget()
                    for pending in (done, flight):
                        if pending is not None:
                            pending.task.cancel()
                    raise

    async def _version(self) -> None:
        """Read the graph's version; the memory is kept only if it still tells that graph."""
        found = await self._store.read(GRAPH_VERSION)
        self._memory.holds(int(found[0]["version"]) if found else 0)

    async def _prepare(self, articles: list[ExtractedArticle]) -> _Prepared:
        """The batch's articles to write, with their people named as stored, and what the
        graph holds that their facts may join: all of planning that reads the graph (but for a
        merge's links)."""
        extractions = _extractions(articles)
        seen = await self._seen(extractions)
        if seen.replaced:
            await self._replace(seen)
        return await self._planned_from(articles, extractions, seen)

    async def _prepare_ahead(
        self,
        articles: list[ExtractedArticle],
        extractions: dict[str, str],
        before: BatchPlan | None,
    ) -> _Prepared | None:
        """``_prepare`` while the batch `before` is still to be written; None when the batch
        replaces stored articles or holds one of `before`'s (which the read cannot see yet):
        it then waits until nothing is in flight. `extractions` is ``_extractions`` of
        `articles`."""
        if before is not None and not extractions.keys().isdisjoint(before.article_ids):
            return None
        seen = await self._seen(extractions)
        if seen.replaced:
            return None
        prepared = await self._planned_from(articles, extractions, seen)
        # A batch that merges stored facts needs their relationships as the graph will hold
        # them. Read now, before `before` goes out, they are already right unless `before`
        # writes to those facts (1 batch in 29 that merge, on 10,000 articles of the bench):
        # otherwise the graph would sit idle while this batch is planned after that write.
        merging = _merged_by(prepared.articles, prepared.existing)
        if merging and (before is None or _facts_written(before).isdisjoint(merging)):
            prepared.existing.links = await self.links(sorted(merging))
            prepared.links_read = frozenset(merging)
        return prepared

    async def _planned_from(
        self, articles: list[ExtractedArticle], extractions: dict[str, str], seen: _Seen
    ) -> _Prepared:
        fresh = [a for a in articles if _article_key(a) not in seen.touched["articles"]]
        fresh = await self.people_as_stored(fresh)
        return _Prepared(fresh, await self.existing(fresh), extractions, seen)

    async def _seen(self, extractions: Mapping[str, str]) -> _Seen:
        """The articles stored as written from the extraction they have now. Writing one again
        would change nothing it says, yet could resolve its people otherwise, against a graph
        that has grown since: a reload then moved meetings between two spellings of a name."""
        seen = _Seen()
        rows = await self._store.read(ARTICLES_AS_WRITTEN, {"ids": sorted(extractions)})
        for row in rows:
            if row["extraction"] == extractions[row["id"]]:
                seen.add(row)
            else:
                seen.replaced.append(row["id"])
        return seen

    async def _replace(self, seen: _Seen) -> None:
        """Remove the articles to write anew, with what only they reported: a meeting the new
        text no longer tells must not stay. Only with no write in flight, as the plan of one
        could still count on what this removes."""
        for key in seen.replaced:
            removed = await remove_article(self._store, key)
            if removed is not None:
                seen.removed["meetings"].update(removed.meetings)
                seen.removed["statements"].update(removed.statements)
        await self._version()  # the removals moved the graph on: the memory starts again

    async def _settle(
        self, prepared: _Prepared, flight: _InFlight | None = None
    ) -> BatchPlan | None:
        """Plan a prepared batch (with the write in `flight` applied, if any); the memory
        learns the plan's write at once."""
        articles, existing = prepared.articles, prepared.existing
        resolved = resolve_batch(articles, existing)
        if not prepared.links_read.issuperset(resolved.merging):
            # The batch merges stored facts, whose relationships move with them: read them
            # only once the write before has added what it adds to them.
            if flight is not None:
                await flight.settled()
            existing.links = await self.links(resolved.merging)
        batch = plan_batch(articles, existing, resolved, prepared.extractions)
        if not batch.article_ids:
            return None
        actors = {
            row["id"]: KnownActor(
                row["id"],
                row["name"],
                row["kind"],
                tuple(row["aliases"]),
                row["description"],
                row["iso_code"],
            )
            for row in batch.params["actors"]
        }
        # Each write bumps the version by one: a batch that finds it so knows nobody else
        # wrote in between. (A write that fails makes the memory forget.)
        version = self._memory.version
        if version is None:
            raise RuntimeError("planned a batch without reading the graph's version first")
        self._memory.wrote(batch.params, actors, version + 1)
        # Made ready now, while the graph still applies the write before: preparing the
        # parameters as the write goes out kept the graph waiting for them.
        batch.sent = self._store.prepare(batch.params)
        return batch

    async def _apply(self, batch: BatchPlan | None) -> list[dict[str, Any]]:
        if batch is None:
            return []
        return await self._store.write(WRITE_ARTICLES, batch.sent or batch.params)

    async def _written(
        self, batch: BatchPlan | None, rows: list[dict[str, Any]], seen: _Seen
    ) -> Written:
        if batch is None:
            return Written(seen.ids, seen.touched, _by_kind(), _by_kind(), {}, {}, seen.removed)
        marks = rows[0] if rows else {}
        created = {kind: set(marks.get(f"created_{kind}") or []) for kind in KINDS}
        changed = {kind: set(marks.get(f"changed_{kind}") or []) for kind in KINDS}
        # What a replaced article wrote again was there before the write: changed, not new.
        again = set(seen.replaced).union(*seen.removed.values())
        touched = {kind: batch.touched[kind] | seen.touched[kind] for kind in KINDS}
        written = Written(
            article_ids=batch.article_ids + [i for i in seen.ids if i not in batch.article_ids],
            touched=touched,
            created={kind: ids - again for kind, ids in created.items()},
            changed={kind: changed[kind] | (ids & again) for kind, ids in created.items()},
            renamed=batch.renamed,
            merged=batch.merged,
            removed={kind: ids - touched[kind] for kind, ids in seen.removed.items()},
        )
        # The write committed: tell subscribers, in every process, what it added.
        await publish_added(
            self._store, {kind: sorted(written.created[f"{kind}s"]) for kind in EVENT_KINDS}
        )
        return written

    async def write(self, extracted: ExtractedArticle) -> Written:
        return await self.write_batch([extracted])

    async def write_each(self, articles: list[ExtractedArticle]) -> tuple[str, LoadCounts]:
        """Write the articles one write each (those a page was split into); the first one's
        id, and what the writes did together."""
        counts = LoadCounts()
        first = ""
        for index, article in enumerate(articles):
            written = await self.write(article)
            counts.add(written)
            if index == 0:
                first = written.article_id
        return first, counts
