"""One person, one actor, however outlets spell the name; never two people made one."""

from __future__ import annotations

import datetime as dt

from newsgraph.graph import Store
from newsgraph.graph.maintenance import dump, wipe
from newsgraph.ingest.model import (
    ActorFact,
    ActorKind,
    ExtractedArticle,
    RoleFact,
)
from newsgraph.ingest.resolve.people import KnownPerson, people_keys, unify_people
from newsgraph.ingest.write import ArticleWriter
from tests.helpers.factories import article, meeting, said

DAY = dt.date(2024, 3, 13)


def _article(title: str, person: str, other: str = "Ayman Safadi") -> ExtractedArticle:
    body = f"{person} met {other} in Amman."
    return article(
        title,
        body=body,
        published=DAY,
        people=(person, other),
        mentions=[person, other],
        meetings=[meeting(person, other, date=DAY, excerpt=body)],
        statements=[said(person, "We will keep working together.", date=None, excerpt=body)],
    )


def test_a_new_spelling_of_a_stored_person_takes_the_stored_name() -> None:
    batch = [_article("a", "Stephen Smith")]
    stored = [KnownPerson(key, "Steven Smith") for key in people_keys(batch)]
    (renamed,) = unify_people(batch, stored)
    smith = next(a for a in renamed.actors if a.name == "Steven Smith")
    assert "Stephen Smith" in smith.aliases
    assert renamed.statements[0].speaker == "Steven Smith"
    assert {p.actor for p in renamed.meetings[0].participants} == {"Steven Smith", "Ayman Safadi"}


def test_a_renamed_person_keeps_each_role_once() -> None:
    # Roles were deduplicated by hashing them, and a role is a model that has no hash: any
    # article with a person to rename and a role in it failed to load.
    body = "Foreign Minister Stephen Smith met Ayman Safadi in Amman."
    minister = RoleFact(title="Foreign Minister", of="Australia")
    batch = [
        article(
            "a",
            body=body,
            published=DAY,
            people=("Ayman Safadi",),
            actors=[
                ActorFact(name="Stephen Smith", kind=ActorKind.PERSON, roles=[minister, minister]),
                ActorFact(name="Australia", kind=ActorKind.COUNTRY),
            ],
            mentions=["Stephen Smith", "Ayman Safadi"],
        )
    ]
    stored = [KnownPerson(key, "Steven Smith") for key in people_keys(batch)]
    (renamed,) = unify_people(batch, stored)
    smith = next(a for a in renamed.actors if a.name == "Steven Smith")
    assert smith.roles == [minister]


def test_spellings_within_one_batch_become_one_person_whatever_their_order() -> None:
    one = _article("a", "Mohammed Shia al-Sudani")
    two = _article("b", "Muhammad Shia al-Sudani")
    forward = unify_people([one, two], [])
    backward = unify_people([two, one], [])
    names = {a.name for r in forward for a in r.actors if a.kind is ActorKind.PERSON}
    assert names == {a.name for r in backward for a in r.actors if a.kind is ActorKind.PERSON}
    assert len(names) == 2  # al-Sudani and Safadi


def test_a_shared_surname_makes_no_one_the_same_person() -> None:
    batch = [_article("a", "Melania Trump"), _article("b", "Donald Trump")]
    names = {a.name for r in unify_people(batch, []) for a in r.actors}
    assert {"Melania Trump", "Donald Trump"} <= names


def test_a_spelling_two_stored_people_fit_decides_nothing() -> None:
    batch = [_article("a", "Mohamad Hasan")]
    (key,) = [k for k in people_keys(batch) if k.startswith("hasan")]
    stored = [KnownPerson(key, "Mohammed Hasan"), KnownPerson(key, "Muhammad Hasan")]
    (kept,) = unify_people(batch, stored)
    assert "Mohamad Hasan" in {a.name for a in kept.actors}


async def test_two_articles_spelling_one_minister_differently_make_one_actor(
    store: Store,
) -> None:
    writer = ArticleWriter(store)
    await writer.write(_article("first", "Steven Smith"))
    await writer.write(_article("second", "Stephen Smith"))
    graph = await dump(store)
    people = [n["props"] for n in graph["nodes"] if "Person" in n["labels"]]
    assert sorted(p["name"] for p in people) == ["Ayman Safadi", "Steven Smith"]
    smith = next(p for p in people if p["name"] == "Steven Smith")
    assert "Stephen Smith" in smith["aliases"]
    said = [n for n in graph["nodes"] if n["labels"] == ["Statement"]]
    assert len(said) == 1  # one speaker, one day, the same words: one statement


async def test_a_name_written_with_and_without_its_hyphens_is_one_actor_across_writes(
    store: Store,
) -> None:
    # Written apart (two batches), the two spellings had no name key in common and stayed two
    # actors; a reload then moved the articles' meetings between them.
    writer = ArticleWriter(store)
    await writer.write(_article("first", "Hossein Amir Abdollahian"))
    await writer.write(_article("second", "Hussain Amir-Abdollahian"))
    await writer.write(_article("third", "Meshal Al-Ahmad Al-Jaber Al-Sabah"))
    await writer.write(_article("fourth", "Mishal Al Ahmad Al Jaber Al Sabah"))
    before = await dump(store)
    people = {n["props"]["name"] for n in before["nodes"] if "Person" in n["labels"]}
    assert people == {
        "Ayman Safadi",
        "Hossein Amir Abdollahian",
        "Meshal Al-Ahmad Al-Jaber Al-Sabah",
    }
    for title, person in (
        ("second", "Hussain Amir-Abdollahian"),
        ("first", "Hossein Amir Abdollahian"),
    ):
        await writer.write(_article(title, person))
    assert await dump(store) == before


def test_relatives_sharing_bin_and_a_family_name_stay_apart() -> None:
    batch = [
        _article("a", "Mohammed bin Abdulrahman Al-Thani"),
        _article("b", "Mohammed bin Hamad Al-Thani"),
        _article("c", "Sabah Al-Khaled Al-Hamad Al-Sabah"),
        _article("d", "Sabah Al-Ahmad Al-Jaber Al-Sabah"),
    ]
    names = {a.name for r in unify_people(batch, []) for a in r.actors}
    assert {
        "Mohammed bin Abdulrahman Al-Thani",
        "Mohammed bin Hamad Al-Thani",
        "Sabah Al-Khaled Al-Hamad Al-Sabah",
        "Sabah Al-Ahmad Al-Jaber Al-Sabah",
    } <= names


async def test_spellings_of_one_id_name_the_actor_alike_whichever_came_first(
    store: Store,
) -> None:
    # Met in two writes, the first spelling stored named the actor; met in one, the spelling
    # that sorts first did. Now both name it as one batch would.
    names = []
    orders = [
        ("Enrique Peña Nieto", "Enrique Pena Nieto"),
        ("Enrique Pena Nieto", "Enrique Peña Nieto"),
        ("Ban Ki-moon", "Ban Ki-Moon"),
        ("Ban Ki-Moon", "Ban Ki-moon"),
    ]
    for spellings in orders:
        await wipe(store)
        writer = ArticleWriter(store)
        for title, person in zip(("first", "second"), spellings, strict=True):
            await writer.write(_article(title, person))
        graph = await dump(store)
        names.append(sorted(n["props"]["name"] for n in graph["nodes"] if "Person" in n["labels"]))
    assert names[0] == names[1] == ["Ayman Safadi", "Enrique Pena Nieto"]
    assert names[2] == names[3] == ["Ayman Safadi", "Ban Ki-Moon"]
