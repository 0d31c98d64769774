"""Dates in news text: which expressions name a day, and which day."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.ingest.extract.article import extract
from newsgraph.ingest.extract.dates import (
    find_dates,
    parse_stated_date,
    resolve,
    vague_span,
    year_after,
)
from newsgraph.ingest.extract.reference import load_reference
from newsgraph.ingest.model import SourceDocument

SATURDAY = dt.date(2025, 8, 23)


def days(text: str, anchor: dt.date | None = SATURDAY, future: bool = False) -> list[object]:
    return [resolve(m, anchor, future=future) for m in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on Aug. 22", dt.date(2025, 8, 22)),
        ("on August 23", dt.date(2025, 8, 23)),
        ("on 21 August", dt.date(2025, 8, 21)),
        ("on March 12, 2025", dt.date(2025, 3, 12)),
        ("the March 12,2019 meeting", dt.date(2019, 3, 12)),
        ("2025-08-23", dt.date(2025, 8, 23)),
        ("23.08.2025", dt.date(2025, 8, 23)),
        ("yesterday", dt.date(2025, 8, 22)),
        ("on Monday", dt.date(2025, 8, 18)),
        ("last Saturday", dt.date(2025, 8, 16)),
        ("next Friday", dt.date(2025, 8, 29)),
        ("on Dec. 30", dt.date(2024, 12, 30)),
        ("four days ago", dt.date(2025, 8, 19)),
        ("a day ago", dt.date(2025, 8, 22)),
        ("last night", dt.date(2025, 8, 22)),
        ("this morning", dt.date(2025, 8, 23)),
        ("met a short while ago", dt.date(2025, 8, 23)),
        ("arrived an hour ago", dt.date(2025, 8, 23)),
        ("on 21/08/2025", dt.date(2025, 8, 21)),
        ("on 08/21/2025", dt.date(2025, 8, 21)),
        ("met on the 21st, when", dt.date(2025, 8, 21)),
        ("met on the 30th.", dt.date(2025, 7, 30)),
        ("MOSCOW, 21 AUG — RIA Novosti.", dt.date(2025, 8, 21)),
        ("KYIV, AUG 21 (Reuters) -", dt.date(2025, 8, 21)),
    ],
)
def test_a_date_expression_names_a_day_relative_to_the_publication(
    text: str, expected: dt.date
) -> None:
    assert days(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "earlier in the week",
        "last week",
        "recently",
        "over the weekend",
        "a few days ago",
        "two weeks ago",
    ],
)
def test_a_vague_time_is_never_a_day(text: str) -> None:
    mentions = find_dates(text)
    assert [m.kind for m in mentions] == ["vague"]
    assert days(text) == [None]


def test_a_weekday_in_a_sentence_about_the_future_is_the_next_one() -> None:
    assert days("will meet on Monday", future=True) == [dt.date(2025, 8, 25)]


def test_a_month_day_without_a_publication_date_is_no_day() -> None:
    assert days("on Aug. 22", anchor=None) == [None]


def test_may_the_verb_is_not_a_month() -> None:
    assert find_dates("Trump may meet Putin again") == []


def test_a_photo_taken_before_the_article_fixes_the_year() -> None:
    assert year_after(8, 23, dt.date(2025, 3, 12)) == dt.date(2025, 8, 23)
    assert year_after(1, 10, dt.date(2025, 3, 12)) == dt.date(2026, 1, 10)


def test_a_dateline_is_a_full_date_and_little_else() -> None:
    assert parse_stated_date("Published August 23, 2025, 10:31 PM") == dt.date(2025, 8, 23)
    assert parse_stated_date("23.08.2025 14:05") == dt.date(2025, 8, 23)
    assert parse_stated_date("The talks on Aug. 23, 2025 were constructive") is None


def test_a_month_alone_is_vague_and_a_month_with_its_day_is_a_day() -> None:
    assert [m.kind for m in find_dates("They spoke in November after the vote.")] == ["vague"]
    assert [m.kind for m in find_dates("in May 2024 they met")] == ["vague"]
    assert [m.kind for m in find_dates("They met in March 12 talks.")] == ["month_day"]


def test_a_time_of_day_alone_is_the_day_the_text_last_named() -> None:
    for text in ("In the evening she will meet him", "later that afternoon", "that morning"):
        assert [m.kind for m in find_dates(text)] == ["same_day"], text


def test_a_vague_time_that_names_its_week_or_month_gives_its_span() -> None:
    wednesday = dt.date(2013, 7, 17)
    assert vague_span("next week", wednesday) == (dt.date(2013, 7, 22), dt.date(2013, 7, 28))
    assert vague_span("in November", wednesday) == (dt.date(2012, 11, 1), dt.date(2012, 11, 30))
    assert vague_span("in November", wednesday, future=True) == (
        dt.date(2013, 11, 1),
        dt.date(2013, 11, 30),
    )
    assert vague_span("recently", wednesday) is None


def test_a_count_of_days_before_or_after_a_day_is_a_day() -> None:
    sunday = dt.date(2020, 1, 26)
    assert days("Four days before the Tuesday meeting", sunday) == [dt.date(2020, 1, 17)]
    assert days("a week after 3 March", sunday) == [dt.date(2019, 3, 10)]


def test_a_weekday_followed_by_its_full_date_is_that_date() -> None:
    (mention,) = find_dates("She traveled there on Monday, January 24, 2011, at his invitation.")
    assert mention.kind == "absolute"
    assert resolve(mention, dt.date(2011, 1, 31)) == dt.date(2011, 1, 24)


def test_the_last_night_of_a_holiday_is_no_day() -> None:
    assert find_dates("He called the prime minister on the last night of his holiday.") == []
    (mention,) = find_dates("He called the prime minister last night.")
    assert resolve(mention, dt.date(2006, 6, 2)) == dt.date(2006, 6, 1)


@pytest.mark.parametrize("text", ["on 03/04/2025", "the 14th summit", "on the 14th round of talks"])
def test_a_slashed_date_either_way_round_and_an_ordinal_before_a_noun_are_no_day(
    text: str,
) -> None:
    assert [d for d in days(text) if d is not None] == []


def test_a_clock_time_before_the_weekday_leaves_the_day_to_the_meeting() -> None:
    doc = SourceDocument(
        origin="test",
        body=(
            "Headline\n\nKenyan President William Ruto met Chinese President Xi Jinping in "
            "Beijing at 10:30 am on Thursday."
        ),
    )
    (article,) = extract(doc, load_reference(), published=SATURDAY)
    assert [m.date for m in article.meetings] == [dt.date(2025, 8, 21)]


@pytest.mark.parametrize(
    "text", ["from February 25-26, 2017", "on 11-12 May", "from 25 to 27 March", "on May 3 and 4"]
)
def test_a_span_of_days_names_no_one_day(text: str) -> None:
    (mention,) = find_dates(text)
    assert mention.kind == "vague"
    assert text.endswith(text[mention.start : mention.end])


def test_a_month_day_followed_by_a_number_of_something_else_is_still_a_day() -> None:
    assert [m.kind for m in find_dates("on May 3 to discuss 40 issues")] == ["month_day"]


def test_a_weekday_of_last_or_next_week_is_that_weeks_day() -> None:
    friday = dt.date(2024, 5, 10)
    for text, day in (
        ("met on Tuesday last week", dt.date(2024, 4, 30)),
        ("met Tuesday of last week", dt.date(2024, 4, 30)),
        ("will meet on Tuesday next week", dt.date(2024, 5, 14)),
        ("met last Tuesday", dt.date(2024, 5, 7)),
    ):
        (mention,) = find_dates(text)
        assert resolve(mention, friday, future=text.startswith("will")) == day, text
