"""The Neo4j adapter: the official async driver, reads routed to readers, writes to the leader."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors

from newsgraph.graph.cypher import PING, Statement
from newsgraph.graph.dialect import NEO4J, Dialect
from newsgraph.graph.errors import GraphQueryError, GraphUnavailable, QueryTimeout
from newsgraph.graph.store import FulltextGate, Record, graph_call
from newsgraph.graph.upgrade import upgrade
from newsgraph.graph.values import to_params, to_python

__all__ = ["Neo4jStore"]

_UNAVAILABLE = (
    neo4j_errors.ServiceUnavailable,
    neo4j_errors.SessionExpired,
    neo4j_errors.AuthError,
    OSError,
)


class Neo4jStore:
    """A Neo4j server, cluster or Aura instance (bolt://, neo4j://, neo4j+s:// URIs)."""

    dialect: Dialect = NEO4J

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        *,
        database: str = "neo4j",
        timeout_ms: int = 10_000,
        connect_timeout_s: float = 5.0,
        fulltext_slots: int = 1,
    ) -> None:
        self._uri = uri
        self._database = database
        self._timeout_s = timeout_ms / 1000
        self._timeout_ms = timeout_ms
        self.fulltext_gate = FulltextGate(fulltext_slots, timeout_ms)
        self._driver = neo4j.AsyncGraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=connect_timeout_s,
            # The driver retries a failed transaction for 30 s by default: a down database
            # would then hold every request that long before GRAPH_UNAVAILABLE. Two seconds
            # still ride out a brief leader change in a cluster.
            max_transaction_retry_time=min(2.0, self._timeout_s),
        )

    @property
    def target(self) -> str:
        return f"{self._uri} (database {self._database})"

    async def read(
        self, statement: Statement, params: Mapping[str, Any] | None = None
    ) -> list[Record]:
        return await self._run(statement, params, write=statement.write)

    async def write(
        self, statement: Statement, params: Mapping[str, Any] | None = None
    ) -> list[Record]:
        return await self._run(statement, params, write=True)

    def prepare(self, params: Mapping[str, Any]) -> Mapping[str, Any]:
        """As they are: the driver encodes parameters as it sends them."""
        return params

    async def _run(
        self, statement: Statement, params: Mapping[str, Any] | None, *, write: bool
    ) -> list[Record]:
        with graph_call(statement.name):
            return await self._send(statement, params, write=write)

    async def _send(
        self, statement: Statement, params: Mapping[str, Any] | None, *, write: bool
    ) -> list[Record]:
        text = statement.text(self.dialect.name)
        values = to_params(dict(params or {}))

        @neo4j.unit_of_work(timeout=self._timeout_s)
        async def work(tx: neo4j.AsyncManagedTransaction) -> list[Record]:
            result = await tx.run(text, values)
            rows: list[Record] = []
            async for record in result:
                items = record.items()  # type: ignore[no-untyped-call]
                rows.append({key: to_python(value) for key, value in items})
            return rows

        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        try:
            async with (
                self.fulltext_gate.turn(statement),
                self._driver.session(database=self._database, default_access_mode=mode) as session,
            ):
                if write:
                    return await session.execute_write(work)
                return await session.execute_read(work)
        except _UNAVAILABLE as exc:
            raise GraphUnavailable(self.target, _reason(exc)) from exc
        except neo4j_errors.Neo4jError as exc:
            code = exc.code or ""
            if "TransactionTimedOut" in code or "Transaction.Terminated" in code:
                raise QueryTimeout(statement.name, self._timeout_ms) from exc
            raise GraphQueryError(statement.name, exc.message or code) from exc
        except neo4j_errors.DriverError as exc:
            raise GraphUnavailable(self.target, _reason(exc)) from exc

    async def ping(self) -> None:
        # Once, without the driver's retries: a probe must answer fast, whatever the answer.
        try:
            with graph_call(PING.name):
                await self._driver.verify_connectivity()
        except _UNAVAILABLE as exc:
            raise GraphUnavailable(self.target, _reason(exc)) from exc
        except neo4j_errors.DriverError as exc:
            raise GraphUnavailable(self.target, _reason(exc)) from exc

    async def setup_schema(self) -> list[str]:
        created: list[str] = []
        for ddl in self.dialect.schema_statements():
            try:
                async with self._driver.session(database=self._database) as session:
                    summary = await (await session.run(ddl)).consume()
            except _UNAVAILABLE as exc:
                raise GraphUnavailable(self.target, _reason(exc)) from exc
            except neo4j_errors.Neo4jError as exc:
                raise GraphQueryError("schema set-up", f"{ddl}: {exc.message}") from exc
            counters = summary.counters
            if counters.constraints_added or counters.indexes_added:
                created.append(ddl)
        await upgrade(self)
        return created

    async def close(self) -> None:
        await self._driver.close()


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]
