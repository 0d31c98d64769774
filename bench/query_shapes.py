"""Why some statements of newsgraph/graph/cypher.py have the shape they have: each beside the
shape it replaced, on one embedded FalkorDB holding the seeded synthetic corpus.

- owner_page_limit_in_subquery: ACTOR_STATEMENTS (an actor's statements, as Actor.statements
  pages them) sorts on the stored values and cuts with LIMIT inside its subquery; the
  alternative builds every statement's sort key, sorts the whole list on it and slices after.
- timeline_actor_first: TIMELINE_PAGE matches the actor on its own, then its statements; the
  alternative puts the actor in the same MATCH as the date filter. (Its meetings and articles
  come through its monthly tallies, here every month of them.)
- timeline_order_on_days: TIMELINE_PAGE orders on the stored day numbers and ids; the
  alternative builds the sort key string for every item and orders on it.
- met_recount_with: MET_DAYS_RECOUNT keeps the id index through `WITH x`; the alternative
  goes straight on to the pattern.
- article_page_order_on_days: ARTICLE_PAGE (newest first) orders on the stored day numbers and
  ids; the alternative builds every article's sort key and orders on it.
- article_page_bare_filter: the lists' optional date filter (`$from IS NULL OR ...`) beside the
  bare one (`day_number >= $from`), which FalkorDB's planner serves from the range index, for
  the last month and for the whole span. Here the alternative is not the shape replaced but
  the one not taken: a ratio below 1 is where it would be faster.

Both statements of a pair must answer the same; then they run alternately, ``--runs`` times
each, and ``ratio`` is the alternative's median over the current statement's (above 1: the
current shape is faster). The result goes to bench/results/query_shapes.json.

    .venv/bin/python bench/query_shapes.py --articles 3000
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write

from newsgraph.graph import Store, open_graph
from newsgraph.graph.cypher import (
    ACTOR_STATEMENTS,
    ACTORS_WITH_MET,
    ARTICLE_PAGES,
    MET_DAYS_RECOUNT,
    TIMELINE_MONTHS,
    TIMELINE_PAGE,
    Statement,
)
from newsgraph.ingest.extract.reference import load_reference
from newsgraph.ingest.pipeline import load_paths
from newsgraph.settings import Settings

RESULTS = Path(__file__).resolve().parent / "results" / "query_shapes.json"


def _replaced(statement: Statement, pattern: str, replacement: str, name: str) -> Statement:
    """``statement`` with every match of ``pattern`` replaced; it must match."""
    text, count = re.subn(pattern, replacement, statement.cypher)
    if not count:
        raise RuntimeError(f"{name}: {statement.name} no longer has the shape this compares")
    return Statement(name, text, statement.example, statement.write)


TIMELINE_ACTOR_IN_MATCH = _replaced(
    TIMELINE_PAGE,
    r"MATCH \(actor:Actor \{id: \$actor\}\)\s+WITH actor\s+MATCH \(actor\)",
    "MATCH (actor:Actor {id: $actor})",
    "TIMELINE_ACTOR_IN_MATCH",
)
TIMELINE_ORDER_ON_KEY = _replaced(
    TIMELINE_PAGE,
    r"WITH (\w) ORDER BY \1\.day_number IS NULL, \1\.day_number, \1\.id LIMIT \$first",
    r"WITH \1 ORDER BY coalesce(\1.day, '9999') + '|' + \1.id LIMIT $first",
    "TIMELINE_ORDER_ON_KEY",
)
MET_RECOUNT_WITHOUT_WITH = _replaced(
    MET_DAYS_RECOUNT,
    r"(MATCH \(x:Actor \{id: id\}\))\s+WITH x\s+MATCH \(x\)",
    r"\1\n    MATCH (x)",
    "MET_RECOUNT_WITHOUT_WITH",
)

ARTICLE_PAGE = ARTICLE_PAGES["DESC"]
ARTICLE_PAGE_BARE_FILTER = _replaced(
    ARTICLE_PAGE,
    r"\(\$from IS NULL OR n\.day_number >= \$from\) AND \(\$to IS NULL OR n\.day_number <= \$to\)",
    "n.day_number >= $from AND n.day_number <= $to",
    "ARTICLE_PAGE_BARE_FILTER",
)
ARTICLE_PAGE_ORDER_ON_KEY = _replaced(
    ARTICLE_PAGE,
    r"WITH (\w) ORDER BY \1\.day_number IS NOT NULL, \1\.day_number DESC, \1\.id DESC "
    r"LIMIT \$first\s+WITH \1, (.+?) AS sk\n",
    r"WITH \1, \2 AS sk ORDER BY sk DESC LIMIT $first\n    WITH \1, sk\n",
    "ARTICLE_PAGE_ORDER_ON_KEY",
)

ACTOR_STATEMENTS_COLLECTED = _replaced(
    ACTOR_STATEMENTS,
    r"WITH key, s\s+WHERE key\.after IS NULL OR (.+?) < key\.after\s+WITH s\s+"
    r"ORDER BY s\.day_number IS NOT NULL, s\.day_number DESC, s\.id DESC\s+LIMIT \$first\s+"
    r"RETURN collect\(\{id: s\.id, sk: (.+?), node:",
    r"WITH key, s, \1 AS sk WHERE key.after IS NULL OR sk < key.after\n"
    r"      WITH s, sk ORDER BY sk DESC\n"
    r"      RETURN collect({id: s.id, sk: sk, node:",
    "ACTOR_STATEMENTS_COLLECTED",
)

BUSIEST_ACTOR = Statement(
    "BUSIEST_ACTOR",
    """
    MATCH (a:Actor)-[:PARTICIPATED_IN|SAID]->(x)
    RETURN a.id AS id, count(x) AS items ORDER BY items DESC, id LIMIT 1
    """,
    {},
)
DAY_SPAN = Statement(
    "DAY_SPAN",
    "MATCH (n:Article) RETURN min(n.day_number) AS first, max(n.day_number) AS last",
    {},
)


async def _median_ms(
    store: Store, statement: Statement, params: Mapping[str, Any], runs: int
) -> list[float]:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        await (store.write if statement.write else store.read)(statement, params)
        times.append((time.perf_counter() - began) * 1000)
    return times


async def _pair(
    store: Store,
    current: Statement,
    alternative: Statement,
    params: Mapping[str, Any],
    runs: int,
) -> dict[str, Any]:
    """Both statements, alternately (so load on the machine falls on both alike), after
    checking that they answer the same."""
    run = store.write if current.write else store.read
    if await run(current, params) != await run(alternative, params):
        raise RuntimeError(f"{alternative.name} does not answer what {current.name} answers")
    await _median_ms(store, current, params, 2)  # warm the caches of both
    await _median_ms(store, alternative, params, 2)
    now: list[float] = []
    other: list[float] = []
    for _ in range(runs):
        now += await _median_ms(store, current, params, 1)
        other += await _median_ms(store, alternative, params, 1)
    now_ms, other_ms = statistics.median(now), statistics.median(other)
    return {
        "current_ms": round(now_ms, 2),
        "alternative_ms": round(other_ms, 2),
        "ratio": round(other_ms / now_ms, 2),
    }


async def measure(count: int, work: Path, runs: int) -> dict[str, Any]:
    corpus = write(count, "json", work / f"json-{count}")
    graph = await open_graph(Settings(data_dir=work / "shapes-graph"))
    try:
        store = graph.store
        await store.setup_schema()
        report = await load_paths([corpus], store, load_reference())
        if report.failed:
            raise RuntimeError(f"bench load failed: {report.failed[0].error}")
        (busiest,) = await store.read(BUSIEST_ACTOR)
        met_ids = [row["id"] for row in await store.read(ACTORS_WITH_MET)]
        (span,) = await store.read(DAY_SPAN)
        month = {"from": span["last"] - 30, "to": span["last"]}
        whole = {"from": span["first"], "to": span["last"]}
        articles: dict[str, Any] = {"publisher": None, "topic": None, "from": None, "to": None}
        articles |= {"after": None, "first": 21}
        timeline = {"actor": busiest["id"], "from": None, "to": None, "after": None, "first": 21}
        # Every month of the actor's meetings and mentions: the shapes order all its items.
        months = await store.read(TIMELINE_MONTHS, {"actor": busiest["id"]})
        for kind in ("Meeting", "Article"):
            timeline[f"{kind.lower()}_months"] = [r["month"] for r in months if r["kind"] == kind]
        result: dict[str, Any] = {
            "articles": count,
            "busiest_actor_items": busiest["items"],
            "actors_with_met": len(met_ids),
            "runs": runs,
        }
        owner_key = {"key": "0", "owner": busiest["id"], "after": None, "first": 21}
        owner_key |= {"from": None, "to": None, "topic": None, "min_confidence": None}
        owner = {"keys": [owner_key | {"mode": None, "status": None}], "first": 21}
        shapes = {
            "owner_page_limit_in_subquery": (ACTOR_STATEMENTS, ACTOR_STATEMENTS_COLLECTED, owner),
            "timeline_actor_first": (TIMELINE_PAGE, TIMELINE_ACTOR_IN_MATCH, timeline),
            "timeline_order_on_days": (TIMELINE_PAGE, TIMELINE_ORDER_ON_KEY, timeline),
            "met_recount_with": (MET_DAYS_RECOUNT, MET_RECOUNT_WITHOUT_WITH, {"ids": met_ids}),
            "article_page_order_on_days": (ARTICLE_PAGE, ARTICLE_PAGE_ORDER_ON_KEY, articles),
            # The current shape is the optional filter: below 1, the bare one would be faster.
            "article_page_bare_filter_month": (
                ARTICLE_PAGE,
                ARTICLE_PAGE_BARE_FILTER,
                articles | month,
            ),
            "article_page_bare_filter_whole": (
                ARTICLE_PAGE,
                ARTICLE_PAGE_BARE_FILTER,
                articles | whole,
            ),
        }
        for name, (current, alternative, params) in shapes.items():
            result[name] = await _pair(store, current, alternative, params, runs)
    finally:
        await graph.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--work", type=Path, help="where the corpus and graph go (default: temp)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        result = asyncio.run(measure(args.articles, args.work or Path(tmp), args.runs))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
