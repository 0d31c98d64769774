"""Subscriptions: articles, meetings and statements as writes add them, in any process.

Each subscription reads the change events of its kind (newsgraph/graph/events.py) from where
the client left off (``after``, or for SSE the ``Last-Event-ID`` header), asks the graph which
of the added nodes match its filter (the lists' own filter, so both agree) and sends those.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Awaitable, Callable
from typing import Annotated, Any

import strawberry
from graphql import GraphQLError

from newsgraph.graph import cypher
from newsgraph.graph.events import ChangeEvent, EventLog, InvalidEventId
from newsgraph.graph.rows import Condition, day_number
from newsgraph.graph.store import Record
from newsgraph.schema.arguments import (
    article_condition,
    meeting_condition,
    meeting_criteria,
    require_actor,
    require_actors,
    search_text,
    statement_condition,
    statement_criteria,
    topic_key,
)
from newsgraph.schema.context import ContextInfo, Loaders
from newsgraph.schema.inputs import (
    ArticleFilter,
    ArticleFilterArg,
    MeetingFilter,
    MeetingFilterArg,
    StatementFilter,
    StatementFilterArg,
)
from newsgraph.schema.relay import BadInput
from newsgraph.schema.types import Article, Meeting, Statement

__all__ = ["ArticleAdded", "MeetingAdded", "StatementAdded", "Subscription"]

# Events read from the log at a time, and how long one read waits for new ones (a wait that
# ends empty just starts again; it bounds how long a closed subscription holds a connection).
_BATCH = 100
_BLOCK_MS = 5_000

_EVENT_ID = (
    "This event's position in the change log. Subscribe again with `after` set to it (or, over "
    "SSE, send it as the Last-Event-ID header) to get everything added since, as long as the "
    "log still holds it."
)

AfterEvent = Annotated[
    str | None,
    strawberry.argument(
        description="Start after this event id (an `eventId` sent before; `0` for everything "
        "the log still holds). Unset: from now on."
    ),
]


@strawberry.type(description="A meeting a write just added to the graph.")
class MeetingAdded:
    event_id: str = strawberry.field(description=_EVENT_ID)
    meeting: Meeting = strawberry.field(description="The meeting, as stored.")


@strawberry.type(description="A statement a write just added to the graph.")
class StatementAdded:
    event_id: str = strawberry.field(description=_EVENT_ID)
    statement: Statement = strawberry.field(description="The statement, as stored.")


@strawberry.type(description="An article a write just added to the graph.")
class ArticleAdded:
    event_id: str = strawberry.field(description=_EVENT_ID)
    article: Article = strawberry.field(description="The article, as stored.")


def _unauthenticated() -> GraphQLError:
    return GraphQLError(
        "subscriptions need a valid API key: `Authorization: Bearer <key>`, or over a "
        'WebSocket `{"Authorization": "Bearer <key>"}` in connection_init\'s payload',
        extensions={"code": "UNAUTHENTICATED"},
    )


def _log(info: ContextInfo) -> EventLog:
    if not info.context.may_subscribe:
        raise _unauthenticated()
    events: EventLog | None = info.context.events
    if events is None:
        raise GraphQLError(
            "live updates are not available on this server", extensions={"code": "UNAVAILABLE"}
        )
    return events


# Which of the given node ids match the subscription's filter (asked of the graph).
Matching = Callable[[list[str]], Awaitable[list[Record]]]
# The nodes' rows by id, through the request's loaders.
Rows = Callable[[Loaders], Any]


async def _follow(
    info: ContextInfo, kind: str, after: str | None, matching: Matching, loader: Rows
) -> AsyncGenerator[tuple[ChangeEvent, Record], None]:
    """The added nodes of ``kind`` that match, with their events, from ``after`` on."""
    events = _log(info)
    position = after if after is not None else info.context.last_event_id
    if position is None:
        position = await events.last_id(kind)
    while True:
        try:
            batch = await events.read(kind, position, _BATCH, _BLOCK_MS)
        except InvalidEventId as exc:
            raise BadInput(f"after: {exc}") from exc
        if not batch:
            continue
        position = batch[-1].id
        wanted = {row["id"] for row in await matching([event.node for event in batch])}
        # Fresh loaders for each batch: a WebSocket's context lives as long as the
        # connection, and cached rows would go stale and pile up.
        info.context.loaders = Loaders(info.context.store)
        chosen = [event for event in batch if event.node in wanted]
        rows = await loader(info.context.loaders).load_many([event.node for event in chosen])
        for event, row in zip(chosen, rows, strict=True):
            if row is not None:
                info.context.note_event(event.id)
                yield event, row


def _matching(info: ContextInfo, statement: cypher.Statement, params: dict[str, Any]) -> Matching:
    async def ask(ids: list[str]) -> list[Record]:
        return await info.context.store.read(statement, {**params, "ids": ids})

    return ask


@strawberry.type(description="Live updates: what writes add, as they add it.")
class Subscription:
    @strawberry.subscription(
        description="Meetings as writes add them (a load, a mutation, in any process), those "
        "that match `filter`."
    )
    async def meeting_added(
        self, info: ContextInfo, filter: MeetingFilterArg = None, after: AfterEvent = None
    ) -> AsyncGenerator[MeetingAdded, None]:
        f = filter or MeetingFilter()
        _log(info)
        people = await require_actors(
            info.context.loaders, list(f.participants or []), "meetingAdded(filter.participants)"
        )
        params = {
            **meeting_criteria(f, "meetingAdded(filter)").params(),
            "participants": sorted(set(people)),
        }
        where = await meeting_condition(info.context.loaders, f, "meetingAdded(filter)")
        statement = _composed("Meeting", cypher.ADDED_MEETINGS_MATCHING, where, params)
        matching = _matching(info, statement, params)
        async for event, row in _follow(info, "meeting", after, matching, _meetings):
            yield MeetingAdded(event_id=event.id, meeting=Meeting.from_row(row))

    @strawberry.subscription(
        description="Statements as writes add them, those that match `filter`."
    )
    async def statement_added(
        self, info: ContextInfo, filter: StatementFilterArg = None, after: AfterEvent = None
    ) -> AsyncGenerator[StatementAdded, None]:
        f = filter or StatementFilter()
        _log(info)
        where = "statementAdded(filter)"
        speaker = (
            await require_actor(info.context.loaders, f.speaker, f"{where}.speaker")
            if f.speaker
            else None
        )
        search = search_text(info, f.search, f"{where}.search")
        params = {**statement_criteria(f, where).params(), "speaker": speaker, "search": search}
        statement = cypher.ADDED_STATEMENTS_SEARCH if search else cypher.ADDED_STATEMENTS_MATCHING
        composed = await statement_condition(info.context.loaders, f, where)
        statement = _composed("Statement", statement, composed, params)
        matching = _matching(info, statement, params)
        async for event, row in _follow(info, "statement", after, matching, _statements):
            yield StatementAdded(event_id=event.id, statement=Statement.from_row(row))

    @strawberry.subscription(description="Articles as writes add them, those that match `filter`.")
    async def article_added(
        self, info: ContextInfo, filter: ArticleFilterArg = None, after: AfterEvent = None
    ) -> AsyncGenerator[ArticleAdded, None]:
        f = filter or ArticleFilter()
        _log(info)
        where = "articleAdded(filter)"
        loaders = info.context.loaders
        mentions = await require_actors(loaders, list(f.mentions or []), f"{where}.mentions")
        publisher = (
            await require_actor(loaders, f.publisher, f"{where}.publisher") if f.publisher else None
        )
        search = search_text(info, f.search, f"{where}.search")
        params = {
            "publisher": publisher,
            "from": day_number(f.from_),
            "to": day_number(f.to),
            "mentions": sorted(set(mentions)),
            "topic": topic_key(f.topic),
            "search": search,
        }
        statement = cypher.ADDED_ARTICLES_SEARCH if search else cypher.ADDED_ARTICLES_MATCHING
        composed = await article_condition(loaders, f, where)
        statement = _composed("Article", statement, composed, params)
        matching = _matching(info, statement, params)
        async for event, row in _follow(info, "article", after, matching, _articles):
            yield ArticleAdded(event_id=event.id, article=Article.from_row(row))


def _composed(
    label: str, plain: cypher.Statement, where: Condition, params: dict[str, Any]
) -> cypher.Statement:
    """The live-update statement with a subscription's AND, OR, NOT (and participantsAny)
    ANDed to its filter, as the lists compose theirs; ``plain`` when there are none."""
    if not where:
        return plain
    values: dict[str, Any] = {}
    extra = cypher.condition(label, where, values)
    params.update(values)
    return cypher.composed_added(label, plain.fulltext, extra)


def _meetings(loaders: Loaders) -> Any:
    return loaders.meeting


def _statements(loaders: Loaders) -> Any:
    return loaders.statement


def _articles(loaders: Loaders) -> Any:
    return loaders.article
