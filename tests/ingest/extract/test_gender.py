"""Which pronoun a person takes, from the given name alone."""

from __future__ import annotations

from newsgraph.ingest.extract.gender import given_name_gender


def test_a_womans_given_name_proves_a_woman() -> None:
    assert given_name_gender("Angela Merkel") == "female"


def test_a_mans_given_name_proves_a_man() -> None:
    assert given_name_gender("Barack Obama") == "male"
    assert given_name_gender("Volodymyr Zelensky") == "male"


def test_a_name_on_neither_list_or_a_surname_first_proves_nothing() -> None:
    assert given_name_gender("Irfaan Ali") is None
    assert given_name_gender("Kim Jong Un") is None
    assert given_name_gender("Obama") is None


def test_sheikh_before_a_womans_given_name_is_her_familys_style() -> None:
    assert given_name_gender("Sheikh Hasina") == "female"
    assert given_name_gender("Sheikh Tamim") is None


def test_given_names_of_many_languages_are_known() -> None:
    assert given_name_gender("Terrance Drew") == "male"
    assert given_name_gender("Henrique Capriles") == "male"
    assert given_name_gender("Agnes Callamard") == "female"
    assert given_name_gender("Tatiana Valovaya") == "female"
