"""The store adapters against a real graph server."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.graph import GraphQueryError, GraphUnavailable, Store, open_graph
from newsgraph.graph.cypher import REGISTRY, WRITE_ARTICLES, Statement
from newsgraph.graph.maintenance import dump, node_counts
from newsgraph.settings import Settings

CREATE = Statement(
    "TEST_CREATE", "CREATE (a:Actor {id: $id, name: $name}) RETURN a.id AS id", {}, write=True
)


async def test_a_written_article_reads_back_with_native_dates(store: Store) -> None:
    await store.write(WRITE_ARTICLES, WRITE_ARTICLES.example)
    rows = await store.read(REGISTRY["ARTICLES_BY_ID"], {"ids": ["article:0f3a"]})
    assert rows[0]["node"]["published_on"] == dt.date(2025, 8, 23)
    assert (await node_counts(store))["articles"] == 1


async def test_writing_the_same_rows_twice_changes_nothing(store: Store) -> None:
    await store.write(WRITE_ARTICLES, WRITE_ARTICLES.example)
    first = await dump(store)
    await store.write(WRITE_ARTICLES, WRITE_ARTICLES.example)
    assert await dump(store) == first


async def test_hostile_text_is_stored_as_data(store: Store) -> None:
    hostile = "x'}) DETACH DELETE n // \"`{$}\\ MATCH (n)"
    await store.write(CREATE, {"id": "a", "name": hostile})
    rows = await store.read(REGISTRY["ACTORS_BY_ID"], {"ids": ["a"]})
    assert rows[0]["node"]["name"] == hostile


async def test_schema_set_up_is_idempotent(store: Store) -> None:
    assert await store.setup_schema() == []


async def test_a_duplicate_id_is_refused_by_the_unique_constraint(store: Store) -> None:
    await store.write(CREATE, {"id": "dup", "name": "one"})
    with pytest.raises(GraphQueryError):
        await store.write(CREATE, {"id": "dup", "name": "two"})
    assert (await node_counts(store))["actors"] == 1


async def test_a_failed_write_leaves_nothing_behind(store: Store) -> None:
    await store.write(CREATE, {"id": "dup", "name": "one"})
    both = Statement(
        "TEST_TWO",
        "CREATE (:Actor {id: 'fresh'}) WITH count(*) AS _ CREATE (:Actor {id: 'dup'})",
        {},
        write=True,
    )
    with pytest.raises(GraphQueryError):
        await store.write(both)
    rows = await store.read(REGISTRY["ACTORS_BY_ID"], {"ids": ["fresh"]})
    assert rows == []


async def test_an_unreachable_graph_is_reported_with_its_url() -> None:
    graph = await open_graph(Settings(graph_url="falkordb://127.0.0.1:1", connect_timeout_s=1))
    try:
        with pytest.raises(GraphUnavailable) as caught:
            await graph.store.ping()
        assert "falkordb://127.0.0.1:1" in str(caught.value)
    finally:
        await graph.close()


async def test_an_unreachable_neo4j_is_reported_with_its_url() -> None:
    # No Neo4j server is needed to prove the adapter reports a refused connection cleanly.
    settings = Settings(graph_url="bolt://127.0.0.1:1", connect_timeout_s=1)
    graph = await open_graph(settings)
    try:
        with pytest.raises(GraphUnavailable) as caught:
            await graph.store.ping()
        assert "bolt://127.0.0.1:1" in str(caught.value)
    finally:
        await graph.close()
