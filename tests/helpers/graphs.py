"""Checks on a graph: the derived edges a writer keeps up (MET, CO_MENTIONED) and the meeting
tallies and pairs against a full recount from the facts."""

from __future__ import annotations

from newsgraph.graph import Store
from newsgraph.graph.cypher import Statement

__all__ = [
    "RECOUNTED_CO_MENTIONED",
    "RECOUNTED_MET",
    "STORED_CO_MENTIONED",
    "STORED_MET",
    "assert_derived_edges_match_a_recount",
    "assert_meeting_tallies_match_a_recount",
]

# Test-only reads (not part of the product's statements): the MET edges as stored, and as a
# full recount from the held meetings would make them.
STORED_MET = Statement(
    "TEST_STORED_MET",
    """
    MATCH (a:Actor)-[r:MET]->(b:Actor)
    RETURN a.id AS a, b.id AS b, r.count AS count, r.first_on AS first_on, r.last_on AS last_on
    ORDER BY a, b
    """,
    {},
)
RECOUNTED_MET = Statement(
    "TEST_RECOUNTED_MET",
    """
    MATCH (a:Actor)-[:PARTICIPATED_IN]->(m:Meeting {status: 'HELD'})<-[:PARTICIPATED_IN]-(b:Actor)
    WHERE a.id < b.id
    RETURN a.id AS a, b.id AS b, count(DISTINCT m) AS count, min(m.date) AS first_on,
           max(m.date) AS last_on
    ORDER BY a, b
    """,
    {},
)
# The same for co-mentions: each pair's count of the articles that mention both.
STORED_CO_MENTIONED = Statement(
    "TEST_STORED_CO_MENTIONED",
    """
    MATCH (a:Actor)-[r:CO_MENTIONED]->(b:Actor)
    RETURN a.id AS a, b.id AS b, r.count AS count
    ORDER BY a, b
    """,
    {},
)
RECOUNTED_CO_MENTIONED = Statement(
    "TEST_RECOUNTED_CO_MENTIONED",
    """
    MATCH (a:Actor)<-[:MENTIONS]-(shared:Article)-[:MENTIONS]->(b:Actor)
    WHERE a.id < b.id
    RETURN a.id AS a, b.id AS b, count(DISTINCT shared) AS count
    ORDER BY a, b
    """,
    {},
)


# Meeting tallies (see newsgraph/graph/cypher.py): per actor, month, mode and status, and per
# pair of actors, as stored and as counted from the meetings; and the links that do not hold
# (a tally linking a meeting of another actor, month, mode or status; a pair linking a
# meeting one of them did not take part in).
_MONTH = "CASE WHEN m.day_number IS NULL OR m.day IS NULL THEN '' ELSE substring(m.day, 0, 7) END"
STORED_TALLIES = Statement(
    "TEST_STORED_TALLIES",
    """
    MATCH (t:MeetingTally)
    RETURN t.actor AS actor, t.month AS month, t.mode AS mode, t.status AS status,
           t.count AS count
    ORDER BY actor, month, mode, status
    """,
    {},
)
RECOUNTED_TALLIES = Statement(
    "TEST_RECOUNTED_TALLIES",
    f"""
    MATCH (a:Actor)-[:PARTICIPATED_IN]->(m:Meeting)
    WITH a.id AS actor, {_MONTH} AS month, coalesce(m.mode, 'UNKNOWN') AS mode,
         coalesce(m.status, 'HELD') AS status, count(DISTINCT m) AS count
    RETURN actor, month, mode, status, count
    ORDER BY actor, month, mode, status
    """,
    {},
)
STORED_PAIRS = Statement(
    "TEST_STORED_PAIRS",
    """
    MATCH (p:MeetingPair)
    RETURN p.left AS a, p.right AS b, p.count AS count ORDER BY a, b
    """,
    {},
)
RECOUNTED_PAIRS = Statement(
    "TEST_RECOUNTED_PAIRS",
    """
    MATCH (x:Actor)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(y:Actor)
    WHERE x.id < y.id
    RETURN x.id AS a, y.id AS b, count(DISTINCT m) AS count ORDER BY a, b
    """,
    {},
)
WRONG_TALLY_LINKS = Statement(
    "TEST_WRONG_TALLY_LINKS",
    f"""
    OPTIONAL MATCH (t:MeetingTally)-[:TALLIES]->(m:Meeting)
    WHERE t.month <> {_MONTH} OR t.mode <> coalesce(m.mode, 'UNKNOWN')
       OR t.status <> coalesce(m.status, 'HELD')
       OR NOT (:Actor {{id: t.actor}})-[:PARTICIPATED_IN]->(m)
    WITH count(m) AS tallies
    OPTIONAL MATCH (p:MeetingPair)-[:PAIRS]->(m:Meeting)
    WHERE NOT (:Actor {{id: p.left}})-[:PARTICIPATED_IN]->(m)
       OR NOT (:Actor {{id: p.right}})-[:PARTICIPATED_IN]->(m)
    RETURN tallies, count(m) AS pairs
    """,
    {},
)
# Tallies a write marked for its recount and left marked.
STILL_STALE = Statement(
    "TEST_STILL_STALE_TALLIES",
    """
    MATCH (t) WHERE (t:MeetingTally OR t:MeetingPair OR t:MentionTally) AND t.stale = true
    RETURN count(t) AS stale
    """,
    {},
)


# Mention tallies: as stored, and the facts to count them from (in Python, below).
STORED_MENTION_TALLIES = Statement(
    "TEST_STORED_MENTION_TALLIES",
    """
    MATCH (t:MentionTally)
    OPTIONAL MATCH (t)-[:TALLIES_MENTION]->(n:Article)
    WITH t, n ORDER BY n.id
    RETURN t.actor AS actor, t.month AS month, t.publishers AS publishers, t.count AS count,
           collect(n.id) AS articles
    ORDER BY actor, month, publishers
    """,
    {},
)
ARTICLE_MENTIONS = Statement(
    "TEST_ARTICLE_MENTIONS",
    """
    MATCH (n:Article)-[:MENTIONS]->(a:Actor)
    RETURN n.id AS article, n.day AS day, n.day_number AS number, a.id AS actor,
           [(n)-[:PUBLISHED_BY]->(p:Actor) | p.id] AS publishers
    """,
    {},
)


async def _recounted_mention_tallies(store: Store) -> list[dict[str, object]]:
    tallies: dict[tuple[str, str, str], set[str]] = {}
    for row in await store.read(ARTICLE_MENTIONS):
        dated = row["day"] is not None and row["number"] is not None
        month = row["day"][:7] if dated else ""
        key = (row["actor"], month, ",".join(sorted(row["publishers"])))
        tallies.setdefault(key, set()).add(row["article"])
    return [
        {
            "actor": actor,
            "month": month,
            "publishers": publishers,
            "count": len(articles),
            "articles": sorted(articles),
        }
        for (actor, month, publishers), articles in sorted(tallies.items())
    ]


async def assert_meeting_tallies_match_a_recount(store: Store) -> None:
    """The meeting tallies and pairs as stored equal a full recount from the meetings, and each
    links only meetings it counts; the mention tallies link and count exactly the articles
    naming their actor in their month with their publishers."""
    assert await store.read(STORED_TALLIES) == await store.read(RECOUNTED_TALLIES)
    assert await store.read(STORED_PAIRS) == await store.read(RECOUNTED_PAIRS)
    assert await store.read(WRONG_TALLY_LINKS) == [{"tallies": 0, "pairs": 0}]
    assert await store.read(STORED_MENTION_TALLIES) == await _recounted_mention_tallies(store)
    assert await store.read(STILL_STALE) == [{"stale": 0}]


async def assert_derived_edges_match_a_recount(store: Store) -> None:
    """MET, CO_MENTIONED and the meeting tallies as stored equal a full recount from the facts."""
    assert await store.read(STORED_MET) == await store.read(RECOUNTED_MET)
    assert await store.read(STORED_CO_MENTIONED) == await store.read(RECOUNTED_CO_MENTIONED)
    await assert_meeting_tallies_match_a_recount(store)
