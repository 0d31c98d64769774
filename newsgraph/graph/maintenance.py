"""Whole-graph operations: counts, wiping, and full dumps for comparing two graphs."""

from __future__ import annotations

from typing import Any

from newsgraph.graph.cypher import (
    COUNT_NODES,
    COUNT_RELATIONSHIPS,
    DELETE_BATCH,
    DUMP_NODES,
    DUMP_RELATIONSHIPS,
    GRAPH_VERSION,
)
from newsgraph.graph.store import Store

__all__ = ["dump", "graph_version", "node_counts", "relationship_counts", "wipe"]


async def node_counts(store: Store) -> dict[str, int]:
    rows = await store.read(COUNT_NODES)
    return {key: int(value) for key, value in rows[0].items()}


async def relationship_counts(store: Store) -> dict[str, int]:
    return {row["type"]: int(row["count"]) for row in await store.read(COUNT_RELATIONSHIPS)}


async def graph_version(store: Store) -> int:
    """The number every write that changes data increments (0 for a graph never written)."""
    rows = await store.read(GRAPH_VERSION)
    return int(rows[0]["version"]) if rows else 0


async def wipe(store: Store, batch: int = 10_000) -> int:
    """Delete every node and relationship, in batches so a big graph does not need one huge
    transaction. Constraints and indexes stay, and so does the graph version, which each batch
    bumps. Returns the number of nodes deleted."""
    total = 0
    while True:
        rows = await store.write(DELETE_BATCH, {"limit": batch})
        deleted = int(rows[0]["deleted"]) if rows else 0
        total += deleted
        if deleted < batch:
            return total


async def dump(store: Store) -> dict[str, list[Any]]:
    """Every node and relationship with its properties, in a stable order."""
    nodes = await store.read(DUMP_NODES)
    relationships = await store.read(DUMP_RELATIONSHIPS)
    for node in nodes:
        node["labels"] = sorted(node["labels"])
    nodes.sort(key=lambda n: (str(n["props"].get("id")), n["labels"]))
    relationships.sort(
        key=lambda r: (r["source"], r["type"], r["target"], sorted(r["props"].items()))
    )
    return {"nodes": nodes, "relationships": relationships}
