"""The relationship surface over HTTP, on the loaded seed articles."""

from __future__ import annotations

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
    assert not report.failed


def _names(items: list[dict[str, Any]]) -> list[str]:
    return [item["actor"]["name"] for item in items]


async def test_counterparts_of_zelensky_list_schoof_and_trump_with_dates(api: Api) -> None:
    data = await api.data(
        '{ actor(name: "Zelensky") { counterparts { actor { name } meetingCount lastMetOn } } }'
    )
    rows = {r["actor"]["name"]: r for r in data["actor"]["counterparts"]}
    assert {"Dick Schoof", "Donald Trump"} <= set(rows)
    assert rows["Dick Schoof"]["lastMetOn"] == "2025-08-23"
    assert rows["Dick Schoof"]["meetingCount"] == 1
    # The White House meeting "earlier in the week", dated by the page's "Aug. 18 appearance".
    assert rows["Donald Trump"]["lastMetOn"] == "2025-08-18"
    # A proposed meeting is not a meeting they had.
    assert "Vladimir Putin" not in rows


async def test_co_mentioned_actors_count_shared_articles(api: Api) -> None:
    data = await api.data(
        '{ actor(name: "Dick Schoof") { coMentioned(first: 50) { actor { name } articleCount } } }'
    )
    rows = {r["actor"]["name"]: r["articleCount"] for r in data["actor"]["coMentioned"]}
    assert rows["Volodymyr Zelensky"] == 2


async def test_mentioned_in_pages_the_articles_naming_an_actor(api: Api) -> None:
    data = await api.data(
        '{ actor(name: "Zelensky") { mentionedIn(first: 1) { totalCount '
        "pageInfo { hasNextPage } edges { node { title } } } } }"
    )
    page = data["actor"]["mentionedIn"]
    assert page["totalCount"] >= 2 and page["pageInfo"]["hasNextPage"]
    assert len(page["edges"]) == 1


async def test_actor_meetings_filter_by_mode_and_by_other_participants(api: Api) -> None:
    data = await api.data(
        '{ actor(name: "Zelensky") { phone: meetings(filter: {mode: PHONE}) { totalCount }'
        ' withTrump: meetings(filter: {participants: ["Donald Trump"]}) '
        "{ edges { node { place mode } } } all: meetings { totalCount } } }"
    )
    actor = data["actor"]
    assert actor["phone"]["totalCount"] == 1
    assert actor["withTrump"]["edges"][0]["node"] == {"place": "White House", "mode": "IN_PERSON"}
    assert actor["all"]["totalCount"] >= 3


async def test_articles_filter_by_mentions_topic_publisher_search_and_dates(api: Api) -> None:
    query = """query($f: ArticleFilter) { articles(filter: $f) { totalCount
        edges { node { title publisher } } } }"""

    async def count(**f: Any) -> int:
        return int((await api.data(query, f=f))["articles"]["totalCount"])

    assert await count(mentions=["Marco Rubio"]) == 1
    assert await count(mentions=["Zelensky", "Dick Schoof"]) == 2
    assert await count(topic="security guarantees") >= 2
    assert await count(publisher="Kyiv Independent") >= 1
    assert await count(search="Helsingin Sanomat") == 1
    assert await count(**{"from": "2025-08-24"}) == 0
    assert await count(to="2025-08-23") >= 2


async def test_order_by_date_ascending_reverses_the_default(api: Api) -> None:
    query = "query($o: DateOrder) { meetings(orderBy: $o) { edges { node { id date } } } }"
    down = [e["node"]["id"] for e in (await api.data(query))["meetings"]["edges"]]
    up = [e["node"]["id"] for e in (await api.data(query, o="DATE_ASC"))["meetings"]["edges"]]
    assert down == list(reversed(up))


async def test_search_ranks_statements_and_articles(api: Api) -> None:
    data = await api.data(
        '{ search(query: "security guarantees", first: 10) { score node { __typename '
        "... on Statement { text } ... on Article { title } } } }"
    )
    hits = data["search"]
    kinds = {hit["node"]["__typename"] for hit in hits}
    assert {"Statement", "Article"} <= kinds
    scores = [hit["score"] for hit in hits]
    assert scores == sorted(scores, reverse=True)


async def test_search_can_be_limited_to_actors(api: Api) -> None:
    data = await api.data(
        '{ search(query: "Stubb", types: [ACTOR]) { node { ... on Actor { name } } } }'
    )
    assert data["search"][0]["node"]["name"] == "Alexander Stubb"


async def test_path_from_schoof_to_rubio_is_a_real_chain(api: Api) -> None:
    data = await api.data(
        '{ path(from: "Dick Schoof", to: "Marco Rubio") { length nodes { __typename '
        "... on Actor { name } } steps { relationship forward "
        "from { id } to { id } } } }"
    )
    path = data["path"]
    assert path["length"] == len(path["steps"]) >= 2
    assert path["nodes"][0]["name"] == "Dick Schoof"
    assert path["nodes"][-1]["name"] == "Marco Rubio"
    for first, second in zip(path["steps"], path["steps"][1:], strict=False):
        assert first["to"]["id"] == second["from"]["id"]


async def test_path_respects_max_hops(api: Api) -> None:
    body = await api.query(
        '{ path(from: "Dick Schoof", to: "Marco Rubio", maxHops: 7) { length } }'
    )
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    short = await api.data(
        '{ path(from: "Dick Schoof", to: "Marco Rubio", maxHops: 1) { length } }'
    )
    assert short["path"] is None


async def test_timeline_lists_meetings_statements_and_articles_in_date_order(api: Api) -> None:
    data = await api.data(
        '{ timeline(actor: "Lavrov", first: 50) { totalCount edges { node { __typename '
        "... on Statement { date } ... on Article { publishedOn } ... on Meeting { date } } } } }"
    )
    edges = data["timeline"]["edges"]
    kinds = {e["node"]["__typename"] for e in edges}
    assert {"Statement", "Article"} <= kinds
    assert data["timeline"]["totalCount"] == len(edges)
    dates = [e["node"].get("date") or e["node"].get("publishedOn") for e in edges]
    dated = [d for d in dates if d]
    assert dated == sorted(dated)
    # Undated items come after every dated one.
    assert dates == dated + [None] * (len(dates) - len(dated))


async def test_timeline_pages_with_cursors(api: Api) -> None:
    query = """query($after: String) { timeline(actor: "Zelensky", first: 2, after: $after) {
        pageInfo { hasNextPage endCursor } edges { cursor } } }"""
    seen: list[str] = []
    after = None
    while True:
        page = (await api.data(query, after=after))["timeline"]
        seen += [edge["cursor"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    full = await api.data('{ timeline(actor: "Zelensky", first: 100) { totalCount } }')
    assert len(seen) == len(set(seen)) == full["timeline"]["totalCount"]


async def test_topics_list_their_articles_meetings_and_statements(api: Api) -> None:
    data = await api.data(
        "{ topics { name articles { totalCount } meetings { totalCount } "
        "statements { totalCount } } }"
    )
    topics = {t["name"]: t for t in data["topics"]}
    guarantees = topics["security guarantees"]
    assert guarantees["articles"]["totalCount"] >= 2
    assert guarantees["statements"]["totalCount"] >= 1


async def test_an_article_lists_what_it_reports(api: Api) -> None:
    data = await api.data(
        '{ articles(filter: {mentions: ["Marco Rubio"]}) { edges { node { id '
        "meetings { title } statements { text speaker { name } } mentions { name } "
        "topics { name } } } } }"
    )
    article = data["articles"]["edges"][0]["node"]
    assert len(article["meetings"]) >= 3
    assert {s["speaker"]["name"] for s in article["statements"]} >= {"Sergey Lavrov"}
    again = await api.data(
        "query($ids: [ID!]!) { nodes(ids: $ids) { id } }", ids=[article["id"], "bm9wZTp4"]
    )
    assert again["nodes"] == [{"id": article["id"]}, None]


async def test_actors_filter_by_kind_and_name(api: Api) -> None:
    data = await api.data(
        '{ actors(filter: {kind: COUNTRY, name: "nether"}) { totalCount edges { node { name } } } }'
    )
    assert [e["node"]["name"] for e in data["actors"]["edges"]] == ["Netherlands"]


async def test_a_country_named_beside_an_actor_shows_its_iso_code_there_too(api: Api) -> None:
    # The other actor of a co-mention (or a counterpart) comes with the edge; it must be the
    # whole actor, as `actor(name:)` shows it, not one missing its ISO code.
    direct = await api.data('{ actor(name: "Ukraine") { isoCode } }')
    assert direct["actor"]["isoCode"] == "UA"
    data = await api.data(
        '{ actor(name: "Dick Schoof") { coMentioned(first: 50) { actor { name isoCode } } } }'
    )
    codes = {r["actor"]["name"]: r["actor"]["isoCode"] for r in data["actor"]["coMentioned"]}
    assert codes["Ukraine"] == "UA"
