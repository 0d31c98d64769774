"""`newsgraph serve --workers N`: several processes on one port and one graph, run as a user
types it. Which worker holds a connection is read from /proc (the worker whose socket is the
server end of it), so each test speaks to the worker it means to."""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import signal
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import connect

from tests.helpers.processes import Served, embedded_env, load_corpus, run_cli, serving

KEY = "workers-key"
ACTOR = "query Actor($name: String!) { actor(name: $name) { id name description } }"
ARTICLES = "subscription($after: String) { articleAdded(after: $after) { article { title } } }"
# Connections opened in search of one held by each worker: the kernel hands a new connection
# to whichever worker accepts first, so a few are needed, never many.
TRIES = 200


def _children(pid: int) -> set[int]:
    children: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        children.update(int(child) for child in text)
    return children


def _workers(served: Served) -> set[int]:
    """The worker processes: the children of `serve` running the API (not the graph server,
    which runs in a session of its own and is no child of theirs)."""
    found = set()
    for child in _children(served.process.pid):
        command = Path(f"/proc/{child}/cmdline").read_bytes()
        if b"spawn_main" in command:
            found.add(child)
    return found


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue  # closed meanwhile
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    return inodes


def _holder(server_port: int, client_port: int, workers: set[int]) -> int:
    """The worker holding the server end of the connection from ``client_port``."""
    wanted = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, remote, inode = fields[1], fields[2], fields[9]
            if (
                int(local.rsplit(":", 1)[1], 16) == server_port
                and int(remote.rsplit(":", 1)[1], 16) == client_port
            ):
                wanted.add(inode)
    holders = [pid for pid in workers if _socket_inodes(pid) & wanted]
    assert len(holders) == 1, (holders, wanted)
    return holders[0]


def _port(served: Served) -> int:
    return int(served.base.rsplit(":", 1)[1])


class Pinned:
    """A keep-alive HTTP connection, and the worker at its other end."""

    def __init__(self, served: Served, workers: set[int]) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", _port(served), timeout=60)
        self.connection.connect()
        assert self.connection.sock is not None
        client_port = self.connection.sock.getsockname()[1]
        # The first request makes sure a worker has accepted the connection.
        assert self.get("/healthz")[0] == 200
        self.worker = _holder(_port(served), client_port, workers)

    def request(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        sent = json.dumps(body).encode() if body is not None else None
        given = {"content-type": "application/json", **(headers or {})}
        self.connection.request(method, path, body=sent, headers=given)
        response = self.connection.getresponse()
        content = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, content

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, Any, bytes]:
        return self.request("GET", path, headers=headers)

    def graphql(self, query: str, headers: dict[str, str] | None = None, **variables: Any) -> Any:
        status, _headers, content = self.request(
            "POST", "/graphql", {"query": query, "variables": variables}, headers
        )
        assert status == 200, content
        body = json.loads(content)
        assert "errors" not in body, body
        return body["data"]

    def close(self) -> None:
        self.connection.close()


def _one_per_worker(served: Served) -> dict[int, Pinned]:
    """A connection held by each worker."""
    workers = _workers(served)
    pinned: dict[int, Pinned] = {}
    spare: list[Pinned] = []
    for _ in range(TRIES):
        if len(pinned) == len(workers):
            break
        connection = Pinned(served, workers)
        if connection.worker in pinned:
            spare.append(connection)  # kept open: the next one more likely goes elsewhere
        else:
            pinned[connection.worker] = connection
    for connection in spare:
        connection.close()
    assert set(pinned) == workers, f"no connection reached every worker of {workers}"
    return pinned


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, dict[str, str]]]:
    """`serve --workers 2` on the corpus, trusting a reading of the graph version for a
    minute: only the workers' shared count of mutations makes a reader look again."""
    data_dir = tmp_path_factory.mktemp("workers-graph")
    env = embedded_env(
        data_dir,
        NEWSGRAPH_API_KEYS=KEY,
        NEWSGRAPH_WORKERS="2",
        NEWSGRAPH_VERSION_MAX_AGE_MS="60000",
    )
    load_corpus(env)
    log = tmp_path_factory.mktemp("workers-log") / "serve.log"
    with serving(env, log) as served:
        _until_started(log, 2)
        yield served, env


def test_two_workers_serve_one_port_each_from_its_own_process(
    two: tuple[Served, dict[str, str]],
) -> None:
    served, _env = two
    workers = _workers(served)
    assert len(workers) == 2 and served.process.pid not in workers
    pinned = _one_per_worker(served)
    for connection in pinned.values():
        stats = connection.graphql("{ stats { articles } }")["stats"]
        assert stats["articles"] > 0
        connection.close()


def test_connections_a_client_opens_at_once_are_spread_over_the_workers(
    two: tuple[Served, dict[str, str]],
) -> None:
    # As a load generator or a proxy opens its pool: all connected, then all used. (On one
    # shared listening socket, the worker that woke first took every waiting connection.)
    served, _env = two
    workers = _workers(served)
    pool = [socket.create_connection(("127.0.0.1", _port(served))) for _ in range(16)]
    try:
        for connection in pool:
            connection.sendall(b"GET /healthz HTTP/1.1\r\nhost: test\r\n\r\n")
        for connection in pool:
            assert connection.recv(4096).startswith(b"HTTP/1.1 200")
        holders = [_holder(_port(served), c.getsockname()[1], workers) for c in pool]
    finally:
        for connection in pool:
            connection.close()
    assert set(holders) == workers, holders


def test_a_mutation_through_one_worker_shows_in_the_next_read_on_the_other(
    two: tuple[Served, dict[str, str]],
) -> None:
    served, _env = two
    first, second = _one_per_worker(served).values()
    before = [c.graphql(ACTOR, name="Dick Schoof")["actor"] for c in (first, second)]
    assert before[0] == before[1]
    description = f"Prime Minister, as of a write through worker {first.worker}"
    changed = first.graphql(
        "mutation($id: ID!, $d: String!) { updateActor(id: $id, input: {description: $d}) "
        "{ __typename } }",
        headers={"authorization": f"Bearer {KEY}"},
        id=before[0]["id"],
        d=description,
    )
    assert changed["updateActor"]["__typename"] == "ActorChanged"
    # Each worker read the version under a minute ago and cached the answer under it.
    after = second.graphql(ACTOR, name="Dick Schoof")["actor"]
    assert after["description"] == description
    first.close()
    second.close()


def test_an_etag_from_one_worker_gets_304_from_the_other(
    two: tuple[Served, dict[str, str]],
) -> None:
    served, _env = two
    first, second = _one_per_worker(served).values()
    path = "/graphql?query=%7B%20stats%20%7B%20actors%20%7D%20%7D"
    status, headers, _ = first.get(path)
    assert status == 200 and headers["etag"]
    again, _headers, content = second.get(path, headers={"if-none-match": headers["etag"]})
    assert again == 304, content
    first.close()
    second.close()


async def test_a_subscription_on_one_worker_gets_what_a_mutation_on_the_other_writes(
    two: tuple[Served, dict[str, str]],
) -> None:
    served, _env = two
    url = served.base.replace("http://", "ws://") + "/graphql"
    init = {"type": "connection_init", "payload": {"Authorization": f"Bearer {KEY}"}}
    async with connect(url, subprotocols=["graphql-transport-ws"]) as subscriber:
        await subscriber.send(json.dumps(init))
        assert json.loads(await subscriber.recv())["type"] == "connection_ack"
        holder = _holder(_port(served), subscriber.local_address[1], _workers(served))
        pinned = await asyncio.to_thread(_one_per_worker, served)
        (writer,) = [connection for worker, connection in pinned.items() if worker != holder]
        # From the start of the event log: what the write adds arrives whenever the
        # subscription started reading.
        subscribe = {"query": ARTICLES, "variables": {"after": "0"}}
        await subscriber.send(json.dumps({"id": "1", "type": "subscribe", "payload": subscribe}))
        title = f"Written through worker {writer.worker}"
        written = await asyncio.to_thread(
            writer.graphql,
            "mutation($a: ArticleInput!) { ingestArticle(input: $a) { __typename } }",
            {"authorization": f"Bearer {KEY}"},
            a={"title": title, "body": "Nothing of note happened today."},
        )
        assert written["ingestArticle"]["__typename"]
        while True:
            received = json.loads(await asyncio.wait_for(subscriber.recv(), 60))
            assert received["type"] == "next", received
            if received["payload"]["data"]["articleAdded"]["article"]["title"] == title:
                break
        for connection in pinned.values():
            connection.close()


def test_a_worker_that_dies_is_replaced_and_serving_goes_on(tmp_path: Path) -> None:
    env = embedded_env(tmp_path / "graph", NEWSGRAPH_WORKERS="2")
    log = tmp_path / "serve.log"
    with serving(env, log) as served:
        _until_started(log, 2)
        victim = min(_workers(served))
        os.kill(victim, signal.SIGKILL)
        # Its replacement has started when a third worker has said so.
        _until_started(log, 3)
        assert victim not in _workers(served) and len(_workers(served)) == 2
        for connection in _one_per_worker(served).values():
            status, _headers, content = connection.get("/readyz")
            assert status == 200, content
            connection.close()
    assert f"worker {victim} died (exit status -9); worker " in log.read_text()


def _until_started(log: Path, workers: int, wait_s: float = 120) -> None:
    deadline = time.monotonic() + wait_s
    while log.read_text().count("Application startup complete") < workers:
        if time.monotonic() > deadline:
            pytest.fail(f"{workers} workers not started in {wait_s:.0f} s:\n{log.read_text()}")
        time.sleep(0.1)


def _server_state(data_dir: Path) -> dict[str, Any] | None:
    path = data_dir / "server.json"
    return json.loads(path.read_text()) if path.exists() else None


def test_sigterm_stops_the_workers_and_the_embedded_server_serve_started(tmp_path: Path) -> None:
    data_dir = tmp_path / "graph"
    env = embedded_env(data_dir, NEWSGRAPH_WORKERS="2")
    with serving(env) as served:
        workers = _workers(served)
        state = _server_state(data_dir)
        assert state is not None and state["owner_pid"] == served.process.pid
        served.process.send_signal(signal.SIGTERM)
        assert served.process.wait(timeout=60) == 0
    assert _server_state(data_dir) is None
    for pid in (*workers, state["pid"]):
        assert not Path(f"/proc/{pid}").exists() or _zombie(pid), pid


def test_sigterm_leaves_the_embedded_server_running_for_another_client(tmp_path: Path) -> None:
    data_dir = tmp_path / "graph"
    env = embedded_env(data_dir, NEWSGRAPH_WORKERS="2")
    with serving(env) as served:
        state = _server_state(data_dir)
        assert state is not None
        # Another client of the graph server: a `newsgraph load`, say.
        with socket.create_connection(("127.0.0.1", state["port"])) as other:
            served.process.send_signal(signal.SIGTERM)
            assert served.process.wait(timeout=60) == 0
            left = _server_state(data_dir)
            assert left == {**state, "owner_pid": None}
            other.sendall(b"PING\r\n")
            assert other.recv(16) == b"+PONG\r\n"
    # The test's own clean-up: the graph server is now nobody's.
    done = run_cli("db", "stats", env=env)
    assert done.returncode == 0, done.stderr
    os.kill(state["pid"], signal.SIGTERM)


def _zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1][:1] == "Z"
    except OSError:
        return True


@pytest.mark.parametrize("given", [["--workers", "0"], ["--workers", "-2"], []])
def test_a_worker_count_below_one_is_refused_naming_the_option(
    tmp_path: Path, given: list[str]
) -> None:
    env = embedded_env(tmp_path / "graph", NEWSGRAPH_WORKERS="0" if not given else "1")
    done = run_cli("serve", "--port", "0", *given, env=env, timeout=60)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "--workers" in done.stderr and "greater than or equal to 1" in done.stderr
    assert not (tmp_path / "graph" / "server.json").exists()
