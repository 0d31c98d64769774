"""The meetings the extractors find, as the parse and the sentence rules hand them on.

Kept apart from the modules that find them (meeting_parse.py, meetings.py) and those that
regroup them (groups.py), so that each can name these types without importing the others.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from newsgraph.ingest.model import MeetingMode, MeetingStatus

__all__ = ["Met", "ParsedMeeting"]


@dataclass
class ParsedMeeting:
    """One meeting the parse names: its trigger's character span and who took part."""

    start: int
    end: int
    word: str
    kind: str  # "verb" or "noun"
    participants: list[tuple[str, str | None]] = field(default_factory=list)
    host: str | None = None
    negated: bool = False
    rule: str = "parse"
    """How the participants were read: "verb" (subject and object of a meeting verb), "noun"
    (possessor and "with" of a meeting noun), "occasion" (the subject and object of another
    verb the meeting is the time of), "exchange" ("exchanged views")."""
    how: dict[str, str] = field(default_factory=dict)
    """How each participant was named: "name", "pronoun", "title" (a title phrase meaning one
    person), "group" (a country or body for its leaders or delegation)."""
    tense_end: int | None = None
    """Where the words that say whether the meeting happened end, when they follow the trigger:
    "a meeting is going to take place" is told by the verb of which the noun is the subject."""
    apart: bool = False
    """ "separate talks with A and B", "met A and B separately": one meeting with each."""
    definite: bool = False
    """ "In the meeting, ...", "During the call, ...": a meeting already told, named again."""


@dataclass
class Met:
    participants: list[tuple[str, str | None]]
    principals: list[str]
    start: int
    end: int
    date: dt.date | None
    mode: MeetingMode
    status: MeetingStatus
    place: str | None
    noun: str
    clause: tuple[int, int]
    topics: list[str] = field(default_factory=list)
    vague: bool = False
    vague_span: tuple[dt.date, dt.date] | None = None
    """The days a vague time allows ("next week"), when it says which."""
    rule: str = "window"
    date_how: str | None = None
    how: dict[str, str] = field(default_factory=dict)
