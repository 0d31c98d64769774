"""The FalkorDB adapter, over FalkorDB's own protocol (its Bolt mode crashes on MERGE).

When the server stops answering, a call fails with GraphUnavailable at once (no hidden retries
with backoff), and the next calls reconnect by themselves when a server answers at the address
again. For the embedded server the store can also be given ``relocate``: on a lost connection
it asks where the server is now (restarting it if it is gone) and moves its connections there,
at most once per backoff period while that fails, so a down graph is not hammered.

A statement is sent again after a lost connection only when that cannot apply it twice: a read,
or a statement that never left (the connection could not be opened). A write whose connection
broke after it was sent may or may not have been applied, so its caller gets GraphUnavailable.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

from falkordb.asyncio.graph import AsyncGraph
from falkordb.asyncio.query_result import QueryResult
from redis import exceptions as redis_errors
from redis.asyncio import BlockingConnectionPool, Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff

from newsgraph.graph.cypher import PING, Statement
from newsgraph.graph.dialect import FALKORDB, Dialect
from newsgraph.graph.errors import GraphError, GraphQueryError, GraphUnavailable, QueryTimeout
from newsgraph.graph.store import FulltextGate, Record, graph_call
from newsgraph.graph.upgrade import upgrade
from newsgraph.graph.values import EncodedParams, cypher_header, to_python

__all__ = ["FalkorStore"]

log = logging.getLogger(__name__)

# FalkorDB answers these when an index or constraint is already in place; set-up is idempotent.
_ALREADY = ("already indexed", "already exists")

# Between failed attempts to find or restart the embedded server, calls fail at once.
_CONSTRAINTS = "CALL db.constraints() YIELD type, label, properties, entitytype"
_CONSTRAINTS += " RETURN type, label, properties, entitytype"
_SCHEMA_STATUS = (
    "CALL db.indexes() YIELD label, status RETURN 'index on ' + label, status",
    "CALL db.constraints() YIELD label, status RETURN 'constraint on ' + label, status",
)
_BUILT = "OPERATIONAL"
_SETTLE_WAIT_S = 300.0
_BACKOFF_FIRST_S = 0.5
_BACKOFF_MAX_S = 5.0

# Connections per store; more calls at once wait for one to be free.
_MAX_CONNECTIONS = 64

_LOST = (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError)

_QUERY = "GRAPH.QUERY"
_RO_QUERY = "GRAPH.RO_QUERY"

# Value types of FalkorDB's compact reply format (falkordb.asyncio.query_result's
# ResultSetScalarTypes): each value is a [type, value] pair.
_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _MAP = 1, 2, 3, 4, 5, 6, 10
_DATETIME, _DATE, _TIME = 13, 14, 15


class _NotPlain(Exception):
    """A reply value `_plain` leaves to the client's decoder."""


def _plain(cell: Any) -> Any:
    """One value of a compact reply, decoded as FalkorDB's client decodes it, then as
    ``to_python`` turns that into plain values (maps as dicts, lists as lists)."""
    kind, value = cell[0], cell[1]
    if kind == _STRING:
        return value.decode() if isinstance(value, bytes) else str(value)
    if kind == _MAP:
        out = {}
        for i in range(0, len(value), 2):
            key = value[i]
            out[key.decode() if isinstance(key, bytes) else str(key)] = _plain(value[i + 1])
        return out
    if kind == _NULL:
        return None
    if kind == _INTEGER:
        return int(value)
    if kind == _ARRAY:
        return [_plain(item) for item in value]
    if kind == _DATE:
        return dt.datetime.fromtimestamp(value, tz=dt.UTC).date()
    if kind == _BOOLEAN:
        return (value.decode() if isinstance(value, bytes) else value) == "true"
    if kind == _DOUBLE:
        return float(value)
    if kind == _DATETIME:
        return dt.datetime.fromtimestamp(value, tz=dt.UTC)
    if kind == _TIME:
        return dt.datetime.fromtimestamp(value, tz=dt.UTC).time()
    raise _NotPlain(kind)


T = TypeVar("T")

# Where the server answers now, (host, port); raises GraphError when it cannot be found.
Relocate = Callable[[], Awaitable[tuple[str, int]]]


class FalkorStore:
    """A FalkorDB graph reached at host:port."""

    dialect: Dialect = FALKORDB

    def __init__(
        self,
        host: str,
        port: int,
        graph: str,
        *,
        timeout_ms: int = 10_000,
        connect_timeout_s: float = 5.0,
        label: str | None = None,
        relocate: Relocate | None = None,
        fulltext_slots: int = 1,
    ) -> None:
        self._host = host
        self._port = port
        self._graph_name = graph
        self._timeout_ms = timeout_ms
        self.fulltext_gate = FulltextGate(fulltext_slots, timeout_ms)
        self._connect_timeout_s = connect_timeout_s
        # "{address}" in a label is filled with the current host:port, which relocate changes.
        self._label = label or "falkordb://{address}"
        self._relocate = relocate
        self._relocating = asyncio.Lock()
        # Bumped whenever the connections move, so calls that failed on the old address while
        # another call was moving them just try again.
        self._generation = 0
        self._retry_at = 0.0
        self._backoff_s = _BACKOFF_FIRST_S
        self._relocate_error = ""
        self._redis, self._graph = self._connect(host, port)

    def _connect(self, host: str, port: int) -> tuple[Redis, AsyncGraph]:
        # A plain asyncio Redis connection pool under FalkorDB's graph client: the `FalkorDB`
        # wrapper probes the server with a blocking call in its constructor, which would stall
        # the event loop and fail outright while the graph is down.
        pool = BlockingConnectionPool(
            host=host,
            port=port,
            decode_responses=True,
            socket_connect_timeout=self._connect_timeout_s,
            # Long enough for a query that runs up to its own timeout, short enough that a hung
            # server is noticed.
            socket_timeout=self._timeout_ms / 1000 + 5,
            max_connections=_MAX_CONNECTIONS,
            # More calls at once than connections (DataLoader batches of many requests) wait
            # for a free one, up to a query's own timeout; the default pool failed them at
            # once with "Too many connections", which reached clients as GRAPH_UNAVAILABLE.
            timeout=self._timeout_ms / 1000,
            # redis-py's default retries every command up to ten times with backoff: a down
            # graph then took seconds to report, and a write whose reply was lost was sent
            # again. This class decides what may be repeated. (With a pool given, redis-py
            # takes the retry policy from the pool, not from the client.)
            retry=Retry(NoBackoff(), 0),
        )
        # from_pool: closing the client closes the pool (relocation replaces both).
        redis = Redis.from_pool(pool)
        return redis, AsyncGraph(redis, self._graph_name)

    @property
    def target(self) -> str:
        return self._label.replace("{address}", f"{self._host}:{self._port}")

    @property
    def address(self) -> tuple[str, int]:
        return self._host, self._port

    async def read(
        self, statement: Statement, params: Mapping[str, Any] | None = None
    ) -> list[Record]:
        return await self._run(statement, params, read_only=not statement.write)

    async def write(
        self, statement: Statement, params: Mapping[str, Any] | None = None
    ) -> list[Record]:
        return await self._run(statement, params, read_only=False)

    def prepare(self, params: Mapping[str, Any]) -> Mapping[str, Any]:
        """The parameters with the query header FalkorDB reads them from written: the largest
        part of sending a loader's write (about 16 ms of 200 articles' bodies and facts)."""
        return EncodedParams(params)

    async def _call(self, call: Callable[[], Awaitable[T]], *, repeatable: bool) -> T:
        """Run ``call`` (which must use the current ``self._graph``/``self._redis``); turn a
        lost connection into GraphUnavailable, moving to where the server is now if we can."""
        for attempt in (1, 2):
            generation = self._generation
            try:
                return await call()
            except redis_errors.BusyLoadingError as exc:
                raise GraphUnavailable(
                    self.target, "the graph is loading its data after a restart"
                ) from exc
            except _LOST as exc:
                if _pool_busy(exc):
                    # Every connection is in use: the server is there, just busy.
                    raise GraphUnavailable(
                        self.target,
                        f"all {_MAX_CONNECTIONS} connections to the graph stayed busy for "
                        f"{self._timeout_ms / 1000:.0f} s",
                    ) from exc
                # A socket timeout is a server that is there but slow: moving would not help.
                found = not _timed_out(exc) and await self._follow_server(generation, exc)
                if attempt == 1 and found and (repeatable or _never_sent(exc)):
                    continue
                reason = _reason(exc)
                if self._relocate_error:
                    reason += f"; {self._relocate_error}"
                raise GraphUnavailable(self.target, reason) from exc
        raise AssertionError("unreachable")  # pragma: no cover

    async def _follow_server(self, generation: int, exc: BaseException) -> bool:
        """After a lost connection: whether a server answers where the connections now point."""
        if self._relocate is None:
            # An external server: the pool reconnects on the next call once it is back.
            return False
        async with self._relocating:
            if self._generation != generation:
                return True  # another call moved the connections while this one waited
            if time.monotonic() < self._retry_at:
                return False
            try:
                host, port = await self._relocate()
            except GraphError as error:
                self._relocate_error = f"restarting it failed: {error}"
                self._retry_at = time.monotonic() + self._backoff_s
                log.warning(
                    "graph at %s lost (%s) and not back: %s; trying again in %.1f s",
                    self.target,
                    _reason(exc),
                    error,
                    self._backoff_s,
                )
                self._backoff_s = min(self._backoff_s * 2, _BACKOFF_MAX_S)
                return False
            self._relocate_error = ""
            self._retry_at = 0.0
            self._backoff_s = _BACKOFF_FIRST_S
            self._generation += 1
            if (host, port) != (self._host, self._port):
                old = self._redis
                self._host, self._port = host, port
                self._redis, self._graph = self._connect(host, port)
                await old.aclose()
                log.warning("graph moved: now using %s", self.target)
            return True

    async def _run(
        self, statement: Statement, params: Mapping[str, Any] | None, *, read_only: bool
    ) -> list[Record]:
        with graph_call(statement.name):
            return await self._send(statement, params, read_only=read_only)

    async def _send(
        self, statement: Statement, params: Mapping[str, Any] | None, *, read_only: bool
    ) -> list[Record]:
        text = statement.text(self.dialect.name)
        header = params.header if isinstance(params, EncodedParams) else cypher_header(params or {})

        async def call() -> Any:
            # The command FalkorDB's client sends (parameters inlined in a CYPHER header, the
            # compact reply format), but its reply is decoded by `_records`, not by the client.
            query = header + text
            command = _RO_QUERY if read_only else _QUERY
            execute: Any = self._redis.execute_command  # untyped in redis-py
            # The slot is held for the call only: a read sent again as a write (below) waits
            # its turn again rather than holding the slot it would need.
            async with self.fulltext_gate.turn(statement):
                return await execute(
                    command, self._graph_name, query, "--compact", "timeout", self._timeout_ms
                )

        try:
            reply = await self._call(call, repeatable=read_only)
            return await self._records(reply)
        except redis_errors.ResponseError as exc:
            message = str(exc)
            if read_only and "empty key" in message:
                # The graph does not exist until its first write; a read of it is a read of
                # an empty graph, which a plain query answers.
                return await self._run(statement, params, read_only=False)
            if "timed out" in message.lower():
                raise QueryTimeout(statement.name, self._timeout_ms) from exc
            raise GraphQueryError(statement.name, message) from exc

    async def _records(self, reply: Any) -> list[Record]:
        """The rows of a compact reply as plain Python values.

        FalkorDB's client decodes every value through a coroutine of its own, and our
        statements answer many small values (maps of maps): that was a large part of the time
        a request spent on the graph. `_plain` decodes the value types our statements return
        in one plain recursive pass; a reply holding anything else (nodes, relationships,
        paths, points, vectors) goes through the client's own decoder, as before.
        """
        for part in (reply[0], reply[-1]):
            if isinstance(part, redis_errors.ResponseError):
                raise part  # a failed query: the caller turns it into our errors
        if len(reply) < 3 or not reply[0]:
            return []  # only statistics: a write that returns nothing
        names = [column[1] for column in reply[0]]
        try:
            return [
                {name: _plain(cell) for name, cell in zip(names, row, strict=True)}
                for row in reply[1]
            ]
        except _NotPlain:
            result = QueryResult(self._graph)
            await result.parse(reply)
            return [
                {name: to_python(value) for name, value in zip(names, row, strict=True)}
                for row in result.result_set
            ]

    async def ping(self) -> None:
        try:
            with graph_call(PING.name):
                await self._call(lambda: self._redis.ping(), repeatable=True)
        except redis_errors.RedisError as exc:
            raise GraphUnavailable(self.target, _reason(exc)) from exc

    async def setup_schema(self) -> list[str]:
        created: list[str] = []
        for ddl in self.dialect.schema_statements():
            if await self._command_ok(ddl):
                created.append(ddl)
        # No unique constraints on FalkorDB. Its background constraint check (4.16) crashed the
        # server when a restart replayed a constraint's creation together with later writes
        # (a segfault in Constraint_EnforceNodes, then a crash at every restart). They add
        # nothing here: FalkorDB runs write queries one at a time, so a MERGE on an indexed id
        # cannot make two nodes, and the writer lease (graph/locks.py) keeps each loader's
        # read-plan-write whole. Graphs made before this drop theirs, once.
        dropped = await self._drop_constraints()
        if dropped:
            await self.compact_log()
        await self.settle()
        if await upgrade(self):
            # The upgrade's writes would be replayed from the log at every start: compacted
            # into a snapshot, they are not.
            await self.compact_log()
        return created

    async def _drop_constraints(self) -> list[str]:
        async def listing() -> Any:
            return await self._graph.ro_query(_CONSTRAINTS)

        try:
            result = await self._call(listing, repeatable=True)
        except redis_errors.ResponseError as exc:
            if "empty key" in str(exc):
                return []
            raise GraphQueryError("schema set-up", str(exc)) from exc
        dropped = []
        for kind, label, properties, entity in result.result_set:
            args = ("GRAPH.CONSTRAINT", "DROP", self._graph_name, kind, entity, label)
            await self._command_ok(*args, "PROPERTIES", len(properties), *properties)
            dropped.append(f"{kind.lower()} constraint on {label}")
            log.info("dropped the %s constraint on %s (see setup_schema)", kind.lower(), label)
        return dropped

    async def settle(self) -> None:
        """Return once every index and constraint serves queries.

        FalkorDB builds indexes and checks unique constraints in the background: after a
        restart (the embedded server replays its log) and after a new index on existing data.
        Until then a lookup by id scans its whole label (a load of a big graph crawled), and a
        delete racing the constraint check crashed FalkorDB 4.16 (a segfault in
        Constraint_EnforceNodes). So every connection waits for this first: seconds, even with
        100k articles.
        """
        began = time.monotonic()
        logged = began
        while True:
            building = await self._building()
            waited = time.monotonic() - began
            if not building:
                if waited > 1:
                    log.info("graph indexes and constraints ready after %.1f s", waited)
                return
            if waited > _SETTLE_WAIT_S:
                log.warning("graph still building after %.0f s: %s", waited, "; ".join(building))
                return
            if time.monotonic() - logged > 5:
                logged = time.monotonic()
                log.info("waiting for the graph to build: %s", "; ".join(building))
            await asyncio.sleep(0.05)

    async def compact_log(self) -> None:
        """Rewrite the server's append-only log as a snapshot, and wait for it (a server we
        own: the embedded one). Best effort: a failure leaves the log as it was, still whole."""
        execute: Any = self._redis.execute_command  # untyped in redis-py
        try:
            await execute("BGREWRITEAOF")
            deadline = time.monotonic() + _SETTLE_WAIT_S
            while time.monotonic() < deadline:
                info = await self._redis.info("persistence")
                if not info.get("aof_rewrite_in_progress") and not info.get(
                    "aof_rewrite_scheduled"
                ):
                    if info.get("aof_last_bgrewrite_status") != "ok":
                        log.warning("compacting the graph's log failed; it stays as it was")
                    return
                await asyncio.sleep(0.1)
        except redis_errors.RedisError as exc:
            log.warning("compacting the graph's log failed (%s); it stays as it was", exc)

    async def _building(self) -> list[str]:
        out: list[str] = []
        for procedure in _SCHEMA_STATUS:

            async def status(query: str = procedure) -> Any:
                return await self._graph.ro_query(query)

            try:
                result = await self._call(status, repeatable=True)
            except GraphUnavailable as exc:
                if isinstance(exc.__cause__, redis_errors.BusyLoadingError):
                    return ["its data, loading after a restart"]
                raise
            except redis_errors.ResponseError as exc:
                if "empty key" in str(exc):
                    return []  # no graph yet: nothing to build
                raise GraphQueryError("schema status", str(exc)) from exc
            out += [f"{row[0]} {row[1]}" for row in result.result_set if row[1] != _BUILT]
        return out

    async def _command_ok(self, *args: Any) -> bool:
        """Run one schema command (a query, or a raw command when given several arguments)."""

        async def call() -> Any:
            if len(args) == 1:
                return await self._graph.query(args[0])
            execute: Any = self._redis.execute_command  # untyped in redis-py
            return await execute(*args)

        try:
            # Creating what exists is answered "already exists": safe to send again.
            await self._call(call, repeatable=True)
        except redis_errors.ResponseError as exc:
            if any(marker in str(exc) for marker in _ALREADY):
                return False
            raise GraphQueryError("schema set-up", f"{args!r}: {exc}") from exc
        return True

    async def drop_graph(self) -> None:
        """Delete the whole graph, indexes and constraints included."""
        try:
            # Deleting twice deletes once.
            await self._call(lambda: self._graph.delete(), repeatable=True)
        except redis_errors.ResponseError as exc:
            # Deleting a graph that was never written is not an error for us.
            if "empty key" not in str(exc).lower() and "invalid graph" not in str(exc).lower():
                raise GraphQueryError("drop graph", str(exc)) from exc

    async def close(self) -> None:
        await self._redis.aclose()


def _pool_busy(exc: BaseException) -> bool:
    """Whether no connection was free in the pool (not a lost server)."""
    return isinstance(exc, redis_errors.ConnectionError) and str(exc) in (
        "Too many connections",
        "No connection available.",
    )


def _never_sent(exc: BaseException) -> bool:
    """Whether the connection failed before the command left: nothing can have been applied.

    redis-py checks a pooled connection before using it and opens a new one if the server
    closed it, so a server that went away between calls fails here, at connect.
    """
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ConnectionRefusedError) or "connecting to" in str(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _timed_out(exc: BaseException) -> bool:
    return isinstance(exc, (redis_errors.TimeoutError, TimeoutError)) and not _never_sent(exc)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
