"""Schemathesis fuzzes the GraphQL API of a real `newsgraph serve` over the loaded corpus.

It generates operations from the introspected schema (every query and mutation field, with
valid and invalid arguments, plus ids and names that exist) and checks each answer: no 5xx,
no error without a client-side code or with INTERNAL_SERVER_ERROR, and no request slower
than the per-request timeout. Mutations run with an API key, so they really write.

NEWSGRAPH_FUZZ_EXAMPLES (per operation) and NEWSGRAPH_FUZZ_SEED make a longer or different
run; the default is fixed so a failure reproduces.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT
from tests.helpers.processes import embedded_env, load_corpus, serving

pytestmark = pytest.mark.fuzz

BIN = Path(sys.executable).parent

KEY = "fuzz-key-0123456789"
EXAMPLES = int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES", "30"))
SEED = os.environ.get("NEWSGRAPH_FUZZ_SEED", "20261122")
MINIMUM_OPERATIONS = 500
REQUEST_TIMEOUT_S = 10


def _graphql(base: str, query: str) -> dict[str, Any]:
    request = urllib.request.Request(
        base + "/graphql",
        data=json.dumps({"query": query}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        body: dict[str, Any] = json.loads(response.read())
    assert "errors" not in body, body
    return body["data"]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`newsgraph load data/corpus`, then `newsgraph serve` with an API key; its base URL."""
    data_dir = tmp_path_factory.mktemp("fuzz-graph")
    env = embedded_env(data_dir, NEWSGRAPH_API_KEYS=KEY, NEWSGRAPH_LOG_LEVEL="warning")
    load_corpus(env)
    with serving(env, data_dir / "serve.log") as served:
        yield served.base


def _dictionary(base: str) -> list[str]:
    """Ids and names that exist, so generated operations reach the graph, not just refusals."""
    data = _graphql(
        base,
        """{ actors(first: 100) { edges { node { id name aliases } } }
             articles(first: 100) { edges { node { id url publisher } } }
             meetings(first: 100) { edges { node { id } } }
             statements(first: 100) { edges { node { id } } }
             topics { id name } }""",
    )
    values: set[str] = set()
    for connection in ("actors", "articles", "meetings", "statements"):
        for edge in data[connection]["edges"]:
            node = edge["node"]
            values.add(node["id"])
            values.update(v for k in ("name", "url", "publisher") if (v := node.get(k)))
            values.update(node.get("aliases") or [])
    for topic in data["topics"]:
        values.update((topic["id"], topic["name"]))
    values.update(("2025-08-20", "2025-08-23", "security guarantees", "Zelensky*", "(", "@x:"))
    return sorted(values)


def test_no_generated_operation_breaks_the_server(server: str, tmp_path: Path) -> None:
    config = tmp_path / "schemathesis.toml"
    config.write_text(
        "[dictionaries.graph]\n"
        f"values = {json.dumps(_dictionary(server), ensure_ascii=False)}\n\n"
        # Page sizes the resolvers accept, and the edges around them: random Ints are nearly
        # all refused (`first` takes 0 to 100), so without these few queries would run.
        "[dictionaries.pages]\n"
        "values = [0, 1, 2, 5, 20, 100, 101, -1, 6, 7]\n\n"
        "[generation.dictionaries.string]\n"
        'dictionary = "graph"\n'
        "probability = 0.3\n\n"
        "[generation.dictionaries.integer]\n"
        'dictionary = "pages"\n'
        "probability = 0.7\n",
        encoding="utf-8",
    )
    reports = tmp_path / "report"
    command = [
        str(BIN / "schemathesis"),
        "--config-file",
        str(config),
        "--no-color",
        "run",
        f"{server}/graphql",
        "--max-examples",
        str(EXAMPLES),
        "--seed",
        SEED,
        "--checks",
        "no_internal_error",
        "--request-timeout",
        str(REQUEST_TIMEOUT_S),
        "--max-response-time",
        str(REQUEST_TIMEOUT_S),
        "--header",
        f"Authorization: Bearer {KEY}",
        "--workers",
        "2",
        "--report",
        "json",
        "--report-dir",
        str(reports),
        # No example database (.schemathesis/) left behind in the work tree.
        "--generation-database",
        "none",
    ]
    # The custom check lives in tests/fuzz/hooks.py; the CLI imports it by module name.
    env = {
        **os.environ,
        "SCHEMATHESIS_HOOKS": "tests.fuzz.hooks",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    run = subprocess.run(
        command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900, check=False
    )
    output = run.stdout[-20_000:] + run.stderr[-5_000:]
    [report_file] = reports.glob("*.json")
    report = json.loads(report_file.read_text())
    # Shown with `pytest -s` (make fuzz): how much ran, and what never reached data.
    print(
        f"schemathesis: {report['test_cases']['generated']} operations generated, "
        f"{report['operations']['tested']} root fields, seed {SEED}; never returned data: "
        f"{', '.join(report['warnings']['missing_test_data']) or 'none'}"
    )
    assert run.returncode == 0, output
    assert report["failures"] == [] and report["errors"] == [], output
    generated = report["test_cases"]["generated"]
    assert generated >= MINIMUM_OPERATIONS, f"only {generated} operations generated\n{output}"
    assert report["operations"]["tested"] == report["operations"]["total"], output
