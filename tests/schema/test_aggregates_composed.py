"""Composed filters (AND, OR, NOT, participantsAny) select the same items for the aggregates as
for the lists: the aggregates are built from the text of the list's own COUNT statement."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.api import Api
from tests.schema.test_aggregates import known  # noqa: F401  (the known graph's fixture)

pytestmark = pytest.mark.usefixtures("known")

MEETING_FILTERS: list[dict[str, Any]] = [
    {"OR": [{"mode": "PHONE"}, {"status": "PLANNED"}]},
    {"NOT": [{"participants": ["Dan Dorn"]}]},
    {"participantsAny": ["Carol Chen", "Dan Dorn"]},
    {"participants": ["Alice Arden"], "NOT": [{"mode": "VIDEO"}]},
]


@pytest.mark.parametrize("f", MEETING_FILTERS)
async def test_a_composed_meeting_filter_counts_what_the_list_holds(
    api: Api, f: dict[str, Any]
) -> None:
    data = await api.data(
        "query($f: MeetingFilter) { meetingStats(filter: $f) { count "
        "byPeriod(interval: YEAR) { count } } meetings(filter: $f) { totalCount } }",
        f=f,
    )
    stats = data["meetingStats"]
    assert stats["count"] == data["meetings"]["totalCount"] > 0
    assert sum(p["count"] for p in stats["byPeriod"]) <= stats["count"]


async def test_composed_statement_and_article_filters_count_what_their_lists_hold(
    api: Api,
) -> None:
    either = '{OR: [{speaker: "Bob Brandt"}, {topic: "security guarantees"}]}'
    data = await api.data(
        f"{{ statementStats(filter: {either}) {{ count topSpeakers {{ actor {{ name }} count }} }}"
        f"   statements(filter: {either}) {{ totalCount }} }}"
    )
    assert data["statementStats"]["count"] == data["statements"]["totalCount"] == 2
    speakers = {(r["actor"]["name"], r["count"]) for r in data["statementStats"]["topSpeakers"]}
    assert speakers == {("Alice Arden", 1), ("Bob Brandt", 1)}
    other = '{NOT: [{publisher: "Wire"}]}'
    articles = await api.data(
        f"{{ articleStats(filter: {other}) {{ count byPublisher {{ actor {{ name }} count }} }}"
        f"   articles(filter: {other}) {{ totalCount }} }}"
    )
    assert articles["articleStats"]["count"] == articles["articles"]["totalCount"] == 2
    assert articles["articleStats"]["byPublisher"] == [{"actor": {"name": "Post"}, "count": 1}]
