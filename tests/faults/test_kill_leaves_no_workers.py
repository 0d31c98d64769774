"""A load killed while its extraction workers run leaves none of them running.

The workers are spawned interpreters, each holding the language model (200 MB and more), and
the resource tracker multiprocessing starts beside them. A SIGKILL gives the loader no chance
to stop them, and a SIGTERM ends it without running its clean-up, so they must notice by
themselves that it is gone. The embedded graph server is the one process the loader starts
that outlives it on purpose (the next run attaches to it), so it is left out of the count.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import NEWSGRAPH
from tests.helpers.faults import (
    environment,
    kill_embedded_server,
    server_state,
    synthetic_corpus,
    wait_for_first_article,
)
from tests.helpers.processes import alive, descendants

# Enough raw articles for the pool to start (it needs about 64) and still be extracting when
# the first ones are written.
ARTICLES = 200
WORKERS = 2
# How long the loader's processes may take to notice it is gone.
GRACE_S = 5.0


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthetic_corpus(tmp_path_factory.mktemp("orphans"), ARTICLES, "text")


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode().strip()
    except OSError:
        return "(gone)"


def _started_by_the_loader(loader: int, data_dir: Path) -> dict[int, str]:
    """The loader's processes, each with its start time, but the graph server and its own."""
    server = server_state(data_dir)["pid"]
    kept = {server, *descendants(server)}
    return {pid: start for pid, start in descendants(loader).items() if pid not in kept}


def _still_running(started: dict[int, str], within_s: float) -> dict[int, str]:
    """Those of ``started`` still running after ``within_s`` seconds (fewer as they exit)."""
    deadline = time.monotonic() + within_s
    while True:
        running = {pid: start for pid, start in started.items() if alive(pid, start)}
        if not running or time.monotonic() > deadline:
            return running
        time.sleep(0.05)


@contextlib.contextmanager
def _loading(
    corpus: Path, data_dir: Path
) -> Iterator[tuple[subprocess.Popen[bytes], dict[int, str]]]:
    """`newsgraph load` on two workers once it has written its first article, with the
    processes it has started by then (recorded while it runs: once it is gone they have
    another parent). After the block whatever it left is killed, so a failing run does not
    leave the orphans it found behind."""
    process = subprocess.Popen(
        [NEWSGRAPH, "load", "--jobs", str(WORKERS), str(corpus)],
        env=environment(data_dir),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    started: dict[int, str] = {}
    try:
        wait_for_first_article(data_dir, process)
        started = _started_by_the_loader(process.pid, data_dir)
        yield process, started
    finally:
        process.kill()
        process.wait()
        for pid, start in started.items():
            if alive(pid, start):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        kill_embedded_server(data_dir)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_killed_load_leaves_no_extraction_worker_behind(
    corpus: Path, tmp_path: Path, signum: signal.Signals
) -> None:
    data_dir = tmp_path / "graph"
    with _loading(corpus, data_dir) as (loader, started):
        commands = {pid: _command_line(pid) for pid in started}
        workers = [pid for pid, command in commands.items() if "spawn_main" in command]
        assert len(workers) == WORKERS, f"not {WORKERS} extraction workers: {commands}"
        assert loader.poll() is None, "the load ended before the kill"

        loader.send_signal(signum)
        loader.wait()
        killed = time.monotonic()
        left = _still_running(started, GRACE_S)
        gone_in = time.monotonic() - killed

        assert not left, (
            f"{len(left)} of the loader's {len(started)} processes still run {GRACE_S:.0f} s "
            f"after its {signum.name}: " + "; ".join(f"{pid}: {commands[pid]}" for pid in left)
        )
        print(
            f"\n{signum.name}: the loader's {len(started)} processes "
            f"({len(workers)} workers) gone {gone_in:.2f} s after it"
        )
