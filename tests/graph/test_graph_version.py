"""The graph version: every write that changes data moves it, in the write's own transaction;
reads and the writer lock's bookkeeping do not, and emptying the graph never takes it back."""

from __future__ import annotations

from newsgraph.graph import Store
from newsgraph.graph.locks import writer_lock
from newsgraph.graph.maintenance import dump, graph_version, node_counts, wipe
from newsgraph.ingest.write.writer import ArticleWriter
from tests.helpers.factories import call_article


async def test_loads_and_wipes_move_the_graph_version_and_reads_and_locks_do_not(
    store: Store,
) -> None:
    before = await graph_version(store)
    writer = ArticleWriter(store)
    await writer.write(call_article(title="A call", body="Zelensky held a call with Schoof."))
    loaded = await graph_version(store)
    assert loaded > before

    await dump(store)
    await node_counts(store)
    async with writer_lock(store):
        pass
    assert await graph_version(store) == loaded

    await wipe(store)
    wiped = await graph_version(store)
    # Never back to a number it had: a cache keyed by it would serve the old graph's answers.
    assert wiped > loaded
    assert (await node_counts(store))["articles"] == 0


async def test_the_version_node_is_not_part_of_the_graph_a_dump_compares(store: Store) -> None:
    writer = ArticleWriter(store)
    await writer.write(call_article())
    once = await dump(store)
    await writer.write(call_article())
    assert await dump(store) == once
    assert all("GraphVersion" not in node["labels"] for node in once["nodes"])
