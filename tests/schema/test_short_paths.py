"""The shortest path between two actors tries paths of one and of two steps before the search
of every shortest path (which collects every two-step path of two busy actors): each answer
has the length the general search gives, and the general search runs only when no short path
exists."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.graph import Graph, count_round_trips, cypher
from newsgraph.ingest.model import ActorFact, ActorKind, RoleFact
from newsgraph.ingest.write.writer import ArticleWriter
from tests.helpers.api import Api
from tests.helpers.factories import article, meeting

DAY = dt.date(2025, 4, 1)
VERSION = "GRAPH_VERSION"
PATH = """query($from: String!, $to: String!) { path(from: $from, to: $to) {
  length nodes { __typename ... on Actor { name } } steps { from { id } to { id } } } }"""


@pytest.fixture
async def chain(graph: Graph) -> Graph:
    # Ann met Ben, Ben met Cai, Cai met Dan, each reported by an article of its own.
    writer = ArticleWriter(graph.store)
    for i, (one, other) in enumerate([("Ann", "Ben"), ("Ben", "Cai"), ("Cai", "Dan")]):
        day = DAY + dt.timedelta(days=i)
        await writer.write(
            article(
                f"{one} and {other}",
                published=day,
                people=[one, other],
                meetings=[meeting(one, other, date=day, excerpt=f"{one} met {other}.")],
            )
        )
    return graph


@pytest.mark.parametrize(
    ("source", "target", "length", "asked"),
    [
        ("Ann", "Ben", 2, ["PATH_OF_1_STEP", "PATH_OF_2_STEPS"]),
        ("Ann", "Cai", 4, ["PATH_OF_1_STEP", "PATH_OF_2_STEPS", "SHORTEST_PATH"]),
        ("Dan", "Ann", 6, ["PATH_OF_1_STEP", "PATH_OF_2_STEPS", "SHORTEST_PATH"]),
    ],
)
async def test_a_path_is_as_short_as_the_general_search_finds(
    api: Api, chain: Graph, source: str, target: str, length: int, asked: list[str]
) -> None:
    with count_round_trips() as trips:
        data = await api.data(PATH, **{"from": source, "to": target})
    path = data["path"]
    assert path["length"] == len(path["steps"]) == length
    assert [path["nodes"][0]["name"], path["nodes"][-1]["name"]] == [source, target]
    for first, second in zip(path["steps"], path["steps"][1:], strict=False):
        assert first["to"]["id"] == second["from"]["id"]
    statements = [name for name in trips.statements if name not in (VERSION, "ACTORS_BY_NAME")]
    assert [name for name in statements if "PATH" in name] == asked
    ids = {name: f"{name.lower()}" for name in (source, target)}
    general = await chain.store.read(cypher.SHORTEST_PATH, {"from": ids[source], "to": ids[target]})
    assert len(general[0]["relationships"]) == length


async def test_a_path_searched_from_the_less_named_end_still_reads_from_source_to_target(
    api: Api, graph: Graph
) -> None:
    # Hub is named by three articles, Guest by one: the two-step search starts from Guest,
    # and the path found is turned round to run from Hub.
    writer = ArticleWriter(graph.store)
    for i in range(3):
        await writer.write(
            article(f"Hub news {i}", published=DAY, people=["Hub"], mentions=["Hub"])
        )
    await writer.write(
        article(
            "Hub and Guest",
            published=DAY,
            people=["Hub", "Guest"],
            mentions=["Guest"],
            meetings=[meeting("Hub", "Guest", date=DAY, excerpt="Hub met Guest.")],
        )
    )
    for source, target in (("Hub", "Guest"), ("Guest", "Hub")):
        data = await api.data(
            """query($from: String!, $to: String!) { path(from: $from, to: $to) {
              length nodes { __typename ... on Actor { name } }
              steps { relationship forward from { __typename } to { __typename } } } }""",
            **{"from": source, "to": target},
        )
        path = data["path"]
        assert path["length"] == 2
        assert [n.get("name") for n in path["nodes"]] == [source, None, target]
        # Through the meeting or the article: each step points the way its relationship does
        # (an actor takes part in a meeting, an article mentions an actor).
        first, last = path["steps"]
        assert first["from"]["__typename"] == last["to"]["__typename"] == "Actor"
        assert first["forward"] == (first["relationship"] == "PARTICIPATED_IN")
        assert last["forward"] == (last["relationship"] == "MENTIONS")


async def test_one_step_between_two_actors_is_a_role(api: Api, graph: Graph) -> None:
    writer = ArticleWriter(graph.store)
    await writer.write(
        article(
            "Ann of Ruritania",
            published=DAY,
            actors=[
                ActorFact(
                    name="Ann",
                    kind=ActorKind.PERSON,
                    roles=[RoleFact(title="President", of="Ruritania")],
                ),
                ActorFact(name="Ruritania", kind=ActorKind.COUNTRY),
            ],
            mentions=["Ann", "Ruritania"],
        )
    )
    with count_round_trips() as trips:
        data = await api.data(
            """query { path(from: "Ruritania", to: "Ann") { length
                 nodes { ... on Actor { name } } steps { relationship forward } } }"""
        )
    assert data["path"] == {
        "length": 1,
        "nodes": [{"name": "Ruritania"}, {"name": "Ann"}],
        "steps": [{"relationship": "HOLDS_ROLE", "forward": False}],
    }
    assert [name for name in trips.statements if "PATH" in name] == ["PATH_OF_1_STEP"]
