"""The store adapters against a real graph server."""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
from typing import Any

import pytest

from newsgraph.graph import GraphQueryError, GraphUnavailable, Store, open_graph
from newsgraph.graph.cypher import REGISTRY, WRITE_ARTICLES, Statement
from newsgraph.graph.maintenance import dump, node_counts
from newsgraph.graph.values import to_params
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


async def test_a_duplicate_id_is_refused_by_the_unique_constraint_on_neo4j(
    store: Store,
) -> None:
    if store.dialect.name != "neo4j":
        pytest.skip(
            "FalkorDB runs without unique constraints (its background constraint check crashed "
            "4.16 after a log replay); merging on ids is tested below on both engines"
        )
    await store.write(CREATE, {"id": "dup", "name": "one"})
    with pytest.raises(GraphQueryError):
        await store.write(CREATE, {"id": "dup", "name": "two"})
    assert (await node_counts(store))["actors"] == 1


async def test_merging_one_id_from_many_concurrent_writes_makes_one_node(store: Store) -> None:
    merge = Statement(
        "TEST_MERGE_ACTOR",
        "MERGE (a:Actor {id: $id}) ON CREATE SET a.name = $name RETURN a.id AS id",
        {"id": "a", "name": "A"},
        write=True,
    )
    await asyncio.gather(*(store.write(merge, {"id": "same", "name": f"n{i}"}) for i in range(20)))
    assert (await node_counts(store))["actors"] == 1


async def test_a_graph_made_with_unique_constraints_drops_them_at_set_up(store: Store) -> None:
    if store.dialect.name != "falkordb":
        pytest.skip("only FalkorDB graphs drop their constraints; Neo4j keeps them")
    falkor: Any = store
    await falkor._redis.execute_command(
        "GRAPH.CONSTRAINT", "CREATE", falkor._graph_name, "UNIQUE", "NODE", "Topic",
        "PROPERTIES", 1, "id",
    )  # fmt: skip
    await store.setup_schema()
    listed = await falkor._graph.ro_query("CALL db.constraints() YIELD label RETURN label")
    assert listed.result_set == []


async def test_a_failed_write_leaves_nothing_behind(store: Store) -> None:
    await store.write(CREATE, {"id": "dup", "name": "one"})
    both = Statement(
        "TEST_TWO",
        # Fails at run time, after the first CREATE: 10 / 0.
        "CREATE (:Actor {id: 'fresh'}) WITH count(*) AS _ UNWIND [1, 0] AS d RETURN 10 / d AS x",
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


async def test_falkordb_replies_decode_as_the_clients_own_decoder_does(store: Store) -> None:
    # FalkorStore decodes compact replies itself (newsgraph.graph.falkordb_store._plain); every
    # value type must come back exactly as FalkorDB's client and to_python made it before.
    from falkordb.asyncio.query_result import QueryResult

    from newsgraph.graph.falkordb_store import FalkorStore
    from newsgraph.graph.values import to_params, to_python

    if not isinstance(store, FalkorStore):
        pytest.skip("FalkorDB's reply format only")
    await store.write(CREATE, {"id": "a", "name": "Ädmin \"quoted\" \\ 'x'"})
    every_type = Statement(
        "TEST_EVERY_TYPE",
        """
        MATCH (a:Actor {id: $id})
        RETURN NULL AS nothing, a.name AS text, 42 AS whole, -7 AS negative, true AS yes,
               false AS no, 2.5 AS real, date('2025-08-23') AS day, [1, 'two', NULL] AS list,
               {name: a.name, nested: {day: date('1999-12-31'), list: [[]], empty: {}}} AS map,
               [] AS empty, $text AS echoed
        """,
        {},
    )
    params = {"id": "a", "text": "😀 line\nbreak"}
    rows = await store.read(every_type, params)
    reply = await store._redis.execute_command(
        "GRAPH.RO_QUERY",
        store._graph_name,
        store._graph._build_params_header(to_params(params)) + every_type.cypher,
        "--compact",
    )
    decoded = QueryResult(store._graph)
    await decoded.parse(reply)
    names = [column[1] for column in decoded.header]
    expected = [
        {name: to_python(value) for name, value in zip(names, row, strict=True)}
        for row in decoded.result_set
    ]
    assert rows == expected
    assert rows[0]["day"] == dt.date(2025, 8, 23) and rows[0]["yes"] is True
    assert rows[0]["map"]["nested"]["day"] == dt.date(1999, 12, 31)


async def test_falkordb_replies_with_nodes_go_through_the_clients_decoder(store: Store) -> None:
    from newsgraph.graph.falkordb_store import FalkorStore

    if not isinstance(store, FalkorStore):
        pytest.skip("FalkorDB's reply format only")
    await store.write(CREATE, {"id": "a", "name": "A"})
    node = Statement("TEST_NODE", "MATCH (a:Actor {id: $id}) RETURN a, a.name AS name", {})
    [row] = await store.read(node, {"id": "a"})
    assert row["name"] == "A"
    assert row["a"].labels == ["Actor"] and row["a"].properties["id"] == "a"


async def test_a_failing_falkordb_query_is_a_graph_query_error(store: Store) -> None:
    broken = Statement("TEST_BROKEN", "RETURN toInteger({a: 1}) + [] AS x", {})
    with pytest.raises(GraphQueryError):
        await store.read(broken)


ECHO = Statement("TEST_ECHO", "RETURN $value AS value, $rows AS rows", {})


class _Mode(enum.Enum):
    PHONE = "PHONE"


async def test_parameters_of_every_kind_reach_the_graph_as_sent(store: Store) -> None:
    value = {
        "text": 'Quote " and back\\slash, line\nbreak\ttab\r\x0b end, emoji \U0001f600',
        "empty": "",
        "whole": 2**53,
        "negative": -7,
        "real": 2.5,
        "tiny": 1e-300,
        "yes": True,
        "no": False,
        "nothing": None,
        "day": dt.date(2025, 8, 18),
        "mode": _Mode.PHONE,
        "set": {"b", "a"},
        "nested": {"list": [[], [1, "two", None]], "map": {"deep": ["x"]}},
        "key with spaces": 1,
    }
    rows = [{"id": f"a{i}", "keys": ["x", "y"]} for i in range(3)]
    params = {"value": value, "rows": rows}
    expected = [{"value": to_params(value), "rows": rows}]
    assert await store.read(ECHO, params) == expected
    # Made ready ahead (the header written), the call sends the same values.
    assert await store.read(ECHO, store.prepare(params)) == expected
