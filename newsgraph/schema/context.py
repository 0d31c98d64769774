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


# How each loader is made: Loaders makes one the first time a resolver asks for it.
_MAKERS: dict[str, Callable[[Store], DataLoader[Any, Any]]] = {
    "article": lambda s: _one(s, cypher.ARTICLES_BY_ID),
    "article_body": lambda s: _one(s, cypher.ARTICLE_BODIES),
    "actor": lambda s: _one(s, cypher.ACTORS_BY_ID),
    "meeting": lambda s: _one(s, cypher.MEETINGS_BY_ID),
    "statement": lambda s: _one(s, cypher.STATEMENTS_BY_ID),
    "topic": lambda s: _one(s, cypher.TOPICS_BY_ID),
    "actor_by_name": lambda s: _one(s, cypher.ACTORS_BY_NAME, "names"),
    "article_by_url": lambda s: _one(s, cypher.ARTICLES_BY_URL, "urls"),
    "roles": lambda s: _many(s, cypher.ROLES_BY_ACTOR),
    "participants": lambda s: _many(s, cypher.PARTICIPANTS_BY_MEETING),
    "meeting_reports": lambda s: _many(s, cypher.REPORTS_OF_MEETINGS),
    "statement_reports": lambda s: _many(s, cypher.REPORTS_OF_STATEMENTS),
    "meeting_first_reports": lambda s: _top(s, cypher.FIRST_REPORTS_OF_MEETINGS),
    "statement_first_reports": lambda s: _top(s, cypher.FIRST_REPORTS_OF_STATEMENTS),
    "meeting_topics": lambda s: _many(s, cypher.TOPICS_OF_MEETINGS),
    "statement_topics": lambda s: _many(s, cypher.TOPICS_OF_STATEMENTS),
    "article_topics": lambda s: _many(s, cypher.TOPICS_OF_ARTICLES),
    "statement_mentions": lambda s: _many(s, cypher.MENTIONS_OF_STATEMENTS),
    "article_mentions": lambda s: _many(s, cypher.MENTIONS_OF_ARTICLES),
    "article_meetings": lambda s: _many(s, cypher.MEETINGS_OF_ARTICLES),
    "article_statements": lambda s: _many(s, cypher.STATEMENTS_OF_ARTICLES),
    "actor_meetings": lambda s: _owner_pages(s, cypher.ACTOR_MEETINGS),
    "actor_statements": lambda s: _owner_pages(s, cypher.ACTOR_STATEMENTS),
    "actor_articles": lambda s: _owner_pages(s, cypher.ACTOR_ARTICLES),
    "topic_articles": lambda s: _owner_pages(s, cypher.TOPIC_ARTICLES),
    "topic_meetings": lambda s: _owner_pages(s, cypher.TOPIC_MEETINGS),
    "topic_statements": lambda s: _owner_pages(s, cypher.TOPIC_STATEMENTS),
    "counterparts": lambda s: _top(s, cypher.COUNTERPARTS),
    "co_mentioned": lambda s: _top(s, cypher.CO_MENTIONED),
    "meeting_report_count": lambda s: _one(s, cypher.REPORT_COUNTS_OF_MEETINGS),
    "statement_report_count": lambda s: _one(s, cypher.REPORT_COUNTS_OF_STATEMENTS),
    "actor_meeting_count": lambda s: _one(s, cypher.MEETING_COUNTS_OF_ACTORS),
    "actor_statement_count": lambda s: _one(s, cypher.STATEMENT_COUNTS_OF_ACTORS),
    "actor_mention_count": lambda s: _one(s, cypher.MENTION_COUNTS_OF_ACTORS),
}


class Loaders:
    """The request's DataLoaders, each made on first use: an operation uses a few of the 34,
    and making all of them for every request was a measurable part of a request's cost."""

    store: Store
    article: DataLoader[str, Any]
    article_body: DataLoader[str, Any]
    actor: DataLoader[str, Any]
    meeting: DataLoader[str, Any]
    statement: DataLoader[str, Any]
    topic: DataLoader[str, Any]
    actor_by_name: DataLoader[str, Any]
    article_by_url: DataLoader[str, Any]
    roles: DataLoader[str, list[Record]]
    participants: DataLoader[str, list[Record]]
    meeting_reports: DataLoader[str, list[Record]]
    statement_reports: DataLoader[str, list[Record]]
    # The oldest N reports of each, keyed (id, N): `reports(first: N)`.
    meeting_first_reports: DataLoader[TopKey, list[Record]]
    statement_first_reports: DataLoader[TopKey, list[Record]]
    meeting_topics: DataLoader[str, list[Record]]
    statement_topics: DataLoader[str, list[Record]]
    article_topics: DataLoader[str, list[Record]]
    statement_mentions: DataLoader[str, list[Record]]
    article_mentions: DataLoader[str, list[Record]]
    article_meetings: DataLoader[str, list[Record]]
    article_statements: DataLoader[str, list[Record]]
    actor_meetings: DataLoader[OwnerPageKey, OwnerPage]
    actor_statements: DataLoader[OwnerPageKey, OwnerPage]
    actor_articles: DataLoader[OwnerPageKey, OwnerPage]
    topic_articles: DataLoader[OwnerPageKey, OwnerPage]
    topic_meetings: DataLoader[OwnerPageKey, OwnerPage]
    topic_statements: DataLoader[OwnerPageKey, OwnerPage]
    counterparts: DataLoader[TopKey, list[Record]]
    co_mentioned: DataLoader[TopKey, list[Record]]
    # Counts of an object's relationships (reports, meetings, ...), without loading them.
    meeting_report_count: DataLoader[str, Any]
    statement_report_count: DataLoader[str, Any]
    actor_meeting_count: DataLoader[str, Any]
    actor_statement_count: DataLoader[str, Any]
    actor_mention_count: DataLoader[str, Any]

    def __init__(self, store: Store) -> None:
        self.store = store

    def __getattr__(self, name: str) -> Any:
        # Called only for a loader not made yet: make it, and keep it for the request.
        make = _MAKERS.get(name)
        if make is None:
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")
        loader = make(self.store)
        setattr(self, name, loader)
        return loader


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
