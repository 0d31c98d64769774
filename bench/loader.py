"""Loader throughput on a synthetic corpus, measured side by side in one run.

Three numbers, each articles per second on the same embedded FalkorDB:

- raw text: reading, extraction, resolution and writing (``newsgraph load`` without the CLI);
- structured JSON: reading, resolution and writing, no extraction;
- extraction alone, no graph.

    .venv/bin/python bench/loader.py --articles 1000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
from pathlib import Path

from corpus import write

from newsgraph.graph import open_graph
from newsgraph.graph.maintenance import node_counts, wipe
from newsgraph.loaders.pipeline import extract_file, load_paths
from newsgraph.loaders.reference import load_reference
from newsgraph.settings import Settings


async def run(count: int) -> dict[str, float]:
    reference = load_reference()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        text_dir = write(count, "text", root / "text")
        json_file = write(count, "json", root / "json")
        files = sorted(text_dir.iterdir())

        began = time.perf_counter()
        for path in files:
            extract_file(path, reference)
        extract_s = time.perf_counter() - began

        graph = await open_graph(Settings(data_dir=root / "graph"))
        try:
            await graph.store.setup_schema()
            began = time.perf_counter()
            report = await load_paths(files, graph.store, reference)
            text_s = time.perf_counter() - began
            assert not report.failed, report.failed[:3]
            counts = await node_counts(graph.store)

            await wipe(graph.store)
            began = time.perf_counter()
            report = await load_paths([json_file], graph.store, reference)
            json_s = time.perf_counter() - began
            assert not report.failed, report.failed[:3]
        finally:
            await graph.close()
    return {
        "articles": count,
        "extraction_only_per_s": round(count / extract_s, 1),
        "raw_text_per_s": round(count / text_s, 1),
        "structured_json_per_s": round(count / json_s, 1),
        "graph_after_text_load": counts,  # type: ignore[dict-item]
    }


def main() -> None:
    parser = argparse.ArgumentParser(description="loader throughput")
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(run(args.articles)), indent=2))


if __name__ == "__main__":
    main()
