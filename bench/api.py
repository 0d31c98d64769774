"""The API benchmark: the GraphQL API against the same reads written by hand, on one graph.

Given a data directory holding an already loaded embedded graph, starts `newsgraph serve` and
the direct baseline (bench/direct.py) as subprocesses on free ports, both on the same FalkorDB
server, checks that the mix (bench/mix.py) answers the same non-empty data on both, warms up,
then measures:

- throughput: wrk (bench/wrk/mix.lua) cycling through the mix at each concurrency, for both
  targets, interleaved; requests/s, p50/p90/p99, errors; the ratio GraphQL rps / direct rps;
- the share of request time spent waiting on the graph, from the API's Server-Timing header
  over sequential passes of the mix, overall and per operation, and the graph round trips of
  each operation (the header's call count);
- with --soak SECONDS: GraphQL at 64 connections for that long; errors must be zero; the
  server's resident memory (VmRSS) after warm-up, every 5 s, and at the end;
- with --growth N: the p50 of N sequential requests of a few operations, for a caller that
  runs it at several corpus sizes.

Without wrk on the PATH, load comes from a Python asyncio httpx client in this process
("tool": "httpx-fallback"), which competes with the servers for the CPU: compare only runs
made with the same tool.

    .venv/bin/python bench/api.py --data-dir /tmp/apibench/graph --duration 10
    .venv/bin/python bench/api.py --data-dir /tmp/apibench/graph --duration 5 --soak 60

A change to the API is measured side by side: `--before DIR` runs a copy of the tree from
before the change (DIR holding `newsgraph/` and `data/reference/`) beside the installed one,
on the same graph, alternating requests, and prints the p50 of each op and the ratio after /
before. `--source DIR` runs everything above against such a copy instead.

    .venv/bin/python bench/api.py --data-dir /tmp/apibench/graph --before /tmp/before --rounds 100

Everything here is importable: bench/run.py calls `run`, or `serve` and the functions that
take its `Servers`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mix import MIX, Op, compare, empty_paths, normalise, op_named

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LUA = ROOT / "bench" / "wrk" / "mix.lua"
DIRECT = ROOT / "bench" / "direct.py"
CONCURRENCY = (1, 16, 64)
TARGETS = ("graphql", "direct")
# Every query of the mix but the aggregates, each with the growth target of issue 17.
GROWTH_OPS = ("actor", "meetings", "search", "path", "timeline", "articles")
# Measured at every corpus size too, without a growth target: an aggregate reads every item its
# filter selects, so it grows with them by nature.
AGGREGATE_OPS = ("meeting_stats", "statement_stats", "article_stats")
_TIMING = re.compile(
    r'graph;dur=(?P<graph>[\d.]+);desc="(?P<calls>\d+) calls?", app;dur=(?P<app>[\d.]+)'
)


# ---------------------------------------------------------------------------------------------
# The two servers


@dataclass
class Servers:
    """`newsgraph serve` and the direct baseline, running on one graph."""

    data_dir: Path
    graphql_port: int
    direct_port: int
    graphql: subprocess.Popen[bytes]
    direct: subprocess.Popen[bytes]
    work_dir: Path
    request_files: dict[str, Path] = field(default_factory=dict)

    def url(self, target: str) -> str:
        port = self.graphql_port if target == "graphql" else self.direct_port
        return f"http://127.0.0.1:{port}"

    def pid(self, target: str = "graphql") -> int:
        return (self.graphql if target == "graphql" else self.direct).pid


def request_of(op: Op, target: str) -> tuple[str, bytes]:
    """The path and JSON body of one operation for one target."""
    if target == "graphql":
        return "/graphql", json.dumps(op.graphql_body(), separators=(",", ":")).encode()
    return op.direct_path, json.dumps(op.direct_body(), separators=(",", ":")).encode()


def write_requests(target: str, path: Path, ops: Sequence[Op] = MIX) -> Path:
    """The requests file bench/wrk/mix.lua reads: `path<TAB>body` a line."""
    lines = []
    for op in ops:
        url_path, body = request_of(op, target)
        lines.append(f"{url_path}\t{body.decode()}")
    path.write_text("\n".join(lines) + "\n")
    return path


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(url: str, process: subprocess.Popen[bytes], log: Path, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise RuntimeError(f"{url}/readyz did not answer within {timeout_s} s")


def _api_env(data_dir: Path, source: Path | None = None, *, cache: bool = False) -> dict[str, str]:
    env = {
        **os.environ,
        "NEWSGRAPH_DATA_DIR": str(data_dir),
        "NEWSGRAPH_LOG_FORMAT": "json",
        "NEWSGRAPH_LOG_LEVEL": "warning",
    }
    if not cache:
        # The mix repeats six reads: with the response cache on, every pass after the first
        # would be answered from memory and measure the cache, not the API (bench/cached_reads.py
        # measures that).
        env["NEWSGRAPH_RESPONSE_CACHE_ENTRIES"] = "0"
        # Nothing writes while the bench reads: one reading of the graph version (for the
        # ETags) serves the whole run, so an operation's round trips are the resolvers' alone,
        # the same on every pass, not one more whenever a second has gone by.
        env["NEWSGRAPH_VERSION_MAX_AGE_MS"] = str(24 * 3600 * 1000)
    env.pop("NEWSGRAPH_GRAPH_URL", None)
    if source is not None:
        env["PYTHONPATH"] = str(source)
    return env


def _spawn_api(
    data_dir: Path,
    port: int,
    log: Path,
    *,
    source: Path | None = None,
    cache: bool = False,
    workers: int = 1,
) -> subprocess.Popen[bytes]:
    """`newsgraph serve` on ``port``; from the package in ``source`` when given (a copy of the
    tree from before a change), else the installed one. One worker process unless asked: the
    GraphQL / direct comparison sets one API process against one direct process, and the
    soak reads one process's memory (``workers_comparison`` measures more workers)."""
    if source is None:
        command = [str(BIN / "newsgraph"), "serve", "--port", str(port)]
    else:
        command = [sys.executable, "-c", "from newsgraph.api.cli import app; app()", "serve"]
        command += ["--port", str(port)]
    if source is None or (source / "newsgraph" / "api" / "workers.py").exists():
        # (A tree from before `--workers` existed serves one process anyway.)
        command += ["--workers", str(workers)]
    return subprocess.Popen(
        command,
        env=_api_env(data_dir, source, cache=cache),
        # Not the repository: `python -c` puts the working directory first on sys.path.
        cwd=log.parent,
        stdout=log.open("wb"),
        stderr=subprocess.STDOUT,
    )


@contextlib.contextmanager
def serve(
    data_dir: Path, *, source: Path | None = None, timeout_s: float = 60.0
) -> Iterator[Servers]:
    """Start both servers on the graph in ``data_dir``; stop them on exit. ``source``: a
    directory holding the `newsgraph` package to serve (default: the installed one).

    `newsgraph serve` runs with JSON logs at warning level: uvicorn's access log is off (as in
    the direct app) and the API's own access line is below the level, so neither server logs
    per request.
    """
    data_dir = data_dir.resolve()
    work = Path(tempfile.mkdtemp(prefix="newsgraph-apibench-"))
    env = _api_env(data_dir)
    started: list[subprocess.Popen[bytes]] = []
    try:
        graphql_port = _free_port()
        graphql_log = work / "graphql.log"
        graphql = _spawn_api(data_dir, graphql_port, graphql_log, source=source)
        started.append(graphql)
        _wait_ready(f"http://127.0.0.1:{graphql_port}", graphql, graphql_log, timeout_s)
        # After the API: it has started the embedded server, which the direct app joins.
        direct_port = _free_port()
        direct_log = work / "direct.log"
        direct = subprocess.Popen(
            [sys.executable, str(DIRECT), "--data-dir", str(data_dir), "--port", str(direct_port)],
            env=env,
            cwd=work,
            stdout=direct_log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        started.append(direct)
        _wait_ready(f"http://127.0.0.1:{direct_port}", direct, direct_log, timeout_s)
        servers = Servers(data_dir, graphql_port, direct_port, graphql, direct, work)
        for target in TARGETS:
            servers.request_files[target] = write_requests(target, work / f"{target}.tsv")
        yield servers
    finally:
        _stop(reversed(started))
        shutil.rmtree(work, ignore_errors=True)


# ---------------------------------------------------------------------------------------------
# Checks and sequential passes


def _post(client: httpx.Client, op: Op, target: str) -> httpx.Response:
    path, body = request_of(op, target)
    return client.post(path, content=body, headers={"content-type": "application/json"})


def server_timing(response: httpx.Response) -> dict[str, float]:
    """The API's Server-Timing header: graph ms, graph calls, app ms."""
    match = _TIMING.search(response.headers.get("server-timing", ""))
    if not match:
        raise ValueError(f"no Server-Timing in {dict(response.headers)}")
    return {
        "graph_ms": float(match["graph"]),
        "calls": int(match["calls"]),
        "app_ms": float(match["app"]),
    }


def check_mix(servers: Servers, *, wait_s: float = 60.0) -> dict[str, Any]:
    """Every operation answers, non-empty, the same data on both targets.

    Retries for up to ``wait_s``: after a restart FalkorDB fills its full-text indexes in the
    background, and /readyz does not wait for that, so search is empty for a moment.
    """
    deadline = time.monotonic() + wait_s
    while True:
        report = _check_once(servers)
        if report["ok"] or time.monotonic() > deadline:
            return report
        time.sleep(0.5)


def _check_once(servers: Servers) -> dict[str, Any]:
    out: dict[str, Any] = {"ok": True, "ops": {}}
    with (
        httpx.Client(base_url=servers.url("graphql"), timeout=30) as gql,
        httpx.Client(base_url=servers.url("direct"), timeout=30) as direct,
    ):
        for op in MIX:
            answer = _post(gql, op, "graphql").json()
            other = _post(direct, op, "direct").json()
            problems = [f"graphql error: {e.get('message')}" for e in answer.get("errors", [])]
            data = answer.get("data") or {}
            problems += [f"graphql: {p} is empty" for p in empty_paths(op, normalise(data))]
            problems += [f"direct: {p} is empty" for p in empty_paths(op, other)]
            problems += compare(op, data, other)
            out["ops"][op.name] = {"ok": not problems, "problems": problems}
            out["ok"] = out["ok"] and not problems
    return out


def warm_up(servers: Servers, seconds: float = 5.0) -> None:
    """Load both targets at 16 connections for a while (caches, connection pools, JIT-less
    Python's first-call costs), then one sequential pass."""
    for target in TARGETS:
        run_load(servers, target, connections=16, duration_s=seconds)
    sequential(servers, rounds=3)


def sequential(
    servers: Servers, *, rounds: int = 50, ops: Iterable[str] | None = None
) -> dict[str, Any]:
    """Sequential requests (one connection per target, keep-alive), ``rounds`` per operation
    and target, interleaved; client-side p50 per op and target, and the API's Server-Timing."""
    chosen = [op_named(name) for name in ops] if ops is not None else list(MIX)
    client_ms: dict[str, dict[str, list[float]]] = {
        op.name: {t: [] for t in TARGETS} for op in chosen
    }
    timings: dict[str, list[dict[str, float]]] = {op.name: [] for op in chosen}
    with (
        httpx.Client(base_url=servers.url("graphql"), timeout=30) as gql,
        httpx.Client(base_url=servers.url("direct"), timeout=30) as direct,
    ):
        clients = {"graphql": gql, "direct": direct}
        for op in chosen:
            # One untimed pass: the API reads the graph version on its first request.
            for target in TARGETS:
                _post(clients[target], op, target)
        for _ in range(rounds):
            for op in chosen:
                for target in TARGETS:
                    began = time.perf_counter()
                    response = _post(clients[target], op, target)
                    elapsed = (time.perf_counter() - began) * 1000
                    if response.status_code != 200 or b'"errors":' in response.content:
                        raise RuntimeError(f"{op.name} on {target}: {response.text[:500]}")
                    client_ms[op.name][target].append(elapsed)
                    if target == "graphql":
                        timings[op.name].append(server_timing(response))
    per_op: dict[str, Any] = {}
    total_graph = total_app = 0.0
    for op in chosen:
        rows = timings[op.name]
        graph_sum = sum(r["graph_ms"] for r in rows)
        app_sum = sum(r["app_ms"] for r in rows)
        total_graph += graph_sum
        total_app += app_sum
        calls = sorted({int(r["calls"]) for r in rows})
        gql_p50 = statistics.median(client_ms[op.name]["graphql"])
        direct_p50 = statistics.median(client_ms[op.name]["direct"])
        per_op[op.name] = {
            "graphql_p50_ms": round(gql_p50, 2),
            "direct_p50_ms": round(direct_p50, 2),
            "p50_ratio_graphql_over_direct": round(gql_p50 / direct_p50, 2),
            "server_app_p50_ms": round(statistics.median(r["app_ms"] for r in rows), 2),
            "server_graph_p50_ms": round(statistics.median(r["graph_ms"] for r in rows), 2),
            "graph_share": round(graph_sum / app_sum, 3) if app_sum else None,
            "round_trips": calls[0] if len(calls) == 1 else calls,
        }
    return {
        "rounds": rounds,
        "graph_share": round(total_graph / total_app, 3) if total_app else None,
        "ops": per_op,
    }


# ---------------------------------------------------------------------------------------------
# Load


def run_load(
    servers: Servers, target: str, *, connections: int, duration_s: float
) -> dict[str, Any]:
    """Cycle through the mix against one target; wrk if installed, else an httpx client."""
    threads = min(2, connections)
    wrk = shutil.which("wrk")
    if wrk is None:
        result = _httpx_load(servers, target, connections, duration_s)
    else:
        command = [
            wrk,
            f"-t{threads}",
            f"-c{connections}",
            f"-d{max(1, round(duration_s))}s",
            "--timeout",
            "30s",
            "-s",
            str(LUA),
            servers.url(target),
            "--",
            str(servers.request_files[target]),
        ]
        done = subprocess.run(
            command, capture_output=True, text=True, errors="replace", check=False
        )
        lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
        if done.returncode != 0 or not lines:
            raise RuntimeError(f"wrk failed ({done.returncode}): {done.stdout}\n{done.stderr}")
        result = json.loads(lines[-1])
    result.update(target=target, connections=connections)
    result["errors"] = result["socket_errors"] + result["status_errors"] + result["graphql_errors"]
    if result["errors"]:
        result["server_log_errors"] = server_log_errors(servers, target)
    return result


def server_log_errors(servers: Servers, target: str, limit: int = 20) -> list[str]:
    """The last warning and error lines the server wrote (it logs at warning level)."""
    log = servers.work_dir / f"{target}.log"
    try:
        lines = log.read_text(errors="replace").splitlines()
    except OSError:
        return []
    wanted = [
        line[:2000]
        for line in lines
        if any(mark in line for mark in ('"level": "error"', '"level": "warning"', "ERROR"))
    ]
    return wanted[-limit:]


def _httpx_load(
    servers: Servers, target: str, connections: int, duration_s: float
) -> dict[str, Any]:
    requests = [request_of(op, target) for op in MIX]

    async def main() -> dict[str, Any]:
        latencies: list[float] = []
        counts = {"socket": 0, "status": 0, "graphql": 0}
        limits = httpx.Limits(max_connections=connections, max_keepalive_connections=connections)
        async with httpx.AsyncClient(
            base_url=servers.url(target), limits=limits, timeout=30
        ) as client:
            loop = asyncio.get_running_loop()
            began = loop.time()
            deadline = began + duration_s

            async def worker(offset: int) -> None:
                i = offset
                while loop.time() < deadline:
                    path, body = requests[i % len(requests)]
                    i += 1
                    sent = time.perf_counter()
                    try:
                        response = await client.post(
                            path, content=body, headers={"content-type": "application/json"}
                        )
                    except httpx.HTTPError:
                        counts["socket"] += 1
                        continue
                    latencies.append((time.perf_counter() - sent) * 1000)
                    if not 200 <= response.status_code < 300:
                        counts["status"] += 1
                    elif b'"errors":' in response.content:
                        counts["graphql"] += 1

            await asyncio.gather(*(worker(k) for k in range(connections)))
            elapsed = loop.time() - began
        cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else [0.0] * 99
        return {
            "tool": "httpx-fallback",
            "threads": 1,
            "requests": len(latencies),
            "responses": len(latencies),
            "duration_s": round(elapsed, 3),
            "requests_per_s": round(len(latencies) / elapsed, 2),
            "p50_ms": round(cuts[49], 3),
            "p90_ms": round(cuts[89], 3),
            "p99_ms": round(cuts[98], 3),
            "max_ms": round(max(latencies, default=0.0), 3),
            "socket_errors": counts["socket"],
            "status_errors": counts["status"],
            "graphql_errors": counts["graphql"],
        }

    return asyncio.run(main())


def throughput(
    servers: Servers, *, duration_s: float, concurrencies: Sequence[int] = CONCURRENCY
) -> dict[str, Any]:
    """Both targets at each concurrency, interleaved so drift hits both alike."""
    runs: dict[str, dict[str, Any]] = {target: {} for target in TARGETS}
    for connections in concurrencies:
        for target in TARGETS:
            runs[target][str(connections)] = run_load(
                servers, target, connections=connections, duration_s=duration_s
            )
    ratio = {
        str(c): round(
            runs["graphql"][str(c)]["requests_per_s"] / runs["direct"][str(c)]["requests_per_s"],
            3,
        )
        for c in concurrencies
    }
    table = {
        target: {
            c: {
                key: runs[target][c][key]
                for key in ("requests_per_s", "p50_ms", "p99_ms", "errors")
            }
            for c in runs[target]
        }
        for target in TARGETS
    }
    return {
        "tool": runs["graphql"][str(concurrencies[0])]["tool"],
        "duration_s": duration_s,
        "ratio_graphql_over_direct_rps": ratio,
        "summary": table,
        "runs": runs,
    }


# ---------------------------------------------------------------------------------------------
# Soak and growth


def rss_kb(pid: int) -> int:
    """Resident memory of a process (VmRSS), in kB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise ValueError(f"no VmRSS for pid {pid}")


def soak(servers: Servers, *, seconds: float, connections: int = 64) -> dict[str, Any]:
    """GraphQL under load for ``seconds``: zero errors expected; VmRSS every 5 s."""
    pid = servers.pid("graphql")
    began = time.monotonic()
    samples = [{"t_s": 0.0, "rss_kb": rss_kb(pid)}]
    result: dict[str, Any] = {}

    def load() -> None:
        result.update(run_load(servers, "graphql", connections=connections, duration_s=seconds))

    worker = threading.Thread(target=load)
    worker.start()
    while worker.is_alive():
        worker.join(timeout=5.0)
        samples.append({"t_s": round(time.monotonic() - began, 1), "rss_kb": rss_kb(pid)})
    start, end = samples[0]["rss_kb"], samples[-1]["rss_kb"]
    return {
        "seconds": seconds,
        "connections": connections,
        "tool": result.get("tool"),
        "requests": result.get("requests"),
        "requests_per_s": result.get("requests_per_s"),
        "p50_ms": result.get("p50_ms"),
        "p99_ms": result.get("p99_ms"),
        "errors": {
            key: result.get(key) for key in ("socket_errors", "status_errors", "graphql_errors")
        },
        "ok": result.get("errors") == 0,
        "error_samples": result.get("error_samples", []),
        "server_log_errors": result.get("server_log_errors", []),
        "rss_kb": {
            "after_warm_up": start,
            "end": end,
            "max": max(s["rss_kb"] for s in samples),
            "growth_kb": end - start,
            "samples": samples,
        },
    }


def growth(
    servers: Servers, *, n: int = 200, ops: Sequence[str] = GROWTH_OPS + AGGREGATE_OPS
) -> dict[str, Any]:
    """p50 over ``n`` sequential requests of each op, both targets: run it at several corpus
    sizes to see how each grows."""
    result = sequential(servers, rounds=n, ops=ops)
    return {
        "n": n,
        "ops": {
            name: {
                key: row[key]
                for key in (
                    "graphql_p50_ms",
                    "direct_p50_ms",
                    "server_graph_p50_ms",
                    "round_trips",
                )
            }
            for name, row in result["ops"].items()
        },
    }


# ---------------------------------------------------------------------------------------------
# Worker processes


def cpu_s(pid: int) -> float:
    """CPU seconds (user + system) a live process has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_busy_s() -> float:
    """CPU seconds every core of the machine has spent busy since boot (/proc/stat)."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def _api_workers(pid: int) -> list[int]:
    """The worker processes of a `newsgraph serve` (spawned children; not the graph server or
    multiprocessing's resource tracker)."""
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            with contextlib.suppress(OSError):
                if b"spawn_main" in Path(f"/proc/{child}/cmdline").read_bytes():
                    found.append(int(child))
    return found


def _embedded_pid(data_dir: Path) -> int:
    return int(json.loads((data_dir / "server.json").read_text())["pid"])


@contextlib.contextmanager
def _graphql_only(data_dir: Path, workers: int, work: Path) -> Iterator[Servers]:
    """`newsgraph serve --workers N` alone, as a Servers whose only target is "graphql"."""
    port = _free_port()
    log = work / "graphql.log"
    process = _spawn_api(data_dir, port, log, workers=workers)
    try:
        _wait_ready(f"http://127.0.0.1:{port}", process, log, 60)
        deadline = time.monotonic() + 60
        while len(_api_workers(process.pid)) < workers and time.monotonic() < deadline:
            time.sleep(0.1)
        servers = Servers(data_dir, port, port, process, process, work)
        servers.request_files["graphql"] = write_requests("graphql", work / "graphql.tsv")
        yield servers
    finally:
        _stop([process])


def _measured_run(servers: Servers, connections: int, duration_s: float) -> dict[str, Any]:
    """One wrk run on the GraphQL target, with the CPU seconds each party used meanwhile: the
    API (parent and workers), the graph server, the load generator; and the load average."""
    api_pids = [servers.graphql.pid, *_api_workers(servers.graphql.pid)]
    graph_pid = _embedded_pid(servers.data_dir)
    before = {pid: cpu_s(pid) for pid in (*api_pids, graph_pid)}
    children, machine = os.times(), machine_busy_s()
    result = run_load(servers, "graphql", connections=connections, duration_s=duration_s)
    after_children, machine = os.times(), machine_busy_s() - machine
    used = {pid: cpu_s(pid) - before[pid] for pid in before}
    seconds = result["duration_s"]
    load_generator = (
        after_children.children_user
        + after_children.children_system
        - children.children_user
        - children.children_system
    )
    return {
        "requests_per_s": result["requests_per_s"],
        "p50_ms": result["p50_ms"],
        "p99_ms": result["p99_ms"],
        "errors": result["errors"],
        "load_average_1m": round(os.getloadavg()[0], 2),
        # Cores busy on average over the run, per party (2.0 = both cores of this machine).
        "cores_busy": {
            "api_workers": [round(used[pid] / seconds, 2) for pid in api_pids[1:]]
            or [round(used[api_pids[0]] / seconds, 2)],
            "graph_server": round(used[graph_pid] / seconds, 2),
            "load_generator": round(load_generator / seconds, 2),
            # The rest of the machine: other people's work on the same cores.
            "everything_else": round((machine - sum(used.values()) - load_generator) / seconds, 2),
            "machine": round(machine / seconds, 2),
        },
    }


def workers_comparison(
    data_dir: Path,
    *,
    counts: Sequence[int] = (1, 2),
    connections: int = 16,
    duration_s: float = 10.0,
    warm_up_s: float = 3.0,
    rounds: int = 2,
) -> dict[str, Any]:
    """GraphQL throughput of the mix at ``connections`` with each number of worker
    processes, alternated ``rounds`` times so drift in the machine's load hits each alike;
    the best run of each, and the ratio of each to one worker. The graph server is held by
    this process throughout, so each `serve` joins the same warm server."""
    from newsgraph.graph.embedded import EmbeddedServer

    data_dir = data_dir.resolve()
    graph = EmbeddedServer(data_dir)
    graph.start()
    runs: dict[str, list[dict[str, Any]]] = {str(n): [] for n in counts}
    try:
        for _ in range(rounds):
            for n in counts:
                work = Path(tempfile.mkdtemp(prefix=f"newsgraph-workers-{n}-"))
                try:
                    with _graphql_only(data_dir, n, work) as servers:
                        with httpx.Client(base_url=servers.url("graphql")) as client:
                            _wait_for_search([client])
                        run_load(servers, "graphql", connections=connections, duration_s=warm_up_s)
                        runs[str(n)].append(_measured_run(servers, connections, duration_s))
                finally:
                    shutil.rmtree(work, ignore_errors=True)
    finally:
        graph.stop()
    best = {n: max(rows, key=lambda row: row["requests_per_s"]) for n, rows in runs.items()}
    one = best[str(counts[0])]["requests_per_s"]
    return {
        "connections": connections,
        "duration_s": duration_s,
        "rounds": rounds,
        "cores": os.cpu_count(),
        "best": best,
        "ratio_over_one_worker": {
            n: round(row["requests_per_s"] / one, 3) for n, row in best.items()
        },
        "runs": runs,
    }


# ---------------------------------------------------------------------------------------------
# Before / after a change


def _stop(processes: Iterable[subprocess.Popen[bytes]]) -> None:
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def side_by_side(
    data_dir: Path,
    before: Path,
    *,
    after: Path | None = None,
    ops: Sequence[str] | None = None,
    rounds: int = 100,
    warm_up_rounds: int = 20,
) -> dict[str, Any]:
    """The GraphQL mix on two versions of the API at once, on one graph: ``before`` and
    ``after`` are directories holding a `newsgraph` package (``after`` unset: the installed
    one). Requests alternate between the two (which goes first alternates too), one at a time,
    so both see the same machine; p50 per op and the ratio after/before."""
    data_dir = data_dir.resolve()
    chosen = [op_named(name) for name in ops] if ops is not None else list(MIX)
    work = Path(tempfile.mkdtemp(prefix="newsgraph-apibench-ab-"))
    started: list[subprocess.Popen[bytes]] = []
    ports: dict[str, int] = {}
    try:
        for side, source in (("before", before), ("after", after)):
            ports[side] = _free_port()
            log = work / f"{side}.log"
            process = _spawn_api(data_dir, ports[side], log, source=source)
            started.append(process)
            _wait_ready(f"http://127.0.0.1:{ports[side]}", process, log, 60)
        samples: dict[str, dict[str, list[float]]] = {
            op.name: {"before": [], "after": []} for op in chosen
        }
        graph_ms: dict[str, dict[str, list[float]]] = {
            op.name: {"before": [], "after": []} for op in chosen
        }
        with (
            httpx.Client(base_url=f"http://127.0.0.1:{ports['before']}", timeout=30) as b,
            httpx.Client(base_url=f"http://127.0.0.1:{ports['after']}", timeout=30) as a,
        ):
            clients = {"before": b, "after": a}
            _wait_for_search(clients.values())
            for i in range(warm_up_rounds + rounds):
                order = ("before", "after") if i % 2 == 0 else ("after", "before")
                for op in chosen:
                    for side in order:
                        began = time.perf_counter()
                        response = _post(clients[side], op, "graphql")
                        elapsed = (time.perf_counter() - began) * 1000
                        if response.status_code != 200 or b'"errors":' in response.content:
                            raise RuntimeError(f"{op.name} ({side}): {response.text[:500]}")
                        if i >= warm_up_rounds:
                            samples[op.name][side].append(elapsed)
                            graph_ms[op.name][side].append(server_timing(response)["graph_ms"])
        out: dict[str, Any] = {"rounds": rounds, "before": str(before), "ops": {}}
        for op in chosen:
            p50 = {side: statistics.median(samples[op.name][side]) for side in ("before", "after")}
            g50 = {side: statistics.median(graph_ms[op.name][side]) for side in ("before", "after")}
            out["ops"][op.name] = {
                "before_p50_ms": round(p50["before"], 2),
                "after_p50_ms": round(p50["after"], 2),
                "p50_ratio_after_over_before": round(p50["after"] / p50["before"], 3),
                "before_graph_p50_ms": round(g50["before"], 2),
                "after_graph_p50_ms": round(g50["after"], 2),
            }
        return out
    finally:
        _stop(reversed(started))
        shutil.rmtree(work, ignore_errors=True)


def _wait_for_search(clients: Iterable[httpx.Client], wait_s: float = 60.0) -> None:
    """Until full-text search answers on every client (indexes fill after a restart)."""
    search = op_named("search")
    deadline = time.monotonic() + wait_s
    for client in clients:
        while time.monotonic() < deadline:
            data = _post(client, search, "graphql").json().get("data") or {}
            if data.get("search"):
                break
            time.sleep(0.2)


# ---------------------------------------------------------------------------------------------


def run(
    data_dir: Path,
    *,
    duration_s: float = 10.0,
    concurrencies: Sequence[int] = CONCURRENCY,
    warm_up_s: float = 5.0,
    sequential_rounds: int = 50,
    soak_s: float | None = None,
    soak_connections: int = 64,
    growth_n: int | None = None,
    throughput_too: bool = True,
    source: Path | None = None,
) -> dict[str, Any]:
    """Everything this module measures, on the graph in ``data_dir``; the API from the
    `newsgraph` package in ``source`` when given."""
    out: dict[str, Any] = {
        "data_dir": str(data_dir),
        "machine": {"cpus": os.cpu_count(), "wrk": shutil.which("wrk")},
        "tool": "wrk" if shutil.which("wrk") else "httpx-fallback",
        "source": str(source) if source else None,
    }
    with serve(data_dir, source=source) as servers:
        out["check"] = check_mix(servers)
        if not out["check"]["ok"]:
            return out
        warm_up(servers, warm_up_s)
        out["sequential"] = sequential(servers, rounds=sequential_rounds)
        if throughput_too:
            out["throughput"] = throughput(
                servers, duration_s=duration_s, concurrencies=concurrencies
            )
        if growth_n:
            out["growth"] = growth(servers, n=growth_n)
        if soak_s:
            out["soak"] = soak(servers, seconds=soak_s, connections=soak_connections)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True, help="a loaded embedded graph")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per load run")
    parser.add_argument(
        "--concurrency", default=",".join(map(str, CONCURRENCY)), help="comma-separated"
    )
    parser.add_argument("--warm-up", type=float, default=5.0, help="seconds per target")
    parser.add_argument("--rounds", type=int, default=50, help="sequential passes of the mix")
    parser.add_argument("--soak", type=float, default=None, help="seconds of GraphQL load")
    parser.add_argument("--soak-connections", type=int, default=64)
    parser.add_argument(
        "--source", type=Path, help="serve the `newsgraph` package in this directory instead"
    )
    parser.add_argument("--growth", type=int, default=None, help="N sequential requests per op")
    parser.add_argument("--no-throughput", action="store_true")
    parser.add_argument(
        "--before",
        type=Path,
        help="instead of the rest: compare a directory holding the `newsgraph` package of "
        "before a change with the installed one, side by side (--rounds, --ops)",
    )
    parser.add_argument("--ops", help="comma-separated ops of the mix for --before")
    parser.add_argument(
        "--workers",
        help="instead of the rest: GraphQL throughput at --concurrency (one value) with each "
        "of these comma-separated worker counts, e.g. 1,2, and the ratio to the first",
    )
    parser.add_argument("--out", type=Path, help="also write the JSON here")
    args = parser.parse_args()
    if args.workers:
        compared = workers_comparison(
            args.data_dir,
            counts=[int(n) for n in args.workers.split(",") if n],
            # c=16 unless --concurrency names another (its first value).
            connections=16
            if args.concurrency == ",".join(map(str, CONCURRENCY))
            else int(args.concurrency.split(",")[0]),
            duration_s=args.duration,
            warm_up_s=args.warm_up,
        )
        print(json.dumps(compared, indent=2))
        return
    if args.before is not None:
        ops = args.ops.split(",") if args.ops else None
        compared = side_by_side(args.data_dir, args.before, ops=ops, rounds=args.rounds)
        print(json.dumps(compared, indent=2))
        return
    result = run(
        args.data_dir,
        duration_s=args.duration,
        concurrencies=[int(c) for c in args.concurrency.split(",") if c],
        warm_up_s=args.warm_up,
        sequential_rounds=args.rounds,
        soak_s=args.soak,
        soak_connections=args.soak_connections,
        growth_n=args.growth,
        throughput_too=not args.no_throughput,
        source=args.source,
    )
    text = json.dumps(result, indent=2)
    if args.out:
        args.out.write_text(text + "\n")
    print(text)
    if not result["check"]["ok"] or (result.get("soak") and not result["soak"]["ok"]):
        sys.exit(1)


if __name__ == "__main__":
    main()
