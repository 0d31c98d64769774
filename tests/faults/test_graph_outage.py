"""The graph goes away under a running app: /readyz says 503, queries say GRAPH_UNAVAILABLE,
and the app serves the same graph again once it is back, without being restarted.

The embedded server is the app's own to bring back (same data directory, so nothing is lost);
an external FalkorDB is the operator's, and the app reconnects when it answers again.
"""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

from tests.helpers import CORPUS
from tests.helpers.faults import (
    FalkorServer,
    environment,
    launch_lock_held,
    load,
    pid_gone,
    server_state,
)
from tests.helpers.processes import serving

STATS = "{ stats { articles actors meetings statements topics } }"


def _extra_article(folder: Path) -> Path:
    folder.mkdir()
    (folder / "extra.txt").write_text(
        "Title: Schoof calls Zelensky\nSource: Fault Wire\nURL: https://faults.example/1\n"
        "Published: 2025-09-01\n\n"
        "Dutch Prime Minister Dick Schoof held a phone call with Ukrainian President "
        "Volodymyr Zelensky on September 1.\n"
    )
    return folder


def test_a_killed_embedded_server_comes_back_by_itself_with_every_write(tmp_path: Path) -> None:
    data_dir = tmp_path / "graph"
    env = environment(data_dir)
    load(CORPUS, env=env)
    with serving(env, ready=False) as api:
        api.wait_for(True, 30)
        before = api.stats()
        assert before is not None and before["articles"] >= 2
        first = server_state(data_dir)

        # While it cannot be brought back (another process holds the launcher, as if it were
        # starting the server), the outage is reported within the launcher's lock timeout.
        with launch_lock_held(data_dir):
            os.kill(first["pid"], signal.SIGKILL)
            detected_in = api.wait_for(False, 10)
            assert api.stats() is None
        recovered_in = api.wait_for(True, 10)
        assert api.stats() == before
        second = server_state(data_dir)
        assert second["pid"] != first["pid"] and pid_gone(first["pid"])

        # A write acknowledged just before the kill is there after it: the request that finds
        # the server gone brings it back and is answered, with no error.
        load(_extra_article(tmp_path / "extra"), env=env)
        written = api.stats()
        assert written is not None and written["articles"] == before["articles"] + 1
        os.kill(second["pid"], signal.SIGKILL)
        began = time.monotonic()
        assert api.stats() == written
        healed_in = time.monotonic() - began
        third = server_state(data_dir)
        # Same port: other processes' connection pools find it again by themselves.
        assert third["pid"] != second["pid"] and third["port"] == second["port"]
    print(
        f"\nembedded: outage seen in {detected_in:.2f} s, back {recovered_in:.2f} s after the "
        f"launcher was free; a kill healed inside one request in {healed_in:.2f} s"
    )


def test_an_external_falkordb_outage_is_reported_then_recovered_without_restart(
    tmp_path: Path, falkordb: FalkorServer
) -> None:
    env = environment(tmp_path / "unused", falkordb.url)
    load(CORPUS, env=env)
    log = tmp_path / "serve.log"
    with serving({**env, "NEWSGRAPH_LOG_LEVEL": "warning"}, log, ready=False) as api:
        api.wait_for(True, 30)
        before = api.stats()
        assert before is not None and before["articles"] >= 2

        falkordb.kill()
        detected_in = api.wait_for(False, 10)
        body = api.graphql(STATS)
        assert body["errors"][0]["extensions"]["code"] == "GRAPH_UNAVAILABLE"
        # Where the graph is, is for the log (checked below), not for any client.
        message = body["errors"][0]["message"]
        assert f":{falkordb.port}" not in message
        request_id = re.search(r"request id (\w+)", message)
        assert request_id is not None, message

        falkordb.start()  # same port, same data directory
        recovered_in = api.wait_for(True, 10)
        assert api.stats() == before
    logged = [line for line in log.read_text().splitlines() if request_id[1] in line]
    assert logged and all(f"127.0.0.1:{falkordb.port}" in line for line in logged), logged
    assert not (tmp_path / "unused").exists(), "an external graph needs no embedded server"
    print(f"\nexternal: outage seen in {detected_in:.2f} s, recovered in {recovered_in:.2f} s")
