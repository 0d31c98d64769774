"""An owner's lists (an actor's statements and meetings, a topic's articles) page in sort-key
order, undated items included, each item once, with the whole list's total."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsgraph.graph import Graph, reads
from newsgraph.ingest.model import (
    ExtractedArticle,
)
from newsgraph.ingest.write.writer import ArticleWriter
from newsgraph.schema.relay import decode_cursor
from tests.helpers.api import Api
from tests.helpers.factories import article, meeting, said

# Texts far apart, so the loader takes none for another report of the same statement.
WORDS = [
    "Sanctions must stay until the troops leave.",
    "We expect the grain corridor to reopen by spring.",
    "No talks will happen without our partners present.",
    "Air defence remains our first request.",
    "The reconstruction conference is set for June.",
    "Prisoner exchanges continue every month.",
]
DAYS = [
    dt.date(2025, 3, 1),
    dt.date(2025, 3, 1),
    dt.date(2025, 1, 9),
    None,
    None,
    dt.date(2024, 12, 31),
]


def _article(i: int, day: dt.date | None) -> ExtractedArticle:
    return article(
        f"Article {i}",
        body=f"Host said {i}.",
        published=dt.date(2025, 6, 1),
        people=["Host", f"Guest {i}"],
        mentions=["Host"],
        meetings=[
            meeting(
                "Host", f"Guest {i}", date=day, excerpt=f"Host met Guest {i}.", topics=["ceasefire"]
            )
        ],
        statements=[said("Host", WORDS[i], date=day, excerpt=f"said {i}")],
    )


async def _walk(api: Api, field: str, size: int) -> tuple[list[str], list[int]]:
    """Every sort key of an actor's list, page by page, and the totals each page gave."""
    keys: list[str] = []
    totals: list[int] = []
    after: str | None = None
    while True:
        data: dict[str, Any] = await api.data(
            f"""query($after: String) {{ actor(name: "Host") {{
                 {field}(first: {size}, after: $after) {{ totalCount
                   pageInfo {{ hasNextPage endCursor }}
                   edges {{ cursor node {{ id }} }} }} }} }}""",
            after=after,
        )
        page = data["actor"][field]
        totals.append(page["totalCount"])
        keys += [str(decode_cursor(edge["cursor"])) for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return keys, totals
        after = page["pageInfo"]["endCursor"]


async def test_owner_pages_follow_the_sort_key_with_undated_items(api: Api, graph: Graph) -> None:
    writer = ArticleWriter(graph.store)
    for i, day in enumerate(DAYS):
        await writer.write(_article(i, day))
    for field in ("statements", "meetings"):
        whole, [total] = await _walk(api, field, 100)
        assert total == len(DAYS)
        # Newest first by sort key (date|id): keys of undated items start with '|', which
        # sorts after a date's digits, so they come first.
        assert whole == sorted(whole, reverse=True)
        assert [key.startswith("|") for key in whole] == [True, True] + [False] * 4
        for size in (1, 2, 4):
            keys, totals = await _walk(api, field, size)
            assert keys == whole, (field, size)
            assert set(totals) == {len(DAYS)}


async def test_timeline_pages_follow_the_sort_key_with_undated_items_last(
    api: Api, graph: Graph
) -> None:
    writer = ArticleWriter(graph.store)
    for i, day in enumerate(DAYS):
        await writer.write(_article(i, day))

    async def walk(size: int) -> list[str]:
        keys: list[str] = []
        after: str | None = None
        while True:
            data: dict[str, Any] = await api.data(
                """query($after: String, $n: Int) { timeline(actor: "Host", first: $n,
                     after: $after) { totalCount pageInfo { hasNextPage endCursor }
                     edges { cursor } } }""",
                after=after,
                n=size,
            )
            page = data["timeline"]
            assert page["totalCount"] == 3 * len(DAYS)  # meetings, statements, mentions
            keys += [str(decode_cursor(edge["cursor"])) for edge in page["edges"]]
            if not page["pageInfo"]["hasNextPage"]:
                return keys
            after = page["pageInfo"]["endCursor"]

    whole = await walk(100)
    assert len(whole) == 3 * len(DAYS)
    # Oldest first by sort key (date|kind|id); undated items sort as '9999', so they are last.
    assert whole == sorted(whole)
    assert [key.startswith("9999|") for key in whole][-4:] == [True] * 4
    for size in (1, 2, 5):
        assert await walk(size) == whole, size


async def test_a_busy_speakers_statements_page_by_index_as_they_page_by_walking(
    api: Api, graph: Graph, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A speaker with more statements than reads.PLAIN_WALK is paged month by month through
    # the `speaker_day` index: here every speaker is busy, and its statements lie far apart
    # (one beyond next year, one decades back), so pages cross empty months, the probe above
    # the top month and, with few months allowed, the read of all that is left.
    days = [*DAYS, dt.date(dt.date.today().year + 3, 5, 2), dt.date(1990, 7, 4)]
    words = [*WORDS, "The summit will take place next decade.", "Our borders are final."]
    writer = ArticleWriter(graph.store)
    for i, day in enumerate(days):
        await writer.write(
            article(
                f"Statement {i}",
                body=f"Host said {i}.",
                published=dt.date(2025, 6, 1),
                people=["Host"],
                statements=[said("Host", words[i], date=day, excerpt=f"said {i}")],
            )
        )
    walked, [total] = await _walk(api, "statements", 100)
    assert total == len(days)
    assert walked == sorted(walked, reverse=True)
    monkeypatch.setattr(reads, "PLAIN_WALK", 0)
    for months in (reads.PLAIN_MONTHS, 2):
        monkeypatch.setattr(reads, "PLAIN_MONTHS", months)
        for size in (1, 2, 3, 100):
            keys, totals = await _walk(api, "statements", size)
            assert keys == walked, (months, size)
            assert set(totals) == {len(days)}
