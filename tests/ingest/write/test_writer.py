"""The writer against a real graph: idempotent, order-independent, merging repeated reports."""

from __future__ import annotations

from newsgraph.graph import Store
from newsgraph.graph.maintenance import dump, node_counts, relationship_counts
from newsgraph.ingest.model import MeetingMode
from newsgraph.ingest.write.writer import ArticleWriter
from tests.factories import call_article

FIRST = call_article(
    mode=MeetingMode.UNKNOWN,
    quote="At present, the teams of Ukraine, the United States, and European partners are "
    "working on their architecture. All the developments will be ready in the coming days.",
)
SECOND = call_article(
    title="Zelensky announced an important breakthrough",
    body="On August 23 Zelensky held telephone talks with Dick Schoof.",
    publisher="RBC-Ukraine",
    quote="We discussed security guarantees. Now teams from Ukraine, the US, and European "
    "partners are working on their architecture. All the developments will be ready in the "
    "coming days. We talked about how the Netherlands can increase its involvement.",
)


async def test_reloading_an_article_changes_nothing(store: Store) -> None:
    writer = ArticleWriter(store)
    first = await writer.write(FIRST)
    before = await dump(store)
    again = await writer.write(FIRST)
    assert await dump(store) == before
    assert first.counts.created["articles"] == 1
    assert again.counts.created == dict.fromkeys(again.counts.created, 0)


async def test_two_reports_of_one_call_and_one_quote_merge(store: Store) -> None:
    writer = ArticleWriter(store)
    await writer.write(FIRST)
    await writer.write(SECOND)
    counts = await node_counts(store)
    assert counts["articles"] == 2
    assert counts["meetings"] == 1
    assert counts["statements"] == 1
    rels = await relationship_counts(store)
    assert rels["REPORTS"] == 4


async def test_loading_in_either_order_gives_the_same_graph(store: Store) -> None:
    writer = ArticleWriter(store)
    await writer.write(FIRST)
    await writer.write(SECOND)
    forward = await dump(store)
    from newsgraph.graph.maintenance import wipe

    await wipe(store)
    await writer.write(SECOND)
    await writer.write(FIRST)
    assert await dump(store) == forward


async def test_the_more_specific_mode_wins_whichever_report_comes_first(store: Store) -> None:
    writer = ArticleWriter(store)
    await writer.write(
        SECOND.model_copy(
            update={"meetings": [SECOND.meetings[0].model_copy(update={"mode": MeetingMode.PHONE})]}
        )
    )
    await writer.write(FIRST)
    nodes = (await dump(store))["nodes"]
    modes = [n["props"]["mode"] for n in nodes if "Meeting" in n["labels"]]
    assert modes == ["PHONE"]


async def test_a_different_quote_by_the_same_speaker_stays_a_separate_statement(
    store: Store,
) -> None:
    writer = ArticleWriter(store)
    await writer.write(FIRST)
    other = call_article(
        title="Another",
        body="Another body about Russia.",
        quote="Russia is showing no intention of peace and continues shelling our cities.",
    )
    await writer.write(other)
    assert (await node_counts(store))["statements"] == 2


async def test_the_seeds_give_the_same_graph_in_either_order(store: Store) -> None:
    from newsgraph.graph.maintenance import wipe
    from newsgraph.ingest.extract.reference import load_reference
    from newsgraph.ingest.pipeline import load_paths
    from tests.conftest import CORPUS

    reference = load_reference()
    files = sorted(CORPUS.iterdir())
    await load_paths(files, store, reference)
    forward = await dump(store)
    await load_paths(files, store, reference)
    assert await dump(store) == forward, "reloading changed the graph"
    await wipe(store)
    await load_paths(list(reversed(files)), store, reference)
    assert await dump(store) == forward
