"""One person, one actor, whatever the spelling: the people of a batch resolved against the
people the graph holds and against each other.

An article writes "Stephen Smith", the graph knows "Steven Smith"; another writes "Mohammed
Shia al-Sudani", one before it "Muhammad Shia al-Sudani". Both spell one name: the same surname
skeleton and compatible given names (``extract.names``). The graph stores each person's name
keys; a person of the batch whose key leads to exactly one stored person becomes that person
(the new spelling is kept as an alias). People of the batch that share a key and match nobody
stored become one person, named by the spelling that sorts first, so the choice does not
depend on which article came first. A key shared by two stored people decides nothing: it
never merges different people who share a surname and an initial.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.ingest.extract.names import name_keys, same_person
from newsgraph.ingest.model import (
    ActorFact,
    ActorKind,
    ExtractedArticle,
    Participant,
    RoleFact,
)
from newsgraph.ingest.resolve.ids import actor_id

__all__ = ["KnownPerson", "keys_of_name", "people_keys", "unify_people"]


@dataclass(frozen=True, slots=True)
class KnownPerson:
    """A stored person one of the batch's name keys leads to."""

    key: str
    name: str


@lru_cache(maxsize=65_536)
def keys_of_name(name: str) -> tuple[str, ...]:
    """``extract.names.name_keys``, remembered: a load asks it of the same few hundred names in
    every batch, several times each (folding and skeletons cost more than the rest of
    resolving a person)."""
    return tuple(name_keys(name))


def _keys(fact: ActorFact) -> set[str]:
    return {k for n in (fact.name, *fact.aliases) for k in keys_of_name(n)}


def people_keys(articles: Iterable[ExtractedArticle]) -> list[str]:
    """The name keys of every person in ``articles``: what to look up in the graph."""
    return sorted(
        {
            key
            for article in articles
            for actor in article.actors
            if actor.kind is ActorKind.PERSON
            for key in _keys(actor)
        }
    )


def unify_people(
    articles: Sequence[ExtractedArticle], known: Iterable[KnownPerson]
) -> list[ExtractedArticle]:
    """``articles`` with every person named as the graph (or the batch) names them."""
    stored: dict[str, set[str]] = {}
    for person in known:
        stored.setdefault(person.key, set()).add(person.name)
    people = {
        actor.name: actor
        for article in articles
        for actor in article.actors
        if actor.kind is ActorKind.PERSON
    }
    # Each person's keys once: the pairs below ask them of every two people of the batch.
    keys = {name: _keys(fact) for name, fact in people.items()}
    rename: dict[str, str] = {}
    for name in sorted(people):
        matches = {n for key in keys[name] for n in stored.get(key, ()) if same_person(n, name)}
        if len(matches) == 1:
            (found,) = matches
            # A spelling of the same id ("Peña"/"Pena", "Ki-moon"/"Ki-Moon") is the same node
            # already, and kept: the writer names the node by the spelling that ranks first of
            # all it has met, as one batch holding both would.
            if actor_id(found) != actor_id(name):
                rename[name] = found
    # The batch's own spellings of one person nobody stored.
    left = sorted(n for n in people if n not in rename)
    for i, name in enumerate(left):
        if name in rename:
            continue
        for other in left[i + 1 :]:
            shared = keys[name] & keys[other]
            if other not in rename and shared and same_person(name, other):
                rename[other] = name
    if not rename:
        return list(articles)
    return [_renamed(article, rename) for article in articles]


def _renamed(article: ExtractedArticle, rename: dict[str, str]) -> ExtractedArticle:
    def to(name: str) -> str:
        return rename.get(name, name)

    merged: dict[str, ActorFact] = {}
    for actor in article.actors:
        name = to(actor.name)
        aliases = set(actor.aliases) | ({actor.name} if name != actor.name else set())
        current = merged.get(name)
        if current is None:
            merged[name] = actor.model_copy(
                update={"name": name, "aliases": sorted(aliases - {name})}
            )
            continue
        roles = list(current.roles) + [r for r in actor.roles if r not in current.roles]
        merged[name] = current.model_copy(
            update={
                "aliases": sorted((set(current.aliases) | aliases) - {name}),
                "roles": roles,
                "description": current.description or actor.description,
            }
        )
    for name, fact in merged.items():
        roles = [r.model_copy(update={"of": to(r.of)}) if r.of else r for r in fact.roles]
        # (a role is a model and not hashable: the same role of two spellings is the same
        # title of the same holder)
        kept: dict[tuple[str, str | None], RoleFact] = {}
        for role in roles:
            kept.setdefault((role.title, role.of), role)
        merged[name] = fact.model_copy(update={"roles": list(kept.values())})
    meetings = []
    for m in article.meetings:
        # Two spellings of one person in one meeting are one participant.
        participants: dict[str, Participant] = {}
        for p in m.participants:
            participants.setdefault(to(p.actor), p.model_copy(update={"actor": to(p.actor)}))
        meetings.append(m.model_copy(update={"participants": list(participants.values())}))
    statements = [
        s.model_copy(
            update={
                "speaker": to(s.speaker),
                "mentions": list(
                    dict.fromkeys(to(x) for x in s.mentions if to(x) != to(s.speaker))
                ),
            }
        )
        for s in article.statements
    ]
    return ExtractedArticle.model_validate(
        {
            **article.model_dump(),
            "actors": [a.model_dump() for a in merged.values()],
            "mentions": list(dict.fromkeys(to(m) for m in article.mentions)),
            "meetings": [m.model_dump() for m in meetings],
            "statements": [s.model_dump() for s in statements],
        }
    )
