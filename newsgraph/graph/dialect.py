"""What differs between the two engines, in one place.

Queries are written once in the openCypher both engines run; the few forms that differ (schema
DDL, full-text procedures) are chosen here by engine name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "FALKORDB",
    "FILTERED_AFTER_ANCHOR",
    "FULLTEXT_INDEXES",
    "LOOKUP_INDEXES",
    "NEO4J",
    "RANGE_INDEXES",
    "UNIQUE_LABELS",
    "Dialect",
    "DialectName",
    "FulltextIndex",
    "indexed_properties",
]

DialectName = Literal["falkordb", "neo4j"]

# The indexes of both engines, in one table: the DDL of each engine is generated from it
# (Dialect.schema_statements), and tests/graph/test_indexes.py checks that every property the
# read statements of graph/cypher.py look up, filter or sort on by label is in it (or in
# FILTERED_AFTER_ANCHOR, with the reason).

# Every node label whose `id` is unique (a constraint on Neo4j, which is also its index; on
# FalkorDB an index, and one write query at a time, see FalkorStore.setup_schema). Actor
# kinds share Actor's id.
UNIQUE_LABELS: tuple[str, ...] = (
    "Article",
    "Actor",
    "Meeting",
    "Statement",
    "Topic",
    "WriterLock",
    "GraphVersion",
    # Neo4j's change log for subscriptions (graph/events.py GraphEventLog): its one counter.
    "EventCounter",
    # Derived counts of meetings per actor and per pair of actors, and of the articles naming
    # an actor (see cypher.py, meeting tallies).
    "MeetingTally",
    "MeetingPair",
    "MentionTally",
)

# Plain (range) indexes on the properties filters and lookups use. Dates are filtered on their
# day numbers (see graph/cypher.py): FalkorDB's indexes do not serve date values, and it
# compares dates far apart wrongly.
RANGE_INDEXES: tuple[tuple[str, str], ...] = (
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
    # An actor's tallies and pairs (its aggregates read them), and the ones a write marked
    # for its recount (a property, not a label: labelling a hundred nodes cost FalkorDB 25 ms).
    ("MeetingTally", "actor"),
    ("MeetingTally", "stale"),
    ("MeetingPair", "left"),
    ("MeetingPair", "right"),
    ("MeetingPair", "stale"),
    ("MentionTally", "actor"),
    ("MentionTally", "stale"),
    # Neo4j's change log: every subscription polls the events after a sequence number, and
    # each append deletes those below the kept window; without it both read the whole log.
    ("ChangeEvent", "seq"),
)

# Properties the reads filter on that have no index, on purpose: each is tested on rows an
# indexed anchor (an id, a day number, an actor's relationships, a sequence number) has
# already narrowed, has a handful of values, and an index on it would cost every write and
# serve no query by itself. (Optional filters, `$x IS NULL OR n.p = $x`, can use no index on
# either engine; the test does not count them.)
FILTERED_AFTER_ANCHOR: dict[tuple[str, str], str] = {
    ("Meeting", "mode"): "a composed filter, on meetings of a day range or an actor",
    ("Meeting", "status"): "a composed filter, on meetings of a day range or an actor",
    ("Meeting", "confidence"): "a composed filter, on meetings of a day range or an actor",
    ("Statement", "confidence"): "a composed filter, on statements of a day range or a speaker",
    ("ChangeEvent", "kind"): "three kinds, on the events after an indexed sequence number",
    ("MeetingTally", "month"): "undated ones left out of an actor's tallies, found by actor",
    ("MeetingPair", "count"): "the order of the few pairs of a list's participants, by id",
    ("MentionTally", "month"): "undated ones left out of an actor's tallies, found by actor",
    ("MentionTally", "publishers"): "those without a publisher left out, found by actor",
}

# Neo4j's token lookup indexes: what a MATCH on a label alone (the counts, the stats, a label
# scan under a filter) and a relationship type alone read. Neo4j 5 creates both with a new
# database, but a database can lose them (dropped to save writes); here they are asked for,
# and IF NOT EXISTS leaves the ones there alone. FalkorDB keeps a matrix per label and per
# relationship type by design: nothing to create.
LOOKUP_INDEXES: tuple[tuple[str, str], ...] = (
    ("node_label_lookup", "FOR (n) ON EACH labels(n)"),
    ("relationship_type_lookup", "FOR ()-[r]-() ON EACH type(r)"),
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


def indexed_properties() -> frozenset[tuple[str, str]]:
    """(label, property) pairs a lookup, a range or an order can use an index for, on both
    engines (full-text indexes serve only their procedures, so they are not among them)."""
    return frozenset({(label, "id") for label in UNIQUE_LABELS} | set(RANGE_INDEXES))


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
                for label, prop in RANGE_INDEXES
            ]
            out += [
                f"CREATE FULLTEXT INDEX {ix.name} IF NOT EXISTS FOR (n:{ix.label}) ON EACH ["
                + ", ".join(f"n.{p}" for p in ix.properties)
                + "]"
                for ix in FULLTEXT_INDEXES
            ]
            out += [
                f"CREATE LOOKUP INDEX {name} IF NOT EXISTS {target}"
                for name, target in LOOKUP_INDEXES
            ]
            return out
        # FalkorDB has no IF NOT EXISTS; the adapter skips "already indexed" answers. The id
        # indexes come first, every lookup by id uses them.
        out = [f"CREATE INDEX FOR (n:{label}) ON (n.id)" for label in UNIQUE_LABELS]
        out += [f"CREATE INDEX FOR (n:{label}) ON (n.{prop})" for label, prop in RANGE_INDEXES]
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
