"""Running newsgraph as a user does, for the tests that need real processes: the `newsgraph`
command, and `newsgraph serve` on a free port with its own embedded graph.

`newsgraph serve` starts processes of its own: worker processes, and the embedded graph
server (redis-server with FalkorDB), which runs in a session of its own so that a Ctrl-C in a
terminal reaches newsgraph first. A served process that hung at shutdown and was killed left
them running after the test. So `serve` runs in a session of its own too, and teardown asks it
to stop, waits a grace period, then kills its whole process group, and the processes it
started outside that group (the graph server) if it did not stop by itself.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.helpers import CORPUS, NEWSGRAPH


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def embedded_env(data_dir: Path, **settings: str) -> dict[str, str]:
    """The environment of a process on its own embedded graph in `data_dir`, whatever
    NEWSGRAPH_* variables the shell running the tests has."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSGRAPH_")}
    env["NEWSGRAPH_DATA_DIR"] = str(data_dir)
    # These tests write from one process and read from another at once: the server reads the
    # graph version on every request rather than trusting a reading up to a second old (what
    # the response cache's hits otherwise rest on; api/caching.py).
    env["NEWSGRAPH_VERSION_MAX_AGE_MS"] = "0"
    # One process, as the tests that watch it (its memory, its pid, its signals) expect; the
    # tests of `serve --workers` ask for more.
    env["NEWSGRAPH_WORKERS"] = "1"
    env.update(settings)
    return env


def run_cli(
    *args: str, env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [NEWSGRAPH, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def load_corpus(env: dict[str, str], *paths: Path) -> None:
    done = run_cli("load", *(str(p) for p in paths or (CORPUS,)), env=env)
    assert done.returncode == 0, done.stdout + done.stderr


def _tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


@dataclass
class Served:
    """`newsgraph serve` in its own process, spoken to over HTTP at ``base``."""

    process: subprocess.Popen[bytes]
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


def _answers(base: str, ready: bool) -> bool:
    try:
        if ready:
            return httpx.get(f"{base}/readyz", timeout=2).status_code == 200
        httpx.get(f"{base}/healthz", timeout=1)
        return True
    except httpx.TransportError:
        return False


@contextmanager
def serving(
    env: dict[str, str],
    log_path: Path | None = None,
    *,
    ready: bool = True,
    ready_s: float = 60,
    grace_s: float = 20,
) -> Iterator[Served]:
    """`newsgraph serve` on a free port until the block ends; yields it once /readyz says
    ready, or with ``ready=False`` once it listens at all (its graph may be down). Its output
    goes to ``log_path`` (a temporary file without one), quoted when it fails to start. At the
    end it has ``grace_s`` to stop; then it and every process it started are killed."""
    with contextlib.ExitStack() as stack:
        if log_path is None:
            log_path = Path(stack.enter_context(tempfile.TemporaryDirectory())) / "serve.log"
        yield stack.enter_context(_serve(env, log_path, ready, ready_s, grace_s))


@contextmanager
def _serve(
    env: dict[str, str], log_path: Path, ready: bool, ready_s: float, grace_s: float
) -> Iterator[Served]:
    port = free_port()
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [NEWSGRAPH, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            # Its own process group, so teardown can kill everything in it at once.
            start_new_session=True,
        )
    served = Served(process, f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + ready_s
        while not _answers(served.base, ready):
            if process.poll() is not None:
                raise AssertionError(
                    f"newsgraph serve exited with {process.returncode}:\n{_tail(log_path)}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"newsgraph serve not {'ready' if ready else 'listening'} in "
                    f"{ready_s:.0f} s:\n{_tail(log_path)}"
                )
            time.sleep(0.05)
        yield served
    finally:
        stop_process_tree(process, grace_s)


def descendants(pid: int) -> dict[int, str]:
    """Every live process below ``pid`` (children, theirs, ...), each with its start time,
    which tells it apart from a later process given the same pid."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            found = _stat(int(entry.name))
            if found is not None:
                parents.setdefault(found[1], []).append(int(entry.name))
    out: dict[int, str] = {}
    waiting = [pid]
    while waiting:
        for child in parents.get(waiting.pop(), []):
            found = _stat(child)
            if found is not None and child not in out:
                out[child] = found[2]
                waiting.append(child)
    return out


def _stat(pid: int) -> tuple[str, int, str] | None:
    """State, parent pid and start time of a process; None once it is gone (or a zombie,
    which holds nothing but its exit status)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(") ", 1)[1].split()
    if fields[0] in ("Z", "X"):
        return None
    return fields[0], int(fields[1]), fields[19]


def alive(pid: int, started: str) -> bool:
    """Whether the process that had ``pid`` and start time ``started`` still runs."""
    found = _stat(pid)
    return found is not None and found[2] == started


def stop_process_tree(process: subprocess.Popen[bytes], grace_s: float) -> None:
    """SIGTERM to a process started in its own session, up to ``grace_s`` to exit, then
    SIGKILL to its process group. When it had to be killed, the processes it started in
    sessions of their own (the embedded graph server) are killed too: nothing else would stop
    them. When it stopped by itself, whatever it left running it left on purpose (a graph
    server another process still uses)."""
    started = descendants(process.pid)
    process.terminate()
    try:
        process.wait(timeout=grace_s)
        clean = True
    except subprocess.TimeoutExpired:
        clean = False
    with contextlib.suppress(ProcessLookupError, PermissionError):
        # The group is the pid of its leader; what it still holds (workers) goes with it.
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    if clean:
        return
    for pid, start in started.items():
        if alive(pid, start):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
