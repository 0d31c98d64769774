"""Same words or not: the writer's test for merging statements reported by several articles."""

from __future__ import annotations

import pytest

from newsgraph.ingest.resolve.similarity import (
    SAME_STATEMENT_THRESHOLD,
    same_statement,
    statement_overlap,
)

KI_ARCHITECTURE = (
    "At present, the teams of Ukraine, the United States, and European partners are working on "
    "their architecture. All the developments will be ready in the coming days."
)
RBC_ARCHITECTURE = (
    "We discussed security guarantees. Now teams from Ukraine, the US, and European partners are "
    "working on their architecture. All the developments will be ready in the coming days. We "
    "talked about how the Netherlands can increase its involvement in this process and help with "
    "security guarantees."
)
KI_NO_PEACE = (
    "Russia is showing no intention of peace on its side and continues shelling our cities. We "
    "interpret all signals coming from Moscow these days in the same way. Pressure is needed to "
    "change their position, as well as a meeting at the highest level to discuss all issues."
)
RBC_NO_PEACE = (
    "Ukraine is ready for constructive steps that can bring real peace closer. However, Russia "
    "does not demonstrate any intentions for peace on its part and continues to shell our cities. "
    "We equally appreciate all the signals that are being heard from Moscow these days."
)
STUBB = (
    "They (Russia) want to continue the war at least until the fall to maximize their own "
    "territorial gains."
)

SAME = [
    (KI_ARCHITECTURE, RBC_ARCHITECTURE),
    ("…working on their architecture. All the developments will be ready in the coming days.",
     RBC_ARCHITECTURE),
    (KI_NO_PEACE, RBC_NO_PEACE),
    ("Russia is showing no intention of peace on its side and continues shelling our cities.",
     "Russia does not demonstrate any intentions for peace on its part and continues to shell "
     "our cities."),
    ("We will not give up our land to the occupier.", "We will not give our land to the occupier."),
    ("Zelenskyy said Ukraine needs Patriot systems before winter.",
     "Zelensky said Ukraine needs Patriot systems before the winter."),
    # The same figures however written, or figures left out of a partial quote.
    ("Ukraine has received 10,000 shells and 25 systems this month.",
     "This month Ukraine received 10 000 shells and twenty-five systems."),
    ("Ukraine has received 10,000 shells this month, and more will come in 2026.",
     "Ukraine has received shells this month, and more will come."),
]  # fmt: skip
DIFFERENT = [
    (KI_ARCHITECTURE, KI_NO_PEACE),
    (RBC_ARCHITECTURE, RBC_NO_PEACE),
    (STUBB, KI_NO_PEACE),
    ("in the coming days", KI_ARCHITECTURE),
    ("Security guarantees must be legally binding and approved by the U.S. Congress.",
     "We need security guarantees that work like NATO's Article 5, and the United States must be "
     "part of them."),
    ("The meeting with Putin must take place before any ceasefire talks.",
     "The ceasefire must come first, and only then can we talk about territory."),
    # One pattern, other figures: said on other occasions.
    ("We will need 29 more systems before winter, and we are talking with Helsinki.",
     "We will need 54 more systems before winter, and we are talking with Rome."),
    ("Our position has not changed. I spoke with the leaders in Ottawa today, and 52 "
     "questions remain open.",
     "The talks were constructive. I spoke with the leaders in Paris today, and 39 questions "
     "remain open."),
]  # fmt: skip


@pytest.mark.parametrize(("a", "b"), SAME)
def test_two_reports_of_the_same_words_match(a: str, b: str) -> None:
    assert same_statement(a, b)
    assert same_statement(b, a)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_words_of_the_same_speaker_do_not_match(a: str, b: str) -> None:
    assert not same_statement(a, b)


def test_overlap_is_a_symmetric_score_between_zero_and_one() -> None:
    for a, b in [*SAME, *DIFFERENT]:
        score = statement_overlap(a, b)
        assert 0.0 <= score <= 1.0
        assert score == statement_overlap(b, a)
    assert statement_overlap(STUBB, STUBB) == 1.0
    assert statement_overlap("", "Anything at all") == 0.0


def test_the_threshold_separates_the_pairs_with_a_margin() -> None:
    lowest_same = min(statement_overlap(a, b) for a, b in SAME)
    highest_different = max(statement_overlap(a, b) for a, b in DIFFERENT)
    assert highest_different + 0.05 <= SAME_STATEMENT_THRESHOLD <= lowest_same - 0.05
