"""Two `newsgraph load` runs of the same files at once leave the graph one clean load makes.

Both share one embedded server (the launch lock makes the second attach to the server the first
started). FalkorDB runs the writes to one graph one at a time, each atomically, and every write
is idempotent: ids are derived, unique constraints hold one node per id, and co-mention counts
grow only in the write that creates the article. So racing loaders cannot duplicate a node or
double a count.

Not yet safe: two *different* articles reporting one statement in other words (the seeds), when
both loaders make their resolving read before either writes. Each plans a new statement, and the
graph keeps two. The last test pins that interleaving down; it fails until writes of one graph
hold a writer lock across read, plan and write.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from newsgraph.graph import Store
from newsgraph.graph.cypher import Statement
from newsgraph.graph.maintenance import dump, wipe
from newsgraph.graph.store import Record
from newsgraph.ingest.extract.reference import load_reference
from newsgraph.ingest.pipeline import load_paths
from tests.helpers import CORPUS, NEWSGRAPH
from tests.helpers.faults import CleanLoad, dump_graph, environment


def test_two_loads_of_the_same_files_at_once_equal_one_clean_load(
    clean: CleanLoad, tmp_path: Path
) -> None:
    env = environment(tmp_path / "graph")
    loaders = [
        subprocess.Popen(
            [NEWSGRAPH, "load", "--json", str(clean.source)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    # (a guard against a load that hangs, not a speed check: two raw-text loads of the corpus
    # each extract it, about a minute together on a busy 2-core machine)
    outputs = [loader.communicate(timeout=300) for loader in loaders]
    for loader, (_stdout, stderr) in zip(loaders, outputs, strict=True):
        # A unique-constraint violation would abort a file and show here.
        assert loader.returncode == 0, stderr
    created = [json.loads(stdout)["created"]["articles"] for stdout, _ in outputs]

    after = dump_graph(tmp_path / "graph")
    ids = [node["props"]["id"] for node in after["nodes"]]
    assert len(ids) == len(set(ids)), "a node id appears twice"
    assert len(after["nodes"]) == len(clean.dump["nodes"])
    assert len(after["relationships"]) == len(clean.dump["relationships"])
    assert after == clean.dump
    print(
        f"\n{clean.source.name}: two loaders reported {created} articles created; the graph has "
        f"{len(after['nodes'])} nodes and {len(after['relationships'])} relationships, identical "
        "to one clean load"
    )


class _ReadThenWait:
    """A store whose first write waits until the other loader has made its resolving read: the
    interleaving read, read, write, write that two loader processes can hit by timing."""

    def __init__(self, store: Store, both_read: asyncio.Barrier) -> None:
        self._store = store
        self._both_read = both_read
        self._waited = False
        self.dialect = store.dialect

    @property
    def target(self) -> str:
        return self._store.target

    async def read(
        self, statement: Statement, params: Mapping[str, Any] | None = None
    ) -> list[Record]:
        return await self._store.read(statement, params)

    async def write(
        self, statement: Statement, params: Mapping[str, Any] | None = None
    ) -> list[Record]:
        if not self._waited:
            self._waited = True
            await self._both_read.wait()
        return await self._store.write(statement, params)

    def prepare(self, params: Mapping[str, Any]) -> Mapping[str, Any]:
        return self._store.prepare(params)

    async def ping(self) -> None:
        await self._store.ping()

    async def setup_schema(self) -> list[str]:
        return await self._store.setup_schema()

    async def close(self) -> None:
        """The shared store stays open."""


async def test_two_reports_of_one_statement_written_at_once_make_one_statement(
    store: Store,
) -> None:
    seeds = sorted(CORPUS.iterdir())
    reference = load_reference()
    await load_paths(seeds, store, reference)
    clean = await dump(store)
    await wipe(store)

    both_read = asyncio.Barrier(2)
    await asyncio.gather(
        *(load_paths([seed], _ReadThenWait(store, both_read), reference) for seed in seeds)
    )
    raced = await dump(store)
    statements = [n for n in raced["nodes"] if "Statement" in n["labels"]]
    assert len(statements) == sum("Statement" in n["labels"] for n in clean["nodes"])
    assert raced == clean
