"""A load killed at a random point, then run again, leaves the graph a clean load makes.

Ids are derived from the input and every write is idempotent (co-mention counts grow only when
the write creates the article), so whatever part of the run was written before the kill, the
second run completes it to the same graph. The kill time is drawn with a fixed seed between 20%
and 80% of a clean run's writing (timed from its first write, as start-up time varies most);
NDJSON is one file of many articles, so there the kill lands inside a file.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

from tests.helpers import NEWSGRAPH
from tests.helpers.faults import CleanLoad, dump_graph, environment, load, wait_for_first_article

SEED = 1807


def test_a_load_killed_midway_then_run_again_equals_a_clean_load(
    clean: CleanLoad, tmp_path: Path
) -> None:
    data_dir = tmp_path / "graph"
    env = environment(data_dir)
    fraction = random.Random(SEED).uniform(0.2, 0.8)
    process = subprocess.Popen(
        [NEWSGRAPH, "load", str(clean.source)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    # Kill once the graph shows the chosen share of the articles: a point in the run that the
    # machine's speed cannot move, unlike a delay.
    wait_for_first_article(data_dir, process, at_least=int(fraction * clean.articles))
    process.kill()
    process.wait()

    # The killed loader's server still runs; reading the graph attaches to it.
    partial = dump_graph(data_dir)
    written = sum("Article" in node["labels"] for node in partial["nodes"])
    assert 0 < written < clean.articles, f"the kill did not land mid-run: {written} articles"

    again = load(clean.source, env=env)
    assert again["created"]["articles"] + written >= clean.articles
    after = dump_graph(data_dir)
    assert len(after["nodes"]) == len(clean.dump["nodes"])
    assert len(after["relationships"]) == len(clean.dump["relationships"])
    assert after == clean.dump
    print(
        f"\n{clean.source.name}: killed at {fraction:.0%} of the articles, "
        f"{written}/{clean.articles} articles in; after the re-run "
        f"{len(after['nodes'])} nodes and {len(after['relationships'])} relationships, "
        "identical to a clean load"
    )
