"""The scorer's matching of names: one organisation in several wordings is one."""

from __future__ import annotations

from newsgraph.ingest.model import ActorFact, ActorKind
from tests.eval.score import Gold, GoldStatement, _Mapper, _text_matches, same_org


def test_a_curly_apostrophe_names_the_same_government_as_its_demonym() -> None:
    assert same_org("Mexican Government", "Mexico\u2019s government")
    assert same_org("Mexico's government", "Mexico\u2019s government")


def test_two_countries_governments_are_not_the_same() -> None:
    assert not same_org("Mexican Government", "Canada\u2019s government")


def test_a_presidents_office_is_the_presidency() -> None:
    assert same_org("Mexican president's office", "Mexican Presidency")


def test_initials_inside_another_name_s_letters_are_not_that_body() -> None:
    assert not same_org("European Commission", "EU")
    assert same_org("African Union Commission", "African Union")
    assert same_org("United Nations", "UN")
    assert same_org("AU", "the African Union")


def test_an_attribution_inside_a_gold_start_is_not_among_the_words_said() -> None:
    assert _text_matches(
        "Both parties agreed, Downing Street said, on",
        "Both parties agreed on the need to keep supporting Ukraine",
    )


def test_an_office_of_a_country_is_that_countrys_office() -> None:
    assert same_org("Ministry of Foreign Affairs of Iraq", "Iraqi Foreign Ministry")
    assert same_org("Department of Foreign Affairs of the Philippines", "Filipino Foreign Ministry")
    assert same_org("State House of Kenya", "Kenyan Presidency")
    assert not same_org("Ministry of Foreign Affairs of Iraq", "Turkish Foreign Ministry")


def test_an_according_to_inside_a_gold_start_is_not_among_the_words_said() -> None:
    assert _text_matches(
        "The meeting, according to the Ministry",
        "The meeting discussed issues of mutual interest and ways to strengthen relations",
    )


def test_an_organisation_the_gold_lists_by_two_letters_is_not_a_country() -> None:
    gold = Gold("a", "dev", "asia", "x", 2005, [], {"CN"}, ["EU"], [], [])
    assert gold.entity("EU") == "org:EU"
    assert gold.entity("CN") == "country:CN"


def test_downing_street_is_the_british_prime_ministers_office() -> None:
    assert same_org("Downing Street", "British Prime Minister's Office")
    assert same_org("PMO", "Prime Minister\u2019s Office")
    assert not same_org("Downing Street", "Canadian Prime Minister's Office")


def test_an_office_named_without_its_country_is_that_office_of_the_country_named() -> None:
    assert same_org("Foreign Ministry", "Ministry of Foreign Affairs of Poland")
    assert not same_org("Foreign Ministry", "Polish Presidency")


def test_a_speaker_the_gold_names_only_as_a_speaker_is_still_an_organisation() -> None:
    said = GoldStatement("Downing Street", "The two leaders spoke", "reported", None)
    gold = Gold("a", "dev", "europe", "x", 2020, [], {"GB"}, [], [], [said])
    office = ActorFact(name="British Prime Minister's Office", kind=ActorKind.ORGANIZATION)
    mapper = _Mapper(gold, {office.name: office})
    assert mapper.key(office.name) == "org:Downing Street"


def test_the_seat_of_a_presidents_office_is_that_office() -> None:
    assert same_org("White House", "American Presidency")
    assert same_org("Kremlin", "Russian Presidency")
    assert not same_org("White House", "Kremlin")


def test_an_organisation_of_the_same_name_is_taken_before_a_looser_match() -> None:
    said = GoldStatement("Kremlin", "The two leaders spoke", "reported", None)
    gold = Gold(
        "a", "dev", "africa", "x", 2023, [], {"ZA", "RU"}, ["Presidency", "Kremlin"], [], [said]
    )
    kremlin = ActorFact(name="Kremlin", kind=ActorKind.ORGANIZATION)
    assert _Mapper(gold, {kremlin.name: kremlin}).key("Kremlin") == "org:Kremlin"
