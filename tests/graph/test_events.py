"""The change-event logs on a real graph server: the Redis Stream on the embedded FalkorDB's
own server, and the change log kept in the graph (Neo4j's, run here on the same Cypher)."""

from __future__ import annotations

import uuid

import pytest
from redis.asyncio import Redis

from newsgraph.graph import GraphUnavailable, Store
from newsgraph.graph.events import (
    EventLog,
    GraphEventLog,
    InvalidEventId,
    RedisEventLog,
    attach_events,
    events_of,
)
from newsgraph.graph.falkordb_store import FalkorStore
from newsgraph.ingest.write.writer import ArticleWriter
from tests.helpers.factories import call_article
from tests.helpers.processes import free_port


def _redis_log(store: Store, max_len: int = 10_000) -> RedisEventLog:
    if not isinstance(store, FalkorStore):
        pytest.skip("the Redis Stream log runs on FalkorDB's server (or NEWSGRAPH_EVENTS_URL)")
    return RedisEventLog(
        address=lambda: store.address, prefix=f"test:{uuid.uuid4().hex}", max_len=max_len
    )


@pytest.fixture(params=["redis", "graph"])
async def log(request: pytest.FixtureRequest, store: Store) -> EventLog:
    if request.param == "redis":
        return _redis_log(store)
    return GraphEventLog(store, max_len=100, poll_ms=20)


async def test_events_are_read_in_order_after_any_id_and_by_kind(log: EventLog) -> None:
    assert await log.last_id("meeting") == "0"
    await log.publish({"meeting": ["m1", "m2"], "statement": ["s1"]})
    await log.publish({"meeting": ["m3"]})
    everything = await log.read("meeting", "0", 100, 0)
    assert [event.node for event in everything] == ["m1", "m2", "m3"]
    assert {event.kind for event in everything} == {"meeting"}
    # Resuming after the second event gives the third alone; the newest is the last id.
    after = await log.read("meeting", everything[1].id, 100, 0)
    assert [event.node for event in after] == ["m3"]
    assert await log.last_id("meeting") == everything[2].id
    assert [event.node for event in await log.read("statement", "0", 100, 0)] == ["s1"]
    await log.close()


async def test_a_read_with_nothing_new_waits_then_answers_nothing(log: EventLog) -> None:
    await log.publish({"article": ["a1"]})
    newest = await log.last_id("article")
    assert await log.read("article", newest, 10, 50) == []
    await log.close()


async def test_an_id_that_is_no_event_id_is_refused_saying_so(log: EventLog) -> None:
    with pytest.raises(InvalidEventId, match="'tuesday' is not an event id"):
        await log.read("meeting", "tuesday", 10, 0)
    await log.close()


async def test_the_graph_change_log_keeps_the_newest_events_only(store: Store) -> None:
    log = GraphEventLog(store, max_len=2, poll_ms=20)
    # Two of each of the three kinds kept: six numbers, the oldest dropped.
    for index in range(10):
        await log.publish({"meeting": [f"m{index}"]})
    kept = await log.read("meeting", "0", 100, 0)
    assert [event.node for event in kept] == [f"m{index}" for index in range(4, 10)]


async def test_the_redis_stream_is_bounded(store: Store) -> None:
    log = _redis_log(store, max_len=100)
    for start in range(0, 2_000, 200):
        await log.publish({"article": [f"a{index}" for index in range(start, start + 200)]})
    assert isinstance(store, FalkorStore)
    client = Redis(host=store.address[0], port=store.address[1])
    try:
        length = await client.xlen(log.key("article"))
    finally:
        await client.aclose()
    # Trimmed as Redis trims cheaply (whole blocks of entries), never to more than a block
    # or so past the bound.
    assert 100 <= length < 400
    await log.close()


async def test_a_write_publishes_what_it_created_and_nothing_when_it_changes_nothing(
    store: Store,
) -> None:
    log = _redis_log(store)
    previous = events_of(store)
    attach_events(store, log)
    try:
        writer = ArticleWriter(store)
        await writer.write(call_article())
        await writer.write(call_article())  # the same again: nothing created
    finally:
        if previous is not None:
            attach_events(store, previous)
    meetings = await log.read("meeting", "0", 100, 0)
    articles = await log.read("article", "0", 100, 0)
    statements = await log.read("statement", "0", 100, 0)
    assert (len(articles), len(meetings), len(statements)) == (1, 1, 1)
    await log.close()


async def test_a_broker_that_does_not_answer_is_reported_as_unavailable() -> None:
    # Nothing listens on a port just found free.
    port = free_port()
    log = RedisEventLog(address=lambda: ("127.0.0.1", port))
    with pytest.raises(GraphUnavailable, match=rf"change events at 127\.0\.0\.1:{port}"):
        await log.read("meeting", "0", 10, 0)
    with pytest.raises(GraphUnavailable):
        await log.last_id("meeting")
    await log.close()
