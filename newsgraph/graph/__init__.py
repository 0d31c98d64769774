"""The data layer: the only package that knows Cypher."""

from __future__ import annotations

from newsgraph.graph.connect import Graph, open_graph
from newsgraph.graph.dialect import FALKORDB, NEO4J, Dialect
from newsgraph.graph.embedded import EmbeddedServer
from newsgraph.graph.errors import (
    EmbeddedServerError,
    GraphError,
    GraphQueryError,
    GraphUnavailable,
    QueryTimeout,
)
from newsgraph.graph.store import RoundTrips, Store, count_round_trips

__all__ = [
    "FALKORDB",
    "NEO4J",
    "Dialect",
    "EmbeddedServer",
    "EmbeddedServerError",
    "Graph",
    "GraphError",
    "GraphQueryError",
    "GraphUnavailable",
    "QueryTimeout",
    "RoundTrips",
    "Store",
    "count_round_trips",
    "open_graph",
]
