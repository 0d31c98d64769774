"""Live updates over the wire: GraphQL over SSE (distinct connections mode, Strawberry's) with
event ids, graphql-transport-ws with a message rate, and the bound on open connections.

- Every SSE ``next`` event of a subscription carries ``id: <event id>``, so a browser's
  EventSource sends it back as ``Last-Event-ID`` when it reconnects, and the subscription
  resumes after it (the id is also in the result's ``extensions.eventId``).
- A WebSocket client that sends more than ``max_messages_per_minute`` messages is closed with
  4429; one that starts more operations at once than allowed gets an error for the extra one.
- Past ``max_subscription_connections`` open WebSockets and SSE streams, a new one is refused:
  SSE with 429, a WebSocket closed with 1013 (try again later), both saying why.
"""

from __future__ import annotations

import collections
import time
from collections.abc import Mapping
from typing import Any, ClassVar

from graphql import GraphQLError
from strawberry.http.streaming import SSETransport
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    Message,
    SubscribeMessage,
)

from newsgraph.api.http import negotiate

__all__ = [
    "SUBSCRIPTION_LIMIT_EXCEEDED",
    "ConnectionCount",
    "EventIdSSETransport",
    "LimitedTransportWSHandler",
    "transport_ws_handler",
    "wants_event_stream",
]

SUBSCRIPTION_LIMIT_EXCEEDED = "SUBSCRIPTION_LIMIT_EXCEEDED"
RATE_LIMITED = "RATE_LIMITED"


class ConnectionCount:
    """Open subscription connections of this process, up to ``limit``."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.open = 0

    def take(self) -> bool:
        if self.open >= self.limit:
            return False
        self.open += 1
        return True

    def give_back(self) -> None:
        self.open -= 1

    def refusal(self) -> str:
        return (
            f"too many open subscription connections: this server allows {self.limit} at "
            "once; try again later"
        )


def wants_event_stream(accept: str | None) -> bool:
    """Whether a request asks for GraphQL over SSE: it accepts ``text/event-stream`` and no
    JSON answer. Clients such as urql list ``text/event-stream`` among the types they can
    read on every request; they get JSON, as before SSE was served."""
    if not accept:
        return False
    listed = any(
        part.split(";", 1)[0].strip().lower() == "text/event-stream" for part in accept.split(",")
    )
    return listed and negotiate(accept) is None


class EventIdSSETransport(SSETransport):
    """Strawberry's SSE transport, with each event's id as the SSE ``id`` field, chosen only
    for requests that want an event stream rather than JSON (``wants_event_stream``)."""

    def accepts(self, accept: str) -> bool:
        return wants_event_stream(accept)

    def encode_next(self, response: Any, encode_json: Any) -> str:
        extensions = response.get("extensions") or {}
        event_id = extensions.get("eventId") if isinstance(extensions, Mapping) else None
        text: str = super().encode_next(response, encode_json)
        if isinstance(event_id, str) and "\n" not in event_id and "\r" not in event_id:
            return f"id: {event_id}\r\n{text}"
        return text


class LimitedTransportWSHandler(BaseGraphQLTransportWSHandler[Any, Any]):
    """graphql-transport-ws with a bound on the messages a client sends a minute, and a coded
    error for an operation past the per-connection limit."""

    max_messages_per_minute: ClassVar[int] = 120

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._sent: collections.deque[float] = collections.deque()

    async def handle_message(self, message: Message) -> None:
        now = time.monotonic()
        while self._sent and now - self._sent[0] > 60:
            self._sent.popleft()
        self._sent.append(now)
        if len(self._sent) > self.max_messages_per_minute:
            await self.websocket.close(
                code=4429,
                reason=f"too many messages: at most {self.max_messages_per_minute} a minute",
            )
            return
        await super().handle_message(message)

    async def handle_subscribe(self, message: SubscribeMessage) -> None:
        limit = self.max_subscriptions_per_connection
        if (
            self.connection_acknowledged
            and message["id"] not in self.operations
            and limit is not None
            and len(self.operations) >= limit
        ):
            error = GraphQLError(
                f"at most {limit} operations run at once on one connection: complete one first",
                extensions={"code": SUBSCRIPTION_LIMIT_EXCEEDED, "limit": limit},
            )
            await self.send_message(
                {"id": message["id"], "type": "error", "payload": [error.formatted]}
            )
            return
        await super().handle_subscribe(message)


def transport_ws_handler(max_messages_per_minute: int) -> type[LimitedTransportWSHandler]:
    """The handler class with the settings' message rate."""

    class Handler(LimitedTransportWSHandler):
        pass

    Handler.max_messages_per_minute = max_messages_per_minute
    return Handler
