"""Resolution: which reports are of one fact.

A statement or a meeting is the group of its reports, and what the graph stores of it depends
only on that group, never on the order in which reports arrive or how they fall into batches:

- two reports of one speaker and day give the same statement when ``same_statement`` accepts
  their wordings; a statement is a connected group of wordings under that test (a partial quote
  joins the full one, a translation joins either), and takes its longest wording (ties broken
  alphabetically) and the id derived from it;
- two dated reports of one day give the same meeting when one's participants include the
  other's, both naming at least two (one article names the two leaders, another also their
  advisers); a meeting is a connected group of participant lists under that test, and takes the
  union of its participants and the id derived from that. Undated reports are the same meeting
  only with the same people and status, which their id already says.

Groups only grow as reports arrive: a new report can join groups, never split one. So a load
settles every group it touches from what the graph stores of it (each statement's wordings,
each meeting's participant lists) and its own reports alone, and after any sequence of loads
the graph holds the groups of all the reports loaded. Comparing only against a stored node's
canonical wording, or pairing each report with at most one stored node, made the result
depend on what had been loaded before (issue 11).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from newsgraph.graph.evidence import preferred
from newsgraph.ingest.resolve.ids import meeting_id, statement_id
from newsgraph.ingest.resolve.similarity import same_statement

__all__ = [
    "KnownMeeting",
    "KnownStatement",
    "MeetingGroup",
    "StatementGroup",
    "group_meetings",
    "group_statements",
    "preferred",
    "same_meeting",
]

K = TypeVar("K", bound=Hashable)


@dataclass(frozen=True, slots=True)
class KnownStatement:
    """A statement as the graph stores it."""

    id: str
    speaker: str
    date: dt.date | None
    text: str
    # Every wording reported of it; empty for nodes written before wordings were kept.
    variants: tuple[str, ...] = ()
    medium: str | None = None
    language: str | None = None
    # "<article id> <confidence>" of each report, for the statement's confidence.
    reported: tuple[str, ...] = ()

    @property
    def wordings(self) -> tuple[str, ...]:
        return self.variants or (self.text,)


@dataclass(frozen=True, slots=True)
class KnownMeeting:
    """A meeting as the graph stores it."""

    id: str
    date: dt.date | None
    status: str
    participants: frozenset[str]
    # Each report's participant list; empty for nodes written before they were kept.
    groups: tuple[frozenset[str], ...] = ()
    mode: str | None = None
    mode_rank: int = -1
    status_rank: int = -1
    title: str | None = None
    place: str | None = None
    # "<article id> <confidence>" of each report, for the meeting's confidence.
    reported: tuple[str, ...] = ()

    @property
    def participant_lists(self) -> tuple[frozenset[str], ...]:
        return self.groups or (self.participants,)


@dataclass(frozen=True, slots=True)
class StatementGroup:
    """One statement: every wording reported of it, and the stored nodes it brings together."""

    id: str
    text: str
    wordings: frozenset[str]
    known: tuple[KnownStatement, ...]


@dataclass(frozen=True, slots=True)
class MeetingGroup:
    """One dated meeting: every participant list reported of it, and the stored nodes it
    brings together."""

    id: str
    participants: frozenset[str]
    lists: frozenset[frozenset[str]]
    known: tuple[KnownMeeting, ...]


def _components(
    items: Sequence[K],
    linked: Callable[[K, K], bool],
    joined: Iterable[Iterable[K]],
    new: set[K],
) -> list[list[K]]:
    """The connected groups of `items`: those in one of `joined` (a stored node's) are
    together from the start, and any two `linked` are together.

    Only pairs with a `new` item (one no stored node holds) are tested: two stored items were
    tested when the later of them was written. (A busy day holds dozens of stored
    meetings; testing them with each other again made every batch cost what the day holds.)
    """
    index = {item: i for i, item in enumerate(items)}
    parent = list(range(len(items)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for together in joined:
        first: int | None = None
        for item in together:
            j = find(index[item])
            if first is None:
                first = j
            elif j != first:
                parent[j] = first
    fresh = sorted(index[item] for item in new)
    for a in fresh:
        for b in range(len(items)):
            if b == a or (b < a and items[b] in new):
                continue  # itself, or a pair of new items already tested
            # Already together: the (costly) test cannot change anything.
            if find(a) != find(b) and linked(items[a], items[b]):
                parent[find(a)] = find(b)
    groups: dict[int, list[K]] = {}
    for i, item in enumerate(items):
        groups.setdefault(find(i), []).append(item)
    return list(groups.values())


def _merge_same_ids(groups: list[tuple[str, list[K]]]) -> list[tuple[str, list[K]]]:
    """Groups that come to the same id are one node in the graph: make them one group.

    Two connected groups of wordings never share an id (equal wordings are linked), but two
    groups of participant lists can share their union without sharing a list. Such a pair then
    stays one meeting whatever comes later, a case no corpus here has produced."""
    by_id: dict[str, list[K]] = {}
    for the_id, members in groups:
        by_id.setdefault(the_id, []).extend(members)
    return list(by_id.items())


def group_statements(
    speaker: str,
    date: dt.date | None,
    wordings: Iterable[str],
    known: Sequence[KnownStatement],
) -> list[StatementGroup]:
    """The statements of one speaker and day once `wordings` (new reports) join the `known`
    ones (the graph's statements of that speaker and day). Returns the groups that hold a new
    wording or bring stored statements together; stored statements left as they are are not
    returned."""
    new = set(wordings)
    if not known and len(new) == 1:
        # Most speaker-days of a batch: one new wording and nothing stored, one new statement
        # (what the general path below finds, without its bookkeeping).
        (only,) = new
        return [StatementGroup(statement_id(speaker, date, only), only, frozenset(new), ())]
    stored = {w for st in known for w in st.wordings}
    items = sorted(new | stored)
    parts = _components(items, same_statement, (st.wordings for st in known), new - stored)
    owners: dict[str, list[KnownStatement]] = {}
    for st in known:
        for w in st.wordings:
            owners.setdefault(w, []).append(st)
    settled: list[tuple[str, list[str]]] = []
    for part in parts:
        text = preferred(part)
        assert text is not None  # a group holds at least one non-empty wording
        settled.append((statement_id(speaker, date, text), part))
    out: list[StatementGroup] = []
    for the_id, part in _merge_same_ids(settled):
        members = {st.id: st for w in part for st in owners.get(w, [])}
        if not new.intersection(part) and len(members) < 2:
            continue
        text = preferred(part)
        assert text is not None
        out.append(
            StatementGroup(
                the_id, text, frozenset(part), tuple(members[k] for k in sorted(members))
            )
        )
    return sorted(out, key=lambda group: group.id)


def same_meeting(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two reports of one day, by their participants, report one meeting."""
    return a == b or (len(a) >= 2 and len(b) >= 2 and (a <= b or b <= a))


def group_meetings(
    date: dt.date, lists: Iterable[frozenset[str]], known: Sequence[KnownMeeting]
) -> list[MeetingGroup]:
    """The meetings of one day once reports naming these participant `lists` join the `known`
    ones (the graph's meetings of that day that share a participant with them). Returns the
    groups that hold a new list or bring stored meetings together."""
    new = set(lists)
    if not known and len(new) == 1:
        # One new participant list and nothing stored that day: one new meeting.
        (people,) = new
        return [MeetingGroup(meeting_id(people, date, ""), people, frozenset(new), ())]
    stored = {g for m in known for g in m.participant_lists}
    items = sorted(new | stored, key=sorted)
    parts = _components(items, same_meeting, (m.participant_lists for m in known), new - stored)
    owners: dict[frozenset[str], list[KnownMeeting]] = {}
    for m in known:
        for g in m.participant_lists:
            owners.setdefault(g, []).append(m)
    settled = [(meeting_id(frozenset().union(*part), date, ""), part) for part in parts]
    out: list[MeetingGroup] = []
    for the_id, part in _merge_same_ids(settled):
        members = {m.id: m for g in part for m in owners.get(g, [])}
        if not new.intersection(part) and len(members) < 2:
            continue
        out.append(
            MeetingGroup(
                the_id,
                frozenset().union(*part),
                frozenset(part),
                tuple(members[k] for k in sorted(members)),
            )
        )
    return sorted(out, key=lambda group: group.id)
