"""Every list argument is capped, wherever it comes from, before anything runs.

`nodes(ids:)` was the only capped list: 60,000 names in `meetings(filter: {participants:})`
blocked the event loop for 1.3 s while they were coerced and looked up (issue 11, item 6).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
)

from newsgraph.api import create_app
from newsgraph.graph import Graph
from newsgraph.schema import build_schema
from newsgraph.settings import Settings

KEY = "list-limits-key"
CODE = "LIST_LIMIT_EXCEEDED"
DEFAULTS = Settings()

# Every list a client can send, by where the schema declares it: the document that sends it
# as `$v`, and one item.
LISTS: dict[str, tuple[str, Any]] = {
    "Query.nodes(ids)": ("query($v: [ID!]!) { nodes(ids: $v) { id } }", "QWN0b3I6eA"),
    "Query.search(types)": (
        'query($v: [SearchType!]) { search(query: "zelensky", types: $v) { score } }',
        "ACTOR",
    ),
    "MeetingFilter.participants": (
        "query($v: [String!]) { meetings(filter: {participants: $v}) { totalCount } }",
        "Nobody",
    ),
    "ArticleFilter.mentions": (
        "query($v: [String!]) { articles(filter: {mentions: $v}) { totalCount } }",
        "Nobody",
    ),
    "MeetingFilter.participantsAny": (
        "query($v: [String!]) { meetings(filter: {participantsAny: $v}) { totalCount } }",
        "Nobody",
    ),
    **{
        f"{kind}Filter.{connective}": (
            f"query($v: [{kind}Filter!]) {{ {kind.lower()}s(filter: {{{connective}: $v}}) "
            "{ totalCount } }",
            {"from": "2025-01-01"},
        )
        for kind in ("Meeting", "Statement", "Article")
        for connective in ("AND", "OR", "NOT")
    },
    "ActorInput.aliases": (
        'mutation($v: [String!]) { updateActor(id: "QWN0b3I6eA", input: {aliases: $v}) '
        "{ __typename } }",
        "Another name",
    ),
}

_CALLS = re.compile(r'desc="(\d+) calls?"')


def _is_list(type_: GraphQLInputType) -> bool:
    if isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    return isinstance(type_, GraphQLList)


def _schema_lists() -> set[str]:
    found = set()
    for named in build_schema()._schema.type_map.values():
        if named.name.startswith("__"):
            continue
        if isinstance(named, GraphQLInputObjectType):
            found |= {f"{named.name}.{n}" for n, f in named.fields.items() if _is_list(f.type)}
        elif isinstance(named, GraphQLObjectType):
            for name, field in named.fields.items():
                found |= {
                    f"{named.name}.{name}({a})"
                    for a, arg in field.args.items()
                    if _is_list(arg.type)
                }
    return found


@pytest.fixture
async def client(graph: Graph) -> AsyncIterator[Any]:
    stack: list[Any] = []

    async def make(settings: Settings | None = None) -> httpx.AsyncClient:
        app = create_app(settings or Settings(api_keys=KEY), graph=graph)  # type: ignore[arg-type]
        lifespan = app.router.lifespan_context(app)
        await lifespan.__aenter__()
        http = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://t",
            headers={"Authorization": f"Bearer {KEY}"},
        )
        stack.append((lifespan, http))
        return http

    yield make
    for lifespan, http in reversed(stack):
        await http.aclose()
        await lifespan.__aexit__(None, None, None)


async def _post(http: httpx.AsyncClient, document: str, **variables: Any) -> httpx.Response:
    return await http.post("/graphql", json={"query": document, "variables": variables})


def _codes(response: httpx.Response) -> list[str]:
    return [error["extensions"]["code"] for error in response.json().get("errors", [])]


def _graph_calls(response: httpx.Response) -> int:
    found = _CALLS.search(response.headers["server-timing"])
    assert found, response.headers["server-timing"]
    return int(found[1])


def test_every_list_input_of_the_schema_is_covered_here() -> None:
    # A new list argument must be added above, so that its cap is checked too.
    assert _schema_lists() == set(LISTS)


@pytest.mark.parametrize("where", list(LISTS))
async def test_a_list_past_the_limit_is_refused_before_anything_runs(
    client: Any, where: str
) -> None:
    http = await client()
    document, item = LISTS[where]
    limit = DEFAULTS.max_list_items
    response = await _post(http, document, v=[item] * (limit + 1))
    body = response.json()
    assert _codes(response) == [CODE], body
    assert not body.get("data"), body
    assert body["errors"][0]["extensions"] == {"code": CODE, "items": limit + 1, "limit": limit}
    assert "$v" in body["errors"][0]["message"]
    assert _graph_calls(response) == 0
    # At the limit the list is taken (whatever the resolver then says of its items).
    response = await _post(http, document, v=[item] * limit)
    assert CODE not in _codes(response), response.json()


async def test_the_probes_sixty_thousand_names_are_refused_before_anything_runs(
    client: Any,
) -> None:
    http = await client()
    names = [f"Nobody {i}" for i in range(60_000)]
    for where in ("MeetingFilter.participants", "ArticleFilter.mentions"):
        response = await _post(http, LISTS[where][0], v=names)
        assert response.json()["errors"][0]["extensions"] == {
            "code": CODE,
            "items": 60_000,
            "limit": DEFAULTS.max_list_items,
        }
        assert _graph_calls(response) == 0


async def test_a_long_list_inside_an_input_object_variable_is_refused(client: Any) -> None:
    http = await client()
    document = "query($f: MeetingFilter) { meetings(filter: $f) { totalCount } }"
    names = ["Nobody"] * (DEFAULTS.max_list_items + 1)
    response = await _post(http, document, f={"participants": names})
    assert _codes(response) == [CODE]
    assert "$f.participants" in response.json()["errors"][0]["message"]
    # And on the field of an actor, which takes the same filter.
    document = (
        'query($f: MeetingFilter) { actor(name: "x") { meetings(filter: $f) { totalCount } } }'
    )
    assert _codes(await _post(http, document, f={"participants": names})) == [CODE]


async def test_a_long_list_written_in_the_document_is_refused(client: Any) -> None:
    http = await client()
    ids = ", ".join(['"QWN0b3I6eA"'] * (DEFAULTS.max_list_items + 1))
    response = await _post(http, f"{{ nodes(ids: [{ids}]) {{ id }} }}")
    body = response.json()
    assert _codes(response) == [CODE], body
    assert body["errors"][0]["extensions"]["items"] == DEFAULTS.max_list_items + 1
    assert _graph_calls(response) == 0


async def test_the_list_limit_comes_from_settings(client: Any) -> None:
    http = await client(Settings(max_list_items=2))
    document = LISTS["MeetingFilter.participants"][0]
    response = await _post(http, document, v=["a", "b", "c"])
    assert response.json()["errors"][0]["extensions"] == {"code": CODE, "items": 3, "limit": 2}
    assert CODE not in _codes(await _post(http, document, v=["a", "b"]))
    # `nodes(ids:)` follows the same setting.
    response = await _post(http, LISTS["Query.nodes(ids)"][0], v=["QWN0b3I6eA"] * 3)
    assert _codes(response) == [CODE]
