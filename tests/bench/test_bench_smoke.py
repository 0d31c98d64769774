"""The benchmark code runs, end to end, at its smallest size.

Benchmarks are never timed assertions here: this checks that `bench/run.py` loads, serves,
drives both targets, soaks and writes its three reports, and that what it reports is
well-formed. The numbers themselves come from `make bench`.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT


def test_the_benchmark_runs_at_its_smallest_size_and_writes_its_reports(
    tmp_path: Path,
) -> None:
    out = tmp_path / "results"
    completed = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--plan", "smoke", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    results = json.loads((out / "results.json").read_text())

    loader = results["loader"]
    assert loader["structured_per_s"] > 0 and loader["bare_unwind_per_s"] > 0
    assert loader["raw_text_per_s"] > 0
    extraction = results["extraction"]
    assert extraction["failures"] == 0 and extraction["pool_equals_one_process"]
    assert extraction["one_process_chars_per_s"] > 0 and extraction["pool_chars_per_s"] > 0
    (graph,) = results["graphs"].values()
    assert graph["articles"] == 1000
    assert 0 < graph["peak_rss_mb"] < 2000

    api = results["api"]
    for target in ("graphql", "direct"):
        for connections in ("1", "16", "64"):
            run = api["throughput"]["summary"][target][connections]
            assert run["requests_per_s"] > 0
            assert run["errors"] == 0
    assert 0 < api["sequential"]["graph_share"] <= 1
    for op in api["sequential"]["ops"].values():
        assert isinstance(op["round_trips"], int) and op["round_trips"] >= 1
    assert api["soak"]["ok"]
    workers = results["workers"]
    assert set(workers["best"]) == {"1", "2"} and workers["ratio_over_one_worker"]["1"] == 1.0
    for row in workers["best"].values():
        assert row["requests_per_s"] > 0 and row["errors"] == 0
    # Each of the two workers served: each used CPU of its own.
    assert len(workers["best"]["2"]["cores_busy"]["api_workers"]) == 2
    assert all(busy > 0 for busy in workers["best"]["2"]["cores_busy"]["api_workers"])
    assert {row["target"] for row in results["targets"]} >= {
        "structured load / bare UNWIND insert",
        "round trips per operation do not grow with the corpus",
        "GraphQL throughput at c=16, 2 workers / 1 worker",
    }

    report = (out / "results.md").read_text()
    assert "| Target | Goal | Measured | Met |" in report
    assert (out / "latency.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def test_the_query_shapes_benchmark_compares_each_statement_with_the_shape_it_replaced(
    tmp_path: Path,
) -> None:
    # The alternatives are rewritten from the current statements: a statement whose shape
    # changes makes the script refuse to run, so its comment's reference stays true.
    out = tmp_path / "query_shapes.json"
    completed = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "query_shapes.py"),
            *("--articles", "60", "--runs", "1", "--out", str(out), "--work", str(tmp_path)),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    results = json.loads(out.read_text())
    assert results["articles"] == 60
    shapes = {name: value for name, value in results.items() if isinstance(value, dict)}
    assert set(shapes) == {
        "owner_page_limit_in_subquery",
        "timeline_actor_first",
        "timeline_order_on_days",
        "met_recount_with",
        "article_page_order_on_days",
        "article_page_bare_filter_month",
        "article_page_bare_filter_whole",
    }
    for pair in shapes.values():
        assert pair["current_ms"] > 0 and pair["alternative_ms"] > 0 and pair["ratio"] > 0
