"""What a writer knows the graph holds of the facts it has read and written, so the batches
of a load do not read back what the load itself just wrote.

Planning a batch needs the stored people its people's name keys lead to (``PEOPLE_BY_NAME_KEY``)
and the stored actors, statements and meetings its facts may join (``EXISTING_FOR_ARTICLES``,
by resolution's keys: an actor's id, a statement's speaker and day, a meeting's day and
participants, an undated meeting's id). In a load, most of those keys
were met by an earlier batch, and what the graph holds under them is what that batch read plus
what it wrote: the rows of a write are the stored values merged with the batch's (every value
the write sets is the row's, see ``WRITE_ARTICLES``). So the writer remembers, per key, the
complete answer, and asks the graph only about keys it has not met.

The memory holds only while nobody else writes: each write bumps the graph's version by one,
and a batch that finds the version other than one past the writer's own last write forgets
everything (another loader, an API mutation, a restart from an older log). A write that fails
forgets everything too.

The memory learns a write when it is planned, before the graph has applied it: the writer
plans the next batch while the graph applies this one (``ArticleWriter.write_batches``), and
what it asks the graph then is only what the memory does not hold, which the write in flight
does not touch (a write's keys are the keys its own batch asked for, and those the memory
holds), so the answer is the same whether the graph has applied that write yet or not.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newsgraph.graph.rows import ArticleWrite, MeetingRow, StatementRow, day
from newsgraph.ingest.resolve.facts import KnownMeeting, KnownStatement
from newsgraph.ingest.resolve.people import KnownPerson

__all__ = ["Known", "LoadMemory", "Lookup"]

# Facts remembered before the memory starts again: a long load's memory stays bounded.
_LIMIT = 200_000


@dataclass
class Lookup:
    """Resolution's keys for a batch (the parameters of EXISTING_FOR_ARTICLES)."""

    actors: list[str]
    speaker_days: list[str]
    # Day (ISO) -> the batch's participants of meetings on that day.
    meeting_days: dict[str, list[str]]
    undated_meetings: list[str]

    def params(self) -> dict[str, Any]:
        return {
            "actors": self.actors,
            "speaker_days": self.speaker_days,
            "meeting_days": [
                {"day": on, "participants": people}
                for on, people in sorted(self.meeting_days.items())
            ],
            "undated_meetings": self.undated_meetings,
        }

    @property
    def empty(self) -> bool:
        return not (self.actors or self.speaker_days or self.meeting_days or self.undated_meetings)


@dataclass
class Known:
    """What the graph answered for a lookup (actors as the writer's KnownActor values)."""

    actors: dict[str, Any] = field(default_factory=dict)
    statements: list[KnownStatement] = field(default_factory=list)
    meetings: list[KnownMeeting] = field(default_factory=list)


def speaker_day(speaker: str, date: dt.date | None) -> str:
    """The key a statement is stored and looked up under (``Statement.speaker_day``)."""
    return f"{speaker}|{day(date) or ''}"


class LoadMemory:
    """The complete answers of the graph for the keys a writer has met (see the module)."""

    def __init__(self, limit: int = _LIMIT) -> None:
        self._limit = limit
        self.forget()

    def forget(self) -> None:
        self.version: int | None = None
        # None: the graph holds no actor of that id.
        self._actors: dict[str, Any] = {}
        self._statements: dict[str, KnownStatement] = {}
        self._by_speaker_day: dict[str, set[str]] = {}
        self._meetings: dict[str, KnownMeeting] = {}
        self._by_day: dict[str, set[str]] = {}
        # (day, actor): every meeting of that day with that participant is remembered.
        self._day_people: set[tuple[str, str]] = set()
        self._undated: set[str] = set()
        # A name key -> the ids of every stored person with that key; a person's id -> its
        # name and the keys of it remembered here.
        self._keyed: dict[str, set[str]] = {}
        self._person_names: dict[str, str] = {}
        self._keys_of: dict[str, set[str]] = {}

    def holds(self, version: int) -> bool:
        """Whether the memory still tells what the graph holds at `version`; if not, it is
        emptied (and so tells the graph at `version` again: it answers nothing)."""
        kept = self.version == version
        if not kept or len(self._statements) + len(self._meetings) > self._limit:
            self.forget()
        self.version = version
        return kept

    def missing(self, wanted: Lookup) -> Lookup:
        """The part of `wanted` the memory cannot answer."""
        days = {
            on: gaps
            for on, people in wanted.meeting_days.items()
            if (gaps := [p for p in people if (on, p) not in self._day_people])
        }
        return Lookup(
            [a for a in wanted.actors if a not in self._actors],
            [k for k in wanted.speaker_days if k not in self._by_speaker_day],
            days,
            [m for m in wanted.undated_meetings if m not in self._undated],
        )

    def learn(self, asked: Lookup, found: Known) -> None:
        """Remember the graph's answer to `asked`: complete for each of its keys."""
        for the_id in asked.actors:
            self._actors[the_id] = found.actors.get(the_id)
        for key in asked.speaker_days:
            self._by_speaker_day.setdefault(key, set())
        for st in found.statements:
            self._keep_statement(st)
        for m in found.meetings:
            self._keep_meeting(m)
        self._day_people.update(
            (on, p) for on, people in asked.meeting_days.items() for p in people
        )
        self._undated.update(asked.undated_meetings)

    def people_missing(self, keys: Iterable[str]) -> list[str]:
        """The name keys the memory cannot answer."""
        return [key for key in keys if key not in self._keyed]

    def learn_people(self, asked: Iterable[str], found: Iterable[tuple[str, str, str]]) -> None:
        """Remember the graph's answer to the name keys `asked`: (key, id, name) rows."""
        for key in asked:
            self._keyed.setdefault(key, set())
        for key, the_id, name in found:
            self._keyed.setdefault(key, set()).add(the_id)
            self._keys_of.setdefault(the_id, set()).add(key)
            # A person the memory saw written is named as written: the graph may not have
            # applied that write yet.
            self._person_names.setdefault(the_id, name)

    def people(self, keys: Iterable[str]) -> list[KnownPerson]:
        """The stored people the name keys lead to, all of which the memory now holds, as
        PEOPLE_BY_NAME_KEY would answer."""
        return [
            KnownPerson(key, self._person_names[the_id])
            for key in keys
            for the_id in sorted(self._keyed.get(key, ()))
        ]

    def answer(self, wanted: Lookup) -> Known:
        """What the graph holds for `wanted`, all of whose keys the memory now holds, as
        EXISTING_FOR_ARTICLES would answer it."""
        meetings: dict[str, KnownMeeting] = {}
        for on, people in wanted.meeting_days.items():
            for the_id in self._by_day.get(on, ()):
                m = self._meetings[the_id]
                if not m.participants.isdisjoint(people):
                    meetings[the_id] = m
        for the_id in wanted.undated_meetings:
            if the_id in self._meetings:
                meetings[the_id] = self._meetings[the_id]
        return Known(
            actors={a: known for a in wanted.actors if (known := self._actors.get(a)) is not None},
            statements=[
                self._statements[i]
                for key in wanted.speaker_days
                for i in sorted(self._by_speaker_day.get(key, ()))
            ],
            meetings=[meetings[key] for key in sorted(meetings)],
        )

    def wrote(self, params: ArticleWrite, actors: Mapping[str, Any], version: int) -> None:
        """After a committed write of `params` (`actors`: its actor rows as KnownActor values),
        which left the graph at `version`: the graph now holds the rows' values."""
        self._actors.update(actors)
        for person in params["actors"]:
            if person["name_keys"]:
                self._wrote_person(person["id"], person["name"], set(person["name_keys"]))
        for gone in [
            *params["merged_statements"],
            *(r["old"] for r in params["renamed_statements"]),
        ]:
            self._drop_statement(gone)
        for said in params["statements"]:
            self._keep_statement(_statement(said))
        before = {r["new"]: self._meetings.get(r["old"]) for r in params["renamed_meetings"]}
        members = _members(params)
        for row in params["meetings"]:
            old = self._meetings.get(row["id"]) or before.get(row["id"])
            stored = old.participants if old is not None else frozenset()
            self._keep_meeting(_meeting(row, stored | members.get(row["id"], frozenset())))
        for gone in [*params["merged_meetings"], *(r["old"] for r in params["renamed_meetings"])]:
            if gone not in members:
                self._drop_meeting(gone)
        self.version = version

    def _wrote_person(self, the_id: str, name: str, keys: set[str]) -> None:
        self._person_names[the_id] = name
        held = self._keys_of.setdefault(the_id, set())
        for key in held - keys:
            self._keyed[key].discard(the_id)
        # Only the keys remembered whole: the others the graph is asked, and its answer holds
        # this person already (a write's new keys are its batch's, asked before it).
        for key in keys:
            if key in self._keyed:
                self._keyed[key].add(the_id)
                held.add(key)
        held &= keys

    def _keep_statement(self, st: KnownStatement) -> None:
        self._statements[st.id] = st
        self._by_speaker_day.setdefault(speaker_day(st.speaker, st.date), set()).add(st.id)

    def _drop_statement(self, the_id: str) -> None:
        st = self._statements.pop(the_id, None)
        if st is not None:
            self._by_speaker_day.get(speaker_day(st.speaker, st.date), set()).discard(the_id)

    def _keep_meeting(self, m: KnownMeeting) -> None:
        self._meetings[m.id] = m
        if m.date is not None:
            self._by_day.setdefault(m.date.isoformat(), set()).add(m.id)

    def _drop_meeting(self, the_id: str) -> None:
        m = self._meetings.pop(the_id, None)
        if m is not None and m.date is not None:
            self._by_day.get(m.date.isoformat(), set()).discard(the_id)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _statement(row: StatementRow) -> KnownStatement:
    return KnownStatement(
        row["id"],
        row["speaker"],
        _date(row["date"]),
        row["text"],
        tuple(row["variants"]),
        row["medium"],
        row["language"],
        tuple(row["reported"]),
    )


def _members(params: ArticleWrite) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for row in params["participants"]:
        found.setdefault(row["meeting"], set()).add(row["actor"])
    return {the_id: frozenset(people) for the_id, people in found.items()}


def _meeting(row: MeetingRow, participants: Iterable[str]) -> KnownMeeting:
    return KnownMeeting(
        row["id"],
        _date(row["date"]),
        row["status"] or "HELD",
        frozenset(participants),
        groups=tuple(frozenset(g.split(",")) for g in row["groups"]),
        mode=row["mode"],
        mode_rank=row["mode_rank"],
        status_rank=row["status_rank"],
        title=row["title"],
        place=row["place"],
        reported=tuple(row["reported"]),
    )
