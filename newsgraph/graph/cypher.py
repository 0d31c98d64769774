"""Every Cypher statement newsgraph sends, as named, parameterised constants.

Nothing outside this module writes Cypher. Each statement carries example parameters so the
Neo4j analyser test can declare them, and is registered in ``REGISTRY`` so that test can
enumerate them all. Values from users only ever travel as parameters.

Write statements are composed of sections joined by ``WITH count(*) AS _``: an aggregate always
yields one row, so a section whose UNWIND list is empty does not stop the sections after it, and
the whole article is written by one statement, atomically on both engines.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from newsgraph.graph.dialect import DialectName
from newsgraph.graph.rows import ArticleWrite, Condition, owner_filter

__all__ = ["REGISTRY", "Statement"]

REGISTRY: dict[str, Statement] = {}


@dataclass(frozen=True, slots=True)
class Statement:
    """One Cypher statement: a name for logs and errors, its text, and example parameters."""

    name: str
    cypher: str
    example: Mapping[str, Any]
    write: bool = False
    variants: Mapping[DialectName, str] = field(default_factory=dict)
    # Calls a full-text index: the stores run only a few of these at once (see store.py).
    fulltext: bool = False

    def text(self, dialect: DialectName) -> str:
        return self.variants.get(dialect, self.cypher)


# Both engines' full-text procedures, db.idx.fulltext.queryNodes (FalkorDB) and
# db.index.fulltext.queryNodes (Neo4j), end so; a statement calling one is marked by its text,
# so no full-text statement can be left unmarked.
_FULLTEXT_CALL = "fulltext.queryNodes("


# The graph's version: one node whose number every write that changes data increments, in the
# same statement, so the same transaction, as the write itself (a write that fails leaves it as
# it was). The API's caches and ETags are keyed by it; kept in the graph, a `newsgraph load` in
# another process bumps it too. A section of its own, put first: sections after it start from
# the one row `count(*)` yields, as everywhere below.
_BUMP_VERSION = """
    MERGE (version:GraphVersion {id: 'graph'})
    SET version.number = coalesce(version.number, 0) + 1
    WITH count(*) AS _
    """


def _define(
    name: str,
    cypher: str,
    example: Mapping[str, Any],
    *,
    write: bool = False,
    variants: Mapping[DialectName, str] | None = None,
    bumps_version: bool = True,
) -> Statement:
    """Register a statement. A write bumps the graph version unless ``bumps_version`` is False
    (a write of bookkeeping no read shows, such as the writer lock)."""
    if name in REGISTRY:
        raise ValueError(f"Cypher statement {name} defined twice")
    if write and bumps_version:
        cypher = _BUMP_VERSION + cypher
        variants = {dialect: _BUMP_VERSION + text for dialect, text in (variants or {}).items()}
    texts = [cypher, *(variants or {}).values()]
    fulltext = any(_FULLTEXT_CALL in text for text in texts)
    statement = Statement(name, cypher.strip(), example, write, dict(variants or {}), fulltext)
    REGISTRY[name] = statement
    return statement


# ---------------------------------------------------------------------------------------------
# Dates. FalkorDB 4.16 compares `date` values through a difference truncated to 32 bits: dates
# more than about 68 years apart compare wrongly (`>=`, `<`, ORDER BY, min() and max()). So
# every dated node keeps `day_number` beside its date, the day's proleptic Gregorian ordinal
# (Python's `date.toordinal()`, 1 for 0001-01-01, written by the loader), and every filter and
# order on dates compares that; the API turns its `from` and `to` into day numbers too. A range
# index is kept on it. (FalkorDB's planner uses it for a bare `n.day_number >= $from`, not for
# the lists' optional filters, `$from IS NULL OR ...`: a bare filter makes a page of one month
# faster, and gains less or loses on a long span; bench/query_shapes.py measures both.)
#
# Beside them, `day` is the date in ISO form as the loader wrote it ('0001-01-01'), whose
# string order is date order: the cursors' sort keys are built from it, as cheaply as they were
# from toString(date) (FalkorDB writes years below 1000 unpadded there, see _iso; padding it
# for every item of a list a cursor is compared on costs more). Dates themselves are only
# stored and returned, and compared in ISO form (_iso) where no day number is at hand.


def _iso(date: str) -> str:
    """The ISO form of a date expression, for sort keys and for comparing two dates exactly.

    FalkorDB writes years below 1000 without leading zeros ('999-03-04', '1-01-01'), Neo4j pads
    them to four digits: padded to ten characters, both give 'YYYY-MM-DD', whose string order is
    date order for every year the API accepts (0001-9999). A null date stays null."""
    return f"right('000' + toString({date}), 10)"


def _day_number(date: str) -> str:
    """The day number of a date expression (a variable: it is read several times), computed in
    Cypher for graphs written before day numbers were stored. Integer arithmetic only, the same
    on both engines: days of the years before, of the months before, then the day."""
    year, month = f"{date}.year", f"{date}.month"
    leap = f"({year} % 4 = 0 AND ({year} % 100 <> 0 OR {year} % 400 = 0))"
    return (
        f"(({year} - 1) * 365 + ({year} - 1) / 4 - ({year} - 1) / 100 + ({year} - 1) / 400"
        f" + [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][{month} - 1]"
        f" + CASE WHEN {month} > 2 AND {leap} THEN 1 ELSE 0 END + {date}.day)"
    )


def _sk(var: str) -> str:
    """The sort key of a dated list's item: its ISO day ('' when undated), '|', its id."""
    return f"coalesce({var}.day, '') + '|' + {var}.id"


def _in_days(var: str, param: str = "$") -> str:
    """The date filter of every dated list: `from` and `to` are day numbers, read from the
    statement's parameters (``$``) or from a batch's key (``key.``)."""
    return (
        f"({param}from IS NULL OR {var}.day_number >= {param}from)"
        f" AND ({param}to IS NULL OR {var}.day_number <= {param}to)"
    )


# Meeting tallies: what an actor's meeting aggregates and the meetings of two actors read
# instead of every meeting of a hub (Zelensky took part in 18,490 of 100,000 articles'
# meetings; counting them per month, mode and co-participant read all of them per request).
# - (:MeetingTally {actor, month, mode, status, count})-[:TALLIES]->(m): the meetings of one
#   actor in one month ('YYYY-MM', '' when undated) of one mode and status (as the aggregates
#   show them: 'UNKNOWN', 'HELD' when unset); `count` is how many it links.
# - (:MeetingPair {left, right, count})-[:PAIRS]->(m): the meetings two actors (ids, the
#   smaller left) both took part in, and how many.
# Both are derived, and recomputed from the facts inside the writes that change meetings
# (WRITE_ARTICLES, MERGE_ACTORS, DELETE_ARTICLE) for the meetings they touched: those are
# unlinked from every tally and pair, linked again from their current participants, month,
# mode and status, and every tally and pair that lost or gained a link is recounted (those left
# with none are deleted). Recounted, never incremented, so a reload, an update, a merge or a
# delete leaves them equal to a count from scratch. A write that deletes meetings releases them
# first (unlinks them, marking what counted them), so the recount after sees the loss.
_TALLY_MONTH = (
    "CASE WHEN m.day_number IS NULL OR m.day IS NULL THEN '' ELSE substring(m.day, 0, 7) END"
)
_TALLY_KINDS_ = (("TALLIES", "MeetingTally"), ("PAIRS", "MeetingPair"))
_MODE = "coalesce(m.mode, 'UNKNOWN')"
_STATUS = "coalesce(m.status, 'HELD')"


def _degree(var: str, rel: str, dialect: DialectName) -> str:
    """How many ``rel`` relationships leave ``var``: read from the node's adjacency on either
    engine (counting them through a traversal cost a write 10 ms more per batch on a hub's
    tallies at 100,000 articles)."""
    if dialect == "falkordb":
        return f"outdegree({var}, '{rel}')"
    return f"COUNT {{ ({var})-[:{rel}]->() }}"


def _linked(var: str, rel: str, dialect: DialectName) -> str:
    """Whether any ``rel`` relationship enters ``var``: a node no tally links yet (every node a
    write creates) has no link to drop, so the relink sections skip it before gathering its
    people (half of a batch's tally upkeep went on new meetings and articles). On FalkorDB the
    node's in-degree answers it from the adjacency: the pattern was a traversal, 7 ms of each
    write of 200 articles for the three checks (0.45 s of 6.1 s of the graph's time on the
    10,000-article bench)."""
    if dialect == "falkordb":
        return f"indegree({var}, '{rel}') > 0"
    return f"EXISTS {{ ({var})<-[:{rel}]-() }}"


def _tallies_release(ids: str) -> list[str]:
    """Sections unlinking the meetings whose ids ``ids`` yields (rows of `id`) from their
    tallies and pairs, which are marked for the recount."""
    return [
        f"""{ids}
    MATCH (m:Meeting {{id: id}})<-[link:{rel}]-(t:{label})
    SET t.stale = true
    DELETE link
    """
        for rel, label in _TALLY_KINDS_
    ]


def _tallies_refresh(ids: str | None, dialect: DialectName) -> list[str]:
    """Sections recomputing the tallies and pairs of the meetings ``ids`` yields (None: no
    meeting, only the recount of what a release marked).

    Each meeting keeps its links to the tallies and pairs it still belongs to; only the others
    are unlinked (and marked). The ones it belongs to are linked (MERGE) and recounted at once
    from their degree: a write that changes nothing marks nothing, and a new meeting marks
    nothing either (marking a tally re-indexes it, most of the cost of a refresh)."""
    tally_key = f"a.id + '|' + {_TALLY_MONTH} + '|' + {_MODE} + '|' + {_STATUS}"
    relink = (
        []
        if ids is None
        else [
            f"""{ids}
    MATCH (m:Meeting {{id: id}}) WHERE {_linked("m", "TALLIES", dialect)}
    OPTIONAL MATCH (m)<-[:PARTICIPATED_IN]-(a:Actor)
    WITH m, collect({tally_key}) AS wanted
    MATCH (m)<-[link:TALLIES]-(t:MeetingTally) WHERE NOT t.id IN wanted
    SET t.stale = true
    DELETE link
    """,
            f"""{ids}
    MATCH (m:Meeting {{id: id}}) WHERE {_linked("m", "PAIRS", dialect)}
    OPTIONAL MATCH (m)<-[:PARTICIPATED_IN]-(a:Actor)
    WITH m, a ORDER BY a.id
    WITH m, collect(a.id) AS people
    WITH m, reduce(acc = [], x IN people | acc + [y IN people WHERE x < y | x + '|' + y])
         AS wanted
    MATCH (m)<-[link:PAIRS]-(t:MeetingPair) WHERE NOT t.id IN wanted
    SET t.stale = true
    DELETE link
    """,
            # One row per tally before its MERGE: FalkorDB's MERGE must not meet a key twice.
            f"""{ids}
    MATCH (m:Meeting {{id: id}})<-[:PARTICIPATED_IN]-(a:Actor)
    WITH a.id AS actor, {_TALLY_MONTH} AS month, {_MODE} AS mode, {_STATUS} AS status,
         collect(DISTINCT m) AS meetings
    MERGE (t:MeetingTally {{id: actor + '|' + month + '|' + mode + '|' + status}})
    ON CREATE SET t.actor = actor, t.month = month, t.mode = mode, t.status = status
    WITH t, meetings
    UNWIND meetings AS m
    MERGE (t)-[:TALLIES]->(m)
    WITH DISTINCT t
    SET t.count = {_degree("t", "TALLIES", dialect)}
    """,
            f"""{ids}
    MATCH (m:Meeting {{id: id}})<-[:PARTICIPATED_IN]-(x:Actor)
    // From the meeting: a planner left to itself starts from every actor's meetings.
    WITH m, x
    MATCH (m)<-[:PARTICIPATED_IN]-(y:Actor) WHERE x.id < y.id
    WITH x.id AS left, y.id AS right, collect(DISTINCT m) AS meetings
    MERGE (pair:MeetingPair {{id: left + '|' + right}})
    ON CREATE SET pair.left = left, pair.right = right
    WITH pair, meetings
    UNWIND meetings AS m
    MERGE (pair)-[:PAIRS]->(m)
    WITH DISTINCT pair
    SET pair.count = {_degree("pair", "PAIRS", dialect)}
    """,
        ]
    )
    recount = [
        f"""
    MATCH (t:{label}) WHERE t.stale = true
    WITH t, {_degree("t", rel, dialect)} AS n WHERE n > 0
    SET t.count = n
    REMOVE t.stale
    """
        for rel, label in _TALLY_KINDS_
    ]
    # What is still marked links nothing. (A section of its own, see DELETE_ARTICLE: FalkorDB
    # drops a SET and a DELETE of the same entity in one query part.)
    empty = [
        f"""
    MATCH (t:{label}) WHERE t.stale = true
    DETACH DELETE t
    """
        for _, label in _TALLY_KINDS_
    ]
    return [*relink, *recount, *empty]


# Mention tallies, the same for the articles naming an actor (Trump in 7,153 of 100,000):
# (:MentionTally {actor, month, publishers, count})-[:TALLIES_MENTION]->(n:Article), the
# articles that mention one actor in one month ('' when undated) with one set of publishers
# (their ids in order, joined by ','; '' for none). Kept like the meeting tallies: the writes
# that change articles refresh the ones they touched, a delete releases its article first.
_ARTICLE_MONTH = _TALLY_MONTH.replace("m.", "n.")


def _mention_tallies_release(ids: str) -> list[str]:
    """A section unlinking the articles whose ids ``ids`` yields from their mention tallies,
    which are marked for the recount."""
    return [
        f"""{ids}
    MATCH (n:Article {{id: id}})<-[link:TALLIES_MENTION]-(t:MentionTally)
    SET t.stale = true
    DELETE link
    """
    ]


def _mention_tallies_refresh(ids: str | None, dialect: DialectName) -> list[str]:
    """Sections recomputing the mention tallies of the articles ``ids`` yields (None: only the
    recount of what a release marked), as _tallies_refresh does for meetings."""
    publishers = """
    OPTIONAL MATCH (n)-[:PUBLISHED_BY]->(p:Actor)
    WITH n, p ORDER BY p.id
    WITH n, collect(p.id) AS publishers
    WITH n, reduce(s = '', x IN publishers | s + CASE WHEN s = '' THEN '' ELSE ',' END + x)
         AS publishers"""
    relink = (
        []
        if ids is None
        else [
            f"""{ids}
    MATCH (n:Article {{id: id}}) WHERE {_linked("n", "TALLIES_MENTION", dialect)}{publishers}
    OPTIONAL MATCH (n)-[:MENTIONS]->(a:Actor)
    WITH n, collect(a.id + '|' + {_ARTICLE_MONTH} + '|' + publishers) AS wanted
    MATCH (n)<-[link:TALLIES_MENTION]-(t:MentionTally) WHERE NOT t.id IN wanted
    SET t.stale = true
    DELETE link
    """,
            f"""{ids}
    MATCH (n:Article {{id: id}}){publishers}
    MATCH (n)-[:MENTIONS]->(a:Actor)
    WITH a.id AS actor, {_ARTICLE_MONTH} AS month, publishers, collect(DISTINCT n) AS articles
    MERGE (t:MentionTally {{id: actor + '|' + month + '|' + publishers}})
    ON CREATE SET t.actor = actor, t.month = month, t.publishers = publishers
    WITH t, articles
    UNWIND articles AS n
    MERGE (t)-[:TALLIES_MENTION]->(n)
    WITH DISTINCT t
    SET t.count = {_degree("t", "TALLIES_MENTION", dialect)}
    """,
        ]
    )
    return [
        *relink,
        f"""
    MATCH (t:MentionTally) WHERE t.stale = true
    WITH t, {_degree("t", "TALLIES_MENTION", dialect)} AS n WHERE n > 0
    SET t.count = n
    REMOVE t.stale
    """,
        """
    MATCH (t:MentionTally) WHERE t.stale = true
    DETACH DELETE t
    """,
    ]


# Graphs written before tallies existed get them at schema set-up (graph/upgrade.py): every
# meeting is refreshed, a batch of ids at a time; the version node then says so
# (`tallies`), so set-up reads no meeting again.
def _joined(sections: Callable[[DialectName], list[str]], end: str) -> dict[DialectName, str]:
    """A statement of ``sections`` (given the engine they are written for) and ``end``, as
    the text of each engine."""
    return {d: "WITH count(*) AS _".join(sections(d)) + end for d in ("neo4j", "falkordb")}


def _define_by_dialect(
    name: str, texts: Mapping[DialectName, str], example: Mapping[str, Any], **kw: Any
) -> Statement:
    return _define(name, texts["neo4j"], example, variants={"falkordb": texts["falkordb"]}, **kw)


MEETING_TALLIES_REFRESH = _define_by_dialect(
    "MEETING_TALLIES_REFRESH",
    _joined(lambda d: _tallies_refresh("\n    UNWIND $ids AS id", d), "RETURN count(*) AS done"),
    {"ids": ["m"]},
    write=True,
    bumps_version=False,
)
# FalkorDB plans a traversal over a relationship type or label it has never seen as matching
# nothing, for the whole query: the first write to link tallies would recount them as empty and
# delete them with their new links. Set-up (graph/upgrade.py) makes the types and labels known
# with one placeholder, deleted at once (a type stays known once made).
MEETING_TALLY_TYPES = _define(
    "MEETING_TALLY_TYPES",
    """
    CREATE (t:MeetingTally:MeetingPair:MentionTally)
    CREATE (t)-[:TALLIES]->(t)
    CREATE (t)-[:PAIRS]->(t)
    CREATE (t)-[:TALLIES_MENTION]->(t)
    WITH t
    DETACH DELETE t
    RETURN true AS done
    """,
    {},
    write=True,
    bumps_version=False,
)
MENTION_TALLIES_REFRESH = _define_by_dialect(
    "MENTION_TALLIES_REFRESH",
    _joined(
        lambda d: _mention_tallies_refresh("\n    UNWIND $ids AS id", d), "RETURN count(*) AS done"
    ),
    {"ids": ["n"]},
    write=True,
    bumps_version=False,
)
ARTICLE_IDS_AFTER = _define(
    "ARTICLE_IDS_AFTER",
    """
    MATCH (n:Article) WHERE n.id > $after
    RETURN n.id AS id ORDER BY id LIMIT $limit
    """,
    {"after": "", "limit": 1_000},
)
TALLIES_DONE = _define(
    "TALLIES_DONE",
    """
    OPTIONAL MATCH (version:GraphVersion {id: 'graph'})
    RETURN coalesce(version.tallies, false) AS done
    """,
    {},
)
MEETING_IDS_AFTER = _define(
    "MEETING_IDS_AFTER",
    """
    MATCH (m:Meeting) WHERE m.id > $after
    RETURN m.id AS id ORDER BY id LIMIT $limit
    """,
    {"after": "", "limit": 1_000},
)
TALLIES_MARK_DONE = _define(
    "TALLIES_MARK_DONE",
    """
    MERGE (version:GraphVersion {id: 'graph'})
    ON CREATE SET version.number = 0
    SET version.tallies = true
    RETURN true AS done
    """,
    {},
    write=True,
    bumps_version=False,
)


# The fields the API shows of each node, as map projections. Relationship lookups return the
# node at the other end in the same form, so the API can answer from them without a second
# lookup by id.
_ACTOR_MAP = "{.id, .name, .kind, .aliases, .description, .iso_code}"
_MEETING_MAP = "{.id, .title, .date, .mode, .status, .place, .confidence}"


# ---------------------------------------------------------------------------------------------
# Health and maintenance

PING = _define("PING", "RETURN 1 AS ok", {})

# What caches and ETags are keyed by: 0 for a graph never written to. max(), not the one
# node's value, so the read stays one number even if two writers on Neo4j without the
# constraint ever made two nodes.
GRAPH_VERSION = _define(
    "GRAPH_VERSION",
    "OPTIONAL MATCH (version:GraphVersion) RETURN coalesce(max(version.number), 0) AS version",
    {},
)

COUNT_NODES = _define(
    "COUNT_NODES",
    """
    OPTIONAL MATCH (n:Article) WITH count(n) AS articles
    OPTIONAL MATCH (n:Actor) WITH articles, count(n) AS actors
    OPTIONAL MATCH (n:Meeting) WITH articles, actors, count(n) AS meetings
    OPTIONAL MATCH (n:Statement) WITH articles, actors, meetings, count(n) AS statements
    OPTIONAL MATCH (n:Topic)
    RETURN articles, actors, meetings, statements, count(n) AS topics
    """,
    {},
)

COUNT_RELATIONSHIPS = _define(
    "COUNT_RELATIONSHIPS",
    "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS count ORDER BY type",
    {},
)

# The version node stays (and the wipe bumps it): a version that went back to a number it had
# before would let caches serve what they stored under that number.
DELETE_BATCH = _define(
    "DELETE_BATCH",
    """
    MATCH (n) WHERE NOT n:GraphVersion
    WITH n LIMIT $limit
    DETACH DELETE n
    RETURN count(*) AS deleted
    """,
    {"limit": 10_000},
    write=True,
)

DUMP_NODES = _define(
    "DUMP_NODES",
    # Not the version node, nor the change log a graph without a broker keeps: two graphs
    # holding the same facts compare equal however many writes each took and however events
    # fell.
    """
    MATCH (n) WHERE NOT n:GraphVersion AND NOT n:ChangeEvent AND NOT n:EventCounter
    RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id
    """,
    {},
)

DUMP_RELATIONSHIPS = _define(
    "DUMP_RELATIONSHIPS",
    """
    MATCH (a)-[r]->(b)
    RETURN a.id AS source, type(r) AS type, b.id AS target, properties(r) AS props
    ORDER BY source, type, target
    """,
    {},
)

# ---------------------------------------------------------------------------------------------
# Upgrading graphs written by earlier versions (graph/upgrade.py runs these at schema set-up).

# The dated nodes date filters and cursors would miss: written before day numbers and ISO days
# were stored (meetings had their ISO day before, articles and statements did not).
_UNNUMBERED = "n.{date} IS NOT NULL AND (n.day_number IS NULL OR n.day IS NULL)"
DATED_WITHOUT_DAY_NUMBER = _define(
    "DATED_WITHOUT_DAY_NUMBER",
    f"""
    OPTIONAL MATCH (n:Article) WHERE {_UNNUMBERED.format(date="published_on")}
    WITH count(n) AS articles
    OPTIONAL MATCH (n:Meeting) WHERE {_UNNUMBERED.format(date="date")}
    WITH articles, count(n) AS meetings
    OPTIONAL MATCH (n:Statement) WHERE {_UNNUMBERED.format(date="date")}
    WITH articles, meetings, count(n) AS statements
    RETURN articles + meetings + statements AS missing
    """,
    {},
)


def _number_days(name: str, label: str, date: str) -> Statement:
    return _define(
        name,
        f"""
    MATCH (n:{label}) WHERE {_UNNUMBERED.format(date=date)}
    WITH n, n.{date} AS day LIMIT $limit
    SET n.day_number = {_day_number("day")}, n.day = coalesce(n.day, {_iso("day")})
    RETURN count(n) AS numbered
    """,
        {"limit": 10_000},
        write=True,
    )


NUMBER_ARTICLE_DAYS = _number_days("NUMBER_ARTICLE_DAYS", "Article", "published_on")
NUMBER_MEETING_DAYS = _number_days("NUMBER_MEETING_DAYS", "Meeting", "date")
NUMBER_STATEMENT_DAYS = _number_days("NUMBER_STATEMENT_DAYS", "Statement", "date")

# MET edges of such graphs took their first and last days from min() and max() over dates,
# which FalkorDB got wrong for dates far apart: the actors that hold MET edges (each pair is
# stored from its smaller id), then their first and last days again from their meetings. The
# WITH keeps FalkorDB's planner on the id index (without it the recount is many times slower;
# bench/query_shapes.py, met_recount_with).
ACTORS_WITH_MET = _define(
    "ACTORS_WITH_MET",
    "MATCH (a:Actor)-[:MET]->(:Actor) RETURN DISTINCT a.id AS id",
    {},
)
MET_DAYS_RECOUNT = _define(
    "MET_DAYS_RECOUNT",
    f"""
    UNWIND $ids AS id
    MATCH (x:Actor {{id: id}})
    WITH x
    MATCH (x)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(y:Actor)
    WHERE m.status = 'HELD' AND x.id < y.id
    WITH x, y, min({_iso("m.date")}) AS first_day, max({_iso("m.date")}) AS last_day
    MATCH (x)-[met:MET]->(y)
    SET met.first_on = date(first_day), met.last_on = date(last_day)
    RETURN count(met) AS pairs
    """,
    {"ids": ["a"]},
    write=True,
)

# ---------------------------------------------------------------------------------------------
# Loading: the reads the resolver needs, then one write per batch of articles.

# Everything the resolver needs to know about the graph before writing a batch, in one round
# trip: what the actors hold, and the statements and meetings the batch's
# facts may be new reports of (same speaker or participants, same days), with every value a
# merge keeps from several reports (each statement's wordings, each meeting's participant
# lists, ranks, title and place).
# What planning merges of a stored meeting: every value kept from several reports.
_KNOWN_MEETING = (
    "{.id, .date, .status, .mode, .mode_rank, .status_rank, .title, .place, .groups, "
    ".reported, participants: members}"
)
EXISTING_FOR_ARTICLES = _define(
    "EXISTING_FOR_ARTICLES",
    # Known facts are found by the keys resolution compares (a statement by its speaker and
    # day, a dated meeting by its day, an undated one by the id its people and status give),
    # never by walking a busy actor's every statement or meeting: that read grew with the
    # corpus and made loading quadratic. One row per item, not lists carried from clause to
    # clause (FalkorDB copies them into every row). The WITH before each expansion keeps
    # FalkorDB's planner on the index instead of a scan of every actor.
    f"""
    MATCH (a:Actor) WHERE a.id IN $actors
    RETURN 'actor' AS kind, a {_ACTOR_MAP} AS item
    UNION ALL
    MATCH (s:Statement) WHERE s.speaker_day IN $speaker_days
    WITH s
    MATCH (sp:Actor)-[:SAID]->(s)
    RETURN 'statement' AS kind,
           s {{.id, .text, .date, .medium, .language, .variants, .reported, speaker: sp.id}}
           AS item
    UNION ALL
    UNWIND $meeting_days AS key
    MATCH (m:Meeting {{day: key.day}})
    WITH key, m
    MATCH (p:Actor)-[:PARTICIPATED_IN]->(m) WHERE p.id IN key.participants
    WITH DISTINCT m
    MATCH (everyone:Actor)-[:PARTICIPATED_IN]->(m)
    WITH m, collect(everyone.id) AS members
    RETURN 'meeting' AS kind, m {_KNOWN_MEETING} AS item
    UNION ALL
    MATCH (m:Meeting) WHERE m.id IN $undated_meetings
    WITH m
    MATCH (everyone:Actor)-[:PARTICIPATED_IN]->(m)
    WITH m, collect(everyone.id) AS members
    RETURN 'meeting' AS kind, m {_KNOWN_MEETING} AS item
    """,
    {
        "actors": ["volodymyr-zelensky"],
        "speaker_days": ["volodymyr-zelensky|2025-08-23"],
        "meeting_days": [{"day": "2025-08-23", "participants": ["volodymyr-zelensky"]}],
        "undated_meetings": ["mtg-0f3a"],
    },
)

# Stored people a batch's people may be other spellings of, by the name keys the writer keeps
# (ingest.resolve.people): "Steven Smith" and "Stephen Smith" share one.
PEOPLE_BY_NAME_KEY = _define(
    "PEOPLE_BY_NAME_KEY",
    """
    UNWIND $keys AS key
    MATCH (a:Actor) WHERE key IN a.name_keys
    RETURN key, a.id AS id, a.name AS name
    """,
    {"keys": ["zelenski|falatamar"]},
)

# The batch's articles the graph holds, with the extraction each was written from and the
# facts it reports: one written from the same extraction is not written again (a second write
# would resolve it against a graph that grew since, and could tell its people apart otherwise).
# Each comprehension names its actor apart: FalkorDB (4.16) took 4.9 s instead of 31 ms for 200
# articles of a 10,000-article graph when they shared one name.
ARTICLES_AS_WRITTEN = _define(
    "ARTICLES_AS_WRITTEN",
    """
    UNWIND $ids AS id
    MATCH (art:Article {id: id})
    RETURN art.id AS id, art.extraction_hash AS extraction,
           [(art)-[:MENTIONS|PUBLISHED_BY]->(a1:Actor) | a1.id]
             + [(art)-[:REPORTS]->()<-[:SAID|PARTICIPATED_IN]-(a2:Actor) | a2.id]
             + [(art)-[:REPORTS]->(:Statement)-[:MENTIONS]->(a3:Actor) | a3.id]
             + [(art)-[:REPORTS]->()<-[:SAID|PARTICIPATED_IN]-(:Actor)-[:HOLDS_ROLE]->(a4:Actor)
                | a4.id]
             + [(art)-[:MENTIONS]->(:Actor)-[:HOLDS_ROLE]->(a5:Actor) | a5.id] AS actors,
           [(art)-[:REPORTS]->(m:Meeting) | m.id] AS meetings,
           [(art)-[:REPORTS]->(s:Statement) | s.id] AS statements
    """,
    {"ids": ["art-1"]},
)

# The relationships of stored statements and meetings a batch merges into another node (rare:
# a new report links two that were apart). They move to the node that stays; the merged one is
# deleted by the write.
LINKS_OF_FACTS = _define(
    "LINKS_OF_FACTS",
    """
    MATCH (f:Statement) WHERE f.id IN $ids
    OPTIONAL MATCH (art:Article)-[r:REPORTS]->(f)
    WITH f, collect({article: art.id, excerpt: r.excerpt, offset: r.offset,
                     confidence: r.confidence}) AS reports
    OPTIONAL MATCH (f)-[:MENTIONS]->(a:Actor)
    WITH f, reports, collect({actor: a.id, role: null}) AS actors
    OPTIONAL MATCH (f)-[:ABOUT]->(t:Topic)
    RETURN f.id AS id, reports, actors, collect(t.id) AS topics, [] AS met_members
    UNION ALL
    MATCH (f:Meeting) WHERE f.id IN $ids
    OPTIONAL MATCH (art:Article)-[r:REPORTS]->(f)
    WITH f, collect({article: art.id, excerpt: r.excerpt, offset: r.offset,
                     confidence: r.confidence, participants: r.participants,
                     title: r.title}) AS reports
    OPTIONAL MATCH (a:Actor)-[p:PARTICIPATED_IN]->(f)
    WITH f, reports, collect({actor: a.id, role: p.role, confidence: p.confidence}) AS actors
    OPTIONAL MATCH (f)-[:ABOUT]->(t:Topic)
    RETURN f.id AS id, reports, actors, collect(t.id) AS topics,
           coalesce(f.met_members, []) AS met_members
    """,
    {"ids": ["st-0f3a", "mtg-0f3a"]},
)

_ARTICLE_EXAMPLE: ArticleWrite = {
    "articles": [
        {
            "id": "article:0f3a",
            "url": None,
            "title": "t",
            "published_on": "2025-08-23",
            "day_number": 739486,
            "published_inferred": False,
            "section": None,
            "language": "en",
            "author": None,
            "summary_only": False,
            "body": "b",
            "content_hash": "0f3a",
            "extraction_hash": "5b2c",
            "co_mentioned_pairs": [{"left": "a", "right": "b"}],
        }
    ],
    "actors": [
        {
            "id": "a",
            "name": "A",
            "kind": "PERSON",
            "aliases": [],
            "keys": ["a"],
            "alias_text": "",
            "description": None,
            "iso_code": None,
            "name_keys": ["a|a"],
        }
    ],
    "roles": [{"holder": "a", "title": "President", "of": "b"}],
    "topics": [{"id": "topic:ceasefire", "name": "ceasefire"}],
    "published_by": [{"left": "article:0f3a", "right": "a"}],
    "article_mentions": [{"left": "article:0f3a", "right": "a"}],
    "article_topics": [{"left": "article:0f3a", "right": "topic:ceasefire"}],
    "renamed_statements": [{"old": "statement:1", "new": "statement:2"}],
    "renamed_meetings": [{"old": "meeting:0", "new": "meeting:1"}],
    "merged_statements": ["statement:3"],
    "merged_meetings": ["meeting:2"],
    "met_uncounted": [{"left": "a", "right": "b", "by": 1}],
    "meetings": [
        {
            "id": "meeting:1",
            "date": "2025-08-23",
            "day_number": 739486,
            "mode": "PHONE",
            "mode_rank": 3,
            "status": "HELD",
            "status_rank": 3,
            "title": "t",
            "place": None,
            "groups": ["a,b"],
            "confidence": 0.8,
            "reported": ["article:0f3a 0.8000"],
        }
    ],
    "meeting_reports": [
        {
            "article": "article:0f3a",
            "fact": "meeting:1",
            "excerpt": "e",
            "offset": 0,
            "confidence": 0.8,
            "participants": ["a"],
            "title": "t",
        }
    ],
    "participants": [{"actor": "a", "meeting": "meeting:1", "role": None, "confidence": 0.8}],
    "meeting_topics": [{"left": "meeting:1", "right": "topic:ceasefire"}],
    "statements": [
        {
            "id": "statement:2",
            "speaker": "a",
            "text": "t",
            "date": "2025-08-23",
            "day_number": 739486,
            "medium": None,
            "language": "en",
            "variants": ["t"],
            "confidence": 0.9,
            "reported": ["article:0f3a 0.9000"],
        }
    ],
    "statement_reports": [
        {
            "article": "article:0f3a",
            "fact": "statement:2",
            "excerpt": "e",
            "offset": 0,
            "confidence": 0.9,
        }
    ],
    "statement_mentions": [{"left": "statement:2", "right": "a"}],
    "statement_topics": [{"left": "statement:2", "right": "topic:ceasefire"}],
}

_ACTOR_KIND_LABEL = {
    "PERSON": "Person",
    "ORGANIZATION": "Organization",
    "COUNTRY": "Country",
    "MEDIA": "Media",
}


def _link(rows: str, left: str, rel: str, right: str) -> str:
    """A section that MERGEs one relationship per row of {left, right} ids."""
    return f"""
    UNWIND ${rows} AS row
    MATCH (l:{left} {{id: row.left}}), (r:{right} {{id: row.right}})
    MERGE (l)-[:{rel}]->(r)
    """


def _reports(rows: str, label: str, also: str = "") -> str:
    """A section that MERGEs one REPORTS per row of {article, fact, excerpt, offset}. An
    article that reports one fact in two places keeps its first words (smallest offset, then
    the alphabetically first excerpt; no offset sorts last), whichever was written first.
    ``also`` adds assignments (of `rep` from `row`)."""
    return f"""
    UNWIND ${rows} AS row
    MATCH (art:Article {{id: row.article}}), (f:{label} {{id: row.fact}})
    MERGE (art)-[rep:REPORTS]->(f)
    WITH rep, row, rep.excerpt IS NULL
         OR coalesce(row.offset, 2147483648) < coalesce(rep.offset, 2147483648)
         OR (coalesce(row.offset, 2147483648) = coalesce(rep.offset, 2147483648)
             AND row.excerpt < rep.excerpt) AS first
    SET rep.excerpt = CASE WHEN first THEN row.excerpt ELSE rep.excerpt END,
        rep.offset = CASE WHEN first THEN row.offset ELSE rep.offset END,
        rep.confidence = row.confidence{also}
    """


# What the write did (the ids it created and changed, by kind) is gathered as it goes on one
# node of its own, made at its start and deleted at its end, in the same transaction: no reader
# ever sees it. Marks kept on the written nodes themselves cost an update of every node twice
# more (set, then removed), and each update of an article or a statement re-indexes its text in
# the full-text index: that was a third of the write (GRAPH.PROFILE of a batch of 200).
_TALLY_KINDS = ("articles", "actors", "meetings", "statements")
_OPEN_TALLY = (
    "\n    CREATE (tally:WriteTally {"
    + ", ".join(f"created_{k}: [], changed_{k}: []" for k in _TALLY_KINDS)
    + "})\n    "
)


def _add_to_tally(kind: str, created: str, changed: str) -> str:
    """Adds the id lists `created` and `changed` (variables of the current row) to the tally."""
    return f"""
    MATCH (tally:WriteTally)
    SET tally.created_{kind} = tally.created_{kind} + {created},
        tally.changed_{kind} = tally.changed_{kind} + {changed}
    """


def _noting_changes(var: str, sets: str, row: str, new: str) -> str:
    """`sets` (SET clauses on the node `var`, just MERGEd from `row`), keeping what the node held
    before them: `new` (a condition on that, `before`) says the MERGE created it, and a stored
    value that the SETs changed makes it changed. The write reports what it really did."""
    return f"""
    WITH {var}, {row}, properties({var}) AS before
    {sets.strip()}
    WITH {var}, {row}, before, {new} AS created_
    WITH {var}, {row}, created_, NOT created_ AND properties({var}) <> before AS changed_
    """


def _tallied(kind: str, var: str) -> str:
    """Ends a section that went through _noting_changes: its created and changed ids, tallied."""
    return f"""
    WITH collect(CASE WHEN created_ THEN {var}.id END) AS created_,
         collect(CASE WHEN changed_ THEN {var}.id END) AS changed_
    """ + _add_to_tally(kind, "created_", "changed_")


# Which stored value says a node was there before this write's MERGE: one every write of its
# kind sets, never to null (a node the MERGE just made holds only its id).
_ARTICLE_NEW = "before.content_hash IS NULL"
_ACTOR_NEW = "before.kind IS NULL"
_MEETING_NEW = "before.status IS NULL"
_STATEMENT_NEW = "before.text IS NULL"

_SECTIONS = [
    _OPEN_TALLY,
    # Labels cannot be parameters in Cypher both engines run, so each actor kind gets its own
    # section over the rows of that kind. The rows carry every value already merged with what
    # the graph holds (ingest.write.writer), so one actor has one kind and one label. Actors
    # come first: the articles' co-mentions below link them.
    *(
        f"""
    UNWIND [row IN $actors WHERE row.kind = '{kind}'] AS row
    MERGE (a:Actor {{id: row.id}})
    """
        + _noting_changes(
            "a",
            f"""
    SET a:{label}, a.kind = row.kind, a.name = row.name, a.aliases = row.aliases,
        a.keys = row.keys, a.alias_text = row.alias_text, a.description = row.description,
        a.iso_code = row.iso_code, a.name_keys = row.name_keys
    REMOVE a:{":".join(other for other in _ACTOR_KIND_LABEL.values() if other != label)}
    """,
            "row",
            _ACTOR_NEW,
        )
        + _tallied("actors", "a")
        for kind, label in _ACTOR_KIND_LABEL.items()
    ),
    # Co-mention counts grow by one per new article (counting shared articles would read every
    # article of a busy actor). Whether the article is new is decided inside this write, by
    # its MERGE, so two loaders racing on one file cannot count it twice.
    """
    UNWIND $articles AS a
    MERGE (art:Article {id: a.id})
    """
    + _noting_changes(
        "art",
        """
    SET art.url = a.url, art.title = a.title, art.published_on = date(a.published_on),
        art.day = a.published_on, art.day_number = a.day_number,
        art.published_inferred = a.published_inferred,
        art.section = a.section, art.language = a.language, art.author = a.author,
        art.summary_only = a.summary_only, art.body = a.body, art.content_hash = a.content_hash,
        art.extraction_hash = a.extraction_hash
    """,
        "a",
        _ARTICLE_NEW,
    )
    + """
    WITH collect(CASE WHEN created_ THEN art.id END) AS created_,
         collect(CASE WHEN changed_ THEN art.id END) AS changed_,
         collect(CASE WHEN created_ THEN a.co_mentioned_pairs END) AS fresh
    """
    + _add_to_tally("articles", "created_", "changed_")
    + """
    WITH fresh
    UNWIND fresh AS found
    UNWIND found AS pair
    // One row per pair: MERGE must not see the same pair twice in one statement.
    WITH pair.left AS left, pair.right AS right, count(*) AS articles
    // Each actor looked up once per batch, not once per pair it is in (a batch of 200
    // articles holds about 1,400 pairs of some 120 actors).
    WITH left, collect({right: right, articles: articles}) AS counted
    MATCH (a:Actor {id: left})
    UNWIND counted AS one
    MATCH (b:Actor {id: one.right})
    MERGE (a)-[co:CO_MENTIONED]->(b)
    SET co.count = coalesce(co.count, 0) + one.articles
    """,
    """
    UNWIND $roles AS row
    MATCH (holder:Actor {id: row.holder}), (org:Actor {id: row.of})
    MERGE (holder)-[:HOLDS_ROLE {title: row.title}]->(org)
    """,
    """
    UNWIND $topics AS row
    MERGE (t:Topic {id: row.id})
    SET t.name = row.name
    """,
    _link("published_by", "Article", "PUBLISHED_BY", "Actor"),
    _link("article_mentions", "Article", "MENTIONS", "Actor"),
    _link("article_topics", "Article", "ABOUT", "Topic"),
    # A statement reported again in other words may take a new id (see ingest.resolve.facts);
    # renaming keeps its relationships and reports. A new id is a changed value.
    """
    UNWIND $renamed_statements AS row
    MATCH (s:Statement {id: row.old})
    SET s.id = row.new
    WITH collect(row.new) AS renamed
    """
    + _add_to_tally("statements", "[]", "renamed"),
    """
    UNWIND $renamed_meetings AS row
    MATCH (m:Meeting {id: row.old})
    SET m.id = row.new
    WITH collect(row.new) AS renamed
    """
    + _add_to_tally("meetings", "[]", "renamed"),
    # A report linking two stored facts merges them: the rows below carry the merged one's
    # relationships to the node that stays, so it goes with all of its own. A held meeting
    # merged away gives back its MET counts; the MET section counts the one that stays.
    """
    UNWIND $merged_statements AS gone
    MATCH (s:Statement {id: gone})
    DETACH DELETE s
    """,
    """
    UNWIND $merged_meetings AS gone
    MATCH (m:Meeting {id: gone})
    DETACH DELETE m
    """,
    """
    UNWIND $met_uncounted AS row
    MATCH (:Actor {id: row.left})-[met:MET]->(:Actor {id: row.right})
    SET met.count = met.count - row.by
    """,
    # Ranks make the merge of two reports order-independent: the more specific mode and the
    # firmer status win whichever article is loaded first (a new meeting's ranks are -1). The
    # place, and every participant list reported (what resolution compares), come merged with
    # the stored ones in the row.
    """
    UNWIND $meetings AS row
    MERGE (m:Meeting {id: row.id})
    """
    + _noting_changes(
        "m",
        """
    WITH m, row, before, coalesce(m.mode_rank, -1) AS mode_rank,
         coalesce(m.status_rank, -1) AS status_rank
    SET m.date = date(row.date), m.day = row.date, m.day_number = row.day_number,
        m.mode = CASE WHEN row.mode_rank > mode_rank THEN row.mode ELSE m.mode END,
        m.status = CASE WHEN row.status_rank > status_rank THEN row.status ELSE m.status END,
        m.title = CASE WHEN m.title IS NULL OR size(row.title) > size(m.title)
                         OR (size(row.title) = size(m.title) AND row.title < m.title)
                       THEN row.title ELSE m.title END,
        m.place = row.place, m.groups = row.groups,
        m.confidence = row.confidence, m.reported = row.reported,
        m.mode_rank = CASE WHEN row.mode_rank > mode_rank THEN row.mode_rank ELSE mode_rank END,
        m.status_rank = CASE WHEN row.status_rank > status_rank THEN row.status_rank
                             ELSE status_rank END
    """,
        "row",
        _MEETING_NEW,
    )
    + _tallied("meetings", "m"),
    # The participants and the title each article gave a meeting: what its removal takes back.
    _reports(
        "meeting_reports",
        "Meeting",
        ",\n        rep.participants = row.participants, rep.title = row.title",
    ),
    """
    UNWIND $participants AS row
    MATCH (a:Actor {id: row.actor}), (m:Meeting {id: row.meeting})
    MERGE (a)-[p:PARTICIPATED_IN]->(m)
    SET p.role = CASE WHEN p.role IS NULL OR (row.role IS NOT NULL AND row.role < p.role)
                      THEN row.role ELSE p.role END,
        p.confidence = CASE WHEN p.confidence IS NULL OR row.confidence > p.confidence
                            THEN row.confidence ELSE p.confidence END
    """,
    _link("meeting_topics", "Meeting", "ABOUT", "Topic"),
    # Text, medium, language and every wording reported come merged with the stored ones.
    """
    UNWIND $statements AS row
    MERGE (s:Statement {id: row.id})
    """
    + _noting_changes(
        "s",
        """
    SET s.text = row.text, s.date = date(row.date), s.day = row.date,
        s.day_number = row.day_number, s.language = row.language,
        s.medium = row.medium, s.variants = row.variants,
        s.confidence = row.confidence, s.reported = row.reported,
        s.speaker_day = row.speaker + '|' + coalesce(row.date, '')
    """,
        "row",
        _STATEMENT_NEW,
    )
    + """
    MATCH (speaker:Actor {id: row.speaker})
    MERGE (speaker)-[:SAID]->(s)
    """
    + _tallied("statements", "s"),
    _reports("statement_reports", "Statement"),
    _link("statement_mentions", "Statement", "MENTIONS", "Actor"),
    _link("statement_topics", "Statement", "ABOUT", "Topic"),
    # MET counts the held meetings two actors share. Recounting them walked every meeting of
    # a busy actor on each write; instead a held meeting remembers which of its participants
    # it has counted (`met_members`), and a write adds the meeting to the pairs it has not
    # counted yet, then updates the list. A re-load finds the list complete and changes
    # nothing; a meeting that becomes held later is counted then. (The mark lives on the node:
    # FalkorDB drops properties set on a relationship created earlier in the same query.)
    # Pairs are stored from the smaller id to the larger. The first and last days are compared
    # in ISO form (see _iso), never as dates.
    f"""
    UNWIND [row IN $meetings | row.id] AS id
    MATCH (m:Meeting {{id: id}})
    WITH m, coalesce(m.met_members, []) AS counted WHERE m.status = 'HELD'
    MATCH (x:Actor)-[:PARTICIPATED_IN]->(m)<-[:PARTICIPATED_IN]-(y:Actor)
    WHERE x.id < y.id AND NOT (x.id IN counted AND y.id IN counted)
    WITH x, y, count(DISTINCT m) AS meetings, min({_iso("m.date")}) AS first_day,
         max({_iso("m.date")}) AS last_day
    MERGE (x)-[met:MET]->(y)
    SET met.first_on = CASE WHEN met.first_on IS NULL OR first_day < {_iso("met.first_on")}
                            THEN date(first_day) ELSE met.first_on END,
        met.last_on = CASE WHEN met.last_on IS NULL OR last_day > {_iso("met.last_on")}
                           THEN date(last_day) ELSE met.last_on END,
        met.count = coalesce(met.count, 0) + meetings
    """,
    """
    UNWIND [row IN $meetings | row.id] AS id
    MATCH (m:Meeting {id: id})
    WITH m WHERE m.status = 'HELD'
    MATCH (a:Actor)-[:PARTICIPATED_IN]->(m)
    WITH m, a ORDER BY a.id
    WITH m, collect(a.id) AS members
    SET m.met_members = members
    """,
]

# What the write did: the tally its sections kept, read and deleted. A node both renamed and
# created cannot be; one both created and changed counts as created.
_TALLY = (
    """
    MATCH (tally:WriteTally)
    WITH tally, """
    + ",\n         ".join(
        f"tally.created_{k} AS created_{k}, "
        f"[x IN tally.changed_{k} WHERE NOT x IN tally.created_{k}] AS changed_{k}"
        for k in _TALLY_KINDS
    )
    + """
    DELETE tally
    RETURN """
    + ", ".join(f"created_{k}, changed_{k}" for k in _TALLY_KINDS)
)


def _write_articles(dialect: DialectName) -> list[str]:
    """WRITE_ARTICLES' sections, with the tallies of the meetings and articles it wrote."""
    # The ids alone: UNWIND copies each row it yields, and an article's row holds its body.
    return [
        *_tallies_release("\n    UNWIND $merged_meetings AS id"),
        *_SECTIONS,
        *_tallies_refresh("\n    UNWIND [row_ IN $meetings | row_.id] AS id", dialect),
        *_mention_tallies_refresh("\n    UNWIND [row_ IN $articles | row_.id] AS id", dialect),
    ]


WRITE_ARTICLES = _define_by_dialect(
    "WRITE_ARTICLES",
    _joined(lambda d: [*_write_articles(d), _TALLY], ""),
    _ARTICLE_EXAMPLE,
    write=True,
)

# ---------------------------------------------------------------------------------------------
# Reads for the GraphQL API. Lookups take a list of keys and answer one row per hit with its
# `key`, so one call serves a whole DataLoader batch.

_IDS = {"ids": ["x"]}

# With `p`, the article's publisher, matched beside it. Not the body: it is most of an
# article's bytes and few queries ask for it (ARTICLE_BODIES fetches it when one does).
_ARTICLE_MAP = (
    "{.id, .url, .title, .published_on, .published_inferred, .section, .language, .author, "
    ".summary_only, publisher: p.name}"
)


def _node(label: str, var: str) -> str:
    """The map a lookup by id answers for a node of ``label`` bound to ``var``, for statements
    that find nodes some other way (pages, search, timelines, names) to return beside their
    ids: the API primes its by-id loaders with it instead of asking for the nodes again, one
    round trip less per list. Related values come from pattern comprehensions, not OPTIONAL
    MATCH, so the statement's rows and their order stay as they are."""
    return {
        "Actor": f"{var} {_ACTOR_MAP}",
        "Article": (
            f"{var} {{.id, .url, .title, .published_on, .published_inferred, .section, "
            f".language, .author, .summary_only, "
            f"publisher: head([({var})-[:PUBLISHED_BY]->(publisher_:Actor) | publisher_.name])}}"
        ),
        "Meeting": f"{var} {_MEETING_MAP}",
        "Statement": (
            f"{var} {{.id, .text, .date, .medium, .language, .confidence, "
            f"speaker: head([(speaker_:Actor)-[:SAID]->({var}) | speaker_.id])}}"
        ),
    }[label]


ARTICLES_BY_ID = _define(
    "ARTICLES_BY_ID",
    f"""
    UNWIND $ids AS key
    MATCH (n:Article {{id: key}})
    OPTIONAL MATCH (n)-[:PUBLISHED_BY]->(p:Actor)
    RETURN key, n {_ARTICLE_MAP} AS node
    """,
    _IDS,
)

ARTICLE_BODIES = _define(
    "ARTICLE_BODIES",
    "UNWIND $ids AS key MATCH (n:Article {id: key}) RETURN key, n.body AS node",
    _IDS,
)

ARTICLES_BY_URL = _define(
    "ARTICLES_BY_URL",
    "UNWIND $urls AS key MATCH (n:Article {url: key}) RETURN key, n.id AS id",
    {"urls": ["https://example.org/a"]},
)

ACTORS_BY_ID = _define(
    "ACTORS_BY_ID",
    f"""
    UNWIND $ids AS key
    MATCH (n:Actor {{id: key}})
    RETURN key, n {_ACTOR_MAP} AS node
    """,
    _IDS,
)

# With the actor itself, so finding an actor by name and then showing it is one round trip.
ACTORS_BY_NAME = _define(
    "ACTORS_BY_NAME",
    f"""
    UNWIND $names AS key
    MATCH (n:Actor) WHERE key IN n.keys
    RETURN key, n {_ACTOR_MAP} AS node
    ORDER BY n.id
    """,
    {"names": ["zelensky"]},
)

MEETINGS_BY_ID = _define(
    "MEETINGS_BY_ID",
    f"""
    UNWIND $ids AS key
    MATCH (n:Meeting {{id: key}})
    RETURN key, n {_MEETING_MAP} AS node
    """,
    _IDS,
)

STATEMENTS_BY_ID = _define(
    "STATEMENTS_BY_ID",
    """
    UNWIND $ids AS key
    MATCH (n:Statement {id: key})
    OPTIONAL MATCH (speaker:Actor)-[:SAID]->(n)
    RETURN key, n {.id, .text, .date, .medium, .language, .confidence, speaker: speaker.id} AS node
    """,
    _IDS,
)

TOPICS_BY_ID = _define(
    "TOPICS_BY_ID",
    "UNWIND $ids AS key MATCH (n:Topic {id: key}) RETURN key, n {.id, .name} AS node",
    _IDS,
)

ROLES_BY_ACTOR = _define(
    "ROLES_BY_ACTOR",
    f"""
    UNWIND $ids AS key
    MATCH (:Actor {{id: key}})-[r:HOLDS_ROLE]->(o:Actor)
    RETURN key, r.title AS title, o.id AS of, o {_ACTOR_MAP} AS node
    ORDER BY key, title, of
    """,
    _IDS,
)

PARTICIPANTS_BY_MEETING = _define(
    "PARTICIPANTS_BY_MEETING",
    f"""
    UNWIND $ids AS key
    MATCH (a:Actor)-[p:PARTICIPATED_IN]->(:Meeting {{id: key}})
    RETURN key, a.id AS actor, p.role AS role, p.confidence AS confidence, a {_ACTOR_MAP} AS node
    ORDER BY key, a.name
    """,
    _IDS,
)


def _reports_of(name: str, label: str) -> Statement:
    """Every article reporting a meeting or statement, oldest first, with its words."""
    return _define(
        name,
        f"""
    UNWIND $ids AS key
    MATCH (art:Article)-[r:REPORTS]->(:{label} {{id: key}})
    OPTIONAL MATCH (art)-[:PUBLISHED_BY]->(p:Actor)
    RETURN key, art.id AS article, r.excerpt AS excerpt, r.offset AS offset,
           art {_ARTICLE_MAP} AS node
    ORDER BY key, art.day_number, art.id
    """,
        _IDS,
    )


REPORTS_OF_MEETINGS = _reports_of("REPORTS_OF_MEETINGS", "Meeting")
REPORTS_OF_STATEMENTS = _reports_of("REPORTS_OF_STATEMENTS", "Statement")


def _first_reports_of(name: str, label: str) -> Statement:
    """The oldest ``first`` reports of each key (``{key, owner, first}``), in the shape of
    _reports_of's rows, each with the ``total`` of the key's reports (what `reportCount` would
    read in a call of its own). Every report is still ordered, but only the page's articles are
    projected and sent: on a well-covered graph a statement has hundreds of reports, and their
    article maps, not the walk, were what grew (README, Performance). Two lists sliced and
    walked by index: 1.8 ms for ten statements of 219 reports at 100,000 articles, against
    2.3 ms for one list of maps and 6.2 ms for every report."""
    return _define(
        name,
        f"""
    UNWIND $keys AS key
    MATCH (art:Article)-[r:REPORTS]->(:{label} {{id: key.owner}})
    WITH key, art, r ORDER BY art.day_number, art.id
    WITH key, collect(art) AS everyone, collect(r) AS said
    WITH key, size(everyone) AS total, everyone[0..key.first] AS arts, said[0..key.first] AS reps
    UNWIND range(0, size(arts) - 1) AS i
    WITH key, total, i, arts[i] AS art, reps[i] AS r
    OPTIONAL MATCH (art)-[:PUBLISHED_BY]->(p:Actor)
    WITH key, total, i, art, r, p ORDER BY i
    RETURN key.key AS key,
           collect({{article: art.id, excerpt: r.excerpt, offset: r.offset, total: total,
                    node: art {_ARTICLE_MAP}}}) AS rows
    """,
        {"keys": [{"key": "0", "owner": "x", "first": 3}]},
    )


FIRST_REPORTS_OF_MEETINGS = _first_reports_of("FIRST_REPORTS_OF_MEETINGS", "Meeting")
FIRST_REPORTS_OF_STATEMENTS = _first_reports_of("FIRST_REPORTS_OF_STATEMENTS", "Statement")


def _related(name: str, pattern: str, var: str, order: str) -> Statement:
    """The ids of the nodes `var` related to each key's node by `pattern`, in `order`."""
    return _define(
        name,
        f"""
    UNWIND $ids AS key
    MATCH {pattern}
    RETURN key, {var}.id AS id ORDER BY key, {order}
    """,
        _IDS,
    )


TOPICS_OF_MEETINGS = _related(
    "TOPICS_OF_MEETINGS", "(:Meeting {id: key})-[:ABOUT]->(t:Topic)", "t", "t.name"
)
TOPICS_OF_STATEMENTS = _related(
    "TOPICS_OF_STATEMENTS", "(:Statement {id: key})-[:ABOUT]->(t:Topic)", "t", "t.name"
)
TOPICS_OF_ARTICLES = _related(
    "TOPICS_OF_ARTICLES", "(:Article {id: key})-[:ABOUT]->(t:Topic)", "t", "t.name"
)
MENTIONS_OF_STATEMENTS = _related(
    "MENTIONS_OF_STATEMENTS", "(:Statement {id: key})-[:MENTIONS]->(a:Actor)", "a", "a.name"
)
MENTIONS_OF_ARTICLES = _related(
    "MENTIONS_OF_ARTICLES", "(:Article {id: key})-[:MENTIONS]->(a:Actor)", "a", "a.name"
)
MEETINGS_OF_ARTICLES = _related(
    "MEETINGS_OF_ARTICLES",
    "(:Article {id: key})-[:REPORTS]->(m:Meeting)",
    "m",
    "coalesce(m.day_number, 0), m.id",
)
STATEMENTS_OF_ARTICLES = _related(
    "STATEMENTS_OF_ARTICLES",
    "(:Article {id: key})-[r:REPORTS]->(s:Statement)",
    "s",
    "r.offset, s.id",
)

ALL_TOPICS = _define(
    "ALL_TOPICS",
    """
    MATCH (t:Topic)
    OPTIONAL MATCH (t)<-[:ABOUT]-(a:Article)
    WITH t, count(a) AS articles
    RETURN t.id AS id, articles ORDER BY t.name
    """,
    {},
)

# ---------------------------------------------------------------------------------------------
# Connections. Pages are keyset-paginated on a sort key `sk` (date in ISO form, see _iso, then
# id), so a cursor stays valid while articles are added. `$first` is one more than the page
# size: the extra row tells whether there is a next page. Each list has a descending and an
# ascending page statement and a count; where a filter names an indexed node (participants,
# mentions, a full-text search), a variant starts the match there instead of scanning the
# label. The date filters `$from` and `$to` are day numbers.

_PAGE = {"after": None, "first": 21}


def _build(
    name: str, cypher: str, example: Mapping[str, Any], variants: Mapping[DialectName, str]
) -> Statement:
    """A statement made at run time (a composed filter's page, see `composed_pages`): the
    same as a registered one, but not in REGISTRY, whose registered examples stand for it."""
    texts = [cypher, *variants.values()]
    fulltext = any(_FULLTEXT_CALL in text for text in texts)
    return Statement(name, cypher.strip(), example, False, dict(variants), fulltext)


# The sort keys of the lists ordered on a fact's reports or confidence: the number, written
# so that string order is number order, then '|' and the id (ties broken by id, as dates are).
# Report counts are padded to ten digits; a confidence (0 to 1) is written in millionths,
# padded to seven, and an unknown one as '-', which sorts before every digit: it counts as
# the lowest. The pages order on the key itself, so the cursor comparison and the order agree
# exactly.
def _reports_sk(var: str) -> str:
    """The key of the report count orders, from `reports_`, the count _keyed_tails' `before`
    gathers (an aggregate over an OPTIONAL MATCH, not a pattern comprehension per item)."""
    return f"right('0000000000' + toString(reports_), 10) + '|' + {var}.id"


def _counting_reports(var: str) -> str:
    return f"""
    OPTIONAL MATCH ({var})<-[:REPORTS]-(reporter_:Article)
    WITH {var}, count(reporter_) AS reports_"""


def _confidence_sk(var: str) -> str:
    millionths = f"toInteger(round({var}.confidence * 1000000))"
    return (
        f"CASE WHEN {var}.confidence IS NULL THEN '-' "
        f"ELSE right('0000000' + toString({millionths}), 7) END + '|' + {var}.id"
    )


def _keyed_tails(
    var: str, sk: str, node: str, prefix: str = "", before: str = ""
) -> dict[str, str]:
    """The page tails of a list ordered on a sort key built for every item (from what
    ``before`` gathers, if anything)."""
    return {
        f"{prefix}DESC": f"""{before}
    WITH {var}, {sk} AS sk
    WHERE $after IS NULL OR sk < $after
    WITH {var}, sk ORDER BY sk DESC LIMIT $first
    RETURN {var}.id AS id, sk, {node} AS node ORDER BY sk DESC""",
        f"{prefix}ASC": f"""{before}
    WITH {var}, {sk} AS sk
    WHERE $after IS NULL OR sk > $after
    WITH {var}, sk ORDER BY sk ASC LIMIT $first
    RETURN {var}.id AS id, sk, {node} AS node ORDER BY sk ASC""",
    }


def _dated_tails(var: str, sk: str, node: str) -> dict[str, str]:
    """The page tails of a dated list (see _paged)."""
    newest = f"{var}.day_number IS NOT NULL, {var}.day_number DESC, {var}.id DESC"
    oldest = f"{var}.day_number IS NULL, {var}.day_number, {var}.id"
    return {
        "DESC": f"""
    WITH {var} WHERE $after IS NULL OR {sk} < $after
    WITH {var} ORDER BY {newest} LIMIT $first
    WITH {var}, {sk} AS sk
    RETURN {var}.id AS id, sk, {node} AS node ORDER BY sk DESC""",
        "ASC": f"""
    WITH {var} WHERE $after IS NULL OR {sk} > $after
    WITH {var} ORDER BY {oldest} LIMIT $first
    WITH {var}, {sk} AS sk
    RETURN {var}.id AS id, sk, {node} AS node ORDER BY sk ASC""",
    }


# A root list nothing anchors (no participants, mentions, speaker or search) read newest first
# from a cursor that names a day: the items of a window of days `$lo`..`$hi` (day numbers),
# which the range index on day_number serves, instead of every node of the label tested
# against the cursor and sorted. reads.Listing pages backwards from the cursor's day, window
# by window, each twice as long as the one before, until the page is full: a page reads about
# its own items whatever the size of the list. (The first page without a cursor starts with
# the undated items, which no index finds: it keeps the list's own statement.)
def _window_page(
    name: str, label: str, var: str, where: str, example: Mapping[str, Any]
) -> Statement:
    match = f"""
    MATCH ({var}:{label}) WHERE {var}.day_number >= $lo AND {var}.day_number <= $hi"""
    tail = _dated_tails(var, _sk(var), _node(label, var))["DESC"]
    return _define(name, match + where + tail, {**example, **_PAGE, "lo": 1, "hi": 2})


def _paged(
    name: str,
    match: str,
    example: Mapping[str, Any],
    *,
    var: str,
    sk: str,
    label: str,
    dated: bool = False,
    ranked: bool = False,
    variants: Mapping[DialectName, str] | None = None,
    register: bool = True,
) -> dict[str, Statement]:
    """Define NAME_DESC, NAME_ASC and NAME_COUNT over one filtered match. The pages answer
    each item's node beside its id, projected after the LIMIT, so only the page's items are
    projected (and ordered again, which costs nothing on a page).

    A `dated` list's sort key is its ISO day, then its id: its pages are ordered on the stored
    day number and id instead, the same order (undated items, whose key starts with '|', after
    every date), and the key is built for the page's items, and for the cursor comparison only
    when a cursor is given. Building the key of every item to sort on it is slower, the more so
    the longer the list (bench/query_shapes.py, article_page_order_on_days).

    A `ranked` list (facts with reports and a confidence) also has NAME_REPORTS_DESC/_ASC and
    NAME_CONFIDENCE_DESC/_ASC, ordered on the keys of _reports_sk and _confidence_sk. With
    `register` false, the statements are built but not registered (composed filters)."""
    node = _node(label, var)
    tails = _dated_tails(var, sk, node) if dated else _keyed_tails(var, sk, node)
    if ranked:
        tails |= _keyed_tails(var, _reports_sk(var), node, "REPORTS_", _counting_reports(var))
        tails |= _keyed_tails(var, _confidence_sk(var), node, "CONFIDENCE_")
    tails["COUNT"] = f"""
    RETURN count({var}) AS total"""
    out = {}
    for suffix, tail in tails.items():
        params = dict(example) if suffix == "COUNT" else {**example, **_PAGE}
        texts = {k: v + tail for k, v in (variants or {}).items()}
        if register:
            out[suffix] = _define(f"{name}_{suffix}", match + tail, params, variants=texts)
        else:
            out[suffix] = _build(f"{name}_{suffix}", match + tail, params, texts)
    return out


def _fulltext(index: str, label: str, param: str, var: str) -> dict[DialectName, str]:
    return {
        "falkordb": f"CALL db.idx.fulltext.queryNodes('{label}', ${param}) YIELD node AS {var}",
        "neo4j": f"CALL db.index.fulltext.queryNodes('{index}', ${param}) YIELD node AS {var}",
    }


# Every list below is defined by a function of `extra`, a predicate ANDed to its WHERE: the
# registered statements have none; a composed filter's (see `composed_pages`) has its own.


# What composed predicates read besides the item itself, by the name they read it under (see
# "Composed filters" below): the ids at the other end of a pattern, gathered before the WHERE
# only when read, each by an OPTIONAL MATCH and collect(). A pattern comprehension per item
# (`[(m)<-[:PARTICIPATED_IN]-(p:Actor) | p.id]`) read 916 meetings in about 100 ms on FalkorDB,
# several times the aggregate; and two comprehensions of one WITH answered no rows when they
# shared a variable name.
_GATHERED = {
    "present_": "({v})<-[:PARTICIPATED_IN]-(present_node_:Actor)",
    "mentioned_": "({v})-[:MENTIONS]->(mentioned_node_:Actor)",
    "topics_": "({v})-[:ABOUT]->(topics_node_:Topic)",
    "speakers_": "(speakers_node_:Actor)-[:SAID]->({v})",
    "publishers_": "({v})-[:PUBLISHED_BY]->(publishers_node_:Actor)",
}


def _and(var: str, extra: str) -> str:
    """The clauses that keep the items meeting ``extra`` (none when empty): the lists it reads
    gathered, the WHERE in a WITH of its own, and the lists dropped after. In the base WHERE,
    FalkorDB 4.16 lost every row of a page when a pattern predicate stood beside a gathered
    list (the count was right, the page empty); in a clause of its own, both are right."""
    if not extra:
        return ""
    kept = [var]
    clauses = []
    for name, pattern in _GATHERED.items():
        if name in extra:
            clauses.append(
                f"""    OPTIONAL MATCH {pattern.replace("{v}", var)}
    WITH {", ".join(kept)}, collect({name}node_.id) AS {name}
"""
            )
            kept.append(name)
    return f"""{"".join(clauses)}    WITH {", ".join(kept)}
    WHERE {extra}
    WITH {var}
"""


# Articles ------------------------------------------------------------------------------------

_ARTICLE_FILTER = {
    "publisher": None,
    "from": None,
    "to": None,
    "mentions": ["a"],
    "topic": None,
    "search": "guarantees",
}
_ARTICLE_SK = _sk("n")


def _article_where(extra: str = "") -> str:
    return f"""
    WITH n
    WHERE {_in_days("n")}
      AND ($publisher IS NULL OR (n)-[:PUBLISHED_BY]->(:Actor {{id: $publisher}}))
      AND ($topic IS NULL OR (n)-[:ABOUT]->(:Topic {{id: $topic}}))
{_and("n", extra)}"""


# Every listed actor must be mentioned: count the ones that are.
_ARTICLE_MENTIONS_ALL = """
    OPTIONAL MATCH (n)-[:MENTIONS]->(mentioned:Actor) WHERE mentioned.id IN $mentions
    WITH n, count(DISTINCT mentioned) AS named WHERE named = size($mentions)
"""
_ARTICLE_SEARCH = _fulltext("article_text", "Article", "search", "n")


def _article_pages(variant: str, extra: str = "", register: bool = True) -> dict[str, Statement]:
    where = _article_where(extra)
    variants: dict[DialectName, str] | None = None
    if variant == "SEARCH":
        match = _ARTICLE_SEARCH["neo4j"] + _ARTICLE_MENTIONS_ALL + where
        variants = {"falkordb": _ARTICLE_SEARCH["falkordb"] + _ARTICLE_MENTIONS_ALL + where}
    elif variant == "NAMING":
        # One actor named: its mentions are the list (the count of the actors named, which
        # every article passes, read each mention once more for nothing).
        match = (
            """
    UNWIND $mentions AS named
    MATCH (:Actor {id: named})<-[:MENTIONS]-(n:Article)"""
            + where
        )
    elif variant == "MENTIONING":
        match = (
            """
    MATCH (mentioned:Actor)<-[:MENTIONS]-(n:Article) WHERE mentioned.id IN $mentions
    WITH n, count(DISTINCT mentioned) AS named WHERE named = size($mentions)"""
            + where
        )
    else:
        match = "MATCH (n:Article)" + where
    return _paged(
        "ARTICLE_PAGE" + (f"_{variant}" if variant else "") + ("_COMPOSED" if extra else ""),
        match,
        _ARTICLE_FILTER,
        var="n",
        sk=_ARTICLE_SK,
        label="Article",
        dated=True,
        variants=variants,
        register=register,
    )


ARTICLE_PAGES = _article_pages("")
ARTICLE_PAGES_MENTIONING = _article_pages("MENTIONING")
ARTICLE_PAGES_NAMING = _article_pages("NAMING")
ARTICLE_PAGES_SEARCH = _article_pages("SEARCH")
ARTICLE_WINDOW = _window_page(
    "ARTICLE_WINDOW_DESC", "Article", "n", _article_where(), _ARTICLE_FILTER
)

# The count of a whole label, for a list without any filter: both engines answer it from their
# label counts without reading a node (FalkorDB's planner turns it into its label's size; Neo4j
# reads its count store), where the lists' COUNT statements test every node against their
# optional filters.
COUNT_ALL: dict[str, Statement] = {
    label: _define(f"{label.upper()}_COUNT_ALL", f"MATCH (n:{label}) RETURN count(n) AS total", {})
    for label in ("Article", "Meeting", "Statement")
}

# Actors --------------------------------------------------------------------------------------

_ACTOR_FILTER = {"kind": None, "name": None}
ACTOR_PAGES = _paged(
    "ACTOR_PAGE",
    """
    MATCH (n:Actor)
    WHERE ($kind IS NULL OR n.kind = $kind)
      AND ($name IS NULL OR any(k IN n.keys WHERE k CONTAINS $name))""",
    _ACTOR_FILTER,
    var="n",
    sk="toLower(n.name) + '|' + n.id",
    label="Actor",
)

# Meetings ------------------------------------------------------------------------------------

_MEETING_FILTER = {
    "participants": ["a"],
    "participants_any": ["a"],
    "from": None,
    "to": None,
    "mode": None,
    "status": None,
    "topic": None,
    "min_confidence": None,
}
_MEETING_SK = _sk("m")


def _meeting_filter(param: str) -> str:
    """MeetingCriteria on `m`, from the parameters (``$``) or a batch's key (``key.``)."""
    return f"""{_in_days("m", param)}
      AND ({param}mode IS NULL OR m.mode = {param}mode)
      AND ({param}status IS NULL OR m.status = {param}status)
      AND ({param}topic IS NULL OR (m)-[:ABOUT]->(:Topic {{id: {param}topic}}))
      AND ({param}min_confidence IS NULL OR m.confidence >= {param}min_confidence)"""


def _meeting_where(extra: str = "") -> str:
    return f"""
    WITH m
    WHERE {_meeting_filter("$")}
{_and("m", extra)}"""


# The pair of `$participants` (ids) that share the fewest meetings, as `pair`: no row when
# two of them never met. A pair's id is its two ids, the smaller first, joined by '|'.
_LEAST_BUSY_PAIR = """
    UNWIND $participants AS one
    UNWIND $participants AS other
    WITH one, other WHERE one < other
    MATCH (pair:MeetingPair {id: one + '|' + other})
    WITH pair ORDER BY pair.count, pair.id LIMIT 1"""


def _meeting_pages(variant: str, extra: str = "", register: bool = True) -> dict[str, Statement]:
    # With participants (variant WITH): the meetings every participant attended, checked from
    # the meeting's side (a meeting has a few participants). Walking every participant's
    # meetings made two busy actors cost twice as much as starting from the less busy one (2.3
    # vs 1.1 ms for Zelensky and Trump at 3,000 articles), but even the less busy of two hubs
    # has thousands of meetings on a big graph (Trump's 3,069 against Zelensky's 18,490 at
    # 100,000 articles), of which they share 463: the list starts from the MeetingPair of the
    # two participants with the fewest meetings together (see the meeting tallies), which
    # links exactly those.
    #
    # Exactly two participants (variant PAIR): their pair links exactly the meetings both
    # attended, so the check from each meeting's side (a traversal and a count per meeting,
    # most of the statement's time for two hubs' 463 meetings at 100,000 articles) is left out.
    if variant in ("WITH", "PAIR"):
        match = (
            f"""{_LEAST_BUSY_PAIR}
    MATCH (pair)-[:PAIRS]->(m:Meeting)"""
            + _meeting_where(extra)
            + (
                ""
                if variant == "PAIR"
                else """
    MATCH (m)<-[:PARTICIPATED_IN]-(p:Actor) WHERE p.id IN $participants
    WITH m, count(DISTINCT p) AS present WHERE present = size($participants)"""
            )
        )
    elif variant == "OF":
        # One participant: its meetings are the list; the choice of the least busy and the
        # check that every participant attended (a traversal back from each meeting) would
        # read each meeting twice more for nothing.
        match = """
    UNWIND $participants AS participant
    MATCH (:Actor {id: participant})-[:PARTICIPATED_IN]->(m:Meeting)""" + _meeting_where(extra)
    elif variant == "ANY":
        # Any of `participants_any`: start from them (by the id index), each meeting once.
        match = """
    MATCH (a:Actor)-[:PARTICIPATED_IN]->(m:Meeting) WHERE a.id IN $participants_any
    WITH DISTINCT m""" + _meeting_where(extra)
    else:
        match = "MATCH (m:Meeting)" + _meeting_where(extra)
    return _paged(
        "MEETING_PAGE" + (f"_{variant}" if variant else "") + ("_COMPOSED" if extra else ""),
        match,
        _MEETING_FILTER,
        var="m",
        sk=_MEETING_SK,
        label="Meeting",
        dated=True,
        ranked=True,
        register=register,
    )


MEETING_PAGES = _meeting_pages("")
MEETING_PAGES_WITH = _meeting_pages("WITH")
MEETING_PAGES_PAIR = _meeting_pages("PAIR")
MEETING_PAGES_OF = _meeting_pages("OF")
MEETING_WINDOW = _window_page(
    "MEETING_WINDOW_DESC", "Meeting", "m", _meeting_where(), _MEETING_FILTER
)
MEETING_PAGES_ANY = _meeting_pages("ANY")


# The aggregates of the articles naming one actor, with no other filter (reads.articles), from
# its mention tallies.
_OWN_MENTIONS = """
    MATCH (t:MentionTally {actor: $mentions[0]})"""
MENTION_TALLY_READS: dict[str, Statement] = {
    kind: _define(f"MENTION_TALLY_{kind}", _OWN_MENTIONS + tail, {**_ARTICLE_FILTER, "first": 10})
    for kind, tail in {
        "COUNT": "\n    RETURN coalesce(sum(t.count), 0) AS total",
        "BY_MONTH": """
    WITH t WHERE t.month <> ''
    RETURN t.month AS bucket, sum(t.count) AS count""",
        "BY_YEAR": """
    WITH t WHERE t.month <> ''
    RETURN substring(t.month, 0, 4) AS bucket, sum(t.count) AS count""",
        "BY_PUBLISHER": f"""
    WITH t WHERE t.publishers <> ''
    UNWIND split(t.publishers, ',') AS publisher
    WITH publisher, sum(t.count) AS count
    MATCH (who:Actor {{id: publisher}})
    WITH who, count ORDER BY count DESC, who.name, who.id LIMIT $first
    RETURN who.id AS id, count, {_node("Actor", "who")} AS node
    ORDER BY count DESC, node.name, id""",
    }.items()
}

# An actor's meeting aggregates, with no other filter (reads.meetings serves them for a list of
# one participant and nothing else), from its tallies and pairs: the same rows as the
# MEETING_PAGE_OF aggregates, reading a few hundred tallies instead of every meeting.
_OWN_TALLIES = """
    MATCH (t:MeetingTally {actor: $participants[0]})"""
_TALLY_EXAMPLE = {**_MEETING_FILTER, "first": 10}
MEETING_TALLY_READS: dict[str, Statement] = {
    kind: _define(f"MEETING_TALLY_{kind}", _OWN_TALLIES + tail, _TALLY_EXAMPLE)
    for kind, tail in {
        "COUNT": "\n    RETURN coalesce(sum(t.count), 0) AS total",
        "BY_MONTH": """
    WITH t WHERE t.month <> ''
    RETURN t.month AS bucket, sum(t.count) AS count""",
        "BY_YEAR": """
    WITH t WHERE t.month <> ''
    RETURN substring(t.month, 0, 4) AS bucket, sum(t.count) AS count""",
        "BY_MODE": """
    WITH t.mode AS value, sum(t.count) AS count
    RETURN value, count ORDER BY count DESC, value""",
        "BY_STATUS": """
    WITH t.status AS value, sum(t.count) AS count
    RETURN value, count ORDER BY count DESC, value""",
        # The actor itself takes part in all of its meetings; every other participant in
        # those of their pair.
        "TOP_PARTICIPANTS": f"""
    WITH sum(t.count) AS own
    MATCH (a:Actor {{id: $participants[0]}})
    CALL {{
      WITH a, own
      WITH a AS who, own AS count WHERE own > 0
      RETURN who, count
      UNION ALL
      WITH a
      MATCH (pair:MeetingPair {{left: a.id}})
      MATCH (who:Actor {{id: pair.right}})
      RETURN who, pair.count AS count
      UNION ALL
      WITH a
      MATCH (pair:MeetingPair {{right: a.id}})
      MATCH (who:Actor {{id: pair.left}})
      RETURN who, pair.count AS count
    }}
    WITH who, count ORDER BY count DESC, who.name, who.id LIMIT $first
    RETURN who.id AS id, count, {_node("Actor", "who")} AS node
    ORDER BY count DESC, node.name, id""",
    }.items()
}

# Statements ----------------------------------------------------------------------------------

_STATEMENT_FILTER = {
    "speaker": None,
    "topic": None,
    "from": None,
    "to": None,
    "search": "guarantees",
    "min_confidence": None,
}
_STATEMENT_SK = _sk("s")


def _statement_filter(param: str) -> str:
    """StatementCriteria on `s`, from the parameters (``$``) or a batch's key (``key.``)."""
    return f"""({param}topic IS NULL OR (s)-[:ABOUT]->(:Topic {{id: {param}topic}}))
      AND {_in_days("s", param)}
      AND ({param}min_confidence IS NULL OR s.confidence >= {param}min_confidence)"""


def _statement_where(extra: str = "", spoken: bool = False) -> str:
    # `spoken`: the match starts from the speaker's statements, so the speaker needs no test;
    # the pattern predicate would walk the speaker's statements again for each of them, a
    # cost that grows with the square of a busy speaker's statements.
    speaker = (
        "" if spoken else "($speaker IS NULL OR (:Actor {id: $speaker})-[:SAID]->(s))\n      AND "
    )
    return f"""
    WITH s
    WHERE {speaker}{_statement_filter("$")}
{_and("s", extra)}"""


_STATEMENT_SEARCH = _fulltext("statement_text", "Statement", "search", "s")


def _statement_pages(variant: str, extra: str = "", register: bool = True) -> dict[str, Statement]:
    where = _statement_where(extra, spoken=variant == "BY")
    variants: dict[DialectName, str] | None = None
    if variant == "SEARCH":
        match = _STATEMENT_SEARCH["neo4j"] + where
        variants = {"falkordb": _STATEMENT_SEARCH["falkordb"] + where}
    elif variant == "BY":
        match = "MATCH (:Actor {id: $speaker})-[:SAID]->(s:Statement)" + where
    else:
        match = "MATCH (s:Statement)" + where
    return _paged(
        "STATEMENT_PAGE" + (f"_{variant}" if variant else "") + ("_COMPOSED" if extra else ""),
        match,
        _STATEMENT_FILTER,
        var="s",
        sk=_STATEMENT_SK,
        label="Statement",
        dated=True,
        ranked=True,
        variants=variants,
        register=register,
    )


STATEMENT_PAGES = _statement_pages("")
STATEMENT_PAGES_BY = _statement_pages("BY")
STATEMENT_PAGES_SEARCH = _statement_pages("SEARCH")
STATEMENT_WINDOW = _window_page(
    "STATEMENT_WINDOW_DESC", "Statement", "s", _statement_where(), _STATEMENT_FILTER
)

# Composed filters ----------------------------------------------------------------------------
# The AND, OR and NOT of the API's filters (rows.Condition) become one more predicate of a
# list's WHERE. Only the condition's shape is written into the text (which fields, how
# nested); every value travels as a parameter named here in the order met ($c0, $c1, ...), so
# one shape is one statement text whatever its values, and no user text reaches the Cypher.
# Fields are tested on the item's properties, and related nodes against lists of their ids
# gathered once per item, in the WITH before the WHERE (`present_`, `topics_`, ...; see
# _and), never with pattern predicates or comprehensions inside the WHERE: FalkorDB 4.16
# fails a pattern comprehension there ("Unable to locate a value with alias"), and a pattern
# predicate beside a gathered list ("Type mismatch: expected Null but was Pointer"). It also
# answers no rows for `any(x IN $list WHERE x IN gathered)` while `any(x IN gathered WHERE x
# IN $list)` is right, and none for `$id IN gathered`: so every predicate iterates over the
# gathered list, and "all of $list" counts its matches (ids are unique in both lists).

_ALL_OF = "size([x_ IN {list} WHERE x_ IN {p}]) = size({p})"
_ANY_OF = "any(x_ IN {list} WHERE x_ IN {p})"
_DATED = {
    "from": "{v}.day_number >= {p}",
    "to": "{v}.day_number <= {p}",
    "topic": "any(x_ IN topics_ WHERE x_ = {p})",
}
# Each field a composed filter may hold, by label: its predicate on the list's variable {v}
# and its parameter {p}.
CONDITIONS: dict[str, dict[str, str]] = {
    "Meeting": {
        **_DATED,
        "mode": "{v}.mode = {p}",
        "status": "{v}.status = {p}",
        "min_confidence": "{v}.confidence >= {p}",
        "participants": _ALL_OF.replace("{list}", "present_"),
        "participants_any": _ANY_OF.replace("{list}", "present_"),
    },
    "Statement": {
        **_DATED,
        "speaker": "any(x_ IN speakers_ WHERE x_ = {p})",
        "min_confidence": "{v}.confidence >= {p}",
    },
    "Article": {
        **_DATED,
        "publisher": "any(x_ IN publishers_ WHERE x_ = {p})",
        "mentions": _ALL_OF.replace("{list}", "mentioned_"),
    },
}
_LIST_VAR = {"Meeting": "m", "Statement": "s", "Article": "n"}


def condition(label: str, found: Condition, params: dict[str, Any]) -> str:
    """The predicate of ``found`` on a list of ``label``, its values added to ``params``
    under generated names (an empty condition is `true`)."""
    templates = CONDITIONS[label]
    var = _LIST_VAR[label]
    parts: list[str] = []
    for name, value in found.fields:
        param = f"c{len(params)}"
        params[param] = list(value) if isinstance(value, tuple) else value
        parts.append("(" + templates[name].replace("{v}", var).replace("{p}", "$" + param) + ")")
    parts += [condition(label, inner, params) for inner in found.all_of]
    if found.any_of:
        parts.append("(" + " OR ".join(condition(label, c, params) for c in found.any_of) + ")")
    if found.none_of:
        either = " OR ".join(condition(label, c, params) for c in found.none_of)
        parts.append(f"(NOT ({either}))")
    return "(" + " AND ".join(parts) + ")" if parts else "true"


_LIST_PAGES = {"Meeting": _meeting_pages, "Statement": _statement_pages, "Article": _article_pages}


@lru_cache(maxsize=512)
def composed_pages(label: str, variant: str, extra: str) -> dict[str, Statement]:
    """The pages of a list of ``label`` (its ``variant``: "", "WITH", "PAIR", "BY", "SEARCH",
    "MENTIONING", as the registered ones) with ``extra`` ANDed to its filter. Built once per
    shape: ``extra`` holds no values, and the operation limits bound how many shapes exist."""
    return _LIST_PAGES[label](variant, extra, register=False)


# One registered example of each composed list, every field and every connective in it, so the
# Neo4j analyser checks what `condition` writes.
def _example_condition(label: str) -> tuple[str, dict[str, Any]]:
    fields = tuple((name, None) for name in CONDITIONS[label])
    one = Condition(fields=fields[:1])
    example = Condition(fields=fields, any_of=(one, Condition(none_of=(one,))), none_of=(one,))
    params: dict[str, Any] = {}
    return condition(label, example, params), params


def _register_examples() -> None:
    for label, pages in _LIST_PAGES.items():
        extra, params = _example_condition(label)
        for variant in {
            "Meeting": ("", "WITH", "PAIR", "ANY"),
            "Statement": ("", "BY", "SEARCH"),
        }.get(label, ("", "MENTIONING", "SEARCH")):
            for statement in pages(variant, extra, register=False).values():
                _define(
                    statement.name,
                    statement.cypher,
                    {**statement.example, **params},
                    variants=statement.variants,
                )


_register_examples()

# Aggregates over the same filtered lists. Each is the list's own match (the text of its COUNT
# statement before `RETURN count(..)`, so a filter reads exactly as it does for the list,
# whatever variant the filter chose) followed by one aggregate: a count per period, per value,
# or the top actors. The API runs only the aggregates a client selects, one statement each.
# Periods are grouped in the graph: a day and a week start as day numbers (day 1, 0001-01-01,
# is a Monday, so a week starts on day n - (n - 1) % 7), a month and a year as the leading
# characters of the ISO day; the API fills the empty periods between the first and the last.
# `$first` bounds every ranked aggregate.

_TOP = {"first": 10}


def _period_tails(var: str) -> dict[str, str]:
    dated = f"\n    WITH {var} WHERE {var}.day_number IS NOT NULL AND {var}.day IS NOT NULL"
    return {
        "BY_DAY": f"{dated}\n    RETURN {var}.day_number AS bucket, count(*) AS count",
        "BY_WEEK": (
            f"{dated}\n    RETURN {var}.day_number - ({var}.day_number - 1) % 7 AS bucket,"
            " count(*) AS count"
        ),
        "BY_MONTH": f"{dated}\n    RETURN substring({var}.day, 0, 7) AS bucket, count(*) AS count",
        "BY_YEAR": f"{dated}\n    RETURN substring({var}.day, 0, 4) AS bucket, count(*) AS count",
    }


def _value_tail(var: str, value: str) -> str:
    """A count per value of a property (nulls as the value the API shows for them)."""
    return f"""
    WITH {value} AS value, count({var}) AS count
    RETURN value, count ORDER BY count DESC, value"""


def _top_actors_tail(var: str, pattern: str) -> str:
    """The actors related to the list's items by ``pattern`` (``who`` at the far end), most
    items first, each with its node for the API's loader."""
    return f"""
    MATCH {pattern}
    WITH who, count(DISTINCT {var}) AS count
    ORDER BY count DESC, who.name, who.id LIMIT $first
    RETURN who.id AS id, count, {_node("Actor", "who")} AS node
    ORDER BY count DESC, node.name, id"""


def _aggregates(
    counted: Statement, var: str, tails: Mapping[str, str], *, register: bool = True
) -> dict[str, Statement]:
    """One statement per aggregate of a list: its COUNT statement's match with each tail
    (registered, or built for a list made for one request, see aggregates_of)."""
    ending = f"RETURN count({var}) AS total"
    base = counted.name.removesuffix("_COUNT")

    def match(text: str) -> str:
        body = text.rstrip()
        if not body.endswith(ending):
            raise ValueError(f"{counted.name} does not end with `{ending}`")
        return body.removesuffix(ending).rstrip()

    out = {}
    for kind, tail in tails.items():
        example = {**counted.example, **(_TOP if "$first" in tail else {})}
        name, text = f"{base}_{kind}", match(counted.cypher) + tail
        variants = {k: match(v) + tail for k, v in counted.variants.items()}
        if register:
            out[kind] = _define(name, text, example, variants=variants)
        else:
            fulltext = any(_FULLTEXT_CALL in t for t in [text, *variants.values()])
            out[kind] = Statement(name, text.strip(), example, False, variants, fulltext)
    return out


def aggregates_of(counted: Statement) -> Mapping[str, Statement]:
    """The aggregates of the list whose COUNT statement is ``counted``: the registered ones, or,
    for a list whose statements were built for a request (a composed filter's, say), its own,
    built once per statement text. Matched on the text, so a list never gets the aggregates
    of another list of the same name."""
    if _AGGREGATED_FROM.get(counted.name) == counted.cypher:
        return AGGREGATES[counted.name]
    return _built_aggregates(counted.name, counted.cypher, tuple(sorted(counted.variants.items())))


@lru_cache(maxsize=512)
def _built_aggregates(
    name: str, text: str, variants: tuple[tuple[DialectName, str], ...]
) -> dict[str, Statement]:
    for prefix, (var, tails) in _AGGREGATED.items():
        if name.startswith(prefix):
            counted = Statement(name, text, {}, False, dict(variants))
            return _aggregates(counted, var, tails, register=False)
    raise KeyError(f"{name}: no aggregates for this list")


_MEETING_AGGREGATES = {
    **_period_tails("m"),
    "BY_MODE": _value_tail("m", "coalesce(m.mode, 'UNKNOWN')"),
    "BY_STATUS": _value_tail("m", "coalesce(m.status, 'HELD')"),
    "TOP_PARTICIPANTS": _top_actors_tail("m", "(who:Actor)-[:PARTICIPATED_IN]->(m)"),
    # Each pair once (the smaller id first), counted over the list's meetings of both.
    "TOP_PAIRS": f"""
    MATCH (one:Actor)-[:PARTICIPATED_IN]->(m)<-[:PARTICIPATED_IN]-(other:Actor)
    WHERE one.id < other.id
    WITH one, other, count(DISTINCT m) AS count
    ORDER BY count DESC, one.id, other.id LIMIT $first
    RETURN one.id AS one, other.id AS other, count,
           {_node("Actor", "one")} AS one_node, {_node("Actor", "other")} AS other_node
    ORDER BY count DESC, one, other""",
}
_STATEMENT_AGGREGATES = {
    **_period_tails("s"),
    "TOP_SPEAKERS": _top_actors_tail("s", "(who:Actor)-[:SAID]->(s)"),
    "BY_TOPIC": """
    MATCH (s)-[:ABOUT]->(topic:Topic)
    WITH topic, count(DISTINCT s) AS count
    ORDER BY count DESC, topic.name LIMIT $first
    RETURN topic.id AS id, count, topic {.id, .name} AS node
    ORDER BY count DESC, node.name""",
    "BY_MEDIUM": _value_tail("s", "s.medium") + " LIMIT $first",
}
_ARTICLE_AGGREGATES = {
    **_period_tails("n"),
    "BY_PUBLISHER": _top_actors_tail("n", "(n)-[:PUBLISHED_BY]->(who:Actor)"),
}

# Which lists have aggregates, by the prefix of their statements' names: AGGREGATES is built at
# the end of this module from every COUNT statement of these lists, so a variant defined
# anywhere (a new filter's) gets its aggregates too.
_AGGREGATED = {
    "MEETING_PAGE": ("m", _MEETING_AGGREGATES),
    "STATEMENT_PAGE": ("s", _STATEMENT_AGGREGATES),
    "ARTICLE_PAGE": ("n", _ARTICLE_AGGREGATES),
}

# Per-object counts, a DataLoader batch a call, without reading the related nodes' properties.


def _counts_of(name: str, match: str, var: str) -> Statement:
    return _define(
        name,
        f"""
    UNWIND $ids AS key
    MATCH {match}
    OPTIONAL MATCH {var}
    RETURN key, count(related) AS node
    """,
        _IDS,
    )


# Counts of every relationship of one type on one side of a node whose other end is always of
# the counted label (articles report facts, actors say statements and take part in meetings):
# read from the node's degree, not by walking a busy actor's every statement or a widely
# reported fact's every article. (Mentions are not among them: statements mention actors too.)
def _degree_counts_of(name: str, label: str, rel: str, incoming: bool) -> Statement:
    def text(dialect: DialectName) -> str:
        if dialect == "falkordb":
            degree = f"{'indegree' if incoming else 'outdegree'}(x, '{rel}')"
        else:
            degree = (
                f"COUNT {{ (x){'<-' if incoming else '-'}[:{rel}]{'-' if incoming else '->'}() }}"
            )
        return f"""
    UNWIND $ids AS key
    MATCH (x:{label} {{id: key}})
    RETURN key, {degree} AS node
    """

    return _define_by_dialect(name, {d: text(d) for d in ("neo4j", "falkordb")}, _IDS)


REPORT_COUNTS_OF_MEETINGS = _degree_counts_of(
    "REPORT_COUNTS_OF_MEETINGS", "Meeting", "REPORTS", incoming=True
)
REPORT_COUNTS_OF_STATEMENTS = _degree_counts_of(
    "REPORT_COUNTS_OF_STATEMENTS", "Statement", "REPORTS", incoming=True
)
MEETING_COUNTS_OF_ACTORS = _degree_counts_of(
    "MEETING_COUNTS_OF_ACTORS", "Actor", "PARTICIPATED_IN", incoming=False
)
STATEMENT_COUNTS_OF_ACTORS = _degree_counts_of(
    "STATEMENT_COUNTS_OF_ACTORS", "Actor", "SAID", incoming=False
)
MENTION_COUNTS_OF_ACTORS = _counts_of(
    "MENTION_COUNTS_OF_ACTORS", "(x:Actor {id: key})", "(x)<-[:MENTIONS]-(related:Article)"
)

# Per-owner lists (an actor's meetings, a topic's articles, ...), for many owners in one call:
# each key carries its owner, filter, cursor and page size; the page is cut from the owner's
# sorted list, and `total` counts the whole filtered list.

# Each per-owner list's statement without the count of the whole list, by the name of the one
# with it (see _owner_pages).
UNCOUNTED: dict[str, Statement] = {}

_OWNER_KEY = {"key": "0", "owner": "a", "after": None, "first": 21, **owner_filter(None)}


def _owner_pages(name: str, match: str, var: str, label: str) -> Statement:
    # Per owner, two subqueries: the count of its whole filtered list, and its page, ordered
    # on the stored values and cut with LIMIT. Collecting the owner's whole list to slice it,
    # with a sort key string built for every item, cost a busy actor more on FalkorDB
    # (bench/query_shapes.py, owner_page_limit_in_subquery). LIMIT takes `$first`, the largest
    # page of the batch (LIMIT cannot read a row's value), and each key's page is cut to its own
    # size after.
    #
    # The order is the sort key's (`sk`, date then id, descending): undated items first (their
    # key starts with '|', which sorts after the digits of a date), then by day number and by
    # id. The cursor keeps comparing sort keys, so it is built only when a cursor is given, and
    # any cursor string means what it meant before. The page's nodes come back beside their ids
    # (see _node).
    #
    # The count reads the owner's whole filtered list, which grows with the corpus while a page
    # does not: so each list has a twin without it (NAME_UNCOUNTED, in UNCOUNTED), which
    # reads.owner_pages runs when no key of a batch asks for the total (a client that did not
    # select `totalCount`).
    sk = _sk(var)
    counted = f"""
    CALL {{
      WITH key
      {match}
      RETURN count({var}) AS total
    }}"""
    page = f"""
    CALL {{
      WITH key
      {match}
      WITH key, {var}
      WHERE key.after IS NULL OR {sk} < key.after
      WITH {var}
      ORDER BY {var}.day_number IS NOT NULL, {var}.day_number DESC, {var}.id DESC
      LIMIT $first
      RETURN collect({{id: {var}.id, sk: {sk}, node: {_node(label, var)}}}) AS rows
    }}"""
    example = {"keys": [_OWNER_KEY], "first": 21}
    statement = _define(
        name,
        f"""
    UNWIND $keys AS key{counted}{page}
    RETURN key.key AS key, total, rows[0..key.first] AS rows
    """,
        example,
    )
    UNCOUNTED[name] = _define(
        f"{name}_UNCOUNTED",
        f"""
    UNWIND $keys AS key{page}
    RETURN key.key AS key, null AS total, rows[0..key.first] AS rows
    """,
        example,
    )
    return statement


ACTOR_MEETINGS = _owner_pages(
    "ACTOR_MEETINGS",
    f"""MATCH (:Actor {{id: key.owner}})-[:PARTICIPATED_IN]->(m:Meeting)
    WHERE {_meeting_filter("key.")}""",
    "m",
    "Meeting",
)
ACTOR_STATEMENTS = _owner_pages(
    "ACTOR_STATEMENTS",
    f"""MATCH (:Actor {{id: key.owner}})-[:SAID]->(s:Statement)
    WHERE {_statement_filter("key.")}""",
    "s",
    "Statement",
)
# An actor's statements with no filter (reads.owner_pages picks it when no key of the batch has
# one), in the same order and pages as ACTOR_STATEMENTS, without reading every statement of a
# busy speaker: Zelensky said 1,864 things in 100,000 articles, and both the count and the page
# of ACTOR_STATEMENTS walked all of them per request. Here
# - the count is the speaker's degree (the adjacency's, not a traversal: every SAID edge ends
#   at a statement);
# - a speaker with at most `$walk` statements is walked as before (no index read beats that);
# - a busier one is read by `speaker_day` ('<speaker id>|<ISO day>', '' when undated; range
#   indexed): its undated statements (first in this order) by the key itself; its dated ones
#   month by month backwards from the key's `top` (a month number, year * 12 + month - 1: the
#   cursor's month, or the month the reader gives, with one probe above it when `above` is
#   true), stopping at the month where `$first` of them (after the cursor) are found. Only the
#   statements of the months from there up are read and ordered: a month's worth at most more
#   than the page. A speaker whose statements stopped long before `top` costs one index probe
#   per month in between (at most `$months`), however large the graph.
# Keep the bounds of these index reads in those shapes. FalkorDB 4.16's range index on strings
# answers an upper bound (`< hi`) too widely when `lo` and `hi` differ before `hi`'s last
# character: on the 1,000-article graph, 'id|2024-01-10' to 'id|2024-01-20' gave 6 of Zelensky's
# statements where 2 lie between, and 'id|2024-09' to 'id|2024-10~' 60 where 21 do (it seems
# to keep everything up to the first character where they differ). One month, 'id|YYYY-MM' to
# 'id|YYYY-MM~', is read right; the last read's 'id|~' may bring other speakers' statements,
# which its SAID match drops.
_MONTH = "toString(({n}) / 12) + '-' + right('0' + toString(({n}) % 12 + 1), 2)"
_AFTER_CURSOR = "(key.after IS NULL OR coalesce(s.day, '') + '|' + s.id < key.after)"
_BUSY = "UNWIND CASE WHEN total > $walk THEN [o] ELSE [] END AS w"


def _plain_statements(dialect: DialectName) -> str:
    first_month = _MONTH.format(n="key.top")
    month = _MONTH.format(n="key.top - i")
    order = "s.day_number IS NOT NULL, s.day_number DESC, s.id DESC"
    return f"""
    UNWIND $keys AS key
    MATCH (o:Actor {{id: key.owner}})
    WITH key, o, {_degree("o", "SAID", dialect)} AS total
    CALL {{
      WITH key, o, total
      UNWIND CASE WHEN total > $walk THEN [] ELSE [o] END AS w
      MATCH (w)-[:SAID]->(s:Statement)
      WITH key, s WHERE {_AFTER_CURSOR}
      WITH s ORDER BY {order} LIMIT $first
      RETURN collect(s) AS walked
    }}
    CALL {{
      WITH key, o, total
      {_BUSY}
      MATCH (s:Statement {{speaker_day: w.id + '|'}})
      WITH key, s WHERE {_AFTER_CURSOR}
      WITH s ORDER BY s.id DESC LIMIT $first
      RETURN collect(s) AS undated
    }}
    CALL {{
      WITH key, o, total
      {_BUSY}
      UNWIND range(CASE WHEN key.above THEN -1 ELSE 0 END, $months) AS i
      WITH key, w, CASE WHEN i < 0 THEN w.id + '|' + {first_month} + '~'
                        ELSE w.id + '|' + {month} END AS lo,
           CASE WHEN i < 0 THEN w.id + '|~' ELSE w.id + '|' + {month} + '~' END AS hi
      MATCH (s:Statement) WHERE s.speaker_day >= lo AND s.speaker_day < hi
      WITH key, lo, s WHERE {_AFTER_CURSOR}
      WITH lo LIMIT $first
      RETURN min(lo) AS floor
    }}
    CALL {{
      WITH key, o, total, floor
      {_BUSY}
      MATCH (s:Statement)
      WHERE s.speaker_day >= coalesce(floor, w.id + '|!') AND s.speaker_day < w.id + '|~'
      WITH key, w, s WHERE {_AFTER_CURSOR}
      MATCH (w)-[:SAID]->(s)
      WITH s ORDER BY s.day_number DESC, s.id DESC LIMIT $first
      RETURN collect(s) AS dated
    }}
    WITH key, total, CASE WHEN total > $walk THEN (undated + dated)[0..$first] ELSE walked END
         AS found
    CALL {{
      WITH found
      UNWIND found AS s
      RETURN collect({{id: s.id, sk: {_sk("s")}, node: {_node("Statement", "s")}}}) AS rows
    }}
    RETURN key.key AS key, total, rows[0..key.first] AS rows
    """


ACTOR_STATEMENTS_PLAIN = _define_by_dialect(
    "ACTOR_STATEMENTS_PLAIN",
    {d: _plain_statements(d) for d in ("neo4j", "falkordb")},
    {
        "keys": [{**_OWNER_KEY, "top": 24299, "above": True}],
        "first": 21,
        "walk": 200,
        "months": 1200,
    },
)
# The lists above with such a twin for a batch no key of which is filtered, by name.
PLAIN: dict[str, Statement] = {ACTOR_STATEMENTS.name: ACTOR_STATEMENTS_PLAIN}

ACTOR_ARTICLES = _owner_pages(
    "ACTOR_ARTICLES",
    "MATCH (:Actor {id: key.owner})<-[:MENTIONS]-(n:Article)",
    "n",
    "Article",
)
TOPIC_ARTICLES = _owner_pages(
    "TOPIC_ARTICLES",
    "MATCH (:Topic {id: key.owner})<-[:ABOUT]-(n:Article)",
    "n",
    "Article",
)
TOPIC_MEETINGS = _owner_pages(
    "TOPIC_MEETINGS",
    "MATCH (:Topic {id: key.owner})<-[:ABOUT]-(m:Meeting)",
    "m",
    "Meeting",
)
TOPIC_STATEMENTS = _owner_pages(
    "TOPIC_STATEMENTS",
    "MATCH (:Topic {id: key.owner})<-[:ABOUT]-(s:Statement)",
    "s",
    "Statement",
)

# Whom an actor met, and with whom it is named, from the derived edges the writer keeps: one
# edge per counterpart, however many meetings or articles lie behind it.
_COUNTERPARTS_EXAMPLE = {"keys": [{"key": "0", "owner": "a", "first": 20}]}

COUNTERPARTS = _define(
    "COUNTERPARTS",
    f"""
    UNWIND $keys AS key
    MATCH (:Actor {{id: key.owner}})-[met:MET]-(other:Actor)
    WITH key, other, met
    ORDER BY met.count DESC, coalesce({_iso("met.last_on")}, '') DESC, other.name
    WITH key, collect({{id: other.id, count: met.count, first_on: met.first_on,
                       last_on: met.last_on, node: other {_ACTOR_MAP}}}) AS everyone
    RETURN key.key AS key, everyone[0..key.first] AS rows
    """,
    _COUNTERPARTS_EXAMPLE,
)

CO_MENTIONED = _define(
    "CO_MENTIONED",
    f"""
    UNWIND $keys AS key
    MATCH (:Actor {{id: key.owner}})-[co:CO_MENTIONED]-(other:Actor)
    WITH key, other, co ORDER BY co.count DESC, other.name
    WITH key, collect({{id: other.id, count: co.count, node: other {_ACTOR_MAP}}})
         AS everyone
    RETURN key.key AS key, everyone[0..key.first] AS rows
    """,
    _COUNTERPARTS_EXAMPLE,
)

# Search --------------------------------------------------------------------------------------


def _search(name: str, index: str, label: str) -> Statement:
    forms = _fulltext(index, label, "query", "hit")
    # The hits' nodes come back too (see _node), projected for the best `$first` only.
    tail = f"""
    WITH hit, score ORDER BY score DESC, hit.id LIMIT $first
    RETURN hit.id AS id, score, {_node(label, "hit")} AS node ORDER BY score DESC, id"""
    return _define(
        name,
        forms["neo4j"].replace("YIELD node AS hit", "YIELD node AS hit, score") + tail,
        {"query": "security guarantees", "first": 20},
        variants={
            "falkordb": forms["falkordb"].replace("YIELD node AS hit", "YIELD node AS hit, score")
            + tail
        },
    )


SEARCH_ARTICLES = _search("SEARCH_ARTICLES", "article_text", "Article")
SEARCH_STATEMENTS = _search("SEARCH_STATEMENTS", "statement_text", "Statement")
SEARCH_ACTORS = _search("SEARCH_ACTORS", "actor_names", "Actor")

# Paths ---------------------------------------------------------------------------------------

# Through the facts (meetings, statements, articles, roles); topics and publishers would join
# everything to everything, and the derived MET/CO_MENTIONED edges repeat what the facts say.
_PATH_TYPES = "PARTICIPATED_IN|SAID|MENTIONS|REPORTS|HOLDS_ROLE"
_PATH_ROWS = """
    RETURN [n IN nodes(p) | {id: n.id, labels: labels(n)}] AS nodes,
           [r IN relationships(p) | {type: type(r), start: startNode(r).id}] AS relationships
    LIMIT 1
    """
SHORTEST_PATH = _define(
    "SHORTEST_PATH",
    f"""
    MATCH (a:Actor {{id: $from}})
    MATCH (b:Actor {{id: $to}})
    WITH a, b
    MATCH p = allShortestPaths((a)-[:{_PATH_TYPES}*..6]-(b)){_PATH_ROWS}""",
    {"from": "a", "to": "b"},
)
# Paths of one and of two steps, asked before the search of every shortest path: the engine
# stops at the first one found, where allShortestPaths collects every shortest path first (two
# busy actors share thousands of two-step paths through the articles naming both, a cost that
# grows with the corpus). Tried in order of length, the first found is a shortest path.
# Each starts from the end fewer articles name (their mention tallies' counts, read in a few
# nodes): the engine expands the pattern from its first node, and from a hub that is every
# article naming it (Zelensky to Macron at 100,000 articles: 4.6 ms for two steps from
# Zelensky, 0.9 ms from Macron). The path is returned from whichever end it started at; the
# reader turns it round.
SHORT_PATHS = [
    _define(
        f"PATH_OF_{steps}_STEP{'S' if steps > 1 else ''}",
        f"""
    MATCH (x:Actor {{id: $from}})
    MATCH (y:Actor {{id: $to}})
    OPTIONAL MATCH (tx:MentionTally {{actor: $from}})
    WITH x, y, sum(tx.count) AS nx
    OPTIONAL MATCH (ty:MentionTally {{actor: $to}})
    WITH x, y, nx, sum(ty.count) AS ny
    WITH CASE WHEN nx <= ny THEN x ELSE y END AS a, CASE WHEN nx <= ny THEN y ELSE x END AS b
    MATCH p = (a){pattern}(b){_PATH_ROWS}""",
        {"from": "a", "to": "b"},
    )
    for steps, pattern in (
        # Of the path's relationships only a role joins two actors: one step is a role.
        (1, "-[:HOLDS_ROLE]-"),
        (2, f"-[:{_PATH_TYPES}]-()-[:{_PATH_TYPES}]-"),
    )
]

# Timeline ------------------------------------------------------------------------------------

# An actor's meetings, statements and mentions, oldest first, undated last. Each kind is its
# own keyset page, all three in one statement (one round trip), each item with its node (see
# _node); the resolver merges the three sorted pages.
#
# A hub's meetings and mentions are read through its monthly tallies (see Meeting tallies),
# only from the months that can hold the page: TIMELINE_MONTHS gives each month's count, and the
# reader (graph/reads.py) picks from the first month on until the months after it hold a page.
# Ordering every item of a hub to keep the first 21 read all of them, a cost that grew with the
# corpus: at 100,000 articles Zelensky has 18,490 meetings and 53,757 mentions, and the page took
# 45 ms; through the tallies it reads one month of each (775 and 2,353) in 5 to 8 ms. Statements
# have no tallies: a person says at most a few distinct things a day, so theirs grow with the
# days covered, not with the articles repeating them (1,864 at 100,000, 1.5 ms).
_TIMELINE = {
    "actor": "a",
    "from": None,
    "to": None,
    "after": None,
    "first": 21,
    "meeting_months": ["2024-01"],
    "article_months": ["2024-01"],
    "article_lo": 738886,
    "article_hi": 738887,
}


def _timeline_branch(head: str, var: str, kind: str) -> str:
    # Ordered on the stored day numbers, in the sort key's order (date, undated last as '9999'
    # after '9999-12-31', then id; the kind is the same for the whole branch): building the
    # key string for every item of a busy actor to sort on it costs more, the more items it has
    # (bench/query_shapes.py, timeline_order_on_days). The key is built for the page's items,
    # and for the cursor comparison only when a cursor is given, so any cursor string means
    # what it meant before.
    sk = f"coalesce({var}.day, '9999') + '|{kind}|' + {var}.id"
    return f"""{head}
    WHERE {_in_days(var)}
      AND ($after IS NULL OR {sk} > $after)
    WITH {var} ORDER BY {var}.day_number IS NULL, {var}.day_number, {var}.id LIMIT $first
    RETURN {var}.id AS id, '{kind}' AS kind, {sk} AS sk, {_node(kind, var)} AS node
    """


# The tallies a timeline reads, by the kind they count: their label and their links' type.
_TIMELINE_TALLIES = {
    "Meeting": ("MeetingTally", "TALLIES"),
    "Article": ("MentionTally", "TALLIES_MENTION"),
}


def _through_tallies(var: str, kind: str) -> str:
    label, rel = _TIMELINE_TALLIES[kind]
    return f"""
    MATCH (t:{label} {{actor: $actor}}) WHERE t.month IN ${kind.lower()}_months
    WITH t
    MATCH (t)-[:{rel}]->({var}:{kind})"""


def _timeline_page(name: str, articles: str) -> Statement:
    return _define(
        name,
        "UNION ALL".join(
            [
                _timeline_branch(_through_tallies("m", "Meeting"), "m", "Meeting"),
                # The actor is matched first, on its own: with the date filter below in the
                # same MATCH, FalkorDB scans every node of the other label and traverses back
                # to the actor (a cost that grows with the graph, not with the actor;
                # bench/query_shapes.py, timeline_actor_first).
                _timeline_branch(
                    """
    MATCH (actor:Actor {id: $actor})
    WITH actor
    MATCH (actor)-[:SAID]->(s:Statement)""",
                    "s",
                    "Statement",
                ),
                _timeline_branch(articles, "n", "Article"),
            ]
        ),
        _TIMELINE,
    )


TIMELINE_PAGE = _timeline_page("TIMELINE_PAGE", _through_tallies("n", "Article"))
# The same, its articles read from a window of days at the start of their first month (the
# reader's estimate of where the page lies: reads._article_window) through the articles' day
# index, each checked for the actor: a hub's month of mentions is thousands of articles (2,353
# of Zelensky's at 100,000), a day's worth of all articles about a hundred (1.3 ms instead of
# 2.0 for the branch). The reader falls back to TIMELINE_PAGE when the window held too few.
TIMELINE_PAGE_WINDOWED = _timeline_page(
    "TIMELINE_PAGE_WINDOWED",
    """
    MATCH (n:Article) WHERE n.day_number >= $article_lo AND n.day_number <= $article_hi
    WITH n
    MATCH (n)-[:MENTIONS]->(:Actor {id: $actor})""",
)


# Each month's count of an actor's meetings and of the articles naming it ('' for the undated),
# and how many statements it made (its degree: every SAID relationship ends at a statement), so
# a timeline with no date range has its total without reading an item.
def _timeline_months(dialect: DialectName) -> str:
    tallied = [
        f"""
    MATCH (t:{label} {{actor: $actor}})
    RETURN '{kind}' AS kind, t.month AS month, sum(t.count) AS count
    """
        for kind, (label, _) in _TIMELINE_TALLIES.items()
    ]
    said = f"""
    MATCH (a:Actor {{id: $actor}})
    RETURN 'Statement' AS kind, NULL AS month, {_degree("a", "SAID", dialect)} AS count
    """
    return "UNION ALL".join([*tallied, said])


TIMELINE_MONTHS = _define_by_dialect(
    "TIMELINE_MONTHS",
    {dialect: _timeline_months(dialect) for dialect in ("neo4j", "falkordb")},
    {"actor": "a"},
)


def _timeline_tallied(var: str, kind: str, before: str) -> str:
    """Sections adding up the actor's ``kind`` in the date range: the months wholly inside it
    from the tallies' counts, the one or two months it cuts by counting their items."""
    label, rel = _TIMELINE_TALLIES[kind]
    whole = (
        "($from IS NULL AND $to IS NULL) OR (t.month <> ''"
        " AND ($from_month IS NULL OR t.month > $from_month)"
        " AND ($to_month IS NULL OR t.month < $to_month))"
    )
    return f"""
    OPTIONAL MATCH (t:{label} {{actor: $actor}}) WHERE {whole}
    WITH {before}, sum(t.count) AS whole
    OPTIONAL MATCH (t:{label} {{actor: $actor}})-[:{rel}]->({var}:{kind})
    WHERE t.month IN $cut_months AND {_in_days(var)}
    WITH {before}, whole, count({var}) AS cut
    WITH {before}, whole + cut AS {kind.lower()}s"""


TIMELINE_COUNT = _define(
    "TIMELINE_COUNT",
    f"""
    MATCH (a:Actor {{id: $actor}})
    OPTIONAL MATCH (a)-[:SAID]->(s:Statement) WHERE {_in_days("s")}
    WITH count(s) AS statements
    {_timeline_tallied("m", "Meeting", "statements")}
    {_timeline_tallied("n", "Article", "statements, meetings")}
    RETURN statements + meetings + articles AS total
    """,
    {
        "actor": "a",
        "from": None,
        "to": None,
        "from_month": None,
        "to_month": None,
        "cut_months": [],
    },
)

# ---------------------------------------------------------------------------------------------
# Corrections (mutations). Each is one atomic write.

UPDATE_ACTOR = _define(
    "UPDATE_ACTOR",
    """
    MATCH (a:Actor {id: $id})
    SET a.name = $name, a.description = $description, a.aliases = $aliases, a.keys = $keys,
        a.alias_text = $alias_text
    RETURN a.id AS id
    """,
    {
        "id": "a",
        "name": "A",
        "description": None,
        "aliases": ["B"],
        "keys": ["a", "b"],
        "alias_text": "B",
    },
    write=True,
)


def _move(pattern: str, merge: str) -> str:
    """A section moving one kind of relationship from the merged actor to the kept one."""
    return f"""
    MATCH {pattern}
    MATCH (keep:Actor {{id: $keep}})
    MERGE {merge}
    """


def _kept_in_list(pattern: str, ids: str) -> str:
    """A section naming the kept actor in place of the merged one in the sorted id list
    ``ids`` (``owner.property``) of what ``pattern`` matches."""
    owner = ids.split(".")[0]
    return f"""
    MATCH {pattern} WHERE $merge IN coalesce({ids}, [])
    WITH {owner}, [x IN {ids} WHERE x <> $merge AND x <> $keep] + [$keep] AS kept_
    UNWIND kept_ AS id_
    WITH {owner}, id_ ORDER BY id_
    WITH {owner}, collect(id_) AS kept_
    SET {ids} = kept_
    """


_RECOUNT_MET = [
    # Derived edges of the kept actor are rebuilt from the facts it now has; `side` picks the
    # stored direction, from the smaller id to the larger.
    f"""
    MATCH (keep:Actor {{id: $keep}})-[:PARTICIPATED_IN]->(m:Meeting {{status: 'HELD'}})
          <-[:PARTICIPATED_IN]-(other:Actor)
    WHERE other.id {op} keep.id
    WITH keep, other, count(DISTINCT m) AS meetings, min({_iso("m.date")}) AS first_day,
         max({_iso("m.date")}) AS last_day
    MERGE {edge}
    SET met.count = meetings, met.first_on = date(first_day), met.last_on = date(last_day)
    """
    for op, edge in ((">", "(keep)-[met:MET]->(other)"), ("<", "(other)-[met:MET]->(keep)"))
] + [
    f"""
    MATCH (keep:Actor {{id: $keep}})<-[:MENTIONS]-(shared:Article)-[:MENTIONS]->(other:Actor)
    WHERE other.id {op} keep.id
    WITH keep, other, count(DISTINCT shared) AS articles
    MERGE {edge}
    SET co.count = articles
    """
    for op, edge in (
        (">", "(keep)-[co:CO_MENTIONED]->(other)"),
        ("<", "(other)-[co:CO_MENTIONED]->(keep)"),
    )
]

MERGE_ACTORS = _define_by_dialect(
    "MERGE_ACTORS",
    _joined(
        lambda d: [
            """
    MATCH (keep:Actor {id: $keep})
    MATCH (gone:Actor {id: $merge})
    SET keep.aliases = $aliases, keep.keys = $keys, keep.alias_text = $alias_text,
        keep.description = coalesce(keep.description, gone.description)
    """,
            """
    MATCH (gone:Actor {id: $merge})-[r:PARTICIPATED_IN]->(m:Meeting)
    MATCH (keep:Actor {id: $keep})
    MERGE (keep)-[p:PARTICIPATED_IN]->(m)
    SET p.role = coalesce(p.role, r.role)
    """,
            # A held meeting's counted participants name the merged actor: the kept one takes
            # its place (MET of the kept actor is recounted below).
            _kept_in_list("(:Actor {id: $keep})-[:PARTICIPATED_IN]->(m:Meeting)", "m.met_members"),
            # And the participants each report gave a meeting (what removing the report takes
            # back): the merged actor was given by the reports that named it.
            _kept_in_list(
                "(:Actor {id: $keep})-[:PARTICIPATED_IN]->(:Meeting)<-[rep:REPORTS]-(:Article)",
                "rep.participants",
            ),
            # So do the participant lists a meeting keeps for resolution (loaders.resolution),
            # or a later report naming the kept actor would not be seen as the same meeting.
            """
    MATCH (:Actor {id: $keep})-[:PARTICIPATED_IN]->(m:Meeting)
    WHERE any(g IN coalesce(m.groups, []) WHERE $merge IN split(g, ','))
    WITH m, [g IN m.groups | [x IN split(g, ',') | CASE WHEN x = $merge THEN $keep ELSE x END]]
            AS lists
    SET m.groups = [people IN lists | reduce(s = head(people), x IN tail(people) | s + ',' + x)]
    """,
            # The statement's lookup key names its speaker: it moves with the statement.
            """
    MATCH (gone:Actor {id: $merge})-[:SAID]->(s:Statement)
    MATCH (keep:Actor {id: $keep})
    MERGE (keep)-[:SAID]->(s)
    SET s.speaker_day = $keep + substring(s.speaker_day, size($merge))
    """,
            _move(
                "(gone:Actor {id: $merge})-[r:HOLDS_ROLE]->(o:Actor) WHERE o.id <> $keep",
                "(keep)-[:HOLDS_ROLE {title: r.title}]->(o)",
            ),
            _move(
                "(h:Actor)-[r:HOLDS_ROLE]->(gone:Actor {id: $merge}) WHERE h.id <> $keep",
                "(h)-[:HOLDS_ROLE {title: r.title}]->(keep)",
            ),
            _move("(x:Article)-[:MENTIONS]->(gone:Actor {id: $merge})", "(x)-[:MENTIONS]->(keep)"),
            _move(
                "(x:Statement)-[:MENTIONS]->(gone:Actor {id: $merge})", "(x)-[:MENTIONS]->(keep)"
            ),
            _move(
                "(x:Article)-[:PUBLISHED_BY]->(gone:Actor {id: $merge})",
                "(x)-[:PUBLISHED_BY]->(keep)",
            ),
            """
    MATCH (gone:Actor {id: $merge})
    DETACH DELETE gone
    """,
            """
    MATCH (:Actor {id: $keep})-[old:MET|CO_MENTIONED]-(:Actor)
    DELETE old
    """,
            *_RECOUNT_MET,
            # The kept actor's meetings (the merged one's among them) are tallied again: the
            # merged actor's tallies and pairs lose every link, and go.
            *_tallies_refresh(
                "\n    MATCH (:Actor {id: $keep})-[:PARTICIPATED_IN]->(k_:Meeting)"
                "\n    WITH k_.id AS id",
                d,
            ),
            # So are the articles naming it or published by it.
            *_mention_tallies_refresh(
                "\n    MATCH (:Actor {id: $keep})-[:MENTIONS|PUBLISHED_BY]-(k_:Article)"
                "\n    WITH DISTINCT k_.id AS id",
                d,
            ),
        ],
        "RETURN count(*) AS done",
    ),
    {"keep": "a", "merge": "b", "aliases": ["B"], "keys": ["a", "b"], "alias_text": "B"},
    write=True,
)

# What deleting an article takes with it: the meetings and statements no other article
# reports, and the derived edges its facts and mentions contributed to. Of the facts others
# report too, what it added: its confidence in them, and the participants only it gave (the
# other reports' participant lists: `lists` holds fewer than `others` when a report kept none).
ARTICLE_DELETION_PLAN = _define(
    "ARTICLE_DELETION_PLAN",
    """
    MATCH (art:Article {id: $id})
    OPTIONAL MATCH (art)-[:REPORTS]->(m:Meeting)
    OPTIONAL MATCH (other:Article)-[r:REPORTS]->(m) WHERE other.id <> $id
    WITH art, m, count(other) AS others, collect(r.participants) AS lists,
         collect(r.title) AS titles
    OPTIONAL MATCH (p:Actor)-[:PARTICIPATED_IN]->(m)
    WITH art, m, others, lists, titles, collect(p.id) AS participants
    WITH art, collect({id: m.id, others: others, participants: participants, lists: lists,
                       titles: titles, groups: m.groups, reported: m.reported}) AS meetings
    OPTIONAL MATCH (art)-[:REPORTS]->(s:Statement)
    OPTIONAL MATCH (other:Article)-[:REPORTS]->(s) WHERE other.id <> $id
    WITH art, meetings, s, count(other) AS others
    WITH art, meetings, collect({id: s.id, others: others, reported: s.reported}) AS statements
    OPTIONAL MATCH (art)-[:MENTIONS]->(a:Actor)
    RETURN meetings, statements, collect(a.id) AS mentions
    """,
    {"id": "art-1"},
)

DELETE_ARTICLE = _define_by_dialect(
    "DELETE_ARTICLE",
    _joined(
        lambda d: [
            *_tallies_release("\n    UNWIND $meetings AS id"),
            *_mention_tallies_release("\n    WITH $id AS id"),
            """
    MATCH (m:Meeting) WHERE m.id IN $meetings
    DETACH DELETE m
    """,
            """
    MATCH (s:Statement) WHERE s.id IN $statements
    DETACH DELETE s
    """,
            """
    MATCH (art:Article {id: $id})
    DETACH DELETE art
    """,
            # The facts other articles report too lose what only this one gave them.
            """
    UNWIND $trimmed_meetings AS row
    MATCH (m:Meeting {id: row.id})
    SET m.groups = row.groups, m.reported = row.reported, m.confidence = row.confidence,
        m.title = coalesce(row.title, m.title),
        m.met_members = CASE WHEN m.met_members IS NULL THEN NULL
                             ELSE [x IN m.met_members WHERE NOT x IN row.drop] END
    """,
            """
    UNWIND $trimmed_meetings AS row
    UNWIND row.drop AS actor
    MATCH (:Actor {id: actor})-[p:PARTICIPATED_IN]->(:Meeting {id: row.id})
    DELETE p
    """,
            """
    UNWIND $trimmed_statements AS row
    MATCH (s:Statement {id: row.id})
    SET s.reported = row.reported, s.confidence = row.confidence
    """,
            # The derived edges of the pairs the article's meetings and mentions joined are
            # recounted from the facts left, then the ones that count nothing are deleted.
            # Recounted, not decremented: a count that had drifted is right again after.
            # The delete is a section of its own: FalkorDB (4.16) drops both a SET and a
            # DELETE of the same edge when they share one query part (`SET ... WITH r WHERE
            # ... DELETE r` changed nothing at all).
            """
    UNWIND $met_pairs AS pair
    MATCH (a:Actor {id: pair.left})-[met:MET]->(b:Actor {id: pair.right})
    OPTIONAL MATCH (a)-[:PARTICIPATED_IN]->(m:Meeting {status: 'HELD'})<-[:PARTICIPATED_IN]-(b)
    WITH met, count(DISTINCT m) AS meetings, """
            + f"min({_iso('m.date')}) AS first_day, max({_iso('m.date')}) AS last_day"
            + """
    SET met.count = meetings, met.first_on = date(first_day), met.last_on = date(last_day)
    """,
            """
    UNWIND $met_pairs AS pair
    MATCH (:Actor {id: pair.left})-[met:MET]->(:Actor {id: pair.right})
    WHERE met.count = 0
    DELETE met
    """,
            """
    UNWIND $co_mentioned_pairs AS pair
    MATCH (a:Actor {id: pair.left})-[co:CO_MENTIONED]->(b:Actor {id: pair.right})
    OPTIONAL MATCH (a)<-[:MENTIONS]-(shared:Article)-[:MENTIONS]->(b)
    WITH co, count(DISTINCT shared) AS articles
    SET co.count = articles
    """,
            """
    UNWIND $co_mentioned_pairs AS pair
    MATCH (:Actor {id: pair.left})-[co:CO_MENTIONED]->(:Actor {id: pair.right})
    WHERE co.count = 0
    DELETE co
    """,
            *_tallies_refresh("\n    UNWIND [row_ IN $trimmed_meetings | row_.id] AS id", d),
            *_mention_tallies_refresh(None, d),
        ],
        "RETURN count(*) AS done",
    ),
    {
        "id": "art-1",
        "meetings": ["m"],
        "statements": ["s"],
        "trimmed_meetings": [
            {
                "id": "m2",
                "drop": ["c"],
                "title": "a and b",
                "groups": ["a,b"],
                "reported": ["art-2 0.8000"],
                "confidence": 0.8,
            }
        ],
        "trimmed_statements": [{"id": "s2", "reported": ["art-2 0.8000"], "confidence": 0.8}],
        "met_pairs": [{"left": "a", "right": "b"}],
        "co_mentioned_pairs": [{"left": "a", "right": "b"}],
    },
    write=True,
)

# ---------------------------------------------------------------------------------------------
# The writer lock: resolution reads the graph, plans in Python (statement wording is compared
# there) and then writes, so two loaders must not interleave those steps. A lease on one node
# serialises them on both engines (MERGE on a uniquely constrained id is atomic); an expired
# lease, left by a killed loader, can be taken over, and so can one whose holder is known to be
# gone (graph/locks.py says when).

_LOCK_EXAMPLE = {"owner": "host:1:abc", "now": 0, "expires": 30_000}

WRITER_LOCK_ACQUIRE = _define(
    "WRITER_LOCK_ACQUIRE",
    """
    MERGE (lock:WriterLock {id: 'writer'})
    ON CREATE SET lock.owner = $owner, lock.expires = $expires
    WITH lock
    WHERE lock.owner = $owner OR lock.expires < $now
    SET lock.owner = $owner, lock.expires = $expires
    RETURN lock.owner AS owner
    """,
    _LOCK_EXAMPLE,
    write=True,
    bumps_version=False,
)

WRITER_LOCK_HOLDER = _define(
    "WRITER_LOCK_HOLDER",
    "MATCH (lock:WriterLock {id: 'writer'}) RETURN lock.owner AS owner",
    {},
)

WRITER_LOCK_STEAL = _define(
    "WRITER_LOCK_STEAL",
    """
    MATCH (lock:WriterLock {id: 'writer'})
    WHERE lock.owner = $stale
    SET lock.owner = $owner, lock.expires = $expires
    RETURN lock.owner AS owner
    """,
    {**_LOCK_EXAMPLE, "stale": "host:2:def"},
    write=True,
    bumps_version=False,
)

WRITER_LOCK_RELEASE = _define(
    "WRITER_LOCK_RELEASE",
    """
    MATCH (lock:WriterLock {id: 'writer'})
    WHERE lock.owner = $owner
    DELETE lock
    """,
    {"owner": "host:1:abc"},
    write=True,
    bumps_version=False,
)


# Keyed by the name of the COUNT statement of the list they aggregate (reads.Listing knows it).
AGGREGATES: dict[str, dict[str, Statement]] = {
    name: _aggregates(counted, var, tails)
    for name, counted in list(REGISTRY.items())
    for prefix, (var, tails) in _AGGREGATED.items()
    if name.startswith(prefix) and name.endswith("_COUNT")
}
# The text each was built from (see aggregates_of).
_AGGREGATED_FROM = {name: REGISTRY[name].cypher for name in AGGREGATES}

# Live updates --------------------------------------------------------------------------------
# Which of the nodes a write just added match a subscription's filter: the lists' own filters,
# over the given ids, so a subscription and the list with the same filter agree.


def _added(label: str, search: bool, extra: str = "") -> tuple[str, dict[DialectName, str]]:
    """The text (and its FalkorDB variant) that keeps, of the given ids of ``label``, those
    its list's filter (and ``extra``, a composed filter) selects."""
    if label == "Meeting":
        text = (
            "MATCH (m:Meeting) WHERE m.id IN $ids"
            + _meeting_where(extra)
            + """
    OPTIONAL MATCH (m)<-[:PARTICIPATED_IN]-(p:Actor) WHERE p.id IN $participants
    WITH m, count(DISTINCT p) AS present WHERE present = size($participants)
    RETURN m.id AS id
    """
        )
        return text, {}
    if label == "Statement":
        if not search:
            return "MATCH (s:Statement) WHERE s.id IN $ids" + _statement_where(extra) + _ID_OF_S, {}
        tail = " WITH s WHERE s.id IN $ids " + _statement_where(extra) + _ID_OF_S
        return _STATEMENT_SEARCH["neo4j"] + tail, {"falkordb": _STATEMENT_SEARCH["falkordb"] + tail}
    tail = _ARTICLE_MENTIONS_ALL + _article_where(extra) + " RETURN n.id AS id"
    if not search:
        return "MATCH (n:Article) WHERE n.id IN $ids" + tail, {}
    tail = " WITH n WHERE n.id IN $ids " + tail
    return _ARTICLE_SEARCH["neo4j"] + tail, {"falkordb": _ARTICLE_SEARCH["falkordb"] + tail}


_ID_OF_S = " RETURN s.id AS id"
_ADDED_EXAMPLES: dict[str, dict[str, Any]] = {
    "Meeting": {**_MEETING_FILTER, "ids": ["m"]},
    "Statement": {**_STATEMENT_FILTER, "search": None, "ids": ["s"]},
    "Article": {**_ARTICLE_FILTER, "search": None, "ids": ["n"]},
}


def _define_added(name: str, label: str, search: bool) -> Statement:
    text, variants = _added(label, search)
    example = {**_ADDED_EXAMPLES[label], **({"search": "x"} if search else {})}
    return _define(name, text, example, variants=variants or None)


ADDED_MEETINGS_MATCHING = _define_added("ADDED_MEETINGS_MATCHING", "Meeting", False)
ADDED_STATEMENTS_MATCHING = _define_added("ADDED_STATEMENTS_MATCHING", "Statement", False)
ADDED_STATEMENTS_SEARCH = _define_added("ADDED_STATEMENTS_SEARCH", "Statement", True)
ADDED_ARTICLES_MATCHING = _define_added("ADDED_ARTICLES_MATCHING", "Article", False)
ADDED_ARTICLES_SEARCH = _define_added("ADDED_ARTICLES_SEARCH", "Article", True)


@lru_cache(maxsize=256)
def composed_added(label: str, search: bool, extra: str) -> Statement:
    """The live-update statement of ``label`` with a composed filter ``extra`` ANDed to its
    own (a subscription's AND, OR, NOT). Built once per shape, not registered: the example of
    each composed list checks what `condition` writes."""
    text, variants = _added(label, search, extra)
    name = f"ADDED_{label.upper()}S_{'SEARCH' if search else 'MATCHING'}_COMPOSED"
    return Statement(name, text, _ADDED_EXAMPLES[label], variants=variants, fulltext=search)


# The change log a graph without a broker keeps (Neo4j, Community edition included): one
# ChangeEvent node per added node, numbered by a counter node. The counter is locked (written)
# before it is read, so two writers never take the same numbers; the oldest events past
# $keep are deleted by the write that pushes them out.
EVENTS_APPEND = _define(
    "EVENTS_APPEND",
    """
    MERGE (c:EventCounter {id: 'events'})
    SET c.locked = true
    WITH c, coalesce(c.seq, 0) AS base
    SET c.seq = base + size($events)
    WITH base
    UNWIND range(0, size($events) - 1) AS i
    CREATE (:ChangeEvent {seq: base + i + 1, kind: $events[i].kind, node: $events[i].node})
    WITH base + size($events) - $keep AS floor, count(*) AS _
    OPTIONAL MATCH (old:ChangeEvent) WHERE old.seq <= floor
    DELETE old
    """,
    {"events": [{"kind": "meeting", "node": "m"}], "keep": 10_000},
    write=True,
)

EVENTS_AFTER = _define(
    "EVENTS_AFTER",
    """
    MATCH (e:ChangeEvent)
    WHERE e.kind = $kind AND e.seq > $after
    RETURN e.seq AS seq, e.node AS node
    ORDER BY seq
    LIMIT $count
    """,
    {"kind": "meeting", "after": 0, "count": 100},
)

EVENTS_LAST = _define(
    "EVENTS_LAST",
    "MATCH (c:EventCounter {id: 'events'}) RETURN c.seq AS seq",
    {},
)
