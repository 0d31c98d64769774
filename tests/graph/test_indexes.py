"""Every property the read statements look up, filter or sort on by label has an index on both
engines: read from the statements themselves (graph/cypher.py) and from the DDL each engine is
sent (generated from graph/dialect.py's one table), so neither list is written twice."""

from __future__ import annotations

import re
from collections import defaultdict

from newsgraph.graph.cypher import REGISTRY
from newsgraph.graph.dialect import (
    FALKORDB,
    FILTERED_AFTER_ANCHOR,
    LOOKUP_INDEXES,
    NEO4J,
    indexed_properties,
)

# `(var:Label ...{prop: ...})`: binds var to its first label; the map's keys are lookups.
_NODE = re.compile(r"\((\w+)((?::\w+)+)\s*(\{[^}]*\})?")
_MAP_KEY = re.compile(r"(\w+)\s*:")
# SET clauses assign, they do not filter: cut each up to the next clause.
_SET = re.compile(
    r"\bSET\b.*?(?=\b(?:WITH|MATCH|MERGE|RETURN|CREATE|UNWIND|CALL|DELETE|DETACH|OPTIONAL"
    r"|FOREACH|ON|REMOVE|WHERE|ORDER|LIMIT|SKIP|UNION)\b|\}|$)",
    re.S,
)
_PREDICATE = re.compile(r"\b(\w+)\.(\w+)\s*(?:=|<>|<=|>=|<|>|\bIN\b|STARTS WITH)", re.I)
# An optional filter, `$x IS NULL OR n.p = $x`, or one branch of an OR: no index serves it on
# either engine, so it asks for none.
_GUARDED = re.compile(r"(?:IS NULL|IS NOT NULL)\s+(?:OR|AND)\s*\(?\s*$|\bOR\s*\(?\s*$")
_ORDER = re.compile(r"ORDER BY\s+(.*?)(?=\b(?:SKIP|LIMIT|RETURN|WITH|UNION)\b|$)", re.S)
_PROPERTY = re.compile(r"\b(\w+)\.(\w+)")


def index_needs(cypher: str) -> set[tuple[str, str]]:
    """(label, property) pairs a statement looks up (a pattern's map), filters on (a WHERE
    predicate that is not optional) or sorts on, for variables bound to a label."""
    bound: dict[str, str] = {}
    needs: set[tuple[str, str]] = set()
    for var, labels, properties in _NODE.findall(cypher):
        label = labels.split(":")[1]
        bound.setdefault(var, label)
        needs.update((label, key) for key in _MAP_KEY.findall(properties))
    body = _SET.sub(" ", cypher)
    for match in _PREDICATE.finditer(body):
        var, prop = match.groups()
        if var in bound and not _GUARDED.search(body[max(0, match.start() - 40) : match.start()]):
            needs.add((bound[var], prop))
    for clause in _ORDER.findall(body):
        needs.update((bound[var], prop) for var, prop in _PROPERTY.findall(clause) if var in bound)
    return needs


def _read_needs() -> dict[tuple[str, str], set[str]]:
    needs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for statement in REGISTRY.values():
        if statement.write:
            continue
        for dialect in ("falkordb", "neo4j"):
            for need in index_needs(statement.text(dialect)):
                needs[need].add(statement.name)
    return needs


def _neo4j_indexed() -> set[tuple[str, str]]:
    found = set()
    for ddl in NEO4J.schema_statements():
        if "FULLTEXT" in ddl or "LOOKUP" in ddl:
            continue
        match = re.search(r"FOR \(n:(\w+)\) (?:REQUIRE|ON) \(?n\.(\w+)", ddl)
        assert match, ddl
        found.add((match[1], match[2]))
    return found


def _falkordb_indexed() -> set[tuple[str, str]]:
    found = set()
    for ddl in FALKORDB.schema_statements():
        match = re.fullmatch(r"CREATE INDEX FOR \(n:(\w+)\) ON \(n\.(\w+)\)", ddl)
        if match:
            found.add((match[1], match[2]))
    return found


def test_every_property_the_reads_look_up_filter_or_sort_on_has_an_index_on_both_engines() -> None:
    needs = _read_needs()
    assert len(needs) > 20, "the parser finds the reads' properties"
    for engine, indexed in (("neo4j", _neo4j_indexed()), ("falkordb", _falkordb_indexed())):
        assert indexed == indexed_properties(), engine
        missing = {
            f"{label}.{prop} ({', '.join(sorted(needs[(label, prop)])[:3])})"
            for label, prop in needs
            if (label, prop) not in indexed and (label, prop) not in FILTERED_AFTER_ANCHOR
        }
        assert not missing, f"{engine} has no index for: {sorted(missing)}"


def test_each_property_left_unindexed_is_read_and_has_no_index() -> None:
    # The list of exceptions stays true: nothing in it is indexed after all, or read no more.
    needs = _read_needs()
    for key, why in FILTERED_AFTER_ANCHOR.items():
        assert key in needs, f"{key} is no longer filtered on: drop it from the list"
        assert key not in indexed_properties(), f"{key} has an index: drop it from the list"
        assert why


def test_the_check_finds_a_filter_and_an_order_without_an_index() -> None:
    # Proves the check above can fail: a filter and an order on unindexed properties.
    needs = index_needs(
        "MATCH (m:Meeting)-[:IN]->(a:Actor {id: $id}) WHERE m.place = $place "
        "AND ($mode IS NULL OR m.mode = $mode) SET m.seen = true "
        "RETURN m ORDER BY m.title LIMIT 5"
    )
    assert needs == {("Actor", "id"), ("Meeting", "place"), ("Meeting", "title")}
    assert not needs <= indexed_properties()


def test_neo4j_is_asked_for_its_label_and_relationship_type_lookup_indexes() -> None:
    ddl = [text for text in NEO4J.schema_statements() if "LOOKUP" in text]
    assert [text.split()[3] for text in ddl] == [name for name, _ in LOOKUP_INDEXES]
    assert any("labels(n)" in text for text in ddl) and any("type(r)" in text for text in ddl)
    assert all("IF NOT EXISTS" in text for text in ddl)
    # FalkorDB has no lookup indexes to create: a label is a matrix of its own.
    assert not any("LOOKUP" in text for text in FALKORDB.schema_statements())
