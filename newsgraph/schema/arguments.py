"""Reading arguments: actors named by id, name or alias; searches; filters as the graph
layer's criteria."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar, cast

from newsgraph.graph.rows import Condition, MeetingCriteria, StatementCriteria, day_number
from newsgraph.ingest.resolve.ids import topic_id
from newsgraph.schema.context import ContextInfo, Loaders
from newsgraph.schema.inputs import (
    ArticleFilter,
    MeetingFilter,
    StatementFilter,
    confidence_floor,
)
from newsgraph.schema.relay import BadInput, decode_global_id
from newsgraph.schema.search import parse_search

__all__ = [
    "actor_key",
    "article_condition",
    "composed",
    "in_order",
    "meeting_condition",
    "meeting_criteria",
    "require_actor",
    "require_actors",
    "search_text",
    "statement_condition",
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


# ---------------------------------------------------------------------------------------------
# Composed filters: AND, OR and NOT (and a meeting filter's participantsAny) as the graph
# layer's Condition. A filter's own fields at the top are read by the list's usual statement
# (meeting_criteria, ...), which starts from an index where it can; each nested filter is
# read whole here, its actors and topics resolved to ids. The operation limits have already
# bounded how deep and wide the filters are.

Filter = MeetingFilter | StatementFilter | ArticleFilter
Fields = Callable[[Any, str], Awaitable[list[tuple[str, Any]]]]


def composed(f: Filter) -> bool:
    """Whether a filter holds AND, OR, NOT or participantsAny."""
    return bool(f.and_ or f.or_ or f.not_ or getattr(f, "participants_any", None))


async def _ids(loaders: Loaders, refs: list[str] | None, what: str) -> tuple[str, ...]:
    return tuple(sorted(set(await require_actors(loaders, list(refs or []), what))))


def _at(where: str, inner: str) -> str:
    """A place inside an argument: `meetings(filter)` and `.OR[0]` give `meetings(filter.OR[0])`."""
    return f"{where[:-1]}{inner})" if where.endswith(")") else f"{where}{inner}"


def _given(*pairs: tuple[str, Any]) -> list[tuple[str, Any]]:
    return [(name, value) for name, value in pairs if value is not None and value != ()]


async def _condition(f: Filter, where: str, fields: Fields) -> Condition:
    """``f``'s ``fields`` (the top's: those its statement does not read) and its nested
    filters, each read whole."""
    nested: list[tuple[Condition, ...]] = []
    lists: list[tuple[str, Sequence[Filter] | None]] = [
        ("AND", f.and_),
        ("OR", f.or_),
        ("NOT", f.not_),
    ]
    for name, items in lists:
        places = [(item, _at(where, f".{name}[{i}]")) for i, item in enumerate(items or [])]
        found = await in_order(*(_whole(item, at, fields) for item, at in places))
        nested.append(tuple(found))
    return Condition(tuple(await fields(f, where)), *nested)


async def _whole(f: Filter, where: str, fields: Fields) -> Condition:
    if getattr(f, "search", None):
        raise BadInput(
            f"{_at(where, '.search')}: a full-text search is allowed only at the top of a filter, "
            "not inside AND, OR or NOT"
        )
    return await _condition(f, where, fields)


async def meeting_condition(loaders: Loaders, f: MeetingFilter, where: str) -> Condition:
    """The composed part of a meeting filter (``where`` names it in errors)."""

    async def top(g: MeetingFilter, at: str) -> list[tuple[str, Any]]:
        return _given(("participants_any", await _ids(loaders, g.participants_any, at)))

    async def whole(g: MeetingFilter, at: str) -> list[tuple[str, Any]]:
        c = meeting_criteria(g, at)
        any_at = _at(at, ".participantsAny")
        return _given(
            ("from", c.from_day),
            ("to", c.to_day),
            ("mode", c.mode),
            ("status", c.status),
            ("topic", c.topic),
            ("min_confidence", c.min_confidence),
            ("participants", await _ids(loaders, g.participants, _at(at, ".participants"))),
            ("participants_any", await _ids(loaders, g.participants_any, any_at)),
        )

    async def fields(g: MeetingFilter, at: str) -> list[tuple[str, Any]]:
        return await (top(g, _at(at, ".participantsAny")) if g is f else whole(g, at))

    return await _condition(f, where, fields)


async def statement_condition(loaders: Loaders, f: StatementFilter, where: str) -> Condition:
    """The composed part of a statement filter (``where`` names it in errors)."""

    async def fields(g: StatementFilter, at: str) -> list[tuple[str, Any]]:
        if g is f:
            return []
        c = statement_criteria(g, at)
        speaker = g.speaker and await require_actor(loaders, g.speaker, _at(at, ".speaker"))
        return _given(
            ("speaker", speaker),
            ("from", c.from_day),
            ("to", c.to_day),
            ("topic", c.topic),
            ("min_confidence", c.min_confidence),
        )

    return await _condition(f, where, fields)


async def article_condition(loaders: Loaders, f: ArticleFilter, where: str) -> Condition:
    """The composed part of an article filter (``where`` names it in errors)."""

    async def fields(g: ArticleFilter, at: str) -> list[tuple[str, Any]]:
        if g is f:
            return []
        publisher = g.publisher and await require_actor(loaders, g.publisher, _at(at, ".publisher"))
        return _given(
            ("publisher", publisher),
            ("mentions", await _ids(loaders, g.mentions, _at(at, ".mentions"))),
            ("from", day_number(g.from_)),
            ("to", day_number(g.to)),
            ("topic", topic_key(g.topic)),
        )

    return await _condition(f, where, fields)
