"""The tests' `serving` leaves nothing behind: after the block, the served process and every
process it started (worker processes, the embedded graph server) are gone, whether it stopped
when asked or hung and had to be killed."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

from tests.helpers.processes import alive, descendants, embedded_env, serving

# How long teardown waits for a served process that does not stop (it is frozen below).
GRACE_S = 2.0


def _graph_server(data_dir: Path) -> int:
    """The pid of the embedded graph server, as it wrote it for other processes to find."""
    pid: int = json.loads((data_dir / "server.json").read_text())["pid"]
    return pid


def _still_running(started: dict[int, str]) -> list[int]:
    # A killed process may take a moment to be reaped by its new parent.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        left = [pid for pid, start in started.items() if alive(pid, start)]
        if not left:
            return []
        time.sleep(0.05)
    return left


def test_a_served_process_and_everything_it_started_are_gone_after_the_block(
    tmp_path: Path,
) -> None:
    env = embedded_env(tmp_path / "data", NEWSGRAPH_WORKERS="2")
    with serving(env, tmp_path / "serve.log") as served:
        started = descendants(served.process.pid)
        graph_server = _graph_server(tmp_path / "data")
        assert served.readyz() == 200
    # The graph server and two workers (and multiprocessing's helper) were running.
    assert graph_server in started and len(started) >= 3, started
    assert served.process.poll() is not None
    assert _still_running(started) == []


def test_a_served_process_that_hangs_at_shutdown_is_killed_with_everything_it_started(
    tmp_path: Path,
) -> None:
    env = embedded_env(tmp_path / "data")
    with serving(env, tmp_path / "serve.log", grace_s=GRACE_S) as served:
        started = descendants(served.process.pid)
        graph_server = _graph_server(tmp_path / "data")
        # Frozen: it cannot act on the request to stop, as a hung shutdown would not.
        os.kill(served.process.pid, signal.SIGSTOP)
    assert graph_server in started
    assert served.process.returncode == -signal.SIGKILL
    assert _still_running(started) == []
