"""The ASGI app over HTTP: probes, SDL, and the first GraphQL slice."""

from __future__ import annotations

import httpx
import pytest

from newsgraph.api import create_app
from newsgraph.graph import Graph, open_graph
from newsgraph.ingest.write.writer import ArticleWriter
from newsgraph.settings import Settings
from tests.helpers.api import Api
from tests.helpers.factories import call_article


async def _seed(graph: Graph, n: int = 1) -> None:
    writer = ArticleWriter(graph.store)
    for i in range(n):
        await writer.write(call_article(title=f"Article {i}", body=f"Body number {i} of the test."))


async def test_healthz_answers_while_the_process_lives(api: Api) -> None:
    response = await api.http.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_is_200_when_the_graph_answers_and_says_nothing_else(api: Api) -> None:
    response = await api.http.get("/readyz")
    assert response.status_code == 200
    # Not where the graph is: anyone can ask, and only operators need to know.
    assert response.json() == {"status": "ready"}


async def test_the_sdl_is_served_as_text(api: Api) -> None:
    response = await api.http.get("/schema.graphql")
    assert response.status_code == 200
    assert "type Query" in response.text and "interface Node" in response.text


async def test_stats_count_what_was_loaded(api: Api, graph: Graph) -> None:
    await _seed(graph, 2)
    data = await api.data("{ stats { articles actors meetings statements topics } }")
    assert data["stats"] == {
        "articles": 2,
        "actors": 5,
        "meetings": 1,
        "statements": 1,
        "topics": 1,
    }


async def test_articles_page_through_with_cursors_and_a_total(api: Api, graph: Graph) -> None:
    await _seed(graph, 5)
    query = """query($after: String) { articles(first: 2, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title } } } }"""
    seen: list[str] = []
    after = None
    for _ in range(5):
        page = (await api.data(query, after=after))["articles"]
        assert page["totalCount"] == 5
        seen += [edge["node"]["title"] for edge in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert sorted(seen) == [f"Article {i}" for i in range(5)]


async def test_an_article_is_found_by_id_and_through_node(api: Api, graph: Graph) -> None:
    await _seed(graph)
    first = await api.data("{ articles(first: 1) { edges { node { id title publishedOn } } } }")
    node = first["articles"]["edges"][0]["node"]
    assert node["publishedOn"] == "2025-08-23"
    by_id = await api.data("query($id: ID!) { article(id: $id) { title } }", id=node["id"])
    assert by_id["article"]["title"] == node["title"]
    generic = await api.data(
        "query($id: ID!) { node(id: $id) { id ... on Article { title } } }", id=node["id"]
    )
    assert generic["node"] == {"id": node["id"], "title": node["title"]}


async def test_an_actor_is_found_by_any_alias_in_any_case(api: Api, graph: Graph) -> None:
    await _seed(graph)
    data = await api.data("""{ actor(name: "zelenskyy") { name kind
        roles { title of { name } } } }""")
    assert data["actor"]["name"] == "Volodymyr Zelensky"
    assert data["actor"]["roles"] == [{"title": "President", "of": {"name": "Ukraine"}}]


async def test_meetings_show_participants_and_reports(api: Api, graph: Graph) -> None:
    await _seed(graph)
    data = await api.data("""{ meetings(filter: {participants: ["Zelensky", "Dick Schoof"]}) {
        totalCount edges { node { date mode participants { actor { name } }
        reports { article { title } excerpt } } } } }""")
    meeting = data["meetings"]["edges"][0]["node"]
    assert data["meetings"]["totalCount"] == 1
    assert meeting["mode"] == "PHONE" and meeting["date"] == "2025-08-23"
    assert {p["actor"]["name"] for p in meeting["participants"]} == {
        "Volodymyr Zelensky",
        "Dick Schoof",
    }
    assert meeting["reports"][0]["article"]["title"] == "Article 0"


async def test_an_unknown_participant_is_a_clear_error(api: Api, graph: Graph) -> None:
    body = await api.query('{ meetings(filter: {participants: ["Nobody Atall"]}) { totalCount } }')
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "Nobody Atall" in body["errors"][0]["message"]


async def test_a_bad_cursor_is_a_clear_error(api: Api) -> None:
    body = await api.query('{ articles(after: "nonsense!") { totalCount } }')
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_first_above_100_is_refused(api: Api) -> None:
    body = await api.query("{ articles(first: 101) { totalCount } }")
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_graphql_answers_over_get_too(api: Api, graph: Graph) -> None:
    await _seed(graph)
    response = await api.http.get("/graphql", params={"query": "{ stats { articles } }"})
    assert response.status_code == 200
    assert response.json()["data"]["stats"]["articles"] == 1


async def test_a_down_graph_gives_503_and_graph_unavailable_and_only_the_log_says_where(
    caplog: pytest.LogCaptureFixture,
) -> None:
    graph = await open_graph(Settings(graph_url="falkordb://127.0.0.1:1", connect_timeout_s=1))
    app = create_app(Settings(), graph=graph)
    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
                caplog.clear()
                ready = await client.get("/readyz")
                assert ready.status_code == 503
                assert ready.json() == {"status": "unavailable", "reason": "graph unavailable"}
                assert any("127.0.0.1:1" in r.getMessage() for r in caplog.records)

                caplog.clear()
                body = await client.post("/graphql", json={"query": "{ stats { articles } }"})
                error = body.json()["errors"][0]
                assert error["extensions"] == {"code": "GRAPH_UNAVAILABLE"}
                assert "Traceback" not in body.text and "MATCH" not in body.text
                assert "127.0.0.1:1" not in body.text
                # The log has the address, under the request id the client was given.
                request_id = body.headers["x-request-id"]
                assert request_id in error["message"]
                [logged] = [r for r in caplog.records if request_id in r.getMessage()]
                assert "127.0.0.1:1" in logged.getMessage()
    finally:
        await graph.close()


async def test_answers_are_written_as_utf8_text_not_escapes(api: Api) -> None:
    # An error message quotes the client's words back: the non-ASCII ones come back as they
    # were sent, in the UTF-8 the content type names (the body is the smaller for it).
    document = '{ meetings(filter: {participants: ["Zélie Aubert"]}) { totalCount } }'
    response = await api.http.post("/graphql", json={"query": document})
    assert response.headers["content-type"].endswith("charset=utf-8")
    assert "Zélie Aubert".encode() in response.content, response.content
    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_a_body_the_fast_encoder_refuses_is_written_by_the_standard_one() -> None:
    from newsgraph.api.http import _encode

    # orjson stops at 64-bit integers; such a number (in an error's numbers, say) still goes.
    assert _encode({"n": 2**70, "s": "é"}) == '{"n":1180591620717411303424,"s":"é"}'.encode()
