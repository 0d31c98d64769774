"""Operation limits and the graph query timeout, as clients see them: each refusal comes
before anything runs, with its own `extensions.code`."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from graphql import get_introspection_query, parse

from newsgraph.api import create_app
from newsgraph.graph import Graph
from newsgraph.graph.cypher import Statement
from newsgraph.graph.errors import QueryTimeout
from newsgraph.graph.falkordb_store import FalkorStore
from newsgraph.schema import build_schema, limits
from newsgraph.schema.limits import LIST_ESTIMATE, MAX_PERIOD_BUCKETS, operation_cost
from newsgraph.settings import Settings
from tests.helpers.api import Api


@pytest.fixture
async def client(graph: Graph) -> AsyncIterator[Any]:
    """Make a client of an app built with the given settings, on the test graph."""
    stack: list[Any] = []

    async def make(settings: Settings, on: Graph | None = None) -> Api:
        app = create_app(settings, graph=on or graph)
        lifespan = app.router.lifespan_context(app)
        await lifespan.__aenter__()
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")
        stack.append((lifespan, http))
        return Api(http)

    yield make
    for lifespan, http in reversed(stack):
        await http.aclose()
        await lifespan.__aexit__(None, None, None)


async def _post(api: Api, document: str, **variables: Any) -> tuple[int, dict[str, Any]]:
    response = await api.http.post("/graphql", json={"query": document, "variables": variables})
    body: dict[str, Any] = response.json()
    return response.status_code, body


def _codes(body: dict[str, Any]) -> list[str]:
    return [error.get("extensions", {}).get("code") for error in body.get("errors", [])]


async def _refused(api: Api, document: str, code: str, **variables: Any) -> dict[str, Any]:
    status, body = await _post(api, document, **variables)
    assert status < 500, body
    assert _codes(body) == [code], body
    assert not body.get("data"), body
    error: dict[str, Any] = body["errors"][0]
    return error


_CHAIN = ["statements(first: 1)", "edges", "node", "speaker"]
_LEAF = {"statements(first: 1)": "totalCount", "edges": "cursor", "node": "text", "speaker": "name"}


def _nested(depth: int) -> str:
    """`{ actor { statements { edges { node { speaker ... } } } } }`, ``depth`` deep.

    Single objects and pages of one, so the cost stays small whatever the depth.
    """
    fields = ['actor(name: "x")', *(_CHAIN * depth)][:depth]
    inner = _LEAF.get(fields[-1], "name")
    for name in reversed(fields):
        inner = f"{name} {{ {inner} }}"
    return f"{{ {inner} }}"


# --- depth ----------------------------------------------------------------------------------

# The defaults, whatever they are now: the tests check the rule, not one number.
DEFAULTS = Settings()
DEEP_OK = _nested(DEFAULTS.max_depth)
TOO_DEEP = _nested(DEFAULTS.max_depth + 1)


async def test_a_query_at_the_depth_limit_runs(api: Api) -> None:
    status, body = await _post(api, DEEP_OK)
    assert status == 200 and "errors" not in body, body
    assert body["data"] == {"actor": None}


async def test_a_query_past_the_depth_limit_is_refused(api: Api) -> None:
    error = await _refused(api, TOO_DEEP, "DEPTH_LIMIT_EXCEEDED")
    depth, limit = DEFAULTS.max_depth + 1, DEFAULTS.max_depth
    assert f"{depth} levels" in error["message"] and f"limit is {limit}" in error["message"]
    assert error["extensions"] == {"code": "DEPTH_LIMIT_EXCEEDED", "depth": depth, "limit": limit}


async def test_depth_counts_through_fragments(api: Api) -> None:
    # The same too-deep selection, cut in two by a fragment spread.
    inner = TOO_DEEP.removeprefix('{ actor(name: "x") { ').removesuffix(" } }")
    document = f'{{ actor(name: "x") {{ ...Deep }} }} fragment Deep on Actor {{ {inner} }}'
    error = await _refused(api, document, "DEPTH_LIMIT_EXCEEDED")
    assert error["extensions"]["depth"] == DEFAULTS.max_depth + 1


async def test_the_depth_limit_comes_from_settings(client: Any) -> None:
    api = await client(Settings(max_depth=2))
    await _refused(api, '{ actor(name: "x") { roles { of { name } } } }', "DEPTH_LIMIT_EXCEEDED")
    _, body = await _post(api, '{ actor(name: "x") { roles { title } } }')
    assert "errors" not in body, body


# --- tokens ---------------------------------------------------------------------------------


async def test_a_document_past_the_token_limit_is_refused_before_it_is_parsed(api: Api) -> None:
    # 2 + n x 4 tokens: just past the limit, yet valid GraphQL.
    repeats = DEFAULTS.max_tokens // 4 + 1
    document = "{ " + " ".join("stats { articles }" for _ in range(repeats)) + " }"
    error = await _refused(api, document, "TOKEN_LIMIT_EXCEEDED")
    assert f"{DEFAULTS.max_tokens} tokens" in error["message"]
    assert error["extensions"] == {"code": "TOKEN_LIMIT_EXCEEDED", "limit": DEFAULTS.max_tokens}


async def test_comments_count_as_tokens(api: Api) -> None:
    # Comments are free for the parser to skip but not to read: a comment-padded document
    # must not get past the limit.
    document = "{ stats { articles } }\n" + "#\n" * DEFAULTS.max_tokens
    await _refused(api, document, "TOKEN_LIMIT_EXCEEDED")


async def test_the_token_limit_comes_from_settings(client: Any) -> None:
    api = await client(Settings(max_tokens=10))
    eleven = "{ stats { articles actors meetings statements topics } __typename }"
    await _refused(api, eleven, "TOKEN_LIMIT_EXCEEDED")
    _, body = await _post(api, "{ stats { articles } }")
    assert "errors" not in body, body


# --- aliases --------------------------------------------------------------------------------


def _aliased(count: int) -> str:
    return "{ " + " ".join(f"a{i}: stats {{ articles }}" for i in range(count)) + " }"


async def test_aliases_up_to_the_limit_run_and_one_more_is_refused(api: Api) -> None:
    limit = DEFAULTS.max_aliases
    _, body = await _post(api, _aliased(limit))
    assert "errors" not in body, body
    error = await _refused(api, _aliased(limit + 1), "ALIAS_LIMIT_EXCEEDED")
    assert f"{limit + 1} aliases" in error["message"]
    assert f"limit is {limit}" in error["message"]


async def test_aliases_in_fragments_count_at_every_spread(api: Api) -> None:
    fields = " ".join(f"n{i}: name" for i in range(DEFAULTS.max_aliases // 2 + 1))
    document = (
        '{ a: actor(name: "x") { ...F } b: actor(name: "y") { ...F } } '
        f"fragment F on Actor {{ {fields} }}"
    )
    await _refused(api, document, "ALIAS_LIMIT_EXCEEDED")


async def test_the_alias_limit_comes_from_settings(client: Any) -> None:
    api = await client(Settings(max_aliases=1))
    await _refused(api, _aliased(2), "ALIAS_LIMIT_EXCEEDED")


# --- cost -----------------------------------------------------------------------------------

# 100 actors x 100 statements x 10 (reports, an estimate) x 10 (mentions): over a million.
COSTLY = """query($n: Int) { actors(first: $n) { edges { node {
  statements(first: $n) { edges { node { reports { article { mentions { name } } } } } } } } } }"""


async def test_a_costly_query_is_refused_with_its_cost_and_the_limit(api: Api) -> None:
    error = await _refused(api, COSTLY, "COST_LIMIT_EXCEEDED", n=100)
    cost = 100 + 100 * 100 + 100 * 100 * LIST_ESTIMATE * (1 + LIST_ESTIMATE)
    assert error["extensions"]["cost"] == cost
    assert cost > DEFAULTS.max_cost
    assert error["extensions"] == {
        "code": "COST_LIMIT_EXCEEDED",
        "cost": cost,
        "limit": DEFAULTS.max_cost,
    }
    assert str(cost) in error["message"] and f"{DEFAULTS.max_cost:,}" in error["message"]


async def test_the_cost_follows_the_variables_of_each_request(api: Api) -> None:
    # The same document, validated once and cached: the cost must still be each request's.
    _, body = await _post(api, COSTLY, n=2)
    assert "errors" not in body, body
    await _refused(api, COSTLY, "COST_LIMIT_EXCEEDED", n=100)
    _, body = await _post(api, COSTLY, n=2)
    assert "errors" not in body, body


async def test_a_repeated_operation_is_measured_once_per_variables(
    client: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without the response cache, which would answer the repeated requests before any check.
    api = await client(Settings(response_cache_entries=0))
    measured: list[Any] = []
    measure = limits.measure_operation

    def counting(*args: Any, **kwargs: Any) -> Any:
        measured.append(args[3])
        return measure(*args, **kwargs)

    monkeypatch.setattr(limits, "measure_operation", counting)
    for _ in range(3):
        _, body = await _post(api, COSTLY, n=2)
        assert "errors" not in body, body
    assert measured == [{"n": 2}]
    await _post(api, COSTLY, n=3)
    assert measured == [{"n": 2}, {"n": 3}]


async def test_a_costly_operation_is_refused_every_time_with_the_same_error(client: Any) -> None:
    # Its measure is remembered; the refusal is still made, the same, for every request.
    api = await client(Settings(response_cache_entries=0))
    first = await _refused(api, COSTLY, "COST_LIMIT_EXCEEDED", n=100)
    for _ in range(2):
        assert await _refused(api, COSTLY, "COST_LIMIT_EXCEEDED", n=100) == first


async def test_an_invalid_document_is_refused_every_time_with_the_same_errors(
    client: Any,
) -> None:
    # Parsing and validation are cached by document: a cached failure is still a failure.
    api = await client(Settings(response_cache_entries=0))
    for document, code in [
        ("{ stats { ", "GRAPHQL_PARSE_FAILED"),
        ("{ actors(first: 100) { edges { node { nope } } } }", "GRAPHQL_VALIDATION_FAILED"),
        (_nested(DEFAULTS.max_depth + 1), "DEPTH_LIMIT_EXCEEDED"),
    ]:
        answers = [await _post(api, document) for _ in range(3)]
        assert _codes(answers[0][1]) == [code], answers[0]
        assert answers[1:] == answers[:1] * 2


async def test_the_cost_limit_comes_from_settings(client: Any) -> None:
    api = await client(Settings(max_cost=99))
    await _refused(api, "{ actors(first: 100) { edges { node { name } } } }", "COST_LIMIT_EXCEEDED")
    _, body = await _post(api, "{ actors(first: 99) { edges { node { name } } } }")
    assert "errors" not in body, body


async def test_aggregate_periods_count_against_the_cost_limit(client: Any) -> None:
    api = await client(Settings(max_cost=MAX_PERIOD_BUCKETS + 50))
    days = "byPeriod(interval: DAY) { count }"
    await _refused(
        api,
        f"{{ a: meetingStats {{ {days} }} b: articleStats {{ {days} }} }}",
        "COST_LIMIT_EXCEEDED",
    )
    _, body = await _post(api, f"{{ meetingStats {{ {days} }} }}")
    assert "errors" not in body, body


async def test_an_aggregate_of_a_search_counts_a_search_per_field(api: Api) -> None:
    # Six fields over one full-text filter are six full-text queries: past the limit of five.
    fields = "count byPeriod(interval: YEAR) { count } topSpeakers { count } byTopic { count }"
    document = f'{{ statementStats(filter: {{search: "peace"}}) {{ {fields} '
    await _refused(api, document + "byMedium { count } again: count } }", "COST_LIMIT_EXCEEDED")
    _, body = await _post(api, document + "} }")
    assert "errors" not in body, body


async def test_the_cost_is_checked_after_validation(api: Api) -> None:
    # An invalid document gets its validation errors, not a cost computed on nonsense.
    _, body = await _post(api, "{ actors(first: 100) { edges { node { nope } } } }")
    assert _codes(body) == ["GRAPHQL_VALIDATION_FAILED"], body


SCHEMA = build_schema()._schema


def _cost(document: str, **variables: Any) -> int | None:
    return operation_cost(SCHEMA, parse(document), None, variables)


@pytest.mark.parametrize(
    ("document", "variables", "cost"),
    [
        # A connection without `first` counts the resolvers' default page, 20.
        ("{ actors { edges { node { name } } } }", {}, 20),
        ("{ actors(first: 5) { totalCount edges { cursor node { name } } } }", {}, 5),
        # Nesting multiplies; single objects add nothing.
        ("{ actors(first: 5) { edges { node { statements(first: 3) { totalCount } } } } }", {}, 20),
        # Lists of objects without `first` count the estimate; lists of scalars nothing.
        ('{ actor(name: "x") { aliases roles { title of { name } } } }', {}, LIST_ESTIMATE),
        ("{ meetings(first: 2) { edges { node { participants { role } } } } }", {}, 2 + 2 * 10),
        # `reports` is whole without `first` (counted as the estimate), the oldest N with it.
        ("{ meetings(first: 2) { edges { node { reports { excerpt } } } } }", {}, 2 + 2 * 10),
        ("{ statements(first: 2) { edges { node { reports(first: 3) { offset } } } } }", {}, 8),
        # Variables, variable defaults, and a null (which pages with the default).
        ("query($n: Int) { actors(first: $n) { totalCount } }", {"n": 7}, 7),
        ("query($n: Int = 9) { actors(first: $n) { totalCount } }", {}, 9),
        ("query($n: Int = 9) { actors(first: $n) { totalCount } }", {"n": None}, 20),
        # `nodes(ids:)` returns as many items as ids.
        ('{ nodes(ids: ["a", "b", "c"]) { id } }', {}, 3),
        ("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", {"ids": ["a", "b"]}, 2),
        # Fragments and inline fragments count where they are spread (and a search its own).
        (
            '{ search(query: "x", first: 4) { node { ... on Actor { ...A } } } } '
            "fragment A on Actor { statements(first: 5) { totalCount } }",
            {},
            4 + 4 * 5 + DEFAULTS.search_cost,
        ),
        ("{ stats { articles } }", {}, 0),
        # Aggregates: a period count per bucket, at most MAX_PERIOD_BUCKETS; ranked ones their
        # `first` (10 unless given); counts and per-value lists as any other.
        ("{ meetingStats { count byPeriod(interval: DAY) { start } } }", {}, MAX_PERIOD_BUCKETS),
        ("{ meetingStats { byMode { count } byStatus { count } } }", {}, 2 * LIST_ESTIMATE),
        ("{ statementStats { topSpeakers(first: 5) { actor { roles { title } } } } }", {}, 55),
        ("{ articleStats { byPublisher { count } } }", {}, 10),
        # A search in an aggregate's filter runs once for each field selected.
        (
            '{ statementStats(filter: {search: "x"}) { count } }',
            {},
            DEFAULTS.search_cost,
        ),
        (
            '{ articleStats(filter: {search: "x"}) { count n: count ...F } } '
            "fragment F on ArticleStats { __typename byPublisher(first: 2) { count } }",
            {},
            2 + 3 * DEFAULTS.search_cost,
        ),
    ],
)
def test_the_cost_multiplies_first_through_nesting(
    document: str, variables: dict[str, Any], cost: int
) -> None:
    assert _cost(document, **variables) == cost


def test_the_cost_of_the_full_introspection_query_is_small() -> None:
    # GraphiQL and schemathesis send it on start: it must stay far inside the limit.
    cost = _cost(get_introspection_query(descriptions=True, input_value_deprecation=True))
    assert cost is not None and cost < 5_000


def _fragment_bomb(levels: int) -> str:
    # Each fragment spreads the next one in two fields: 2^levels paths in a short text.
    fragments = [
        f"fragment F{i} on Actor {{ roles {{ of {{ ...F{i + 1} }} }} "
        f"again: roles {{ of {{ ...F{i + 1} }} }} }}"
        for i in range(levels)
    ]
    fragments.append(f"fragment F{levels} on Actor {{ name }}")
    return '{ actor(name: "x") { ...F0 } } ' + " ".join(fragments)


def test_the_cost_of_a_fragment_bomb_is_computed_without_expanding_it() -> None:
    started = time.perf_counter()
    cost = _cost(_fragment_bomb(40))
    assert time.perf_counter() - started < 1
    assert cost is not None and cost > 20**40


async def test_a_fragment_bomb_is_refused_quickly(api: Api) -> None:
    started = time.perf_counter()
    status, body = await _post(api, _fragment_bomb(40))
    assert time.perf_counter() - started < 2
    assert status < 500, body
    assert "DEPTH_LIMIT_EXCEEDED" in _codes(body), body


async def test_a_long_fragment_chain_is_measured_without_crashing(api: Api) -> None:
    chain = " ".join(f"fragment F{i} on Actor {{ name ...F{i + 1} }}" for i in range(150))
    document = f'{{ actor(name: "x") {{ ...F0 }} }} {chain} fragment F150 on Actor {{ name }}'
    status, body = await _post(api, document)
    assert status == 200 and "errors" not in body, body


# --- introspection --------------------------------------------------------------------------


async def test_introspection_is_on_by_default(api: Api) -> None:
    _, body = await _post(api, get_introspection_query(descriptions=True))
    assert "errors" not in body, body
    assert body["data"]["__schema"]["queryType"]["name"] == "Query"


async def test_introspection_can_be_switched_off(client: Any) -> None:
    api = await client(Settings(introspection=False))
    for document in (
        "{ __schema { queryType { name } } }",
        '{ __type(name: "Actor") { name } }',
        get_introspection_query(),
    ):
        status, body = await _post(api, document)
        assert status < 500, body
        assert set(_codes(body)) == {"INTROSPECTION_DISABLED"}, body
    # __typename is not introspection: clients need it to tell union members apart.
    _, body = await _post(api, "{ __typename stats { __typename } }")
    assert "errors" not in body, body


# --- parse and validation errors keep a code ------------------------------------------------


async def test_syntax_and_validation_errors_have_codes(api: Api) -> None:
    _, body = await _post(api, "{ stats { ")
    assert _codes(body) == ["GRAPHQL_PARSE_FAILED"], body
    _, body = await _post(api, "{ nope }")
    assert _codes(body) == ["GRAPHQL_VALIDATION_FAILED"], body


# --- graph query timeout --------------------------------------------------------------------

# Test-only statements, not in the registry: the Neo4j analyser checks only the project's own.
# 25 million rows, from two short lists: one long `range` would be built whole before the
# engine first checks its clock, so it could not be stopped early.
SLOW = Statement(
    "TEST_SLOW_COUNT",
    "UNWIND range(1, 5000) AS x UNWIND range(1, 5000) AS y RETURN count(y) AS n",
    {},
)
FILL_ACTORS = Statement(
    "TEST_FILL_ACTORS",
    """UNWIND range(1, $n) AS i
    CREATE (:Actor {id: 'test-actor-' + toString(i), name: 'Test Actor ' + toString(i),
                    keys: ['test actor ' + toString(i)], kind: 'PERSON'})""",
    {"n": 1},
    write=True,
)


def _tiny_timeout_store(graph: Graph) -> FalkorStore:
    store = graph.store
    if not isinstance(store, FalkorStore):
        pytest.skip("the tiny-timeout store is built on the embedded FalkorDB")
    host, port = store.address
    return FalkorStore(host, port, "newsgraph-tests", timeout_ms=1)


async def test_a_slow_graph_query_times_out_at_the_store(graph: Graph) -> None:
    tiny = _tiny_timeout_store(graph)
    try:
        started = time.perf_counter()
        with pytest.raises(QueryTimeout):
            await tiny.read(SLOW)
        # It was stopped, not run to the end (about 4 s here; stopping takes milliseconds).
        assert time.perf_counter() - started < 2
    finally:
        await tiny.close()


async def test_a_slow_graph_query_answers_query_timeout(graph: Graph, client: Any) -> None:
    tiny = _tiny_timeout_store(graph)
    try:
        # Enough actors that a name scan takes well over a millisecond (about 15 ms).
        await graph.store.write(FILL_ACTORS, {"n": 20_000})
        api = await client(Settings(query_timeout_ms=1), on=Graph(tiny))
        status, body = await _post(
            api, '{ actors(filter: {name: "no such actor"}) { edges { node { name } } } }'
        )
        assert status < 500, body
        assert _codes(body) == ["QUERY_TIMEOUT"], body
        assert "took too long" in body["errors"][0]["message"]
        assert body["errors"][0]["path"] == ["actors"]
    finally:
        await tiny.close()


# --- composed filters -----------------------------------------------------------------------


def _nested_or(depth: int) -> dict[str, Any]:
    """A meeting filter whose OR nests ``depth`` levels deep."""
    found: dict[str, Any] = {"mode": "VIDEO"}
    for _ in range(depth):
        found = {"OR": [found]}
    return found


MEETINGS = """query($f: MeetingFilter) { meetings(first: 10, filter: $f) {
  totalCount edges { node { title } } } }"""


def test_each_nested_filter_costs_a_page_more() -> None:
    wide = {"OR": [{"mode": "VIDEO"}, {"mode": "PHONE"}, {"NOT": [{"status": "HELD"}]}]}
    assert _cost(MEETINGS, f={"mode": "VIDEO"}) == 10
    # Four nested filters (three in OR, one in NOT): four more pages of ten.
    assert _cost(MEETINGS, f=wide) == 10 + 4 * 10
    # Inside a list, it multiplies like the rest.
    in_actors = """query($f: MeetingFilter) { actors(first: 5) { edges { node {
      meetings(first: 10, filter: $f) { totalCount } } } } }"""
    assert _cost(in_actors, f=wide) == 5 + 5 * (10 + 4 * 10)
    # Literals count as variables do.
    literal = "{ meetings(first: 10, filter: {OR: [{mode: VIDEO}, {mode: PHONE}]}) { totalCount } }"
    assert _cost(literal) == 10 + 2 * 10


async def test_filters_nested_past_the_depth_limit_are_refused_naming_where(api: Api) -> None:
    limit = DEFAULTS.max_filter_depth
    _, body = await _post(api, MEETINGS, f=_nested_or(limit))
    assert "errors" not in body, body
    error = await _refused(api, MEETINGS, "FILTER_LIMIT_EXCEEDED", f=_nested_or(limit + 1))
    where = "meetings(filter" + ".OR[0]" * (limit + 1) + ")"
    assert error["message"].startswith(where), error
    assert error["extensions"] == {
        "code": "FILTER_LIMIT_EXCEEDED",
        "depth": limit + 1,
        "limit": limit,
    }


async def test_too_many_nested_filters_are_refused(api: Api) -> None:
    limit = DEFAULTS.max_filter_conditions
    _, body = await _post(api, MEETINGS, f={"OR": [{"mode": "VIDEO"}] * limit})
    assert "errors" not in body, body
    error = await _refused(
        api, MEETINGS, "FILTER_LIMIT_EXCEEDED", f={"OR": [{"mode": "VIDEO"}] * (limit + 1)}
    )
    assert error["message"].startswith("meetings(filter)"), error
    assert error["extensions"]["conditions"] == limit + 1
    # Written in the document rather than in variables, the same.
    items = ", ".join(['{topic: "x"}'] * (limit + 1))
    literal = f"{{ statements(filter: {{NOT: [{{AND: [{items}]}}]}}) {{ totalCount }} }}"
    error = await _refused(api, literal, "FILTER_LIMIT_EXCEEDED")
    assert error["message"].startswith("statements(filter)"), error


async def test_the_filter_limits_and_their_cost_come_from_settings(client: Any) -> None:
    api = await client(Settings(max_filter_depth=0, max_cost=25))
    error = await _refused(api, MEETINGS, "FILTER_LIMIT_EXCEEDED", f=_nested_or(1))
    assert error["extensions"]["limit"] == 0
    api = await client(Settings(max_cost=25))
    _, body = await _post(api, MEETINGS, f=_nested_or(1))
    assert "errors" not in body, body
    # Two nested filters: 10 + 2 * 10 = 30, over 25.
    error = await _refused(
        api, MEETINGS, "COST_LIMIT_EXCEEDED", f={"OR": [{"mode": "VIDEO"}, {"mode": "PHONE"}]}
    )
    assert error["extensions"]["cost"] == 30


FILL_MEETINGS = Statement(
    "TEST_FILL_MEETINGS",
    """UNWIND range(1, $n) AS i
    CREATE (:Meeting {id: 'test-meeting-' + toString(i), mode: 'PHONE', status: 'HELD',
                      day_number: 739000 + i % 300, day: '2025-01-01'})""",
    {"n": 1},
    write=True,
)


async def test_a_composed_filter_no_index_serves_is_stopped_by_the_query_timeout(
    graph: Graph, client: Any
) -> None:
    tiny = _tiny_timeout_store(graph)
    try:
        # Enough meetings that reading them all takes well over a millisecond.
        await graph.store.write(FILL_MEETINGS, {"n": 20_000})
        api = await client(Settings(query_timeout_ms=1), on=Graph(tiny))
        f = {"OR": [{"mode": "VIDEO"}, {"NOT": [{"status": "HELD"}]}]}
        status, body = await _post(api, MEETINGS, f=f)
        assert status < 500, body
        assert _codes(body) == ["QUERY_TIMEOUT"], body
        assert body["errors"][0]["path"][0] == "meetings"
    finally:
        await tiny.close()
