"""The FalkorDB adapter, over FalkorDB's own protocol (its Bolt mode crashes on MERGE)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from falkordb.asyncio.graph import AsyncGraph
from redis import exceptions as redis_errors
from redis.asyncio import Redis

from newsgraph.graph.cypher import PING, Statement
from newsgraph.graph.dialect import FALKORDB, UNIQUE_LABELS, Dialect
from newsgraph.graph.errors import GraphQueryError, GraphUnavailable, QueryTimeout
from newsgraph.graph.store import Record, note_round_trip
from newsgraph.graph.values import to_params, to_python

__all__ = ["FalkorStore"]

log = logging.getLogger(__name__)

# FalkorDB answers these when an index or constraint is already in place; set-up is idempotent.
_ALREADY = ("already indexed", "already exists")


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
    ) -> None:
        self._host = host
        self._port = port
        self._graph_name = graph
        self._timeout_ms = timeout_ms
        self._label = label or f"falkordb://{host}:{port}"
        # A plain asyncio Redis connection pool under FalkorDB's graph client: the `FalkorDB`
        # wrapper probes the server with a blocking call in its constructor, which would stall
        # the event loop and fail outright while the graph is down.
        self._redis = Redis(
            host=host,
            port=port,
            decode_responses=True,
            socket_connect_timeout=connect_timeout_s,
            # Long enough for a query that runs up to its own timeout, short enough that a hung
            # server is noticed.
            socket_timeout=timeout_ms / 1000 + 5,
            max_connections=64,
        )
        self._graph = AsyncGraph(self._redis, graph)

    @property
    def target(self) -> str:
        return self._label

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

    async def _run(
        self, statement: Statement, params: Mapping[str, Any] | None, *, read_only: bool
    ) -> list[Record]:
        note_round_trip(statement.name)
        text = statement.text(self.dialect.name)
        values = to_params(dict(params or {}))
        try:
            if read_only:
                result = await self._graph.ro_query(text, values, timeout=self._timeout_ms)
            else:
                result = await self._graph.query(text, values, timeout=self._timeout_ms)
        except (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError) as exc:
            raise GraphUnavailable(self.target, _reason(exc)) from exc
        except redis_errors.ResponseError as exc:
            message = str(exc)
            if read_only and "empty key" in message:
                # The graph does not exist until its first write; a read of it is a read of
                # an empty graph, which a plain query answers.
                return await self._run(statement, params, read_only=False)
            if "timed out" in message.lower():
                raise QueryTimeout(statement.name, self._timeout_ms) from exc
            raise GraphQueryError(statement.name, message) from exc
        names = [column[1] for column in result.header]
        return [
            {name: to_python(value) for name, value in zip(names, row, strict=True)}
            for row in result.result_set
        ]

    async def ping(self) -> None:
        note_round_trip(PING.name)
        try:
            await self._redis.ping()
        except (redis_errors.RedisError, OSError) as exc:
            raise GraphUnavailable(self.target, _reason(exc)) from exc

    async def setup_schema(self) -> list[str]:
        created: list[str] = []
        for ddl in self.dialect.schema_statements():
            if await self._command_ok(self._graph.query, ddl):
                created.append(ddl)
        for label in UNIQUE_LABELS:
            args = ("GRAPH.CONSTRAINT", "CREATE", self._graph_name, "UNIQUE", "NODE", label)
            if await self._command_ok(self._redis.execute_command, *args, "PROPERTIES", 1, "id"):
                created.append(f"unique constraint on {label}.id")
        return created

    async def _command_ok(self, fn: Any, *args: Any) -> bool:
        try:
            await fn(*args)
        except (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError) as exc:
            raise GraphUnavailable(self.target, _reason(exc)) from exc
        except redis_errors.ResponseError as exc:
            if any(marker in str(exc) for marker in _ALREADY):
                return False
            raise GraphQueryError("schema set-up", f"{args!r}: {exc}") from exc
        return True

    async def drop_graph(self) -> None:
        """Delete the whole graph, indexes and constraints included."""
        try:
            await self._graph.delete()
        except redis_errors.ResponseError as exc:
            # Deleting a graph that was never written is not an error for us.
            if "empty key" not in str(exc).lower() and "invalid graph" not in str(exc).lower():
                raise GraphQueryError("drop graph", str(exc)) from exc
        except (redis_errors.ConnectionError, redis_errors.TimeoutError, OSError) as exc:
            raise GraphUnavailable(self.target, _reason(exc)) from exc

    async def close(self) -> None:
        await self._redis.aclose()


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
