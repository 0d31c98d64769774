"""bench/cached_reads.py runs at the smoke plan's size (1,000 articles, where every operation
of the mix finds something): both servers answer the mix alike, a repeated read on the cached
one makes no graph call, and it reports a ratio. No number is asserted."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers import ROOT


def test_the_cached_read_benchmark_runs_at_a_small_size(tmp_path: Path) -> None:
    out = tmp_path / "cached_reads.json"
    completed = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "cached_reads.py"),
            *("--size", "1000", "--duration", "1", "--rounds", "1", "--out", str(out)),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    result = json.loads(out.read_text())
    assert result["errors"] == 0
    assert set(result["graph_calls_on_hit"].values()) == {0}
    assert result["requests_per_s"]["cached"] > 0 and result["requests_per_s"]["uncached"] > 0
    assert result["ratio_cached_over_uncached_rps"] > 0
