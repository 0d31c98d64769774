"""Cacheable reads over HTTP: automatic persisted queries and the allow-list, ETags and 304s,
Cache-Control, the response cache (a hit makes no graph call), the graph version every write
moves (a mutation here, a `newsgraph load` in another process), and read keys."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from newsgraph.api import create_app
from newsgraph.graph import Graph
from newsgraph.graph.maintenance import graph_version
from newsgraph.ingest.write.writer import ArticleWriter
from newsgraph.settings import Settings
from tests.helpers import CORPUS
from tests.helpers.factories import call_article
from tests.helpers.processes import embedded_env, run_cli, serving

STATS = "{ stats { articles actors meetings statements } }"
ACTOR = "query Actor($name: String!) { actor(name: $name) { name description } }"
WRITE_KEY = "write-key-0123456789"
READ_KEY = "read-key-0123456789"
OTHER_READ_KEY = "read-key-other-0123"

Client = Callable[..., AbstractAsyncContextManager[httpx.AsyncClient]]


def sha256(document: str) -> str:
    return hashlib.sha256(document.encode()).hexdigest()


def persisted(document: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": sha256(document)}}


def graph_calls(response: httpx.Response) -> int:
    match = re.search(r'desc="(\d+) calls?"', response.headers["server-timing"])
    assert match, response.headers["server-timing"]
    return int(match[1])


def codes(response: httpx.Response) -> list[str]:
    return [error["extensions"]["code"] for error in response.json().get("errors", [])]


@pytest.fixture
async def client(graph: Graph) -> Client:
    """Opens the app with the given settings on the test's graph (emptied, one call)."""
    await ArticleWriter(graph.store).write(call_article())

    @asynccontextmanager
    async def open_client(**settings: Any) -> AsyncIterator[httpx.AsyncClient]:
        settings.setdefault("api_keys", WRITE_KEY)
        app = create_app(Settings(**settings), graph=graph)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as http:
                yield http

    return open_client


# ---------------------------------------------------------------------------------------------
# Automatic persisted queries


async def test_an_unknown_hash_is_not_found_until_sent_with_its_query_then_runs_by_hash(
    client: Client,
) -> None:
    async with client() as http:
        missed = await http.post("/graphql", json={"extensions": persisted(STATS)})
        assert missed.status_code == 200
        assert missed.json()["errors"][0]["message"] == "PersistedQueryNotFound"
        assert codes(missed) == ["PERSISTED_QUERY_NOT_FOUND"]
        assert graph_calls(missed) == 0

        registered = await http.post(
            "/graphql", json={"query": STATS, "extensions": persisted(STATS)}
        )
        assert registered.json()["data"]["stats"]["articles"] == 1

        by_hash = await http.post("/graphql", json={"extensions": persisted(STATS)})
        assert by_hash.json() == registered.json()


async def test_persisted_queries_work_over_get_with_variables(client: Client) -> None:
    params = {
        "extensions": json.dumps(persisted(ACTOR)),
        "variables": json.dumps({"name": "Zelensky"}),
    }
    async with client() as http:
        missed = await http.get("/graphql", params=params)
        assert codes(missed) == ["PERSISTED_QUERY_NOT_FOUND"]
        assert missed.headers["cache-control"] == "no-store"

        registered = await http.get("/graphql", params={**params, "query": ACTOR})
        assert registered.json()["data"]["actor"]["name"] == "Volodymyr Zelensky"

        by_hash = await http.get("/graphql", params=params)
        assert by_hash.status_code == 200
        assert by_hash.json() == registered.json()
        # The same read, whether sent by hash or in full: one ETag.
        assert by_hash.headers["etag"] == registered.headers["etag"]


async def test_a_hash_that_does_not_match_its_query_is_refused_and_not_registered(
    client: Client,
) -> None:
    async with client() as http:
        wrong = await http.post(
            "/graphql", json={"query": STATS, "extensions": persisted("{ topics { name } }")}
        )
        assert wrong.status_code == 400
        assert codes(wrong) == ["PERSISTED_QUERY_HASH_MISMATCH"]
        later = await http.post("/graphql", json={"extensions": persisted("{ topics { name } }")})
        assert codes(later) == ["PERSISTED_QUERY_NOT_FOUND"]


async def test_the_persisted_query_store_keeps_only_the_latest_documents(client: Client) -> None:
    other = "{ topics { name } }"
    async with client(persisted_max_entries=1) as http:
        for document in (STATS, other):
            sent = await http.post(
                "/graphql", json={"query": document, "extensions": persisted(document)}
            )
            assert "errors" not in sent.json()
        forgotten = await http.post("/graphql", json={"extensions": persisted(STATS)})
        kept = await http.post("/graphql", json={"extensions": persisted(other)})
    assert codes(forgotten) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert "errors" not in kept.json()


async def test_a_document_past_the_token_limit_is_refused_and_not_registered(
    client: Client,
) -> None:
    long = "{ " + " ".join(f"a{i}: stats {{ articles }}" for i in range(20)) + " }"
    async with client(max_tokens=50) as http:
        refused = await http.post("/graphql", json={"query": long, "extensions": persisted(long)})
        assert codes(refused) == ["TOKEN_LIMIT_EXCEEDED"]
        by_hash = await http.post("/graphql", json={"extensions": persisted(long)})
    assert codes(by_hash) == ["PERSISTED_QUERY_NOT_FOUND"]


async def test_in_persisted_only_mode_only_the_registered_documents_run(
    client: Client, tmp_path: Path
) -> None:
    (tmp_path / "ops").mkdir()
    (tmp_path / "ops" / "stats.graphql").write_text(STATS + "\n")
    unregistered = "{ topics { name } }"
    async with client(persisted_only=True, persisted_documents=tmp_path / "ops") as http:
        by_hash = await http.post("/graphql", json={"extensions": persisted(STATS)})
        assert by_hash.json()["data"]["stats"]["articles"] == 1
        in_full = await http.post("/graphql", json={"query": STATS})
        assert in_full.json() == by_hash.json()

        for body in (
            {"query": unregistered},
            {"extensions": persisted(unregistered)},
            {"query": unregistered, "extensions": persisted(unregistered)},
        ):
            refused = await http.post("/graphql", json=body)
            assert codes(refused) == ["PERSISTED_QUERY_NOT_ALLOWED"], body
            assert "NEWSGRAPH_PERSISTED_ONLY" in refused.json()["errors"][0]["message"]
            assert graph_calls(refused) == 0
        # Nothing a client sent was registered.
        again = await http.post("/graphql", json={"extensions": persisted(unregistered)})
        assert codes(again) == ["PERSISTED_QUERY_NOT_ALLOWED"]


def test_a_persisted_document_that_does_not_parse_stops_serve_naming_the_file(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "broken.graphql"
    bad.write_text("{ stats { articles }\n")
    env = embedded_env(tmp_path / "graph", NEWSGRAPH_PERSISTED_DOCUMENTS=str(bad))
    done = run_cli("serve", "--port", "0", env=env, timeout=60)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "broken.graphql" in done.stderr and "Expected Name" in done.stderr, done.stderr


# ---------------------------------------------------------------------------------------------
# ETags, 304 and Cache-Control


async def test_a_read_carries_an_etag_and_if_none_match_gets_304_with_no_graph_call(
    client: Client,
) -> None:
    async with client(version_max_age_ms=600_000) as http:
        first = await http.get("/graphql", params={"query": STATS})
        etag = first.headers["etag"]
        assert first.status_code == 200 and etag
        unchanged = await http.get(
            "/graphql", params={"query": STATS}, headers={"If-None-Match": etag}
        )
        assert unchanged.status_code == 304 and unchanged.content == b""
        assert unchanged.headers["etag"] == etag
        assert graph_calls(unchanged) == 0
        # Another request's tag does not match.
        other = await http.get(
            "/graphql", params={"query": "{ topics { name } }"}, headers={"If-None-Match": etag}
        )
        assert other.status_code == 200 and other.headers["etag"] != etag
        # The same answer sent by POST: the same tag, revalidated the same way.
        posted = await http.post(
            "/graphql", json={"query": STATS}, headers={"If-None-Match": f'W/{etag}, "x"'}
        )
        assert posted.status_code == 304 and posted.headers["etag"] == etag


async def test_get_reads_carry_the_cache_control_setting_and_post_reads_are_private(
    client: Client,
) -> None:
    async with client(cache_control="public, max-age=30") as http:
        got = await http.get("/graphql", params={"query": STATS})
        posted = await http.post("/graphql", json={"query": STATS})
    assert got.headers["cache-control"] == "public, max-age=30"
    assert got.headers["vary"] == "Accept, Authorization"
    assert posted.headers["cache-control"] == "private, no-cache"
    assert posted.headers["etag"]


async def test_the_default_cache_control_makes_caches_revalidate(client: Client) -> None:
    async with client() as http:
        got = await http.get("/graphql", params={"query": STATS})
    assert got.headers["cache-control"] == "no-cache"


async def test_errors_and_mutations_are_neither_cached_nor_tagged(client: Client) -> None:
    failing = '{ node(id: "not-an-id") { id } }'
    mutation = 'mutation { deleteArticle(id: "QXJ0aWNsZTpub25l") { __typename } }'
    auth = {"Authorization": f"Bearer {WRITE_KEY}"}
    async with client(version_max_age_ms=600_000) as http:
        await http.post("/graphql", json={"query": STATS})  # the version is read
        for _ in range(2):
            error = await http.post("/graphql", json={"query": failing})
            assert error.json()["errors"]
            assert "etag" not in error.headers
            assert error.headers["cache-control"] == "no-store"
        for _ in range(2):
            written = await http.post("/graphql", json={"query": mutation}, headers=auth)
            assert written.json()["data"]["deleteArticle"]["__typename"]
            assert "etag" not in written.headers and "x-cache" not in written.headers
            assert graph_calls(written) > 0


# ---------------------------------------------------------------------------------------------
# The response cache and the graph version


async def test_a_repeated_read_is_answered_from_the_cache_with_no_graph_call(
    client: Client,
) -> None:
    async with client(version_max_age_ms=600_000) as http:
        first = await http.post(
            "/graphql", json={"query": ACTOR, "variables": {"name": "Dick Schoof"}}
        )
        again = await http.post(
            "/graphql", json={"query": ACTOR, "variables": {"name": "Dick Schoof"}}
        )
        other = await http.post(
            "/graphql", json={"query": ACTOR, "variables": {"name": "Zelensky"}}
        )
    assert first.headers["x-cache"] == "MISS" and graph_calls(first) > 0
    assert again.headers["x-cache"] == "HIT"
    assert graph_calls(again) == 0
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert again.headers["content-type"] == first.headers["content-type"]
    assert other.headers["x-cache"] == "MISS", "other variables are another read"
    assert other.json()["data"]["actor"]["name"] == "Volodymyr Zelensky"


async def test_a_mutation_moves_the_version_so_the_next_read_is_fresh(
    client: Client, graph: Graph
) -> None:
    auth = {"Authorization": f"Bearer {WRITE_KEY}"}
    read = {"query": ACTOR, "variables": {"name": "Dick Schoof"}}
    async with client(version_max_age_ms=600_000) as http:
        before = await http.post("/graphql", json=read)
        actor_id = await http.post(
            "/graphql", json={"query": '{ actor(name: "Dick Schoof") { id } }'}
        )
        version = await graph_version(graph.store)
        changed = await http.post(
            "/graphql",
            json={
                "query": "mutation($id: ID!) { updateActor(id: $id, input: {description: "
                '"Prime Minister of the Netherlands"}) { __typename } }',
                "variables": {"id": actor_id.json()["data"]["actor"]["id"]},
            },
            headers=auth,
        )
        assert changed.json()["data"]["updateActor"]["__typename"] == "ActorChanged"
        assert await graph_version(graph.store) > version
        after = await http.post(
            "/graphql", json=read, headers={"If-None-Match": before.headers["etag"]}
        )
    assert before.json()["data"]["actor"]["description"] is None
    assert after.status_code == 200 and after.headers["x-cache"] == "MISS"
    assert after.json()["data"]["actor"]["description"] == "Prime Minister of the Netherlands"
    assert after.headers["etag"] != before.headers["etag"]


async def test_the_response_cache_forgets_the_least_recently_used_answer_first(
    client: Client,
) -> None:
    reads = [{"query": ACTOR, "variables": {"name": name}} for name in ("Schoof", "Zelensky")]
    third = {"query": STATS}
    async with client(version_max_age_ms=600_000, response_cache_entries=2) as http:
        for body in (*reads, reads[0], third):  # the second is the least recently used
            await http.post("/graphql", json=body)
        kept = await http.post("/graphql", json=reads[0])
        newest = await http.post("/graphql", json=third)
        forgotten = await http.post("/graphql", json=reads[1])
    assert kept.headers["x-cache"] == "HIT" and newest.headers["x-cache"] == "HIT"
    assert forgotten.headers["x-cache"] == "MISS" and graph_calls(forgotten) > 0


async def test_an_answer_larger_than_the_byte_bound_allows_is_not_kept(client: Client) -> None:
    async with client(version_max_age_ms=600_000, response_cache_bytes=500) as http:
        small = [await http.post("/graphql", json={"query": "{ stats { articles } }"})]
        small.append(await http.post("/graphql", json={"query": "{ stats { articles } }"}))
        big = "{ articles(first: 5) { edges { node { title url publisher body } } } }"
        large = [await http.post("/graphql", json={"query": big}) for _ in range(2)]
    assert [r.headers["x-cache"] for r in small] == ["MISS", "HIT"]
    assert len(large[0].content) > 50
    assert [r.headers["x-cache"] for r in large] == ["MISS", "MISS"]


def test_a_load_in_another_process_moves_the_version_the_server_tags_reads_with(
    tmp_path: Path,
) -> None:
    env = embedded_env(tmp_path / "graph", NEWSGRAPH_VERSION_MAX_AGE_MS="0")
    with serving(env) as served:
        empty = httpx.get(f"{served.base}/graphql", params={"query": STATS}, timeout=30)
        assert empty.json()["data"]["stats"]["articles"] == 0
        loaded = run_cli("load", str(CORPUS), env=env)
        assert loaded.returncode == 0, loaded.stdout + loaded.stderr
        after = httpx.get(
            f"{served.base}/graphql",
            params={"query": STATS},
            headers={"If-None-Match": empty.headers["etag"]},
            timeout=30,
        )
    assert after.status_code == 200
    assert after.json()["data"]["stats"]["articles"] >= 2
    assert after.headers["etag"] != empty.headers["etag"]


# ---------------------------------------------------------------------------------------------
# Read keys


async def test_with_read_keys_reads_need_a_key_and_the_probes_stay_open(client: Client) -> None:
    async with client(read_keys=f"{READ_KEY},{OTHER_READ_KEY}") as http:
        for headers in ({}, {"Authorization": "Bearer wrong-key"}, {"Authorization": READ_KEY}):
            refused = await http.post("/graphql", json={"query": STATS}, headers=headers)
            assert refused.status_code == 401, headers
            assert codes(refused) == ["UNAUTHENTICATED"]
            assert refused.headers["www-authenticate"].startswith("Bearer")
            assert graph_calls(refused) == 0
        by_get = await http.get("/graphql", params={"query": STATS})
        assert by_get.status_code == 401
        sdl = await http.get("/schema.graphql")
        assert sdl.status_code == 401
        for key in (READ_KEY, WRITE_KEY):
            allowed = await http.post(
                "/graphql", json={"query": STATS}, headers={"Authorization": f"Bearer {key}"}
            )
            assert allowed.json()["data"]["stats"]["articles"] == 1, key
            assert allowed.headers["cache-control"].startswith("private")
        assert (await http.get("/healthz")).status_code == 200
        assert (await http.get("/readyz")).status_code == 200
        page = await http.get("/graphql", headers={"Accept": "text/html"})
        assert page.status_code == 200 and "<html" in page.text.lower()


async def test_answers_to_different_keys_are_not_shared(client: Client) -> None:
    async with client(read_keys=f"{READ_KEY},{OTHER_READ_KEY}", version_max_age_ms=600_000) as http:
        answers = [
            await http.get(
                "/graphql",
                params={"query": STATS},
                headers={"Authorization": f"Bearer {key}"},
            )
            for key in (READ_KEY, OTHER_READ_KEY, READ_KEY)
        ]
    assert [a.headers["x-cache"] for a in answers] == ["MISS", "MISS", "HIT"]
    assert answers[0].headers["etag"] != answers[1].headers["etag"]
    assert answers[0].headers["vary"] == "Accept, Authorization"


async def test_merges_and_deletes_move_the_version_and_refreshed_reads_show_them(
    client: Client, graph: Graph
) -> None:
    auth = {"Authorization": f"Bearer {WRITE_KEY}"}
    people = "{ actors(filter: {kind: PERSON}) { edges { node { id name } } } }"
    articles = "{ articles { edges { node { id } } } }"
    async with client(version_max_age_ms=600_000) as http:

        async def send(document: str, **variables: Any) -> httpx.Response:
            body = {"query": document, "variables": variables}
            return await http.post("/graphql", json=body, headers=auth)

        listed = await send(people)
        ids = {edge["node"]["name"]: edge["node"]["id"] for edge in _edges(listed, "actors")}
        version = await graph_version(graph.store)
        merged = await send(
            "mutation($k: ID!, $m: ID!) { mergeActors(keep: $k, merge: $m) { __typename } }",
            k=ids["Volodymyr Zelensky"],
            m=ids["Dick Schoof"],
        )
        assert merged.json()["data"]["mergeActors"]["__typename"] == "ActorChanged"
        assert await graph_version(graph.store) > version
        after_merge = await send(people)
        assert after_merge.headers["x-cache"] == "MISS"
        assert [e["node"]["name"] for e in _edges(after_merge, "actors")] == ["Volodymyr Zelensky"]

        listed_articles = await send(articles)
        version = await graph_version(graph.store)
        [article_id] = [edge["node"]["id"] for edge in _edges(listed_articles, "articles")]
        deleted = await send(
            "mutation($id: ID!) { deleteArticle(id: $id) { __typename } }", id=article_id
        )
        assert deleted.json()["data"]["deleteArticle"]["__typename"] == "ArticleDeleted"
        assert await graph_version(graph.store) > version
        after_delete = await send(articles)
    assert after_delete.headers["x-cache"] == "MISS"
    assert _edges(after_delete, "articles") == []


def _edges(response: httpx.Response, field: str) -> list[dict[str, Any]]:
    edges: list[dict[str, Any]] = response.json()["data"][field]["edges"]
    return edges
