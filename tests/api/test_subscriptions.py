"""Live updates over the wire: `newsgraph serve` in its own process, subscriptions over
graphql-transport-ws (WebSocket) and GraphQL over SSE, and writes by `newsgraph load` run as a
user types it, in another process."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from newsgraph.ingest.model import ExtractedArticle, MeetingMode
from tests.helpers.api import Api
from tests.helpers.factories import DAY, article, meeting, said
from tests.helpers.processes import Served, embedded_env, run_cli, serving

KEY = "live-key"
PROTOCOL = "graphql-transport-ws"
# Long enough for a `newsgraph load` to start and write; a test waiting this long has failed.
WAIT_S = 90

MEETINGS = """subscription($filter: MeetingFilter, $after: String) {
  meetingAdded(filter: $filter, after: $after) { eventId meeting { title mode } } }"""
STATEMENTS = """subscription($filter: StatementFilter, $after: String) {
  statementAdded(filter: $filter, after: $after) { eventId statement { text } } }"""
VIDEO, PHONE = MeetingMode.VIDEO, MeetingMode.PHONE
ARTICLES = """subscription($after: String) {
  articleAdded(after: $after) { eventId article { title } } }"""


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Served, dict[str, str]]]:
    """A server with an API key configured, on a graph of its own, and the environment a
    `newsgraph load` of the same graph runs in."""
    env = embedded_env(tmp_path_factory.mktemp("live-graph"), NEWSGRAPH_API_KEYS=KEY)
    with serving(env) as served:
        yield served, env


async def _load(env: dict[str, str], folder: Path, *articles: ExtractedArticle) -> None:
    """`newsgraph load` of the articles as structured JSON files, in its own process."""
    await asyncio.to_thread(_write, folder, articles)
    done = await asyncio.to_thread(run_cli, "load", str(folder), env=env)
    assert done.returncode == 0, done.stdout + done.stderr


def _write(folder: Path, articles: tuple[ExtractedArticle, ...]) -> None:
    folder.mkdir(parents=True)
    for index, item in enumerate(articles):
        (folder / f"{index}.json").write_text(item.model_dump_json())


async def _ws(base: str, payload: dict[str, Any] | None = None) -> ClientConnection:
    """A graphql-transport-ws connection, initialised with ``payload``."""
    socket = await connect(base.replace("http://", "ws://") + "/graphql", subprotocols=[PROTOCOL])
    await socket.send(json.dumps({"type": "connection_init", "payload": payload or {}}))
    return socket


async def _subscribe(socket: ClientConnection, query: str, op: str = "1", **variables: Any) -> None:
    message = {"id": op, "type": "subscribe", "payload": {"query": query, "variables": variables}}
    await socket.send(json.dumps(message))


async def _message(socket: ClientConnection) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(await asyncio.wait_for(socket.recv(), WAIT_S))
    return found


async def _next(socket: ClientConnection) -> dict[str, Any]:
    """The payload of the next `next` message (acks and pongs passed over)."""
    while True:
        message = await _message(socket)
        if message["type"] == "next":
            payload: dict[str, Any] = message["payload"]
            return payload
        assert message["type"] in {"connection_ack", "pong"}, message


@pytest.fixture
async def authorised(live: tuple[Served, dict[str, str]]) -> AsyncIterator[ClientConnection]:
    served, _env = live
    socket = await _ws(served.base, {"Authorization": f"Bearer {KEY}"})
    assert (await _message(socket))["type"] == "connection_ack"
    yield socket
    await socket.close()


def _meeting(title: str, *people: str, mode: MeetingMode, on: dt.date) -> ExtractedArticle:
    """An article reporting one meeting of ``people`` (a meeting of its own: each test names
    people of its own), titled as the article."""
    return article(
        title, people=people, meetings=[meeting(*people, date=on, mode=mode, title=title)]
    )


async def _until(socket: ClientConnection, field: str, key: str, want: str) -> dict[str, Any]:
    """The first event of ``field`` whose ``key`` object's title or text is ``want``; the
    log's earlier events (other tests') are passed over."""
    while True:
        payload = await _next(socket)
        assert "errors" not in payload, payload
        added: dict[str, Any] = payload["data"][field]
        if want in (added[key].get("title"), added[key].get("text")):
            return added


async def test_a_meeting_that_newsgraph_load_writes_in_another_process_reaches_a_websocket(
    live: tuple[Served, dict[str, str]], authorised: ClientConnection, tmp_path: Path
) -> None:
    _served, env = live
    await _subscribe(authorised, MEETINGS, after="0")
    call = _meeting("Ana Ash and Ben Birch talk", "Ana Ash", "Ben Birch", mode=VIDEO, on=DAY)
    await _load(env, tmp_path / "in", call)
    added = await _until(authorised, "meetingAdded", "meeting", "Ana Ash and Ben Birch talk")
    assert added["meeting"] == {"title": "Ana Ash and Ben Birch talk", "mode": "VIDEO"}


async def test_a_filter_leaves_out_what_it_does_not_match(
    live: tuple[Served, dict[str, str]], authorised: ClientConnection, tmp_path: Path
) -> None:
    _served, env = live
    # A phone call, then a video call of the same two: subscribed to their video calls from
    # the start of the log, the first event is the second call; the first is left out.
    people = ("Cy Cole", "Di Dunn")
    phone = _meeting("Cole and Dunn by phone", *people, mode=PHONE, on=DAY)
    video = _meeting("Cole and Dunn by video", *people, mode=VIDEO, on=DAY + dt.timedelta(1))
    await _load(env, tmp_path / "phone", phone)
    await _load(env, tmp_path / "video", video)
    wanted = {"mode": "VIDEO", "participants": ["Cy Cole"]}
    await _subscribe(authorised, MEETINGS, filter=wanted, after="0")
    first = (await _next(authorised))["data"]["meetingAdded"]
    assert first["meeting"] == {"title": "Cole and Dunn by video", "mode": "VIDEO"}


async def test_a_statement_filter_on_the_speaker_leaves_out_other_speakers(
    live: tuple[Served, dict[str, str]], authorised: ClientConnection, tmp_path: Path
) -> None:
    _served, env = live
    speakers = ("Eve Ember", "Flo Frost")
    first_said = said("Eve Ember", "Eve Ember says this first.")
    then_said = said("Flo Frost", "Flo Frost says this after.")
    await _load(
        env, tmp_path / "eve", article("Eve speaks", people=speakers, statements=[first_said])
    )
    await _load(
        env, tmp_path / "flo", article("Flo speaks", people=speakers, statements=[then_said])
    )
    await _subscribe(authorised, STATEMENTS, filter={"speaker": "Flo Frost"}, after="0")
    first = (await _next(authorised))["data"]["statementAdded"]
    assert first["statement"] == {"text": "Flo Frost says this after."}


async def test_reconnecting_with_the_last_event_id_resumes_over_websocket_and_sse(
    live: tuple[Served, dict[str, str]], tmp_path: Path
) -> None:
    served, env = live
    await _load(env, tmp_path / "one", article("Resume, part one", people=["Gus Gale"]))
    socket = await _ws(served.base, {"Authorization": f"Bearer {KEY}"})
    await _subscribe(socket, ARTICLES, after="0")
    seen = await _until(socket, "articleAdded", "article", "Resume, part one")
    await socket.close()
    # Away: another article is written. Back with the last id seen, it is the first event.
    await _load(env, tmp_path / "two", article("Resume, part two", people=["Gus Gale"]))
    socket = await _ws(served.base, {"Authorization": f"Bearer {KEY}"})
    await _subscribe(socket, ARTICLES, after=seen["eventId"])
    resumed = (await _next(socket))["data"]["articleAdded"]
    await socket.close()
    assert resumed["article"] == {"title": "Resume, part two"}
    # Over SSE, as a browser's EventSource reconnects: the Last-Event-ID header; each SSE
    # event's id is its eventId.
    again = await _sse_events(served, ARTICLES, {}, headers={"last-event-id": seen["eventId"]})
    assert again["event"] == "next"
    assert again["data"]["data"]["articleAdded"] == resumed
    assert again["id"] == resumed["eventId"]


async def _sse_events(
    served: Served, query: str, variables: dict[str, Any], *, headers: dict[str, str]
) -> dict[str, Any]:
    """The first SSE event of a subscription over GET, as its fields."""
    params = {"query": query, "variables": json.dumps(variables)}
    sent = {"accept": "text/event-stream", "authorization": f"Bearer {KEY}", **headers}
    event: dict[str, Any] = {}
    async with (
        httpx.AsyncClient(timeout=WAIT_S) as client,
        client.stream("GET", f"{served.base}/graphql", params=params, headers=sent) as response,
    ):
        assert response.status_code == 200, await response.aread()
        assert response.headers["content-type"].startswith("text/event-stream")
        async for line in response.aiter_lines():
            if line == "" and event:
                return event
            name, _, value = line.partition(": ")
            if name == "data":
                event["data"] = json.loads(value)
            elif name in {"id", "event"}:
                event[name] = value
    raise AssertionError(f"the stream ended before an event: {event}")


async def test_an_event_id_that_is_no_event_id_is_a_bad_user_input(
    live: tuple[Served, dict[str, str]], authorised: ClientConnection
) -> None:
    await _subscribe(authorised, MEETINGS, after="yesterday")
    payload = await _next(authorised)
    assert payload["data"] is None
    assert payload["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "'yesterday' is not an event id" in payload["errors"][0]["message"]


async def test_a_composed_filter_selects_as_the_list_with_it_does(
    live: tuple[Served, dict[str, str]], authorised: ClientConnection, tmp_path: Path
) -> None:
    _served, env = live
    # Three meetings of one pair: by video, by phone, in person. OR (phone, video) AND NOT
    # video, from the start of the log: the phone call is the first event, not the video call
    # written before it.
    people = ("Ed Eames", "Flo Fenn")
    modes = {"video": VIDEO, "phone": PHONE, "met": MeetingMode.IN_PERSON}
    for n, (name, mode) in enumerate(modes.items()):
        call = _meeting(f"Eames and Fenn {name}", *people, mode=mode, on=DAY + dt.timedelta(n))
        await _load(env, tmp_path / name, call)
    wanted = {
        "participantsAny": ["Ed Eames"],
        "OR": [{"mode": "PHONE"}, {"mode": "VIDEO"}],
        "NOT": [{"mode": "VIDEO"}],
    }
    await _subscribe(authorised, MEETINGS, filter=wanted, after="0")
    first = (await _next(authorised))["data"]["meetingAdded"]
    assert first["meeting"] == {"title": "Eames and Fenn phone", "mode": "PHONE"}


async def test_subscriptions_need_the_api_key_when_keys_are_configured(
    live: tuple[Served, dict[str, str]],
) -> None:
    served, _env = live
    socket = await _ws(served.base, {"Authorization": "Bearer wrong"})
    with pytest.raises(ConnectionClosed) as closed:
        await _message(socket)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403
    # Over SSE the refusal is the stream's one event, coded.
    params = {"query": ARTICLES}
    async with httpx.AsyncClient(timeout=WAIT_S) as client:
        response = await client.get(
            f"{served.base}/graphql", params=params, headers={"accept": "text/event-stream"}
        )
    data = json.loads(response.text.split("data: ", 1)[1].split("\r\n", 1)[0])
    assert data["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


@pytest.fixture(scope="module")
def tight(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A server without keys, allowing one subscription connection, one operation on it and
    five messages a minute."""
    env = embedded_env(
        tmp_path_factory.mktemp("tight-graph"),
        NEWSGRAPH_MAX_SUBSCRIPTION_CONNECTIONS="1",
        NEWSGRAPH_MAX_SUBSCRIPTIONS_PER_CONNECTION="1",
        NEWSGRAPH_MAX_MESSAGES_PER_MINUTE="5",
    )
    with serving(env) as served:
        yield served


async def test_connections_operations_and_messages_past_the_limits_are_refused(
    tight: Served,
) -> None:
    held = await _ws(tight.base)  # message 1 of this connection
    assert (await _message(held))["type"] == "connection_ack"
    # The one connection allowed is held: an SSE stream and another WebSocket are refused.
    async with httpx.AsyncClient(timeout=WAIT_S) as client:
        response = await client.get(
            f"{tight.base}/graphql",
            params={"query": ARTICLES},
            headers={"accept": "text/event-stream"},
        )
    assert response.status_code == 429
    error = response.json()["errors"][0]
    assert error["extensions"] == {"code": "SUBSCRIPTION_LIMIT_EXCEEDED", "limit": 1}
    assert "too many open subscription connections" in error["message"]
    second = await connect(
        tight.base.replace("http://", "ws://") + "/graphql", subprotocols=[PROTOCOL]
    )
    with pytest.raises(ConnectionClosed) as refused:
        await second.recv()
    assert refused.value.rcvd is not None and refused.value.rcvd.code == 1013
    assert "too many open subscription connections" in refused.value.rcvd.reason
    # One operation at a time on a connection.
    await _subscribe(held, ARTICLES, op="a")  # 2
    await _subscribe(held, MEETINGS, op="b")  # 3
    extra = await _message(held)
    assert extra["type"] == "error" and extra["id"] == "b"
    assert extra["payload"][0]["extensions"] == {"code": "SUBSCRIPTION_LIMIT_EXCEEDED", "limit": 1}
    # Five messages a minute: the sixth closes the connection.
    for _ in range(3):  # 4, 5, 6
        await held.send(json.dumps({"type": "ping"}))
    with pytest.raises(ConnectionClosed) as closed:
        while True:
            await _message(held)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4429
    assert closed.value.rcvd.reason == "too many messages: at most 5 a minute"


# What urql's fetchExchange sends with every query: it can read an event stream, but lists it
# after the JSON types.
URQL_ACCEPT = (
    "application/graphql-response+json, application/graphql+json, application/json, "
    "text/event-stream, multipart/mixed"
)


async def test_a_client_that_also_accepts_an_event_stream_gets_json_for_a_query(api: Api) -> None:
    response = await api.http.post(
        "/graphql", json={"query": "{ stats { articles } }"}, headers={"accept": URQL_ACCEPT}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/graphql-response+json")
    assert response.json() == {"data": {"stats": {"articles": 0}}}
