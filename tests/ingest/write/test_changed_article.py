"""An article written again after its text changed says what the new text says, and only that."""

from __future__ import annotations

from newsgraph.graph import Store
from newsgraph.graph.corrections import Deleted, delete_article, merge_actors
from newsgraph.graph.maintenance import dump
from newsgraph.ingest.model import ExtractedArticle
from newsgraph.ingest.write.writer import ArticleWriter, LoadCounts
from tests.helpers.factories import article, meeting, said
from tests.helpers.graphs import assert_derived_edges_match_a_recount

URL = "https://news.example/2025/08/talks"


def _version(body: str, one: str, other: str) -> ExtractedArticle:
    return article(
        "Talks in Kyiv",
        url=URL,
        body=body,
        people=(one, other),
        mentions=[one, other],
        meetings=[meeting(one, other, excerpt=body)],
        statements=[said(one, f"We spoke with {other}.", excerpt=body)],
    )


FIRST = _version("Andriy Yermak met Marco Rubio in Geneva.", "Andriy Yermak", "Marco Rubio")
CORRECTED = _version("Andriy Sybiha met Marco Rubio in Geneva.", "Andriy Sybiha", "Marco Rubio")


def _reported(graph: dict) -> set[tuple[str, ...]]:
    names = {n["props"]["id"]: n["props"].get("name") for n in graph["nodes"]}
    meetings = {n["props"]["id"] for n in graph["nodes"] if n["labels"] == ["Meeting"]}
    return {
        tuple(
            sorted(
                names[r["source"]]
                for r in graph["relationships"]
                if r["type"] == "PARTICIPATED_IN" and r["target"] == m
            )
        )
        for m in meetings
    }


async def test_an_article_whose_text_changed_drops_the_facts_it_no_longer_reports(
    store: Store,
) -> None:
    writer = ArticleWriter(store)
    await writer.write(FIRST)
    written = await writer.write(CORRECTED)
    graph = await dump(store)
    assert _reported(graph) == {("Andriy Sybiha", "Marco Rubio")}
    said_by = {r["source"] for r in graph["relationships"] if r["type"] == "SAID"}
    assert said_by == {"andriy-sybiha"}
    met = {(r["source"], r["target"]) for r in graph["relationships"] if r["type"] == "MET"}
    assert all("andriy-yermak" not in pair for pair in met)
    assert written.changed["articles"] == {written.article_id}
    assert not written.created["articles"]
    await assert_derived_edges_match_a_recount(store)


async def test_an_article_changed_and_changed_back_reports_what_it_first_did(
    store: Store,
) -> None:
    writer = ArticleWriter(store)
    await writer.write(FIRST)
    before = await dump(store)
    await writer.write(CORRECTED)
    await writer.write(FIRST)
    after = await dump(store)
    assert _reported(after) == _reported(before)
    assert _facts(after) == _facts(before)
    await assert_derived_edges_match_a_recount(store)


def _facts(graph: dict) -> list[dict]:
    """The meetings and statements as stored, and every relationship but to actors alone."""
    return sorted(
        (n for n in graph["nodes"] if n["labels"] in (["Meeting"], ["Statement"])),
        key=lambda n: n["props"]["id"],
    )


async def test_a_correction_in_the_batch_after_the_story_replaces_it(store: Store) -> None:
    # The second batch is planned while the first is written; its replacing waits for it.
    done = []
    await ArticleWriter(store).write_batches(
        [[FIRST], [CORRECTED]], lambda _batch, written: done.append(written)
    )
    assert _reported(await dump(store)) == {("Andriy Sybiha", "Marco Rubio")}
    assert [w.created["articles"] for w in done] == [{done[0].article_id}, set()]
    assert done[1].changed["articles"] == {done[0].article_id}
    await assert_derived_edges_match_a_recount(store)


async def test_a_replaced_article_counts_the_facts_it_took_with_it(store: Store) -> None:
    writer = ArticleWriter(store)
    await writer.write(FIRST)
    written = await writer.write(CORRECTED)
    # Yermak's meeting and statement went; Sybiha's are new.
    assert len(written.removed["meetings"]) == len(written.removed["statements"]) == 1
    assert len(written.created["meetings"]) == len(written.created["statements"]) == 1
    assert not written.removed["meetings"] & written.created["meetings"]


async def test_a_load_counts_as_removed_only_what_was_there_before_it(store: Store) -> None:
    writer = ArticleWriter(store)
    await writer.write(FIRST)
    counts = LoadCounts()
    # Within one load: the correction, then the first text again, then the correction.
    for version in (CORRECTED, FIRST, CORRECTED):
        counts.add(await writer.write(version))
    summary = counts.as_json()
    # Yermak's facts were there before the load and are gone after it; Sybiha's were made by
    # the load, went, and came back: created, never removed.
    assert summary["removed"]["meetings"] == summary["removed"]["statements"] == 1
    assert summary["created"]["meetings"] == summary["created"]["statements"] == 1


# Two outlets report one meeting; one of them also names a second Ukrainian official.
YERMAK, SYBIHA, RUBIO = "Andriy Yermak", "Andriy Sybiha", "Marco Rubio"
OTHER = article(
    "Yermak meets Rubio",
    url="https://other.example/2025/08/geneva",
    body="Andriy Yermak met Marco Rubio in Geneva.",
    people=(YERMAK, RUBIO),
    meetings=[meeting(YERMAK, RUBIO, confidence=0.6)],
)
WIDER = article(
    "Talks in Geneva",
    url=URL,
    body="Andriy Yermak and Andriy Sybiha met Marco Rubio in Geneva.",
    people=(YERMAK, SYBIHA, RUBIO),
    meetings=[meeting(YERMAK, SYBIHA, RUBIO, confidence=0.9)],
)
NARROWER = article(
    "Talks in Geneva",
    url=URL,
    body="Andriy Yermak met Marco Rubio in Geneva on his own.",
    people=(YERMAK, RUBIO),
    meetings=[meeting(YERMAK, RUBIO, confidence=0.9)],
)


def _the_meeting(graph: dict) -> dict:
    (found,) = (n["props"] for n in graph["nodes"] if n["labels"] == ["Meeting"])
    return found


async def test_a_corrected_article_takes_back_a_participant_only_it_gave(store: Store) -> None:
    writer = ArticleWriter(store)
    await writer.write(OTHER)
    await writer.write(WIDER)
    assert _reported(await dump(store)) == {(SYBIHA, YERMAK, RUBIO)}
    await writer.write(NARROWER)
    graph = await dump(store)
    assert _reported(graph) == {(YERMAK, RUBIO)}
    assert _the_meeting(graph)["groups"] == ["andriy-yermak,marco-rubio"]
    met = {(r["source"], r["target"]) for r in graph["relationships"] if r["type"] == "MET"}
    assert met == {("andriy-yermak", "marco-rubio")}
    await assert_derived_edges_match_a_recount(store)


async def test_deleting_an_article_leaves_a_shared_meeting_as_the_others_report_it(
    store: Store,
) -> None:
    writer = ArticleWriter(store)
    await writer.write(OTHER)
    alone = _the_meeting(await dump(store))
    written = await writer.write(WIDER)
    assert _the_meeting(await dump(store))["confidence"] > alone["confidence"]
    deleted = await delete_article(store, written.article_id)
    assert deleted == Deleted(meetings_removed=0, statements_removed=0)
    graph = await dump(store)
    assert _reported(graph) == {(YERMAK, RUBIO)}
    after = _the_meeting(graph)
    assert (after["confidence"], after["reported"], after["groups"], after["title"]) == (
        alone["confidence"],
        alone["reported"],
        alone["groups"],
        alone["title"],
    )
    assert not [r for r in graph["relationships"] if r["type"] == "MET" and "sybiha" in r["source"]]
    await assert_derived_edges_match_a_recount(store)


async def test_a_merged_actor_stays_in_a_meeting_its_other_spelling_was_reported_in(
    store: Store,
) -> None:
    # One meeting, reported once with each spelling of one man's name: merged, he is the
    # participant both reports gave it, so removing either report keeps him.
    writer = ArticleWriter(store)
    spelt = article(
        "Jermak and Sybiha meet Rubio",
        url="https://third.example/2025/08/geneva",
        body="Andrij Jermak and Andriy Sybiha met Marco Rubio in Geneva.",
        people=("Andrij Jermak", SYBIHA, RUBIO),
        meetings=[meeting("Andrij Jermak", SYBIHA, RUBIO, confidence=0.7)],
    )
    narrower = article(
        "Sybiha meets Rubio",
        url="https://fourth.example/2025/08/geneva",
        body="Andriy Sybiha met Marco Rubio in Geneva.",
        people=(SYBIHA, RUBIO),
        meetings=[meeting(SYBIHA, RUBIO, confidence=0.6)],
    )
    first = await writer.write(WIDER)
    await writer.write(spelt)
    # (the narrower report is part of both, and makes them one meeting)
    await writer.write(narrower)
    assert _reported(await dump(store)) == {("Andrij Jermak", SYBIHA, YERMAK, RUBIO)}
    assert await merge_actors(store, "andriy-yermak", "andrij-jermak") is None
    gone = await delete_article(store, first.article_id)
    assert gone == Deleted(meetings_removed=0, statements_removed=0)
    assert _reported(await dump(store)) == {(SYBIHA, YERMAK, RUBIO)}
    await assert_derived_edges_match_a_recount(store)
