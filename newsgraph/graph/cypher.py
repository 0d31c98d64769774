"""Every Cypher statement newsgraph sends, as named, parameterised constants.

Nothing outside this module writes Cypher. Each statement carries example parameters so the
Neo4j analyser test can declare them, and is registered in ``REGISTRY`` so that test can
enumerate them all. Values from users only ever travel as parameters.

Write statements are composed of sections joined by ``WITH count(*) AS _``: an aggregate always
yields one row, so a section whose UNWIND list is empty does not stop the sections after it, and
the whole article is written by one statement, atomically on both engines.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from newsgraph.graph.dialect import DialectName

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

    def text(self, dialect: DialectName) -> str:
        return self.variants.get(dialect, self.cypher)


def _define(
    name: str,
    cypher: str,
    example: Mapping[str, Any],
    *,
    write: bool = False,
    variants: Mapping[DialectName, str] | None = None,
) -> Statement:
    if name in REGISTRY:
        raise ValueError(f"Cypher statement {name} defined twice")
    statement = Statement(name, cypher.strip(), example, write, dict(variants or {}))
    REGISTRY[name] = statement
    return statement


# ---------------------------------------------------------------------------------------------
# Health and maintenance

PING = _define("PING", "RETURN 1 AS ok", {})

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

DELETE_BATCH = _define(
    "DELETE_BATCH",
    """
    MATCH (n) WITH n LIMIT $limit
    DETACH DELETE n
    RETURN count(*) AS deleted
    """,
    {"limit": 10_000},
    write=True,
)

DUMP_NODES = _define(
    "DUMP_NODES",
    "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props ORDER BY n.id",
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
# Loading: the reads the resolver needs, then one write per article.

# Everything the resolver needs to know about the graph before writing one article, in one
# round trip: which ids exist, the actors' known aliases, and the statements and meetings the
# article's facts may be new reports of (same speaker or participants, same days).
EXISTING_FOR_ARTICLE = _define(
    "EXISTING_FOR_ARTICLE",
    """
    OPTIONAL MATCH (art:Article {id: $article})
    WITH count(art) > 0 AS article_exists
    OPTIONAL MATCH (a:Actor) WHERE a.id IN $actors
    WITH article_exists, collect(a {.id, .aliases}) AS actors
    OPTIONAL MATCH (sp:Actor)-[:SAID]->(s:Statement)
    WHERE sp.id IN $speakers AND (s.date IS NULL OR s.date IN [d IN $days | date(d)])
    WITH article_exists, actors,
         collect(s {.id, .text, .date, speaker: sp.id}) AS statements
    OPTIONAL MATCH (p:Actor)-[:PARTICIPATED_IN]->(m:Meeting)
    WHERE p.id IN $participants AND (m.date IS NULL OR m.date IN [d IN $days | date(d)])
    WITH article_exists, actors, statements, m
    OPTIONAL MATCH (everyone:Actor)-[:PARTICIPATED_IN]->(m)
    WITH article_exists, actors, statements, m, collect(everyone.id) AS members
    RETURN article_exists, actors, statements,
           collect(m {.id, .date, .status, participants: members}) AS meetings
    """,
    {
        "article": "art-0f3a",
        "actors": ["volodymyr-zelensky"],
        "speakers": ["volodymyr-zelensky"],
        "participants": ["volodymyr-zelensky"],
        "days": ["2025-08-23"],
    },
)

_ARTICLE_EXAMPLE: dict[str, Any] = {
    "article": {
        "id": "article:0f3a",
        "url": None,
        "title": "t",
        "published_on": "2025-08-23",
        "published_inferred": False,
        "section": None,
        "language": "en",
        "body": "b",
        "content_hash": "0f3a",
    },
    "actors": [
        {
            "id": "a",
            "name": "A",
            "kind": "PERSON",
            "aliases": [],
            "keys": ["a"],
            "alias_text": "",
            "description": None,
        }
    ],
    "roles": [{"holder": "a", "title": "President", "of": "b"}],
    "topics": [{"id": "topic:ceasefire", "name": "ceasefire"}],
    "published_by": [{"left": "article:0f3a", "right": "a"}],
    "article_mentions": [{"left": "article:0f3a", "right": "a"}],
    "article_topics": [{"left": "article:0f3a", "right": "topic:ceasefire"}],
    "renamed_statements": [{"old": "statement:1", "new": "statement:2"}],
    "renamed_meetings": [{"old": "meeting:0", "new": "meeting:1"}],
    "meetings": [
        {
            "id": "meeting:1",
            "date": "2025-08-23",
            "mode": "PHONE",
            "mode_rank": 3,
            "status": "HELD",
            "status_rank": 3,
            "title": "t",
            "place": None,
            "excerpt": "e",
            "offset": 0,
        }
    ],
    "participants": [{"actor": "a", "meeting": "meeting:1", "role": None}],
    "meeting_topics": [{"left": "meeting:1", "right": "topic:ceasefire"}],
    "statements": [
        {
            "id": "statement:2",
            "speaker": "a",
            "text": "t",
            "date": "2025-08-23",
            "medium": None,
            "language": "en",
            "excerpt": "e",
            "offset": 0,
        }
    ],
    "statement_mentions": [{"left": "statement:2", "right": "a"}],
    "statement_topics": [{"left": "statement:2", "right": "topic:ceasefire"}],
    "met_pairs": [{"left": "a", "right": "b"}],
    "co_mentioned_pairs": [{"left": "a", "right": "b"}],
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


_SECTIONS = [
    """
    MERGE (art:Article {id: $article.id})
    SET art.url = $article.url, art.title = $article.title,
        art.published_on = date($article.published_on),
        art.published_inferred = $article.published_inferred,
        art.section = $article.section, art.language = $article.language,
        art.body = $article.body, art.content_hash = $article.content_hash
    """,
    # Labels cannot be parameters in Cypher both engines run, so each actor kind gets its own
    # section over the rows of that kind.
    *(
        f"""
    UNWIND [row IN $actors WHERE row.kind = '{kind}'] AS row
    MERGE (a:Actor {{id: row.id}})
    ON CREATE SET a.kind = row.kind
    SET a:{label}, a.name = row.name, a.aliases = row.aliases, a.keys = row.keys,
        a.alias_text = row.alias_text,
        a.description = coalesce(row.description, a.description)
    """
        for kind, label in _ACTOR_KIND_LABEL.items()
    ),
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
    # A statement reported again in other words may take a new id (see loaders.resolution);
    # renaming keeps its relationships and reports.
    """
    UNWIND $renamed_statements AS row
    MATCH (s:Statement {id: row.old})
    SET s.id = row.new
    """,
    """
    UNWIND $renamed_meetings AS row
    MATCH (m:Meeting {id: row.old})
    SET m.id = row.new
    """,
    # Ranks make the merge of two reports order-independent: the more specific mode and the
    # firmer status win whichever article is loaded first.
    """
    UNWIND $meetings AS row
    MERGE (m:Meeting {id: row.id})
    ON CREATE SET m.mode_rank = -1, m.status_rank = -1
    SET m.date = date(row.date),
        m.mode = CASE WHEN row.mode_rank > m.mode_rank THEN row.mode ELSE m.mode END,
        m.status = CASE WHEN row.status_rank > m.status_rank THEN row.status ELSE m.status END,
        m.title = CASE WHEN m.title IS NULL OR size(row.title) > size(m.title)
                         OR (size(row.title) = size(m.title) AND row.title < m.title)
                       THEN row.title ELSE m.title END,
        m.place = coalesce(m.place, row.place)
    SET m.mode_rank = CASE WHEN row.mode_rank > m.mode_rank THEN row.mode_rank
                           ELSE m.mode_rank END,
        m.status_rank = CASE WHEN row.status_rank > m.status_rank THEN row.status_rank
                             ELSE m.status_rank END
    WITH m, row
    MATCH (art:Article {id: $article.id})
    MERGE (art)-[rep:REPORTS]->(m)
    SET rep.excerpt = row.excerpt, rep.offset = row.offset
    """,
    """
    UNWIND $participants AS row
    MATCH (a:Actor {id: row.actor}), (m:Meeting {id: row.meeting})
    MERGE (a)-[p:PARTICIPATED_IN]->(m)
    SET p.role = CASE WHEN p.role IS NULL OR (row.role IS NOT NULL AND row.role < p.role)
                      THEN row.role ELSE p.role END
    """,
    _link("meeting_topics", "Meeting", "ABOUT", "Topic"),
    """
    UNWIND $statements AS row
    MERGE (s:Statement {id: row.id})
    SET s.text = row.text, s.date = date(row.date), s.language = row.language,
        s.medium = coalesce(s.medium, row.medium)
    WITH s, row
    MATCH (art:Article {id: $article.id}), (speaker:Actor {id: row.speaker})
    MERGE (art)-[rep:REPORTS]->(s)
    SET rep.excerpt = row.excerpt, rep.offset = row.offset
    MERGE (speaker)-[:SAID]->(s)
    """,
    _link("statement_mentions", "Statement", "MENTIONS", "Actor"),
    _link("statement_topics", "Statement", "ABOUT", "Topic"),
    # Derived edges are recomputed from the facts, never incremented, so a re-load cannot
    # inflate a count. Pairs are stored once, from the smaller id to the larger.
    """
    UNWIND $met_pairs AS pair
    MATCH (a:Actor {id: pair.left}), (b:Actor {id: pair.right})
    OPTIONAL MATCH (a)-[:PARTICIPATED_IN]->(m:Meeting {status: 'HELD'})<-[:PARTICIPATED_IN]-(b)
    WITH a, b, count(m) AS meetings, min(m.date) AS first_on, max(m.date) AS last_on
    WHERE meetings > 0
    MERGE (a)-[met:MET]->(b)
    SET met.count = meetings, met.first_on = first_on, met.last_on = last_on
    """,
    # Counting shared articles would read every article of a busy actor on each write, so
    # the count grows by one per new article instead; the writer sends these pairs only for an
    # article the graph did not have yet.
    """
    UNWIND $co_mentioned_pairs AS pair
    MATCH (a:Actor {id: pair.left}), (b:Actor {id: pair.right})
    MERGE (a)-[co:CO_MENTIONED]->(b)
    SET co.count = coalesce(co.count, 0) + 1
    """,
]

WRITE_ARTICLE = _define(
    "WRITE_ARTICLE",
    "WITH count(*) AS _".join(_SECTIONS) + "RETURN count(*) AS sections",
    _ARTICLE_EXAMPLE,
    write=True,
)

# ---------------------------------------------------------------------------------------------
# Reads for the GraphQL API. Lookups take a list of keys and answer one row per hit with its
# `key`, so one call serves a whole DataLoader batch.

_IDS = {"ids": ["x"]}

ARTICLES_BY_ID = _define(
    "ARTICLES_BY_ID",
    """
    UNWIND $ids AS key
    MATCH (n:Article {id: key})
    OPTIONAL MATCH (n)-[:PUBLISHED_BY]->(p:Actor)
    RETURN key, n {.id, .url, .title, .published_on, .published_inferred, .section,
                   .language, .body, publisher: p.name} AS node
    """,
    _IDS,
)

ARTICLES_BY_URL = _define(
    "ARTICLES_BY_URL",
    "UNWIND $urls AS key MATCH (n:Article {url: key}) RETURN key, n.id AS id",
    {"urls": ["https://example.org/a"]},
)

ACTORS_BY_ID = _define(
    "ACTORS_BY_ID",
    """
    UNWIND $ids AS key
    MATCH (n:Actor {id: key})
    RETURN key, n {.id, .name, .kind, .aliases, .description} AS node
    """,
    _IDS,
)

ACTORS_BY_NAME = _define(
    "ACTORS_BY_NAME",
    """
    UNWIND $names AS key
    MATCH (n:Actor) WHERE key IN n.keys
    RETURN key, n.id AS id
    ORDER BY n.id
    """,
    {"names": ["zelensky"]},
)

MEETINGS_BY_ID = _define(
    "MEETINGS_BY_ID",
    """
    UNWIND $ids AS key
    MATCH (n:Meeting {id: key})
    RETURN key, n {.id, .title, .date, .mode, .status, .place} AS node
    """,
    _IDS,
)

STATEMENTS_BY_ID = _define(
    "STATEMENTS_BY_ID",
    """
    UNWIND $ids AS key
    MATCH (n:Statement {id: key})
    OPTIONAL MATCH (speaker:Actor)-[:SAID]->(n)
    RETURN key, n {.id, .text, .date, .medium, .language, speaker: speaker.id} AS node
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
    """
    UNWIND $ids AS key
    MATCH (:Actor {id: key})-[r:HOLDS_ROLE]->(o:Actor)
    RETURN key, r.title AS title, o.id AS of
    ORDER BY key, title, of
    """,
    _IDS,
)

PARTICIPANTS_BY_MEETING = _define(
    "PARTICIPANTS_BY_MEETING",
    """
    UNWIND $ids AS key
    MATCH (a:Actor)-[p:PARTICIPATED_IN]->(:Meeting {id: key})
    RETURN key, a.id AS actor, p.role AS role
    ORDER BY key, a.name
    """,
    _IDS,
)

REPORTS_OF_MEETINGS = _define(
    "REPORTS_OF_MEETINGS",
    """
    UNWIND $ids AS key
    MATCH (art:Article)-[r:REPORTS]->(:Meeting {id: key})
    RETURN key, art.id AS article, r.excerpt AS excerpt, r.offset AS offset
    ORDER BY key, art.published_on, art.id
    """,
    _IDS,
)

REPORTS_OF_STATEMENTS = _define(
    "REPORTS_OF_STATEMENTS",
    """
    UNWIND $ids AS key
    MATCH (art:Article)-[r:REPORTS]->(:Statement {id: key})
    RETURN key, art.id AS article, r.excerpt AS excerpt, r.offset AS offset
    ORDER BY key, art.published_on, art.id
    """,
    _IDS,
)

TOPICS_OF_MEETINGS = _define(
    "TOPICS_OF_MEETINGS",
    """
    UNWIND $ids AS key
    MATCH (:Meeting {id: key})-[:ABOUT]->(t:Topic)
    RETURN key, t.id AS id ORDER BY key, t.name
    """,
    _IDS,
)

TOPICS_OF_STATEMENTS = _define(
    "TOPICS_OF_STATEMENTS",
    """
    UNWIND $ids AS key
    MATCH (:Statement {id: key})-[:ABOUT]->(t:Topic)
    RETURN key, t.id AS id ORDER BY key, t.name
    """,
    _IDS,
)

TOPICS_OF_ARTICLES = _define(
    "TOPICS_OF_ARTICLES",
    """
    UNWIND $ids AS key
    MATCH (:Article {id: key})-[:ABOUT]->(t:Topic)
    RETURN key, t.id AS id ORDER BY key, t.name
    """,
    _IDS,
)

MENTIONS_OF_STATEMENTS = _define(
    "MENTIONS_OF_STATEMENTS",
    """
    UNWIND $ids AS key
    MATCH (:Statement {id: key})-[:MENTIONS]->(a:Actor)
    RETURN key, a.id AS id ORDER BY key, a.name
    """,
    _IDS,
)

MENTIONS_OF_ARTICLES = _define(
    "MENTIONS_OF_ARTICLES",
    """
    UNWIND $ids AS key
    MATCH (:Article {id: key})-[:MENTIONS]->(a:Actor)
    RETURN key, a.id AS id ORDER BY key, a.name
    """,
    _IDS,
)

# Connections. Pages are keyset-paginated on a sort key `sk` (date, then id), so a cursor
# stays valid while articles are added. `$first` is one more than the page size: the extra
# row tells whether there is a next page.

_PAGE = {"after": None, "first": 21}

ARTICLE_PAGE = _define(
    "ARTICLE_PAGE",
    """
    MATCH (n:Article)
    WITH n, coalesce(toString(n.published_on), '') + '|' + n.id AS sk
    WHERE $after IS NULL OR sk < $after
    RETURN n.id AS id, sk ORDER BY sk DESC LIMIT $first
    """,
    _PAGE,
)

ARTICLE_COUNT = _define("ARTICLE_COUNT", "MATCH (n:Article) RETURN count(n) AS total", {})

_ACTOR_FILTER = {"kind": None, "name": None}

ACTOR_PAGE = _define(
    "ACTOR_PAGE",
    """
    MATCH (n:Actor)
    WHERE ($kind IS NULL OR n.kind = $kind)
      AND ($name IS NULL OR any(k IN n.keys WHERE k CONTAINS $name))
    WITH n, toLower(n.name) + '|' + n.id AS sk
    WHERE $after IS NULL OR sk > $after
    RETURN n.id AS id, sk ORDER BY sk LIMIT $first
    """,
    {**_ACTOR_FILTER, **_PAGE},
)

ACTOR_COUNT = _define(
    "ACTOR_COUNT",
    """
    MATCH (n:Actor)
    WHERE ($kind IS NULL OR n.kind = $kind)
      AND ($name IS NULL OR any(k IN n.keys WHERE k CONTAINS $name))
    RETURN count(n) AS total
    """,
    _ACTOR_FILTER,
)

# Meetings. With participants, the match starts from those (indexed) actors and keeps the
# meetings every one of them took part in; without, it scans meetings.
_MEETING_FILTER = {
    "participants": ["a"],
    "from": None,
    "to": None,
    "mode": None,
    "status": None,
    "topic": None,
}

_MEETINGS_OF_ALL = """
    MATCH (a:Actor)-[:PARTICIPATED_IN]->(m:Meeting) WHERE a.id IN $participants
    WITH m, count(DISTINCT a) AS present WHERE present = size($participants)
"""

_MEETING_WHERE = """
    WITH m
    WHERE ($from IS NULL OR m.date >= date($from))
      AND ($to IS NULL OR m.date <= date($to))
      AND ($mode IS NULL OR m.mode = $mode)
      AND ($status IS NULL OR m.status = $status)
      AND ($topic IS NULL OR (m)-[:ABOUT]->(:Topic {id: $topic}))
"""

_MEETING_PAGE_TAIL = """
    WITH m, coalesce(toString(m.date), '') + '|' + m.id AS sk
    WHERE $after IS NULL OR sk < $after
    RETURN m.id AS id, sk ORDER BY sk DESC LIMIT $first
"""

MEETING_PAGE = _define(
    "MEETING_PAGE",
    "MATCH (m:Meeting)" + _MEETING_WHERE + _MEETING_PAGE_TAIL,
    {**_MEETING_FILTER, **_PAGE},
)

MEETING_PAGE_WITH = _define(
    "MEETING_PAGE_WITH",
    _MEETINGS_OF_ALL + _MEETING_WHERE + _MEETING_PAGE_TAIL,
    {**_MEETING_FILTER, **_PAGE},
)

MEETING_COUNT = _define(
    "MEETING_COUNT",
    "MATCH (m:Meeting)" + _MEETING_WHERE + "RETURN count(m) AS total",
    _MEETING_FILTER,
)

MEETING_COUNT_WITH = _define(
    "MEETING_COUNT_WITH",
    _MEETINGS_OF_ALL + _MEETING_WHERE + "RETURN count(m) AS total",
    _MEETING_FILTER,
)

_STATEMENT_FILTER = {"speaker": None, "topic": None, "from": None, "to": None, "search": None}

_STATEMENT_WHERE = """
    WHERE ($speaker IS NULL OR (:Actor {id: $speaker})-[:SAID]->(s))
      AND ($topic IS NULL OR (s)-[:ABOUT]->(:Topic {id: $topic}))
      AND ($from IS NULL OR s.date >= date($from))
      AND ($to IS NULL OR s.date <= date($to))
      AND ($search IS NULL OR toLower(s.text) CONTAINS $search)
"""

STATEMENT_PAGE = _define(
    "STATEMENT_PAGE",
    f"""
    MATCH (s:Statement)
    {_STATEMENT_WHERE}
    WITH s, coalesce(toString(s.date), '') + '|' + s.id AS sk
    WHERE $after IS NULL OR sk < $after
    RETURN s.id AS id, sk ORDER BY sk DESC LIMIT $first
    """,
    {**_STATEMENT_FILTER, **_PAGE},
)

STATEMENT_COUNT = _define(
    "STATEMENT_COUNT",
    f"MATCH (s:Statement) {_STATEMENT_WHERE} RETURN count(s) AS total",
    _STATEMENT_FILTER,
)

# One actor's meetings or statements, for many actors at once: each key carries its actor,
# cursor and page size, and the page is cut from the actor's sorted list.
ACTOR_MEETINGS = _define(
    "ACTOR_MEETINGS",
    """
    UNWIND $keys AS key
    MATCH (:Actor {id: key.actor})-[:PARTICIPATED_IN]->(m:Meeting)
    WITH key, m, coalesce(toString(m.date), '') + '|' + m.id AS sk
    WHERE key.after IS NULL OR sk < key.after
    WITH key, m, sk ORDER BY sk DESC
    WITH key, collect({id: m.id, sk: sk}) AS rows
    RETURN key.key AS key, rows[0..key.first] AS rows, size(rows) AS remaining
    """,
    {"keys": [{"key": "k", "actor": "a", "after": None, "first": 21}]},
)

ACTOR_STATEMENTS = _define(
    "ACTOR_STATEMENTS",
    """
    UNWIND $keys AS key
    MATCH (:Actor {id: key.actor})-[:SAID]->(s:Statement)
    WITH key, s, coalesce(toString(s.date), '') + '|' + s.id AS sk
    WHERE key.after IS NULL OR sk < key.after
    WITH key, s, sk ORDER BY sk DESC
    WITH key, collect({id: s.id, sk: sk}) AS rows
    RETURN key.key AS key, rows[0..key.first] AS rows, size(rows) AS remaining
    """,
    {"keys": [{"key": "k", "actor": "a", "after": None, "first": 21}]},
)

ACTOR_FACT_COUNTS = _define(
    "ACTOR_FACT_COUNTS",
    """
    UNWIND $ids AS key
    MATCH (a:Actor {id: key})
    OPTIONAL MATCH (a)-[:PARTICIPATED_IN]->(m:Meeting)
    WITH key, a, count(m) AS meetings
    OPTIONAL MATCH (a)-[:SAID]->(s:Statement)
    RETURN key, meetings, count(s) AS statements
    """,
    _IDS,
)
