"""Hostile text is data everywhere: in names, ids, search strings and writes, over HTTP.

Every Cypher statement takes its values as parameters, but FalkorDB's client sends them in a
`CYPHER name="value" ...` header it quotes itself, and the full-text engine has a query
syntax of its own. So each entry point gets quotes, backticks, braces, Cypher and full-text
operators, escapes and odd Unicode, and must answer with data or a client error (never a 5xx
or INTERNAL_SERVER_ERROR), leave the graph as it was, and store written text exactly.
"""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from newsgraph.api import create_app
from newsgraph.graph import Graph
from newsgraph.graph.cypher import Statement
from newsgraph.graph.errors import GraphQueryError
from newsgraph.graph.falkordb_store import FalkorStore
from newsgraph.graph.maintenance import dump, node_counts, relationship_counts
from newsgraph.ingest.extract.reference import load_reference
from newsgraph.ingest.pipeline import load_paths
from newsgraph.schema.relay import encode_global_id
from newsgraph.settings import Settings
from tests.helpers import CORPUS

KEY = "injection-test-key"

# Cypher and header-quoting attacks: quotes, escapes, comments, clauses, parameters.
CYPHER = [
    '"',
    "'",
    "`",
    "\\",
    '\\"',
    "\\'",
    '\\\\"',
    "x\\",
    '"}) DETACH DELETE n //',
    "'}) DETACH DELETE n //",
    "`}) DETACH DELETE n //",
    '\\"}) DETACH DELETE n //',
    "' OR 1=1 //",
    '" OR 1=1 //',
    "MATCH (n) DETACH DELETE n",
    "CYPHER s=1 MATCH (n) DETACH DELETE n",
    "$param",
    "$s",
    "{name: 'x'}",
    "/* */",
    "*/ MATCH (n) DETACH DELETE n /*",
    "a\nb",
    "\r\n",
    "\t",
    '\n" MATCH (n) DETACH DELETE n //',
    "\\n",
    "\\u0000",
    "\\x00",
    "\\\\u0041",
    "\\u0041",
    "\x01\x02\x1b[31m\x1f\x7f",
    "\u2028\u2029",
    "\u202eevil",
    "\ufeffbom",
    "Зеленский 泽连斯基 😀",
    "é" * 300,
    '"""',
]
# Full-text (RediSearch / Lucene) operators.
FULL_TEXT = [
    "*",
    "x*",
    "~",
    "~x",
    '"',
    '"unclosed',
    "(",
    ")",
    "(x",
    "AND OR",
    "x AND OR y",
    "@field:",
    "@name:x",
    "@name:{x}",
    "-",
    "-x",
    "|",
    "x|",
    "%",
    "%x%",
    "%%%x%%%",
    "{",
    "}",
    "[",
    "]",
    "[1 2]",
    ":",
    ";",
    "$",
    "^",
    "=>",
    "=>[KNN 10 @v $b]",
    "w'x*",
    "",
    "   ",
]
HOSTILE = [*CYPHER, *FULL_TEXT]

# A search past its bounds (`x*` is too short a prefix) is refused, not run.
ALLOWED = {"BAD_USER_INPUT", "BAD_SEARCH_QUERY", "SEARCH_LIMIT_EXCEEDED"}


class Client:
    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def send(self, document: str, *, key: bool = False, **variables: Any) -> Any:
        headers = {"Content-Type": "application/json"}
        if key:
            headers["Authorization"] = f"Bearer {KEY}"
        # ASCII-only JSON, so that text no UTF-8 encoder accepts (a lone surrogate) still
        # reaches the server as the "\ud800" escape a hostile client would send.
        payload = json.dumps({"query": document, "variables": variables})
        response = await self.http.post("/graphql", content=payload, headers=headers)
        assert response.status_code < 500, (response.status_code, response.text)
        body = response.json()
        codes = {error.get("extensions", {}).get("code") for error in body.get("errors", [])}
        assert codes <= ALLOWED, (variables, body)
        return body


@pytest.fixture
async def client(graph: Graph) -> AsyncIterator[Client]:
    report = await load_paths([CORPUS], graph.store, load_reference())
    assert not report.failed, [f.error for f in report.failed]
    app = create_app(Settings(api_keys=KEY), graph=graph)  # type: ignore[arg-type]
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            yield Client(http)


def _codes(body: Any) -> set[str]:
    return {error["extensions"]["code"] for error in body.get("errors", [])}


# Each read: the document, the variables for one hostile string, the codes it may answer.
Read = tuple[str, Callable[[str], dict[str, Any]], set[str]]
NONE: set[str] = set()
SEARCH = {"BAD_SEARCH_QUERY", "BAD_USER_INPUT", "SEARCH_LIMIT_EXCEEDED"}
FILTER_SEARCH = {"BAD_SEARCH_QUERY", "SEARCH_LIMIT_EXCEEDED"}
READS: dict[str, Read] = {
    "actor(name)": ("query($s: String!) { actor(name: $s) { id name } }", lambda s: {"s": s}, NONE),
    "actor(id)": ("query($s: ID!) { actor(id: $s) { id name } }", lambda s: {"s": s}, NONE),
    "actors(filter.name)": (
        "query($s: String!) { actors(filter: {name: $s}) { totalCount edges { node { name } } } }",
        lambda s: {"s": s},
        NONE,
    ),
    "statements(filter.search)": (
        "query($s: String!) { statements(filter: {search: $s}) { "
        "totalCount edges { node { text } } } }",
        lambda s: {"s": s},
        FILTER_SEARCH,
    ),
    "Actor.statements(filter.search)": (
        'query($s: String!) { actor(name: "Zelensky") { statements(filter: {search: $s}) { '
        "totalCount edges { node { text } } } } }",
        lambda s: {"s": s},
        FILTER_SEARCH,
    ),
    "articles(filter.search)": (
        "query($s: String!) { articles(filter: {search: $s}) { "
        "totalCount edges { node { title } } } }",
        lambda s: {"s": s},
        FILTER_SEARCH,
    ),
    "search(query)": (
        "query($s: String!) { search(query: $s) { score node { id } } }",
        lambda s: {"s": s},
        SEARCH,
    ),
    "search(query, ACTOR)": (
        "query($s: String!) { search(query: $s, types: [ACTOR]) { node { id } } }",
        lambda s: {"s": s},
        SEARCH,
    ),
    "meetings(filter.participants)": (
        'query($s: String!) { meetings(filter: {participants: [$s, "Zelensky"]}) { totalCount } }',
        lambda s: {"s": s},
        {"BAD_USER_INPUT"},
    ),
    "articles(filter.mentions, publisher)": (
        "query($s: String!) { a: articles(filter: {mentions: [$s]}) { totalCount } "
        "b: articles(filter: {publisher: $s}) { totalCount } "
        "c: articles(filter: {topic: $s}) { totalCount } }",
        lambda s: {"s": s},
        {"BAD_USER_INPUT"},
    ),
    "statements(filter.speaker, topic)": (
        "query($s: String!) { a: statements(filter: {speaker: $s}) { totalCount } "
        "b: statements(filter: {topic: $s}) { totalCount } }",
        lambda s: {"s": s},
        {"BAD_USER_INPUT"},
    ),
    "node(id)": ("query($s: ID!) { node(id: $s) { id } }", lambda s: {"s": s}, {"BAD_USER_INPUT"}),
    "node(id) of a hostile key": (
        "query($a: ID!, $b: ID!, $c: ID!) { a: node(id: $a) { id } b: node(id: $b) { id } "
        "c: nodes(ids: [$a, $b, $c]) { id } }",
        lambda s: {
            "a": encode_global_id("Actor", s),
            "b": encode_global_id("Article", s),
            # A type name with a colon, or none, is not an id at all.
            "c": encode_global_id(s, "x"),
        },
        {"BAD_USER_INPUT"},
    ),
    "article(url), meeting(id)": (
        "query($s: String!, $id: ID!) { article(url: $s) { id } meeting(id: $id) { id } }",
        lambda s: {"s": s, "id": encode_global_id("Meeting", s)},
        {"BAD_USER_INPUT"},  # `Meeting:` with an empty key is not an id
    ),
    "path(from, to)": (
        'query($s: String!) { a: path(from: $s, to: "Zelensky") { length } '
        'b: path(from: "Zelensky", to: $s) { length } }',
        lambda s: {"s": s},
        {"BAD_USER_INPUT"},
    ),
    "timeline(actor)": (
        "query($s: String!) { timeline(actor: $s) { totalCount edges { cursor } } }",
        lambda s: {"s": s},
        {"BAD_USER_INPUT"},
    ),
    "after cursors": (
        "query($s: String!) { actors(after: $s) { totalCount } "
        "statements(after: $s) { totalCount } }",
        lambda s: {"s": s},
        {"BAD_USER_INPUT"},
    ),
}


@pytest.mark.parametrize("entry", list(READS))
async def test_hostile_text_in_reads_is_data(client: Client, graph: Graph, entry: str) -> None:
    document, variables, codes = READS[entry]
    before = await dump(graph.store)
    for text in HOSTILE:
        body = await client.send(document, **variables(text))
        assert _codes(body) <= codes, (text, body)
    assert await dump(graph.store) == before


@pytest.mark.parametrize("field", ["actor(name: $)", "search(query: $)"])
async def test_hostile_text_inline_in_the_document_is_data(client: Client, field: str) -> None:
    # The same strings written into the document itself, through GraphQL's own escaping.
    for text in HOSTILE:
        literal = json.dumps(text)  # a JSON string is a valid GraphQL string literal
        selection = "{ id }" if field.startswith("actor") else "{ score }"
        document = "{ " + field.replace("$", literal) + f" {selection} }}"
        body = await client.send(document)
        assert _codes(body) <= SEARCH, (text, body)


async def test_full_text_syntax_errors_are_bad_search_query(client: Client) -> None:
    # Search syntax is newsgraph's own (newsgraph/schema/search.py): other engines' operators
    # separate words, so `@field:` or `$param` are plain words; these break the grammar.
    for text in ("(", '"unclosed', "-", "|", "%", "~", "*", "*x", "x**", '"secur*"'):
        for document in (
            "query($s: String!) { search(query: $s) { score } }",
            "query($s: String!) { statements(filter: {search: $s}) { totalCount } }",
            "query($s: String!) { articles(filter: {search: $s}) { edges { cursor } } }",
        ):
            body = await client.send(document, s=text)
            assert _codes(body) == {"BAD_SEARCH_QUERY"}, (text, body)
            assert "is not valid" in body["errors"][0]["message"]


# Text no graph can take: a NUL cuts FalkorDB's parameter header short (the query then fails
# to parse, so nothing is injected, but it used to be an INTERNAL_SERVER_ERROR), and a lone
# surrogate, which JSON can carry as "\\ud800", has no UTF-8 encoding for any driver.
UNSTORABLE = ["\x00", "a\x00b", 'x"}) DETACH DELETE n //\x00', "x\ud800y", "\udfff", "\ud83d"]


@pytest.mark.parametrize("text", UNSTORABLE, ids=repr)
async def test_unstorable_text_is_refused_before_anything_runs(
    client: Client, graph: Graph, text: str
) -> None:
    before = await dump(graph.store)
    for entry in ("actor(name)", "search(query)", "timeline(actor)", "actors(filter.name)"):
        document, variables, _codes_allowed = READS[entry]
        body = await client.send(document, **variables(text))
        assert _codes(body) == {"BAD_USER_INPUT"}, (entry, body)
        assert "NUL" in body["errors"][0]["message"] and "$s" in body["errors"][0]["message"]
    actor = await _zelensky(client)
    body = await client.send(UPDATE, key=True, id=actor["id"], input={"description": text})
    assert _codes(body) == {"BAD_USER_INPUT"}, body
    for field in ("title", "body", "publisher"):
        article = {"body": "President Zelensky spoke with Dick Schoof on 20 August 2025."}
        article[field] = article.get(field, "") + text
        body = await client.send(INGEST, key=True, input=article)
        assert _codes(body) == {"BAD_USER_INPUT"}, (field, body)
    assert await dump(graph.store) == before


async def test_a_nul_written_into_the_document_is_refused(client: Client) -> None:
    for literal in ('"a\\u0000b"', '"""a\x00b"""'):
        body = await client.send(f"{{ actor(name: {literal}) {{ id }} }}")
        assert _codes(body) == {"BAD_USER_INPUT"}, (literal, body)


# Ids and cursors are base64, so what they decode to is client text too: a NUL inside one
# reached FalkorDB's parameter header (INTERNAL_SERVER_ERROR), other control characters made
# ids no item has. Each text below, wrapped as this API wraps ids and cursors.
DECODED = ["\x00", "a\x00b", "\x01", "\x1b[31m", "\x7f", "\x85", "\n"]
READ_LISTS = ("articles", "actors", "meetings", "statements")


def _b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


# Every argument that takes a cursor, root and nested (the corpus has the actor and topics),
# and every one that takes an id and nothing else: one request each, as a refused non-null
# field takes its whole answer with it.
CURSORS = [
    *(f"{{ {field}(after: $c) {{ totalCount }} }}" for field in READ_LISTS),
    '{ timeline(actor: "Zelensky", after: $c) { totalCount } }',
    *(
        f'{{ actor(name: "Zelensky") {{ {field}(after: $c) {{ totalCount }} }} }}'
        for field in ("meetings", "statements", "mentionedIn")
    ),
    *(
        f"{{ topics {{ {field}(after: $c) {{ totalCount }} }} }}"
        for field in ("articles", "meetings", "statements")
    ),
]
IDS = [
    "{ node(id: $id) { id } }",
    "{ nodes(ids: [$id]) { id } }",
    "{ article(id: $id) { id } }",
    "{ meeting(id: $id) { id } }",
]
MUTATIONS = """mutation($id: ID!, $other: ID!) {
  updateActor(id: $id, input: {description: "x"}) { __typename }
  a: mergeActors(keep: $id, merge: $other) { __typename }
  b: mergeActors(keep: $other, merge: $id) { __typename }
  deleteArticle(id: $id) { __typename } }"""


@pytest.mark.parametrize("text", DECODED, ids=repr)
async def test_control_characters_inside_ids_and_cursors_are_bad_user_input(
    client: Client, graph: Graph, text: str
) -> None:
    before = await dump(graph.store)
    assert (await client.send("{ topics { id } }"))["data"]["topics"]
    cursors = [
        _b64(f"c:{text}"),  # the probe's "YzoA" for a NUL
        _b64(f"c:2025-08-23|art-{text}"),
        # In the sorted value (an actor's name may hold control characters): only a NUL.
        *([_b64(f"c:{text}|volodymyr-zelensky")] if "\x00" in text else []),
    ]
    for cursor in cursors:
        for selection in CURSORS:
            body = await client.send(f"query($c: String!) {selection}", c=cursor)
            assert body.get("errors") and _codes(body) == {"BAD_USER_INPUT"}, (selection, body)
    other = (await _zelensky(client))["id"]
    for type_name, key in (("Actor", text), ("Actor", f"zelensky{text}"), ("Article", text)):
        wrapped = _b64(f"{type_name}:{key}")
        for selection in IDS:
            body = await client.send(f"query($id: ID!) {selection}", id=wrapped)
            assert body.get("errors") and _codes(body) == {"BAD_USER_INPUT"}, (selection, body)
        # `actor(id:)` takes what is no id for a name, as it always has: no such actor.
        body = await client.send("query($id: ID!) { actor(id: $id) { id } }", id=wrapped)
        assert body == {"data": {"actor": None}}
        # Mutations answer an id that is no item's with their NotFound result, as for any other.
        body = await client.send(MUTATIONS, key=True, id=wrapped, other=other)
        assert "errors" not in body, body
        assert {result["__typename"] for result in body["data"].values()} == {"NotFound"}
    assert await dump(graph.store) == before


# --- writes ---------------------------------------------------------------------------------

UPDATE = """mutation($id: ID!, $input: ActorInput!) { updateActor(id: $id, input: $input) {
  __typename ... on ActorChanged { actor { id name description aliases } }
  ... on InvalidInput { message field } } }"""


async def _zelensky(client: Client) -> dict[str, Any]:
    body = await client.send('{ actor(name: "Zelensky") { id name description aliases } }')
    actor: dict[str, Any] = body["data"]["actor"]
    return actor


async def _counts(graph: Graph) -> tuple[dict[str, int], dict[str, int]]:
    return await node_counts(graph.store), await relationship_counts(graph.store)


async def test_hostile_descriptions_are_stored_exactly(client: Client, graph: Graph) -> None:
    actor = await _zelensky(client)
    counts = await _counts(graph)
    for text in HOSTILE:
        body = await client.send(UPDATE, key=True, id=actor["id"], input={"description": text})
        changed = body["data"]["updateActor"]
        assert changed["__typename"] == "ActorChanged", (text, body)
        assert changed["actor"]["description"] == text
        # Read back through a fresh request: the graph holds it, not just the response.
        assert (await _zelensky(client))["description"] == text
    assert await _counts(graph) == counts


async def test_hostile_names_and_aliases_are_stored_and_found(client: Client, graph: Graph) -> None:
    actor = await _zelensky(client)
    counts = await _counts(graph)
    for text in HOSTILE:
        body = await client.send(
            UPDATE, key=True, id=actor["id"], input={"name": text, "aliases": [text, "Zelensky"]}
        )
        changed = body["data"]["updateActor"]
        if not text.strip():
            assert changed == {
                "__typename": "InvalidInput",
                "message": "`name` is empty",
                "field": "name",
            }
            continue
        if any(ord(char) < 32 and char not in "\t\n\r" for char in text.strip()):
            # A name could be stored with these but never found again by it (FalkorDB's
            # index on Actor.keys does not match U+0001), so they are refused up front.
            assert changed["__typename"] == "InvalidInput", (text, body)
            assert changed["field"] == "name"
            continue
        assert changed["__typename"] == "ActorChanged", (text, body)
        assert changed["actor"]["name"] == text.strip()
        found = await client.send(
            "query($s: String!) { actor(name: $s) { id name } }", s=text.strip()
        )
        assert found["data"]["actor"] == {"id": actor["id"], "name": text.strip()}, text
    assert await _counts(graph) == counts
    # Nothing else moved: every other node is as it was.
    assert (await _zelensky(client))["id"] == actor["id"]


INGEST = """mutation($input: ArticleInput!) { ingestArticle(input: $input) {
  __typename
  ... on Ingested { article { id title publisher } created { articles actors meetings statements } }
  ... on InvalidInput { message field } } }"""


# Derived counts (graph/cypher.py, meeting tallies): a new report changes them by design.
_TALLIES = {"MeetingTally", "MeetingPair", "MentionTally"}


def _facts(nodes: list[dict[str, Any]]) -> set[str]:
    return {
        json.dumps(node, sort_keys=True, default=str)
        for node in nodes
        if not _TALLIES & set(node["labels"])
    }


async def test_hostile_articles_add_only_what_they_report(client: Client, graph: Graph) -> None:
    before = await dump(graph.store)
    keep = _facts(before["nodes"])
    for index, text in enumerate(HOSTILE):
        counts = await node_counts(graph.store)
        body_text = (
            f'{text}\n\nKyiv, 20 August 2025. President Zelensky said: "{text}". '
            f"He spoke with Dick Schoof by phone about {text}."
        )
        body = await client.send(
            INGEST,
            key=True,
            input={
                "title": f"Report {index}: {text}",
                "body": body_text,
                "publisher": text,
                "url": f"https://example.org/{index}?q={text}",
            },
        )
        result = body["data"]["ingestArticle"]
        assert result["__typename"] in {"Ingested", "InvalidInput"}, (text, body)
        after = await node_counts(graph.store)
        if result["__typename"] == "InvalidInput":
            assert after == counts, text
            continue
        created = result["created"]
        for label in ("articles", "actors", "meetings", "statements"):
            assert after[label] == counts[label] + created[label], (text, label, result)
    # Writes only add: every node that was there is still there, unchanged.
    now = await dump(graph.store)
    assert keep <= _facts(now["nodes"])


# --- FalkorDB's parameter quoting -----------------------------------------------------------

ECHO = Statement("TEST_ECHO", "RETURN $s AS s, size($s) AS n, [$s, $s] AS pair", {"s": ""})


async def test_falkordb_parameter_quoting_round_trips_every_string(graph: Graph) -> None:
    # The client inlines parameters as `CYPHER s="..."`, escaping only `\` and `"`.
    if not isinstance(graph.store, FalkorStore):
        pytest.skip("FalkorDB's client quoting only")
    for text in HOSTILE:
        rows = await graph.store.read(ECHO, {"s": text})
        assert rows == [{"s": text, "n": len(text), "pair": [text, text]}], text


async def test_a_nul_cuts_falkordb_parameters_short_but_injects_nothing(
    client: Client, graph: Graph
) -> None:
    # Why the API refuses NUL: the server reads the header as a C string and stops at it.
    # The cut always falls inside an open, escaped string, so the query fails to parse.
    if not isinstance(graph.store, FalkorStore):
        pytest.skip("FalkorDB's client quoting only")
    counts = await node_counts(graph.store), await relationship_counts(graph.store)
    assert counts[0]["actors"] > 0  # the corpus is loaded: there is something to delete
    for text in ("x\x00y", '"\x00"}) MATCH (n) DETACH DELETE n //', "\\\x00"):
        with pytest.raises(GraphQueryError):
            await graph.store.read(ECHO, {"s": text})
    assert (await node_counts(graph.store), await relationship_counts(graph.store)) == counts
