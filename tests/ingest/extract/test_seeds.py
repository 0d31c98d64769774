"""The two seed articles, extracted end to end, against what a careful reader finds in them."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from newsgraph.ingest.extract.article import extract
from newsgraph.ingest.extract.reference import Reference, load_reference
from newsgraph.ingest.model import (
    ExtractedArticle,
    MeetingFact,
    MeetingMode,
    MeetingStatus,
    SourceDocument,
)
from newsgraph.ingest.resolve.similarity import same_statement
from tests.helpers import CORPUS

KYIV_INDEPENDENT = "kyiv-independent-zelensky-security-guarantees.txt"
RBC = "security-guarantees-zelensky-breakthrough.txt"


@cache
def reference() -> Reference:
    return load_reference()


@cache
def seed(name: str) -> tuple[ExtractedArticle, ...]:
    body = (CORPUS / name).read_text(encoding="utf-8")
    return tuple(extract(SourceDocument(origin=name, body=body), reference()))


def meeting_of(article: ExtractedArticle, *names: str) -> MeetingFact:
    found = [m for m in article.meetings if set(names) <= {p.actor for p in m.participants}]
    assert len(found) == 1, [m.title for m in article.meetings]
    return found[0]


def test_the_kyiv_independent_seed_has_its_headline_desk_and_inferred_date() -> None:
    article = seed(KYIV_INDEPENDENT)[0].article
    assert article.title == "Zelensky promises developments on security guarantees in 'coming days'"
    assert article.publisher == "Kyiv Independent"
    assert article.published_on == dt.date(2025, 8, 23)
    assert article.published_inferred is True
    assert article.language == "en"


def test_the_rbc_seed_has_its_header_date_title_and_category() -> None:
    article = seed(RBC)[0].article
    assert article.title == (
        "Security guarantees for Ukraine. Zelensky announced an important breakthrough"
    )
    assert article.published_on == dt.date(2025, 8, 23)
    assert article.published_inferred is False
    assert article.section == "Politics"
    assert article.publisher is None


def test_a_photo_caption_date_is_not_the_publication_date() -> None:
    article = seed(KYIV_INDEPENDENT)[0].article
    assert article.published_on != dt.date(2025, 3, 12)
    assert "March 12" not in article.body
    assert "Getty Images" not in article.body


def test_navigation_author_box_teaser_and_feed_stay_out_of_the_body() -> None:
    body = seed(KYIV_INDEPENDENT)[0].article.body
    for boilerplate in (
        "News Feed", "2 min read", "Article image", "Avatar", "news desk", "We are the news team",
        "Read more", "Show More", "The proposal will ex", "What\u2019s on the table", "Welt",
    ):  # fmt: skip
        assert boilerplate not in body, boilerplate
    assert body.startswith("As Ukraine and its allies")
    assert body.endswith('territorial gains."')


def test_points_of_attention_subtitles_and_the_speaker_box_are_structure_not_text() -> None:
    body = seed(RBC)[0].article.body
    assert "Points of attention" not in body
    assert "emphasizes readiness" not in body
    assert "Ukraine's allies are actively working on security guarantees" not in body
    assert "President of Ukraine" not in body
    assert "Volodymyr Zelenskyi" not in body
    assert "Category" not in body and "Publication date" not in body


def test_the_teaser_meeting_is_not_a_fact_of_the_main_article() -> None:
    article = seed(KYIV_INDEPENDENT)[0]
    assert len(article.meetings) == 3
    for meeting in article.meetings:
        assert "trilateral" not in meeting.excerpt
        assert "appearance" not in meeting.excerpt


def test_the_feed_item_is_returned_as_its_own_article() -> None:
    main, feed = seed(KYIV_INDEPENDENT)
    assert feed.article.title.startswith("China has signalled it is prepared to send peacekeeping")
    assert feed.article.publisher == "Kyiv Independent"
    assert feed.article.url is None
    assert {"Welt", "China", "United Nations"} <= set(feed.mentions)
    assert "peacekeeping" in feed.topics
    assert "China" not in main.mentions and "Welt" not in main.mentions


def test_feed_items_get_a_fragment_url_when_the_page_has_one() -> None:
    body = (CORPUS / KYIV_INDEPENDENT).read_text(encoding="utf-8")
    url = "https://kyivindependent.com/zelensky-security-guarantees/"
    results = extract(SourceDocument(origin="x", body=body, url=url), reference())
    assert results[1].article.url == url + "#feed-1"


def test_the_zelensky_schoof_call_is_found_in_both_seeds() -> None:
    ki = meeting_of(seed(KYIV_INDEPENDENT)[0], "Volodymyr Zelensky", "Dick Schoof")
    rbc = meeting_of(seed(RBC)[0], "Volodymyr Zelensky", "Dick Schoof")
    assert ki.date == rbc.date == dt.date(2025, 8, 23)
    assert ki.mode is MeetingMode.UNKNOWN  # "conversation" says nothing about the medium
    assert rbc.mode is MeetingMode.PHONE  # "telephone talks"
    assert rbc.title == "Zelensky\u2013Schoof phone call"
    assert "security guarantees" in ki.topics and "security guarantees" in rbc.topics


def test_the_rubio_yermak_meeting_has_the_advisers_countries_and_organisations() -> None:
    meeting = meeting_of(seed(KYIV_INDEPENDENT)[0], "Marco Rubio", "Andriy Yermak")
    assert meeting.date == dt.date(2025, 8, 22)
    assert meeting.status is MeetingStatus.HELD
    roles = {p.actor: p.role for p in meeting.participants}
    for country in ("United Kingdom", "France", "Germany", "Italy", "Finland"):
        assert roles[country] == "national security adviser"
    assert roles["NATO"] == roles["European Commission"] == "representative"
    assert roles["Marco Rubio"] is None


def test_the_day_the_page_gives_elsewhere_dates_the_meeting_of_earlier_in_the_week() -> None:
    # "a meeting between Zelensky and U.S. President Donald Trump at the White House earlier
    # in the week", and in the page's teaser: "Zelensky's Aug. 18 appearance at the White
    # House". One event, its day named once.
    meeting = meeting_of(seed(KYIV_INDEPENDENT)[0], "Volodymyr Zelensky", "Donald Trump")
    assert meeting.date == dt.date(2025, 8, 18)
    assert meeting.mode is MeetingMode.IN_PERSON
    assert meeting.place == "White House"
    assert len(meeting.participants) == 2


def test_seeking_a_meeting_with_putin_is_a_proposed_meeting() -> None:
    meeting = meeting_of(seed(RBC)[0], "Volodymyr Zelensky", "Vladimir Putin")
    assert meeting.status is MeetingStatus.PROPOSED
    assert meeting.date is None


def test_a_meeting_at_the_highest_level_with_nobody_named_invents_no_participant() -> None:
    titles = [m.title for m in seed(KYIV_INDEPENDENT)[0].meetings]
    assert titles == [
        "Zelensky\u2013Schoof conversation",
        "Rubio\u2013Yermak meeting",
        "Zelensky\u2013Trump meeting",
    ]


def test_roles_come_out_with_their_country() -> None:
    actors = {a.name: a for a in seed(KYIV_INDEPENDENT)[0].actors}
    roles = {name: {(r.title, r.of) for r in a.roles} for name, a in actors.items()}
    assert ("Prime Minister", "Netherlands") in roles["Dick Schoof"]
    assert ("Secretary of State", "United States") in roles["Marco Rubio"]
    assert ("Foreign Minister", "Russia") in roles["Sergey Lavrov"]
    assert ("President", "Finland") in roles["Alexander Stubb"]
    assert ("President", "United States") in roles["Donald Trump"]
    assert ("Head of the Presidential Office", "Ukraine") in roles["Andriy Yermak"]


def test_dictator_is_not_a_role() -> None:
    putin = next(a for a in seed(RBC)[0].actors if a.name == "Vladimir Putin")
    assert [r.title for r in putin.roles] == ["President"]


def test_every_spelling_of_zelensky_is_one_actor() -> None:
    for name in (KYIV_INDEPENDENT, RBC):
        people = [a.name for a in seed(name)[0].actors if "elensk" in a.name]
        assert people == ["Volodymyr Zelensky"]


def test_statements_of_the_kyiv_independent_seed() -> None:
    statements = seed(KYIV_INDEPENDENT)[0].statements
    by_speaker = [(s.speaker, s.date, s.medium) for s in statements]
    assert by_speaker == [
        ("Volodymyr Zelensky", dt.date(2025, 8, 23), None),
        ("Volodymyr Zelensky", dt.date(2025, 8, 23), "post on X"),
        ("Sergey Lavrov", None, None),
        ("Sergey Lavrov", dt.date(2025, 8, 21), None),
        ("Volodymyr Zelensky", dt.date(2025, 8, 23), "post on X"),
        ("Alexander Stubb", None, "interview with Helsingin Sanomat"),
    ]
    assert statements[1].text.startswith("At present, the teams of Ukraine")
    assert statements[1].mentions == ["Ukraine", "United States"]
    assert "foreign military intervention" in statements[3].text
    assert statements[4].text.endswith("a meeting at the highest level to discuss all issues.")
    assert statements[5].mentions == ["Russia"]


def test_statements_of_the_rbc_seed_are_all_zelenskys() -> None:
    statements = seed(RBC)[0].statements
    assert {s.speaker for s in statements} == {"Volodymyr Zelensky"}
    texts = [s.text for s in statements]
    assert any(t.startswith("Ukraine is ready for constructive steps") for t in texts)
    assert any(t.startswith("We discussed security guarantees.") for t in texts)
    assert any(t.startswith("the details of security guarantees") for t in texts)
    # Same-day reporting: the lead's "On August 23" is the stated publication date.
    assert {s.date for s in statements} == {dt.date(2025, 8, 23)}


def test_the_same_words_in_two_translations_are_one_statement() -> None:
    ki = next(s for s in seed(KYIV_INDEPENDENT)[0].statements if "architecture" in s.text)
    rbc = next(s for s in seed(RBC)[0].statements if "architecture" in s.text)
    assert ki.speaker == rbc.speaker and ki.date == rbc.date
    assert same_statement(ki.text, rbc.text)


@pytest.mark.parametrize("name", [KYIV_INDEPENDENT, RBC])
def test_every_excerpt_is_verbatim_at_its_offset(name: str) -> None:
    for article in seed(name):
        body = article.article.body
        spans = [(m.offset, m.excerpt) for m in article.meetings]
        spans += [(s.offset, s.excerpt) for s in article.statements]
        for offset, excerpt in spans:
            assert offset is not None
            assert body[offset : offset + len(excerpt)] == excerpt


@pytest.mark.parametrize("name", [KYIV_INDEPENDENT, RBC])
def test_extraction_is_deterministic_and_round_trips_through_json(name: str) -> None:
    body = (CORPUS / name).read_text(encoding="utf-8")
    first = extract(SourceDocument(origin=name, body=body), reference())
    second = extract(SourceDocument(origin=name, body=body), reference())
    assert [a.model_dump() for a in first] == [a.model_dump() for a in second]
    for article in first:
        assert ExtractedArticle.model_validate_json(article.model_dump_json()) == article


def test_topics_of_the_seeds() -> None:
    assert seed(KYIV_INDEPENDENT)[0].topics[0] == "security guarantees"
    assert "defense production" in seed(RBC)[0].topics
