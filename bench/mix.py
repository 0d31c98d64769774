"""The fixed query mix of the API benchmark: nine operations, each as a GraphQL document with
variables and as the Cypher a developer would write by hand to return the same data.

The hand-written Cypher is one parameterised statement per operation, shaped into the JSON the
client gets (FalkorDB dialect: ``CALL { WITH ... }`` subqueries). ``bench/direct.py`` serves it;
``normalise`` turns a GraphQL response into the same shape (connections' ``edges { node }``
become ``items``, cursors are decoded to the keyset position they carry), so
``compare(op, graphql_data, direct_json)`` can check that both answer the same thing.

Actors come from bench/corpus.py, which draws PERSON actors with roles from
data/reference/actors.toml with weights 1/(rank+1): the top-ranked one is in most articles, the
mid-ranked one in a few percent of them, so every result is non-empty from 1,000 articles on.
The structured corpus stores canonical names without aliases, so the mix uses canonical names.
As the API does, the Cypher filters and orders dates on the stored day numbers, and writes them
from the stored ISO days (`toString(date)` writes years below 1000 unpadded on FalkorDB).

    .venv/bin/python bench/mix.py            # print the mix (GraphQL bodies and direct bodies)
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ARTICLES_AFTER",
    "COUNTERPART",
    "MID_ACTOR",
    "MIX",
    "PARTNER",
    "TOP_ACTOR",
    "Op",
    "compare",
    "graphql_cursor",
    "normalise",
    "op_named",
]

# Rank 0 of the 68 PERSON actors with roles: Zelensky (at 1,000 articles: ~300 meetings, ~390
# statements, 57 counterparts).
TOP_ACTOR = "Volodymyr Zelensky"
# Rank 30 of 68: Macron, the far end of the path query.
MID_ACTOR = "Emmanuel Macron"
# Rank 10 of 68: Trump, whose statements and mentions the aggregates read.
PARTNER = "Donald Trump"
# Zelensky's most frequent counterpart, the meetings query's second participant: 46 meetings
# with him at 1,000 articles, so the page is full (20) at every corpus size, and its growth
# compares the same work. (Trump, before, met him 4 times in the range at 1,000 articles: the
# page grew from 4 meetings to 20 and its time with it.)
COUNTERPART = "Andriy Yermak"
# The corpus spans 2024-01-01 .. 2025-12-30; a year in the middle of it.
DATE_FROM, DATE_TO = "2024-06-01", "2025-06-30"
# A keyset position between days (what an endCursor carries, without depending on article ids):
# the page holds the newest articles published before 2025-01-01.
ARTICLES_AFTER = "2025-01-01"
SEARCH_WORDS = "ceasefire"
PAGE = 20
TOP_N = 10


def _day_number(day: str) -> int:
    """The graph filters and orders dates on day numbers (see newsgraph/graph/cypher.py)."""
    return dt.date.fromisoformat(day).toordinal()


def graphql_cursor(sort_key: str) -> str:
    """The API's opaque cursor for a keyset position (newsgraph.schema.relay.encode_cursor)."""
    return base64.urlsafe_b64encode(f"c:{sort_key}".encode()).decode().rstrip("=")


def _decode_cursor(cursor: str) -> str:
    text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    return text.removeprefix("c:")


@dataclass(frozen=True)
class Op:
    """One operation of the mix, as GraphQL and as hand-written Cypher."""

    name: str
    description: str
    document: str
    variables: Mapping[str, Any]
    # The direct route's body: the Cypher parameters, all of them (nothing is interpolated).
    params: Mapping[str, Any]
    cypher: str
    # The top-level key of the answer (GraphQL `data` key; the direct route answers {key: ...}).
    key: str
    # Paths (dotted, into the normalised answer) that must hold a non-empty list or a value.
    non_empty: tuple[str, ...] = field(default_factory=tuple)

    def graphql_body(self) -> dict[str, Any]:
        return {"query": self.document, "variables": dict(self.variables), "operationName": None}

    def direct_body(self) -> dict[str, Any]:
        return dict(self.params)

    @property
    def direct_path(self) -> str:
        return f"/direct/{self.name}"


# As a client shows coverage: the first few reports and how many there are. A well-covered fact
# has hundreds of reports on the 100,000-article graph; a query for all of them is a query for
# an answer that grows with coverage (README, Performance).
REPORTS_SHOWN = 3
_REPORTS_FIELDS = (
    f"reportCount reports(first: {REPORTS_SHOWN}) "
    "{ excerpt article { title publisher publishedOn } }"
)

# The oldest $reports reports of one meeting or statement `x` and their number, in the API's
# order.
_REPORTS_CYPHER = """
    CALL {
      WITH x
      OPTIONAL MATCH (:Article)-[counted:REPORTS]->(x)
      RETURN count(counted) AS reportCount
    }
    CALL {
      WITH x
      OPTIONAL MATCH (art:Article)-[rep:REPORTS]->(x)
      WITH art, rep ORDER BY art.day_number, art.id LIMIT $reports
      OPTIONAL MATCH (art)-[:PUBLISHED_BY]->(pub:Actor)
      WITH art, rep, pub ORDER BY art.day_number, art.id
      RETURN collect(CASE WHEN art IS NULL THEN NULL ELSE
        {excerpt: rep.excerpt,
         article: {title: art.title, publisher: pub.name,
                   publishedOn: art.day}} END) AS reports
    }"""

ACTOR = Op(
    name="actor",
    description="an actor with roles, counterparts and statements (first 10), their first "
    "reports and report counts",
    document=f"""query ActorOverview($name: String!) {{
  actor(name: $name) {{
    name kind description
    roles {{ title of {{ name }} }}
    counterparts(first: {TOP_N}) {{ actor {{ name }} meetingCount lastMetOn }}
    statements(first: {TOP_N}) {{
      totalCount
      edges {{ node {{ text date medium {_REPORTS_FIELDS} }} }}
    }}
  }}
}}""",
    variables={"name": TOP_ACTOR},
    params={"name": TOP_ACTOR, "first": TOP_N, "reports": REPORTS_SHOWN},
    cypher=f"""
    MATCH (a:Actor) WHERE toLower($name) IN a.keys
    WITH a ORDER BY a.id LIMIT 1
    CALL {{
      WITH a
      OPTIONAL MATCH (a)-[r:HOLDS_ROLE]->(o:Actor)
      WITH r, o ORDER BY r.title, o.id
      RETURN collect(CASE WHEN r IS NULL THEN NULL
                          ELSE {{title: r.title, of: {{name: o.name}}}} END) AS roles
    }}
    CALL {{
      WITH a
      OPTIONAL MATCH (a)-[met:MET]-(other:Actor)
      WITH met, other
      ORDER BY met.count DESC, coalesce(right('000' + toString(met.last_on), 10), '') DESC,
               other.name
      LIMIT $first
      RETURN collect(CASE WHEN met IS NULL THEN NULL ELSE
        {{actor: {{name: other.name}}, meetingCount: met.count,
         lastMetOn: right('000' + toString(met.last_on), 10)}} END) AS counterparts
    }}
    CALL {{
      WITH a
      OPTIONAL MATCH (a)-[:SAID]->(s:Statement)
      RETURN count(s) AS total
    }}
    CALL {{
      WITH a
      MATCH (a)-[:SAID]->(x:Statement)
      WITH x ORDER BY x.day_number DESC, x.id DESC LIMIT $first
      {_REPORTS_CYPHER}
      RETURN collect({{text: x.text, date: x.day, medium: x.medium,
                      reportCount: reportCount, reports: reports}}) AS statements
    }}
    RETURN {{name: a.name, kind: a.kind, description: a.description, roles: roles,
            counterparts: counterparts,
            statements: {{totalCount: total, items: statements}}}} AS actor
    """,
    key="actor",
    non_empty=("actor.counterparts", "actor.statements.items", "actor.statements.items.0.reports"),
)

MEETINGS = Op(
    name="meetings",
    description="meetings with all of two participants in a date range, their first reports "
    "and report counts",
    document=f"""query MeetingsBetween($participants: [String!]!, $from: Date!, $to: Date!) {{
  meetings(filter: {{participants: $participants, from: $from, to: $to}}, first: {PAGE}) {{
    totalCount
    edges {{ node {{
      title date mode status place
      participants {{ role actor {{ name }} }}
      {_REPORTS_FIELDS}
    }} }}
  }}
}}""",
    variables={"participants": [TOP_ACTOR, COUNTERPART], "from": DATE_FROM, "to": DATE_TO},
    params={
        "participants": [TOP_ACTOR, COUNTERPART],
        "from": _day_number(DATE_FROM),
        "to": _day_number(DATE_TO),
        "first": PAGE,
        "reports": REPORTS_SHOWN,
    },
    cypher=f"""
    UNWIND $participants AS wanted
    MATCH (a:Actor) WHERE toLower(wanted) IN a.keys
    WITH collect(DISTINCT a) AS people
    UNWIND people AS a
    MATCH (a)-[:PARTICIPATED_IN]->(m:Meeting)
    WHERE m.day_number >= $from AND m.day_number <= $to
    WITH people, m, count(DISTINCT a) AS present
    WHERE present = size(people) AND size(people) = size($participants)
    WITH m ORDER BY m.day_number DESC, m.id DESC
    WITH collect(m) AS found
    CALL {{
      WITH found
      UNWIND found[0..$first] AS x
      CALL {{
        WITH x
        MATCH (p:Actor)-[part:PARTICIPATED_IN]->(x)
        WITH p, part ORDER BY p.name
        RETURN collect({{role: part.role, actor: {{name: p.name}}}}) AS participants
      }}
      {_REPORTS_CYPHER}
      RETURN collect({{title: x.title, date: x.day, mode: x.mode, status: x.status,
                      place: x.place, participants: participants,
                      reportCount: reportCount, reports: reports}}) AS items
    }}
    RETURN {{totalCount: size(found), items: items}} AS meetings
    """,
    key="meetings",
    non_empty=("meetings.items", "meetings.items.0.participants", "meetings.items.0.reports"),
)

SEARCH = Op(
    name="search",
    description="full-text search over articles, statements and actors, best 10",
    document=f"""query Search($query: String!) {{
  search(query: $query, first: {TOP_N}) {{
    score
    node {{
      __typename
      ... on Article {{ title publishedOn }}
      ... on Statement {{ text date }}
      ... on Actor {{ name }}
    }}
  }}
}}""",
    variables={"query": SEARCH_WORDS},
    params={"query": SEARCH_WORDS, "first": TOP_N},
    # Each index's best, then merged by score (scores of different indexes are not on one scale,
    # which the API accepts too), ties by type and id as the API breaks them.
    cypher="""
    CALL {
      CALL db.idx.fulltext.queryNodes('Article', $query) YIELD node, score
      WITH node, score ORDER BY score DESC, node.id LIMIT $first
      RETURN node, score, 'Article' AS type
      UNION ALL
      CALL db.idx.fulltext.queryNodes('Statement', $query) YIELD node, score
      WITH node, score ORDER BY score DESC, node.id LIMIT $first
      RETURN node, score, 'Statement' AS type
      UNION ALL
      CALL db.idx.fulltext.queryNodes('Actor', $query) YIELD node, score
      WITH node, score ORDER BY score DESC, node.id LIMIT $first
      RETURN node, score, 'Actor' AS type
    }
    WITH node, score, type ORDER BY score DESC, type, node.id LIMIT $first
    RETURN collect({score: score, node: CASE type
      WHEN 'Article' THEN {__typename: type, title: node.title,
                           publishedOn: node.day}
      WHEN 'Statement' THEN {__typename: type, text: node.text, date: node.day}
      ELSE {__typename: type, name: node.name} END}) AS search
    """,
    key="search",
    non_empty=("search",),
)

# The API asks for a path of one step, then of two, then searches every shortest path (the
# engine stops at the first path of a fixed length found, while allShortestPaths collects
# them all). The mix's two actors are two steps apart at every corpus size (named in the same
# articles; the check requires a path), so the hand-written Cypher asks for two steps.
PATH = Op(
    name="path",
    description="the shortest chain between two actors through meetings, statements, articles",
    document="""query Path($from: String!, $to: String!) {
  path(from: $from, to: $to) {
    length
    nodes {
      __typename
      ... on Actor { name }
      ... on Article { title }
      ... on Meeting { title date }
      ... on Statement { text date }
    }
    steps { relationship forward }
  }
}""",
    variables={"from": MID_ACTOR, "to": TOP_ACTOR},
    params={"from": MID_ACTOR, "to": TOP_ACTOR},
    cypher="""
    MATCH (a:Actor) WHERE toLower($from) IN a.keys
    WITH a ORDER BY a.id LIMIT 1
    MATCH (b:Actor) WHERE toLower($to) IN b.keys
    WITH a, b ORDER BY b.id LIMIT 1
    MATCH p = (a)-[:PARTICIPATED_IN|SAID|MENTIONS|REPORTS|HOLDS_ROLE]-()
              -[:PARTICIPATED_IN|SAID|MENTIONS|REPORTS|HOLDS_ROLE]-(b)
    WITH p LIMIT 1
    WITH p, nodes(p) AS ns, relationships(p) AS rs
    RETURN {length: size(rs),
            nodes: [n IN ns | CASE
              WHEN n:Actor THEN {__typename: 'Actor', name: n.name}
              WHEN n:Article THEN {__typename: 'Article', title: n.title}
              WHEN n:Meeting THEN {__typename: 'Meeting', title: n.title,
                                   date: n.day}
              ELSE {__typename: 'Statement', text: n.text, date: n.day} END],
            steps: [i IN range(0, size(rs) - 1) |
                    {relationship: type(rs[i]), forward: startNode(rs[i]) = ns[i]}]} AS path
    """,
    key="path",
    non_empty=("path.steps",),
)

TIMELINE = Op(
    name="timeline",
    description="an actor's meetings, statements and mentions, oldest first (first 20)",
    document=f"""query Timeline($actor: String!) {{
  timeline(actor: $actor, first: {PAGE}) {{
    totalCount
    pageInfo {{ hasNextPage endCursor }}
    edges {{ node {{
      __typename
      ... on Meeting {{ title date }}
      ... on Statement {{ text date }}
      ... on Article {{ title publishedOn }}
    }} }}
  }}
}}""",
    variables={"actor": TOP_ACTOR},
    params={"actor": TOP_ACTOR, "first": PAGE},
    # Sorted like the API: by day (undated last), then kind, then id; the sort key is the cursor.
    cypher="""
    MATCH (a:Actor) WHERE toLower($actor) IN a.keys
    WITH a ORDER BY a.id LIMIT 1
    CALL {
      WITH a
      MATCH (a)-[:PARTICIPATED_IN]->(x:Meeting)
      RETURN x, 'Meeting' AS kind, coalesce(x.day, '9999') AS day
      UNION ALL
      WITH a
      MATCH (a)-[:SAID]->(x:Statement)
      RETURN x, 'Statement' AS kind, coalesce(x.day, '9999') AS day
      UNION ALL
      WITH a
      MATCH (a)<-[:MENTIONS]-(x:Article)
      RETURN x, 'Article' AS kind, coalesce(x.day, '9999') AS day
    }
    WITH x, kind, day + '|' + kind + '|' + x.id AS sk
    ORDER BY sk
    WITH collect({x: x, kind: kind, sk: sk}) AS everything
    WITH everything, everything[0..$first] AS page
    RETURN {totalCount: size(everything),
            pageInfo: {hasNextPage: size(everything) > $first,
                       endCursor: CASE WHEN size(page) = 0 THEN NULL
                                  ELSE page[size(page) - 1].sk END},
            items: [row IN page | CASE row.kind
              WHEN 'Meeting' THEN {__typename: row.kind, title: row.x.title,
                                   date: row.x.day}
              WHEN 'Statement' THEN {__typename: row.kind, text: row.x.text,
                                     date: row.x.day}
              ELSE {__typename: row.kind, title: row.x.title,
                    publishedOn: row.x.day} END]} AS timeline
    """,
    key="timeline",
    non_empty=("timeline.items",),
)

ARTICLES = Op(
    name="articles",
    description="a page of articles (first 20, after a cursor), newest first, with the total",
    document=f"""query ArticlesPage($after: String) {{
  articles(first: {PAGE}, after: $after) {{
    totalCount
    pageInfo {{ hasNextPage endCursor }}
    edges {{ node {{ title publisher publishedOn section }} }}
  }}
}}""",
    variables={"after": graphql_cursor(ARTICLES_AFTER)},
    params={"after": ARTICLES_AFTER, "first": PAGE, "limit": PAGE + 1},
    cypher="""
    MATCH (all:Article)
    WITH count(all) AS total
    MATCH (n:Article)
    WITH total, n, coalesce(n.day, '') + '|' + n.id AS sk
    WHERE $after IS NULL OR sk < $after
    WITH total, n, sk ORDER BY sk DESC LIMIT $limit
    OPTIONAL MATCH (n)-[:PUBLISHED_BY]->(p:Actor)
    WITH total, n, sk, p ORDER BY sk DESC
    WITH total, collect({sk: sk, item: {title: n.title, publisher: p.name,
                                        publishedOn: n.day,
                                        section: n.section}}) AS rows
    WITH total, rows, rows[0..$first] AS page
    RETURN {totalCount: total,
            pageInfo: {hasNextPage: size(rows) > $first,
                       endCursor: CASE WHEN size(page) = 0 THEN NULL
                                  ELSE page[size(page) - 1].sk END},
            items: [row IN page | row.item]} AS articles
    """,
    key="articles",
    non_empty=("articles.items",),
)

# Aggregates (issue 15): counts per month, per value and the top actors over a filtered list,
# as an analyst asks them. The direct Cypher counts the same way and fills the empty months
# itself (a month as year * 12 + month - 1, its start written back as 'YYYY-MM-01').
_FOUND_PER_MONTH = """
    CALL {
      WITH found
      UNWIND found AS x
      WITH x WHERE x.day IS NOT NULL
      WITH toInteger(substring(x.day, 0, 4)) * 12 + toInteger(substring(x.day, 5, 2)) - 1
           AS month, count(*) AS n
      WITH collect({month: month, n: n}) AS months, min(month) AS lo, max(month) AS hi
      RETURN CASE WHEN lo IS NULL THEN [] ELSE [i IN range(lo, hi) |
        {start: right('000' + toString(i / 12), 4) + '-' + right('0' + toString(i % 12 + 1), 2)
                + '-01',
         count: reduce(c = 0, b IN months | CASE WHEN b.month = i THEN b.n ELSE c END)}] END
        AS periods
    }"""


def _top_of_found(pattern: str, alias: str) -> str:
    """The actors `who` related to the found items `x` by ``pattern``, most first."""
    return f"""
    CALL {{
      WITH found
      UNWIND found AS x
      MATCH {pattern}
      WITH who, count(DISTINCT x) AS n ORDER BY n DESC, who.name, who.id LIMIT $first
      RETURN collect({{actor: {{name: who.name}}, count: n}}) AS {alias}
    }}"""


_STATS_FIRST = 10

MEETING_STATS = Op(
    name="meeting_stats",
    description="an actor's meetings: count, per month (empty months too), per mode, top 10 "
    "participants",
    document=f"""query MeetingStats($participant: String!) {{
  meetingStats(filter: {{participants: [$participant]}}) {{
    count
    byPeriod(interval: MONTH) {{ start count }}
    byMode {{ mode count }}
    topParticipants(first: {_STATS_FIRST}) {{ actor {{ name }} count }}
  }}
}}""",
    variables={"participant": TOP_ACTOR},
    params={"participant": TOP_ACTOR, "first": _STATS_FIRST},
    cypher=f"""
    MATCH (a:Actor) WHERE toLower($participant) IN a.keys
    WITH a ORDER BY a.id LIMIT 1
    OPTIONAL MATCH (a)-[:PARTICIPATED_IN]->(m:Meeting)
    WITH collect(m) AS found
    {_FOUND_PER_MONTH}
    CALL {{
      WITH found
      UNWIND found AS x
      WITH coalesce(x.mode, 'UNKNOWN') AS mode, count(*) AS n ORDER BY n DESC, mode
      RETURN collect({{mode: mode, count: n}}) AS modes
    }}
    {_top_of_found("(who:Actor)-[:PARTICIPATED_IN]->(x)", "top")}
    RETURN {{count: size(found), byPeriod: periods, byMode: modes, topParticipants: top}}
      AS meetingStats
    """,
    key="meetingStats",
    non_empty=("meetingStats.byPeriod", "meetingStats.byMode", "meetingStats.topParticipants"),
)

STATEMENT_STATS = Op(
    name="statement_stats",
    description="an actor's statements: count, per month (empty months too)",
    document="""query StatementStats($speaker: String!) {
  statementStats(filter: {speaker: $speaker}) {
    count
    byPeriod(interval: MONTH) { start count }
  }
}""",
    variables={"speaker": PARTNER},
    params={"speaker": PARTNER},
    cypher=f"""
    MATCH (a:Actor) WHERE toLower($speaker) IN a.keys
    WITH a ORDER BY a.id LIMIT 1
    OPTIONAL MATCH (a)-[:SAID]->(s:Statement)
    WITH collect(s) AS found
    {_FOUND_PER_MONTH}
    RETURN {{count: size(found), byPeriod: periods}} AS statementStats
    """,
    key="statementStats",
    non_empty=("statementStats.byPeriod",),
)

ARTICLE_STATS = Op(
    name="article_stats",
    description="the articles naming an actor: count, per month (empty months too), top 10 "
    "publishers",
    document=f"""query ArticleStats($mentions: [String!]!) {{
  articleStats(filter: {{mentions: $mentions}}) {{
    count
    byPeriod(interval: MONTH) {{ start count }}
    byPublisher(first: {_STATS_FIRST}) {{ actor {{ name }} count }}
  }}
}}""",
    variables={"mentions": [PARTNER]},
    params={"mentions": [PARTNER], "first": _STATS_FIRST},
    cypher=f"""
    MATCH (a:Actor) WHERE toLower($mentions[0]) IN a.keys
    WITH a ORDER BY a.id LIMIT 1
    OPTIONAL MATCH (a)<-[:MENTIONS]-(n:Article)
    WITH collect(n) AS found
    {_FOUND_PER_MONTH}
    {_top_of_found("(x)-[:PUBLISHED_BY]->(who:Actor)", "publishers")}
    RETURN {{count: size(found), byPeriod: periods, byPublisher: publishers}} AS articleStats
    """,
    key="articleStats",
    non_empty=("articleStats.byPeriod", "articleStats.byPublisher"),
)

MIX: tuple[Op, ...] = (
    ACTOR,
    MEETINGS,
    SEARCH,
    PATH,
    TIMELINE,
    ARTICLES,
    MEETING_STATS,
    STATEMENT_STATS,
    ARTICLE_STATS,
)


def op_named(name: str) -> Op:
    for op in MIX:
        if op.name == name:
            return op
    raise KeyError(f"no operation {name!r} in the mix: {[op.name for op in MIX]}")


def normalise(value: Any) -> Any:
    """A GraphQL answer in the direct route's shape: connections' `edges { node }` become
    `items`, cursors become the keyset positions they carry."""
    if isinstance(value, list):
        return [normalise(item) for item in value]
    if not isinstance(value, dict):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if key == "edges" and isinstance(item, list):
            out["items"] = [normalise(edge["node"]) for edge in item]
        elif key in ("endCursor", "startCursor", "cursor") and isinstance(item, str):
            out[key] = _decode_cursor(item)
        else:
            out[key] = normalise(item)
    return out


def _at(value: Any, path: str) -> Any:
    for part in path.split("."):
        if isinstance(value, list):
            index = int(part)
            value = value[index] if index < len(value) else None
        elif isinstance(value, dict):
            value = value.get(part)
        else:
            return None
    return value


def empty_paths(op: Op, plain: Mapping[str, Any]) -> list[str]:
    """The `non_empty` paths that are empty or missing in a normalised answer."""
    return [path for path in op.non_empty if not _at(plain, path)]


def compare(op: Op, graphql_data: Mapping[str, Any], direct: Mapping[str, Any]) -> list[str]:
    """Differences between the GraphQL answer and the direct one (empty: the same data).

    The path op compares length and relationship types only: with several shortest paths of
    one length, which one comes first is up to the engine's traversal.
    """
    left, right = normalise(dict(graphql_data)), dict(direct)
    if op.name == "path":
        left, right = _path_outline(left), _path_outline(right)
    if left == right:
        return []
    return _diff(left, right, op.key)


def _path_outline(value: dict[str, Any]) -> Any:
    path = value.get("path")
    if not path:
        return path
    return {"length": path["length"], "steps": [s["relationship"] for s in path["steps"]]}


def _diff(left: Any, right: Any, where: str, limit: int = 10) -> list[str]:
    out: list[str] = []
    if isinstance(left, dict) and isinstance(right, dict):
        for key in sorted(set(left) | set(right)):
            if key not in left or key not in right:
                out.append(f"{where}.{key}: only in {'graphql' if key in left else 'direct'}")
            else:
                out += _diff(left[key], right[key], f"{where}.{key}", limit)
    elif isinstance(left, list) and isinstance(right, list):
        if len(left) != len(right):
            out.append(f"{where}: {len(left)} items (graphql) vs {len(right)} (direct)")
        for i, (a, b) in enumerate(zip(left, right, strict=False)):
            out += _diff(a, b, f"{where}.{i}", limit)
    elif left != right:
        out.append(f"{where}: {left!r} (graphql) vs {right!r} (direct)")
    return out[:limit]


def main() -> None:
    print(
        json.dumps(
            [
                {
                    "name": op.name,
                    "description": op.description,
                    "graphql": op.graphql_body(),
                    "direct": {"path": op.direct_path, "body": op.direct_body()},
                    "cypher": " ".join(op.cypher.split()),
                }
                for op in MIX
            ],
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
