"""The ASGI application: GraphQL at /graphql, health and readiness probes, the SDL, the
Explorer at /explore and a front page at /."""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

import strawberry
from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http import GraphQLHTTPResponse
from strawberry.subscriptions import GRAPHQL_SSE_PROTOCOL, GRAPHQL_TRANSPORT_WS_PROTOCOL
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET, UnsetType

from newsgraph.api.admission import Turns
from newsgraph.api.caching import (
    CachingGraphQL,
    ReadPolicy,
    ReadVersion,
    ResponseCache,
    VersionClock,
    WriteMarks,
)
from newsgraph.api.explore import explore_routes
from newsgraph.api.graphiql import graphiql_routes, render_graphiql
from newsgraph.api.home import home_routes
from newsgraph.api.http import error_response
from newsgraph.api.live import (
    SUBSCRIPTION_LIMIT_EXCEEDED,
    ConnectionCount,
    EventIdSSETransport,
    LimitedTransportWSHandler,
    transport_ws_handler,
    wants_event_stream,
)
from newsgraph.api.logs import configure_logging
from newsgraph.api.middleware import RequestMiddleware
from newsgraph.api.persisted import PersistedQueries, load_documents
from newsgraph.graph import Graph, GraphError, open_graph
from newsgraph.graph.maintenance import graph_version
from newsgraph.ingest.extract.reference import Reference, load_reference
from newsgraph.ingest.sources.fetch import FetchLimits
from newsgraph.schema import Context, build_schema
from newsgraph.schema.search import SearchRules
from newsgraph.settings import Settings

__all__ = ["create_app"]

log = logging.getLogger("newsgraph.api")


class _State:
    """What the lifespan opens once and every request shares."""

    def __init__(self) -> None:
        self.graph: Graph | None = None
        self.reference: Reference | None = None
        self.schema_ready = False
        self._setup_lock = asyncio.Lock()
        # Why the last readiness check failed (None: it passed), so the log says when that
        # changes rather than once per probe.
        self.not_ready: str | None = None

    async def ensure_schema(self) -> None:
        # Set-up is idempotent but not free: run it once, and again only if it never
        # succeeded (the graph was down when the app started).
        if self.schema_ready or self.graph is None:
            return
        async with self._setup_lock:
            if not self.schema_ready:
                await self.graph.store.setup_schema()
                self.schema_ready = True


def _read_policy(state: _State, settings: Settings, writes: WriteMarks | None) -> ReadPolicy:
    """Persisted queries, the version clock and the response cache, from the settings."""
    registered = (
        load_documents(settings.persisted_documents) if settings.persisted_documents else {}
    )
    cache = None
    if settings.response_cache_entries and settings.response_cache_bytes:
        cache = ResponseCache(
            max_entries=settings.response_cache_entries,
            max_bytes=settings.response_cache_bytes,
        )

    async def read_version() -> int:
        assert state.graph is not None, "the lifespan opens the graph before requests arrive"
        return await graph_version(state.graph.store)

    return ReadPolicy(
        persisted=PersistedQueries(
            max_entries=settings.persisted_max_entries,
            max_tokens=settings.max_tokens,
            registered=registered,
            only_registered=settings.persisted_only,
        ),
        clock=VersionClock(
            read_version,
            settings.version_max_age_ms,
            on_change=(lambda version: cache.clear()) if cache is not None else lambda _: None,
            siblings=writes,
        ),
        cache=cache,
        cache_control=settings.cache_control,
        read_keys=[key.get_secret_value().encode() for key in settings.read_keys],
        write_keys=[key.get_secret_value().encode() for key in settings.api_keys],
    )


class _GraphQL(CachingGraphQL):
    # Subscriptions over graphql-transport-ws and over SSE (distinct connections mode), each
    # SSE event with its event id (api/live.py).
    stream_transport_classes_by_protocol = {GRAPHQL_SSE_PROTOCOL: EventIdSSETransport}
    graphql_transport_ws_handler_class = LimitedTransportWSHandler

    def __init__(
        self,
        state: _State,
        settings: Settings,
        served: strawberry.Schema,
        writes: WriteMarks | None = None,
    ) -> None:
        super().__init__(
            served,
            graphql_ide="graphiql" if settings.introspection else None,
            allow_queries_via_get=True,
            max_json_depth=settings.max_json_depth,
            reads=_read_policy(state, settings, writes),
            turns=Turns(settings.max_concurrent_operations),
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_SSE_PROTOCOL),
            max_subscriptions_per_connection=settings.max_subscriptions_per_connection,
            # Pages of these origins may open WebSockets, as CORS lets them POST.
            allowed_origins=settings.cors_origins,
        )
        self._state = state
        self._keys = [key.get_secret_value().encode() for key in settings.api_keys]
        self._read_keys = [key.get_secret_value().encode() for key in settings.read_keys]
        self._search = SearchRules.from_settings(settings)
        self._max_list_items = settings.max_list_items
        self._fetch_limits = FetchLimits.from_settings(settings)
        self._connections = ConnectionCount(settings.max_subscription_connections)
        self.graphql_transport_ws_handler_class = transport_ws_handler(
            settings.max_messages_per_minute
        )

    def _authenticated(
        self, request: Request | WebSocket, authorization: str = "", keys: list[bytes] | None = None
    ) -> bool:
        header = authorization or request.headers.get("authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            return False
        given = token.strip().encode()
        # Compare with every key, in constant time, so timing says nothing about any key.
        matches = [
            hmac.compare_digest(given, key) for key in (self._keys if keys is None else keys)
        ]
        return any(matches)

    def _may_subscribe(self, request: Request | WebSocket, authorization: str = "") -> bool:
        """Whether a client may subscribe: the one place that decides it. With API keys
        configured, the write keys (a subscription holds a connection and the broker's
        attention, as a write does); with only read keys configured, a read key."""
        keys = self._keys or self._read_keys
        return not keys or self._authenticated(request, authorization, keys)

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        params = context.connection_params if isinstance(context.connection_params, dict) else {}
        given = params.get("Authorization") or params.get("authorization")
        if isinstance(given, str) and given:
            context.authenticated = self._authenticated(context.request, given)
            context.may_subscribe = self._may_subscribe(context.request, given)
        if not context.may_subscribe:
            # Closed with 4403 Forbidden by graphql-transport-ws.
            raise ConnectionRejectionError({"code": "UNAUTHENTICATED"})
        unset: UnsetType = UNSET
        return unset

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        streaming = scope["type"] == "websocket" or wants_event_stream(
            Headers(scope=scope).get("accept")
        )
        if not streaming:
            await super().__call__(scope, receive, send)
            return
        if not self._connections.take():
            await self._refuse_connection(scope, receive, send)
            return
        try:
            await super().__call__(scope, receive, send)
        finally:
            self._connections.give_back()

    async def _refuse_connection(self, scope: Scope, receive: Receive, send: Send) -> None:
        reason = self._connections.refusal()
        log.warning("subscription connection refused: %s", reason)
        if scope["type"] == "websocket":
            websocket = WebSocket(scope, receive, send)
            protocols = scope.get("subprotocols") or []
            await websocket.accept(subprotocol=protocols[0] if protocols else None)
            # 1013: try again later. The reason is for people; it fits a close frame.
            await websocket.close(code=1013, reason=reason[:120])
            return
        response = error_response(
            429,
            reason,
            code=SUBSCRIPTION_LIMIT_EXCEEDED,
            numbers={"limit": self._connections.limit},
            headers={"Retry-After": "5"},
        )
        await response(scope, receive, send)

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        processed = await super().process_result(request, result)
        context = getattr(request.state, "context", None) if isinstance(request, Request) else None
        if isinstance(context, Context) and context.sent_event_id is not None:
            # An SSE stream's event id (api/live.py sends it as the SSE id as well).
            processed["extensions"] = {
                **(processed.get("extensions") or {}),
                "eventId": (context.sent_event_id),
            }
            context.sent_event_id = None
        return processed

    async def render_graphql_ide(self, request: Request) -> Response:
        # Our page loads GraphiQL from /graphiql/, not a CDN, so it works offline.
        return HTMLResponse(render_graphiql())

    async def get_context(self, request: Any, response: Any) -> Context:
        graph = self._state.graph
        assert graph is not None, "the lifespan opens the graph before requests arrive"
        context = Context.build(
            graph.store,
            request=request,
            response=response,
            authenticated=self._authenticated(request),
            reference=self._state.reference,
            search=self._search,
            max_list_items=self._max_list_items,
        )
        context.events = graph.events
        context.fetch_limits = self._fetch_limits
        context.may_subscribe = self._may_subscribe(request)
        if isinstance(request, Request):
            # An SSE client reconnecting says where it left off (EventSource does it itself).
            context.last_event_id = request.headers.get("last-event-id") or None
            request.state.context = context
        return context


def create_app(
    settings: Settings | None = None,
    *,
    graph: Graph | None = None,
    writes: WriteMarks | None = None,
) -> Starlette:
    """Build the app. With ``graph`` given (tests), the app uses it and does not close it.
    ``writes``: the mutation count shared with sibling worker processes (api/workers.py)."""
    settings = settings or Settings()
    configure_logging(settings)
    state = _State()
    served_schema = build_schema(settings, serving=[ReadVersion])
    graphql_app = _GraphQL(state, settings, served_schema, writes)
    return Starlette(
        routes=[
            # A Route, not a Mount: a Mount answers POST /graphql with a redirect. Every
            # method reaches the view, which answers the ones it refuses with a GraphQL body.
            Route("/graphql", graphql_app),
            # Subscriptions over graphql-transport-ws (a Route answers HTTP only).
            WebSocketRoute("/graphql", graphql_app),
            *home_routes(introspection=settings.introspection),
            *graphiql_routes(),
            *_probe_routes(state, settings, served_schema, graphql_app),
            *explore_routes(),
        ],
        middleware=_middleware(settings),
        lifespan=_lifespan(state, settings, graph),
    )


def _lifespan(
    state: _State, settings: Settings, graph: Graph | None
) -> Callable[[Starlette], contextlib.AbstractAsyncContextManager[None]]:
    """Open the reference lists and the graph at start; close the graph at the end unless the
    caller gave it (and so owns it)."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        state.reference = await asyncio.to_thread(load_reference)
        state.graph = graph or await open_graph(settings)
        try:
            await state.ensure_schema()
        except GraphError as exc:
            log.warning("graph not ready at start, will retry: %s", exc)
        try:
            yield
        finally:
            if graph is None:
                await state.graph.close()

    return lifespan


def _probe_routes(
    state: _State, settings: Settings, served_schema: strawberry.Schema, view: CachingGraphQL
) -> list[Route]:
    """/healthz (the process answers), /readyz (the graph answers) and /schema.graphql."""

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    async def readyz(request: Request) -> Response:
        # Anyone can ask, so the answer says only what a caller can act on; where the graph
        # is (its address, the data directory) and what went wrong go to the log.
        assert state.graph is not None
        try:
            await state.graph.store.ping()
            await state.ensure_schema()
        except GraphError as exc:
            reason = f"{exc} (graph {state.graph.store.target})"
            if reason != state.not_ready:
                log.warning("not ready: %s", reason)
            state.not_ready = reason
            return JSONResponse(
                {"status": "unavailable", "reason": "graph unavailable"}, status_code=503
            )
        if state.not_ready is not None:
            log.info("ready again (graph %s)", state.graph.store.target)
            state.not_ready = None
        return JSONResponse({"status": "ready"})

    async def sdl(request: Request) -> Response:
        if not settings.introspection:
            return PlainTextResponse("introspection is switched off\n", status_code=404)
        if view.principal(request) is None:
            # The schema is read like any other read when reads need a key.
            return PlainTextResponse(
                "reads need a key on this server: send `Authorization: Bearer <key>`\n",
                status_code=401,
                headers={"WWW-Authenticate": 'Bearer realm="newsgraph"'},
            )
        return PlainTextResponse(served_schema.as_str() + "\n")

    return [Route("/healthz", healthz), Route("/readyz", readyz), Route("/schema.graphql", sdl)]


def _middleware(settings: Settings) -> list[Middleware]:
    middleware = [
        # Outermost, so every response (CORS refusals, 404s, crashes) carries a request id.
        Middleware(
            RequestMiddleware,
            max_body_bytes=settings.max_body_bytes,
            read_timeout_s=settings.read_timeout_s,
            access_log=settings.log_format == "json",
        )
    ]
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=settings.cors_origins,
                allow_methods=["GET", "POST", "OPTIONS"],
                allow_headers=["Content-Type", "Authorization", "X-Request-ID"],
                # So browser clients can quote the id of a failed request.
                expose_headers=["X-Request-ID"],
                max_age=600,
            )
        )
    return middleware
