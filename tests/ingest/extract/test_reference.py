"""The reference files: loading, validation errors, and where they are found."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest.extract.reference import (
    ReferenceDataError,
    default_reference_dir,
    load_reference,
)
from newsgraph.ingest.model import ActorKind

TOPICS = '[[topic]]\nname = "ceasefire"\nkeywords = ["ceasefire", "truce"]\n'


def write(directory: Path, actors: str, topics: str = TOPICS) -> Path:
    (directory / "actors.toml").write_text(actors, encoding="utf-8")
    (directory / "topics.toml").write_text(topics, encoding="utf-8")
    return directory


def test_the_shipped_reference_covers_the_news_period() -> None:
    reference = load_reference()
    for name in (
        "Volodymyr Zelensky", "Donald Trump", "Vladimir Putin", "Mark Rutte", "Hakan Fidan",
        "Ursula von der Leyen", "Kyiv Independent", "Helsingin Sanomat", "NATO", "Qatar",
    ):  # fmt: skip
        assert reference.actor(name) is not None, name
    assert reference.lookup("Zelenskyi").name == "Volodymyr Zelensky"  # type: ignore[union-attr]
    assert reference.lookup("Dutch").name == "Netherlands"  # type: ignore[union-attr]
    assert reference.lookup("the Kremlin").name == "Russia"  # type: ignore[union-attr]
    assert reference.lookup("U.S.").kind is ActorKind.COUNTRY  # type: ignore[union-attr]
    assert {t.name for t in reference.topics} >= {
        "security guarantees", "ceasefire", "peace talks", "peacekeeping", "sanctions",
        "defense production", "territorial concessions", "prisoner exchange", "air defense",
        "military aid", "energy",
    }  # fmt: skip


def test_the_default_directory_is_the_repositorys_data_reference(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("NEWSGRAPH_REFERENCE_DIR", raising=False)
    assert default_reference_dir() == Path(__file__).resolve().parents[3] / "data" / "reference"
    monkeypatch.setenv("NEWSGRAPH_REFERENCE_DIR", str(tmp_path))
    assert default_reference_dir() == tmp_path


def test_a_small_reference_of_ones_own_works(tmp_path: Path) -> None:
    write(
        tmp_path,
        '[[actor]]\nname = "Ruritania"\nkind = "COUNTRY"\ndemonyms = ["Ruritanian"]\n\n'
        '[[actor]]\nname = "Rudolf Rassendyll"\nkind = "PERSON"\naliases = ["Rassendyll"]\n'
        'roles = [{ title = "King", of = "Ruritania" }]\n',
    )
    reference = load_reference(tmp_path)
    assert reference.lookup("Ruritanian").name == "Ruritania"  # type: ignore[union-attr]
    assert reference.holders("King", "Ruritania") == ["Rudolf Rassendyll"]


@pytest.mark.parametrize(
    ("actors", "message"),
    [
        ('[[actor]]\nname = "X"\nkind = "ALIEN"\n', "`kind` must be one of"),
        ('[[actor]]\nkind = "PERSON"\n', "`name` is required"),
        ('[[actor]]\nname = "X"\nkind = "PERSON"\nroles = [{ title = "King", of = "Nowhere" }]\n',
         "not a listed actor"),
        ('[[actor]]\nname = "A"\nkind = "PERSON"\naliases = ["Z"]\n'
         '[[actor]]\nname = "B"\nkind = "PERSON"\naliases = ["Z"]\n', "listed for both"),
        ('[[actor]]\nname = "X"\nkind = "PERSON"\nnickname = "Y"\n', "unknown field"),
        ("[[actor]\n", "not valid TOML"),
    ],
)  # fmt: skip
def test_a_broken_reference_file_names_the_file_and_the_problem(
    tmp_path: Path, actors: str, message: str
) -> None:
    write(tmp_path, actors)
    with pytest.raises(ReferenceDataError, match=message) as caught:
        load_reference(tmp_path)
    assert "actors.toml" in str(caught.value)


def test_a_missing_reference_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ReferenceDataError, match="not found"):
        load_reference(tmp_path)


def test_a_countrys_iso_names_find_it_unless_the_countries_file_gives_them_to_another() -> None:
    reference = load_reference()

    def named(surface: str) -> str | None:
        found = reference.lookup(surface)
        return found.name if found is not None else None

    assert named("United Mexican States") == "Mexico"
    assert named("the Hellenic Republic") == "Greece"
    assert named("Viet Nam") == "Vietnam"
    # ISO calls the Republic "Congo"; the countries file gives the word to the Democratic one.
    assert named("Congo") == "Democratic Republic of the Congo"
    assert named("Republic of the Congo") == "Republic of the Congo"
