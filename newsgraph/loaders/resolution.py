"""Resolution: is this fact one the graph already holds, reported again?

Decisions depend only on the set of reports, never on the order they arrive in: a merged
statement takes its longest wording (ties broken alphabetically) and the id derived from it; a
merged meeting takes the union of its participants and the id derived from that. When a later
report changes the id, the writer renames the node, keeping every relationship.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsgraph.loaders.ids import meeting_id, statement_id
from newsgraph.loaders.similarity import same_statement

__all__ = ["KnownMeeting", "KnownStatement", "resolve_meeting", "resolve_statement"]


@dataclass(frozen=True, slots=True)
class KnownStatement:
    id: str
    speaker: str
    date: dt.date | None
    text: str


@dataclass(frozen=True, slots=True)
class KnownMeeting:
    id: str
    date: dt.date | None
    status: str
    participants: frozenset[str]


def _preferred(a: str, b: str) -> str:
    return min(a, b, key=lambda text: (-len(text), text))


def resolve_statement(
    speaker: str, date: dt.date | None, text: str, known: Sequence[KnownStatement]
) -> tuple[str, str, KnownStatement | None]:
    """Return (id, canonical text, the known statement it merges with or None)."""
    for candidate in known:
        if candidate.speaker != speaker or candidate.date != date:
            continue
        if same_statement(candidate.text, text):
            canonical = _preferred(candidate.text, text)
            return statement_id(speaker, date, canonical), canonical, candidate
    return statement_id(speaker, date, text), text, None


def resolve_meeting(
    participants: Iterable[str], date: dt.date | None, status: str, known: Sequence[KnownMeeting]
) -> tuple[str, frozenset[str], KnownMeeting | None]:
    """Return (id, all participants, the known meeting it merges with or None).

    A dated meeting is the same as a known one on the same day when one's participants include
    the other's (one article names the two leaders, another also their advisers). Undated
    meetings merge only when they are the same people with the same status.
    """
    people = frozenset(participants)
    for candidate in known:
        if candidate.date != date:
            continue
        if date is None:
            if candidate.participants == people and candidate.status == status:
                return candidate.id, people, candidate
            continue
        if (
            len(people) >= 2
            and len(candidate.participants) >= 2
            and (people <= candidate.participants or candidate.participants <= people)
        ):
            members = people | candidate.participants
            return meeting_id(members, date, status), members, candidate
    return meeting_id(people, date, status), people, None
