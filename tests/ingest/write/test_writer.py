"""The writer against a real graph: idempotent, order-independent, merging repeated reports."""

from __future__ import annotations

from itertools import permutations
from typing import Any, cast

import pytest

from newsgraph.graph import Store
from newsgraph.graph.corrections import merge_actors
from newsgraph.graph.cypher import WRITE_ARTICLES
from newsgraph.graph.errors import GraphError
from newsgraph.graph.maintenance import dump, node_counts, relationship_counts, wipe
from newsgraph.ingest.extract.reference import load_reference
from newsgraph.ingest.model import ExtractedArticle, MeetingFact, MeetingMode, StatementFact
from newsgraph.ingest.pipeline import load_paths
from newsgraph.ingest.write.writer import ArticleWriter
from tests.helpers import CORPUS
from tests.helpers.factories import article, call_article, corpus, meeting, said
from tests.helpers.graphs import assert_derived_edges_match_a_recount

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
    assert first.created["articles"] == {first.article_id}
    assert again.created == again.changed == {kind: set() for kind in again.created}


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
    reference = load_reference()
    files = sorted(CORPUS.iterdir())
    await load_paths(files, store, reference)
    forward = await dump(store)
    await load_paths(files, store, reference)
    assert await dump(store) == forward, "reloading changed the graph"
    await wipe(store)
    await load_paths(list(reversed(files)), store, reference)
    assert await dump(store) == forward


# Reports that bring stored facts together, and values several reports give. Each case is
# loaded in every order, one article per write and all in one write: the graph must be the same.

PEACE = "Russia is showing no intention of peace and continues shelling our cities."
AIR = "We need more air defense systems before the winter comes to Ukraine."


PEOPLE = ["Ann Example", "Bo Example", "Cy Example", "Di Example"]


def _article(url: str, **facts: Any) -> ExtractedArticle:
    return article(url, url=url, people=PEOPLE, **facts)


def _said(text: str, *, offset: int = 0, medium: str | None = None) -> StatementFact:
    return said("Ann Example", text, medium=medium, excerpt=f"at {offset}: {text}", offset=offset)


def _met(*people: str, place: str | None = None) -> MeetingFact:
    return meeting(*(f"{p} Example" for p in people), place=place, excerpt=" and ".join(people))


async def _every_way(store: Store, articles: list[ExtractedArticle]) -> dict[str, Any]:
    """Load `articles` in every order, one per write, all in one, and one per write each
    planned while the write before is applied; return the one graph they all give (failing
    if any differs)."""
    writer = ArticleWriter(store)
    graphs = []
    for order in permutations(articles):
        for way in ("apart", "together", "planned ahead"):
            await wipe(store)
            if way == "together":
                await writer.write_batch(list(order))
            elif way == "apart":
                for article in order:
                    await writer.write(article)
            else:
                await writer.write_batches(([a] for a in order), lambda _batch, _written: None)
            # Loading all of them again changes nothing.
            again = await writer.write_batch(list(order))
            assert again.created == again.changed == {kind: set() for kind in again.created}
            graphs.append(await dump(store))
    for graph in graphs[1:]:
        assert graph == graphs[0]
    return graphs[0]


def _nodes(graph: dict[str, Any], label: str) -> list[dict[str, Any]]:
    return [n["props"] for n in graph["nodes"] if label in n["labels"]]


async def test_a_quote_joining_two_stored_statements_makes_one_whatever_the_order(
    store: Store,
) -> None:
    graph = await _every_way(
        store,
        [
            _article("https://example.org/peace", statements=[_said(PEACE)]),
            _article("https://example.org/air", statements=[_said(AIR)]),
            _article("https://example.org/both", statements=[_said(f"{PEACE} {AIR}")]),
        ],
    )
    (statement,) = _nodes(graph, "Statement")
    assert statement["text"] == f"{PEACE} {AIR}"
    assert sorted(statement["variants"]) == sorted([PEACE, AIR, f"{PEACE} {AIR}"])
    reports = [r for r in graph["relationships"] if r["type"] == "REPORTS"]
    assert len(reports) == 3


async def test_a_meeting_report_joining_two_stored_meetings_makes_one_whatever_the_order(
    store: Store,
) -> None:
    graph = await _every_way(
        store,
        [
            _article("https://example.org/abc", meetings=[_met("Ann", "Bo", "Cy")]),
            _article("https://example.org/abd", meetings=[_met("Ann", "Bo", "Di")]),
            _article("https://example.org/ab", meetings=[_met("Ann", "Bo")]),
        ],
    )
    (meeting,) = _nodes(graph, "Meeting")
    participants = [r for r in graph["relationships"] if r["type"] == "PARTICIPATED_IN"]
    assert len(participants) == 4
    assert sorted(meeting["groups"]) == [
        "ann-example,bo-example",
        "ann-example,bo-example,cy-example",
        "ann-example,bo-example,di-example",
    ]
    met = [r for r in graph["relationships"] if r["type"] == "MET"]
    assert [r["props"]["count"] for r in met] == [1] * 6
    await assert_derived_edges_match_a_recount(store)


async def test_values_given_by_several_reports_do_not_depend_on_their_order(
    store: Store,
) -> None:
    graph = await _every_way(
        store,
        [
            _article(
                "https://example.org/one",
                actors=[
                    {"name": "Ann Example", "kind": "PERSON", "description": "A minister."},
                    {"name": "Bo Example", "kind": "ORGANIZATION"},
                ],
                meetings=[_met("Ann", "Bo", place="Kyiv")],
                # The same statement twice in one article: its first words are kept.
                statements=[_said(PEACE, offset=90), _said(PEACE[:-1] + "!", offset=5)],
            ),
            _article(
                "https://example.org/two",
                actors=[
                    {"name": "Ann Example", "kind": "PERSON", "description": "A diplomat."},
                    {"name": "Bo Example", "kind": "PERSON"},
                ],
                meetings=[_met("Ann", "Bo", place="Berlin")],
                statements=[_said(PEACE, medium="post on X")],
            ),
            _article(
                "https://example.org/three",
                statements=[_said(PEACE, medium="interview with Reuters")],
            ),
        ],
    )
    (meeting,) = _nodes(graph, "Meeting")
    assert meeting["place"] == "Berlin"
    (statement,) = _nodes(graph, "Statement")
    assert statement["medium"] == "interview with Reuters"
    one = [
        r["props"]
        for r in graph["relationships"]
        if r["type"] == "REPORTS"
        and r["source"].startswith("art-")
        and r["target"].startswith("st-")
    ]
    assert sorted(r["offset"] for r in one) == [0, 0, 5]


async def test_a_writer_sees_what_another_writer_wrote_between_its_batches(store: Store) -> None:
    # The first writer remembers the statement and call it wrote; the second writer's longer
    # quote renames both. Reloading the first article through the first writer must find
    # them under their new ids, as one writer doing all three writes does.
    await ArticleWriter(store).write(FIRST)
    await ArticleWriter(store).write(SECOND)
    await ArticleWriter(store).write(FIRST)
    alone = await dump(store)
    await wipe(store)
    first, second = ArticleWriter(store), ArticleWriter(store)
    await first.write(FIRST)
    await second.write(SECOND)
    again = await first.write(FIRST)
    assert await dump(store) == alone
    assert again.created == {kind: set() for kind in again.created}
    counts = await node_counts(store)
    assert (counts["meetings"], counts["statements"]) == (1, 1)


# Writes planned ahead: a batch is planned while the graph applies the one before.


def _spelled(url: str, name: str) -> ExtractedArticle:
    return article(
        url,
        url=url,
        people=[name, "Bo Example"],
        meetings=[meeting(name, "Bo Example", excerpt=f"{name} met Bo Example")],
    )


async def test_a_spelling_met_in_the_batch_before_names_one_person_when_planned_ahead(
    store: Store,
) -> None:
    # The second batch is planned before the first batch's write reaches the graph: only
    # the writer's memory can tell it that "Stephen Smith" is stored.
    batches = [
        [_spelled("https://example.org/one", "Stephen Smith")],
        [_spelled("https://example.org/two", "Steven Smith")],
    ]
    landed: list[list[str]] = []
    await ArticleWriter(store).write_batches(
        batches, lambda _batch, written: landed.append(written.article_ids)
    )
    assert len(landed) == 2
    people = [
        n["props"]["name"]
        for n in (await dump(store))["nodes"]
        if "Actor" in n["labels"] and n["props"]["name"].endswith("Smith")
    ]
    assert people == ["Stephen Smith"]
    assert (await node_counts(store))["meetings"] == 1


async def test_batches_planned_ahead_give_the_graph_of_one_write_after_another(
    store: Store,
) -> None:
    articles = corpus(90)
    batches = [articles[i : i + 7] for i in range(0, len(articles), 7)]
    writer = ArticleWriter(store)
    for batch in batches:
        await writer.write_batch(batch)
    one_by_one = await dump(store)
    await wipe(store)
    order: list[list[str]] = []
    await ArticleWriter(store).write_batches(
        batches, lambda batch, _written: order.append([a.article.url for a in batch])
    )
    assert await dump(store) == one_by_one
    assert order == [[a.article.url for a in batch] for batch in batches]


class _Recording:
    """A store that logs the name of each statement it is asked to run, in order."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.calls: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    async def read(self, statement: Any, params: Any = None) -> Any:
        self.calls.append(statement.name)
        return await self._store.read(statement, params)

    async def write(self, statement: Any, params: Any = None) -> Any:
        self.calls.append(statement.name)
        return await self._store.write(statement, params)


async def test_a_batch_merging_facts_the_write_before_leaves_alone_is_planned_before_it(
    store: Store,
) -> None:
    # The last batch joins two stored quotes; the batch before it writes someone else's.
    # The stored quotes' links are read before that write goes out, so the graph need not
    # wait for the plan, and the graph is still the one of one write after another.
    batches = [
        [_article("https://example.org/peace", statements=[_said(PEACE)])],
        [_article("https://example.org/air", statements=[_said(AIR)])],
        [
            article(
                "https://example.org/other",
                url="https://example.org/other",
                people=PEOPLE,
                statements=[said("Bo Example", "Talks will go on for as long as they must.")],
            )
        ],
        [_article("https://example.org/both", statements=[_said(f"{PEACE} {AIR}")])],
    ]
    writer = ArticleWriter(store)
    for batch in batches:
        await writer.write_batch(batch)
    one_by_one = await dump(store)
    await wipe(store)
    recording = _Recording(store)
    await ArticleWriter(cast(Store, recording)).write_batches(batches, lambda _b, _w: None)
    assert await dump(store) == one_by_one
    assert len(_nodes(one_by_one, "Statement")) == 2
    writes = [i for i, name in enumerate(recording.calls) if name == "WRITE_ARTICLES"]
    assert len(writes) == 4
    assert writes[2] > recording.calls.index("LINKS_OF_FACTS")


class _FailingSecondWrite:
    """A store whose second article write fails, as a graph going away would make it."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.writes = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    async def write(self, statement: Any, params: Any = None) -> Any:
        if statement is WRITE_ARTICLES:
            self.writes += 1
            if self.writes == 2:
                raise GraphError("the graph went away")
        return await self._store.write(statement, params)


async def test_a_failed_write_planned_ahead_reports_the_batches_before_it_and_stops(
    store: Store,
) -> None:
    articles = corpus(30)
    batches = [articles[:10], articles[10:20], articles[20:]]
    failing = _FailingSecondWrite(store)
    landed: list[int] = []
    writer = ArticleWriter(failing)  # type: ignore[arg-type]
    with pytest.raises(GraphError, match="went away"):
        await writer.write_batches(batches, lambda batch, _w: landed.append(len(batch)))
    assert landed == [10]
    assert failing.writes == 2
    assert (await node_counts(store))["articles"] == 10
    # The same writer, its memory forgotten, completes the load as a fresh one would.
    await writer.write_batches(batches, lambda _b, _w: None)
    complete = await dump(store)
    await wipe(store)
    await ArticleWriter(store).write_batch(articles)
    assert await dump(store) == complete


async def test_reloading_after_a_merge_of_two_actors_keeps_them_one(store: Store) -> None:
    # Written again, the second article named its person as extracted, which no stored name
    # spells: the reload split the merged actor in two again and moved its meeting back.

    articles = [
        article(
            f"Dhaka talks {i}",
            body=f"{person} met Narendra Modi in Dhaka on the {day}th.",
            people=(person, "Narendra Modi"),
            mentions=[person, "Narendra Modi"],
            meetings=[meeting(person, "Narendra Modi", date=None)],
        )
        for i, (person, day) in enumerate((("Sheikh Hasina", 6), ("Hasina Wajed", 7)))
    ]
    writer = ArticleWriter(store)
    for one in articles:
        await writer.write(one)
    assert await merge_actors(store, "sheikh-hasina", "hasina-wajed") is None
    merged = await dump(store)
    again = [await ArticleWriter(store).write(one) for one in articles]
    assert await dump(store) == merged
    assert all(not any(w.created.values()) and not any(w.changed.values()) for w in again)
    assert {kind for w in again for kind, ids in w.touched.items() if ids} == {
        "articles",
        "actors",
        "meetings",
    }


async def test_an_article_extracted_otherwise_is_written_again(store: Store) -> None:
    writer = ArticleWriter(store)
    await writer.write(FIRST)
    later = FIRST.model_copy(update={"topics": [*FIRST.topics, "energy"]})
    written = await writer.write(later)
    assert written.changed["articles"] == {written.article_id}
    topics = {n["props"]["name"] for n in (await dump(store))["nodes"] if "Topic" in n["labels"]}
    assert "energy" in topics
