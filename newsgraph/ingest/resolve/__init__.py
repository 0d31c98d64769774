"""Resolving facts against the graph: is this statement or meeting one it already holds?"""

from __future__ import annotations

from newsgraph.ingest.resolve.facts import (
    KnownMeeting,
    KnownStatement,
    match_statements,
    merge_statement,
    resolve_meeting,
)

__all__ = [
    "KnownMeeting",
    "KnownStatement",
    "match_statements",
    "merge_statement",
    "resolve_meeting",
]
