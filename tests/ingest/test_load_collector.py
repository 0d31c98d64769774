"""A load runs with Python's cyclic garbage collector tuned for it, and gives it back as it was."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from newsgraph.graph import Store
from newsgraph.ingest.extract.reference import load_reference
from newsgraph.ingest.pipeline import FileOutcome, fewer_collections, load_paths
from tests.helpers.factories import call_article


async def test_a_load_keeps_the_objects_of_before_out_of_the_collectors_way_and_gives_them_back(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "one.ndjson"
    path.write_text(call_article().model_dump_json() + "\n", encoding="utf-8")
    before = gc.get_threshold()
    during: list[tuple[int, int]] = []

    def seen(_outcome: FileOutcome) -> None:
        during.append((gc.get_freeze_count(), gc.get_threshold()[0]))

    report = await load_paths([path], store, load_reference(), on_file=seen)
    assert not report.failed
    # While the load ran, what the process held before it was frozen (not walked by every
    # collection) and young collections came less often.
    assert during and all(frozen > 0 and young >= 100_000 for frozen, young in during)
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before


def test_the_collector_is_given_back_when_a_load_fails_and_when_loads_overlap() -> None:
    before = gc.get_threshold()
    outer = fewer_collections()
    outer.__enter__()
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("the graph went away")
    # The outer load still runs: still tuned.
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() != before
    outer.__exit__(None, None, None)
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == before
