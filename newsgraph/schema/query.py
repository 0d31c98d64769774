"""The query root: entry points into the graph."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from newsgraph.graph import cypher
from newsgraph.graph.cypher import Statement as CypherStatement
from newsgraph.graph.maintenance import node_counts
from newsgraph.graph.store import Store
from newsgraph.loaders.ids import topic_id
from newsgraph.schema.context import Loaders
from newsgraph.schema.relay import BadInput, Connection, decode_global_id
from newsgraph.schema.types import (
    Actor,
    ActorKind,
    Article,
    ContextInfo,
    Meeting,
    MeetingMode,
    MeetingStatus,
    Node,
    Statement,
    _nodes,
    _page,
    build_node,
)

__all__ = ["Query"]


@strawberry.type(description="How much the graph holds.")
class Stats:
    articles: int = strawberry.field(description="Articles loaded.")
    actors: int = strawberry.field(description="People, countries, organisations and media.")
    meetings: int = strawberry.field(description="Meetings, calls and visits.")
    statements: int = strawberry.field(description="Statements attributed to a speaker.")
    topics: int = strawberry.field(description="Topics.")


@strawberry.input(description="Narrow the list of actors.")
class ActorFilter:
    kind: ActorKind | None = strawberry.field(default=None, description="Only this kind.")
    name: str | None = strawberry.field(
        default=None, description="Name or alias contains this text (case-insensitive)."
    )


@strawberry.input(description="Narrow the list of meetings.")
class MeetingFilter:
    participants: list[str] | None = strawberry.field(
        default=None,
        description="Actors (names, aliases or ids) who all took part.",
    )
    from_: dt.date | None = strawberry.field(
        default=None, name="from", description="On or after this day."
    )
    to: dt.date | None = strawberry.field(default=None, description="On or before this day.")
    mode: MeetingMode | None = strawberry.field(default=None, description="Only this mode.")
    status: MeetingStatus | None = strawberry.field(default=None, description="Only this status.")
    topic: str | None = strawberry.field(default=None, description="About this topic (name).")


@strawberry.input(description="Narrow the list of statements.")
class StatementFilter:
    speaker: str | None = strawberry.field(
        default=None, description="Said by this actor (name, alias or id)."
    )
    topic: str | None = strawberry.field(default=None, description="About this topic (name).")
    from_: dt.date | None = strawberry.field(
        default=None, name="from", description="On or after this day."
    )
    to: dt.date | None = strawberry.field(default=None, description="On or before this day.")
    search: str | None = strawberry.field(
        default=None, description="Text contains this (case-insensitive)."
    )


async def _actor_key(loaders: Loaders, ref: str) -> str | None:
    """An actor's key from a global id, or from a name or alias (case-insensitive)."""
    try:
        type_name, key = decode_global_id(ref)
    except BadInput:
        pass
    else:
        if type_name == "Actor":
            return key
    found = await loaders.actor_by_name.load(ref.strip().lower())
    return str(found) if found is not None else None


async def _require_actor(loaders: Loaders, ref: str, what: str) -> str:
    key = await _actor_key(loaders, ref)
    if key is None:
        raise BadInput(f"{what}: no actor is named {ref!r}")
    return key


def _topic_key(name: str | None) -> str | None:
    return topic_id(name) if name else None


def _fetcher(store: Store, statement: CypherStatement, params: dict[str, Any]) -> Any:
    async def fetch(cursor: str | None, size: int) -> tuple[list[dict[str, Any]], bool]:
        rows = await store.read(statement, {**params, "after": cursor, "first": size + 1})
        return rows, len(rows) > size

    return fetch


def _counter(store: Store, statement: CypherStatement, params: dict[str, Any]) -> Any:
    async def total() -> int:
        rows = await store.read(statement, params)
        return int(rows[0]["total"]) if rows else 0

    return total


@strawberry.type(description="Read the news graph.")
class Query:
    @strawberry.field(description="Any object by its global id.")
    async def node(self, info: ContextInfo, id: strawberry.ID) -> Node | None:
        type_name, key = decode_global_id(id)
        return await build_node(info.context.loaders, type_name, key)

    @strawberry.field(description="Several objects by global id, in the order asked.")
    async def nodes(self, info: ContextInfo, ids: list[strawberry.ID]) -> list[Node | None]:
        if len(ids) > 100:
            raise BadInput("`ids` takes at most 100 ids")
        decoded = [decode_global_id(value) for value in ids]
        return [await build_node(info.context.loaders, t, k) for t, k in decoded]

    @strawberry.field(description="Counts of what the graph holds.")
    async def stats(self, info: ContextInfo) -> Stats:
        counts = await node_counts(info.context.store)
        return Stats(**counts)

    @strawberry.field(description="One article, by global id or by URL.")
    async def article(
        self, info: ContextInfo, id: strawberry.ID | None = None, url: str | None = None
    ) -> Article | None:
        loaders = info.context.loaders
        if (id is None) == (url is None):
            raise BadInput("give exactly one of `id` or `url`")
        if id is not None:
            type_name, key = decode_global_id(id)
            if type_name != "Article":
                return None
        else:
            assert url is not None
            found = await loaders.article_by_url.load(url)
            if found is None:
                return None
            key = str(found)
        row = await loaders.article.load(key)
        return Article.from_row(row) if row else None

    @strawberry.field(description="Articles, newest first.")
    async def articles(
        self, info: ContextInfo, first: int | None = None, after: str | None = None
    ) -> Connection[Article]:
        store, loaders = info.context.store, info.context.loaders

        async def build(ids: list[str]) -> list[Any]:
            return await _nodes(loaders.article, ids, Article.from_row)

        return await _page(
            _fetcher(store, cypher.ARTICLE_PAGE, {}),
            build,
            _counter(store, cypher.ARTICLE_COUNT, {}),
            first,
            after,
        )

    @strawberry.field(
        description="One actor, by global id or by name — canonical or any alias, any case."
    )
    async def actor(
        self, info: ContextInfo, id: strawberry.ID | None = None, name: str | None = None
    ) -> Actor | None:
        loaders = info.context.loaders
        if (id is None) == (name is None):
            raise BadInput("give exactly one of `id` or `name`")
        key = await _actor_key(loaders, str(id if id is not None else name))
        if key is None:
            return None
        row = await loaders.actor.load(key)
        return Actor.from_row(row) if row else None

    @strawberry.field(description="Actors, by name.")
    async def actors(
        self,
        info: ContextInfo,
        filter: ActorFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Actor]:
        store, loaders = info.context.store, info.context.loaders
        params = {
            "kind": filter.kind.value if filter and filter.kind else None,
            "name": filter.name.lower() if filter and filter.name else None,
        }

        async def build(ids: list[str]) -> list[Any]:
            return await _nodes(loaders.actor, ids, Actor.from_row)

        return await _page(
            _fetcher(store, cypher.ACTOR_PAGE, params),
            build,
            _counter(store, cypher.ACTOR_COUNT, params),
            first,
            after,
        )

    @strawberry.field(description="One meeting by global id.")
    async def meeting(self, info: ContextInfo, id: strawberry.ID) -> Meeting | None:
        type_name, key = decode_global_id(id)
        if type_name != "Meeting":
            return None
        row = await info.context.loaders.meeting.load(key)
        return Meeting.from_row(row) if row else None

    @strawberry.field(description="Meetings, newest first; undated ones last.")
    async def meetings(
        self,
        info: ContextInfo,
        filter: MeetingFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Meeting]:
        store, loaders = info.context.store, info.context.loaders
        f = filter or MeetingFilter()
        people = [
            await _require_actor(loaders, ref, "meetings(filter.participants)")
            for ref in f.participants or []
        ]
        params = {
            "participants": sorted(set(people)),
            "from": f.from_,
            "to": f.to,
            "mode": f.mode.value if f.mode else None,
            "status": f.status.value if f.status else None,
            "topic": _topic_key(f.topic),
        }
        page, count = (
            (cypher.MEETING_PAGE_WITH, cypher.MEETING_COUNT_WITH)
            if people
            else (cypher.MEETING_PAGE, cypher.MEETING_COUNT)
        )

        async def build(ids: list[str]) -> list[Any]:
            return await _nodes(loaders.meeting, ids, Meeting.from_row)

        return await _page(
            _fetcher(store, page, params), build, _counter(store, count, params), first, after
        )

    @strawberry.field(description="Statements, newest first; undated ones last.")
    async def statements(
        self,
        info: ContextInfo,
        filter: StatementFilter | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Statement]:
        store, loaders = info.context.store, info.context.loaders
        f = filter or StatementFilter()
        speaker = (
            await _require_actor(loaders, f.speaker, "statements(filter.speaker)")
            if f.speaker
            else None
        )
        params = {
            "speaker": speaker,
            "topic": _topic_key(f.topic),
            "from": f.from_,
            "to": f.to,
            "search": f.search.lower() if f.search else None,
        }

        async def build(ids: list[str]) -> list[Any]:
            return await _nodes(loaders.statement, ids, Statement.from_row)

        return await _page(
            _fetcher(store, cypher.STATEMENT_PAGE, params),
            build,
            _counter(store, cypher.STATEMENT_COUNT, params),
            first,
            after,
        )
