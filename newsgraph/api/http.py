"""GraphQL over HTTP as the spec (graphql.github.io/graphql-over-http) asks, on Strawberry's view.

Stock Strawberry answers everything as ``application/json`` with status 200. This view:

- negotiates the response media type from ``Accept``: ``application/graphql-response+json`` when
  the client prefers it, ``application/json`` otherwise (and when ``Accept`` is missing or
  ``*/*``), 406 when the client accepts neither;
- with ``application/graphql-response+json``, answers requests that never reached execution
  (document parse or validation failures, variable coercion failures, refused operations) with
  400 and no ``data`` entry; ``application/json`` keeps 200 with ``errors`` for old clients;
- answers a mutation over GET with 405 (``Allow: POST``), other methods with 405;
- refuses batched (JSON array) bodies, bodies that are not a JSON object, JSON it cannot
  decode, ``variables`` or ``extensions`` nested deeper than a bound, and non-string
  ``operationName`` with 400, for POST bodies and GET parameters alike;
- gives every GraphQL error an ``extensions.code``: one that reaches it without (nothing
  known does) is masked as ``INTERNAL_SERVER_ERROR``, its details logged;
- gives every HTTP-level refusal a GraphQL-shaped JSON body with an ``extensions.code``, never
  Strawberry's plain-text reasons.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Iterable
from typing import Any

import orjson
from cross_web import AsyncHTTPRequestAdapter, HTTPException
from graphql.error import GraphQLSyntaxError
from graphql.language import Lexer, Source, TokenKind
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.http.types import QueryParams
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult

from newsgraph.request_context import current_request
from newsgraph.schema import Context
from newsgraph.schema.errors import masked

__all__ = [
    "GRAPHQL_RESPONSE_JSON",
    "JSON",
    "Refusal",
    "SpecGraphQL",
    "error_response",
    "media_quality",
    "negotiate",
    "operation_name",
]

JSON = "application/json"
GRAPHQL_RESPONSE_JSON = "application/graphql-response+json"
_OFFERED = (GRAPHQL_RESPONSE_JSON, JSON)

# Codes for refusals made before GraphQL runs, so clients can branch on them like on any other.
_HTTP_CODES = {
    400: "BAD_REQUEST",
    404: "NOT_FOUND",
    405: "METHOD_NOT_ALLOWED",
    406: "NOT_ACCEPTABLE",
    408: "REQUEST_TIMEOUT",
    413: "PAYLOAD_TOO_LARGE",
    500: "INTERNAL_SERVER_ERROR",
}

_MAX_LOGGED_NAME = 100

JSON_DEPTH_LIMIT_EXCEEDED = "JSON_DEPTH_LIMIT_EXCEEDED"


class Refusal(HTTPException):
    """An HTTP-level refusal with a code of its own and numbers for ``extensions``."""

    def __init__(self, status_code: int, reason: str, code: str, **numbers: int) -> None:
        super().__init__(status_code, reason)
        self.code = code
        self.numbers = numbers


def negotiate(accept: str | None) -> str | None:
    """The media type to answer with, or None when ``accept`` rules out both we offer."""
    if accept is None or not accept.strip():
        return JSON
    best: tuple[float, int, int] | None = None
    chosen: str | None = None
    for offered in _OFFERED:
        q, specificity = media_quality(offered, accept)
        if q <= 0:
            continue
        # Ties go to graphql-response+json only when named outright: a bare */* (or
        # application/*) gets application/json, as the spec asks during the legacy watershed.
        named = specificity == 2
        preferred = int(offered == (GRAPHQL_RESPONSE_JSON if named else JSON))
        key = (q, specificity, preferred)
        if best is None or key > best:
            best, chosen = key, offered
    return chosen


def media_quality(offered: str, accept: str) -> tuple[float, int]:
    """The q value of the most specific range in ``accept`` that matches ``offered``, and how
    specific that range is: 2 named outright, 1 ``type/*``, 0 ``*/*``, -1 none matches."""
    kind = offered.partition("/")[0]
    found: tuple[int, float] | None = None
    for part in accept.split(","):
        media, *params = (piece.strip() for piece in part.split(";"))
        media = media.lower()
        if media == offered:
            specificity = 2
        elif media == f"{kind}/*":
            specificity = 1
        elif media == "*/*":
            specificity = 0
        else:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 1.0
        if found is None or specificity > found[0]:
            found = (specificity, q)
    if found is None:
        return 0.0, -1
    return found[1], found[0]


def operation_name(request_data: GraphQLRequestData) -> str | None:
    """The operation's name for the logs: as the client sent it, else the document's only one."""
    name = request_data.operation_name or _sole_operation_name(request_data.query)
    return name[:_MAX_LOGGED_NAME] if name else None


# Clients send the same few documents again and again, and lexing one costs about a
# millisecond: remember the answer for documents up to this size (the cache then holds at most
# _NAME_CACHE_SIZE x _NAME_CACHE_CHARS characters).
_NAME_CACHE_SIZE = 256
_NAME_CACHE_CHARS = 20_000


def _sole_operation_name(query: str | None) -> str | None:
    if not query:
        return None
    if len(query) <= _NAME_CACHE_CHARS:
        return _remembered_operation_name(query)
    return _lex_operation_name(query)


@functools.lru_cache(maxsize=_NAME_CACHE_SIZE)
def _remembered_operation_name(query: str) -> str | None:
    return _lex_operation_name(query)


def _lex_operation_name(query: str) -> str | None:
    # The lexer, not a regex, so names in strings and comments are not taken for operations.
    lexer = Lexer(Source(query))
    braces = parens = 0
    pending = False  # a definition keyword was seen, its selection set is next
    names: list[str | None] = []
    try:
        token = lexer.advance()
        while token.kind != TokenKind.EOF:
            if token.kind == TokenKind.PAREN_L:
                parens += 1
            elif token.kind == TokenKind.PAREN_R:
                parens -= 1
            elif parens == 0 and token.kind == TokenKind.BRACE_L:
                if braces == 0 and not pending:
                    names.append(None)  # a shorthand query
                pending = False
                braces += 1
            elif parens == 0 and token.kind == TokenKind.BRACE_R:
                braces -= 1
            elif braces == 0 and parens == 0 and not pending and token.kind == TokenKind.NAME:
                pending = True
                if token.value in {"query", "mutation", "subscription"}:
                    following = lexer.lookahead()
                    names.append(following.value if following.kind == TokenKind.NAME else None)
            token = lexer.advance()
    except GraphQLSyntaxError:
        return None
    return names[0] if len(names) == 1 else None


def error_response(
    status: int,
    message: str,
    *,
    media_type: str = JSON,
    headers: dict[str, str] | None = None,
    code: str | None = None,
    numbers: dict[str, int] | None = None,
) -> Response:
    """A refusal made outside GraphQL execution, in the shape of a GraphQL response."""
    code = code or _HTTP_CODES.get(
        status, "BAD_REQUEST" if status < 500 else "INTERNAL_SERVER_ERROR"
    )
    info = current_request()
    if info is not None:
        info.add_error_code(code)
    body = {"errors": [{"message": message, "extensions": {"code": code, **(numbers or {})}}]}
    return Response(
        _encode(body),
        status_code=status,
        headers=headers,
        media_type=f"{media_type}; charset=utf-8",
    )


def _json_kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    return "string" if isinstance(value, str) else "number"


def _encode(data: object) -> bytes:
    """A response body as compact UTF-8 JSON.

    orjson writes JSON about ten times faster than the standard library (the answers of the
    bench's mix, 3 KB on average: 0.05 ms each with ``json``, 0.005 ms with orjson); anything
    it refuses (an integer beyond 64 bits, a key that is not a string) goes through ``json``.
    """
    try:
        return orjson.dumps(data)
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode()


def _nesting(value: object, limit: int) -> int:
    """How deeply objects and arrays nest in ``value`` (0 for a scalar), counted up to
    ``limit + 1``: a stack, not recursion, since the client chooses the depth."""
    deepest = 0
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Iterable[object] = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        deepest = max(deepest, depth)
        if deepest > limit:
            break
        stack.extend((child, depth + 1) for child in children)
    return deepest


def _too_deep(where: str, limit: int) -> Refusal:
    return Refusal(
        400,
        f"{where} nests objects and arrays more than {limit} levels deep",
        JSON_DEPTH_LIMIT_EXCEEDED,
        limit=limit,
    )


def _is_request_error(response: GraphQLHTTPResponse) -> bool:
    # Errors raised while executing carry the path of their field; parse, validation and
    # variable coercion errors have none, and come with no data at all.
    errors = response.get("errors")
    return (
        response.get("data") is None
        and bool(errors)
        and all(isinstance(error, dict) and "path" not in error for error in errors or [])
    )


def _codes(response: GraphQLHTTPResponse) -> list[str]:
    codes = []
    for error in response.get("errors") or []:
        extensions = error.get("extensions") if isinstance(error, dict) else None
        code = extensions.get("code") if isinstance(extensions, dict) else None
        if isinstance(code, str):
            codes.append(code)
    return codes


class SpecGraphQL(GraphQL[Context, None]):
    """Strawberry's ASGI view with the GraphQL-over-HTTP status codes and media types."""

    def __init__(self, *args: Any, max_json_depth: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_json_depth = max_json_depth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope=scope, receive=receive)
        try:
            response = await self.run(request)
        except HTTPException as exc:
            response = self._refusal(request, exc)
        await response(scope, receive, send)

    def _refusal(self, request: Request, exc: HTTPException) -> Response:
        headers = None
        if exc.status_code == 405:
            headers = {"Allow": "POST" if request.method == "GET" else "GET, POST"}
        media_type = negotiate(request.headers.get("accept")) or JSON
        code, numbers = (exc.code, exc.numbers) if isinstance(exc, Refusal) else (None, None)
        return error_response(
            exc.status_code,
            exc.reason,
            media_type=media_type,
            headers=headers,
            code=code,
            numbers=numbers,
        )

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub_response = await super().get_sub_response(request)
        # Carried to create_response, which is not given the request.
        sub_response.media_type = negotiate(request.headers.get("accept")) or JSON
        return sub_response

    async def parse_http_body(
        self, request: AsyncHTTPRequestAdapter
    ) -> GraphQLRequestData | list[GraphQLRequestData]:
        streamed = self._get_stream_transport_from_headers(request.headers) is not None
        if not streamed and negotiate(request.headers.get("accept")) is None:
            raise HTTPException(
                406, f"cannot answer in any accepted media type; offered: {', '.join(_OFFERED)}"
            )
        data = await super().parse_http_body(request)
        if isinstance(data, GraphQLRequestData):
            if not isinstance(data.operation_name, str | None):
                raise HTTPException(
                    400, "The GraphQL operation's `operationName` must be a string or null."
                )
            for where, value in (
                ("`variables`", data.variables),
                ("`extensions`", data.extensions),
            ):
                if _nesting(value, self.max_json_depth) > self.max_json_depth:
                    raise _too_deep(where, self.max_json_depth)
            info = current_request()
            if info is not None:
                info.operation_name = operation_name(data)
        return data

    def encode_json(self, data: object) -> bytes:
        return _encode(data)

    def decode_json(self, data: str | bytes) -> object:
        try:
            return json.loads(data)
        except json.JSONDecodeError:
            raise  # Strawberry answers it: "Unable to parse request body as JSON", 400
        except RecursionError as exc:
            # The decoder recurses once per level and gives up near Python's recursion limit
            # (about 1,000 levels), far past the bound the decoded value is checked against.
            raise _too_deep("the JSON", self.max_json_depth) from exc
        except UnicodeDecodeError as exc:
            raise HTTPException(400, "the request body is not UTF-8 JSON") from exc
        except ValueError as exc:
            # Python's own bound on converting long integers (conversion is quadratic), the
            # only other way decoding fails.
            limit = sys.get_int_max_str_digits()
            raise HTTPException(
                400, f"the JSON holds a number longer than {limit} digits, which is not decoded"
            ) from exc

    def parse_json(self, data: str | bytes) -> Any:
        # The POST body; a GET request's parameters go through parse_query_params.
        value = super().parse_json(data)
        if isinstance(value, list):
            # Batching would multiply every per-operation limit by the batch size; no client
            # of ours needs it, so a JSON array body is refused outright. Refused here, on
            # Strawberry's public hook, rather than by overriding its private batch check.
            raise HTTPException(400, "batching is not supported: send one operation per request")
        if not isinstance(value, dict):
            raise HTTPException(
                400,
                "the request body must be a JSON object with a `query` "
                f"(got a JSON {_json_kind(value)})",
            )
        return value

    def parse_query_params(self, params: QueryParams) -> dict[str, Any]:
        parsed: dict[str, Any] = dict(params)
        for name in ("variables", "extensions"):
            if parsed.get(name):
                try:
                    parsed[name] = self.decode_json(parsed[name])
                except json.JSONDecodeError as exc:
                    raise HTTPException(400, f"`{name}` is not valid JSON: {exc}") from exc
        return parsed

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        # ErrorCodes codes every error it sees; an error made outside it (an exception
        # escaping an extension, which Strawberry turns into an error) is unexpected.
        if result.errors:
            result.errors = [
                error if (error.extensions or {}).get("code") else masked(error)
                for error in result.errors
            ]
        return await super().process_result(request, result)

    async def execute_single(
        self,
        request: Request,
        request_adapter: AsyncHTTPRequestAdapter,
        sub_response: Response,
        context: Context,
        root_value: None,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        try:
            return await super().execute_single(
                request, request_adapter, sub_response, context, root_value, request_data
            )
        except HTTPException as exc:
            if request_adapter.method == "GET" and isinstance(
                exc.__cause__, InvalidOperationTypeError
            ):
                # The spec's answer to a mutation over GET: the method is wrong, not the request.
                raise HTTPException(405, f"{exc.reason}: use POST") from exc
            raise

    def create_response(
        self,
        response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
        sub_response: Response,
    ) -> Response:
        media_type = sub_response.media_type or JSON
        status = 200
        body: object = response_data
        if isinstance(response_data, dict):
            codes = _codes(response_data)
            info = current_request()
            if info is not None:
                for code in codes:
                    info.add_error_code(code)
            if media_type == GRAPHQL_RESPONSE_JSON and _is_request_error(response_data):
                # Nothing ran, so there is no data entry at all, and the status says why.
                body = {key: value for key, value in response_data.items() if key != "data"}
                status = 500 if "INTERNAL_SERVER_ERROR" in codes else 400
        response = Response(
            self.encode_json(body),
            status_code=sub_response.status_code or status,
            media_type=f"{media_type}; charset=utf-8",
        )
        response.headers.raw.extend(sub_response.headers.raw)
        if sub_response.background:
            response.background = sub_response.background
        return response
