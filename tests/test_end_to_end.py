"""The whole path as a user runs it: `newsgraph serve`, `newsgraph load data/`, GraphQL over
real HTTP, on one embedded graph shared by the two processes."""

from __future__ import annotations

import json
import os
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest

from tests.helpers import NEWSGRAPH, ROOT
from tests.helpers.processes import free_port


class Server:
    def __init__(self, port: int, env: dict[str, str]) -> None:
        self.base = f"http://127.0.0.1:{port}"
        self.env = env

    def get(self, path: str) -> tuple[int, dict[str, Any]]:
        try:
            with urllib.request.urlopen(self.base + path, timeout=10) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read())

    def graphql(self, query: str) -> dict[str, Any]:
        request = urllib.request.Request(
            self.base + "/graphql",
            data=json.dumps({"query": query}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            body: dict[str, Any] = json.loads(response.read())
        assert "errors" not in body, body
        return body["data"]  # type: ignore[no-any-return]

    def cli(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [NEWSGRAPH, *args],
            capture_output=True,
            text=True,
            env=self.env,
            timeout=120,
            check=False,
        )


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    port = free_port()
    env = {**os.environ, "NEWSGRAPH_DATA_DIR": str(tmp_path_factory.mktemp("e2e"))}
    env.pop("NEWSGRAPH_GRAPH_URL", None)
    process = subprocess.Popen(
        [NEWSGRAPH, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    server = Server(port, env)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if server.get("/readyz")[0] == 200:
                break
        except OSError:
            pass
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("newsgraph serve did not become ready in 30 s")
    yield server
    process.terminate()
    process.wait(timeout=30)


def test_load_while_serving_uses_the_same_graph_and_twice_changes_nothing(
    server: Server,
) -> None:
    first = server.cli("load", "--json", str(ROOT / "data"))
    assert first.returncode == 0, first.stderr
    counts = server.graphql("{ stats { articles actors meetings statements } }")["stats"]
    assert counts["articles"] >= 2
    again = server.cli("load", "--json", str(ROOT / "data"))
    assert json.loads(again.stdout)["created"]["articles"] == 0
    assert server.graphql("{ stats { articles actors meetings statements } }")["stats"] == counts


def test_the_first_article_page_lists_the_seeds_with_dates(server: Server) -> None:
    data = server.graphql(
        "{ articles(first: 5) { totalCount edges { node { title publishedOn } } } }"
    )
    titles = {edge["node"]["title"] for edge in data["articles"]["edges"]}
    assert "Zelensky promises developments on security guarantees in 'coming days'" in titles
    assert all(edge["node"]["publishedOn"] for edge in data["articles"]["edges"])


def test_readyz_says_ready_and_not_where_the_graph_is(server: Server) -> None:
    status, body = server.get("/readyz")
    assert (status, body) == (200, {"status": "ready"})
