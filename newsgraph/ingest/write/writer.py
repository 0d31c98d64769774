"""The batched writer: one extracted article becomes one read and one atomic write.

The writer is handed a store and never builds one. ``plan`` is pure (it turns an article and
what the graph already holds into the write's parameters), so ``--dry-run`` shows exactly the
rows a real load would send.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from newsgraph.graph.cypher import EXISTING_FOR_ARTICLES, WRITE_ARTICLES
from newsgraph.graph.locks import writer_lock
from newsgraph.graph.store import Store
from newsgraph.ingest.model import (
    ActorFact,
    ActorKind,
    ExtractedArticle,
    MeetingMode,
    MeetingStatus,
)
from newsgraph.ingest.resolve.facts import (
    KnownMeeting,
    KnownStatement,
    match_statements,
    merge_statement,
    resolve_meeting,
)
from newsgraph.ingest.resolve.ids import actor_id, article_id, content_hash, meeting_id, topic_id

__all__ = ["ArticleWriter", "BatchPlan", "Existing", "Plan", "WriteCounts", "plan", "plan_batch"]

# Higher wins when two reports of one meeting disagree: any stated mode beats UNKNOWN, and a
# held meeting beats a planned one, which beats a proposal.
_MODE_RANK = {
    MeetingMode.UNKNOWN: 0,
    MeetingMode.IN_PERSON: 1,
    MeetingMode.VIDEO: 2,
    MeetingMode.PHONE: 3,
}
_STATUS_RANK = {MeetingStatus.PROPOSED: 0, MeetingStatus.PLANNED: 1, MeetingStatus.HELD: 2}


@dataclass
class Existing:
    """What the graph holds that one article's write depends on."""

    article: bool = False
    aliases: dict[str, list[str]] = field(default_factory=dict)
    # Ids of articles the graph holds (for a batch: those of the batch planned so far too).
    known_articles: set[str] = field(default_factory=set)
    statements: list[KnownStatement] = field(default_factory=list)
    meetings: list[KnownMeeting] = field(default_factory=list)


@dataclass
class WriteCounts:
    """Nodes one write created, and nodes it found and updated."""

    created: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("articles", "actors", "meetings", "statements"), 0)
    )
    updated: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(("articles", "actors", "meetings", "statements"), 0)
    )

    def add(self, other: WriteCounts) -> None:
        for key, value in other.created.items():
            self.created[key] += value
        for key, value in other.updated.items():
            self.updated[key] += value

    def tally(self, kind: str, existed: bool) -> None:
        (self.updated if existed else self.created)[kind] += 1


@dataclass
class Plan:
    article_id: str
    params: dict[str, Any]
    counts: WriteCounts


def _day(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _day_number(value: dt.date | None) -> int | None:
    # Stored beside each date: filters and orders compare it (see graph/cypher.py).
    return value.toordinal() if value else None


def _pairs(ids: Iterable[str]) -> list[dict[str, str]]:
    return [{"left": a, "right": b} for a, b in combinations(sorted(set(ids)), 2)]


def _with_publisher(extracted: ExtractedArticle) -> list[ActorFact]:
    actors = list(extracted.actors)
    publisher = extracted.article.publisher
    if publisher and all(actor.name != publisher for actor in actors):
        actors.append(ActorFact(name=publisher, kind=ActorKind.MEDIA))
    return actors


def _speaker_day(speaker: str, day: dt.date | None) -> str:
    # The key WRITE_ARTICLES stores on a statement: statements merge only within one speaker
    # and day (undated ones among the speaker's undated ones).
    return f"{speaker}|{_day(day) or ''}"


def lookup_keys(extracted: ExtractedArticle) -> dict[str, Any]:
    """Parameters of the read that fetches what ``plan`` needs to know."""
    a = extracted.article
    meeting_days: dict[str, set[str]] = {}
    undated: set[str] = set()
    for m in extracted.meetings:
        people = {actor_id(p.actor) for p in m.participants}
        if m.date is None:
            # An undated meeting merges only with one of the same people and status, whose id
            # is therefore the one these give.
            undated.add(meeting_id(people, None, m.status.value))
        else:
            meeting_days.setdefault(m.date.isoformat(), set()).update(people)
    return {
        "article": article_id(a.url, a.body),
        "actors": sorted({actor_id(actor.name) for actor in _with_publisher(extracted)}),
        "speaker_days": sorted(
            {_speaker_day(actor_id(s.speaker), s.date) for s in extracted.statements}
        ),
        "meeting_days": meeting_days,
        "undated_meetings": sorted(undated),
    }


class _Known:
    """What the graph holds and the articles planned so far add, indexed the way planning
    looks things up: statements by speaker and day, meetings by day. Planning an article
    updates it in place, so a batch costs what its articles touch, not what the graph holds."""

    def __init__(self, existing: Existing) -> None:
        self.aliases = dict(existing.aliases)
        self.articles = set(existing.known_articles)
        self.statements: dict[tuple[str, dt.date | None], list[KnownStatement]] = {}
        for st in existing.statements:
            self.statements.setdefault((st.speaker, st.date), []).append(st)
        self.meetings: dict[dt.date | None, list[KnownMeeting]] = {}
        for m in existing.meetings:
            self.meetings.setdefault(m.date, []).append(m)


def plan(extracted: ExtractedArticle, existing: Existing | None = None) -> Plan:
    """The rows of WRITE_ARTICLES for one article, given what the graph already holds."""
    existing = existing or Existing()
    known = _Known(existing)
    if existing.article:
        known.articles.add(article_id(extracted.article.url, extracted.article.body))
    return _plan(extracted, known)


def _plan(extracted: ExtractedArticle, state: _Known) -> Plan:
    """``plan`` against `state`, which it then brings up to date with this article."""
    a = extracted.article
    art_id = article_id(a.url, a.body)
    counts = WriteCounts()
    counts.tally("articles", art_id in state.articles)

    actors = _with_publisher(extracted)
    actor_rows: list[dict[str, Any]] = []
    for actor in sorted(actors, key=lambda x: actor_id(x.name)):
        the_id = actor_id(actor.name)
        known_aliases = state.aliases.get(the_id)
        counts.tally("actors", known_aliases is not None)
        aliases = sorted({*actor.aliases, *(known_aliases or [])} - {actor.name})
        actor_rows.append(
            {
                "id": the_id,
                "name": actor.name,
                "kind": actor.kind.value,
                "aliases": aliases,
                "keys": sorted({actor.name.lower(), *(alias.lower() for alias in aliases)}),
                "alias_text": " ".join(aliases),
                "description": actor.description,
            }
        )
    roles = sorted(
        (
            {"holder": actor_id(actor.name), "title": role.title, "of": actor_id(role.of)}
            for actor in actors
            for role in actor.roles
            if role.of is not None
        ),
        key=lambda row: (row["holder"], row["title"], row["of"]),
    )
    topic_names = sorted(
        {*extracted.topics}
        | {t for m in extracted.meetings for t in m.topics}
        | {t for s in extracted.statements for t in s.topics}
    )

    # Final id -> the id the meeting had before this article, for each meeting it renames.
    meeting_origin: dict[str, str] = {}
    added_here: set[int] = set()  # KnownMeetings this article created (by object identity)
    meetings: dict[str, dict[str, Any]] = {}
    participants: dict[tuple[str, str], str | None] = {}
    meeting_topics: set[tuple[str, str]] = set()
    for fact in extracted.meetings:
        people = [actor_id(p.actor) for p in fact.participants]
        same_day = state.meetings.setdefault(fact.date, [])
        the_id, members, merged = resolve_meeting(people, fact.date, fact.status.value, same_day)
        existed = merged is not None and id(merged) not in added_here
        if merged is not None:
            same_day.remove(merged)
            before = meeting_origin.pop(merged.id, merged.id if existed else None)
            if before is not None:
                meeting_origin[the_id] = before
            meetings.pop(merged.id, None)
            # Facts this article already gave about the merged meeting move to its new id.
            participants = {
                (actor, the_id if meeting == merged.id else meeting): role
                for (actor, meeting), role in participants.items()
            }
            meeting_topics = {
                (the_id if meeting == merged.id else meeting, topic)
                for meeting, topic in meeting_topics
            }
        counts.tally("meetings", existed)
        added = KnownMeeting(the_id, fact.date, fact.status.value, members)
        added_here.add(id(added))
        same_day.append(added)
        previous = meetings.get(the_id)
        row = {
            "id": the_id,
            "date": _day(fact.date),
            "day_number": _day_number(fact.date),
            "mode": fact.mode.value,
            "mode_rank": _MODE_RANK[fact.mode],
            "status": fact.status.value,
            "status_rank": _STATUS_RANK[fact.status],
            "title": fact.title or " and ".join(p.actor for p in fact.participants[:2]),
            "place": fact.place,
            "excerpt": fact.excerpt,
            "offset": fact.offset,
        }
        if previous is not None and previous["mode_rank"] > row["mode_rank"]:
            row.update(mode=previous["mode"], mode_rank=previous["mode_rank"])
        meetings[the_id] = row
        for p in fact.participants:
            participants[(actor_id(p.actor), the_id)] = p.role
        meeting_topics |= {(the_id, topic_id(t)) for t in fact.topics}
    # A meeting renamed later in the same article is written under its final id only.
    final_ids = set(meetings)
    participant_rows = [
        {"actor": actor, "meeting": meeting, "role": role}
        for (actor, meeting), role in sorted(participants.items())
        if meeting in final_ids
    ]

    statement_origin: dict[str, str] = {}
    statements: dict[str, dict[str, Any]] = {}
    statement_mentions: set[tuple[str, str]] = set()
    statement_topics: set[tuple[str, str]] = set()
    items = [
        KnownStatement("", actor_id(said.speaker), said.date, said.text)
        for said in extracted.statements
    ]
    candidates = [
        st for key in {(i.speaker, i.date) for i in items} for st in state.statements.get(key, [])
    ]
    matches = match_statements(items, candidates)
    # A statement's id derives from its speaker, day and words: any statement holding an id
    # planned here is among the candidates.
    known_by_id = {st.id: st for st in candidates}
    merged_statements: set[str] = set()
    for said, item, same in zip(extracted.statements, items, matches, strict=True):
        the_id, text = merge_statement(item, same)
        if same is not None and the_id != same.id and the_id in known_by_id:
            # The merged wording is a statement the graph already holds (its full quote, when
            # `same` was a part of it): report that one rather than rename onto its id.
            same = known_by_id[the_id]
        if same is not None:
            merged_statements.add(same.id)
        counts.tally("statements", same is not None)
        if same is not None and same.id != the_id:
            statement_origin[the_id] = same.id
        if the_id in statements:
            # The article repeats itself; one node, its first excerpt.
            continue
        statements[the_id] = {
            "id": the_id,
            "speaker": item.speaker,
            "text": text,
            "date": _day(said.date),
            "day_number": _day_number(said.date),
            "medium": said.medium,
            "language": said.language,
            "excerpt": said.excerpt,
            "offset": said.offset,
        }
        statement_mentions |= {(the_id, actor_id(m)) for m in said.mentions}
        statement_topics |= {(the_id, topic_id(t)) for t in said.topics}

    # Only nodes the graph holds need renaming, each once from its stored id to its final one.
    renamed_meetings = [
        {"old": old, "new": new} for new, old in sorted(meeting_origin.items()) if old != new
    ]
    renamed_statements = [
        {"old": old, "new": new} for new, old in sorted(statement_origin.items()) if old != new
    ]

    mentions = sorted({actor_id(m) for m in extracted.mentions})
    params: dict[str, Any] = {
        "article": {
            "id": art_id,
            "url": a.url,
            "title": a.title,
            "published_on": _day(a.published_on),
            "day_number": _day_number(a.published_on),
            "published_inferred": a.published_inferred,
            "section": a.section,
            "language": a.language,
            "body": a.body,
            "content_hash": content_hash(a.body),
        },
        "actors": actor_rows,
        "roles": roles,
        "topics": [{"id": topic_id(name), "name": name} for name in topic_names],
        "published_by": ([{"left": art_id, "right": actor_id(a.publisher)}] if a.publisher else []),
        "article_mentions": [{"left": art_id, "right": m} for m in mentions],
        "article_topics": [
            {"left": art_id, "right": topic_id(t)} for t in sorted(set(extracted.topics))
        ],
        "renamed_statements": renamed_statements,
        "renamed_meetings": renamed_meetings,
        "meetings": [meetings[k] for k in sorted(meetings)],
        "participants": participant_rows,
        "meeting_topics": [
            {"left": m, "right": t} for m, t in sorted(meeting_topics) if m in final_ids
        ],
        "statements": [statements[k] for k in sorted(statements)],
        "statement_mentions": [
            {"left": s, "right": m} for s, m in sorted(statement_mentions) if s in statements
        ],
        "statement_topics": [
            {"left": s, "right": t} for s, t in sorted(statement_topics) if s in statements
        ],
        # Counted only if the write creates the article (decided inside the write).
        "co_mentioned_pairs": _pairs(mentions),
    }
    # Bring the state up to date: the next article of a batch is planned as if this one had
    # been written.
    state.articles.add(art_id)
    state.aliases.update({row["id"]: row["aliases"] for row in actor_rows})
    for key in {(i.speaker, i.date) for i in items}:
        bucket = state.statements.get(key)
        if bucket:
            bucket[:] = [st for st in bucket if st.id not in merged_statements]
    for said_row in statements.values():
        day = dt.date.fromisoformat(str(said_row["date"])) if said_row["date"] else None
        speaker = str(said_row["speaker"])
        state.statements.setdefault((speaker, day), []).append(
            KnownStatement(str(said_row["id"]), speaker, day, str(said_row["text"]))
        )
    return Plan(art_id, params, counts)


@dataclass
class BatchPlan:
    """One write for several articles: their plans, and the merged rows of WRITE_ARTICLES."""

    plans: list[Plan]
    params: dict[str, Any]

    @property
    def counts(self) -> WriteCounts:
        total = WriteCounts()
        for one in self.plans:
            total.add(one.counts)
        return total


def _follow(renames: dict[str, str], key: str) -> str:
    seen = {key}
    while key in renames:
        key = renames[key]
        if key in seen:  # pragma: no cover - renames only ever move to a new id
            break
        seen.add(key)
    return key


def _unique(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: dict[Any, dict[str, Any]] = {}
    for row in rows:
        try:
            key: Any = tuple(sorted(row.items()))
            hash(key)
        except TypeError:  # a list among the values
            key = json.dumps(row, sort_keys=True, default=str)
        out[key] = row
    return list(out.values())


def plan_batch(articles: list[ExtractedArticle], existing: Existing | None = None) -> BatchPlan:
    """Plan several articles as one write, each planned against the ones before it.

    A later article may merge with (and rename) a statement or meeting an earlier article of
    the same batch created; every row is rewritten to the final id, and only nodes the graph
    held before the batch are renamed in the graph.
    """
    existing = existing or Existing()
    state = _Known(existing)
    graph_statements = {st.id for st in existing.statements}
    graph_meetings = {m.id for m in existing.meetings}
    renames: dict[str, str] = {}
    plans: list[Plan] = []
    seen_articles: set[str] = set()
    for extracted in articles:
        a = extracted.article
        the_id = article_id(a.url, a.body)
        if the_id in seen_articles:
            # The same article twice in one batch: the second copy adds nothing.
            continue
        seen_articles.add(the_id)
        one = _plan(extracted, state)
        for row in one.params["renamed_statements"] + one.params["renamed_meetings"]:
            renames[row["old"]] = row["new"]
        plans.append(one)

    def final(key: str) -> str:
        return _follow(renames, key)

    merged: dict[str, list[dict[str, Any]]] = {}
    article_rows: list[dict[str, Any]] = []
    for one in plans:
        p = one.params
        article_rows.append({**p["article"], "co_mentioned_pairs": p["co_mentioned_pairs"]})
        for name in (
            "actors",
            "roles",
            "topics",
            "published_by",
            "article_mentions",
            "article_topics",
        ):
            merged.setdefault(name, []).extend(p[name])
        merged.setdefault("meetings", []).extend(
            {**row, "id": final(row["id"]), "article": one.article_id} for row in p["meetings"]
        )
        merged.setdefault("statements", []).extend(
            {**row, "id": final(row["id"]), "article": one.article_id} for row in p["statements"]
        )
        merged.setdefault("participants", []).extend(
            {**row, "meeting": final(row["meeting"])} for row in p["participants"]
        )
        for name in ("meeting_topics", "statement_topics", "statement_mentions"):
            merged.setdefault(name, []).extend(
                {**row, "left": final(row["left"])} for row in p[name]
            )
    # An actor row of a later article carries the aliases of the earlier ones; keep the last.
    actors = {row["id"]: row for row in merged.get("actors", [])}
    meetings, meeting_reports = _collapse(merged.get("meetings", []), _merge_meeting_rows)
    statements, statement_reports = _collapse(merged.get("statements", []), _merge_statement_rows)
    params: dict[str, Any] = {
        "articles": article_rows,
        "actors": [actors[key] for key in sorted(actors)],
        "renamed_statements": [
            {"old": old, "new": final(old)}
            for old in sorted(graph_statements)
            if old in renames and final(old) != old
        ],
        "renamed_meetings": [
            {"old": old, "new": final(old)}
            for old in sorted(graph_meetings)
            if old in renames and final(old) != old
        ],
        "meetings": meetings,
        "meeting_reports": meeting_reports,
        "statements": statements,
        "statement_reports": statement_reports,
    }
    # One row per (actor, meeting): two rows would make two relationships in one MERGE.
    roles_of: dict[tuple[str, str], str | None] = {}
    for row in merged.get("participants", []):
        key = (row["actor"], row["meeting"])
        roles_of[key] = min(
            (r for r in (roles_of.get(key), row["role"]) if r is not None), default=None
        )
    params["participants"] = [
        {"actor": actor, "meeting": meeting, "role": role}
        for (actor, meeting), role in sorted(roles_of.items())
    ]
    for name in (
        "roles",
        "topics",
        "published_by",
        "article_mentions",
        "article_topics",
        "meeting_topics",
        "statement_topics",
        "statement_mentions",
    ):
        params[name] = _unique(merged.get(name, []))
    return BatchPlan(plans, params)


_REPORT_FIELDS = ("article", "excerpt", "offset")


def _collapse(
    rows: list[dict[str, Any]], combine: Any
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One node row per id (several articles of a batch may report one fact), and the
    reports apart: the engines need not agree on which of two rows with one id a MERGE keeps."""
    nodes: dict[str, dict[str, Any]] = {}
    reports: list[dict[str, Any]] = []
    for row in rows:
        node = {k: v for k, v in row.items() if k not in _REPORT_FIELDS}
        nodes[node["id"]] = combine(nodes[node["id"]], node) if node["id"] in nodes else node
        reports.append({"fact": node["id"], **{k: row[k] for k in _REPORT_FIELDS}})
    return [nodes[k] for k in sorted(nodes)], _unique(reports)


def _merge_meeting_rows(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    # The same rules WRITE_ARTICLES applies against the graph: higher rank wins, the longer
    # title (then the alphabetically first), the first place given.
    out = dict(a)
    if b["mode_rank"] > a["mode_rank"]:
        out.update(mode=b["mode"], mode_rank=b["mode_rank"])
    if b["status_rank"] > a["status_rank"]:
        out.update(status=b["status"], status_rank=b["status_rank"])
    out["title"] = min(a["title"], b["title"], key=lambda t: (-len(t), t))
    out["place"] = a["place"] or b["place"]
    return out


def _merge_statement_rows(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    out = dict(a)
    out["text"] = min(a["text"], b["text"], key=lambda t: (-len(t), t))
    out["medium"] = a["medium"] or b["medium"]
    return out


def lookup_batch_keys(articles: list[ExtractedArticle]) -> dict[str, Any]:
    """Parameters of the read that fetches what ``plan_batch`` needs to know."""
    keys = [lookup_keys(extracted) for extracted in articles]
    days: dict[str, set[str]] = {}
    for k in keys:
        for day, people in k["meeting_days"].items():
            days.setdefault(day, set()).update(people)
    return {
        "articles": sorted({k["article"] for k in keys}),
        "actors": sorted({value for k in keys for value in k["actors"]}),
        "speaker_days": sorted({value for k in keys for value in k["speaker_days"]}),
        "meeting_days": [
            {"day": day, "participants": sorted(people)} for day, people in sorted(days.items())
        ],
        "undated_meetings": sorted({value for k in keys for value in k["undated_meetings"]}),
    }


class ArticleWriter:
    """Writes extracted articles to a store: one resolving read and one atomic write per
    batch of articles (a file, or a slice of a big one)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    async def existing(self, articles: list[ExtractedArticle]) -> Existing:
        rows = await self._store.read(EXISTING_FOR_ARTICLES, lookup_batch_keys(articles))
        found: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            found.setdefault(row["kind"], []).append(row["item"])
        return Existing(
            aliases={a["id"]: list(a.get("aliases") or []) for a in found.get("actor", [])},
            statements=[
                KnownStatement(s["id"], s["speaker"], s.get("date"), s["text"])
                for s in found.get("statement", [])
            ],
            meetings=_unique_meetings(found.get("meeting", [])),
            known_articles={a["id"] for a in found.get("article", [])},
        )

    async def write_batch(self, articles: list[ExtractedArticle]) -> BatchPlan:
        # The read, the plan made from it and the write must not interleave with another
        # writer's: two loaders reading before either writes would each create a statement
        # the other also reports.
        async with writer_lock(self._store):
            batch = plan_batch(articles, await self.existing(articles))
            if batch.plans:
                await self._store.write(WRITE_ARTICLES, batch.params)
        return batch

    async def write(self, extracted: ExtractedArticle) -> Plan:
        return (await self.write_batch([extracted])).plans[0]


def _unique_meetings(rows: list[dict[str, Any]]) -> list[KnownMeeting]:
    seen: dict[str, KnownMeeting] = {}
    # FalkorDB projects a missing OPTIONAL MATCH as a map of nulls, not as null.
    for row in (r for r in rows if r.get("id") is not None):
        seen[row["id"]] = KnownMeeting(
            row["id"], row.get("date"), row.get("status") or "HELD", frozenset(row["participants"])
        )
    return [seen[key] for key in sorted(seen)]
