"""Request logs and masked errors: one JSON line per request, the same id in response and log."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import Any

import httpx
import pytest
from graphql import GraphQLError
from strawberry.types import ExecutionResult

from newsgraph.api import create_app
from newsgraph.graph import Graph, Store, count_round_trips
from newsgraph.graph.cypher import Statement
from newsgraph.graph.dialect import Dialect
from newsgraph.graph.store import Record
from newsgraph.ingest.write.writer import ArticleWriter
from newsgraph.settings import Settings
from tests.helpers.factories import call_article

KEY = "sekret-api-key-4711"
NESTED = """query Meetings { meetings(first: 5) { edges { node { title
  participants { role actor { name statements(first: 3) { totalCount } } } } } } }"""


class _Wrapped:
    """A store that passes every call through, counting reads, or failing them."""

    def __init__(self, inner: Store, *, fail: bool = False, crash_ping: bool = False) -> None:
        self.inner = inner
        self.dialect: Dialect = inner.dialect
        self.fail = fail
        self.crash_ping = crash_ping
        self.reads = 0

    @property
    def target(self) -> str:
        return self.inner.target

    async def read(self, statement: Any, params: Mapping[str, Any] | None = None) -> list[Record]:
        if self.fail:
            raise RuntimeError("MATCH (n) /secret/path/of/the/graph")
        self.reads += 1
        return await self.inner.read(statement, params)

    async def write(self, statement: Any, params: Mapping[str, Any] | None = None) -> list[Record]:
        return await self.inner.write(statement, params)

    def prepare(self, params: Mapping[str, Any]) -> Mapping[str, Any]:
        return self.inner.prepare(params)

    async def ping(self) -> None:
        if self.crash_ping:
            raise RuntimeError("ping crashed at /secret/path/of/the/graph")
        await self.inner.ping()

    async def setup_schema(self) -> list[str]:
        return await self.inner.setup_schema()

    async def close(self) -> None:
        pass


@pytest.fixture
def log_output() -> Iterator[io.StringIO]:
    """What the app's own log handler writes, once an app has been created."""
    buffer = io.StringIO()
    yield buffer
    # Later apps configure logging afresh; leave the text default behind meanwhile.
    from newsgraph.api.logs import configure_logging

    configure_logging(Settings())


def _capture(buffer: io.StringIO) -> None:
    [handler] = [h for h in logging.getLogger("newsgraph").handlers if h.get_name() == "newsgraph"]
    assert isinstance(handler, logging.StreamHandler)
    handler.setStream(buffer)


async def _client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


def _lines(buffer: io.StringIO, logger: str) -> list[dict[str, Any]]:
    entries = [json.loads(line) for line in buffer.getvalue().splitlines() if line.strip()]
    return [entry for entry in entries if entry["logger"] == logger]


async def test_each_request_logs_one_json_line_with_its_id_operation_and_round_trips(
    graph: Graph, log_output: io.StringIO
) -> None:
    writer = ArticleWriter(graph.store)
    for i in range(3):
        await writer.write(call_article(title=f"Call {i}", body=f"Zelensky held call {i}."))
    store = _Wrapped(graph.store)
    app = create_app(Settings(log_format="json", api_keys=KEY), graph=Graph(store))
    _capture(log_output)
    async for http in _client(app):
        store.reads = 0
        with count_round_trips() as outside:
            response = await http.post(
                "/graphql",
                json={"query": NESTED},
                headers={"authorization": f"Bearer {KEY}", "x-request-id": "client-1"},
            )
        assert response.status_code == 200 and "errors" not in response.json()
        failed = await http.post("/graphql", json={"query": "{ noSuchField }"})

    [ok, bad] = _lines(log_output, "newsgraph.access")
    assert ok["request_id"] == "client-1" == response.headers["x-request-id"]
    assert (ok["method"], ok["path"], ok["status"]) == ("POST", "/graphql", 200)
    assert ok["operation_name"] == "Meetings"
    assert isinstance(ok["duration_ms"], float) and ok["duration_ms"] > 0
    assert ok["error_codes"] == []
    assert isinstance(ok["time"], str) and ok["time"].endswith("+00:00")
    # Every read the resolvers made, DataLoader batches in their own tasks included, and the
    # count a caller takes around the request agrees.
    assert ok["graph_round_trips"] == store.reads == outside.count
    assert store.reads >= 2
    assert bad["request_id"] == failed.headers["x-request-id"] != "client-1"
    assert bad["error_codes"] == ["GRAPHQL_VALIDATION_FAILED"]
    assert bad["graph_round_trips"] == 0
    written = log_output.getvalue()
    assert KEY not in written and "authorization" not in written.lower()


async def test_an_internal_error_shows_the_client_only_a_code_and_the_request_id(
    graph: Graph, log_output: io.StringIO, caplog: pytest.LogCaptureFixture
) -> None:
    store = _Wrapped(graph.store, fail=True)
    app = create_app(Settings(log_format="json"), graph=Graph(store))
    _capture(log_output)
    async for http in _client(app):
        response = await http.post(
            "/graphql",
            json={"query": "{ stats { articles } }"},
            headers={"accept": "application/graphql-response+json"},
        )

    request_id = response.headers["x-request-id"]
    [error] = response.json()["errors"]
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}
    assert error["message"] == f"internal error (request id {request_id})"
    for leak in ("MATCH", "/secret/path", "Traceback", "RuntimeError", ".py"):
        assert leak not in response.text, leak
    # The details are in the log, under the same request id.
    [record] = [r for r in caplog.records if r.name == "newsgraph.api"]
    assert request_id in record.getMessage()
    assert record.exc_info is not None and "/secret/path" in str(record.exc_info[1])
    [logged] = _lines(log_output, "newsgraph.api")
    assert logged["request_id"] == request_id and "/secret/path" in logged["exception"]
    [access] = _lines(log_output, "newsgraph.access")
    assert access["request_id"] == request_id
    assert access["error_codes"] == ["INTERNAL_SERVER_ERROR"]


async def test_a_crash_outside_graphql_is_a_json_500_with_the_request_id(
    graph: Graph, log_output: io.StringIO
) -> None:
    # /readyz expects GraphError from a failing ping; anything else is a bug, and escapes.
    store = _Wrapped(graph.store, crash_ping=True)
    app = create_app(Settings(log_format="json"), graph=Graph(store))
    _capture(log_output)
    async for http in _client(app):
        response = await http.get("/readyz")

    request_id = response.headers["x-request-id"]
    assert response.status_code == 500
    assert response.json() == {
        "errors": [
            {
                "message": f"internal error (request id {request_id})",
                "extensions": {"code": "INTERNAL_SERVER_ERROR"},
            }
        ]
    }
    [logged] = _lines(log_output, "newsgraph.api")
    assert logged["request_id"] == request_id and "/secret/path" in logged["exception"]
    [access] = _lines(log_output, "newsgraph.access")
    assert (access["status"], access["error_codes"]) == (500, ["INTERNAL_SERVER_ERROR"])


# Not through cypher.py: a stored value no loader writes, to see what the API makes of it.
_CORRUPT_OFFSET = Statement(
    "TEST_CORRUPT_OFFSET", "MATCH ()-[r:REPORTS]->() SET r.offset = 'twelve'", {}, write=True
)


async def test_a_stored_value_the_schema_cannot_serialize_is_an_internal_error_with_a_code(
    graph: Graph, log_output: io.StringIO
) -> None:
    await ArticleWriter(graph.store).write(call_article())
    await graph.store.write(_CORRUPT_OFFSET)
    app = create_app(Settings(log_format="json"), graph=graph)
    _capture(log_output)
    async for http in _client(app):
        response = await http.post(
            "/graphql", json={"query": "{ meetings { edges { node { reports { offset } } } } }"}
        )

    request_id = response.headers["x-request-id"]
    [error] = response.json()["errors"]
    # graphql-core's own "Int cannot represent ..." error: ours to fix, not the client's.
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}
    assert error["message"] == f"internal error (request id {request_id})"
    assert "twelve" not in response.text
    [logged] = _lines(log_output, "newsgraph.api")
    assert logged["request_id"] == request_id and "twelve" in logged["message"]


async def test_an_error_that_reaches_the_response_without_a_code_is_masked(
    graph: Graph, log_output: io.StringIO
) -> None:
    # Strawberry turns an exception escaping an extension into an error of its own, past
    # ErrorCodes; the view still gives it a code. (No extension here fails: it is made.)
    app = create_app(Settings(log_format="json"), graph=graph)
    _capture(log_output)
    # One view answers /graphql over HTTP and over WebSockets (two routes).
    [view] = {route.endpoint for route in app.routes if getattr(route, "path", "") == "/graphql"}
    result = ExecutionResult(
        data=None, errors=[GraphQLError("boom at /secret/path", original_error=KeyError("x"))]
    )
    answer = await view.process_result(None, result)

    [error] = answer["errors"]
    assert error["extensions"] == {"code": "INTERNAL_SERVER_ERROR"}
    assert "/secret/path" not in error["message"]
    [logged] = _lines(log_output, "newsgraph.api")
    assert "/secret/path" in logged["message"] and "KeyError" in logged["exception"]
