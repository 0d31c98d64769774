"""Meeting tallies and pairs (derived counts an actor's meeting aggregates and the meetings of
two actors read, see newsgraph/graph/cypher.py) stay equal to a count from the meetings through
loads, reloads, merged reports, changed modes, deleted articles, merged actors and the upgrade
of a graph written before them."""

from __future__ import annotations

from newsgraph.graph import Store, cypher
from newsgraph.graph.corrections import delete_article, merge_actors
from newsgraph.graph.cypher import Statement
from newsgraph.graph.maintenance import dump
from newsgraph.ingest.model import MeetingMode
from newsgraph.ingest.write.writer import ArticleWriter
from tests.helpers.factories import article, corpus, meeting
from tests.helpers.graphs import (
    RECOUNTED_PAIRS,
    RECOUNTED_TALLIES,
    assert_meeting_tallies_match_a_recount,
)

_FORGET_TALLIES = Statement(
    "TEST_FORGET_TALLIES",
    """
    OPTIONAL MATCH (t) WHERE t:MeetingTally OR t:MeetingPair
    DETACH DELETE t
    WITH count(*) AS _
    MATCH (version:GraphVersion)
    REMOVE version.tallies
    RETURN count(*) AS done
    """,
    {},
    write=True,
)
_ARTICLE_IDS = Statement(
    "TEST_ARTICLE_IDS_WITH_MEETINGS",
    "MATCH (n:Article)-[:REPORTS]->(:Meeting) RETURN DISTINCT n.id AS id ORDER BY id",
    {},
)
_TWO_BUSY_ACTORS = Statement(
    "TEST_TWO_BUSY_ACTORS",
    """
    MATCH (a:Actor)-[:PARTICIPATED_IN]->(m:Meeting)
    WITH a, count(m) AS n ORDER BY n DESC, a.id LIMIT 2
    RETURN a.id AS id ORDER BY id
    """,
    {},
)


async def test_tallies_equal_a_recount_after_loads_reloads_and_deletes(store: Store) -> None:
    writer = ArticleWriter(store)
    articles = corpus(120)
    await writer.write_batch(articles[:60])
    for item in articles[60:]:
        await writer.write(item)
    tallies = await store.read(RECOUNTED_TALLIES)
    assert sum(row["count"] for row in tallies) > 100
    await assert_meeting_tallies_match_a_recount(store)

    before = await dump(store)
    await writer.write_batch(articles[:40])
    assert await dump(store) == before, "reloading changed the tallies"

    ids = [row["id"] for row in await store.read(_ARTICLE_IDS)]
    for key in ids[:10]:
        await delete_article(store, key)
    await assert_meeting_tallies_match_a_recount(store)


async def test_a_changed_mode_moves_the_meeting_to_its_new_tally(store: Store) -> None:
    writer = ArticleWriter(store)
    people = ["Ann Example", "Bo Example"]
    unknown = meeting(*people, mode=MeetingMode.UNKNOWN)
    await writer.write(
        article("Ann met Bo", url="https://example.org/1", people=people, meetings=[unknown])
    )
    phone = meeting(*people, mode=MeetingMode.PHONE)
    await writer.write(
        article("Ann called Bo", url="https://example.org/2", people=people, meetings=[phone])
    )
    tallies = await store.read(RECOUNTED_TALLIES)
    assert {row["mode"] for row in tallies} == {"PHONE"}
    assert await store.read(RECOUNTED_PAIRS) == [
        {"a": "ann-example", "b": "bo-example", "count": 1}
    ]
    await assert_meeting_tallies_match_a_recount(store)


async def test_merging_two_busy_actors_leaves_tallies_equal_to_a_recount(store: Store) -> None:
    await ArticleWriter(store).write_batch(corpus(80))
    keep, gone = (row["id"] for row in await store.read(_TWO_BUSY_ACTORS))
    assert await merge_actors(store, keep, gone) is None
    await assert_meeting_tallies_match_a_recount(store)


async def test_set_up_tallies_the_meetings_of_a_graph_written_before_tallies(
    store: Store,
) -> None:
    await ArticleWriter(store).write_batch(corpus(60))
    await store.write(_FORGET_TALLIES)
    assert (await store.read(cypher.TALLIES_DONE))[0]["done"] is False
    await store.setup_schema()
    assert (await store.read(cypher.TALLIES_DONE))[0]["done"] is True
    await assert_meeting_tallies_match_a_recount(store)
