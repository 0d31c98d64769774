"""Every Cypher statement newsgraph can send passes Neo4j's own semantic analyser."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsgraph.graph.cypher import REGISTRY
from newsgraph.graph.dialect import NEO4J
from newsgraph.graph.values import to_params
from tests.helpers import ROOT

LINT = ROOT / "tools" / "cypher-lint" / "lint.mjs"
MODULES = ROOT / "tools" / "cypher-lint" / "node_modules"


def _statements() -> list[dict[str, object]]:
    items: list[dict[str, object]] = [
        {"name": s.name, "query": s.text("neo4j"), "parameters": to_params(dict(s.example))}
        for s in REGISTRY.values()
    ]
    items += [
        {"name": f"SCHEMA_{i}", "query": ddl, "parameters": {}}
        for i, ddl in enumerate(NEO4J.schema_statements())
    ]
    return items


def _lint(items: list[dict[str, object]]) -> list[dict[str, object]]:
    node = shutil.which("node")
    if node is None or not MODULES.exists():
        pytest.skip("needs Node.js and `npm ci --prefix tools/cypher-lint` (make setup does it)")
    # Neo4j's analyser takes about a second a statement: the registry goes in slices, one
    # linter per core, each slice with a time limit of its own (not one limit for all of it).
    workers = max(1, os.cpu_count() or 1)
    slices = [items[i::_SLICES] for i in range(_SLICES)]
    result: list[dict[str, object]] = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for done in pool.map(lambda part: _lint_slice(node, part), [p for p in slices if p]):
            result.extend(done)
    return result


_SLICES = 6


def _lint_slice(node: str, items: list[dict[str, object]]) -> list[dict[str, object]]:
    done = subprocess.run(
        [node, str(LINT)],
        input=json.dumps(items),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: list[dict[str, object]] = json.loads(done.stdout)
    return result


def test_every_registered_statement_and_the_schema_ddl_lint_clean_on_neo4j() -> None:
    items = _statements()
    assert len(items) > 30
    errors = [d for d in _lint(items) if d["severity"] == "error"]
    report = "\n\n".join(f"{d['name']} {d['line']}:{d['column']}: {d['message']}" for d in errors)
    assert not errors, report


def test_the_linter_catches_a_broken_statement() -> None:
    # Proves the check above can fail: an undefined variable and an unknown procedure.
    items = [
        {"name": "BROKEN", "query": "MATCH (a:Actor) RETURN b", "parameters": {}},
        {
            "name": "FALKOR_ONLY",
            "query": "CALL db.idx.fulltext.queryNodes('Actor', $q) YIELD node RETURN node",
            "parameters": {"q": "x"},
        },
    ]
    names = {d["name"] for d in _lint(items) if d["severity"] == "error"}
    assert names == {"BROKEN", "FALKOR_ONLY"}
