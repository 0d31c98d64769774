"""`reports(first:)` on meetings and statements over HTTP: the oldest N reports, the same ones
the whole list starts with, loaded for a page at once and never the whole list."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from newsgraph.graph import Graph, count_round_trips
from newsgraph.ingest.write.writer import ArticleWriter
from tests.helpers.api import Api
from tests.helpers.factories import article, meeting, said

DAY = dt.date(2025, 3, 1)
WORDS = "We agreed on a ceasefire."
REPORTERS = 5


@pytest.fixture
async def covered(graph: Graph) -> None:
    """One meeting and two statements, each reported by five articles on five days, written in
    an order that is not the days' order."""
    writer = ArticleWriter(graph.store)
    days = list(range(REPORTERS))
    random.Random(3).shuffle(days)
    for n in days:
        day = DAY + dt.timedelta(days=n)
        await writer.write(
            article(
                f"Report {n}",
                url=f"https://example.org/report-{n}",
                published=day,
                people=["Alice Arden", "Bob Brandt"],
                meetings=[meeting("Alice Arden", "Bob Brandt", date=DAY, excerpt=f"met ({n})")],
                statements=[
                    said("Alice Arden", WORDS, date=DAY, excerpt=f"said ({n})"),
                    said("Bob Brandt", "No comment today.", date=DAY, excerpt=f"Bob ({n})"),
                ],
            )
        )


def _excerpts(reports: list[dict[str, object]]) -> list[object]:
    return [report["excerpt"] for report in reports]


async def test_reports_first_gives_the_oldest_reports_the_whole_list_starts_with(
    api: Api, covered: None
) -> None:
    data = await api.data(
        """{ meetings(first: 5) { edges { node {
               reportCount every: reports { excerpt article { publishedOn } }
               two: reports(first: 2) { excerpt article { publishedOn } } } } }
             statements(first: 5) { edges { node {
               reportCount every: reports { excerpt } none: reports(first: 0) { excerpt }
               three: reports(first: 3) { excerpt offset article { title } } } } } }"""
    )
    (met,) = [edge["node"] for edge in data["meetings"]["edges"]]
    assert met["reportCount"] == REPORTERS == len(met["every"])
    assert _excerpts(met["every"]) == [f"met ({n})" for n in range(REPORTERS)]
    assert met["two"] == met["every"][:2]
    assert [r["article"]["publishedOn"] for r in met["two"]] == ["2025-03-01", "2025-03-02"]
    words = next(
        e["node"]
        for e in data["statements"]["edges"]
        if e["node"]["every"][0]["excerpt"].startswith("said")
    )
    assert words["reportCount"] == REPORTERS
    assert (
        _excerpts(words["three"])
        == _excerpts(words["every"])[:3]
        == [
            "said (0)",
            "said (1)",
            "said (2)",
        ]
    )
    assert [r["article"]["title"] for r in words["three"]] == ["Report 0", "Report 1", "Report 2"]
    assert words["none"] == []


async def test_reports_first_of_a_page_is_one_graph_call_and_no_whole_list(
    api: Api, covered: None
) -> None:
    document = """query($n: Int) { statements(first: 5) { edges { node {
                    reports(first: $n) { excerpt } } } }
                  meetings(first: 5) { edges { node { reports(first: $n) { excerpt } } } } }"""
    with count_round_trips() as trips:
        data = await api.data(document, n=1)
    assert sorted(str(e["node"]["reports"]) for e in data["statements"]["edges"]) == [
        "[{'excerpt': 'Bob (0)'}]",
        "[{'excerpt': 'said (0)'}]",
    ]
    assert [e["node"]["reports"] for e in data["meetings"]["edges"]] == [[{"excerpt": "met (0)"}]]
    assert trips.statements.count("FIRST_REPORTS_OF_STATEMENTS") == 1
    assert trips.statements.count("FIRST_REPORTS_OF_MEETINGS") == 1
    assert "REPORTS_OF_STATEMENTS" not in trips.statements
    assert "REPORTS_OF_MEETINGS" not in trips.statements


async def test_reports_first_works_on_an_object_outside_a_page(api: Api, covered: None) -> None:
    data = await api.data(
        """{ actor(name: "Alice Arden") { statements(first: 1) { edges { node {
               text reports(first: 4) { excerpt } } } } } }"""
    )
    (edge,) = data["actor"]["statements"]["edges"]
    assert edge["node"]["text"] == WORDS
    assert _excerpts(edge["node"]["reports"]) == [f"said ({n})" for n in range(4)]


@pytest.mark.parametrize("first", [-1, 101])
async def test_reports_first_out_of_range_is_bad_user_input_at_its_path(
    api: Api, covered: None, first: int
) -> None:
    body = await api.query(
        """query($n: Int) { statements(first: 1) { edges { node {
             reports(first: $n) { excerpt } } } } }""",
        n=first,
    )
    (error,) = body["errors"]
    assert error["extensions"]["code"] == "BAD_USER_INPUT"
    assert "`first` of `reports` must be between 0 and 100" in error["message"]
    assert error["path"] == ["statements", "edges", 0, "node", "reports"]


async def test_report_count_beside_reports_first_comes_from_the_same_call(
    api: Api, covered: None
) -> None:
    document = """{ statements(first: 5) { edges { node { reportCount reports(first: 1) {
                      excerpt } } } }
                  meetings(first: 5) { edges { node { reportCount reports(first: 2) {
                      excerpt } } } } }"""
    with count_round_trips() as trips:
        data = await api.data(document)
    counts = [
        e["node"]["reportCount"] for kind in ("statements", "meetings") for e in data[kind]["edges"]
    ]
    assert counts == [REPORTERS] * 3
    assert not [name for name in trips.statements if name.startswith("REPORT_COUNTS_OF")]
    # With none asked for, the count is its own call, and still right.
    with count_round_trips() as trips:
        data = await api.data(
            """{ meetings(first: 5) { edges { node {
                   reportCount reports(first: 0) { excerpt } } } } }"""
        )
    assert [e["node"]["reportCount"] for e in data["meetings"]["edges"]] == [REPORTERS]
    assert "REPORT_COUNTS_OF_MEETINGS" in trips.statements
