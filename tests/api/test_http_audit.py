"""GraphQL over HTTP conformance: graphql-http's server audits against `newsgraph serve`."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AUDIT = ROOT / "tools" / "graphql-http-audit" / "audit.mjs"
MODULES = ROOT / "tools" / "graphql-http-audit" / "node_modules"
NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def served_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ, "NEWSGRAPH_DATA_DIR": str(tmp_path_factory.mktemp("audit"))}
    env.pop("NEWSGRAPH_GRAPH_URL", None)
    log = tmp_path_factory.mktemp("audit-log") / "serve.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [NEWSGRAPH, "serve", "--port", str(port)], env=env, stdout=sink, stderr=sink
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(base + "/readyz", timeout=5) as response:
                    if response.status == 200:
                        break
            except (OSError, urllib.error.HTTPError):
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"newsgraph serve did not become ready:\n{log.read_text()}")
            time.sleep(0.1)
        yield base + "/graphql"
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_graphql_over_http_audit_finds_no_error_and_no_warning(served_url: str) -> None:
    node = shutil.which("node")
    if node is None or not MODULES.exists():
        pytest.skip("needs Node.js and `npm ci --prefix tools/graphql-http-audit` (make setup)")
    done = subprocess.run(
        [node, str(AUDIT), served_url], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.stdout, done.stderr
    report = json.loads(done.stdout)
    failing = "\n".join(
        f"{d['status']} {d['id']} {d['name']}: {d['reason']} (HTTP {d['httpStatus']}, "
        f"{d['contentType']})"
        for d in report["details"]
    )
    print(
        f"audit: {report['ok']} ok, {report['notice']} notice, {report['warn']} warn, "
        f"{report['error']} error\n{failing}"
    )
    assert (report["error"], report["warn"]) == (0, 0), failing
    assert report["ok"] > 50, report
