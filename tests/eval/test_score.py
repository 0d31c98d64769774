"""The scorer's matching of names: one organisation in several wordings is one."""

from __future__ import annotations

from tests.eval.score import _text_matches, same_org


def test_a_curly_apostrophe_names_the_same_government_as_its_demonym() -> None:
    assert same_org("Mexican Government", "Mexico\u2019s government")
    assert same_org("Mexico's government", "Mexico\u2019s government")


def test_two_countries_governments_are_not_the_same() -> None:
    assert not same_org("Mexican Government", "Canada\u2019s government")


def test_a_presidents_office_is_the_presidency() -> None:
    assert same_org("Mexican president's office", "Mexican Presidency")


def test_an_attribution_inside_a_gold_start_is_not_among_the_words_said() -> None:
    assert _text_matches(
        "Both parties agreed, Downing Street said, on",
        "Both parties agreed on the need to keep supporting Ukraine",
    )
