"""Titles for texts that come without one, above all the news-feed items a page carries."""

from __future__ import annotations

import pytest

from newsgraph.ingest.extract.reference import load_reference
from newsgraph.ingest.headline import TITLE_LIMIT, headline
from newsgraph.ingest.pipeline import extract_file
from tests.helpers import CORPUS

KYIV_PAGE = CORPUS / "kyiv-independent-zelensky-security-guarantees.txt"

PADDING = (
    "in a long sentence that goes on about the many capitals, envoys, ministers and advisers "
    "who took part in the talks over several days and nights"
)


def test_a_short_first_sentence_is_the_title() -> None:
    text = "Zelensky met Schoof in Kyiv. They spoke about security guarantees."
    assert headline(text) == "Zelensky met Schoof in Kyiv"


def test_a_long_reported_lead_is_titled_by_what_was_reported() -> None:
    text = (
        "German media outlet Welt reported, citing anonymous EU sources, that China has "
        "signalled it is prepared to send peacekeeping forces to Ukraine in the event of a "
        "ceasefire. However, China is prepared to do so only with a UN mandate."
    )
    assert headline(text) == (
        "China has signalled it is prepared to send peacekeeping forces to Ukraine in the "
        "event of a ceasefire"
    )


def test_according_to_leads_are_titled_by_what_follows() -> None:
    claim = f"the two foreign ministers will meet in Geneva next week {PADDING}"
    text = f"According to a statement from the Swiss foreign ministry, {claim}."
    assert len(text) > TITLE_LIMIT
    title = headline(text, limit=len(claim) + 5)
    assert title == claim[:1].upper() + claim[1:]


def test_a_long_sentence_is_titled_by_its_main_clause_before_an_added_one() -> None:
    text = (
        "Kenyan Foreign Minister Musalia Mudavadi received his Ethiopian counterpart in Nairobi "
        "on Tuesday, after weeks of tension over the border and a dispute about grazing rights "
        "that had drawn in the regional bloc and both countries' armies."
    )
    assert len(text) > TITLE_LIMIT
    assert headline(text) == (
        "Kenyan Foreign Minister Musalia Mudavadi received his Ethiopian counterpart in Nairobi "
        "on Tuesday"
    )


def test_a_comma_in_a_list_is_not_taken_for_the_end_of_a_clause() -> None:
    text = f"Macron met Merz, Starmer, Meloni, Tusk and Sanchez {PADDING} {PADDING}."
    title = headline(text)
    assert title.endswith("…") and len(title) <= TITLE_LIMIT + 1
    assert title.startswith("Macron met Merz, Starmer, Meloni, Tusk and Sanchez in a long")


@pytest.mark.parametrize("text", ["", "   "])
def test_a_text_without_words_is_untitled(text: str) -> None:
    assert headline(text) == "(untitled)"


def test_the_kyiv_pages_feed_item_is_titled_by_its_news_not_a_cut_sentence() -> None:
    # The page carries its article and, in its news feed, an item about China: each is an
    # article of its own.
    titles = [item.article.title for item in extract_file(KYIV_PAGE, load_reference())]
    assert titles == [
        "Zelensky promises developments on security guarantees in 'coming days'",
        "China has signalled it is prepared to send peacekeeping forces to Ukraine in the "
        "event of a ceasefire",
    ]
