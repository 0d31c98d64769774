"""Reading arguments: actors named by id, name or alias; searches; filters as the graph
layer's criteria."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar, cast

from newsgraph.graph.rows import MeetingCriteria, StatementCriteria, day_number
from newsgraph.ingest.resolve.ids import topic_id
from newsgraph.schema.context import ContextInfo, Loaders
from newsgraph.schema.inputs import MeetingFilter, StatementFilter, confidence_floor
from newsgraph.schema.relay import BadInput, decode_global_id
from newsgraph.schema.search import parse_search

__all__ = [
    "actor_key",
    "in_order",
    "meeting_criteria",
    "require_actor",
    "require_actors",
    "search_text",
    "statement_criteria",
    "topic_key",
]

T = TypeVar("T")


async def actor_key(loaders: Loaders, ref: str) -> str | None:
    """An actor's key from a global id, or from a name or alias (case-insensitive)."""
    try:
        type_name, key = decode_global_id(ref)
    except BadInput:
        pass
    else:
        if type_name == "Actor":
            return key
    found = await loaders.actor_by_name.load(ref.strip().lower())
    if found is None:
        return None
    # The lookup answered the actor itself: showing it needs no second round trip.
    loaders.actor.prime(found["id"], found)
    return str(found["id"])


async def require_actor(loaders: Loaders, ref: str, what: str) -> str:
    key = await actor_key(loaders, ref)
    if key is None:
        raise BadInput(f"{what}: no actor is named {ref!r}")
    return key


async def in_order(*calls: Awaitable[T]) -> list[T]:
    """Await ``calls`` together (their DataLoader lookups share one round trip, their graph
    calls overlap); the first failure in the order given is the one raised, as when they ran
    one after the other."""
    found = await asyncio.gather(*calls, return_exceptions=True)
    for item in found:
        if isinstance(item, BaseException):
            raise item
    return cast(list[T], found)


async def require_actors(loaders: Loaders, refs: list[str], what: str) -> list[str]:
    return await in_order(*(require_actor(loaders, ref, what) for ref in refs))


def topic_key(name: str | None) -> str | None:
    return topic_id(name) if name else None


def search_text(info: ContextInfo, text: str | None, where: str) -> str | None:
    """What the full-text engine is given for a search argument (None: blank, no search).

    Every field that takes a search comes through here, so one grammar and one set of bounds
    (the context's, from the settings) applies to all of them; the operation limits already
    refused any search that fails them before the operation ran.
    """
    if text is None:
        return None
    found = parse_search(text, info.context.search, where)
    return found.text if found is not None else None


def meeting_criteria(f: MeetingFilter, where: str) -> MeetingCriteria:
    """A meeting filter's fields but its participants; ``where`` names it in errors."""
    return MeetingCriteria(
        from_day=day_number(f.from_),
        to_day=day_number(f.to),
        mode=f.mode.value if f.mode else None,
        status=f.status.value if f.status else None,
        topic=topic_key(f.topic),
        min_confidence=confidence_floor(f.min_confidence, where),
    )


def statement_criteria(f: StatementFilter, where: str) -> StatementCriteria:
    """A statement filter's fields but its speaker and search."""
    return StatementCriteria(
        from_day=day_number(f.from_),
        to_day=day_number(f.to),
        topic=topic_key(f.topic),
        min_confidence=confidence_floor(f.min_confidence, where),
    )
