"""Errors as clients see them: a stable `extensions.code`, never a stack trace or Cypher."""

from __future__ import annotations

import logging
from collections.abc import Iterator

from graphql import GraphQLError, GraphQLSyntaxError
from strawberry.extensions import SchemaExtension

from newsgraph.graph.errors import GraphUnavailable, QueryTimeout
from newsgraph.schema.relay import BadInput

__all__ = ["ErrorCodes"]

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


def _translate(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if original is None:
        _code_document_error(error)
        return error
    if isinstance(original, GraphQLError):
        return error
    if isinstance(original, GraphUnavailable):
        code, message = "GRAPH_UNAVAILABLE", f"the graph database is unavailable: {original.reason}"
    elif isinstance(original, QueryTimeout):
        code, message = "QUERY_TIMEOUT", "the query took too long and was stopped"
    elif isinstance(original, BadInput):
        code = "BAD_SEARCH_QUERY" if type(original).__name__ == "BadSearch" else "BAD_USER_INPUT"
        message = str(original)
    else:
        # Imported here: newsgraph.api imports this package, so a top-level import is circular.
        from newsgraph.api.request_context import current_request_id

        request_id = current_request_id()
        log.error(
            "unexpected error in %s (request %s)",
            ".".join(map(str, error.path or [])),
            request_id,
            exc_info=original,
        )
        code, message = "INTERNAL_SERVER_ERROR", f"internal error (request id {request_id})"
    return GraphQLError(
        message,
        nodes=error.nodes,
        source=error.source,
        positions=error.positions,
        path=error.path,
        extensions={"code": code},
    )


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
