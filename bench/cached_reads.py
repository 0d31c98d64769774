"""Cached reads: the API's throughput with its response cache against without, on one graph.

Loads the synthetic corpus (bench/corpus.py) at ``--size`` articles with `newsgraph load`, or
uses ``--data-dir``, an already loaded embedded graph; starts two `newsgraph serve` processes
on it, one with the response cache (the default settings) and one without
(NEWSGRAPH_RESPONSE_CACHE_ENTRIES=0); checks that the two answer the mix (bench/mix.py) with
the same data and that a repeated read on the cached one makes no graph call (Server-Timing);
then drives both with wrk (bench/wrk/mix.lua; the httpx client when wrk is missing) at
``--connections``, in alternate rounds so drift on a shared machine hits both alike, and
reports requests/s of each and the ratio cached / uncached (best round of each).

The mix cycles six reads, so after the first pass the cached server answers every request from
memory: this is the best case, a read-heavy client repeating the same queries between writes.

    .venv/bin/python bench/cached_reads.py --size 1000 --connections 16 --duration 10
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

import api
import loader
from corpus import write
from mix import MIX

from newsgraph.graph import open_graph
from newsgraph.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
TARGETS = ("cached", "uncached")


def build(size: int, work: Path) -> Path:
    """An embedded graph of ``size`` structured articles, loaded as a user would."""
    corpus = write(size, "json", work / f"json-{size}")
    data_dir = work / f"graph-{size}"

    async def load() -> None:
        # The graph server stays up while `newsgraph load` joins it, as bench/run.py does.
        graph = await open_graph(Settings(data_dir=data_dir))
        try:
            await graph.store.setup_schema()
            await asyncio.to_thread(loader.peak_memory_of_load, [corpus], data_dir)
        finally:
            await graph.close()

    asyncio.run(load())
    return data_dir


@contextlib.contextmanager
def servers(data_dir: Path) -> Iterator[dict[str, str]]:
    """Both servers on the graph in ``data_dir``, by target name: their base URLs."""
    data_dir = data_dir.resolve()
    work = Path(tempfile.mkdtemp(prefix="newsgraph-cachebench-"))
    started: list[subprocess.Popen[bytes]] = []
    urls: dict[str, str] = {}
    try:
        for target in TARGETS:
            port = api._free_port()
            log = work / f"{target}.log"
            process = api._spawn_api(data_dir, port, log, cache=target == "cached")
            started.append(process)
            urls[target] = f"http://127.0.0.1:{port}"
            api._wait_ready(urls[target], process, log, 60.0)
        yield urls
    finally:
        api._stop(reversed(started))
        shutil.rmtree(work, ignore_errors=True)


def check(urls: dict[str, str]) -> dict[str, Any]:
    """The same data from both; the second of two identical reads on the cached server is a
    hit with no graph call."""
    problems: list[str] = []
    calls_on_hit: dict[str, int] = {}
    with httpx.Client(timeout=30) as client:
        for op in MIX:
            body = op.graphql_body()
            answers = {t: client.post(f"{urls[t]}/graphql", json=body) for t in TARGETS}
            data = {t: answers[t].json() for t in TARGETS}
            if "errors" in data["cached"] or data["cached"] != data["uncached"]:
                problems.append(f"{op.name}: the two servers answer differently")
            again = client.post(f"{urls['cached']}/graphql", json=body)
            calls_on_hit[op.name] = int(api.server_timing(again)["calls"])
            if again.headers.get("x-cache") != "HIT":
                problems.append(f"{op.name}: a repeated read was not a cache hit")
    return {"ok": not problems, "problems": problems, "graph_calls_on_hit": calls_on_hit}


class _At:
    """What bench/api.py's httpx client asks of its servers: a base URL."""

    def __init__(self, base: str) -> None:
        self.base = base

    def url(self, target: str) -> str:
        return self.base


def load(url: str, requests: Path, connections: int, duration_s: float) -> dict[str, Any]:
    """One wrk run of the mix against ``url`` (bench/api.py's run_load, for any URL)."""
    wrk = shutil.which("wrk")
    if wrk is None:
        return api._httpx_load(_At(url), "graphql", connections, duration_s)  # type: ignore[arg-type]
    command = [
        wrk,
        f"-t{min(2, connections)}",
        f"-c{connections}",
        f"-d{max(1, round(duration_s))}s",
        "--timeout",
        "30s",
        "-s",
        str(api.LUA),
        url,
        "--",
        str(requests),
    ]
    done = subprocess.run(command, capture_output=True, text=True, errors="replace", check=False)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stdout}\n{done.stderr}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def run(data_dir: Path, *, connections: int, duration_s: float, rounds: int) -> dict[str, Any]:
    with servers(data_dir) as urls:
        checked = check(urls)
        if not checked["ok"]:
            raise RuntimeError(f"the servers disagree: {checked['problems']}")
        work = Path(tempfile.mkdtemp(prefix="newsgraph-cachebench-req-"))
        try:
            requests = api.write_requests("graphql", work / "graphql.tsv")
            for target in TARGETS:  # warm-up
                load(urls[target], requests, connections, min(duration_s, 3.0))
            runs: dict[str, list[dict[str, Any]]] = {t: [] for t in TARGETS}
            for _ in range(rounds):
                for target in TARGETS:
                    runs[target].append(load(urls[target], requests, connections, duration_s))
        finally:
            shutil.rmtree(work, ignore_errors=True)
    best = {t: max(runs[t], key=lambda r: r["requests_per_s"]) for t in TARGETS}
    errors = sum(
        r["socket_errors"] + r["status_errors"] + r["graphql_errors"]
        for t in TARGETS
        for r in runs[t]
    )
    return {
        "connections": connections,
        "duration_s": duration_s,
        "rounds": rounds,
        "tool": best["cached"]["tool"],
        "graph_calls_on_hit": checked["graph_calls_on_hit"],
        "requests_per_s": {t: best[t]["requests_per_s"] for t in TARGETS},
        "p50_ms": {t: best[t]["p50_ms"] for t in TARGETS},
        "p99_ms": {t: best[t]["p99_ms"] for t in TARGETS},
        "errors": errors,
        "ratio_cached_over_uncached_rps": round(
            best["cached"]["requests_per_s"] / best["uncached"]["requests_per_s"], 2
        ),
        "all_rounds_rps": {t: [r["requests_per_s"] for r in runs[t]] for t in TARGETS},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000, help="articles in the corpus")
    parser.add_argument("--data-dir", type=Path, help="an already loaded graph instead")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per run")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each, alternated")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "bench" / "results" / "cached_reads.json"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsgraph-cachebench-") as tmp:
        data_dir = args.data_dir or build(args.size, Path(tmp))
        result = run(
            data_dir, connections=args.connections, duration_s=args.duration, rounds=args.rounds
        )
    result["articles"] = None if args.data_dir else args.size
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
