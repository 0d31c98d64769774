"""A root list read newest first from a cursor on a day (the next pages of `articles`,
`meetings`, `statements`) is read window of days by window of days through the day_number
index, and gives the pages the whole-list statement gives: same items, same order, every item
once, across empty stretches of years, days with several items, undated items, and the
list's own `from`/`to`."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsgraph.graph import Graph, count_round_trips
from newsgraph.ingest.model import ExtractedArticle
from newsgraph.ingest.write.writer import ArticleWriter
from tests.helpers.api import Api
from tests.helpers.factories import article, meeting, said

# Several items on one day, single days months and centuries apart, and undated items.
DAYS: list[dt.date | None] = [
    dt.date(2025, 3, 1),
    dt.date(2025, 3, 1),
    dt.date(2025, 3, 1),
    dt.date(2025, 2, 28),
    dt.date(2024, 12, 31),
    dt.date(2023, 6, 15),
    dt.date(1950, 1, 1),
    dt.date(1, 1, 2),
    None,
    None,
]
VERSION = "GRAPH_VERSION"


def _article(i: int, day: dt.date | None) -> ExtractedArticle:
    guest = f"Guest {i}"
    return article(
        f"Article {i}",
        body=f"Host met {guest} and said thing number {i}.",
        published=day,
        people=["Host", guest],
        mentions=["Host"],
        meetings=[meeting("Host", guest, date=day, excerpt=f"Host met {guest}.")],
        statements=[said(guest, f"Thing number {i} is true {i * 7}.", date=day, excerpt=str(i))],
    )


@pytest.fixture
async def written(graph: Graph) -> Graph:
    writer = ArticleWriter(graph.store)
    for i, day in enumerate(DAYS):
        await writer.write(_article(i, day))
    return graph


async def _walk(api: Api, root: str, args: str, size: int) -> tuple[list[str], list[str]]:
    """Every cursor of a list, newest first, page by page, and the statements asked."""
    cursors: list[str] = []
    asked: list[str] = []
    after: str | None = None
    while True:
        with count_round_trips() as trips:
            data: dict[str, Any] = await api.data(
                f"""query($after: String) {{ {root}(first: {size}, after: $after{args}) {{
                    pageInfo {{ hasNextPage endCursor }} edges {{ cursor }} }} }}""",
                after=after,
            )
        asked += [name for name in trips.statements if name != VERSION]
        page = data[root]
        cursors += [edge["cursor"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return cursors, asked
        after = page["pageInfo"]["endCursor"]


async def _oldest_first(api: Api, root: str, args: str) -> list[str]:
    data = await api.data(
        f"{{ {root}(first: 100, orderBy: DATE_ASC{args}) {{ edges {{ cursor }} }} }}"
    )
    return [edge["cursor"] for edge in data[root]["edges"]]


@pytest.mark.parametrize("root", ["articles", "meetings", "statements"])
@pytest.mark.parametrize("size", [1, 2, 3])
async def test_next_pages_from_a_day_are_the_whole_list_newest_first(
    api: Api, written: Graph, root: str, size: int
) -> None:
    cursors, asked = await _walk(api, root, "", size)
    assert cursors == list(reversed(await _oldest_first(api, root, "")))
    assert len(cursors) == len(DAYS)
    label = {"articles": "ARTICLE", "meetings": "MEETING", "statements": "STATEMENT"}[root]
    assert f"{label}_WINDOW_DESC" in asked


@pytest.mark.parametrize("root", ["articles", "meetings", "statements"])
async def test_next_pages_from_a_day_keep_the_lists_from_and_to(
    api: Api, written: Graph, root: str
) -> None:
    bounds = ', filter: {from: "1950-01-01", to: "2025-02-28"}'
    cursors, _ = await _walk(api, root, bounds, 1)
    assert cursors == list(reversed(await _oldest_first(api, root, bounds)))
    assert len(cursors) == 4


async def test_a_cursor_between_days_starts_after_that_day(api: Api, written: Graph) -> None:
    from newsgraph.schema.relay import encode_cursor

    data = await api.data(
        """query($after: String) { articles(first: 10, after: $after) {
            edges { node { publishedOn } } } }""",
        after=encode_cursor("2025-03-01"),
    )
    days = [edge["node"]["publishedOn"] for edge in data["articles"]["edges"]]
    assert days == ["2025-02-28", "2024-12-31", "2023-06-15", "1950-01-01", "0001-01-02"]
