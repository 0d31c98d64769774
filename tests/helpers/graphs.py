"""Checks on a graph: the derived edges a writer keeps up (MET, CO_MENTIONED) against a full
recount from the facts."""

from __future__ import annotations

from newsgraph.graph import Store
from newsgraph.graph.cypher import Statement

__all__ = [
    "RECOUNTED_CO_MENTIONED",
    "RECOUNTED_MET",
    "STORED_CO_MENTIONED",
    "STORED_MET",
    "assert_derived_edges_match_a_recount",
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


async def assert_derived_edges_match_a_recount(store: Store) -> None:
    """MET and CO_MENTIONED as stored equal a full recount from the facts."""
    assert await store.read(STORED_MET) == await store.read(RECOUNTED_MET)
    assert await store.read(STORED_CO_MENTIONED) == await store.read(RECOUNTED_CO_MENTIONED)
