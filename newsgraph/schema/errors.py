"""Errors as clients see them: a stable `extensions.code`, never a stack trace or Cypher."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import SchemaExtension

from newsgraph.graph.errors import GraphUnavailable, InvalidSearch, QueryTimeout
from newsgraph.request_context import current_request_id
from newsgraph.schema.relay import BadInput

__all__ = ["ErrorCodes", "coded", "masked"]

log = logging.getLogger("newsgraph.api")


def _code_document_error(error: GraphQLError) -> None:
    # Parse and validation errors are already about the client's document; keep any code a
    # limit gave them.
    if error.original_error is None and not (error.extensions or {}).get("code"):
        code = (
            "GRAPHQL_PARSE_FAILED"
            if isinstance(error, GraphQLSyntaxError)
            else "GRAPHQL_VALIDATION_FAILED"
        )
        error.extensions = {**(error.extensions or {}), "code": code}


def masked(error: GraphQLError) -> GraphQLError:
    """``error`` as a client sees an unexpected one: a code and the request id; the details
    (message, exception, traceback) go to the log under that id."""
    request_id = current_request_id()
    log.error(
        "unexpected error in %s (request %s): %s",
        ".".join(map(str, error.path or [])) or "the request",
        request_id,
        error.message,
        exc_info=error.original_error or error,
    )
    return _recoded(error, "INTERNAL_SERVER_ERROR", f"internal error (request id {request_id})")


def _recoded(error: GraphQLError, code: str, message: str) -> GraphQLError:
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions={"code": code},
    )


def _translate(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if original is None:
        _code_document_error(error)
        return error
    if isinstance(original, GraphQLError):
        if (error.extensions or {}).get("code"):
            return error
        if error.path is None or original.nodes:
            # graphql-core refusing the client's variables (before any field runs, so no
            # path) or an argument's value (it points at the value): its message says which
            # value and why.
            error.extensions = {**(error.extensions or {}), "code": "BAD_USER_INPUT"}
            return error
        # A scalar or enum that could not serialize what a resolver returned: our bug.
        return masked(error)
    if isinstance(original, GraphUnavailable):
        # The graph's address and the driver's words are for operators: the log has them,
        # under the request id the client is given.
        request_id = current_request_id()
        log.warning(
            "graph unavailable in %s (request %s): %s",
            ".".join(map(str, error.path or [])),
            request_id,
            original,
        )
        return _recoded(
            error,
            "GRAPH_UNAVAILABLE",
            f"the graph database is unavailable; try again later (request id {request_id})",
        )
    if isinstance(original, QueryTimeout):
        return _recoded(error, "QUERY_TIMEOUT", "the query took too long and was stopped")
    if isinstance(original, InvalidSearch):
        return _recoded(error, "BAD_SEARCH_QUERY", str(original))
    if isinstance(original, BadInput):
        return _recoded(error, "BAD_USER_INPUT", str(original))
    return masked(error)


def coded(error: GraphQLError) -> GraphQLError:
    """``error`` with its code: for errors ErrorCodes does not see (a subscription's events)."""
    if (error.extensions or {}).get("code"):
        return error
    if error.path is None and error.original_error is None:
        _code_document_error(error)
        return error
    return _translate(error)


class ErrorCodes(SchemaExtension):
    """Give every error a code, and mask anything unexpected."""

    def on_operation(self) -> Iterator[None]:
        # Parse and validation failures never reach on_execute; a parse failure inside
        # ParserCache even arrives as an exception rather than as a result.
        try:
            yield
        except GraphQLError as raised:
            _code_document_error(raised)
            raise
        result = self.execution_context.result
        for error in (result.errors if result is not None else None) or []:
            _code_document_error(error)

    def on_execute(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [_translate(error) for error in result.errors]
