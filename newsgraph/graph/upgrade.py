"""Bringing a graph written by an earlier version up to what today's statements expect.

Schema set-up runs this (``newsgraph db init``, and ``serve`` and ``load`` at start), after the
indexes: users keep their graph (``.newsgraph/``) from one version to the next. Each step is
idempotent and finds nothing to do on a graph written by this version.
"""

from __future__ import annotations

import logging

from newsgraph.graph.cypher import (
    ACTORS_WITH_MET,
    ARTICLE_IDS_AFTER,
    DATED_WITHOUT_DAY_NUMBER,
    MEETING_IDS_AFTER,
    MEETING_TALLIES_REFRESH,
    MEETING_TALLY_TYPES,
    MENTION_TALLIES_REFRESH,
    MET_DAYS_RECOUNT,
    NUMBER_ARTICLE_DAYS,
    NUMBER_MEETING_DAYS,
    NUMBER_STATEMENT_DAYS,
    TALLIES_DONE,
    TALLIES_MARK_DONE,
)
from newsgraph.graph.store import Store

__all__ = ["upgrade"]

log = logging.getLogger(__name__)

# Nodes numbered per write, and actors whose MET edges are recounted per write: each write well
# inside the query timeout on a big graph.
_NODE_BATCH = 10_000
_ACTOR_BATCH = 500
# Meetings or articles tallied per write (each links a few tallies).
_BATCH = 1_000


async def upgrade(store: Store) -> dict[str, int]:
    """Upgrade ``store`` in place; return what changed (nothing on an up-to-date graph)."""
    return {**await _number_days(store), **await _tally_meetings(store)}


async def _tally_meetings(store: Store) -> dict[str, int]:
    """Meeting tallies and pairs, and mention tallies (see cypher.py), for a graph written
    before them: every meeting and article refreshed once, in id order; then the version node
    records it. A set-up stopped
    half-way refreshes them all again, which changes nothing for those already done."""
    rows = await store.read(TALLIES_DONE)
    if rows and rows[0]["done"]:
        return {}
    await store.write(MEETING_TALLY_TYPES)
    out = {}
    for kind, listed, refresh in (
        ("meeting_tallies", MEETING_IDS_AFTER, MEETING_TALLIES_REFRESH),
        ("mention_tallies", ARTICLE_IDS_AFTER, MENTION_TALLIES_REFRESH),
    ):
        after, tallied = "", 0
        while True:
            found = await store.read(listed, {"after": after, "limit": _BATCH})
            ids = [str(row["id"]) for row in found]
            if not ids:
                break
            await store.write(refresh, {"ids": ids})
            tallied += len(ids)
            after = ids[-1]
        if tallied:
            out[kind] = tallied
    await store.write(TALLIES_MARK_DONE)
    if out:
        log.info("graph upgraded: tallies of %s", out)
    return out


async def _number_days(store: Store) -> dict[str, int]:
    """Day numbers beside the dates of articles, meetings and statements (filters and orders
    compare them: FalkorDB compares dates far apart wrongly), and MET edges' first and last
    days, which FalkorDB's min() and max() over dates got wrong too.

    The edges are recounted first, while nodes still lack their numbers: a set-up stopped
    half-way finds those nodes the next time and does both again, so none is left behind.
    """
    rows = await store.read(DATED_WITHOUT_DAY_NUMBER)
    if not rows or not rows[0]["missing"]:
        return {}
    ids = [str(row["id"]) for row in await store.read(ACTORS_WITH_MET)]
    pairs = 0
    for start in range(0, len(ids), _ACTOR_BATCH):
        done = await store.write(MET_DAYS_RECOUNT, {"ids": ids[start : start + _ACTOR_BATCH]})
        pairs += int(done[0]["pairs"]) if done else 0
    numbered = 0
    for statement in (NUMBER_ARTICLE_DAYS, NUMBER_MEETING_DAYS, NUMBER_STATEMENT_DAYS):
        while True:
            done = await store.write(statement, {"limit": _NODE_BATCH})
            count = int(done[0]["numbered"]) if done else 0
            numbered += count
            if count < _NODE_BATCH:
                break
    log.info(
        "graph upgraded: day numbers on %d dated nodes, first and last days of %d MET edges",
        numbered,
        pairs,
    )
    return {"day_numbers": numbered, "met_edges": pairs}
