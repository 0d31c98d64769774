"""Writes over HTTP: behind an API key, with result unions for expected failures."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from newsgraph.api import create_app
from newsgraph.graph import Graph
from newsgraph.graph.locks import writer_lock
from newsgraph.graph.maintenance import dump, node_counts
from newsgraph.ingest.model import (
    ActorFact,
    ActorKind,
    Participant,
    RoleFact,
)
from newsgraph.ingest.write.writer import ArticleWriter
from newsgraph.schema.relay import decode_global_id, encode_global_id
from newsgraph.settings import Settings
from tests.helpers import CORPUS
from tests.helpers.factories import article, call_article, corpus
from tests.helpers.graphs import RECOUNTED_MET, STORED_MET, assert_derived_edges_match_a_recount
from tests.helpers.site import Site, fixture_text, serving_site

KEY = "test-key-0123456789"
SEED = (CORPUS / "security-guarantees-zelensky-breakthrough.txt").read_text()
OTHER = (CORPUS / "kyiv-independent-zelensky-security-guarantees.txt").read_text()

INGEST = """mutation($input: ArticleInput!) { ingestArticle(input: $input) {
  __typename
  ... on Ingested { article { id title publishedOn } created { articles meetings statements } }
  ... on InvalidInput { message field } } }"""


class Writer:
    def __init__(self, client: httpx.AsyncClient) -> None:
        self.client = client

    async def send(self, document: str, key: str | None = KEY, **variables: Any) -> Any:
        headers = {"Authorization": f"Bearer {key}"} if key else {}
        response = await self.client.post(
            "/graphql", json={"query": document, "variables": variables}, headers=headers
        )
        return response.json()


@pytest.fixture
async def writer(graph: Graph) -> AsyncIterator[Writer]:
    app = create_app(Settings(api_keys=f"other-key,{KEY}"), graph=graph)  # type: ignore[arg-type]
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            yield Writer(client)


async def _ingest(writer: Writer, body: str, **extra: Any) -> dict[str, Any]:
    result = await writer.send(INGEST, input={"body": body, **extra})
    assert "errors" not in result, result
    payload: dict[str, Any] = result["data"]["ingestArticle"]
    return payload


@pytest.mark.parametrize("key", [None, "wrong-key"])
async def test_a_missing_or_wrong_key_is_unauthenticated_and_writes_nothing(
    writer: Writer, graph: Graph, key: str | None
) -> None:
    result = await writer.send(INGEST, key=key, input={"body": SEED})
    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert (await node_counts(graph.store))["articles"] == 0


async def test_with_no_keys_configured_writes_are_off(graph: Graph) -> None:
    app = create_app(Settings(), graph=graph)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            result = await Writer(client).send(INGEST, input={"body": SEED})
    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_ingesting_an_article_runs_the_whole_pipeline(writer: Writer) -> None:
    payload = await _ingest(writer, SEED)
    assert payload["__typename"] == "Ingested"
    assert payload["article"]["publishedOn"] == "2025-08-23"
    assert payload["created"]["articles"] == 1
    assert payload["created"]["meetings"] >= 2
    again = await _ingest(writer, SEED)
    assert again["created"] == {"articles": 0, "meetings": 0, "statements": 0}


async def test_an_empty_body_is_invalid_input_naming_the_field(writer: Writer) -> None:
    payload = await _ingest(writer, "   ")
    assert payload == {"__typename": "InvalidInput", "message": "`body` is empty", "field": "body"}


async def test_a_body_with_no_article_text_is_invalid_input(writer: Writer) -> None:
    payload = await _ingest(writer, "News Feed\n\nRead more\n\nShow More")
    assert payload["__typename"] == "InvalidInput" and payload["field"] == "body"


async def test_an_oversized_body_is_refused(writer: Writer) -> None:
    payload = await _ingest(writer, "word " * 50_000)
    assert payload["__typename"] == "InvalidInput" and "longer" in payload["message"]


async def test_update_actor_changes_name_and_aliases_and_keeps_the_id(writer: Writer) -> None:
    await _ingest(writer, SEED)
    found = await writer.send('{ actor(name: "Dick Schoof") { id } }')
    actor_id = found["data"]["actor"]["id"]
    result = await writer.send(
        """mutation($id: ID!) { updateActor(id: $id, input: {description: "Dutch PM",
        aliases: ["Hendrikus Schoof", "Schoof"]}) { __typename ... on ActorChanged {
        actor { id name description aliases } } } }""",
        id=actor_id,
    )
    actor = result["data"]["updateActor"]["actor"]
    assert actor["id"] == actor_id and actor["description"] == "Dutch PM"
    assert actor["aliases"] == ["Hendrikus Schoof", "Schoof"]
    by_alias = await writer.send('{ actor(name: "hendrikus schoof") { id } }')
    assert by_alias["data"]["actor"]["id"] == actor_id


async def test_a_name_with_a_control_character_is_invalid_input(writer: Writer) -> None:
    await _ingest(writer, SEED)
    found = await writer.send('{ actor(name: "Dick Schoof") { id } }')
    result = await writer.send(
        """mutation($id: ID!, $name: String!) { updateActor(id: $id, input: {name: $name}) {
        __typename ... on InvalidInput { field } } }""",
        id=found["data"]["actor"]["id"],
        name="Dick\u0001Schoof",
    )
    assert result["data"]["updateActor"] == {"__typename": "InvalidInput", "field": "name"}


async def test_update_of_an_unknown_actor_is_not_found(writer: Writer) -> None:
    result = await writer.send(
        'mutation { updateActor(id: "QWN0b3I6bm9ib2R5", input: {name: "X"}) { __typename } }'
    )
    assert result["data"]["updateActor"]["__typename"] == "NotFound"


async def test_merge_actors_moves_every_relationship_and_alias(
    writer: Writer, graph: Graph
) -> None:
    await _ingest(writer, SEED)
    # A duplicate the way a careless structured source would make one: a second actor for
    # the same man, in a second call with Zelensky.
    duplicate = call_article(title="Second call", body="Schoof called Zelensky again.")
    duplicate = duplicate.model_copy(
        update={
            "actors": [
                *[a for a in duplicate.actors if a.name != "Dick Schoof"],
                ActorFact(name="D. Schoof", kind=ActorKind.PERSON),
            ],
            "mentions": ["Volodymyr Zelensky", "D. Schoof"],
            "meetings": [
                duplicate.meetings[0].model_copy(
                    update={
                        "date": dt.date(2025, 8, 25),
                        "participants": [
                            Participant(actor="Volodymyr Zelensky"),
                            Participant(actor="D. Schoof"),
                        ],
                    }
                )
            ],
        }
    )
    await ArticleWriter(graph.store).write(duplicate)
    ids = await writer.send(
        '{ keep: actor(name: "Dick Schoof") { id } gone: actor(name: "D. Schoof") { id } }'
    )
    keep, gone = ids["data"]["keep"]["id"], ids["data"]["gone"]["id"]
    result = await writer.send(
        """mutation($k: ID!, $m: ID!) { mergeActors(keep: $k, merge: $m) { __typename
        ... on ActorChanged { actor { aliases counterparts { actor { name } meetingCount
        lastMetOn } mentionedIn { totalCount } } } } }""",
        k=keep,
        m=gone,
    )
    actor = result["data"]["mergeActors"]["actor"]
    assert "D. Schoof" in actor["aliases"]
    zelensky = [c for c in actor["counterparts"] if c["actor"]["name"] == "Volodymyr Zelensky"]
    assert zelensky[0]["meetingCount"] == 2 and zelensky[0]["lastMetOn"] == "2025-08-25"
    assert actor["mentionedIn"]["totalCount"] == 2
    gone_now = await writer.send("query($id: ID!) { node(id: $id) { id } }", id=gone)
    assert gone_now["data"] == {"node": None}
    by_old_name = await writer.send('{ actor(name: "D. Schoof") { id } }')
    assert by_old_name["data"]["actor"]["id"] == keep
    await assert_derived_edges_match_a_recount(graph.store)
    # The meetings' counted participants followed the merge: a later report of the merged
    # call changes no count, and the kept counts equal a recount from the meetings.
    await ArticleWriter(graph.store).write(duplicate)
    assert await graph.store.read(STORED_MET) == await graph.store.read(RECOUNTED_MET)


async def test_after_merging_actors_a_report_naming_the_kept_one_joins_its_meetings(
    writer: Writer, graph: Graph
) -> None:
    store = graph.store
    duplicate = call_article(title="A call", body="D. Schoof called Zelensky.")
    duplicate = duplicate.model_copy(
        update={
            "actors": [*duplicate.actors, ActorFact(name="D. Schoof", kind=ActorKind.PERSON)],
            "meetings": [
                duplicate.meetings[0].model_copy(
                    update={
                        "participants": [
                            Participant(actor="Volodymyr Zelensky"),
                            Participant(actor="D. Schoof"),
                        ]
                    }
                )
            ],
        }
    )
    await ArticleWriter(store).write(duplicate)
    result = await writer.send(
        """mutation($k: ID!, $m: ID!) { mergeActors(keep: $k, merge: $m) { __typename } }""",
        k=encode_global_id("Actor", "dick-schoof"),
        m=encode_global_id("Actor", "d-schoof"),
    )
    assert result["data"]["mergeActors"]["__typename"] == "ActorChanged", result
    # The same call, reported with an adviser by the kept name: one meeting of three.
    adviser = ActorFact(name="Andriy Yermak", kind=ActorKind.PERSON)
    later = call_article(title="The call, with Yermak", body="Zelensky, Yermak and Schoof.")
    later = later.model_copy(
        update={
            "actors": [*later.actors, adviser],
            "meetings": [
                later.meetings[0].model_copy(
                    update={
                        "participants": [
                            *later.meetings[0].participants,
                            Participant(actor="Andriy Yermak"),
                        ]
                    }
                )
            ],
        }
    )
    await ArticleWriter(store).write(later)
    assert (await node_counts(store))["meetings"] == 1


async def test_delete_article_removes_only_the_facts_it_alone_reported(
    writer: Writer, graph: Graph
) -> None:
    first = await _ingest(writer, SEED)
    alone = await dump(graph.store)
    second = await _ingest(writer, OTHER)
    result = await writer.send(
        """mutation($id: ID!) { deleteArticle(id: $id) { __typename ... on ArticleDeleted {
        meetingsRemoved statementsRemoved } } }""",
        id=second["article"]["id"],
    )
    deleted = result["data"]["deleteArticle"]
    assert deleted["__typename"] == "ArticleDeleted" and deleted["meetingsRemoved"] >= 2
    gone = await writer.send("query($id: ID!) { node(id: $id) { id } }", id=second["article"]["id"])
    assert gone["data"] == {"node": None}
    call = await writer.send(
        '{ meetings(filter: {participants: ["Zelensky", "Dick Schoof"]}) '
        "{ edges { node { reports { article { id } } } } } }"
    )
    reports = call["data"]["meetings"]["edges"][0]["node"]["reports"]
    assert [r["article"]["id"] for r in reports] == [first["article"]["id"]]
    # Nothing of the deleted article's own facts is left behind; the shared call stays.
    left = await dump(graph.store)
    ids = {n["props"]["id"] for n in left["nodes"] if {"Meeting", "Statement"} & set(n["labels"])}
    before = {
        n["props"]["id"] for n in alone["nodes"] if {"Meeting", "Statement"} & set(n["labels"])
    }
    assert ids <= before | {n for n in ids if n.startswith("st-")}


DELETE = """mutation($id: ID!) { deleteArticle(id: $id) { __typename } }"""
MERGE = """mutation($k: ID!, $m: ID!) { mergeActors(keep: $k, merge: $m) {
  __typename ... on InvalidInput { message field } } }"""
SCHOOF_PAIRS = """{ actor(name: "Dick Schoof") {
  counterparts { actor { name } meetingCount }
  coMentioned { actor { name } articleCount } } }"""


async def test_deleting_the_only_article_about_a_meeting_takes_its_counts_with_it(
    writer: Writer, graph: Graph
) -> None:
    ingested = await _ingest(writer, SEED)
    before = (await writer.send(SCHOOF_PAIRS))["data"]["actor"]
    met = {c["actor"]["name"]: c["meetingCount"] for c in before["counterparts"]}
    named = {c["actor"]["name"]: c["articleCount"] for c in before["coMentioned"]}
    assert met["Volodymyr Zelensky"] == 1 and named["Volodymyr Zelensky"] == 1

    result = await writer.send(DELETE, id=ingested["article"]["id"])
    assert result["data"]["deleteArticle"]["__typename"] == "ArticleDeleted"
    after = (await writer.send(SCHOOF_PAIRS))["data"]["actor"]
    assert after == {"counterparts": [], "coMentioned": []}
    await assert_derived_edges_match_a_recount(graph.store)

    # Loaded again, it counts once, as it did the first time.
    await _ingest(writer, SEED)
    assert (await writer.send(SCHOOF_PAIRS))["data"]["actor"] == before


async def test_deleting_one_of_two_reports_leaves_counts_equal_to_a_recount(
    writer: Writer, graph: Graph
) -> None:
    first = await _ingest(writer, SEED)
    second = await _ingest(writer, OTHER)
    await writer.send(DELETE, id=second["article"]["id"])
    await assert_derived_edges_match_a_recount(graph.store)
    await _ingest(writer, OTHER)
    await writer.send(DELETE, id=first["article"]["id"])
    await assert_derived_edges_match_a_recount(graph.store)
    assert (await graph.store.read(STORED_MET)) != []


async def test_every_delete_and_merge_leaves_met_and_co_mentions_equal_to_a_recount(
    writer: Writer, graph: Graph
) -> None:
    items = corpus(120, seed=5)
    await ArticleWriter(graph.store).write_batch(items)
    stored = await graph.store.read(STORED_MET)
    assert len(stored) > 20 and max(row["count"] for row in stored) > 1
    await assert_derived_edges_match_a_recount(graph.store)

    page = await writer.send("{ articles(first: 40) { edges { node { id } } } }")
    for edge in page["data"]["articles"]["edges"][::4]:
        result = await writer.send(DELETE, id=edge["node"]["id"])
        assert result["data"]["deleteArticle"]["__typename"] == "ArticleDeleted"
        await assert_derived_edges_match_a_recount(graph.store)

    # People who met others often: merging them moves many meetings and mentions.
    people = await writer.send(
        "{ actors(filter: {kind: PERSON}, first: 100) { edges { node { id "
        "counterparts { meetingCount } } } } }"
    )
    busy = sorted(
        people["data"]["actors"]["edges"],
        key=lambda e: -sum(c["meetingCount"] for c in e["node"]["counterparts"]),
    )
    ids = [e["node"]["id"] for e in busy[:6]]
    for keep, merge in zip(ids[::2], ids[1::2], strict=True):
        result = await writer.send(MERGE, k=keep, m=merge)
        assert result["data"]["mergeActors"]["__typename"] == "ActorChanged", result
        await assert_derived_edges_match_a_recount(graph.store)


MERGE_ANY_KIND = """mutation($k: ID!, $m: ID!) {
  mergeActors(keep: $k, merge: $m, allowKindMismatch: true) { __typename
    ... on ActorChanged { actor { name kind aliases roles { title of { name } } } } } }"""


async def _ids(writer: Writer, *names: str) -> list[str]:
    ids = []
    for name in names:
        found = await writer.send("query($n: String!) { actor(name: $n) { id } }", n=name)
        ids.append(found["data"]["actor"]["id"])
    return ids


async def test_merging_a_country_into_a_person_is_refused_and_changes_nothing(
    writer: Writer, graph: Graph
) -> None:
    await _ingest(writer, SEED)
    person, country = await _ids(writer, "Dick Schoof", "Netherlands")
    before = await dump(graph.store)
    result = await writer.send(MERGE, k=person, m=country)
    assert result["data"]["mergeActors"] == {
        "__typename": "InvalidInput",
        "message": "`keep` is a PERSON and `merge` a COUNTRY: merging actors of different "
        "kinds needs `allowKindMismatch: true`",
        "field": "merge",
    }
    assert await dump(graph.store) == before


async def test_a_kind_mismatch_merges_when_asked_and_keep_keeps_its_kind(
    writer: Writer, graph: Graph
) -> None:
    # An organisation extracted a second time as a person, with a role held in it.
    nato_article = article(
        "NATO ministers meet",
        body="NATO ministers met in Brussels.",
        published=None,
        actors=[
            ActorFact(name="NATO", kind=ActorKind.ORGANIZATION),
            ActorFact(name="North Atlantic Alliance", kind=ActorKind.PERSON),
            ActorFact(
                name="Mark Rutte",
                kind=ActorKind.PERSON,
                roles=[RoleFact(title="Secretary General", of="North Atlantic Alliance")],
            ),
        ],
        mentions=["NATO", "North Atlantic Alliance", "Mark Rutte"],
    )
    await ArticleWriter(graph.store).write(nato_article)
    nato, alliance, rutte = await _ids(writer, "NATO", "North Atlantic Alliance", "Mark Rutte")
    refused = await writer.send(MERGE, k=nato, m=alliance)
    assert refused["data"]["mergeActors"]["__typename"] == "InvalidInput"

    result = await writer.send(MERGE_ANY_KIND, k=nato, m=alliance)
    actor = result["data"]["mergeActors"]["actor"]
    assert actor == {
        "name": "NATO",
        "kind": "ORGANIZATION",
        "aliases": ["North Atlantic Alliance"],
        "roles": [],
    }
    roles = await writer.send(
        "query($id: ID!) { node(id: $id) { ... on Actor { roles { title of { name kind } } } } }",
        id=rutte,
    )
    assert roles["data"]["node"]["roles"] == [
        {"title": "Secretary General", "of": {"name": "NATO", "kind": "ORGANIZATION"}}
    ]
    await assert_derived_edges_match_a_recount(graph.store)


async def test_a_delete_waits_for_the_writer_that_holds_the_lease(
    writer: Writer, graph: Graph
) -> None:
    # A load holding the lease is between its read and its write: a delete planned now could
    # remove a meeting that load is about to report again.
    article = (await _ingest(writer, SEED))["article"]["id"]
    async with writer_lock(graph.store):
        pending = asyncio.create_task(writer.send(DELETE, id=article))
        await asyncio.sleep(0.5)  # many times what the delete takes when nothing holds the lease
        still = await writer.send("query($id: ID!) { node(id: $id) { id } }", id=article)
        assert still["data"]["node"] == {"id": article}
        assert not pending.done()
    result = await pending
    assert result["data"]["deleteArticle"]["__typename"] == "ArticleDeleted"


async def test_an_ingested_article_is_published_to_subscribers_with_what_it_added(
    writer: Writer, graph: Graph
) -> None:
    assert graph.events is not None
    before = {kind: await graph.events.last_id(kind) for kind in ("article", "meeting")}
    payload = await _ingest(writer, SEED)
    _type, article_key = decode_global_id(payload["article"]["id"])
    articles = await graph.events.read("article", before["article"], 100, 0)
    meetings = await graph.events.read("meeting", before["meeting"], 100, 0)
    assert [event.node for event in articles] == [article_key]
    assert len(meetings) == payload["created"]["meetings"] > 0


# --- ingestArticle from a page (`html`) or a URL the server fetches -----------------------

PAGE = fixture_text("lavrov-wang.html").replace("{base}", "https://harbour.example")


@pytest.fixture
def site() -> Iterator[Site]:
    with serving_site() as site:
        site.serve_fixture("/robots.txt", "robots.txt")
        site.serve_fixture("/world/lavrov-wang", "lavrov-wang.html")
        site.serve_fixture("/feed.xml", "feed.xml")
        yield site


async def test_an_article_page_given_as_html_is_read_then_ingested(writer: Writer) -> None:
    payload = await _ingest_input(writer, html=PAGE)
    assert payload["__typename"] == "Ingested", payload
    assert payload["article"]["title"] == "Lavrov and Wang Yi meet in Beijing"
    assert payload["article"]["publishedOn"] == "2025-07-14"
    assert payload["created"]["meetings"] == 1
    found = await writer.send("{ articles { edges { node { url } } } }")
    urls = [edge["node"]["url"] for edge in found["data"]["articles"]["edges"]]
    assert urls == ["https://harbour.example/world/lavrov-wang"]


async def test_what_the_input_says_wins_over_the_page(writer: Writer) -> None:
    payload = await _ingest_input(writer, html=PAGE, title="Ministers meet", published="2025-07-15")
    assert payload["article"] == {**payload["article"], "title": "Ministers meet"}
    assert payload["article"]["publishedOn"] == "2025-07-15"


@pytest.mark.parametrize(
    ("given", "field", "says"),
    [
        ({"body": SEED, "html": "<p>x</p>"}, "html", "not both"),
        ({}, "body", "`url` to fetch"),
        ({"html": "  "}, "html", "`html` is empty"),
        ({"html": "<html><body><nav>Home</nav></body></html>"}, "html", "no article text"),
    ],
)
async def test_an_input_without_exactly_one_source_is_invalid_naming_the_field(
    writer: Writer, graph: Graph, given: dict[str, str], field: str, says: str
) -> None:
    payload = await _ingest_input(writer, **given)
    assert payload["__typename"] == "InvalidInput" and payload["field"] == field
    assert says in payload["message"]
    assert (await node_counts(graph.store))["articles"] == 0


async def test_a_url_alone_is_fetched_over_http_and_ingested(writer: Writer, site: Site) -> None:
    url = site.url("/world/lavrov-wang")
    payload = await _ingest_input(writer, url=url)
    assert payload["__typename"] == "Ingested", payload
    assert payload["article"]["title"] == "Lavrov and Wang Yi meet in Beijing"
    assert payload["created"]["meetings"] == 1
    assert site.headers_of("/world/lavrov-wang")[0]["user-agent"].startswith("newsgraph/")


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/feed.xml", "is a feed, not an article page"),
        ("/nowhere", "HTTP 404"),
        ("/members/page", "disallowed by"),
    ],
)
async def test_a_url_that_gives_no_article_page_is_invalid_input_naming_it(
    writer: Writer, graph: Graph, site: Site, path: str, says: str
) -> None:
    payload = await _ingest_input(writer, url=site.url(path))
    assert payload["__typename"] == "InvalidInput" and payload["field"] == "url"
    assert payload["message"].startswith(site.url(path)) and says in payload["message"]
    assert (await node_counts(graph.store))["articles"] == 0


async def _ingest_input(writer: Writer, **given: Any) -> dict[str, Any]:
    result = await writer.send(INGEST, input=given)
    assert "errors" not in result, result
    payload: dict[str, Any] = result["data"]["ingestArticle"]
    return payload


async def test_a_url_sent_without_a_key_is_never_fetched(writer: Writer, site: Site) -> None:
    result = await writer.send(INGEST, key=None, input={"url": site.url("/world/lavrov-wang")})
    assert result["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert site.seen == []
