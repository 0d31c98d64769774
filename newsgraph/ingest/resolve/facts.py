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

from newsgraph.ingest.resolve.ids import meeting_id, statement_id
from newsgraph.ingest.resolve.similarity import same_statement, statement_overlap

__all__ = [
    "KnownMeeting",
    "KnownStatement",
    "match_statements",
    "merge_statement",
    "resolve_meeting",
]


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


def match_statements(
    new: Sequence[KnownStatement], known: Sequence[KnownStatement]
) -> list[KnownStatement | None]:
    """Pair each new statement with the known statement it reports again, if any.

    Pairs need the same speaker and day and wording ``same_statement`` accepts; the closest
    pairs are taken first and each known statement pairs at most once, so one article's
    paraphrase cannot take the place of its own full quote. Statements of one article never
    merge with each other: the extractor already tells its sentences apart.
    """
    # Only one speaker's statements of one day can pair: group them once, not per item.
    by_key: dict[tuple[str, dt.date | None], list[int]] = {}
    for j, candidate in enumerate(known):
        by_key.setdefault((candidate.speaker, candidate.date), []).append(j)
    # An article quoting one statement twice reports it once: its copies share a match.
    first: dict[tuple[str, dt.date | None, str], int] = {}
    for i, item in enumerate(new):
        first.setdefault((item.speaker, item.date, item.text), i)
    scored: list[tuple[float, int, int]] = []
    for i in sorted(set(first.values())):
        item = new[i]
        for j in by_key.get((item.speaker, item.date), ()):
            candidate = known[j]
            if same_statement(candidate.text, item.text):
                scored.append((statement_overlap(candidate.text, item.text), i, j))
    # Ties fall back to text order, never to arrival order.
    scored.sort(key=lambda t: (-t[0], new[t[1]].text, known[t[2]].text))
    matches: list[KnownStatement | None] = [None] * len(new)
    taken: set[int] = set()
    for _score, i, j in scored:
        if matches[i] is None and j not in taken:
            matches[i] = known[j]
            taken.add(j)
    return [matches[first[(item.speaker, item.date, item.text)]] for item in new]


def merge_statement(item: KnownStatement, match: KnownStatement | None) -> tuple[str, str]:
    """The id and canonical text of a statement, merged with its match if it has one."""
    if match is None:
        return statement_id(item.speaker, item.date, item.text), item.text
    canonical = _preferred(match.text, item.text)
    return statement_id(item.speaker, item.date, canonical), canonical


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
