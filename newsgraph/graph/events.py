"""Change events: which articles, meetings and statements a write added, through a broker.

Subscriptions read these events, so a write in any process (``newsgraph load``, a mutation in
another API process) reaches every subscriber. Two logs, one protocol:

- ``RedisEventLog``: a Redis Stream per kind of node (XADD with a bounded MAXLEN, XREAD
  BLOCK). The embedded FalkorDB is a Redis server, so by default the graph's own server is the
  broker; ``NEWSGRAPH_EVENTS_URL`` names another Redis. A stream keeps its last entries, so a
  client that reconnects with the last event id it saw gets everything after it that is still
  kept (pub/sub would have lost what was sent while it was away).
- ``GraphEventLog``: a change log in the graph itself (ChangeEvent nodes numbered by a
  counter), read by polling: it works on Neo4j Community, which has no broker.

An event id is the position in its log: a Redis stream id (``1733090000000-0``) or a change
log number (``42``). ``0`` is before every event.

Events are published after the write committed, best effort: the write stands whether or not
its events could be sent (a failure is logged), as a broker that is down must not fail loads.
"""

from __future__ import annotations

import asyncio
import logging
import re
import weakref
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from redis import exceptions as redis_errors
from redis.asyncio import Redis

from newsgraph.graph.cypher import EVENTS_AFTER, EVENTS_APPEND, EVENTS_LAST
from newsgraph.graph.errors import GraphError, GraphUnavailable
from newsgraph.graph.store import Store

__all__ = [
    "EVENT_KINDS",
    "ChangeEvent",
    "EventLog",
    "GraphEventLog",
    "InvalidEventId",
    "RedisEventLog",
    "attach_events",
    "events_of",
    "publish_added",
]

log = logging.getLogger(__name__)

# The kinds of node a subscription can follow.
EVENT_KINDS = ("article", "meeting", "statement")

_STREAM_ID = re.compile(r"^\d{1,20}(-\d{1,20})?$")
_SEQUENCE = re.compile(r"^\d{1,18}$")
_LOST = (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError)

# RedisEventLog.publish: KEYS are streams; ARGV is the bound, then how many nodes go to each
# stream, then the nodes in that order. Each node is one entry, as XADD ... MAXLEN ~ adds it.
_PUBLISH = """
local streams = #KEYS
local next = 2 + streams
for s = 1, streams do
  for _ = 1, tonumber(ARGV[1 + s]) do
    redis.call('XADD', KEYS[s], 'MAXLEN', '~', ARGV[1], '*', 'node', ARGV[next])
    next = next + 1
  end
end
return next - 2 - streams
"""


class InvalidEventId(ValueError):
    """An ``after`` that is no event id of this log."""


@dataclass(frozen=True, slots=True)
class ChangeEvent:
    """One node added: its kind, its id, and the event's position in the log."""

    id: str
    kind: str
    node: str


class EventLog(Protocol):
    """Where change events are written and read."""

    async def publish(self, added: Mapping[str, Sequence[str]]) -> None:
        """Append one event per node id, by kind (``article``, ``meeting``, ``statement``)."""
        ...

    async def last_id(self, kind: str) -> str:
        """The id of the newest event of ``kind`` (``0`` when there is none)."""
        ...

    async def read(self, kind: str, after: str, count: int, block_ms: int) -> list[ChangeEvent]:
        """Up to ``count`` events of ``kind`` after ``after``, oldest first; waits up to
        ``block_ms`` for one when there is none yet. Raises InvalidEventId for a bad ``after``."""
        ...

    async def close(self) -> None: ...


def _check_kind(kind: str) -> None:
    if kind not in EVENT_KINDS:
        raise ValueError(f"no change events of kind {kind!r}; kinds: {', '.join(EVENT_KINDS)}")


class RedisEventLog:
    """A Redis Stream per kind, ``<prefix>:<kind>``, trimmed to about ``max_len`` entries.

    ``address`` says where the Redis server is now (the embedded graph's server can move when
    it is restarted); with ``url`` the server is fixed.
    """

    def __init__(
        self,
        *,
        address: Callable[[], tuple[str, int]] | None = None,
        url: str | None = None,
        prefix: str = "newsgraph:events",
        max_len: int = 10_000,
        max_connections: int = 200,
    ) -> None:
        if (address is None) == (url is None):
            raise ValueError("a Redis event log needs an address or a URL, not both")
        self._address = address
        self._url = url
        self._prefix = prefix
        self._max_len = max_len
        self._max_connections = max_connections
        self._where: tuple[str, int] | None = None
        self._client: Redis | None = None

    def _redis(self) -> Redis:
        if self._url is not None:
            if self._client is None:
                self._client = Redis.from_url(
                    self._url, decode_responses=True, max_connections=self._max_connections
                )
            return self._client
        assert self._address is not None
        where = self._address()
        if self._client is None or where != self._where:
            # Each reader blocks a connection of its own while it waits (XREAD BLOCK), so the
            # events have their own pool, apart from the graph's queries.
            self._where = where
            self._client = Redis(
                host=where[0],
                port=where[1],
                decode_responses=True,
                max_connections=self._max_connections,
            )
        return self._client

    def key(self, kind: str) -> str:
        _check_kind(kind)
        return f"{self._prefix}:{kind}"

    async def publish(self, added: Mapping[str, Sequence[str]]) -> None:
        streams = [(self.key(kind), list(nodes)) for kind, nodes in added.items() if nodes]
        if not streams:
            return
        # One round trip and one atomic script for the whole write's events: a pipeline of
        # one XADD per node cost a load of 10k articles more in packing the commands
        # (redis-py, in Python) than the server spent adding them.
        script = self._redis().register_script(_PUBLISH)
        await script(
            keys=[key for key, _nodes in streams],
            args=[
                self._max_len,
                *(len(nodes) for _key, nodes in streams),
                *(node for _key, nodes in streams for node in nodes),
            ],
        )

    def _unavailable(self, exc: Exception) -> GraphUnavailable:
        where = self._url or "{}:{}".format(*(self._where or ("?", "?")))
        return GraphUnavailable(f"change events at {where}", str(exc) or type(exc).__name__)

    async def last_id(self, kind: str) -> str:
        try:
            newest: Any = await self._redis().xrevrange(self.key(kind), count=1)
        except _LOST as exc:
            raise self._unavailable(exc) from exc
        return str(newest[0][0]) if newest else "0"

    async def read(self, kind: str, after: str, count: int, block_ms: int) -> list[ChangeEvent]:
        if not _STREAM_ID.match(after):
            raise InvalidEventId(
                f"{after!r} is not an event id: give one a subscription sent "
                "(`eventId`, such as 1733090000000-0), or 0 for the oldest kept"
            )
        key = self.key(kind)
        try:
            found: Any = await self._redis().xread({key: after}, count=count, block=block_ms)
        except _LOST as exc:
            # A subscriber then gets GRAPH_UNAVAILABLE, and reconnects with its last event id.
            raise self._unavailable(exc) from exc
        events = []
        for _stream, entries in found or []:
            for entry_id, fields in entries:
                events.append(ChangeEvent(str(entry_id), kind, str(fields.get("node", ""))))
        return events

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None


class GraphEventLog:
    """A change log kept in the graph and read by polling every ``poll_ms``."""

    def __init__(self, store: Store, *, max_len: int = 10_000, poll_ms: int = 250) -> None:
        self._store = store
        self._max_len = max_len
        self._poll_s = poll_ms / 1000

    async def publish(self, added: Mapping[str, Sequence[str]]) -> None:
        for kind in added:
            _check_kind(kind)
        events = [{"kind": kind, "node": node} for kind, nodes in added.items() for node in nodes]
        if events:
            # A change log of each kind keeps max_len events; the counter is shared.
            keep = self._max_len * len(EVENT_KINDS)
            await self._store.write(EVENTS_APPEND, {"events": events, "keep": keep})

    async def last_id(self, kind: str) -> str:
        _check_kind(kind)
        rows = await self._store.read(EVENTS_LAST)
        return str(rows[0]["seq"] or 0) if rows else "0"

    async def read(self, kind: str, after: str, count: int, block_ms: int) -> list[ChangeEvent]:
        _check_kind(kind)
        if not _SEQUENCE.match(after):
            raise InvalidEventId(
                f"{after!r} is not an event id: give one a subscription sent "
                "(`eventId`, a number here), or 0 for the oldest kept"
            )
        waited = 0.0
        while True:
            rows = await self._store.read(
                EVENTS_AFTER, {"kind": kind, "after": int(after), "count": count}
            )
            if rows or waited * 1000 >= block_ms:
                return [ChangeEvent(str(row["seq"]), kind, str(row["node"])) for row in rows]
            await asyncio.sleep(self._poll_s)
            waited += self._poll_s

    async def close(self) -> None:
        return None


# The event log of each open store. The writer knows only its store; whoever opens the graph
# (open_graph) attaches the log the settings call for. A store with none publishes nothing.
_LOGS: weakref.WeakKeyDictionary[Any, EventLog] = weakref.WeakKeyDictionary()


def attach_events(store: Store, events: EventLog) -> None:
    _LOGS[store] = events


def events_of(store: Store) -> EventLog | None:
    return _LOGS.get(store)


async def publish_added(store: Store, added: Mapping[str, Sequence[str]]) -> None:
    """Publish the nodes a committed write added, if the store has an event log. A failure is
    logged, not raised: the write itself succeeded."""
    events = events_of(store)
    if events is None or not any(added.values()):
        return
    try:
        await events.publish(added)
    except (GraphError, *_LOST, redis_errors.RedisError) as exc:
        counts = ", ".join(f"{len(ids)} {kind}" for kind, ids in added.items() if ids)
        log.warning("change events not published (%s added): %s", counts, exc)
