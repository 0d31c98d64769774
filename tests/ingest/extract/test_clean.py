"""Boilerplate removal on page shapes seen in news of the period."""

from __future__ import annotations

import datetime as dt
from functools import cache

import pytest

from newsgraph.ingest.extract.article import ExtractionError, extract
from newsgraph.ingest.extract.clean import clean_page
from newsgraph.ingest.extract.reference import Reference, load_reference
from newsgraph.ingest.model import ExtractedArticle, SourceDocument


@cache
def reference() -> Reference:
    return load_reference()


def run(body: str, **fields: object) -> list[ExtractedArticle]:
    doc = SourceDocument.model_validate({"origin": "test", "body": body, **fields})
    return extract(doc, reference())


def test_a_page_of_only_navigation_is_an_error_a_user_understands() -> None:
    with pytest.raises(ExtractionError, match="no article text found") as caught:
        run("News Feed\n\nRead more\nShow More\n")
    assert isinstance(caught.value, ValueError)
    assert "test" in str(caught.value)


def test_a_caption_with_a_photo_credit_is_dropped_but_remembered() -> None:
    page = clean_page(
        "Talks in Istanbul\n\n"
        "Ukrainian and Russian delegations meet at the Ciragan Palace in Istanbul, Turkey, "
        "on May 16, 2025. (Photo: Arda Kucukkaya/Anadolu via Getty Images)\n\n"
        "Delegations from Ukraine and Russia met in Istanbul on July 23 for a third round.\n"
    )
    assert [b.text for b in page.blocks] == [
        "Delegations from Ukraine and Russia met in Istanbul on July 23 for a third round."
    ]
    assert page.title == "Talks in Istanbul"
    assert len(page.captions) == 1


def test_an_agency_credit_in_brackets_after_the_last_sentence_leaves_the_paragraph() -> None:
    page = clean_page(
        "Lula in Caracas\n\n"
        "Brazilian President Lula met President Hugo Chavez in Caracas on Friday.\n\n"
        "Lula and Chavez signed several deals to strengthen bilateral cooperation in "
        "agriculture and energy. (dpa)\n"
    )
    assert [b.text for b in page.blocks][-1] == (
        "Lula and Chavez signed several deals to strengthen bilateral cooperation in "
        "agriculture and energy."
    )


def test_an_agency_credit_glued_to_the_last_full_stop_leaves_the_paragraph() -> None:
    page = clean_page(
        "Buhari receives Akufo-Addo\n\n"
        "President Muhammadu Buhari met Ghanaian President Nana Akufo-Addo in Abuja.\n\n"
        "Akufo-Addo won the 2016 poll against the incumbent, John Mahama, by a margin of 9.45 "
        "per cent.(NAN)\n"
    )
    assert [b.text for b in page.blocks][-1] == (
        "Akufo-Addo won the 2016 poll against the incumbent, John Mahama, by a margin of 9.45 "
        "per cent."
    )


def test_a_teaser_with_a_truncated_paragraph_is_dropped_with_its_headline() -> None:
    page = clean_page(
        "Main headline\n\n"
        "Zelensky met European leaders in Washington on Aug. 18 to discuss security guarantees.\n\n"
        "Ukraine war latest: Russia launches largest drone attack of the summer\n"
        "Russia launched over 500 drones and missiles overnight, the Air Force said, in what "
        "officials described as one of the largest combined strikes on the western regions of "
        "Ukraine since the start of the full-scale invasion, hitting energy fac\n"
    )
    texts = [b.text for b in page.blocks]
    assert texts == [
        "Zelensky met European leaders in Washington on Aug. 18 to discuss security guarantees."
    ]


def test_a_whole_sentence_before_a_truncated_paragraph_is_no_teaser_s_headline() -> None:
    page = clean_page(
        "Main headline\n\n"
        "On the first day of his term, Radoslaw Sikorski spoke with the heads of the foreign "
        "ministries of Germany and Lithuania.\n"
        "On Wednesday morning, Sikorski was appointed Minister of Foreign Affairs in Donald "
        "Tusk's government by the President of the Republic of Poland, Andrzej Duda.\n"
        "On the first day of his term, the head of Polish diplomacy, Radoslaw Sikorski, spoke "
        "with the Foreign Minister of Lithuania, Gabrielius Landsbergis; reference was made to "
        "Minister Sikorski's first foreign visit to Vilnius in 2007\n"
    )
    texts = [b.text[:30] for b in page.blocks]
    assert "On Wednesday morning, Sikorski" in texts


def test_a_story_whose_last_paragraph_was_cut_short_keeps_that_paragraph() -> None:
    page = clean_page(
        "Main headline\n\n"
        "Prime Minister Abiy Ahmed held talks with President Yoweri Museveni in Kampala today.\n\n"
        "On the margins of the summit, Abiy also had bilateral meetings with leaders of various "
        "countries including President of Kenya William Ruto and President of Sri Lanka Ranil "
        "Wickremesinghe, and with the Secretary-General of the United Nations,\n"
    )
    assert [b.text[:30] for b in page.blocks] == [
        "Prime Minister Abiy Ahmed held",
        "On the margins of the summit, ",
    ]
    assert page.teasers == ()


def test_a_repeated_title_and_reading_time_are_structure() -> None:
    page = clean_page(
        "Trump and Putin meet in Alaska\n\n3 min read\nTrump and Putin meet in Alaska\n\n"
        "U.S. President Donald Trump met Russian President Vladimir Putin in Anchorage "
        "on Aug. 15.\n"
    )
    assert page.title == "Trump and Putin meet in Alaska"
    assert len(page.blocks) == 1


def test_a_dateline_in_the_head_is_the_stated_publication_date() -> None:
    page = clean_page(
        "Kremlin rejects European troops\nPublished August 21, 2025, 10:31 PM\n\n"
        "Russia will not accept European troops in Ukraine, Foreign Minister Sergey Lavrov said.\n"
    )
    assert page.stated_date == dt.date(2025, 8, 21)


def test_bylines_and_link_lines_are_not_article_text() -> None:
    page = clean_page(
        "Sybiha calls Fidan\nBy Kateryna Hodunova\n\n"
        "Foreign Minister Andrii Sybiha spoke with his Turkish counterpart on Aug. 20.\n\n"
        "Read also: Turkey ready to host Zelensky-Putin meeting\n\n"
        "The ministers discussed preparations for a leaders' meeting.\n"
    )
    assert [b.text for b in page.blocks] == [
        "Foreign Minister Andrii Sybiha spoke with his Turkish counterpart on Aug. 20.",
        "The ministers discussed preparations for a leaders' meeting.",
    ]


def test_a_hard_wrapped_paragraph_is_joined_back() -> None:
    page = clean_page(
        "Headline\n\nPresident Volodymyr Zelensky said on Aug. 25 that Ukraine\n"
        "expects a decision on security guarantees within ten days.\n"
    )
    assert [b.text for b in page.blocks] == [
        "President Volodymyr Zelensky said on Aug. 25 that Ukraine expects a decision on "
        "security guarantees within ten days."
    ]


def test_a_paragraph_the_page_broke_mid_sentence_is_joined_back() -> None:
    page = clean_page(
        "Headline\n\nKathmandu, March 20\n\nMinister for Commerce Ram Kumar Thapa has held "
        "discussions with his Indian counterpart Suresh Prabhu on\n\nvarious dimensions of "
        "bilateral trade and investment promotion.\n\nThe talks went well (end)\n\nsss\n"
    )
    texts = [b.text for b in page.blocks]
    assert (
        "Minister for Commerce Ram Kumar Thapa has held discussions with his Indian "
        "counterpart Suresh Prabhu on various dimensions of bilateral trade and investment "
        "promotion." in texts
    )
    assert not any(t.endswith("sss") for t in texts)


def test_a_line_broken_before_a_titles_holder_runs_on_into_the_next() -> None:
    page = clean_page(
        "Vietnam foreign minister starts US visit\n"
        "Pham Gia Khiem, who is also a deputy prime minister, was scheduled to meet U.S. "
        "Secretary of State\n"
        "Condoleezza Rice and several members of Congress during his trip, said a spokesman.\n"
        "Shares rose sharply on the news this morning at 9:45 PM\n"
        "The index closed higher than it opened on Monday in Hanoi.\n"
    )
    assert [b.text for b in page.blocks] == [
        "Pham Gia Khiem, who is also a deputy prime minister, was scheduled to meet U.S. "
        "Secretary of State Condoleezza Rice and several members of Congress during his trip, "
        "said a spokesman.",
        "The index closed higher than it opened on Monday in Hanoi.",
    ]


def test_a_sentence_broken_around_a_left_out_photo_is_joined_back() -> None:
    page = clean_page(
        "Headline\n\nThe Deputy Prime Minister and Minister of Foreign Affairs made the "
        "statement while meeting with US Secretary of State Mike Pompeo, US Deputy National "
        "Security Advisor Charles Kupperman (photo below) \n\n \n\n \n\nand with Assistant to "
        "the US President Keith Kellogg in Washington on May 22 (photo below).\n"
    )
    assert [b.text for b in page.blocks] == [
        "The Deputy Prime Minister and Minister of Foreign Affairs made the statement while "
        "meeting with US Secretary of State Mike Pompeo, US Deputy National Security Advisor "
        "Charles Kupperman (photo below) and with Assistant to the US President Keith Kellogg "
        "in Washington on May 22 (photo below)."
    ]


def test_a_block_quote_keeps_its_speaker_box() -> None:
    page = clean_page(
        "Headline\n\nThe Finnish president commented on the talks.\n\n"
        "We must keep up the pressure on Russia until it agrees to a ceasefire.\n\n"
        "Alexander Stubb\n\nPresident of Finland\n\nHe spoke in Helsinki.\n"
    )
    quote = page.blocks[1]
    assert quote.speaker == "Alexander Stubb"
    assert quote.speaker_role == "President of Finland"
    assert [b.text for b in page.blocks][2] == "He spoke in Helsinki."


def test_a_name_line_after_third_person_prose_is_not_a_speaker_box() -> None:
    page = clean_page(
        "Headline\n\nThe talks ended without an agreement on Friday.\n\nMarco Rubio\n\n"
        "Rubio said the United States would continue to mediate.\n"
    )
    assert all(b.speaker is None for b in page.blocks)


def test_source_metadata_wins_over_the_page() -> None:
    body = "Page headline\n\nZelensky spoke with Stubb by phone on Monday about air defense.\n"
    article = run(
        body,
        title="Given title",
        publisher="The Kyiv Independent",
        published=dt.date(2025, 8, 25),
        url="https://example.org/a",
    )[0].article
    assert article.title == "Given title"
    assert article.publisher == "Kyiv Independent"  # canonical name of a known outlet
    assert article.published_on == dt.date(2025, 8, 25)
    assert article.published_inferred is False


def test_the_command_line_date_wins_over_everything() -> None:
    body = "date 2025-08-23 Headline\n\nZelensky met Schoof in Kyiv on Friday.\n"
    doc = SourceDocument(origin="x", body=body, published=dt.date(2025, 8, 24))
    article = extract(doc, reference(), published=dt.date(2025, 8, 30))[0]
    assert article.article.published_on == dt.date(2025, 8, 30)
    assert article.meetings[0].date == dt.date(2025, 8, 29)


def test_a_known_domain_names_the_publisher() -> None:
    body = "Headline\n\nUmerov met Witkoff in Miami on Aug. 29 to discuss the peace plan.\n"
    article = run(body, url="https://www.reuters.com/world/europe/x")[0].article
    assert article.publisher == "Reuters"


def test_an_article_without_a_headline_line_takes_its_first_sentence() -> None:
    article = run(
        "U.S. envoy Steve Witkoff met Putin in Moscow on Aug. 6. The talks lasted three hours.\n"
    )[0].article
    assert article.title == "U.S. envoy Steve Witkoff met Putin in Moscow on Aug. 6"


@pytest.mark.parametrize(
    "body",
    [
        "",
        "   \n\n",
        "....",
        '""""',
        ". . . and then Zelensky met Stubb in Kyiv on Monday to talk about air defense.",
        "“An unclosed quotation, he said, that runs to the end of the page",
        "On Aug. 99, somebody met somebody else in a place that is not named.",
    ],
)
def test_degenerate_text_gives_an_article_or_a_clear_error(body: str) -> None:
    try:
        articles = run(body)
    except ExtractionError:
        return
    for article in articles:
        assert article.article.title
        assert article.article.body


def test_an_agency_credit_after_a_dash_ends_the_story_not_the_paragraph() -> None:
    page = clean_page(
        "Headline\n\nThe minister met his counterpart in Geneva on Tuesday.\n\n"
        "He said the talks would go on next month. — Bernama"
    )
    assert [b.text for b in page.blocks] == [
        "The minister met his counterpart in Geneva on Tuesday.",
        "He said the talks would go on next month.",
    ]


def test_a_sharing_button_run_onto_the_last_paragraph_does_not_drop_the_article() -> None:
    page = clean_page(
        "Ministers agree on exchanges\n\n"
        "The foreign ministers of Norway and Chile agreed on Monday to expand student exchanges, "
        "a diplomat said. They also discussed fisheries and climate policy, he said. "
        "Share This Story With Your Friends\n"
    )
    assert [b.text for b in page.blocks] == [
        "The foreign ministers of Norway and Chile agreed on Monday to expand student exchanges, "
        "a diplomat said. They also discussed fisheries and climate policy, he said."
    ]


def test_a_teaser_cut_after_a_whole_sentence_is_still_a_teaser() -> None:
    page = clean_page(
        "Main headline\n\n"
        "The prime minister met the visiting president in Oslo on Monday for talks on trade.\n\n"
        "Storm hits the coast\n"
        "A storm hit the western coast overnight, the weather office said. Thousands of homes "
        "lost power and several roads were closed while crews worked to clear the fallen tr\n"
    )
    assert [b.text for b in page.blocks] == [
        "The prime minister met the visiting president in Oslo on Monday for talks on trade."
    ]


def test_paragraphs_hard_wrapped_at_a_fixed_width_are_read_as_one() -> None:
    body = (
        "Leaders talk\n\n"
        "Kenyan President William Ruto on Tuesday telephoned Prime\n"
        "Minister Keir Starmer to discuss, among other things, the trade agreement the two\n"
        "countries signed in the spring. The call came after the Prime Minister met\n"
        "his cabinet.\n"
    )
    (article,) = run(body, published="2025-08-20")
    assert [sorted(p.actor for p in m.participants) for m in article.meetings] == [
        ["Keir Starmer", "William Ruto"]
    ]
    assert article.meetings[0].date == dt.date(2025, 8, 19)


def test_a_month_day_on_an_undated_page_takes_its_year_from_the_address() -> None:
    (article,) = run(
        "Lula receives Fernandez\n\nPresident Luiz Inacio Lula da Silva on Monday (Jun. 26) "
        "received Argentine President Alberto Fernandez in Brasilia.",
        url="https://news.example.org/en/internacional/noticia/2023-06/lula-receives-fernandez",
    )
    assert [m.date for m in article.meetings] == [dt.date(2023, 6, 26)]


def test_an_undated_page_dates_its_weekdays_from_the_date_in_its_headline() -> None:
    (article,) = run(
        "Prime Minister of Portugal visits Greece, Tuesday September 9, 2014\n\n"
        "Portuguese Prime Minister Pedro Passos Coelho met Greek Prime Minister Antonis Samaras "
        "in Athens on Tuesday.",
    )
    assert article.article.published_on == dt.date(2014, 9, 9)
    assert article.article.published_inferred is True
    assert [m.date for m in article.meetings] == [dt.date(2014, 9, 9)]


def test_an_undated_page_dates_its_weekdays_from_a_caption_kept_as_a_teaser() -> None:
    (article,) = run(
        "Nepal, India stress past pacts\n\n"
        "Nepal's Prime Minister Pushpa Kamal Dahal meets Indian Prime Minister Narendra Modi in "
        "Goa on Sunday, October 16, 2016. Photo: MEA India\n\n"
        "KATHMANDU: Nepalese Prime Minister Pushpa Kamal Dahal held talks with Indian Prime "
        "Minister Narendra Modi on Sunday.",
    )
    assert [m.date for m in article.meetings] == [dt.date(2016, 10, 16)]


def test_a_month_day_on_an_undated_page_takes_its_year_from_the_headline() -> None:
    (article,) = run(
        "WEF ASEAN 2018: Prime Minister receives Singaporean counterpart\n\n"
        "Prime Minister Nguyen Xuan Phuc received Prime Minister of Singapore Lee Hsien Loong in "
        "Hanoi on September 12.",
    )
    assert [m.date for m in article.meetings] == [dt.date(2018, 9, 12)]


def test_a_month_day_on_an_undated_page_takes_its_year_from_a_year_in_the_address() -> None:
    (article,) = run(
        "Activities of the Secretary-General in Tonga\n\n"
        "UN Secretary-General Antonio Guterres met Tongan Prime Minister Siaosi Sovaleni in "
        "Nuku'alofa on 24 August.",
        url="https://press.un.org/en/2024/sgt3400.doc.htm",
    )
    assert [m.date for m in article.meetings] == [dt.date(2024, 8, 24)]


def test_an_advertisement_slot_between_paragraphs_is_not_text() -> None:
    (article,) = run(
        "Talks\n\nAfter the call, the Irish prime minister tweeted: \u201cGood conversation "
        "with British PM Rishi Sunak this evening.\n\n\u201cAgreed on the importance of talks "
        "to find agreed solutions on the protocol.\u201d\n\nAdvertisement Hide Ad\n\n"
        "A spokesman for the British prime minister said the call had gone well.",
        published="2022-10-27",
    )
    assert "Hide Ad" not in article.article.body
    assert "Advertisement Hide Ad" not in {s.speaker for s in article.statements}


def test_a_year_the_body_names_is_no_year_for_an_undated_page() -> None:
    (article,) = run(
        "Boric meets Lopez Obrador\n\n"
        "Chilean President Gabriel Boric met Mexican President Andres Manuel Lopez Obrador on "
        "November 23. Both recalled the coup of 1973.",
    )
    assert [m.date for m in article.meetings] == [None]


def test_a_sentence_glued_to_the_last_one_is_still_its_own() -> None:
    (article,) = run(
        "Talks\n\nKenyan President William Ruto discussed trade with his Tanzanian counterpart "
        "Samia Suluhu Hassan on Tuesday.According to the Kenyan foreign ministry, the two "
        "leaders agreed to open the border.",
        published="2025-08-20",
    )
    assert [(s.speaker, s.text[:20]) for s in article.statements] == [
        ("Kenyan Foreign Ministry", "the two leaders agre")
    ]


def test_a_subheading_of_a_name_and_its_verb_is_no_speaker() -> None:
    (article,) = run(
        "Call\n\nThe chancellor spoke with the Commission president on Monday.\n\n"
        '"Austria is and remains a reliable partner in the European Union," said Austrian '
        "Chancellor Christian Stocker.\n\nVon der Leyen Congratulates\n\n"
        "Ursula von der Leyen wrote that the call had been excellent.",
        published="2025-08-20",
    )
    assert all("Congratulates" not in a.name for a in article.actors)


def test_a_story_signed_off_with_editors_initials_keeps_its_text() -> None:
    body = (
        "Iran's Foreign Minister Ali Akbar Salehi held phone talks with his Egyptian "
        "counterpart on Thursday about the situation in the region, and the two ministers "
        "agreed to stay in touch in the coming weeks. SF/HSN/MA"
    )
    page = clean_page(body)
    assert [b.text for b in page.blocks] == [body.removesuffix(" SF/HSN/MA")]


def test_a_post_signature_loses_its_emoji() -> None:
    page = clean_page(
        "Saudi Arabia's foreign minister received a phone call from his Iranian counterpart."
        "\n\nWe discussed bilateral relations and the situation in the region today. — Foreign "
        "Ministry \U0001f1f8\U0001f1e6 (@KSAmofaEN) April 6, 2024"
    )
    assert [b.speaker for b in page.blocks if b.speaker] == ["Foreign Ministry"]


def test_two_single_quotation_marks_are_one_double_but_a_doubled_apostrophe_stays() -> None:
    page = clean_page(
        "Headline\n\n\u2018\u2018It is in our common interest to act,\u2019\u2019 the minister "
        "said. ''We will work more intensively,'' he added. Korea''s envoy was there."
    )
    assert [b.text for b in page.blocks] == [
        "\u201cIt is in our common interest to act,\u201d the minister said. \u201cWe will "
        "work more intensively,\u201d he added. Korea''s envoy was there."
    ]


def test_a_report_whose_full_stop_the_page_lost_is_still_prose() -> None:
    page = clean_page(
        "Headline\n\nSamoa's Prime Minister spoke to reporters on Friday.\n\n"
        "He said the leaders have reaffirmed the Blue Pacific concept which was embraced\n\n"
        "Read more"
    )
    assert [b.text for b in page.blocks] == [
        "Samoa's Prime Minister spoke to reporters on Friday.",
        "He said the leaders have reaffirmed the Blue Pacific concept which was embraced",
    ]


def test_a_name_and_its_office_above_a_transcript_are_kept_as_a_head_name() -> None:
    page = clean_page(
        "Remarks With Mexican Foreign Secretary Jose Antonio Meade Before Their Meeting\n\n"
        "John Kerry\nSecretary of State\nTreaty Room\nWashington, DC\n\n"
        "SECRETARY KERRY: I am really delighted to have a chance to welcome the foreign "
        "secretary here."
    )
    assert "Secretary of State John Kerry" in page.head_names


def test_hard_wrapped_paragraphs_with_no_blank_line_between_and_a_word_set_apart() -> None:
    page = clean_page(
        "Joint statement\n\n"
        "SEPTEMBER 19, 2005, NEW YORK\n"
        "We,\n"
        "the Minister of Foreign Affairs of Canada, Pierre S. Pettigrew, and the\n"
        "Minister for Foreign Affairs of Denmark, Per Stig Moller, met today, September\n"
        "19, 2005, in the margins of the United Nations General Assembly, in New York,\n"
        "to reaffirm our long-standing bilateral relations as friends and neighbours.\n"
        "Together,\n"
        "we reviewed many of the issues which will be addressed at this General Assembly\n"
        "and on which we are close partners, including climate change and trade.\n"
    )
    texts = [b.text for b in page.blocks]
    assert texts[0].startswith("We, the Minister of Foreign Affairs of Canada, Pierre S.")
    assert texts[0].endswith("as friends and neighbours.")
    assert texts[1].startswith("Together, we reviewed many of the issues")


def test_a_list_that_lost_its_spaces_gets_them_back_and_numbers_keep_their_commas() -> None:
    page = clean_page(
        "Envoys\n\n"
        "The envoys were Diamballa Maimouna(Niger),Japhet Isaak(Namibia) and 1,200 guests "
        "(UN figures) came.\n"
    )
    assert [b.text for b in page.blocks] == [
        "The envoys were Diamballa Maimouna (Niger), Japhet Isaak (Namibia) and 1,200 guests "
        "(UN figures) came."
    ]


def test_a_lead_the_page_broke_at_a_comma_is_the_story_not_a_teaser() -> None:
    page = clean_page(
        "Fiji PM meets UN chief\n\n"
        "Fijian Prime Minister Voreqe Bainimarama met with the UN Secretary-General, Antonio "
        "Guterres Wednesday, acknowledged the United Nations for its immense role in the "
        "global response to the COVID-19 crisis,\n\n"
        "He said that Fiji is preparing for economic recovery.\n"
    )
    assert [b.text[:26] for b in page.blocks] == [
        "Fijian Prime Minister Vore",
        "He said that Fiji is prepa",
    ]
    assert page.teasers == ()


def test_the_items_of_a_list_a_colon_opens_are_text_not_headings() -> None:
    page = clean_page(
        "Minister meets counterparts\n\n"
        "In Rome on Monday, Minister Mary Ng met with key trade counterparts, including:\n\n"
        "Gan Kim Yong, Minister for Trade and Industry of Singapore\n\n"
        "Ebrahim Patel, South African Minister of Trade, Industry and Competition\n\n"
        "Minister Ng discussed the upcoming WTO conference with them.\n\n"
        "Related stories\n"
    )
    assert [b.text[:20] for b in page.blocks] == [
        "In Rome on Monday, M",
        "Gan Kim Yong, Minist",
        "Ebrahim Patel, South",
        "Minister Ng discusse",
    ]


def test_initials_set_between_dashes_are_bracketed_as_elsewhere() -> None:
    page = clean_page(
        "Minister meets OAS chief\n\n"
        "Guatemala City -AGN- Foreign Minister Carlos Martinez met with the Secretary General of "
        "the Organization of American States -OAS- Luis Almagro on Monday.\n"
    )
    assert page.blocks[0].text.endswith(
        "the Organization of American States (OAS) Luis Almagro on Monday."
    )
    assert "(AGN) Foreign Minister" in page.blocks[0].text


def test_a_photo_credit_in_brackets_after_a_paragraph_is_no_part_of_it() -> None:
    page = clean_page(
        "Headline\n\nThe European visitors represent the progressive alliance of socialists and "
        "democrats. (Photo: Ariel Ley Royero / ACN).\n"
    )
    assert [b.text for b in page.blocks] == [
        "The European visitors represent the progressive alliance of socialists and democrats."
    ]


def test_a_wires_staff_credit_closing_the_story_is_no_part_of_it() -> None:
    page = clean_page(
        "Headline\n\nThe minister met his Chilean counterpart in Santiago on Monday.\n\n"
        "Argentina exported 5 million cubic meters a day when local demand was lower. "
        "(Reporting by Eliana Raszewski; writing by Cassandra Garrison; Editing by Sandra Maler)\n"
    )
    assert page.blocks[-1].text == (
        "Argentina exported 5 million cubic meters a day when local demand was lower."
    )


def test_a_line_crediting_who_contributed_reporting_is_no_part_of_the_story() -> None:
    page = clean_page(
        "Headline\n\nMay will travel on to Paris later on Tuesday to meet Macron.\n\n"
        "Rym Momtaz contributed reporting.\n"
    )
    assert [b.text for b in page.blocks] == [
        "May will travel on to Paris later on Tuesday to meet Macron."
    ]


def test_html_entities_a_scraper_left_as_text_become_their_characters() -> None:
    page = clean_page(
        "Minister backs talks\n\nThe minister said: ldquo;We discussed the road map with our "
        "neighbours,rdquo; after the welcomenbsp;ceremony, according to quot;Tasnimquot;."
    )
    body = "\n".join(block.text for block in page.blocks)
    assert "\u201cWe discussed the road map with our neighbours,\u201d" in body
    assert "welcome ceremony" in body and '"Tasnim"' in body


def test_a_first_line_that_lost_its_full_stop_is_the_lead_not_a_headline() -> None:
    (article,) = run(
        "Chinese Foreign Minister Wang Yi on Wednesday held a phone conversation with "
        "Indonesian Foreign Minister Retno Marsudi at the latter's request\n\n"
        "25th May, 2022\n\n"
        "During the conversation, the two sides exchanged views on the summit in Bali.\n",
        published="2022-05-25",
    )
    (meeting,) = article.meetings
    assert {p.actor for p in meeting.participants} == {"Wang Yi", "Retno Marsudi"}
    assert meeting.date == dt.date(2022, 5, 25)


def test_a_long_title_case_first_line_stays_a_headline() -> None:
    headline = (
        "Indian Foreign Minister Holds Bilateral Talks With Counterparts From Russia China "
        "And Iran On Sidelines Of SCO Ministerial Meeting In Moscow"
    )
    page = clean_page(f"{headline}\n\nThe minister spoke about trade with reporters on Thursday.\n")
    assert page.title == headline
    assert [b.text for b in page.blocks] == [
        "The minister spoke about trade with reporters on Thursday."
    ]


def test_a_day_of_history_an_anniversary_recalls_does_not_date_the_story() -> None:
    (article,) = run(
        "Chancellor Angela Merkel travelled to Warsaw on Saturday to meet Polish Prime Minister "
        "Mateusz Morawiecki for talks.\n\n"
        "One issue they focused on was European policy. In view of the 20th anniversary of "
        "the attacks on the USA on 11 September 2001, Europe's situation was one of the "
        "topics.\n"
    )
    assert article.article.published_on is None
    assert [m.date for m in article.meetings] == [None]
