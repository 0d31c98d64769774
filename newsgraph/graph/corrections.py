"""Corrections to the graph: rename or describe an actor, merge two actors, delete an article.

Each holds the writer lease from its read to its write, as the loader does: a load between
the two would write back what it had read before (aliases) or report again what is being
removed. Expected refusals are results (``Missing``, ``Refused``), not exceptions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from newsgraph.graph import cypher
from newsgraph.graph.evidence import combined_confidence, evidence, preferred, without_article
from newsgraph.graph.locks import writer_lock
from newsgraph.graph.rows import Pair, alias_fields, pairs
from newsgraph.graph.store import Store

__all__ = [
    "ActorChange",
    "Deleted",
    "Missing",
    "Refused",
    "Removed",
    "delete_article",
    "merge_actors",
    "remove_article",
    "update_actor",
]


@dataclass(frozen=True)
class Missing:
    """No node has the id given as ``argument``."""

    argument: Literal["id", "keep", "merge"]
    message: str


@dataclass(frozen=True)
class Refused:
    """The change was refused; ``field`` names the input at fault."""

    message: str
    field: str


@dataclass(frozen=True)
class ActorChange:
    """What to change of an actor; None keeps the stored value."""

    name: str | None = None
    description: str | None = None
    aliases: Sequence[str] | None = None


@dataclass(frozen=True)
class Deleted:
    meetings_removed: int
    statements_removed: int


def _has_control(texts: Sequence[str]) -> bool:
    return any(ord(char) < 32 and char not in "\t\n\r" for text in texts for char in text)


async def update_actor(
    store: Store, key: str | None, change: ActorChange
) -> Missing | Refused | None:
    """Change an actor's name, description or aliases; None once done."""
    async with writer_lock(store):
        rows = await store.read(cypher.ACTORS_BY_ID, {"ids": [key]}) if key else []
        if key is None or not rows:
            return Missing("id", "no actor has this id")
        current: dict[str, Any] = rows[0]["node"]
        name = (change.name if change.name is not None else current["name"]).strip()
        if not name:
            return Refused("`name` is empty", "name")
        # Control characters in a name would be stored but never found again by name: the
        # graph's index of name keys does not match them.
        for field_name, texts in (("name", [name]), ("aliases", change.aliases or [])):
            if _has_control(texts):
                return Refused(f"`{field_name}` holds a control character", field_name)
        aliases = change.aliases if change.aliases is not None else current.get("aliases") or []
        description = (
            change.description if change.description is not None else current.get("description")
        )
        cleaned = {alias.strip() for alias in aliases if alias.strip()}
        await store.write(
            cypher.UPDATE_ACTOR,
            {"id": key, "name": name, "description": description, **alias_fields(name, cleaned)},
        )
    return None


async def merge_actors(
    store: Store, keep: str | None, merge: str | None, *, allow_kind_mismatch: bool = False
) -> Missing | Refused | None:
    """Merge actor ``merge`` into ``keep``: every relationship and alias moves; None once
    done. Actors of different kinds are refused unless ``allow_kind_mismatch``."""
    if keep is not None and keep == merge:
        return Refused("`keep` and `merge` are the same actor", "merge")
    async with writer_lock(store):
        rows = await store.read(cypher.ACTORS_BY_ID, {"ids": [k for k in (keep, merge) if k]})
        found = {row["key"]: row["node"] for row in rows}
        if keep is None or keep not in found:
            return Missing("keep", "no actor has the `keep` id")
        if merge is None or merge not in found:
            return Missing("merge", "no actor has the `merge` id")
        kept, gone = found[keep], found[merge]
        if kept["kind"] != gone["kind"] and not allow_kind_mismatch:
            # A country merged into a person would make the person the country: its name an
            # alias of his, its ministers his. Only a caller who says so gets that.
            return Refused(
                f"`keep` is a {kept['kind']} and `merge` a {gone['kind']}: merging actors of "
                "different kinds needs `allowKindMismatch: true`",
                "merge",
            )
        aliases = [*(kept.get("aliases") or []), gone["name"], *(gone.get("aliases") or [])]
        cleaned = {alias.strip() for alias in aliases if alias.strip()}
        await store.write(
            cypher.MERGE_ACTORS,
            {"keep": keep, "merge": merge, **alias_fields(kept["name"], cleaned)},
        )
    return None


async def delete_article(store: Store, key: str | None) -> Missing | Deleted:
    """Delete an article and the meetings and statements only it reported; the derived edges
    of what it joined are recounted."""
    async with writer_lock(store):
        removed = await remove_article(store, key) if key else None
    if removed is None:
        return Missing("id", "no article has this id")
    return Deleted(len(removed.meetings), len(removed.statements))


@dataclass(frozen=True)
class Removed:
    """The ids of the meetings and statements an article's removal deleted with it."""

    meetings: list[str]
    statements: list[str]


async def remove_article(store: Store, key: str) -> Removed | None:
    """``delete_article`` for a caller that holds the writer lease (the loader, replacing an
    article whose text changed); None when no article has the id."""
    plan = await store.read(cypher.ARTICLE_DELETION_PLAN, {"id": key})
    if not plan:
        return None
    facts = plan[0]
    meetings = [m for m in facts["meetings"] if m.get("id")]
    statements = [s for s in facts["statements"] if s.get("id")]
    orphan_meetings = [m["id"] for m in meetings if m["others"] == 0]
    orphan_statements = [s["id"] for s in statements if s["others"] == 0]
    met_pairs: dict[tuple[str, str], Pair] = {}
    for meeting in meetings:
        for pair in pairs(meeting["participants"]):
            met_pairs[pair["left"], pair["right"]] = pair
    await store.write(
        cypher.DELETE_ARTICLE,
        {
            "id": key,
            "meetings": orphan_meetings,
            "statements": orphan_statements,
            "trimmed_meetings": [_trimmed_meeting(m, key) for m in meetings if m["others"]],
            "trimmed_statements": [
                {"id": s["id"], **_confidence_without(s.get("reported"), key)}
                for s in statements
                if s["others"]
            ],
            "met_pairs": list(met_pairs.values()),
            "co_mentioned_pairs": pairs(facts["mentions"]),
        },
    )
    return Removed(orphan_meetings, orphan_statements)


def _confidence_without(reported: list[str] | None, article: str) -> dict[str, Any]:
    """A fact's `reported` and `confidence` once `article` no longer reports it."""
    kept = without_article(reported or [], article)
    return {"reported": kept, "confidence": combined_confidence(evidence(kept, []))}


def _trimmed_meeting(meeting: dict[str, Any], article: str) -> dict[str, Any]:
    """What a meeting other articles report too keeps once `article` is gone: the participants
    the others gave it, the participant lists (what resolution compares) of those alone, and
    the title they give it.
    When one of the others kept no list (a report written before reports kept them), what it
    gave is unknown, and every participant stays."""
    lists: list[list[str]] = meeting.get("lists") or []
    groups: list[str] = meeting.get("groups") or []
    drop: list[str] = []
    if len(lists) == meeting["others"]:
        given = {actor for told in lists for actor in told}
        drop = sorted(set(meeting["participants"]) - given)
        groups = [g for g in groups if given.issuperset(g.split(","))] or sorted(
            {",".join(sorted(told)) for told in lists if told}
        )
    # (the title the others give it, when each of them kept one; else the stored one stays)
    titles: list[str] = meeting.get("titles") or []
    title = preferred(titles) if len(titles) == meeting["others"] else None
    return {
        "id": meeting["id"],
        "drop": drop,
        "title": title,
        "groups": groups,
        **_confidence_without(meeting.get("reported"), article),
    }
