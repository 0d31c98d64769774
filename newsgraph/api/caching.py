"""Cacheable reads: the graph version, ETags and 304s, a server-side response cache, persisted
queries and read keys, on the GraphQL view.

Every write that changes data increments one number kept in the graph itself (see
``graph/cypher.py``, ``_BUMP_VERSION``), in the write's own transaction, so a ``newsgraph load``
in another process moves it too. A read's answer is a function of (document, operation name,
variables, graph version) and of who asks and in which media type; its ETag and its key in the
response cache are made of exactly those. A write makes every stored answer unreachable, since
the version they were stored under is gone.

Reading the version is itself a graph call. This process reads it at most once per
``version_max_age_ms`` (requests arriving meanwhile share the last reading, or the one in
flight), so a repeated read is answered with no graph call at all; the price is that a write by
another process shows in cached answers up to that long after it. A mutation sent to this
process makes the next read look again at once. Under `newsgraph serve --workers N` the
worker processes share a count of their mutations (api/workers.py): a mutation sent to any of
them makes the next read of every one look again, so no worker answers from before it.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import json
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol

from cross_web import AsyncHTTPRequestAdapter
from graphql import OperationType
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.extensions import SchemaExtension
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from newsgraph.api.admission import Turns
from newsgraph.api.http import JSON, SpecGraphQL, error_response, negotiate, operation_name
from newsgraph.api.persisted import (
    PersistedQueries,
    PersistedQueryError,
    document_hash,
    operation_type,
)
from newsgraph.graph import GraphError
from newsgraph.request_context import current_request

__all__ = [
    "CachingGraphQL",
    "ReadPolicy",
    "ReadVersion",
    "ResponseCache",
    "VersionClock",
    "WriteMarks",
]


class WriteMarks(Protocol):
    """Mutations counted across the worker processes of one `newsgraph serve` (shared
    memory, api/workers.py): a reading of the version taken before another worker's
    mutation is not trusted after it."""

    def mark(self) -> int:
        """The count now; it only grows."""
        ...

    def bump(self) -> None:
        """One more mutation went through some worker."""
        ...


class VersionClock:
    """The graph's version as this process last read it, read again once that reading is
    ``max_age_ms`` old (0: on every request). One reading is in flight at a time; requests
    arriving meanwhile wait for it rather than making calls of their own."""

    def __init__(
        self,
        read: Callable[[], Awaitable[int]],
        max_age_ms: int,
        on_change: Callable[[int], None] = lambda version: None,
        siblings: WriteMarks | None = None,
    ) -> None:
        self._read = read
        self._siblings = siblings
        # The siblings' mark when the kept reading started: a later mark voids it.
        self._value_mark = 0
        self._max_age_s = max_age_ms / 1000
        self._on_change = on_change
        self._value: int | None = None
        self._read_at = 0.0
        self._last_seen: int | None = None
        # Bumped by invalidate(): a reading that started before a local write is not kept.
        self._generation = 0
        self._pending: asyncio.Future[int] | None = None
        self._pending_generation = -1
        self._pending_mark = 0

    @property
    def known(self) -> int | None:
        """The last version read, None after invalidate() until the next reading."""
        return self._value

    def invalidate(self) -> None:
        """A write went through this process: the next request reads the version again (in
        every worker process, when there are siblings)."""
        self._generation += 1
        self._value = None
        if self._siblings is not None:
            self._siblings.bump()

    def _mark(self) -> int:
        return self._siblings.mark() if self._siblings is not None else 0

    def fresh(self) -> int | None:
        """The version if the last reading is recent enough to answer from, else None."""
        if (
            self._value is not None
            and time.monotonic() - self._read_at < self._max_age_s
            and self._mark() == self._value_mark
        ):
            return self._value
        return None

    async def current(self) -> int:
        known = self.fresh()
        if known is not None:
            return known
        pending, mark = self._pending, self._mark()
        # A reading in flight serves this request only if no write went through since it
        # started: in this process (generation) or in a sibling worker (mark).
        if (
            pending is None
            or pending.done()
            or (self._pending_generation, self._pending_mark) != (self._generation, mark)
        ):
            pending = asyncio.ensure_future(self._refresh(self._generation))
            self._pending = pending
            self._pending_generation, self._pending_mark = self._generation, mark
        # Shielded: a client that goes away does not cancel a reading others wait for.
        return await asyncio.shield(pending)

    async def _refresh(self, generation: int) -> int:
        started, mark = time.monotonic(), self._mark()
        value = await self._read()
        # Kept unless a local write came since, or a reading that began after a sibling's
        # write is already kept (this one, older, finished later).
        if generation == self._generation and (self._value is None or mark >= self._value_mark):
            self._value, self._read_at, self._value_mark = value, started, mark
        if value != self._last_seen:
            self._last_seen = value
            self._on_change(value)
        return value


@dataclass(frozen=True, slots=True)
class Stored:
    """One cached answer: the bytes, status and content type of a successful read."""

    body: bytes
    status: int
    content_type: str


class ResponseCache:
    """Answers by (graph version, request key), least recently used forgotten first, within
    ``max_entries`` answers and ``max_bytes`` bytes of bodies; an answer larger than a tenth of
    the bytes is not kept, so one answer cannot push out all the others."""

    def __init__(self, *, max_entries: int, max_bytes: int) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.bytes = 0
        self._entries: OrderedDict[tuple[int, str], Stored] = OrderedDict()

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, version: int, key: str) -> Stored | None:
        found = self._entries.get((version, key))
        if found is not None:
            self._entries.move_to_end((version, key))
        return found

    def put(self, version: int, key: str, stored: Stored) -> None:
        if len(stored.body) > self.max_bytes // 10:
            return
        old = self._entries.pop((version, key), None)
        if old is not None:
            self.bytes -= len(old.body)
        self._entries[(version, key)] = stored
        self.bytes += len(stored.body)
        while len(self._entries) > self.max_entries or self.bytes > self.max_bytes:
            _, dropped = self._entries.popitem(last=False)
            self.bytes -= len(dropped.body)

    def clear(self) -> None:
        """Called when the version moves: every entry is unreachable, so free them now."""
        self._entries.clear()
        self.bytes = 0


@dataclass
class ReadPolicy:
    """What the view needs to serve cacheable reads (built from the settings by the app)."""

    persisted: PersistedQueries
    clock: VersionClock
    cache: ResponseCache | None
    cache_control: str
    read_keys: list[bytes]
    write_keys: list[bytes]


@dataclass
class _ReadState:
    """One read on its way through execution: the version its answer is valid from (read
    once the operation passed every check, so a refused request makes no graph call), and
    whether execution produced errors (such answers are neither cached nor tagged)."""

    clock: VersionClock
    version: int | None = None
    errors: bool = False


# The request data the view parsed itself, handed to Strawberry's run so it is not parsed
# twice; and the read being executed, for ReadVersion.
_parsed: ContextVar[GraphQLRequestData | None] = ContextVar("newsgraph_parsed", default=None)
_reading: ContextVar[_ReadState | None] = ContextVar("newsgraph_reading", default=None)


class ReadVersion(SchemaExtension):
    """Reads the graph version just before a cacheable read executes (after parsing,
    validation and the limits): before the data, so the answer is at least that new."""

    async def on_execute(self) -> AsyncIterator[None]:
        state = _reading.get()
        if state is not None and state.version is None:
            # On an outage the resolvers fail too, and report it; the answer is not cached.
            with contextlib.suppress(GraphError):
                state.version = await state.clock.current()
        yield


# A refusal answered to any request from a client that sends no or a wrong read key.
_UNAUTHENTICATED = "reads need a key on this server: send `Authorization: Bearer <key>`"


def _request_key(data: GraphQLRequestData, principal: str, media_type: str) -> str:
    """What makes two requests the same read: the document, the operation, the variables, the
    media type answered and who asks."""
    assert data.query is not None
    variables = json.dumps(data.variables or {}, sort_keys=True, separators=(",", ":"))
    parts = [document_hash(data.query), data.operation_name or "", variables, media_type, principal]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _etag(version: int, key: str) -> str:
    return f'"{version:x}-{key[:32]}"'


def _etag_matches(if_none_match: str | None, etag: str) -> bool:
    if not if_none_match:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in tags or etag in tags


class CachingGraphQL(SpecGraphQL):
    """The GraphQL view with persisted queries, read keys, ETags and the response cache."""

    def __init__(self, *args: Any, reads: ReadPolicy, turns: Turns, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.reads = reads
        self.turns = turns

    def principal(self, request: Request) -> str | None:
        """Who asks, as far as answers differ by it: ``r<i>`` or ``w<i>`` for the key that
        matched, ``""`` for no key; None when read keys are set and none matched."""
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        given = token.strip().encode() if scheme.lower() == "bearer" else b""
        found = ""
        for prefix, keys in (("r", self.reads.read_keys), ("w", self.reads.write_keys)):
            for index, key in enumerate(keys):
                # Every key compared in constant time, so timing says nothing about any.
                if hmac.compare_digest(given, key) and given and not found:
                    found = f"{prefix}{index}"
        if self.reads.read_keys and not found:
            return None
        return found

    def should_render_graphql_ide(self, request: Any) -> bool:
        # A persisted query over GET has no `query` parameter, and curl accepts */*.
        return bool(
            super().should_render_graphql_ide(request)
            and request.query_params.get("extensions") is None
        )

    async def parse_http_body(
        self, request_adapter: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        parsed = _parsed.get()
        if parsed is not None:
            return parsed
        return await super().parse_http_body(request_adapter)

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        state = _reading.get()
        if state is not None and result.errors:
            state.errors = True
        return await super().process_result(request, result)

    async def run(
        self,
        request: Request | WebSocket,
        context: Any = UNSET,
        root_value: Any = UNSET,
    ) -> Any:
        if not isinstance(request, Request) or request.method not in ("GET", "POST"):
            return await super().run(request, context, root_value)
        adapter = self.request_adapter_class(request)
        if self.should_render_graphql_ide(adapter):
            # The page is static; the requests it makes need the key (its headers tab).
            return await super().run(request, context, root_value)
        media_type = negotiate(request.headers.get("accept"))
        principal = self.principal(request)
        if principal is None:
            return error_response(
                401,
                _UNAUTHENTICATED,
                media_type=media_type or JSON,
                code="UNAUTHENTICATED",
                headers={"WWW-Authenticate": 'Bearer realm="newsgraph"'},
            )
        data = await self.parse_http_body(adapter)
        if not isinstance(data, GraphQLRequestData) or media_type is None:
            return await super().run(request, context, root_value)
        try:
            data.query = self.reads.persisted.resolve(data.query, data.extensions)
        except PersistedQueryError as exc:
            return await self._persisted_refusal(request, exc, media_type)
        info = current_request()
        if info is not None:
            info.operation_name = operation_name(data)
        kind = (
            operation_type(data.query, data.operation_name, self.reads.persisted.max_tokens)
            if data.query
            else None
        )
        if kind is OperationType.QUERY:
            return await self._read(request, data, principal, media_type)
        try:
            return await self._execute(request, data, turn=kind is OperationType.MUTATION)
        finally:
            if kind is OperationType.MUTATION:
                # A write may have gone through: the next read looks at the version again.
                self.reads.clock.invalidate()

    async def _execute(
        self, request: Request, data: GraphQLRequestData, *, turn: bool = False
    ) -> Response:
        """Run the operation through Strawberry; with ``turn`` (queries and mutations), once it
        has its turn (api/admission.py). A subscription streams for as long as it runs, and
        takes no turn."""
        token = _parsed.set(data)
        try:
            async with self.turns.turn() if turn else contextlib.nullcontext():
                response: Response = await super().run(request)
        finally:
            _parsed.reset(token)
        return response

    async def _read(
        self, request: Request, data: GraphQLRequestData, principal: str, media_type: str
    ) -> Response:
        key = _request_key(data, principal, media_type)
        cache = self.reads.cache
        known = self.reads.clock.fresh()
        if known is not None:
            # Answered without executing, and without a graph call, when it can be.
            served = self._unchanged_or_cached(request, known, key)
            if served is not None:
                return served
        state = _ReadState(self.reads.clock, known)
        token = _reading.set(state)
        try:
            response = await self._execute(request, data, turn=True)
        finally:
            _reading.reset(token)
        version = state.version
        if response.status_code != 200 or state.errors or version is None:
            response.headers["cache-control"] = "no-store"
            return response
        headers = self._cache_headers(request.method, _etag(version, key))
        if _etag_matches(request.headers.get("if-none-match"), headers["etag"]):
            return Response(status_code=304, headers=headers)
        response.headers.update({**headers, "x-cache": "MISS"})
        if cache is not None and self.reads.clock.known == version:
            body = bytes(response.body)
            cache.put(version, key, Stored(body, 200, response.headers["content-type"]))
        return response

    def _unchanged_or_cached(self, request: Request, version: int, key: str) -> Response | None:
        headers = self._cache_headers(request.method, _etag(version, key))
        if _etag_matches(request.headers.get("if-none-match"), headers["etag"]):
            return Response(status_code=304, headers=headers)
        stored = self.reads.cache.get(version, key) if self.reads.cache is not None else None
        if stored is None:
            return None
        response = Response(stored.body, status_code=stored.status, headers=headers)
        response.headers["content-type"] = stored.content_type
        response.headers["x-cache"] = "HIT"
        return response

    def _cache_headers(self, method: str, etag: str) -> dict[str, str]:
        if method != "GET":
            # Shared caches do not store answers to POST; this one's client may revalidate.
            return {"etag": etag, "cache-control": "private, no-cache"}
        control = self.reads.cache_control
        if self.reads.read_keys and "private" not in control:
            # Answers to keyed clients are theirs alone, whatever the setting allows.
            control = f"private, {control}"
        return {"etag": etag, "cache-control": control, "vary": "Accept, Authorization"}

    async def _persisted_refusal(
        self, request: Request, exc: PersistedQueryError, media_type: str
    ) -> Response:
        if not exc.request_error:
            return error_response(400, exc.message, media_type=media_type, code=exc.code)
        # Answered like any request that never ran: 200 with application/json, 400 with
        # application/graphql-response+json. Clients (Apollo's) look for the message and code.
        sub_response = await self.get_sub_response(request)
        body: GraphQLHTTPResponse = {
            "data": None,
            "errors": [{"message": exc.message, "extensions": {"code": exc.code}}],
        }
        response = self.create_response(response_data=body, sub_response=sub_response)
        response.headers["cache-control"] = "no-store"
        return response
