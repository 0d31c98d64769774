"""What differs between the two engines, in one place.

Queries are written once in the openCypher both engines run; the few forms that differ (schema
DDL, full-text procedures) are chosen here by engine name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["FALKORDB", "NEO4J", "UNIQUE_LABELS", "Dialect", "DialectName", "FulltextIndex"]

DialectName = Literal["falkordb", "neo4j"]

# Every node label whose `id` is unique (a constraint on Neo4j; on FalkorDB an index, and one
# write query at a time, see FalkorStore.setup_schema). Actor kinds share Actor's id.
UNIQUE_LABELS: tuple[str, ...] = (
    "Article",
    "Actor",
    "Meeting",
    "Statement",
    "Topic",
    "WriterLock",
    "GraphVersion",
)

# Plain (range) indexes on the properties filters and lookups use. Dates are filtered on their
# day numbers (see graph/cypher.py): FalkorDB's indexes do not serve date values, and it
# compares dates far apart wrongly.
_RANGE_INDEXES: tuple[tuple[str, str], ...] = (
    ("Article", "url"),
    ("Article", "day_number"),
    ("Actor", "name"),
    ("Actor", "keys"),
    # People other articles spell differently (see ingest.resolve.people).
    ("Actor", "name_keys"),
    ("Meeting", "day_number"),
    # The loader finds a day's facts by these.
    ("Meeting", "day"),
    ("Statement", "day_number"),
    ("Statement", "speaker_day"),
    ("Topic", "name"),
)


@dataclass(frozen=True, slots=True)
class FulltextIndex:
    name: str
    label: str
    properties: tuple[str, ...]


FULLTEXT_INDEXES: tuple[FulltextIndex, ...] = (
    FulltextIndex("article_text", "Article", ("title", "body")),
    FulltextIndex("statement_text", "Statement", ("text",)),
    FulltextIndex("actor_names", "Actor", ("name", "alias_text")),
)


@dataclass(frozen=True, slots=True)
class Dialect:
    name: DialectName

    def schema_statements(self) -> list[str]:
        """Idempotent Cypher DDL for this engine."""
        if self.name == "neo4j":
            out = [
                f"CREATE CONSTRAINT {label.lower()}_id IF NOT EXISTS "
                f"FOR (n:{label}) REQUIRE n.id IS UNIQUE"
                for label in UNIQUE_LABELS
            ]
            out += [
                f"CREATE INDEX {label.lower()}_{prop} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})"
                for label, prop in _RANGE_INDEXES
            ]
            out += [
                f"CREATE FULLTEXT INDEX {ix.name} IF NOT EXISTS FOR (n:{ix.label}) ON EACH ["
                + ", ".join(f"n.{p}" for p in ix.properties)
                + "]"
                for ix in FULLTEXT_INDEXES
            ]
            return out
        # FalkorDB has no IF NOT EXISTS; the adapter skips "already indexed" answers. The id
        # indexes come first, every lookup by id uses them.
        out = [f"CREATE INDEX FOR (n:{label}) ON (n.id)" for label in UNIQUE_LABELS]
        out += [f"CREATE INDEX FOR (n:{label}) ON (n.{prop})" for label, prop in _RANGE_INDEXES]
        out += [
            f"CREATE FULLTEXT INDEX FOR (n:{ix.label}) ON ("
            + ", ".join(f"n.{p}" for p in ix.properties)
            + ")"
            for ix in FULLTEXT_INDEXES
        ]
        return out

    def fulltext_index(self, name: str) -> str:
        """The name the full-text procedure expects: the index (Neo4j) or the label (FalkorDB)."""
        index = next(ix for ix in FULLTEXT_INDEXES if ix.name == name)
        return index.name if self.name == "neo4j" else index.label


FALKORDB = Dialect("falkordb")
NEO4J = Dialect("neo4j")
