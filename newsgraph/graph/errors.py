"""What can go wrong talking to a graph, as errors the API and the CLI can explain."""

from __future__ import annotations

__all__ = [
    "EmbeddedServerError",
    "GraphError",
    "GraphQueryError",
    "GraphUnavailable",
    "InvalidSearch",
    "QueryTimeout",
]


class GraphError(Exception):
    """Base of every graph-layer error."""


class GraphUnavailable(GraphError):
    """The graph cannot be reached (down, wrong URL, wrong credentials)."""

    def __init__(self, target: str, reason: str) -> None:
        super().__init__(f"graph at {target} is unavailable: {reason}")
        self.target = target
        self.reason = reason


class QueryTimeout(GraphError):
    """A query ran past the configured per-query timeout."""

    def __init__(self, statement: str, timeout_ms: int) -> None:
        super().__init__(f"query {statement} took longer than {timeout_ms} ms")
        self.statement = statement
        self.timeout_ms = timeout_ms


class GraphQueryError(GraphError):
    """The graph refused a statement (a bug on our side, or a constraint violation)."""

    def __init__(self, statement: str, message: str) -> None:
        super().__init__(f"query {statement} failed: {message}")
        self.statement = statement
        self.message = message


class InvalidSearch(GraphError):
    """The full-text engine could not parse a search: the client's input, not our bug."""

    def __init__(self, search: str, message: str) -> None:
        super().__init__(f"the search {search!r} is not valid: {message}")
        self.search = search
        self.message = message


class EmbeddedServerError(GraphError):
    """The embedded FalkorDB server could not be started."""
