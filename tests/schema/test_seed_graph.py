"""The seed articles, loaded and asked about over GraphQL: what the loaders issue promises."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from newsgraph.graph import Graph
from newsgraph.ingest.extract.reference import load_reference
from newsgraph.ingest.pipeline import load_paths
from tests.helpers import CORPUS
from tests.helpers.api import Api

pytestmark = pytest.mark.usefixtures("seeded")


@pytest.fixture
async def seeded(graph: Graph) -> None:
    report = await load_paths([CORPUS], graph.store, load_reference())
    assert not report.failed, [f.error for f in report.failed]


MEETINGS = """query($people: [String!]) {
  meetings(filter: {participants: $people}) { edges { node {
    date mode status place participants { actor { name } role }
    reports { article { title } excerpt } } } } }"""


async def _meetings(api: Api, *people: str) -> list[dict[str, Any]]:
    data = await api.data(MEETINGS, people=list(people))
    return [edge["node"] for edge in data["meetings"]["edges"]]


async def test_zelensky_is_one_actor_whatever_the_spelling(api: Api) -> None:
    names = set()
    for spelling in ("Zelensky", "Zelenskyy", "Zelenskyi", "Volodymyr Zelenskyy"):
        data = await api.data("query($n: String!) { actor(name: $n) { id } }", n=spelling)
        assert data["actor"] is not None, spelling
        names.add(data["actor"]["id"])
    assert len(names) == 1


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Marco Rubio", "PERSON"),
        ("Andriy Yermak", "PERSON"),
        ("Dick Schoof", "PERSON"),
        ("Donald Trump", "PERSON"),
        ("Lavrov", "PERSON"),
        ("Alexander Stubb", "PERSON"),
        ("Putin", "PERSON"),
        ("Ukraine", "COUNTRY"),
        ("Russia", "COUNTRY"),
        ("Netherlands", "COUNTRY"),
        ("United States", "COUNTRY"),
        ("China", "COUNTRY"),
    ],
)
async def test_the_named_actors_exist_with_their_kind(api: Api, name: str, kind: str) -> None:
    data = await api.data("query($n: String!) { actor(name: $n) { kind } }", n=name)
    assert data["actor"] == {"kind": kind}, name


@pytest.mark.parametrize(
    ("name", "title", "of"),
    [
        ("Dick Schoof", "Prime Minister", "Netherlands"),
        ("Marco Rubio", "Secretary of State", "United States"),
        ("Alexander Stubb", "President", "Finland"),
    ],
)
async def test_roles_come_from_the_text(api: Api, name: str, title: str, of: str) -> None:
    data = await api.data(
        "query($n: String!) { actor(name: $n) { roles { title of { name } } } }", n=name
    )
    roles = {(r["title"], r["of"]["name"]) for r in data["actor"]["roles"] if r["of"]}
    assert any(t.endswith(title) and o == of for t, o in roles), roles


async def test_the_zelensky_schoof_call_is_one_phone_meeting_reported_twice(api: Api) -> None:
    meetings = await _meetings(api, "Zelensky", "Dick Schoof")
    assert len(meetings) == 1
    call = meetings[0]
    assert (call["date"], call["mode"], call["status"]) == ("2025-08-23", "PHONE", "HELD")
    assert len(call["reports"]) == 2
    assert all(report["excerpt"] for report in call["reports"])


async def test_rubio_met_yermak_on_august_22_with_the_others_named(api: Api) -> None:
    meetings = await _meetings(api, "Marco Rubio", "Andriy Yermak")
    assert [m["date"] for m in meetings] == ["2025-08-22"]
    others = {p["actor"]["name"] for p in meetings[0]["participants"]}
    assert {"NATO", "European Commission"} <= others or len(others) > 2


async def test_the_white_house_meeting_is_in_person_on_august_18(api: Api) -> None:
    meetings = await _meetings(api, "Zelensky", "Donald Trump")
    held = [m for m in meetings if m["status"] == "HELD"]
    assert len(held) == 1
    assert held[0]["mode"] == "IN_PERSON" and held[0]["date"] == "2025-08-18"


async def test_the_meeting_zelensky_seeks_with_putin_is_proposed(api: Api) -> None:
    meetings = await _meetings(api, "Zelensky", "Putin")
    assert [m["status"] for m in meetings] == ["PROPOSED"]


STATEMENTS = """query($who: String!) { statements(filter: {speaker: $who}) { edges { node {
  text date medium reports { article { title } excerpt } } } } }"""


async def test_the_architecture_quote_is_one_statement_reported_by_both(api: Api) -> None:
    data = await api.data(STATEMENTS, who="Zelensky")
    nodes = [e["node"] for e in data["statements"]["edges"]]
    matching = [n for n in nodes if "architecture" in n["text"]]
    assert len(matching) == 1
    assert len(matching[0]["reports"]) == 2


async def test_lavrov_and_stubb_statements_carry_dates_or_media(api: Api) -> None:
    lavrov = await api.data(STATEMENTS, who="Lavrov")
    assert any(e["node"]["date"] == "2025-08-21" for e in lavrov["statements"]["edges"])
    stubb = await api.data(STATEMENTS, who="Stubb")
    media = {e["node"]["medium"] for e in stubb["statements"]["edges"]}
    assert any(m and "Helsingin Sanomat" in m for m in media)


CONFIDENT = """query($floor: Float) {
  meetings(filter: {minConfidence: $floor}) { edges { node {
    title confidence participants { actor { name } confidence } } } }
  statements(filter: {minConfidence: $floor}, first: 100) { edges { node { confidence } } } }"""


async def test_every_fact_carries_a_confidence_and_a_second_report_raises_it(api: Api) -> None:
    data = await api.data(CONFIDENT, floor=None)
    meetings = [e["node"] for e in data["meetings"]["edges"]]
    statements = [e["node"] for e in data["statements"]["edges"]]
    assert meetings and statements
    for fact in [*meetings, *statements]:
        assert 0 < fact["confidence"] <= 1
    for meeting in meetings:
        for participant in meeting["participants"]:
            assert 0 < participant["confidence"] <= 1
    # The Zelensky-Schoof call is reported by both seed articles: surer than either report
    # (the Rubio-Yermak meeting, one article's, is the comparison).
    by_title = {m["title"]: m["confidence"] for m in meetings}
    call = next(c for t, c in by_title.items() if "Schoof" in t)
    rubio = next(c for t, c in by_title.items() if "Rubio" in t)
    assert call > 0.9 > rubio


async def test_min_confidence_leaves_out_the_less_sure_facts(api: Api) -> None:
    everything = await api.data(CONFIDENT, floor=None)
    floor = sorted(e["node"]["confidence"] for e in everything["meetings"]["edges"])[-1]
    sure = await api.data(CONFIDENT, floor=floor)
    assert 1 <= len(sure["meetings"]["edges"]) < len(everything["meetings"]["edges"])
    assert all(e["node"]["confidence"] >= floor for e in sure["meetings"]["edges"])


async def test_a_confidence_floor_outside_zero_to_one_is_bad_input(api: Api) -> None:
    errors = (await api.query(CONFIDENT, floor=1.5))["errors"]
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "minConfidence" in errors[0]["message"]


async def test_countries_carry_their_iso_code(api: Api) -> None:
    data = await api.data(
        '{ nl: actor(name: "Netherlands") { isoCode } '
        'zelensky: actor(name: "Zelensky") { isoCode } }'
    )
    assert data == {"nl": {"isoCode": "NL"}, "zelensky": {"isoCode": None}}


def _readme_examples(word: str) -> list[str]:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    blocks = re.findall(r"```graphql\n(.*?)```", readme, flags=re.DOTALL)
    return [block for block in blocks if word in block]


async def test_the_readme_count_examples_answer_on_the_seed_articles(api: Api) -> None:
    examples = _readme_examples("Stats(") + _readme_examples("mentionCount")
    assert len(examples) == 4
    for document in examples:
        data = await api.data(document)
        assert all(value for value in data.values()), (document, data)
    [meetings] = _readme_examples("meetingStats(")
    stats = (await api.data(meetings))["meetingStats"]
    listed = await api.data(
        '{ meetings(filter: {participants: ["Zelensky"], from: "2025-08-01"}) { totalCount } }'
    )
    assert stats["count"] == listed["meetings"]["totalCount"] > 0
    assert sum(period["count"] for period in stats["byPeriod"]) == stats["count"]
