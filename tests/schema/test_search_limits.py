"""Full-text search has one grammar and one set of bounds on every field that takes a search,
counts in the cost, runs only a few calls at once, and cannot starve the rest of the graph.

FalkorDB runs queries on a small thread pool (2 threads here) and expands a search before it
checks its query timeout: one request of 30 aliased 166-term wildcard searches held every
thread for seconds, and a 1 MB search ran past the timeout (issue 11, item 5).
"""

from __future__ import annotations

import asyncio
import re
import statistics
import threading
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from bench.corpus import write as write_corpus
from newsgraph.api import create_app
from newsgraph.graph import Graph, cypher
from newsgraph.graph.errors import QueryTimeout
from newsgraph.graph.falkordb_store import FalkorStore
from newsgraph.ingest.extract.reference import load_reference
from newsgraph.ingest.pipeline import load_paths
from newsgraph.schema.search import SearchRules, parse_search
from newsgraph.settings import Settings
from tests.helpers import CORPUS
from tests.helpers.processes import embedded_env, load_corpus, serving

DEFAULTS = Settings()
LIMIT = "SEARCH_LIMIT_EXCEEDED"

# Every field that takes a search, each given the search as `$s`.
FIELDS = {
    "search(query)": "query($s: String!) { search(query: $s) { score } }",
    "articles(filter.search)": (
        "query($s: String) { articles(filter: {search: $s}) { totalCount } }"
    ),
    "statements(filter.search)": (
        "query($s: String) { statements(filter: {search: $s}) { totalCount } }"
    ),
    "Actor.statements(filter.search)": (
        'query($s: String) { actor(name: "Zelensky") { '
        "statements(filter: {search: $s}) { totalCount } } }"
    ),
}


def _words(count: int) -> str:
    return " ".join(f"w{i}" for i in range(count))


def _prefixes(count: int) -> str:
    return " ".join(f"p{i}x*" for i in range(count))


# Each bound, just passed: the search, and the numbers the refusal must carry.
PAST_THE_BOUNDS = {
    "terms": (_words(DEFAULTS.search_max_terms + 1), {"terms": DEFAULTS.search_max_terms + 1}),
    "wildcards": (
        _prefixes(DEFAULTS.search_max_wildcards + 1),
        {"wildcards": DEFAULTS.search_max_wildcards + 1},
    ),
    "prefix": ("z" * (DEFAULTS.search_min_prefix - 1) + "*", {"prefixLength": 1}),
    "length": ("x" * (DEFAULTS.search_max_length + 1), {"length": DEFAULTS.search_max_length + 1}),
}
LIMITS = {
    "terms": DEFAULTS.search_max_terms,
    "wildcards": DEFAULTS.search_max_wildcards,
    "prefix": DEFAULTS.search_min_prefix,
    "length": DEFAULTS.search_max_length,
}

_CALLS = re.compile(r'desc="(\d+) calls?"')


async def _post(http: httpx.AsyncClient, document: str, **variables: Any) -> httpx.Response:
    return await http.post("/graphql", json={"query": document, "variables": variables})


def _graph_calls(response: httpx.Response) -> int:
    found = _CALLS.search(response.headers["server-timing"])
    assert found, response.headers["server-timing"]
    return int(found[1])


def _codes(body: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in body.get("errors", [])]


@pytest.fixture
async def client(graph: Graph) -> AsyncIterator[Any]:
    """Make a client of an app with the given settings, on the test graph (sample corpus)."""
    report = await load_paths([CORPUS], graph.store, load_reference())
    assert not report.failed
    stack: list[Any] = []

    async def make(settings: Settings | None = None, on: Graph | None = None) -> Any:
        app = create_app(settings or Settings(), graph=on or graph)
        lifespan = app.router.lifespan_context(app)
        await lifespan.__aenter__()
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://t")
        stack.append((lifespan, http))
        return http

    yield make
    for lifespan, http in reversed(stack):
        await http.aclose()
        await lifespan.__aexit__(None, None, None)


# --- the grammar ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "engine_text"),
    [
        ("Zelensky", "zelensky"),
        ("secur* Guarant*", "secur* guarant*"),
        ('"Security guarantees" Kyiv', '"security guarantees" kyiv'),
        # Other engines' operators separate words; upper-case AND/OR never reach Lucene.
        ("x AND OR y", "x and or y"),
        ("@name:{x} | -y ~z (w)", "name x y z w"),
        ("Зеленский, 泽连斯基 😀", "зеленский 泽连斯基"),
        ('"" word', "word"),
        ("   ", None),
    ],
)
def test_a_search_is_words_prefixes_and_phrases(text: str, engine_text: str | None) -> None:
    found = parse_search(text, SearchRules())
    assert (found.text if found else None) == engine_text


# --- the same bounds on every field ---------------------------------------------------------


@pytest.mark.parametrize("bound", list(PAST_THE_BOUNDS))
@pytest.mark.parametrize("field", list(FIELDS))
async def test_every_field_that_takes_a_search_refuses_it_past_each_bound_before_it_runs(
    client: Any, field: str, bound: str
) -> None:
    http = await client()
    text, numbers = PAST_THE_BOUNDS[bound]
    response = await _post(http, FIELDS[field], s=text)
    body = response.json()
    assert _codes(body) == [LIMIT], body
    assert not body.get("data"), body
    error = body["errors"][0]
    assert error["extensions"] == {"code": LIMIT, **numbers, "limit": LIMITS[bound]}
    assert field.removeprefix("Actor.") in error["message"] and "is refused" in error["message"]
    assert _graph_calls(response) == 0


async def test_a_search_inside_a_filter_variable_is_bounded_too(client: Any) -> None:
    http = await client()
    document = "query($f: ArticleFilter) { articles(filter: $f) { totalCount } }"
    too_many = _words(DEFAULTS.search_max_terms + 1)
    response = await _post(http, document, f={"search": too_many})
    assert _codes(response.json()) == [LIMIT]
    assert _graph_calls(response) == 0


async def test_a_search_at_every_bound_runs_on_every_field(client: Any) -> None:
    http = await client()
    # The shortest prefixes, as many wildcards and words as allowed, as long as allowed.
    shortest = "zelensky"[: DEFAULTS.search_min_prefix] + "*"
    wildcards = " ".join([shortest] * DEFAULTS.search_max_wildcards)
    words = " ".join(["zelensky"] * (DEFAULTS.search_max_terms - DEFAULTS.search_max_wildcards))
    at_the_bounds = f"{wildcards} {words}".ljust(DEFAULTS.search_max_length)
    for field, document in FIELDS.items():
        response = await _post(http, document, s=at_the_bounds)
        assert "errors" not in response.json(), (field, response.json())
    response = await _post(http, FIELDS["search(query)"], s=at_the_bounds)
    assert response.json()["data"]["search"], "the sample corpus names Zelensky"


@pytest.mark.parametrize("text", ["(", '"unclosed', "*", "*x", '"secur*"'])
async def test_a_search_the_grammar_cannot_read_is_bad_search_query_on_every_field(
    client: Any, text: str
) -> None:
    http = await client()
    for document in FIELDS.values():
        response = await _post(http, document, s=text)
        body = response.json()
        assert _codes(body) == ["BAD_SEARCH_QUERY"], body
        assert "is not valid" in body["errors"][0]["message"]
        assert _graph_calls(response) == 0


async def test_the_search_bounds_come_from_settings(client: Any) -> None:
    http = await client(
        Settings(
            search_max_terms=2, search_max_wildcards=1, search_min_prefix=4, search_max_length=30
        )
    )
    document = FIELDS["articles(filter.search)"]
    for accepted in ("security guarantees", "secu*", "secu* kyiv"):
        assert "errors" not in (await _post(http, document, s=accepted)).json(), accepted
    for refused, numbers in [
        ("security guarantees kyiv", {"terms": 3, "limit": 2}),
        ("secu* guar*", {"wildcards": 2, "limit": 1}),
        ("sec*", {"prefixLength": 3, "limit": 4}),
        ("x" * 31, {"length": 31, "limit": 30}),
    ]:
        body = (await _post(http, document, s=refused)).json()
        assert body["errors"][0]["extensions"] == {"code": LIMIT, **numbers}, refused


# --- the probes ---------------------------------------------------------------------


async def test_the_probes_searches_are_refused_before_they_run(client: Any) -> None:
    http = await client()
    # 30 aliases of a 166-term wildcard search, in 1.8 KB.
    wildcards = " ".join(["a*"] * 166)
    aliased = "query($s: String!) { " + " ".join(
        f"s{i}: search(query: $s) {{ score }}" for i in range(30)
    )
    response = await _post(http, aliased + " }", s=wildcards)
    assert _codes(response.json()) == [LIMIT]
    assert _graph_calls(response) == 0
    # 9 KB and 900 KB of search on the field that had no length limit at all.
    for size in (9_000, 900_000):
        text = ("a* " * size)[:size]
        response = await _post(http, FIELDS["articles(filter.search)"], s=text)
        error = response.json()["errors"][0]
        assert error["extensions"] == {
            "code": LIMIT,
            "length": size,
            "limit": DEFAULTS.search_max_length,
        }
        assert _graph_calls(response) == 0


# --- searches in the cost -------------------------------------------------------------------


async def test_searches_count_in_the_cost(client: Any) -> None:
    http = await client()
    allowed = DEFAULTS.max_cost // DEFAULTS.search_cost
    aliased = "query($s: String) { " + " ".join(
        f"a{i}: articles(first: 0, filter: {{search: $s}}) {{ totalCount }}"
        for i in range(allowed + 1)
    )
    response = await _post(http, aliased + " }", s="zelensky")
    body = response.json()
    assert _codes(body) == ["COST_LIMIT_EXCEEDED"], body
    assert body["errors"][0]["extensions"] == {
        "code": "COST_LIMIT_EXCEEDED",
        "cost": (allowed + 1) * DEFAULTS.search_cost,
        "limit": DEFAULTS.max_cost,
        "searches": allowed + 1,
    }
    assert "full-text searches" in body["errors"][0]["message"]
    assert _graph_calls(response) == 0
    # As many as the cost allows run; a blank search is no search and costs nothing.
    fewer = "query($s: String) { " + " ".join(
        f"a{i}: articles(first: 0, filter: {{search: $s}}) {{ totalCount }}" for i in range(allowed)
    )
    assert "errors" not in (await _post(http, fewer + " }", s="zelensky")).json()
    assert "errors" not in (await _post(http, aliased + " }", s="  ")).json()


async def test_a_search_nested_in_a_list_counts_once_per_item(client: Any) -> None:
    http = await client()
    document = """query($s: String) { actors(first: 20) { edges { node {
      statements(filter: {search: $s}) { totalCount } } } } }"""
    body = (await _post(http, document, s="guarantees")).json()
    assert _codes(body) == ["COST_LIMIT_EXCEEDED"], body
    assert body["errors"][0]["extensions"]["searches"] == 20


async def test_the_explorers_search_fits_the_cost(client: Any) -> None:
    # The Explorer's search box asks three searches at once (web/src/queries.ts).
    http = await client()
    document = """query Search($query: String!) {
      actors: search(query: $query, types: [ACTOR], first: 6) { score node { id } }
      statements: search(query: $query, types: [STATEMENT], first: 4) { score node { id } }
      articles: search(query: $query, types: [ARTICLE], first: 4) { score node { id } } }"""
    body = (await _post(http, document, query="zelensky secur*")).json()
    assert "errors" not in body, body


# --- full-text calls take turns, and the wait is bounded by the query timeout ---------------


def _own_store(graph: Graph, timeout_ms: int) -> FalkorStore:
    store = graph.store
    if not isinstance(store, FalkorStore):
        pytest.skip("a second store on the same server is built for the embedded FalkorDB")
    host, port = store.address
    return FalkorStore(host, port, "newsgraph-tests", timeout_ms=timeout_ms)


async def test_a_search_waits_for_a_free_slot_and_other_reads_do_not(graph: Graph) -> None:
    await load_paths([CORPUS], graph.store, load_reference())
    store = _own_store(graph, timeout_ms=300)
    try:
        query = {"query": "zelensky", "first": 5}
        # Another search holds the only slot for longer than the timeout.
        async with store.fulltext_gate.turn(cypher.SEARCH_ARTICLES):
            with pytest.raises(QueryTimeout):
                await store.read(cypher.SEARCH_ACTORS, query)
            counts = await store.read(cypher.COUNT_NODES)
            assert counts[0]["articles"] > 0
        assert await store.read(cypher.SEARCH_ACTORS, query)
    finally:
        await store.close()


async def test_a_search_waiting_past_the_timeout_answers_query_timeout_and_stats_answer(
    client: Any, graph: Graph
) -> None:
    store = _own_store(graph, timeout_ms=300)
    try:
        http = await client(Settings(query_timeout_ms=300), on=Graph(store))
        async with store.fulltext_gate.turn(cypher.SEARCH_ARTICLES):
            searched, counted = await asyncio.gather(
                _post(http, '{ search(query: "zelensky") { score } }'),
                _post(http, "{ stats { articles } }"),
            )
        body = searched.json()
        assert _codes(body) == ["QUERY_TIMEOUT"], body
        assert body["errors"][0]["path"] == ["search"]
        assert counted.json()["data"]["stats"]["articles"] > 0
    finally:
        await store.close()


def test_every_full_text_statement_takes_turns() -> None:
    # The gate recognises full-text calls by their text: none may be left out.
    calling = {
        name
        for name, statement in cypher.REGISTRY.items()
        if any("fulltext" in text for text in (statement.cypher, *statement.variants.values()))
    }
    marked = {name for name, statement in cypher.REGISTRY.items() if statement.fulltext}
    assert calling == marked
    assert {"SEARCH_ARTICLES", "ARTICLE_PAGE_SEARCH_COUNT", "STATEMENT_PAGE_SEARCH_DESC"} <= marked


# --- stats keep answering under the worst searches the limits accept -------------------------

ARTICLES = 2_000
CLIENTS = 4
SAMPLES = 20
# Unloaded, `stats` answers in about 10 ms here. Under this load it answered 150-200 times
# slower before the fix (every graph thread on a search) and 1.0-1.6 times after: the bound
# leaves room for a noisy shared machine and still fails the old behaviour by far.
RATIO_BOUND = 10.0
# Words every article of the synthetic corpus holds, so the searches below match them all.
EVERYWHERE = [
    "said",
    "officials",
    "diplomatic",
    "roundup",
    "continued",
    "consultations",
    "diplomats",
    "bench",
    "example",
]
PREFIXES = ["co", "di", "wi"]


def _worst_search(settings: Settings) -> str:
    """The costliest search the bounds accept: as many wildcards as allowed, each with the
    shortest prefix, and words up to the limit, all matching every article."""
    prefixes = [p[: settings.search_min_prefix] + "*" for p in PREFIXES]
    wildcards = prefixes[: settings.search_max_wildcards]
    words = EVERYWHERE[: settings.search_max_terms - len(wildcards)]
    return " ".join([*words, *wildcards])


def _worst_request(settings: Settings) -> str:
    """As many searches as the cost accepts, on the costliest field: a filtered, dated page of
    articles and its count."""
    searches = max(1, settings.max_cost // max(settings.search_cost, 1))
    fields = " ".join(
        f"a{i}: articles(first: 0, filter: {{search: $s}}) {{ totalCount }}"
        for i in range(min(searches, settings.max_aliases))
    )
    return f"query($s: String) {{ {fields} }}"


@pytest.fixture(scope="module")
def served_corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("search-load")
    corpus = write_corpus(ARTICLES, "json", work / "corpus")
    env = embedded_env(work / "data")
    load_corpus(env, corpus)
    with serving(env, work / "serve.log") as served:
        yield f"{served.base}/graphql"


def _stats_latencies(http: httpx.Client, url: str) -> list[float]:
    found = []
    for _ in range(SAMPLES):
        started = time.perf_counter()
        body = http.post(url, json={"query": "{ stats { articles } }"}).json()
        found.append(time.perf_counter() - started)
        assert body["data"]["stats"]["articles"] == ARTICLES, body
        time.sleep(0.02)
    return found


def test_stats_keep_answering_while_the_worst_accepted_searches_run(served_corpus: str) -> None:
    url, settings = served_corpus, Settings()
    search, request = _worst_search(settings), _worst_request(settings)
    with httpx.Client(timeout=60) as http:
        # The load is what the limits accept, and as heavy as they allow: every search matches
        # every article.
        body = http.post(url, json={"query": request, "variables": {"s": search}}).json()
        assert "errors" not in body, body
        assert all(alias["totalCount"] == ARTICLES for alias in body["data"].values()), body
        _stats_latencies(http, url)  # warm-up
        unloaded = statistics.median(_stats_latencies(http, url))

        stop = threading.Event()
        sent: list[int] = []

        def search_forever() -> None:
            with httpx.Client(timeout=60) as own:
                while not stop.is_set():
                    own.post(url, json={"query": request, "variables": {"s": search}})
                    sent.append(1)

        threads = [threading.Thread(target=search_forever) for _ in range(CLIENTS)]
        for thread in threads:
            thread.start()
        try:
            time.sleep(1.0)  # every client has a request in flight
            loaded = statistics.median(_stats_latencies(http, url))
        finally:
            stop.set()
            for thread in threads:
                thread.join(timeout=120)
    ratio = loaded / unloaded
    assert sent, "the searches ran"
    assert ratio < RATIO_BOUND, (
        f"stats took {loaded * 1000:.0f} ms under load, {unloaded * 1000:.0f} ms without "
        f"(x{ratio:.1f})"
    )
