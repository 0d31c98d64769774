"""Composed filters (AND, OR, NOT, participantsAny) and the orders of the fact lists (report
count, confidence), over HTTP on a small known graph, each page boundary included."""

from __future__ import annotations

import datetime as dt
from typing import Any

from newsgraph.graph import Graph
from newsgraph.ingest.model import ActorFact, ActorKind, MeetingMode
from newsgraph.ingest.write.writer import ArticleWriter
from tests.helpers import ROOT
from tests.helpers.api import Api
from tests.helpers.factories import (
    NETHERLANDS,
    SCHOOF,
    UKRAINE,
    ZELENSKY,
    article,
    meeting,
    said,
)

PEOPLE = ["Alice", "Bob", "Carol", "Dave", "Erin"]

# Meetings by title: who, when, how, about what, how many articles report it, how sure each
# report is. A meeting's confidence combines its reports': AB 0.999, AC and BC 0.75 (a tie),
# DE 0.51. AB is reported 3 times, BC and DE twice (a tie), AC once. Each meeting's first
# report also has its first participant say something, as sure as that report.
MEETINGS: dict[str, dict[str, Any]] = {
    "AB": {"people": ("Alice", "Bob"), "day": dt.date(2025, 1, 10), "mode": MeetingMode.PHONE,
           "topics": ["ceasefire"], "reports": 3, "confidence": 0.9},
    "AC": {"people": ("Alice", "Carol"), "day": dt.date(2025, 2, 10),
           "mode": MeetingMode.IN_PERSON, "topics": [], "reports": 1, "confidence": 0.75},
    "BC": {"people": ("Bob", "Carol"), "day": dt.date(2025, 3, 10), "mode": MeetingMode.VIDEO,
           "topics": ["ceasefire"], "reports": 2, "confidence": 0.5},
    "DE": {"people": ("Dave", "Erin"), "day": dt.date(2025, 4, 10),
           "mode": MeetingMode.IN_PERSON, "topics": [], "reports": 2, "confidence": 0.3},
}  # fmt: skip


async def _write(graph: Graph) -> None:
    writer = ArticleWriter(graph.store)
    for title, spec in MEETINGS.items():
        for n in range(spec["reports"]):
            people = list(spec["people"])
            await writer.write(
                article(
                    f"{title} report {n}",
                    body=f"{' and '.join(people)} met ({title}, report {n}).",
                    people=PEOPLE,
                    mentions=people,
                    topics=spec["topics"],
                    meetings=[
                        meeting(
                            *people,
                            date=spec["day"],
                            mode=spec["mode"],
                            title=title,
                            topics=spec["topics"],
                            confidence=spec["confidence"],
                        )
                    ],
                    statements=[
                        said(
                            people[0],
                            f"{people[0]} on the {title} meeting, report {n}.",
                            date=spec["day"],
                            topics=spec["topics"],
                            confidence=spec["confidence"],
                        )
                    ]
                    if n == 0
                    else [],
                )
            )


MEETINGS_QUERY = """query($f: MeetingFilter, $o: DateOrder, $first: Int, $after: String) {
  meetings(filter: $f, orderBy: $o, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { title confidence reports { excerpt } } } } }"""


async def _titles(api: Api, f: dict[str, Any]) -> list[str]:
    data = await api.data(MEETINGS_QUERY, f=f, o="DATE_ASC")
    titles = [edge["node"]["title"] for edge in data["meetings"]["edges"]]
    assert data["meetings"]["totalCount"] == len(titles)
    return titles


def _codes(body: dict[str, Any]) -> list[str]:
    return [error["extensions"]["code"] for error in body.get("errors", [])]


async def test_the_known_graph_is_as_the_tests_expect(api: Api, graph: Graph) -> None:
    await _write(graph)
    data = await api.data(MEETINGS_QUERY, o="DATE_ASC")
    found = {e["node"]["title"]: e["node"] for e in data["meetings"]["edges"]}
    assert {title: len(node["reports"]) for title, node in found.items()} == {
        title: spec["reports"] for title, spec in MEETINGS.items()
    }


async def test_or_keeps_the_meetings_any_branch_matches(api: Api, graph: Graph) -> None:
    await _write(graph)
    assert await _titles(api, {"OR": [{"participants": ["Alice"]}, {"mode": "VIDEO"}]}) == [
        "AB",
        "AC",
        "BC",
    ]
    # An OR beside the filter's own fields: both must hold.
    either = {"from": "2025-02-01", "OR": [{"participants": ["Alice"]}, {"mode": "VIDEO"}]}
    assert await _titles(api, either) == ["AC", "BC"]


async def test_and_requires_every_branch(api: Api, graph: Graph) -> None:
    await _write(graph)
    both = {"AND": [{"from": "2025-02-01"}, {"to": "2025-03-31"}]}
    assert await _titles(api, both) == ["AC", "BC"]
    assert await _titles(api, {"AND": [{"participants": ["Bob"]}, {"topic": "ceasefire"}]}) == [
        "AB",
        "BC",
    ]


async def test_not_drops_the_meetings_any_branch_matches(api: Api, graph: Graph) -> None:
    await _write(graph)
    assert await _titles(api, {"NOT": [{"participants": ["Carol"]}]}) == ["AB", "DE"]
    assert await _titles(api, {"NOT": [{"mode": "PHONE"}, {"mode": "VIDEO"}]}) == ["AC", "DE"]


async def test_filters_nest_inside_each_other(api: Api, graph: Graph) -> None:
    await _write(graph)
    nested = {
        "OR": [
            {"AND": [{"participants": ["Bob"]}, {"NOT": [{"mode": "VIDEO"}]}]},
            {"participants": ["Erin"]},
        ]
    }
    assert await _titles(api, nested) == ["AB", "DE"]


async def test_participants_any_needs_one_participants_needs_all(api: Api, graph: Graph) -> None:
    await _write(graph)
    assert await _titles(api, {"participants": ["Alice", "Bob"]}) == ["AB"]
    assert await _titles(api, {"participantsAny": ["Alice", "Bob"]}) == ["AB", "AC", "BC"]
    assert await _titles(api, {"participantsAny": ["Erin", "Zelensky" * 0 + "Dave"]}) == ["DE"]
    # Both at once: Alice was there, and Bob or Dave.
    assert await _titles(api, {"participants": ["Alice"], "participantsAny": ["Bob", "Dave"]}) == [
        "AB"
    ]
    assert await _titles(api, {"OR": [{"participantsAny": ["Carol", "Erin"]}]}) == [
        "AC",
        "BC",
        "DE",
    ]


async def test_min_confidence_composes_with_or(api: Api, graph: Graph) -> None:
    await _write(graph)
    sure = (await api.data(MEETINGS_QUERY, f={"minConfidence": 0.8}))["meetings"]["edges"]
    assert [e["node"]["title"] for e in sure] == ["AB"]
    either = {"OR": [{"minConfidence": 0.8}, {"participants": ["Dave"]}]}
    assert await _titles(api, either) == ["AB", "DE"]
    assert await _titles(api, {"NOT": [{"minConfidence": 0.8}]}) == ["AC", "BC", "DE"]


async def test_an_actors_meetings_take_composed_filters_and_orders(api: Api, graph: Graph) -> None:
    await _write(graph)
    data = await api.data(
        """{ actor(name: "Bob") {
             meetings(filter: {NOT: [{participants: ["Carol"]}]}) { edges { node { title } } }
             byReports: meetings(orderBy: REPORT_COUNT_ASC) { edges { node { title } } }
             statements(filter: {OR: [{topic: "ceasefire"}]}) { edges { node { text } } } } }"""
    )
    actor = data["actor"]
    assert [e["node"]["title"] for e in actor["meetings"]["edges"]] == ["AB"]
    assert [e["node"]["title"] for e in actor["byReports"]["edges"]] == ["BC", "AB"]
    assert [e["node"]["text"] for e in actor["statements"]["edges"]] == [
        "Bob on the BC meeting, report 0."
    ]


async def test_statement_filters_compose(api: Api, graph: Graph) -> None:
    await _write(graph)
    query = """query($f: StatementFilter) { statements(filter: $f, orderBy: DATE_ASC) {
                 totalCount edges { node { speaker { name } } } } }"""

    async def speakers(f: dict[str, Any]) -> list[str]:
        data = await api.data(query, f=f)
        return [e["node"]["speaker"]["name"] for e in data["statements"]["edges"]]

    assert await speakers({}) == ["Alice", "Alice", "Bob", "Dave"]
    assert await speakers({"OR": [{"speaker": "Bob"}, {"speaker": "Dave"}]}) == ["Bob", "Dave"]
    assert await speakers({"NOT": [{"topic": "ceasefire"}]}) == ["Alice", "Dave"]
    assert await speakers({"speaker": "Alice", "NOT": [{"to": "2025-01-31"}]}) == ["Alice"]
    assert await speakers({"AND": [{"minConfidence": 0.4}, {"NOT": [{"speaker": "Alice"}]}]}) == [
        "Bob"
    ]


async def test_article_filters_compose(api: Api, graph: Graph) -> None:
    await _write(graph)
    query = """query($f: ArticleFilter) { articles(filter: $f, first: 100) {
                 totalCount edges { node { title } } } }"""

    async def titles(f: dict[str, Any]) -> list[str]:
        data = await api.data(query, f=f)
        return sorted(e["node"]["title"] for e in data["articles"]["edges"])

    assert await titles({"OR": [{"mentions": ["Dave"]}, {"mentions": ["Carol", "Bob"]}]}) == [
        "BC report 0",
        "BC report 1",
        "DE report 0",
        "DE report 1",
    ]
    assert await titles({"mentions": ["Alice"], "NOT": [{"topic": "ceasefire"}]}) == ["AC report 0"]


async def _walk(api: Api, order: str, size: int) -> list[str]:
    """Every meeting's title in ``order``, page by page."""
    titles: list[str] = []
    after: str | None = None
    while True:
        data = await api.data(MEETINGS_QUERY, o=order, first=size, after=after)
        page = data["meetings"]
        titles += [edge["node"]["title"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            return titles
        after = page["pageInfo"]["endCursor"]


async def test_meetings_order_by_report_count_with_ties_by_id_across_pages(
    api: Api, graph: Graph
) -> None:
    await _write(graph)
    ids = {
        e["node"]["title"]: e["node"]["id"]
        for e in (await api.data("{ meetings { edges { node { id title } } } }"))["meetings"][
            "edges"
        ]
    }
    # BC and DE are both reported twice: the tie goes by id, the same way in both orders.
    tied = sorted(["BC", "DE"], key=lambda title: ids[title])
    descending = ["AB", *reversed(tied), "AC"]
    for size in (1, 2, 3, 100):
        assert await _walk(api, "REPORT_COUNT_DESC", size) == descending, size
        assert await _walk(api, "REPORT_COUNT_ASC", size) == descending[::-1], size


async def test_meetings_order_by_confidence_with_ties_across_pages(api: Api, graph: Graph) -> None:
    await _write(graph)
    whole = await _walk(api, "CONFIDENCE_DESC", 100)
    data = await api.data(MEETINGS_QUERY, o="CONFIDENCE_DESC")
    confidences = [e["node"]["confidence"] for e in data["meetings"]["edges"]]
    assert confidences == sorted(confidences, reverse=True)
    assert whole[0] == "AB" and set(whole[1:3]) == {"AC", "BC"} and whole[3] == "DE"
    for size in (1, 3):
        assert await _walk(api, "CONFIDENCE_DESC", size) == whole, size
        assert await _walk(api, "CONFIDENCE_ASC", size) == whole[::-1], size
    # The date orders are as they were.
    assert await _walk(api, "DATE_ASC", 1) == ["AB", "AC", "BC", "DE"]
    assert await _walk(api, "DATE_DESC", 3) == ["DE", "BC", "AC", "AB"]


async def test_statements_order_by_confidence(api: Api, graph: Graph) -> None:
    await _write(graph)
    data = await api.data(
        """{ statements(orderBy: CONFIDENCE_DESC, first: 2) { edges { node { confidence } } }
             low: statements(orderBy: CONFIDENCE_ASC) { edges { node { confidence } } } }"""
    )
    top = [e["node"]["confidence"] for e in data["statements"]["edges"]]
    low = [e["node"]["confidence"] for e in data["low"]["edges"]]
    assert top == sorted(low, reverse=True)[:2]
    assert low == sorted(low)


async def test_a_fact_order_on_articles_is_refused_naming_it(api: Api, graph: Graph) -> None:
    body = await api.query("{ articles(orderBy: REPORT_COUNT_DESC) { totalCount } }")
    assert _codes(body) == ["BAD_USER_INPUT"], body
    assert "articles(orderBy)" in body["errors"][0]["message"]
    assert "REPORT_COUNT_DESC" in body["errors"][0]["message"]


async def test_bad_input_inside_a_composed_filter_names_its_place(api: Api, graph: Graph) -> None:
    await _write(graph)
    cases = {
        "meetings(filter.OR[1].participantsAny)": (
            MEETINGS_QUERY,
            {"OR": [{"mode": "VIDEO"}, {"participantsAny": ["Nobody Known"]}]},
        ),
        "meetings(filter.NOT[0].AND[0])": (
            MEETINGS_QUERY,
            {"NOT": [{"AND": [{"minConfidence": 2}]}]},
        ),
        "statements(filter.OR[0].search)": (
            "query($f: StatementFilter) { statements(filter: $f) { totalCount } }",
            {"OR": [{"search": "ceasefire"}]},
        ),
        "articles(filter.AND[0].mentions)": (
            "query($f: ArticleFilter) { articles(filter: $f) { totalCount } }",
            {"AND": [{"mentions": ["Nobody Known"]}]},
        ),
    }
    for where, (query, f) in cases.items():
        body = await api.query(query, f=f)
        assert _codes(body) == ["BAD_USER_INPUT"], (where, body)
        assert body["errors"][0]["message"].startswith(where), (where, body)
    # Not a filter at all: GraphQL's own coercion says where.
    body = await api.query(MEETINGS_QUERY, f={"OR": [{"mode": "BY_PIGEON"}]})
    assert _codes(body) == ["BAD_USER_INPUT"], body
    assert "OR" in body["errors"][0]["message"]


async def test_the_readme_example_of_a_composed_filter_runs(api: Api, graph: Graph) -> None:
    readme = (ROOT / "README.md").read_text()
    example = readme.split("the most reported first:\n\n```graphql\n", 1)[1].split("```", 1)[0]
    lavrov = ActorFact(name="Sergey Lavrov", kind=ActorKind.PERSON, aliases=["Lavrov"])
    writer = ArticleWriter(graph.store)
    for n, (people, mode) in enumerate(
        [
            (["Volodymyr Zelensky", "Dick Schoof"], MeetingMode.IN_PERSON),
            (["Sergey Lavrov", "Dick Schoof"], MeetingMode.PHONE),
            (["Volodymyr Zelensky", "Dick Schoof"], MeetingMode.VIDEO),
        ]
    ):
        for report in range(n + 1):
            await writer.write(
                article(
                    f"Meeting {n}, report {report}",
                    actors=[ZELENSKY, SCHOOF, UKRAINE, NETHERLANDS, lavrov],
                    meetings=[
                        meeting(*people, date=dt.date(2025, 8, 20 + n), mode=mode, title=f"M{n}")
                    ],
                )
            )
    edges = (await api.data(example))["meetings"]["edges"]
    # The phone call is left out; the video call is reported more often, so it comes first.
    assert [edge["node"]["title"] for edge in edges] == ["M2", "M0"]


async def test_participants_of_two_or_three_find_the_meetings_all_of_them_attended(
    api: Api, graph: Graph
) -> None:
    # Two participants are read from their pair of the meeting tallies alone; three are
    # checked from each meeting's side too: both find what every one of them attended.
    writer = ArticleWriter(graph.store)
    for title, people, day in (
        ("ABC", ("Alice", "Bob", "Carol"), dt.date(2025, 5, 1)),
        ("AB", ("Alice", "Bob"), dt.date(2025, 5, 2)),
        ("BC", ("Bob", "Carol"), dt.date(2025, 5, 3)),
    ):
        await writer.write(
            article(
                f"Meeting {title}",
                body=f"{title} met.",
                published=day,
                people=list(people),
                meetings=[meeting(*people, date=day, title=title)],
            )
        )
    assert await _titles(api, {"participants": ["Alice", "Bob"]}) == ["ABC", "AB"]
    assert await _titles(api, {"participants": ["Carol", "Bob"]}) == ["ABC", "BC"]
    assert await _titles(api, {"participants": ["Alice", "Carol"]}) == ["ABC"]
    assert await _titles(api, {"participants": ["Alice", "Bob", "Carol"]}) == ["ABC"]
