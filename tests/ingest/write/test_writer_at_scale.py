"""The writer on a synthetic corpus of many articles, in many batches.

Counts the writer keeps up as it goes (MET) must equal a recount from the facts, and the graph
a load makes must not depend on the order of the articles or how they fall into batches.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from newsgraph.graph import Store
from newsgraph.graph.maintenance import dump, node_counts, wipe
from newsgraph.ingest import pipeline
from newsgraph.ingest.extract.reference import load_reference
from newsgraph.ingest.model import ExtractedArticle, MeetingStatus
from newsgraph.ingest.pipeline import load_paths
from newsgraph.ingest.write.writer import ArticleWriter
from tests.helpers.factories import article, corpus, meeting, write_ndjson
from tests.helpers.graphs import (
    RECOUNTED_MET,
    STORED_MET,
    assert_derived_edges_match_a_recount,
)


async def test_met_counts_kept_while_loading_equal_a_recount(store: Store, tmp_path: Path) -> None:
    items = corpus(400)
    report = await load_paths(
        [write_ndjson(tmp_path / "c.ndjson", items)], store, load_reference(), batch=37
    )
    assert not report.failed
    stored = await store.read(STORED_MET)
    assert len(stored) > 50, "the corpus should make many pairs meet"
    await assert_derived_edges_match_a_recount(store)


# Large enough that the days' reports fall into many batches and partial quotes, paraphrases
# and renames meet across them (at this size the loader used to give a different graph on a
# second load and in another order).
SIZE = 1000


async def test_loading_a_corpus_once_twice_or_reversed_in_other_batches_gives_one_graph(
    store: Store, tmp_path: Path
) -> None:
    items = corpus(SIZE)
    reference = load_reference()
    forward = write_ndjson(tmp_path / "a.ndjson", items)
    await load_paths([forward], store, reference, batch=200)
    once = await dump(store)
    await load_paths([forward], store, reference, batch=200)
    assert await dump(store) == once, "a second load changed the graph"
    await wipe(store)
    shuffled = items[:]
    random.Random(5).shuffle(shuffled)
    await load_paths([write_ndjson(tmp_path / "b.ndjson", shuffled)], store, reference, batch=37)
    assert await dump(store) == once, "another order and batch size gave another graph"
    await wipe(store)
    halves = [
        write_ndjson(tmp_path / "c1.ndjson", items[::2]),
        write_ndjson(tmp_path / "c2.ndjson", items[1::2]),
    ]
    await load_paths(halves[::-1], store, reference, batch=150)
    await load_paths(
        [write_ndjson(tmp_path / "c.ndjson", items[::-1])], store, reference, batch=500
    )
    assert await dump(store) == once, "loading in parts, then all again, gave another graph"
    await assert_derived_edges_match_a_recount(store)


async def test_a_load_reports_what_it_wrote_and_a_reload_reports_nothing_changed(
    store: Store, tmp_path: Path
) -> None:
    path = write_ndjson(tmp_path / "a.ndjson", corpus(SIZE))
    reference = load_reference()
    first = (await load_paths([path], store, reference, batch=200)).as_json()
    held = await node_counts(store)
    kinds = ("articles", "actors", "meetings", "statements")
    assert first["created"] == {kind: held[kind] for kind in kinds}
    nothing = dict.fromkeys(kinds, 0)
    assert first["changed"] == first["unchanged"] == first["merged"] == nothing
    again = (await load_paths([path], store, reference, batch=200)).as_json()
    assert again["created"] == again["changed"] == again["merged"] == nothing
    assert again["unchanged"] == {kind: held[kind] for kind in kinds}


def _meeting_article(url: str, status: str) -> ExtractedArticle:
    return article(
        url,
        url=url,
        people=["Ann Example", "Bo Example"],
        meetings=[
            meeting(
                "Ann Example",
                "Bo Example",
                status=MeetingStatus(status),
                excerpt=f"Ann and Bo: {status}",
            )
        ],
    )


async def test_a_meeting_proposed_then_held_counts_once(store: Store) -> None:
    writer = ArticleWriter(store)
    await writer.write(_meeting_article("https://example.org/proposed", "PROPOSED"))
    assert await store.read(STORED_MET) == []
    await writer.write(_meeting_article("https://example.org/held", "HELD"))
    await writer.write(_meeting_article("https://example.org/held-again", "HELD"))
    await writer.write(_meeting_article("https://example.org/held", "HELD"))
    (met,) = await store.read(STORED_MET)
    assert met["count"] == 1
    assert await store.read(STORED_MET) == await store.read(RECOUNTED_MET)


async def test_a_bad_last_line_of_a_big_ndjson_file_writes_nothing_of_it(
    store: Store, tmp_path: Path
) -> None:
    # Bigger than a batch: the file is read and checked whole (spooled to disk) before its
    # first slice is written.
    path = write_ndjson(tmp_path / "dump.ndjson", corpus(30))
    with path.open("a") as handle:
        handle.write('{"article": {"body": "x"}, "colour": "red"}\n')
    report = await load_paths([path], store, load_reference(), batch=10)
    (failed,) = report.failed
    assert failed.error is not None and failed.error.startswith(f"{path}:31: ")
    assert "colour" in failed.error
    assert await dump(store) == {"nodes": [], "relationships": []}


async def test_a_big_ndjson_file_is_validated_once_and_loads_the_same_kept_in_memory_or_on_disk(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_ndjson(tmp_path / "dump.ndjson", corpus(30))
    validated_again: list[str] = []
    original = ExtractedArticle.model_validate_json

    def counting(data: str | bytes, **kwargs: Any) -> ExtractedArticle:
        validated_again.append(str(data)[:20])
        return original(data, **kwargs)

    monkeypatch.setattr(ExtractedArticle, "model_validate_json", counting)
    report = await load_paths([path], store, load_reference(), batch=10)
    assert not report.failed
    # Every article was read and checked once; none came back from disk to be checked again.
    assert validated_again == []
    in_memory = await dump(store)
    # Only the first 7 kept, the others spooled to disk: the same graph, the same checks.
    monkeypatch.setattr(pipeline, "_KEPT_IN_MEMORY", 7)
    await wipe(store)
    report = await load_paths([path], store, load_reference(), batch=10)
    assert not report.failed
    assert len(validated_again) == 23
    assert await dump(store) == in_memory
    await wipe(store)
    with path.open("a") as handle:
        handle.write('{"article": {"body": "x"}, "colour": "red"}\n')
    report = await load_paths([path], store, load_reference(), batch=10)
    (failed,) = report.failed
    assert failed.error is not None and failed.error.startswith(f"{path}:31: ")
    assert await dump(store) == {"nodes": [], "relationships": []}
