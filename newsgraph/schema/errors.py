"""Errors as clients see them: a stable `extensions.code`, never a stack trace or Cypher."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import SchemaExtension

from newsgraph.graph.errors import GraphUnavailable, QueryTimeout
from newsgraph.schema.relay import BadInput

__all__ = ["ErrorCodes"]

log = logging.getLogger("newsgraph.api")


def _translate(error: GraphQLError) -> GraphQLError:
    original = error.original_error
    if original is None:
        # Parse and validation errors are already about the client's document.
        if not (error.extensions or {}).get("code"):
            error.extensions = {**(error.extensions or {}), "code": "GRAPHQL_VALIDATION_FAILED"}
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
        request_id = uuid.uuid4().hex[:12]
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

    def on_execute(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        if result is not None and result.errors:
            result.errors = [_translate(error) for error in result.errors]
