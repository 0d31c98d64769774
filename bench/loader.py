"""Loader throughput against the graph's own limit, and the loader's peak memory.

Side by side on one embedded FalkorDB, each on an emptied graph:

- structured: the NDJSON corpus through the load pipeline (reading, resolution, writing);
- bare: the very rows the structured load sent, inserted by a plain ``UNWIND ... MERGE`` per
  row kind through the same store, one write per batch: the graph's own speed for this data;
- raw text: the text corpus through reading, extraction, resolution and writing;
- extraction alone, no graph.

Peak memory is that of ``newsgraph load`` as a user runs it, a separate process (its high-water
mark, VmHWM), against a graph server this process keeps running.

    .venv/bin/python bench/loader.py --articles 10000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write

from newsgraph.graph import Graph, open_graph
from newsgraph.graph.cypher import WRITE_ARTICLES, Statement
from newsgraph.graph.maintenance import node_counts, wipe
from newsgraph.ingest.extract.reference import load_reference
from newsgraph.ingest.pipeline import extract_file, load_paths
from newsgraph.settings import Settings

BIN = Path(sys.executable).parent


def _merge_nodes(rows: str, label: str, props: str) -> str:
    return f"UNWIND ${rows} AS row MERGE (n:{label} {{id: row.id}}) SET {props}"


def _merge_links(rows: str, left: str, rel: str, right: str, lkey: str, rkey: str) -> str:
    return (
        f"UNWIND ${rows} AS row MATCH (l:{left} {{id: row.{lkey}}}), "
        f"(r:{right} {{id: row.{rkey}}}) MERGE (l)-[:{rel}]->(r)"
    )


# What a developer would write to put these rows in a graph, with nothing of the loader's
# resolution, ranks or derived edges. Bench-only: not part of the product's statements.
BARE_INSERT = Statement(
    "BENCH_BARE_INSERT",
    " WITH count(*) AS _ ".join(
        [
            _merge_nodes(
                "articles",
                "Article",
                "n.url = row.url, n.title = row.title, n.body = row.body, "
                "n.published_on = date(row.published_on), n.day_number = row.day_number, "
                "n.language = row.language",
            ),
            _merge_nodes(
                "actors",
                "Actor",
                "n.name = row.name, n.kind = row.kind, n.aliases = row.aliases, n.keys = row.keys",
            ),
            _merge_nodes("topics", "Topic", "n.name = row.name"),
            _merge_nodes(
                "meetings",
                "Meeting",
                "n.date = date(row.date), n.day_number = row.day_number, n.mode = row.mode, "
                "n.status = row.status, n.title = row.title",
            ),
            _merge_nodes(
                "statements",
                "Statement",
                "n.text = row.text, n.date = date(row.date), n.day_number = row.day_number, "
                "n.medium = row.medium",
            ),
            _merge_links("published_by", "Article", "PUBLISHED_BY", "Actor", "left", "right"),
            _merge_links("article_mentions", "Article", "MENTIONS", "Actor", "left", "right"),
            _merge_links("article_topics", "Article", "ABOUT", "Topic", "left", "right"),
            _merge_links("participants", "Actor", "PARTICIPATED_IN", "Meeting", "actor", "meeting"),
            _merge_links("meeting_reports", "Article", "REPORTS", "Meeting", "article", "fact"),
            _merge_links("meeting_topics", "Meeting", "ABOUT", "Topic", "left", "right"),
            _merge_links("statements", "Actor", "SAID", "Statement", "speaker", "id"),
            _merge_links("statement_reports", "Article", "REPORTS", "Statement", "article", "fact"),
            _merge_links("statement_mentions", "Statement", "MENTIONS", "Actor", "left", "right"),
            _merge_links("statement_topics", "Statement", "ABOUT", "Topic", "left", "right"),
        ]
    )
    + " RETURN count(*) AS sections",
    {},
    write=True,
)


def _cpu_seconds(data_dir: Path | None) -> tuple[float, float]:
    """CPU seconds so far of this process and of the embedded graph server of `data_dir` (0
    when there is none to read): on a shared machine, waiting for a core inflates wall clock
    but not these."""
    times = os.times()
    graph = 0.0
    state = data_dir / "server.json" if data_dir is not None else None
    if state is not None and state.exists():
        pid = json.loads(state.read_text())["pid"]
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            graph = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (FileNotFoundError, ProcessLookupError, IndexError):
            graph = 0.0
    return times.user + times.system, graph


def _cpu_since(start: tuple[float, float], data_dir: Path | None) -> dict[str, float]:
    now = _cpu_seconds(data_dir)
    return {"loader": round(now[0] - start[0], 2), "graph": round(now[1] - start[1], 2)}


async def _timed_load(
    graph: Graph,
    paths: list[Path],
    *,
    capture: bool = False,
    data_dir: Path | None = None,
    again: bool = False,
) -> dict[str, Any]:
    """Load into an emptied graph (with `again`, into the graph as it is: a reload); with
    `capture`, keep the parameters of every article write."""
    if not again:
        await wipe(graph.store)
        await graph.store.setup_schema()
    reference = load_reference()
    sent: list[Mapping[str, Any]] = []
    store = graph.store
    original = store.write

    async def recording(statement: Statement, params: Mapping[str, Any] | None = None) -> Any:
        if statement is WRITE_ARTICLES and params is not None:
            sent.append(dict(params))  # (not the header the store made ready of them)
        return await original(statement, params)

    if capture:
        store.write = recording  # type: ignore[method-assign]
    try:
        cpu = _cpu_seconds(data_dir)
        began = time.perf_counter()
        report = await load_paths(paths, store, reference)
        seconds = time.perf_counter() - began
        cpu_s = _cpu_since(cpu, data_dir)
    finally:
        if capture:
            del store.write  # back to the class's method
    if report.failed:
        raise RuntimeError(f"bench load failed: {report.failed[0].error}")
    articles = sum(len(f.articles) for f in report.files)
    return {"articles": articles, "seconds": seconds, "batches": sent, "cpu_s": cpu_s}


async def _bare_insert(
    graph: Graph, batches: list[Mapping[str, Any]], data_dir: Path | None = None
) -> tuple[float, dict[str, float]]:
    """Seconds of wall clock, and CPU seconds, of the bare insert of `batches`."""
    await wipe(graph.store)
    await graph.store.setup_schema()
    cpu = _cpu_seconds(data_dir)
    began = time.perf_counter()
    for params in batches:
        await graph.store.write(BARE_INSERT, params)
    return time.perf_counter() - began, _cpu_since(cpu, data_dir)


def peak_memory_of_load(paths: list[Path], data_dir: Path) -> dict[str, float]:
    """Run `newsgraph load` as a user would, against the graph server already running for
    `data_dir`, and report its peak resident memory (VmHWM) and wall time."""
    env = {**os.environ, "NEWSGRAPH_DATA_DIR": str(data_dir), "NEWSGRAPH_LOG_LEVEL": "warning"}
    began = time.perf_counter()
    process = subprocess.Popen(
        [str(BIN / "newsgraph"), "load", "--json", *map(str, paths)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    peak_kb = 0
    status = Path(f"/proc/{process.pid}/status")
    while process.poll() is None:
        try:
            for line in status.read_text().splitlines():
                if line.startswith("VmHWM:"):
                    peak_kb = max(peak_kb, int(line.split()[1]))
        except (FileNotFoundError, ProcessLookupError):
            break
        time.sleep(0.1)
    out, err = process.communicate()
    seconds = time.perf_counter() - began
    if process.returncode != 0:
        raise RuntimeError(f"newsgraph load failed ({process.returncode}): {err.decode()[-2000:]}")
    summary = json.loads(out)
    articles = sum(summary[row]["articles"] for row in ("created", "changed", "unchanged"))
    return {
        "articles": articles,
        "seconds": round(seconds, 2),
        "articles_per_s": round(articles / seconds, 1),
        "peak_rss_mb": round(peak_kb / 1024, 1),
    }


async def measure(count: int, work: Path, *, raw: bool = True) -> dict[str, Any]:
    """Loader numbers at `count` articles; corpora and the graph live under `work`."""
    json_file = write(count, "json", work / f"json-{count}")
    text_dir = write(count, "text", work / f"text-{count}") if raw else None
    data_dir = work / "loader-graph"
    graph = await open_graph(Settings(data_dir=data_dir))
    try:
        structured = await _timed_load(graph, [json_file], capture=True, data_dir=data_dir)
        counts = await node_counts(graph.store)
        reload = await _timed_load(graph, [json_file], data_dir=data_dir, again=True)
        bare_s, bare_cpu = await _bare_insert(graph, structured["batches"], data_dir)
        result: dict[str, Any] = {
            "articles": count,
            "graph": counts,
            "structured_per_s": round(count / structured["seconds"], 1),
            "bare_unwind_per_s": round(count / bare_s, 1),
            # The same file loaded again: every article is found written from the same
            # extraction, so it is read and counted, not planned and written.
            "structured_reload_per_s": round(count / reload["seconds"], 1),
            "writes": len(structured["batches"]),
            # CPU seconds of this process (the loader) and of the graph server, each load.
            "structured_cpu_s": structured["cpu_s"],
            "bare_unwind_cpu_s": bare_cpu,
        }
        result["reload_vs_load"] = round(structured["seconds"] / reload["seconds"], 2)
        result["structured_vs_bare"] = round(
            result["structured_per_s"] / result["bare_unwind_per_s"], 2
        )
        # The same ratio in CPU seconds spent (loader and graph server together): what the
        # structured load costs beyond the rows themselves, whatever else runs on the machine.
        spent = sum(structured["cpu_s"].values())
        result["structured_vs_bare_cpu"] = (
            round(sum(bare_cpu.values()) / spent, 2) if spent else None
        )
        if text_dir is not None:
            files = sorted(text_dir.iterdir())
            began = time.perf_counter()
            reference = load_reference()
            for path in files:
                extract_file(path, reference)
            result["extraction_only_per_s"] = round(count / (time.perf_counter() - began), 1)
            raw_load = await _timed_load(graph, files)
            result["raw_text_per_s"] = round(count / raw_load["seconds"], 1)
            result["raw_vs_bare"] = round(result["raw_text_per_s"] / result["bare_unwind_per_s"], 2)
    finally:
        await graph.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--no-raw", action="store_true", help="skip the raw text load")
    parser.add_argument("--work", type=Path, help="where corpora and graphs go (default: temp)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = args.work or Path(tmp)
        result = asyncio.run(measure(args.articles, work, raw=not args.no_raw))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
