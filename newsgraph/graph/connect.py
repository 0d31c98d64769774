"""Open the graph the settings name: embedded FalkorDB, an external FalkorDB, or Neo4j."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from newsgraph.graph.embedded import EmbeddedServer
from newsgraph.graph.errors import GraphError
from newsgraph.graph.events import EventLog, GraphEventLog, RedisEventLog, attach_events
from newsgraph.graph.falkordb_store import FalkorStore
from newsgraph.graph.neo4j_store import Neo4jStore
from newsgraph.graph.store import Store
from newsgraph.settings import Settings

__all__ = ["Graph", "open_graph"]

log = logging.getLogger(__name__)


@dataclass
class Graph:
    """An open store, and the embedded server behind it when there is one."""

    store: Store
    server: EmbeddedServer | None = None
    # Where the writes' change events go and subscriptions read them (see graph/events.py).
    events: EventLog | None = None

    async def compact(self) -> None:
        """After a load. The embedded server's log replays every write when it starts again
        (seconds per ten thousand articles); compacted into a snapshot, the next start is
        immediate. Other graphs keep their own logs: nothing to do."""
        if self.server is not None and isinstance(self.store, FalkorStore):
            await self.store.compact_log()

    async def close(self) -> None:
        if self.events is not None:
            await self.events.close()
        await self.store.close()
        if self.server is not None:
            await asyncio.to_thread(self.server.stop)


async def open_graph(settings: Settings) -> Graph:
    """The configured graph, with the change-event log the settings call for attached."""
    graph = await _open_store(settings)
    graph.events = _event_log(settings, graph.store)
    attach_events(graph.store, graph.events)
    return graph


def _event_log(settings: Settings, store: Store) -> EventLog:
    # Blocked readers hold a connection each: one per subscription, and a few to publish.
    connections = settings.max_subscription_connections * settings.max_subscriptions_per_connection
    if settings.events_url:
        return RedisEventLog(
            url=settings.events_url, max_len=settings.events_max_len, max_connections=connections
        )
    if isinstance(store, FalkorStore):
        # The graph's own server is a Redis server: the broker at no extra cost.
        return RedisEventLog(
            address=lambda: store.address,
            prefix=f"newsgraph:events:{settings.graph_name}",
            max_len=settings.events_max_len,
            max_connections=connections + 8,
        )
    return GraphEventLog(store, max_len=settings.events_max_len, poll_ms=settings.events_poll_ms)


async def _open_store(settings: Settings) -> Graph:
    """Connect to the configured graph. Starts the embedded server when no URL is set.

    Connecting does not prove the graph answers; call ``store.ping()`` for that.
    Raises EmbeddedServerError when the embedded server cannot start.
    """
    if settings.engine == "neo4j":
        assert settings.graph_url is not None
        return Graph(
            Neo4jStore(
                settings.graph_url,
                settings.neo4j_user,
                settings.neo4j_password.get_secret_value(),
                database=settings.neo4j_database,
                timeout_ms=settings.query_timeout_ms,
                connect_timeout_s=settings.connect_timeout_s,
                fulltext_slots=settings.search_concurrency,
            )
        )
    if settings.engine == "falkordb":
        assert settings.graph_url is not None
        parts = urlsplit(settings.graph_url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 6379
        external = FalkorStore(
            host,
            port,
            settings.graph_name,
            timeout_ms=settings.query_timeout_ms,
            connect_timeout_s=settings.connect_timeout_s,
            fulltext_slots=settings.search_concurrency,
        )
        await _settle(external)
        return Graph(external)
    server = EmbeddedServer(settings.data_dir)
    info = await asyncio.to_thread(server.start)

    async def relocate() -> tuple[str, int]:
        # The server we depend on stopped answering: it is ours to bring back, from the same
        # data directory, so the graph returns whole without restarting this process.
        found = await asyncio.to_thread(server.recover)
        return "127.0.0.1", found.port

    store = FalkorStore(
        "127.0.0.1",
        info.port,
        settings.graph_name,
        timeout_ms=settings.query_timeout_ms,
        connect_timeout_s=settings.connect_timeout_s,
        label=f"embedded FalkorDB at {{address}} (data in {server.data_dir})",
        relocate=relocate,
        fulltext_slots=settings.search_concurrency,
    )
    await _settle(store)
    return Graph(store, server)


async def _settle(store: FalkorStore) -> None:
    # A graph that is down now is reported by the first query or probe, not here.
    try:
        await store.settle()
    except GraphError as exc:
        log.info("graph not checked for indexes still building: %s", exc)
