"""Resolving facts against the graph: which reports are of one statement or meeting?"""

from __future__ import annotations

from newsgraph.ingest.resolve.facts import (
    KnownMeeting,
    KnownStatement,
    MeetingGroup,
    StatementGroup,
    group_meetings,
    group_statements,
)

__all__ = [
    "KnownMeeting",
    "KnownStatement",
    "MeetingGroup",
    "StatementGroup",
    "group_meetings",
    "group_statements",
]
