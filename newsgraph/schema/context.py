"""Per-request context: the store and the request's DataLoaders.

Loaders are built for each request so that cached values never leak between requests, and
every loader batches its keys into one graph call.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from strawberry.types import Info

from newsgraph.graph import cypher, reads
from newsgraph.graph.cypher import Statement
from newsgraph.graph.reads import OwnerPage, OwnerPageKey
from newsgraph.graph.store import Record, Store
from newsgraph.schema.search import SearchRules

__all__ = ["Context", "ContextInfo", "Loaders"]

K = TypeVar("K")
V = TypeVar("V")
TopKey = tuple[str, int]


def _loader(load: Callable[[Sequence[K]], Awaitable[list[V]]]) -> DataLoader[K, V]:
    return DataLoader(load_fn=load)


def _one(store: Store, statement: Statement, param: str = "ids") -> DataLoader[str, Any]:
    """Loader of one row's ``node`` per key (None when the key is unknown)."""
    return _loader(partial(reads.by_key, store, statement, param=param))


def _many(store: Store, statement: Statement) -> DataLoader[str, list[Record]]:
    """Loader of every row per key, in the statement's order."""
    return _loader(partial(reads.related, store, statement))


def _owner_pages(store: Store, statement: Statement) -> DataLoader[OwnerPageKey, OwnerPage]:
    """Loader of one page of a per-owner list (an actor's meetings, ...), many owners a call."""
    return _loader(partial(reads.owner_pages, store, statement))


def _top(store: Store, statement: Statement) -> DataLoader[TopKey, list[Record]]:
    """Loader of an owner's first N related rows (counterparts, co-mentions)."""
    return _loader(partial(reads.top, store, statement))


@dataclass
class Loaders:
    store: Store
    article: DataLoader[str, Any] = field(init=False)
    article_body: DataLoader[str, Any] = field(init=False)
    actor: DataLoader[str, Any] = field(init=False)
    meeting: DataLoader[str, Any] = field(init=False)
    statement: DataLoader[str, Any] = field(init=False)
    topic: DataLoader[str, Any] = field(init=False)
    actor_by_name: DataLoader[str, Any] = field(init=False)
    article_by_url: DataLoader[str, Any] = field(init=False)
    roles: DataLoader[str, list[Record]] = field(init=False)
    participants: DataLoader[str, list[Record]] = field(init=False)
    meeting_reports: DataLoader[str, list[Record]] = field(init=False)
    statement_reports: DataLoader[str, list[Record]] = field(init=False)
    meeting_topics: DataLoader[str, list[Record]] = field(init=False)
    statement_topics: DataLoader[str, list[Record]] = field(init=False)
    article_topics: DataLoader[str, list[Record]] = field(init=False)
    statement_mentions: DataLoader[str, list[Record]] = field(init=False)
    article_mentions: DataLoader[str, list[Record]] = field(init=False)
    article_meetings: DataLoader[str, list[Record]] = field(init=False)
    article_statements: DataLoader[str, list[Record]] = field(init=False)
    actor_meetings: DataLoader[OwnerPageKey, OwnerPage] = field(init=False)
    actor_statements: DataLoader[OwnerPageKey, OwnerPage] = field(init=False)
    actor_articles: DataLoader[OwnerPageKey, OwnerPage] = field(init=False)
    topic_articles: DataLoader[OwnerPageKey, OwnerPage] = field(init=False)
    topic_meetings: DataLoader[OwnerPageKey, OwnerPage] = field(init=False)
    topic_statements: DataLoader[OwnerPageKey, OwnerPage] = field(init=False)
    counterparts: DataLoader[TopKey, list[Record]] = field(init=False)
    co_mentioned: DataLoader[TopKey, list[Record]] = field(init=False)
    # Counts of an object's relationships (reports, meetings, ...), without loading them.
    meeting_report_count: DataLoader[str, Any] = field(init=False)
    statement_report_count: DataLoader[str, Any] = field(init=False)
    actor_meeting_count: DataLoader[str, Any] = field(init=False)
    actor_statement_count: DataLoader[str, Any] = field(init=False)
    actor_mention_count: DataLoader[str, Any] = field(init=False)

    def __post_init__(self) -> None:
        s = self.store
        self.article = _one(s, cypher.ARTICLES_BY_ID)
        self.article_body = _one(s, cypher.ARTICLE_BODIES)
        self.actor = _one(s, cypher.ACTORS_BY_ID)
        self.meeting = _one(s, cypher.MEETINGS_BY_ID)
        self.statement = _one(s, cypher.STATEMENTS_BY_ID)
        self.topic = _one(s, cypher.TOPICS_BY_ID)
        self.actor_by_name = _one(s, cypher.ACTORS_BY_NAME, "names")
        self.article_by_url = _one(s, cypher.ARTICLES_BY_URL, "urls")
        self.roles = _many(s, cypher.ROLES_BY_ACTOR)
        self.participants = _many(s, cypher.PARTICIPANTS_BY_MEETING)
        self.meeting_reports = _many(s, cypher.REPORTS_OF_MEETINGS)
        self.statement_reports = _many(s, cypher.REPORTS_OF_STATEMENTS)
        self.meeting_topics = _many(s, cypher.TOPICS_OF_MEETINGS)
        self.statement_topics = _many(s, cypher.TOPICS_OF_STATEMENTS)
        self.article_topics = _many(s, cypher.TOPICS_OF_ARTICLES)
        self.statement_mentions = _many(s, cypher.MENTIONS_OF_STATEMENTS)
        self.article_mentions = _many(s, cypher.MENTIONS_OF_ARTICLES)
        self.article_meetings = _many(s, cypher.MEETINGS_OF_ARTICLES)
        self.article_statements = _many(s, cypher.STATEMENTS_OF_ARTICLES)
        self.actor_meetings = _owner_pages(s, cypher.ACTOR_MEETINGS)
        self.actor_statements = _owner_pages(s, cypher.ACTOR_STATEMENTS)
        self.actor_articles = _owner_pages(s, cypher.ACTOR_ARTICLES)
        self.topic_articles = _owner_pages(s, cypher.TOPIC_ARTICLES)
        self.topic_meetings = _owner_pages(s, cypher.TOPIC_MEETINGS)
        self.topic_statements = _owner_pages(s, cypher.TOPIC_STATEMENTS)
        self.counterparts = _top(s, cypher.COUNTERPARTS)
        self.co_mentioned = _top(s, cypher.CO_MENTIONED)
        self.meeting_report_count = _one(s, cypher.REPORT_COUNTS_OF_MEETINGS)
        self.statement_report_count = _one(s, cypher.REPORT_COUNTS_OF_STATEMENTS)
        self.actor_meeting_count = _one(s, cypher.MEETING_COUNTS_OF_ACTORS)
        self.actor_statement_count = _one(s, cypher.STATEMENT_COUNTS_OF_ACTORS)
        self.actor_mention_count = _one(s, cypher.MENTION_COUNTS_OF_ACTORS)


@dataclass
class Context:
    """What every resolver sees as ``info.context``."""

    store: Store
    loaders: Loaders
    request: Any = None
    response: Any = None
    authenticated: bool = False
    # The loaders' reference data (known actors, topics), for mutations that ingest articles.
    reference: Any = None
    # The bounds of input the settings give: every search, and every list argument.
    search: SearchRules = field(default_factory=SearchRules)
    max_list_items: int = 100
    # Live updates: the change-event log, whether this client may subscribe, where an SSE
    # client resumes (its Last-Event-ID header), and the id of the last event sent.
    events: Any = None
    may_subscribe: bool = True
    last_event_id: str | None = None
    sent_event_id: str | None = None
    # A WebSocket's connection_init payload (Strawberry sets it).
    connection_params: Any = None
    # ingestArticle's `url`: the fetcher's bounds (ingest.sources.fetch.FetchLimits).
    fetch_limits: Any = None

    def note_event(self, event_id: str) -> None:
        self.sent_event_id = event_id

    @classmethod
    def build(
        cls,
        store: Store,
        *,
        request: Any = None,
        response: Any = None,
        authenticated: bool = False,
        reference: Any = None,
        search: SearchRules | None = None,
        max_list_items: int = 100,
    ) -> Context:
        return cls(
            store,
            Loaders(store),
            request,
            response,
            authenticated,
            reference,
            search or SearchRules(),
            max_list_items,
        )


ContextInfo = Info[Context, None]
