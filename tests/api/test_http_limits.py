"""HTTP-level rules: body size, nesting and read time limits, no batching, media types and
status codes, a code on every error, request ids."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from newsgraph.api import create_app
from newsgraph.graph import Graph
from newsgraph.settings import Settings
from tests.helpers.api import Api
from tests.helpers.processes import embedded_env, serving

GRAPHQL_RESPONSE = "application/graphql-response+json"
LIMIT = 1_000
GIVE_UP_S = 20.0  # only so that a slow-client test ends when nothing cuts the client off


@pytest.fixture
async def client(graph: Graph) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(max_body_bytes=LIMIT), graph=graph)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


def _padded(size: int) -> bytes:
    """A valid GraphQL request body of exactly ``size`` bytes."""
    body = json.dumps({"query": "{ __typename }", "extensions": {"pad": ""}}, separators=(",", ":"))
    return body.replace('"pad":""', '"pad":"' + "x" * (size - len(body)) + '"').encode()


def _code(response: httpx.Response) -> str:
    code: str = response.json()["errors"][0]["extensions"]["code"]
    return code


async def test_a_body_at_the_limit_is_served(client: httpx.AsyncClient) -> None:
    body = _padded(LIMIT)
    assert len(body) == LIMIT
    response = await client.post(
        "/graphql", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 200, response.text
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_a_declared_body_over_the_limit_is_413_with_a_json_error(
    client: httpx.AsyncClient,
) -> None:
    response = await client.post(
        "/graphql", content=_padded(LIMIT + 1), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/json")
    assert _code(response) == "PAYLOAD_TOO_LARGE"
    assert str(LIMIT) in response.json()["errors"][0]["message"]
    assert response.headers["x-request-id"]


async def test_a_streamed_body_over_the_limit_is_413_and_not_read_to_the_end(
    client: httpx.AsyncClient,
) -> None:
    pulled = 0

    async def chunks() -> AsyncIterator[bytes]:
        # No Content-Length: the body arrives in chunks, so only counting can catch it.
        nonlocal pulled
        for _ in range(100):
            pulled += 1
            yield b" " * 400

    response = await client.post(
        "/graphql", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert _code(response) == "PAYLOAD_TOO_LARGE"
    assert pulled <= 4, f"{pulled} chunks were read for a {LIMIT}-byte limit"


async def test_a_batch_is_refused_with_a_clear_400(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json=[{"query": "{ __typename }"}, {"query": "{ __typename }"}]
    )
    assert response.status_code == 400
    assert _code(response) == "BAD_REQUEST"
    assert "batching is not supported" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    ("name", "payload"),
    [
        ("parse", {"query": "{"}),
        ("validation", {"query": "{ noSuchField }"}),
        (
            "coercion",
            {"query": "query Q($id: ID!) { node(id: $id) { id } }", "variables": {"id": None}},
        ),
    ],
)
async def test_a_request_error_is_400_without_data_in_graphql_response_json_only(
    client: httpx.AsyncClient, name: str, payload: dict[str, object]
) -> None:
    strict = await client.post("/graphql", json=payload, headers={"accept": GRAPHQL_RESPONSE})
    assert strict.status_code == 400, (name, strict.text)
    assert strict.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert "data" not in strict.json() and strict.json()["errors"]
    # application/json keeps what existing clients rely on: 200, data null, errors.
    legacy = await client.post("/graphql", json=payload, headers={"accept": "application/json"})
    assert legacy.status_code == 200, (name, legacy.text)
    assert legacy.headers["content-type"].startswith("application/json")
    assert legacy.json()["data"] is None and legacy.json()["errors"]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/json"),
        ("*/*", "application/json"),
        ("application/json", "application/json"),
        (GRAPHQL_RESPONSE, GRAPHQL_RESPONSE),
        (f"{GRAPHQL_RESPONSE}, application/json;q=0.9", GRAPHQL_RESPONSE),
        (f"application/json, {GRAPHQL_RESPONSE};q=0.5", "application/json"),
        ("application/json, multipart/mixed", "application/json"),  # GraphiQL's
    ],
)
async def test_the_response_media_type_follows_accept(
    client: httpx.AsyncClient, accept: str | None, expected: str
) -> None:
    headers = {"accept": accept} if accept is not None else {}
    response = await client.post("/graphql", json={"query": "{ __typename }"}, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == expected
    assert response.json() == {"data": {"__typename": "Query"}}


async def test_an_unacceptable_accept_is_406(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/graphql", json={"query": "{ __typename }"}, headers={"accept": "text/csv"}
    )
    assert response.status_code == 406
    assert _code(response) == "NOT_ACCEPTABLE"


async def test_a_mutation_over_get_is_405_and_does_not_run(client: httpx.AsyncClient) -> None:
    response = await client.get(
        "/graphql",
        params={"query": 'mutation { deleteArticle(id: "QXJ0aWNsZTp4") { __typename } }'},
        headers={"accept": GRAPHQL_RESPONSE},
    )
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"
    assert _code(response) == "METHOD_NOT_ALLOWED"


async def test_other_methods_are_405_with_a_json_error(client: httpx.AsyncClient) -> None:
    response = await client.put("/graphql", json={"query": "{ __typename }"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, POST"
    assert _code(response) == "METHOD_NOT_ALLOWED"


async def test_a_non_string_operation_name_is_400(client: httpx.AsyncClient) -> None:
    response = await client.post("/graphql", json={"query": "{ __typename }", "operationName": 0})
    assert response.status_code == 400
    assert _code(response) == "BAD_REQUEST"


async def test_every_response_has_a_fresh_request_id(client: httpx.AsyncClient) -> None:
    first = await client.get("/healthz")
    second = await client.post("/graphql", json={"query": "{ __typename }"})
    ids = [first.headers["x-request-id"], second.headers["x-request-id"]]
    assert all(re.fullmatch(r"[0-9a-f]{32}", i) for i in ids) and ids[0] != ids[1]


async def test_a_safe_incoming_request_id_is_kept_and_an_unsafe_one_replaced(
    client: httpx.AsyncClient,
) -> None:
    kept = await client.get("/healthz", headers={"x-request-id": "lb-7f3a.42_x"})
    assert kept.headers["x-request-id"] == "lb-7f3a.42_x"
    for unsafe in ["x" * 65, "a b", "<script>", "-leading-dash", ""]:
        response = await client.get("/healthz", headers={"x-request-id": unsafe})
        assert re.fullmatch(r"[0-9a-f]{32}", response.headers["x-request-id"]), unsafe


# --- bodies that are not a GraphQL request ---------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [b'"x"', b"1", b"1.5", b"null", b"true", b"false", b'"{\\"query\\": \\"{ __typename }\\"}"'],
)
async def test_a_json_body_that_is_not_an_object_is_400_with_a_code(
    client: httpx.AsyncClient, body: bytes
) -> None:
    for accept in (GRAPHQL_RESPONSE, "application/json"):
        response = await client.post(
            "/graphql", content=body, headers={"content-type": "application/json", "accept": accept}
        )
        assert response.status_code == 400, (body, response.text)
        assert _code(response) == "BAD_REQUEST"
        assert "must be a JSON object" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"\xc3\x28", "UTF-8"),
        (b'{"query": "{ __typename }", "x": "\xff"}', "UTF-8"),
        (b'{"query": "{ __typename }", "variables": {"n": ' + b"9" * 5_000 + b"}}", "digits"),
    ],
)
async def test_a_body_json_cannot_decode_is_400_not_500(api: Api, body: bytes, says: str) -> None:
    response = await api.http.post(
        "/graphql", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 400, response.text
    assert _code(response) == "BAD_REQUEST"
    assert says in response.json()["errors"][0]["message"]


def _nested(levels: int) -> str:
    """JSON objects and arrays nested ``levels`` deep, innermost a number."""
    return (
        '{"a": ' * (levels // 2)
        + "[" * (levels - levels // 2)
        + "1"
        + "]" * (levels - levels // 2)
        + "}" * (levels // 2)
    )


async def test_variables_nested_10000_levels_deep_are_400_over_post_and_get(api: Api) -> None:
    # Both far past the ~1,000 levels where Python's JSON decoder gives up; a GET's URL holds
    # no more than 3,000 (httpx's bound on a URL is 64 kB).
    deep, deep_get = _nested(10_000), _nested(3_000)
    requests = [
        ("POST", {"content": f'{{"query": "{{ __typename }}", "variables": {{"v": {deep}}}}}'}),
        ("POST", {"content": f'{{"query": "{{ __typename }}", "extensions": {deep}}}'}),
        ("GET", {"params": {"query": "{ __typename }", "variables": f'{{"v": {deep_get}}}'}}),
        ("GET", {"params": {"query": "{ __typename }", "extensions": deep_get}}),
    ]
    for method, arguments in requests:
        response = await api.http.request(
            method, "/graphql", headers={"content-type": "application/json"}, **arguments
        )
        assert response.status_code == 400, (method, response.text[:300])
        error = response.json()["errors"][0]
        assert error["extensions"] == {"code": "JSON_DEPTH_LIMIT_EXCEEDED", "limit": 32}


@pytest.fixture
async def shallow(graph: Graph) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(Settings(max_json_depth=4), graph=graph)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            yield http


@pytest.mark.parametrize("where", ["variables", "extensions"])
async def test_json_nested_to_the_bound_is_served_and_one_level_more_is_refused(
    shallow: httpx.AsyncClient, where: str
) -> None:
    # The variables object itself is the first level.
    at_bound = {"query": "{ __typename }", where: json.loads(_nested(4))}
    response = await shallow.post("/graphql", json=at_bound)
    assert response.status_code == 200, response.text
    assert response.json() == {"data": {"__typename": "Query"}}
    over = {"query": "{ __typename }", where: json.loads(_nested(5))}
    for request in (
        shallow.post("/graphql", json=over),
        shallow.get("/graphql", params={"query": over["query"], where: json.dumps(over[where])}),
    ):
        response = await request
        assert response.status_code == 400, response.text
        assert response.json()["errors"] == [
            {
                "message": f"`{where}` nests objects and arrays more than 4 levels deep",
                "extensions": {"code": "JSON_DEPTH_LIMIT_EXCEEDED", "limit": 4},
            }
        ]


# --- every error has a code ------------------------------------------------------------------

DATE_VARIABLE = "query($d: Date) { articles(filter: {from: $d}) { totalCount } }"
NUL_ID = "QWN0b3I6AA"  # base64 of "Actor:\0"
# Each: how to send it, and the code every error of the answer must carry.
ERRORS: dict[str, tuple[str, dict[str, Any], str]] = {
    "document that does not parse": ("POST", {"json": {"query": "{"}}, "GRAPHQL_PARSE_FAILED"),
    "unknown field": ("POST", {"json": {"query": "{ noSuchField }"}}, "GRAPHQL_VALIDATION_FAILED"),
    "bad literal": (
        "POST",
        {"json": {"query": '{ articles(filter: {from: "nope"}) { totalCount } }'}},
        "GRAPHQL_VALIDATION_FAILED",
    ),
    "variable not a Date": (
        "POST",
        {"json": {"query": DATE_VARIABLE, "variables": {"d": "nope"}}},
        "BAD_USER_INPUT",
    ),
    "variable not a Date, over GET": (
        "GET",
        {"params": {"query": DATE_VARIABLE, "variables": '{"d": "nope"}'}},
        "BAD_USER_INPUT",
    ),
    "required variable missing": (
        "POST",
        {"json": {"query": "query($id: ID!) { node(id: $id) { id } }"}},
        "BAD_USER_INPUT",
    ),
    "variable of the wrong type": (
        "POST",
        {
            "json": {
                "query": "query($n: Int) { articles(first: $n) { totalCount } }",
                "variables": {"n": "ten"},
            }
        },
        "BAD_USER_INPUT",
    ),
    "unknown field in an input variable": (
        "POST",
        {
            "json": {
                "query": "query($f: ArticleFilter) { articles(filter: $f) { totalCount } }",
                "variables": {"f": {"nope": 1}},
            }
        },
        "BAD_USER_INPUT",
    ),
    "unknown enum value in a variable": (
        "POST",
        {
            "json": {
                "query": 'query($t: [SearchType!]) { search(query: "x", types: $t) { score } }',
                "variables": {"t": ["NOPE"]},
            }
        },
        "BAD_USER_INPUT",
    ),
    "directive variable of the wrong type": (
        "POST",
        {
            "json": {
                "query": "query($s: Boolean!) { __typename @skip(if: $s) }",
                "variables": {"s": "yes"},
            }
        },
        "BAD_USER_INPUT",
    ),
    "null through a variable with a default": (
        "POST",
        {
            "json": {
                "query": f'query($id: ID = "{NUL_ID}") {{ node(id: $id) {{ id }} }}',
                "variables": {"id": None},
            }
        },
        "BAD_USER_INPUT",
    ),
    "unknown operation name": (
        "POST",
        {"json": {"query": "query A { __typename }", "operationName": "B"}},
        "BAD_REQUEST",
    ),
    "no operation, only a fragment": (
        "POST",
        {"json": {"query": "fragment F on Query { __typename }"}},
        "BAD_REQUEST",
    ),
    "empty document": ("POST", {"json": {"query": ""}}, "BAD_REQUEST"),
    "subscription": (
        "POST",
        {"json": {"query": "subscription { x }"}},
        "GRAPHQL_VALIDATION_FAILED",
    ),
    "subscription over GET": (
        "GET",
        {"params": {"query": "subscription { x }"}},
        "GRAPHQL_VALIDATION_FAILED",
    ),
    "mutation over GET": (
        "GET",
        {"params": {"query": 'mutation { deleteArticle(id: "QXJ0aWNsZTp4") { __typename } }'}},
        "METHOD_NOT_ALLOWED",
    ),
    "mutation without a key": (
        "POST",
        {"json": {"query": 'mutation { deleteArticle(id: "QXJ0aWNsZTp4") { __typename } }'}},
        "UNAUTHENTICATED",
    ),
    "bad cursor": (
        "POST",
        {"json": {"query": '{ articles(after: "YzoA") { totalCount } }'}},
        "BAD_USER_INPUT",
    ),
    "bad id": (
        "POST",
        {"json": {"query": f'{{ node(id: "{NUL_ID}") {{ id }} }}'}},
        "BAD_USER_INPUT",
    ),
    "first over 100": (
        "POST",
        {"json": {"query": "{ articles(first: 101) { totalCount } }"}},
        "BAD_USER_INPUT",
    ),
    "body not JSON": ("POST", {"content": b"{query"}, "BAD_REQUEST"),
    "body not an object": ("POST", {"content": b'"{ __typename }"'}, "BAD_REQUEST"),
    "batch": ("POST", {"json": [{"query": "{ __typename }"}]}, "BAD_REQUEST"),
    "variables not JSON, over GET": (
        "GET",
        {"params": {"query": "{ __typename }", "variables": "{nope"}},
        "BAD_REQUEST",
    ),
    "variables not an object": (
        "POST",
        {"json": {"query": "{ __typename }", "variables": [1]}},
        "BAD_REQUEST",
    ),
    "variables too deep": (
        "POST",
        {"json": {"query": "{ __typename }", "variables": json.loads(_nested(40))}},
        "JSON_DEPTH_LIMIT_EXCEEDED",
    ),
    "unsupported content type": (
        "POST",
        {"content": b"{ __typename }", "headers": {"content-type": "text/plain"}},
        "BAD_REQUEST",
    ),
    "unacceptable Accept": (
        "POST",
        {"json": {"query": "{ __typename }"}, "headers": {"accept": "text/csv"}},
        "NOT_ACCEPTABLE",
    ),
    "method not allowed": ("PUT", {"json": {"query": "{ __typename }"}}, "METHOD_NOT_ALLOWED"),
    "body too large": (
        "POST",
        {"json": {"query": "{ __typename }", "extensions": {"pad": "x" * 1_000_001}}},
        "PAYLOAD_TOO_LARGE",
    ),
}


@pytest.mark.parametrize("case", list(ERRORS))
@pytest.mark.parametrize("accept", [GRAPHQL_RESPONSE, "application/json"])
async def test_every_error_carries_a_code(api: Api, case: str, accept: str) -> None:
    method, arguments, code = ERRORS[case]
    headers = {"content-type": "application/json", "accept": accept, **arguments.get("headers", {})}
    sent = {key: value for key, value in arguments.items() if key != "headers"}
    response = await api.http.request(method, "/graphql", headers=headers, **sent)
    assert response.status_code < 500, response.text
    errors = response.json()["errors"]
    assert errors, response.text
    assert [error.get("extensions", {}).get("code") for error in errors] == [code] * len(errors)


# --- slow clients ----------------------------------------------------------------------------


async def test_a_body_that_stops_arriving_is_408_and_the_connection_closed(graph: Graph) -> None:
    app = create_app(Settings(read_timeout_s=0.2), graph=graph)
    stalled = asyncio.Event()

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"query": "{ __typename }"'
        await stalled.wait()  # the rest never comes while the server waits
        yield b"}"

    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
            # A bound only so that the test ends when nothing cuts the body off.
            async with asyncio.timeout(GIVE_UP_S):
                response = await http.post(
                    "/graphql", content=chunks(), headers={"content-type": "application/json"}
                )
            stalled.set()
            served = await http.post("/graphql", json={"query": "{ __typename }"})
    assert response.status_code == 408
    assert response.headers["connection"] == "close"
    assert response.json()["errors"] == [
        {
            "message": "the request body did not arrive within 0.2 s",
            "extensions": {"code": "REQUEST_TIMEOUT"},
        }
    ]
    assert served.status_code == 200


# At process level: `newsgraph serve` and raw sockets that send a request a byte at a time.
READ_TIMEOUT_S = 1.0


@pytest.fixture(scope="module")
def slow_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    folder = tmp_path_factory.mktemp("slow-clients")
    env = embedded_env(folder / "graph", NEWSGRAPH_READ_TIMEOUT_S=str(READ_TIMEOUT_S))
    with serving(env, folder / "serve.log") as served:
        parts = urlsplit(served.base)
        assert parts.hostname is not None and parts.port is not None
        yield parts.hostname, parts.port


def _dribble(address: tuple[str, int], first: bytes, drip: bytes) -> tuple[float, bytes]:
    """Send ``first``, then ``drip`` every 0.1 s until the server hangs up: the seconds that
    took, and what the server said meanwhile."""
    with socket.create_connection(address) as sock:
        sock.settimeout(0.1)
        began = time.monotonic()
        sock.sendall(first)
        reply = b""
        while time.monotonic() - began < GIVE_UP_S:
            try:
                chunk = sock.recv(65536)
                if not chunk:
                    return time.monotonic() - began, reply
                reply += chunk
            except TimeoutError:
                pass
            except ConnectionResetError:
                return time.monotonic() - began, reply
            if drip:
                try:
                    sock.sendall(drip)
                except (BrokenPipeError, ConnectionResetError):
                    return time.monotonic() - began, reply
    pytest.fail(f"still connected after {GIVE_UP_S:.0f} s: a slow client is never cut off")


def _json_reply(reply: bytes) -> tuple[int, dict[str, Any]]:
    head, _, body = reply.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    parsed: dict[str, Any] = json.loads(body)
    return status, parsed


SLOW = {
    "a connection that sends nothing": (b"", b""),
    "headers a byte at a time": (b"POST /graphql HTTP/1.1\r\nHost: t\r\nX-Slow: ", b"a"),
    "a body a byte at a time": (
        b"POST /graphql HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
        b"Content-Length: 100000\r\n\r\n{",
        b" ",
    ),
    "a body no one reads, a byte at a time": (
        b"GET /healthz HTTP/1.1\r\nHost: t\r\nContent-Length: 100000\r\n\r\n",
        b" ",
    ),
}


@pytest.mark.parametrize("case", list(SLOW))
def test_newsgraph_serve_cuts_off_a_slow_client(slow_server: tuple[str, int], case: str) -> None:
    first, drip = SLOW[case]
    took, reply = _dribble(slow_server, first, drip)
    print(f"\n{case}: disconnected after {took:.2f} s (read timeout {READ_TIMEOUT_S} s)")
    if case == "a connection that sends nothing":
        assert reply == b""
    elif case == "a body no one reads, a byte at a time":
        assert _json_reply(reply) == (200, {"status": "ok"})  # answered, then cut off
    else:
        status, body = _json_reply(reply)
        assert status == 408
        assert body["errors"][0]["extensions"] == {"code": "REQUEST_TIMEOUT"}


def test_newsgraph_serve_still_serves_a_client_that_keeps_its_connection(
    slow_server: tuple[str, int],
) -> None:
    host, port = slow_server
    with httpx.Client(base_url=f"http://{host}:{port}") as http:
        for _ in range(3):
            response = http.post("/graphql", json={"query": "{ __typename }"})
            assert response.json() == {"data": {"__typename": "Query"}}
        assert response.headers.get("connection") != "close"
