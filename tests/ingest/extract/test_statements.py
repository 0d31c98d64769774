"""Statements: direct quotes, reported speech, block quotes and unquoted first-person speech."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from newsgraph.ingest.extract.article import extract
from newsgraph.ingest.extract.reference import Reference, load_reference
from newsgraph.ingest.model import ActorKind, ExtractedArticle, SourceDocument, StatementFact
from newsgraph.ingest.sources import read_file

WEDNESDAY = dt.date(2025, 8, 20)


EVAL_ARTICLES = Path(__file__).parents[2] / "eval" / "articles"


@cache
def reference() -> Reference:
    return load_reference()


def run(body: str, published: dt.date | None = WEDNESDAY, header: str = "") -> ExtractedArticle:
    doc = SourceDocument(origin="test", body=f"{header}Headline\n\n{body}")
    return extract(doc, reference(), published=published)[0]


def said(body: str, **kwargs: object) -> list[tuple[str, str]]:
    article = run(body, **kwargs)  # type: ignore[arg-type]
    return [(s.speaker, s.text) for s in article.statements]


def only(body: str, **kwargs: object) -> StatementFact:
    statements = run(body, **kwargs).statements  # type: ignore[arg-type]
    assert len(statements) == 1, statements
    return statements[0]


def test_a_quote_followed_by_its_speaker() -> None:
    statement = only(
        '"There are no concrete plans for such a meeting at the moment," Peskov told reporters '
        "on Monday."
    )
    assert statement.speaker == "Dmitry Peskov"
    assert statement.text == "There are no concrete plans for such a meeting at the moment."
    assert statement.date == dt.date(2025, 8, 18)
    assert statement.medium == "remarks to reporters"


def test_an_inverted_attribution() -> None:
    assert said('"Russia must agree to an unconditional ceasefire first," said Kaja Kallas.') == [
        ("Kaja Kallas", "Russia must agree to an unconditional ceasefire first.")
    ]


def test_a_quote_closed_by_a_description_and_the_name_set_off_after_it() -> None:
    statement = only(
        '"I am deeply concerned about the situation," the British prime minister, Keir '
        "Starmer, told the BBC."
    )
    assert statement.speaker == "Keir Starmer"
    assert statement.text == "I am deeply concerned about the situation."


def test_reported_speech_after_said_afterwards_starts_at_that() -> None:
    statement = only(
        "U.S. Secretary of State Antony Blinken said afterwards that the talks with Lavrov "
        "were frank."
    )
    assert statement.text.startswith("the talks with Lavrov were frank")


def test_whom_someone_told_is_not_part_of_what_they_said() -> None:
    for body in (
        "Foreign Minister Sergey Lavrov told his Chinese counterpart Wang Yi that Moscow valued "
        "the partnership.",
        "Foreign Minister Sergey Lavrov assured his guest that Moscow valued the partnership.",
    ):
        statement = only(body)
        assert statement.speaker == "Sergey Lavrov"
        assert statement.text.startswith("Moscow valued the partnership"), statement.text


def test_quoted_by_an_outlet_as_saying_is_the_words_of_the_one_quoted() -> None:
    for body in (
        "Ugandan President Yoweri Museveni was quoted by the Daily Monitor as saying that the "
        "region needed more investment.",
        "The Ugandan president, Yoweri Museveni, is quoted as saying the region needed more "
        "investment.",
    ):
        statement = only(body)
        assert statement.speaker == "Yoweri Museveni", body
        assert statement.text.startswith("the region needed more investment")


def test_a_surname_misspelt_later_in_the_article_is_still_the_speaker() -> None:
    article = run(
        "Indonesian Foreign Affairs Minister Marty Natalegwa pointed out that cooperation "
        "continues to improve.\n\nRelated to the issues in Papua, Natalegawa stated that Fiji "
        "will continue to support Indonesia."
    )
    assert [s.speaker for s in article.statements] == ["Marty Natalegwa", "Marty Natalegwa"]


def test_a_titled_name_set_off_before_met_is_a_person_whose_surname_speaks_later() -> None:
    article = run(
        "Tonga's Prime Minister, the Hon Dr Aisake Valu Eke met Australia's High Commissioner "
        "Brek Batley on Monday.\n\nEke said that the funds would help Tonga finalise its "
        "budget for the year ahead."
    )
    assert {p.actor for p in article.meetings[0].participants} == {
        "Aisake Valu Eke",
        "Brek Batley",
    }
    assert [s.speaker for s in article.statements] == ["Aisake Valu Eke"]


def test_a_persons_office_with_no_country_speaks_as_that_persons_office() -> None:
    article = run(
        "President William Ruto spoke with Donald Trump on Monday. Ruto's office said the two "
        "leaders discussed trade."
    )
    assert [s.speaker for s in article.statements] == ["Office of William Ruto"]
    kinds = {a.name: a.kind for a in article.actors}
    assert kinds["Office of William Ruto"] is ActorKind.ORGANIZATION


def test_a_persons_office_keeps_the_articles_words_for_it_as_an_alias() -> None:
    article = run(
        "Kenyan President William Ruto met Sergey Lavrov on Monday. President William Ruto's "
        "office said the two leaders agreed on the need to reform the UN Security Council."
    )
    assert [s.speaker for s in article.statements] == ["Kenyan Presidency"]
    office = next(a for a in article.actors if a.name == "Kenyan Presidency")
    assert office.aliases == ["President William Ruto's office"]


def test_a_quote_after_a_colon() -> None:
    statement = only('Sybiha wrote on X: "Ukraine is ready for a leaders\' meeting in any format."')
    assert statement.speaker == "Andrii Sybiha"
    assert statement.medium == "post on X"


def test_a_quote_after_saying_belongs_to_the_sentence_subject() -> None:
    statement = only(
        "Finnish President Alexander Stubb voiced doubts in an interview with Helsingin Sanomat, "
        'saying, "They want to continue the war at least until the fall."'
    )
    assert statement.speaker == "Alexander Stubb"
    assert statement.medium == "interview with Helsingin Sanomat"
    assert statement.date is None  # the article does not say when he said it


def test_a_pronoun_speaker_is_the_subject_of_the_sentence_before() -> None:
    article = run(
        "In his evening address, Zelensky thanked the partners.\n\n"
        '"We need a real ceasefire, not a pause for Russia to regroup," he said.'
    )
    statement = article.statements[-1]
    assert statement.speaker == "Volodymyr Zelensky"
    assert statement.medium == "video address"


def test_a_quote_continued_after_the_attribution_is_one_statement() -> None:
    statement = only(
        '"Russia is not ready for peace," Stubb said. "It wants to keep fighting until the autumn '
        'to take more territory."'
    )
    assert statement.text == (
        "Russia is not ready for peace. It wants to keep fighting until the autumn to take more "
        "territory."
    )


def test_reported_speech_with_that() -> None:
    statement = only(
        "Russian Foreign Minister Sergey Lavrov, however, has said that security guarantees for "
        "Ukraine cannot be discussed without Russia's participation."
    )
    assert statement.speaker == "Sergey Lavrov"
    assert statement.text.startswith("security guarantees for Ukraine cannot be discussed")
    assert statement.mentions == ["Ukraine", "Russia"]
    assert statement.topics == ["security guarantees"]


def test_reported_speech_with_a_trailing_attribution_and_a_quoted_fragment() -> None:
    statement = only(
        'Doing so would amount to "foreign military intervention," which Moscow won\'t support, '
        "Lavrov said on Aug. 21.",
        published=dt.date(2025, 8, 23),
    )
    assert statement.speaker == "Sergey Lavrov"
    assert statement.date == dt.date(2025, 8, 21)
    assert "foreign military intervention" in statement.text
    assert '"' not in statement.text


def test_according_to_names_the_speaker() -> None:
    statement = only("According to Rubio, the security guarantees will be ready within days.")
    assert statement.speaker == "Marco Rubio"
    assert statement.text == "the security guarantees will be ready within days"


def test_according_to_a_seat_of_government_names_that_office() -> None:
    spoken = said("According to the Kremlin, the two leaders discussed a prisoner exchange.")
    assert ("Kremlin", "the two leaders discussed a prisoner exchange") in spoken


def test_according_to_a_release_before_a_colon_names_the_speaker_of_the_quotation() -> None:
    spoken = said(
        'According to a Downing Street press release: "The Prime Minister said the two '
        'countries would work together on energy security."'
    )
    assert [speaker for speaker, _ in spoken] == ["Downing Street"]


def test_a_body_whose_name_ends_in_its_country_speaks_as_itself() -> None:
    spoken = said(
        "In a readout, Global Affairs Canada said the ministers discussed the war in Ukraine."
    )
    assert spoken == [("Global Affairs Canada", "the ministers discussed the war in Ukraine")]


def test_she_said_after_a_man_and_a_woman_are_named_is_the_womans() -> None:
    article = run(
        "Prime Minister Kamla Persad-Bissessar will host Prime Minister Terrance Drew of St "
        "Kitts and Nevis.\n\n"
        "Drew had also said that he hoped to meet Persad-Bissessar in February.\n\n"
        "The Prime Minister, however, has raised concerns about leaks.\n\n"
        '"Regional discussions are frequently leaked to the press," she said.'
    )
    (quote,) = [s for s in article.statements if s.text.startswith("Regional discussions")]
    assert quote.speaker == "Kamla Persad-Bissessar"


def test_quoted_as_stressing_something_is_a_statement_of_what_was_stressed() -> None:
    spoken = said(
        "The agency quoted Foreign Minister Sergey Lavrov as underscoring the firmness of "
        "relations between the two countries."
    )
    assert spoken == [
        ("Sergey Lavrov", "underscoring the firmness of relations between the two countries")
    ]


def test_according_to_an_outlet_is_not_a_statement() -> None:
    assert said("According to Axios, the White House is preparing a meeting in Budapest.") == []


def test_a_medium_reporting_is_not_a_speaker() -> None:
    assert (
        said(
            "German media outlet Welt reported that China is prepared to send peacekeepers, "
            '"if the peacekeeping forces were deployed on the basis of a UN mandate," the sources '
            "told Welt."
        )
        == []
    )


def test_a_written_post_takes_the_date_the_lead_gave_it() -> None:
    article = run(
        "President Volodymyr Zelensky said on Aug. 23 that security guarantees would be ready "
        'soon.\n\nIn a post on X, Zelensky wrote, "Our teams are working on the architecture of '
        'the guarantees every day."',
        published=dt.date(2025, 8, 24),
    )
    post = article.statements[-1]
    assert post.medium == "post on X"
    assert post.date == dt.date(2025, 8, 23)


def test_an_undated_statement_is_not_given_the_publication_date() -> None:
    statement = only('"We will not recognize any occupation," Sybiha said.')
    assert statement.date is None


def test_same_day_reporting_dates_undated_statements_with_the_stated_date() -> None:
    article = run(
        'On August 20, Sybiha met Fidan in Ankara.\n\n"We agreed on the next steps," Sybiha said.',
        published=None,
        header="date 2025-08-20 ",
    )
    assert article.statements[0].date == dt.date(2025, 8, 20)


def test_a_block_quote_with_a_speaker_box() -> None:
    article = run(
        "The Finnish president commented on the talks.\n\n"
        "We must keep up the pressure on Russia until it agrees to a ceasefire.\n\n"
        "Alexander Stubb\n\nAlexander Stubb\n\nPresident of Finland\n\n"
        "He spoke in Helsinki."
    )
    assert [(s.speaker, s.text) for s in article.statements] == [
        (
            "Alexander Stubb",
            "We must keep up the pressure on Russia until it agrees to a ceasefire.",
        )
    ]


def test_a_first_person_paragraph_is_the_words_of_the_only_speaker() -> None:
    article = run(
        "According to President Zelensky, the call with Schoof was productive.\n\n"
        "Zelensky said the Netherlands would fund drones.\n\n"
        "We discussed air defense and joint production. I am grateful for the support."
    )
    assert article.statements[-1].speaker == "Volodymyr Zelensky"
    assert article.statements[-1].text.startswith("We discussed air defense")


def test_a_first_person_paragraph_with_two_speakers_is_attributed_to_nobody() -> None:
    article = run(
        "Zelensky said the talks with Trump were constructive.\n\n"
        "Trump said a deal was close.\n\n"
        "We discussed security guarantees and the exchange of prisoners."
    )
    assert [s.speaker for s in article.statements] == ["Volodymyr Zelensky", "Donald Trump"]


def test_a_quote_of_several_sentences_is_attributed_by_what_follows_it() -> None:
    statement = only(
        '"We will not give up our land. Never. Not an inch," Zelensky told reporters in Kyiv '
        "on Monday."
    )
    assert statement.speaker == "Volodymyr Zelensky"
    assert statement.text == "We will not give up our land. Never. Not an inch."
    assert statement.date == dt.date(2025, 8, 18)
    assert statement.medium == "remarks to reporters"


def test_reported_speech_holding_quoted_fragments_is_still_reported() -> None:
    statement = only(
        "Kenyan President William Ruto tweeted that he had held a “frank” call with Zelensky on "
        "trade, “security in the region as well as the road ahead.”"
    )
    assert statement.speaker == "William Ruto"
    assert statement.text.startswith("he had held a frank call with Zelensky")


def test_the_white_house_speaks_as_itself_and_a_capital_as_its_country() -> None:
    article = run(
        "The White House said Biden thanked Zelensky for the exchange of prisoners.\n\n"
        "Moscow said the exchange had been agreed in Istanbul weeks ago."
    )
    assert [s.speaker for s in article.statements] == ["White House", "Russia"]
    assert {a.name: a.kind.value for a in article.actors}["White House"] == "ORGANIZATION"


def test_any_countrys_capital_speaks_for_it_and_its_ministry_is_the_countrys() -> None:
    article = run(
        "According to Seoul's foreign ministry, Cho and Kamikawa spoke for over 30 minutes.\n\n"
        "Nairobi said the pipeline deal would be signed next month."
    )
    assert [s.speaker for s in article.statements] == [
        "South Korean Foreign Ministry",
        "Kenya",
    ]


def test_a_name_set_off_by_commas_after_its_description_is_the_speaker() -> None:
    statement = only(
        "Earlier, the government's special envoy for the region, Amina Yusuf Odhiambo, told the "
        "media in Nairobi, “We have asked for this meeting and hope it will take place.”"
    )
    assert statement.speaker == "Amina Yusuf Odhiambo"
    assert statement.text.startswith("We have asked for this meeting")


def test_a_speaker_who_reported_that_is_a_speaker() -> None:
    statement = only(
        "Foreign Minister Andrii Sybiha reported that the talks had ended with an agreement on "
        "grain exports."
    )
    assert statement.speaker == "Andrii Sybiha"
    assert statement.text.startswith("the talks had ended with an agreement")


def test_a_statement_named_by_its_issuer_speaks_for_the_issuer() -> None:
    article = run(
        "The king asked the envoy to convey his greetings to the emir, a Royal Court statement "
        "said.\n\n"
        "The two sides reviewed regional developments, said a statement released by the "
        "Egyptian Foreign Ministry.\n\n"
        "Both sides agreed that relations were on the right track, the statement added."
    )
    assert [s.speaker for s in article.statements] == [
        "Royal Court",
        "Egyptian Foreign Ministry",
        "Egyptian Foreign Ministry",
    ]
    assert article.statements[2].text.startswith("Both sides agreed that relations")


def test_the_statement_is_the_one_the_article_named_with_its_issuer() -> None:
    article = run(
        "The visit was announced on Monday in an official statement of the Colombian "
        "government.\n\n"
        '"On Friday the president will be in Caracas for a bilateral meeting with his '
        'counterpart," the statement said.'
    )
    assert [s.speaker for s in article.statements] == ["Colombian Government"]


def test_an_email_of_an_office_and_the_days_email_speak_for_the_office() -> None:
    article = run(
        "The PMO said in an email that the two men spoke by phone on Saturday.\n\n"
        "The PMO email also said the two leaders reiterated the importance of trade.\n\n"
        "Saturday's email said the two men “looked forward to meeting soon in Ottawa.”"
    )
    assert [s.speaker for s in article.statements] == ["PMO", "PMO", "PMO"]


def test_a_trailing_attribution_followed_by_more_of_the_sentence_reports_what_came_before() -> None:
    article = run(
        "During the call, the two leaders discussed grain exports, Deputy Chief Cabinet "
        "Secretary Hiroshi Tanabe told a news briefing, but declined to elaborate.\n\n"
        "The summit will be held in Ankara next month, Sybiha said, suggesting that Fidan would "
        "host it."
    )
    assert [(s.speaker, s.text) for s in article.statements] == [
        ("Hiroshi Tanabe", "During the call, the two leaders discussed grain exports"),
        ("Andrii Sybiha", "The summit will be held in Ankara next month"),
    ]


def test_a_participle_between_the_verb_and_its_that_clause() -> None:
    statement = only(
        "Zelensky said on Monday, speaking in Kyiv, that the exchange of prisoners would go on."
    )
    assert statement.text == "the exchange of prisoners would go on"


def test_an_inverted_attribution_nearest_the_words_names_their_speaker() -> None:
    article = run(
        "Both ministers called for a ceasefire in Gaza, said a statement released by the Egyptian "
        "Foreign Ministry, a news agency reported.\n\n"
        "The prime minister stopped over in Rome on his way home, reports Xinhua news agency."
    )
    assert [s.speaker for s in article.statements] == [
        "Egyptian Foreign Ministry",
        "Xinhua news agency",
    ]


def test_quoted_words_followed_by_a_verb_then_a_title_then_the_name() -> None:
    article = run(
        '"In Maputo, the president will hold talks on trade and security," said spokesperson, '
        "Thandi Mokoena.\n\n"
        '"When you step up, you have to show up," quipped Zelensky to reporters.'
    )
    assert [s.speaker for s in article.statements] == ["Thandi Mokoena", "Volodymyr Zelensky"]


def test_a_body_named_by_its_proper_name_reports_as_an_organisation() -> None:
    statement = only(
        "The Qatar News Agency reported that the two leaders chaired a round of talks in Doha."
    )
    assert statement.speaker == "Qatar News Agency"
    assert statement.text == "the two leaders chaired a round of talks in Doha"


def test_a_title_then_an_honorific_and_name_in_commas_is_the_speaker() -> None:
    statement = only(
        "The Emir's Diwan Affairs Minister, Sheikh Khalid Hamad Al-Thani, stated that the talks "
        "covered the ties between the two countries."
    )
    assert statement.speaker == "Khalid Hamad Al-Thani"
    assert statement.text.startswith("the talks covered the ties")


def test_a_verb_whose_object_only_points_elsewhere_reports_nothing() -> None:
    assert said("Spokesman Laszlo Kovacs disclosed this in a statement on Sunday night.") == []


def test_the_verb_nearest_a_quotation_introduces_it() -> None:
    article = run(
        "Sybiha told reporters the mood was good while Fidan said, "
        '"We discussed every issue that matters to both of our countries."'
    )
    assert [s.speaker for s in article.statements] == ["Hakan Fidan"]


def test_a_relative_clause_between_speaker_and_verb_keeps_the_clause_after_it() -> None:
    statement = only(
        "Last weekend Kenyan President William Ruto, who visited Haiti, said he wants to turn the "
        "mission into a full-scale, United Nations peacekeeping operation."
    )
    assert statement.speaker == "William Ruto"
    assert statement.text.startswith("he wants to turn the mission")


def test_adverbs_between_speaker_and_verb_and_indicated_that() -> None:
    article = run(
        "Foreign Minister Sybiha has since made it clear that the border was not up for "
        "discussion.\n\n"
        "Fidan indicated the visit would be the first of several this year."
    )
    assert [(s.speaker, s.text.split()[:3]) for s in article.statements] == [
        ("Andrii Sybiha", ["the", "border", "was"]),
        ("Hakan Fidan", ["the", "visit", "would"]),
    ]


def test_an_honorific_between_title_and_name_keeps_the_role() -> None:
    article = run(
        "President Dr Irfaan Ali arrived in Kingstown for talks, as President Pro Tempore of "
        "the regional bloc Ralph Gonsalves looked on.\n\n"
        "The Guyanese leader had explained that the border was not up for discussion."
    )
    assert "Pro Tempore" not in {a.name for a in article.actors}
    assert [s.speaker for s in article.statements] == ["Irfaan Ali"]


def test_speech_relayed_by_someone_else_is_the_speakers_and_the_report_the_relayers() -> None:
    article = run(
        "The PMO said in an email that Zelensky noted the depth of the economic relationship "
        "with Canada.\n\n"
        "Chief Cabinet Secretary Yasuhisa Shiozaki says Prime Minister Shinzo Abe expressed "
        "his willingness to discuss the dispute soon."
    )
    assert [(s.speaker, s.text.split()[:3]) for s in article.statements] == [
        ("PMO", ["Zelensky", "noted", "the"]),
        ("Volodymyr Zelensky", ["the", "depth", "of"]),
        ("Yasuhisa Shiozaki", ["Prime", "Minister", "Shinzo"]),
        ("Shinzo Abe", ["his", "willingness", "to"]),
    ]


def test_speech_within_a_reported_clause_is_a_statement_of_its_own_too() -> None:
    article = run(
        "Fidan stated that Sybiha, during his visit to Ankara, had regretted the escalation and "
        "said that Ukraine had hoped diplomacy could avert a new offensive."
    )
    assert [(s.speaker, s.text.split()[:3]) for s in article.statements] == [
        ("Hakan Fidan", ["Sybiha,", "during", "his"]),
        ("Andrii Sybiha", ["Ukraine", "had", "hoped"]),
    ]


def test_two_that_clauses_of_one_verb_start_at_the_first() -> None:
    statement = only(
        "Fidan had further underscored that conflict was in nobody's interest and that poor "
        "countries were hit hardest."
    )
    assert statement.text.startswith("conflict was in nobody's interest")


def test_quoted_as_saying_gives_the_words_to_the_one_quoted_and_he_to_the_one_quoting() -> None:
    article = run(
        "Spokesman Laolu Akande described the visit in a statement on Sunday.\n\n"
        "“We are extremely excited about the region and hope to do a lot together,” he quoted "
        "Yemi Osinbajo as saying.\n\n"
        "He added that the talks centred on the coming summit in Addis Ababa.\n\n"
        "Akande quoted Sybiha as saying: “Ukraine will open a new embassy in Abuja next year.”\n\n"
        "“The war must end on just terms for all of us,” Zelensky was quoted as saying."
    )
    assert [s.speaker for s in article.statements] == [
        "Yemi Osinbajo",
        "Laolu Akande",
        "Andrii Sybiha",
        "Volodymyr Zelensky",
    ]


def test_a_title_then_its_name_in_commas_gives_the_role_the_demonym_finds() -> None:
    article = run(
        "The Acting President, Yemi Osinbajo, and the President of Ghana, Nana Akufo-Addo, met "
        "in Abuja on Sunday.\n\n"
        "The Ghanaian leader said his visit was part of a regional tour to “take stock of what "
        "is going on, and to renew relations.”"
    )
    (statement,) = article.statements
    assert statement.speaker == "Nana Akufo-Addo"
    assert statement.text.startswith("his visit was part of a regional tour to take stock")


def test_the_countrys_minister_is_a_minister_before_the_prime_minister() -> None:
    article = run(
        "External Affairs Minister S Jaishankar conveyed the greetings of Indian Prime Minister "
        "Narendra Modi to President Anura Kumara Dissanayake.\n\n"
        "In a post on X, the Indian minister said, “Honored to call on the President today in "
        "Colombo.”"
    )
    assert [s.speaker for s in article.statements] == ["S Jaishankar"]


def test_a_quotation_paragraph_after_a_paragraph_of_someone_speaking_is_theirs() -> None:
    article = run(
        "Talking to journalists, Sybiha praised the decision to put migration first.\n\n"
        '"It is a step forward that migration is seen as a European problem."\n\n'
        "The ministers then had lunch.\n\n"
        '"The talks will go on in the autumn, in Rome or in Kyiv."'
    )
    assert [(s.speaker, s.text[:20]) for s in article.statements] == [
        ("Andrii Sybiha", "It is a step forward")
    ]


def test_describing_something_at_some_length_is_a_statement_and_briefly_is_not() -> None:
    article = run(
        "For his part, Sybiha described the meeting as sincere, open and useful for both "
        "countries.\n\n"
        "Fidan described the talks as a good start."
    )
    assert [(s.speaker, s.text) for s in article.statements] == [
        ("Andrii Sybiha", "the meeting as sincere, open and useful for both countries")
    ]


def test_expressing_hope_that_is_a_statement_and_expressing_thanks_is_not() -> None:
    article = run(
        "Fidan thanked the minister for the exchange and expressed hope that Turkey and Ukraine "
        "will keep working together.\n\n"
        "Sybiha expressed his deep appreciation for the support of the Turkish people."
    )
    assert [(s.speaker, s.text) for s in article.statements] == [
        ("Hakan Fidan", "Turkey and Ukraine will keep working together")
    ]


def test_a_hope_expressed_without_its_that_is_a_statement() -> None:
    statement = only(
        "Prime Minister Pham Minh Chinh received ASEAN Secretary-General Lim Jock Hoi in "
        "Jakarta on Saturday. Chinh expressed his hope the official will keep working closely "
        "with Viet Nam."
    )
    assert statement.speaker == "Pham Minh Chinh"
    assert statement.text.startswith("the official will keep working closely")


def test_what_someone_continues_to_claim_is_their_statement() -> None:
    statement = only(
        "Venezuelan President Nicolas Maduro spoke on Monday. Maduro has continued to claim "
        "that he was the victor in the July election, despite the evidence."
    )
    assert statement.speaker == "Nicolas Maduro"
    assert statement.text.startswith("he was the victor in the July election")


def test_a_country_s_ambassador_is_the_one_named_as_its_ambassador_to_another() -> None:
    statement = only(
        "The president was received by Christopher Landau, U.S. ambassador to Mexico.\n\n"
        "Upon the arrival of the president, the U.S. ambassador shared a photograph on Twitter "
        "and wrote: \u201cEveryone is very excited to welcome you on your first trip abroad.\u201d"
    )
    assert statement.speaker == "Christopher Landau"


def test_as_reported_by_names_the_source_of_what_came_before() -> None:
    statement = only(
        "The president arrived in Doha on Monday for a two-day visit, as was reported by the "
        "Qatar News Agency (QNA), ahead of the summit."
    )
    assert statement.text == "The president arrived in Doha on Monday for a two-day visit"


def test_the_press_service_of_a_seat_of_government_and_its_statement_that_reads() -> None:
    article = run(
        "The Kremlin press service has confirmed that the four ministers are planning to meet "
        "in Berlin.\n\n"
        "“A wide range of issues has been discussed during the talks,” the "
        "Kremlin\u2019s statement reads."
    )
    assert [s.speaker for s in article.statements] == ["Kremlin press service", "Kremlin"]


def test_a_seat_of_government_after_a_country_and_a_comma_speaks_and_is_no_place() -> None:
    statement = only("The call was initiated by the United States, the Kremlin said.")
    assert statement.speaker == "Kremlin"
    assert statement.text == "The call was initiated by the United States"


def test_a_known_person_named_in_full_answers_to_the_first_word_of_the_name() -> None:
    article = run(
        "Secretary of State Marco Rubio met Chinese Foreign Minister Wang Yi in Kuala Lumpur.\n\n"
        "Wang urged Washington to stop interfering in the internal affairs of China."
    )
    assert [s.speaker for s in article.statements] == ["Wang Yi"]


def test_after_an_inverted_verb_comes_a_name_not_a_clause() -> None:
    statement = only(
        "Tanzanian President Samia Suluhu Hassan, for her part, said Tanzania was ready to work "
        "with Kenya on the new railway line."
    )
    assert statement.speaker == "Samia Suluhu Hassan"
    assert statement.text.startswith("Tanzania was ready")


def test_a_spokesperson_speaks_for_the_body_named_before_the_title_and_so_does_the_spokesman() -> (
    None
):
    article = run(
        "A German government spokesman said the two leaders had discussed support for Ukraine.\n\n"
        '"The call was constructive and the leaders will speak again soon," the spokesman added.'
        "\n\nA Kremlin spokeswoman said Putin had no plans to travel to Budapest this year."
    )
    assert [s.speaker for s in article.statements] == [
        "German Government",
        "German Government",
        "Kremlin",
    ]


def test_a_second_clause_with_that_after_a_first_without_is_one_statement() -> None:
    statement = only("Fidan said the talks were positive and that the embassies would reopen soon.")
    assert statement.text == "the talks were positive and that the embassies would reopen soon"


def test_a_trailing_according_to_is_not_part_of_the_words() -> None:
    statement = only(
        "Erdogan told Putin that Turkey was ready to host new peace talks, according to the "
        "Turkish presidency."
    )
    assert statement.text == "Turkey was ready to host new peace talks"


def test_a_short_line_that_says_someone_said_opens_the_quotation_below() -> None:
    article = run(
        "Indonesian President Prabowo Subianto met Malaysian Prime Minister Anwar Ibrahim in "
        "Jakarta.\n\nAnwar said:\n\n"
        '"We have agreed to settle the border issue through negotiation and to boost trade."'
    )
    assert [s.speaker for s in article.statements] == ["Anwar Ibrahim"]


def test_the_ministry_or_a_persons_office_speaks_as_the_office_of_the_persons_role() -> None:
    article = run(
        "Egypt's Foreign Minister Badr Abdelatty met his Qatari counterpart in Cairo, the "
        "ministry said.\n\n"
        "Kenyan President William Ruto hosted Abiy in Nairobi.\n\n"
        "Ruto's office said in a statement that the two leaders discussed regional security."
    )
    assert [s.speaker for s in article.statements] == [
        "Egyptian Foreign Ministry",
        "Kenyan Presidency",
    ]


def test_an_outlet_reporting_at_the_end_is_not_part_of_the_words() -> None:
    statement = only(
        "Sergey Lavrov said Moscow was open to talks, but only on its own terms, Russian news "
        "agency TASS reported."
    )
    assert statement.text == "Moscow was open to talks, but only on its own terms"


def test_short_forms_of_names_with_a_suffix_or_a_particle() -> None:
    article = run(
        "Philippine President Ferdinand Marcos Jr. met Syrian leader Ahmed al-Sharaa in Manila."
        "\n\nMarcos said the two countries had agreed to open embassies.\n\n"
        "Al-Sharaa thanked Marcos for his support and said Syria wanted good relations with "
        "Asia."
    )
    assert [s.speaker for s in article.statements] == ["Ferdinand Marcos Jr.", "Ahmed al-Sharaa"]


def test_according_to_a_statement_from_an_office_is_the_office() -> None:
    article = run(
        "Pakistani Prime Minister Shehbaz Sharif met Saudi Crown Prince Mohammed bin Salman in "
        "Riyadh.\n\n"
        "According to a statement from the Prime Minister's Office, the two leaders discussed "
        "ways to expand trade."
    )
    assert [s.speaker for s in article.statements] == ["Pakistani Prime Minister's Office"]


def test_a_participle_with_a_that_clause_gives_the_subjects_words() -> None:
    article = run(
        "French Ambassador Herve Magro called on Lebanese President Joseph Aoun on Tuesday.\n\n"
        "Ambassador Magro extended congratulations to President Aoun during the meeting, "
        "emphasizing that the visit highlights the depth of Lebanese-French relations.\n\n"
        "Sybiha conveyed Ukraine's support for Moldova, emphasising the importance of the "
        "partnership."
    )
    assert [(s.speaker, s.text[:20]) for s in article.statements] == [
        ("Herve Magro", "the visit highlights")
    ]


def test_the_federal_chancellor_and_a_body_named_with_its_abbreviation() -> None:
    article = run(
        "Federal Chancellor Friedrich Merz arrived in Warsaw on Tuesday.\n\n"
        "The Federal Chancellor said that travelling to Warsaw should be as natural as "
        "travelling to Brussels.\n\n"
        "The minister held eleven meetings with his counterparts, the Ministry of External "
        "Affairs (MEA) said."
    )
    assert [s.speaker for s in article.statements] == [
        "Friedrich Merz",
        "Ministry of External Affairs",
    ]


def test_who_after_a_name_and_two_joint_speakers() -> None:
    article = run(
        "Politicians close to Kenyan President William Ruto who reiterated that the electoral "
        "system needed an overhaul met on Monday.\n\n"
        "Merz and Tusk stressed the importance of further developing the railways."
    )
    assert [(s.speaker, s.text[:25]) for s in article.statements] == [
        ("William Ruto", "the electoral system need")
    ]


def test_a_press_service_or_a_page_is_named_by_its_own_words() -> None:
    article = run(
        "Kyrgyz President Sadyr Japarov held talks in Dushanbe.\n\n"
        "According to the press service of the head of the Kyrgyz Republic, the leaders "
        "discussed border security.\n\n"
        "The decorations will be changed for each visiting leader, the Thai Khu Fah Facebook "
        "page said on Wednesday."
    )
    assert [s.speaker for s in article.statements] == [
        "press service of the head of the Kyrgyz Republic",
        "Thai Khu Fah",
    ]


def test_a_body_after_the_words_then_it_said_and_it_added_one_statement() -> None:
    article = run(
        "Canadian Prime Minister Justin Trudeau spoke with the President of Mexico, Claudia "
        "Sheinbaum, on tariffs, the press service of the Canadian head of government said.\n\n"
        '"The two leaders discussed the deep ties between Canada and Mexico," it said.\n\n'
        '"The leaders agreed to continue working together in areas of common interest," it '
        "added."
    )
    speakers = [s.speaker for s in article.statements]
    assert speakers == ["press service of the Canadian head of government"] * 2
    assert article.statements[1].text.endswith("in areas of common interest.")


def test_confirming_a_meeting_is_an_act_and_telling_someone_to_act_is_a_statement() -> None:
    article = run(
        "Foreign Minister Andrii Sybiha has confirmed meeting the US ambassador in Kyiv.\n\n"
        "Hakan Fidan rejected her remarks and told her to keep out of the affairs of Turkey."
    )
    assert [(s.speaker, s.text) for s in article.statements] == [
        ("Hakan Fidan", "to keep out of the affairs of Turkey")
    ]


def test_according_to_him_and_drawing_attention_to_the_fact_that() -> None:
    article = run(
        "Tajik President Emomali Rahmon received Kyrgyz President Sadyr Japarov in Dushanbe.\n\n"
        "Rahmon noted that the two countries work together at the UN. He drew attention to the "
        "fact that the border was the main issue in bilateral relations.\n\n"
        "According to him, the latest incident showed the need to resolve border issues only "
        "through talks."
    )
    assert [s.speaker for s in article.statements] == ["Emomali Rahmon"] * 3


def test_urging_something_at_length_is_a_statement() -> None:
    statement = only(
        "Egyptian President Abdel Fattah el-Sisi, who addressed the General Assembly on Tuesday, "
        "urged the resumption of the "
        "Israeli-Palestinian peace talks."
    )
    assert statement.text.startswith("the resumption of the Israeli-Palestinian peace talks")


def test_first_person_paragraphs_belong_to_the_name_at_their_end_or_the_speaker_before() -> None:
    article = run(
        "President Zelensky met Polish President Andrzej Duda in Davos.\n\n"
        "We discussed our bilateral relations and defence support for our country Zelensky "
        "wrote.\n\n"
        "President Duda informed on X that the two had talked about the front line.\n\n"
        "I assured President Zelensky that our policy towards Ukraine will be stable."
    )
    assert [(s.speaker, s.text.split()[0]) for s in article.statements] == [
        ("Volodymyr Zelensky", "We"),
        ("Andrzej Duda", "the"),
        ("Andrzej Duda", "I"),
    ]
    assert article.statements[0].text.endswith("for our country")


def test_a_quotation_that_is_the_predicate_of_the_name_before_it() -> None:
    article = run(
        "Egyptian President Abdel Fattah el-Sisi met Netanyahu in New York.\n\n"
        'Egyptian officials said that at the meeting, el-Sisi "stressed the importance of '
        'resuming the negotiations between the two sides."'
    )
    assert [s.speaker for s in article.statements] == ["Abdel Fattah el-Sisi"]


def test_a_verb_after_a_short_quote_attributes_the_quote_not_the_sentence() -> None:
    assert (
        said(
            "Upon his arrival in Caracas, Zelensky was greeted by Maduro: “welcome again,” "
            "he told Zelensky."
        )
        == []
    )


def test_a_site_message_is_not_the_article() -> None:
    article = run(
        "We\u2019re sorry, this feature is currently unavailable. We\u2019re working to "
        "restore it. "
        "Please try again later.\n\n"
        "Zelensky said the talks with Duda had been useful."
    )
    assert [s.speaker for s in article.statements] == ["Volodymyr Zelensky"]


def test_he_after_an_unnamed_source_is_that_source_not_the_last_name() -> None:
    article = run(
        "The foreign ministers of Japan and China agreed on exchanges, a Japanese diplomat said. "
        "Okada welcomed a plan by the Chinese defence minister to visit Japan, he said. "
        '"Minister Yang said China was trying to arrange a visit by a national leader," he said.'
        "\n\nJapanese Foreign Minister Katsuya Okada and his Chinese counterpart Yang Jiechi also "
        "reiterated their shared resolve to press North Korea to stop its nuclear programme."
    )
    assert [s.speaker for s in article.statements] == []


def test_an_object_then_and_then_a_new_subject_is_not_a_joint_remark() -> None:
    article = run("Fidan met Sybiha, and Zelensky said the talks had been useful.")
    assert [s.speaker for s in article.statements] == ["Volodymyr Zelensky"]


def test_calling_for_something_or_on_someone_to_act_is_a_statement_and_calling_on_is_a_visit() -> (
    None
):
    article = run(
        "Chinese President Xi Jinping on a call with Trump called for improved relations between "
        "the two nations.\n\n"
        "Xi called on Trump to take substantive actions to improve relations.\n\n"
        "Jaishankar called on President Dissanayake in Colombo on Friday."
    )
    assert [(s.speaker, s.text.split()[0]) for s in article.statements] == [
        ("Xi Jinping", "improved"),
        ("Xi Jinping", "to"),
    ]


def test_a_line_introducing_a_paragraph_without_quotation_marks() -> None:
    article = run(
        "Prime Minister David Cameron met Norwegian Prime Minister Erna Solberg in London.\n\n"
        "A Number 10 spokesperson said:\n\n"
        "The Prime Minister met Norwegian PM Erna Solberg on her first official visit to the UK."
    )
    assert [(s.speaker, s.text.split()[:3]) for s in article.statements] == [
        ("Number 10", ["The", "Prime", "Minister"])
    ]


def test_an_objects_phrases_after_it_belong_to_what_was_said() -> None:
    article = run(
        "Earlier, Malaysian Foreign Minister Mohamad Hasan took part in the debate and expressed "
        "Malaysia's stance in demanding accountability for violations of international law.\n\n"
        "Finance Minister Wolfgang Schaeuble on Thursday underlined common ground with Macron on "
        "the budget."
    )
    assert [s.text for s in article.statements] == [
        "Malaysia's stance in demanding accountability for violations of international law",
        "common ground with Macron on the budget",
    ]


def test_an_office_by_its_proper_name_and_a_rank_before_a_name() -> None:
    article = run(
        "Prime Minister Justin Trudeau spoke with Trump.\n\n"
        "The Prime Minister\u2019s Office says the two men spoke by phone on Saturday.\n\n"
        "US National Security Advisor General James Jones has said Washington will keep working "
        "with Mexico."
    )
    assert [s.speaker for s in article.statements] == ["Prime Minister's Office", "James Jones"]


def test_a_title_in_the_lead_is_the_person_the_article_names_later() -> None:
    article = run(
        "A ministerial meeting on the nuclear programme is possible, the Russian foreign "
        "minister said Tuesday.\n\n"
        '"A meeting of the six ministers could be very useful soon," Sergey Lavrov said.',
        published=dt.date(2007, 3, 6),
    )
    assert [s.speaker for s in article.statements] == ["Sergey Lavrov", "Sergey Lavrov"]


def test_a_spokesperson_by_name_speaks_and_an_unnamed_one_speaks_for_an_office() -> None:
    article = run(
        "Kenyan President William Ruto met Ugandan President Yoweri Museveni in Kampala.\n\n"
        "Ruto's spokesman, Hussein Mohamed, said the two leaders agreed to settle the dispute.\n\n"
        "Museveni's spokesman said the pipeline would be finished next year."
    )
    assert [s.speaker for s in article.statements] == ["Hussein Mohamed", "Ugandan Presidency"]


def test_a_statement_quoting_someone_as_saying_that() -> None:
    statement = only(
        "The Elysee statement quoted Macron as saying that Europe must protect its industry."
    )
    assert (statement.speaker, statement.text) == (
        "Emmanuel Macron",
        "Europe must protect its industry",
    )


def test_a_name_after_a_dash_closes_a_quotation_and_an_agency_after_a_full_stop_does_not() -> None:
    article = run(
        "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol.\n\n"
        '"Our two countries share the same values and the same challenges" \u2014 Kishida.\n\n'
        "Yoon said the two would meet again in Tokyo next year. \u2014 Reuters"
    )
    assert [s.speaker for s in article.statements] == ["Fumio Kishida", "Yoon Suk Yeol"]
    assert article.statements[1].text == "the two would meet again in Tokyo next year"


def test_he_after_officials_said_is_not_the_last_name() -> None:
    article = run(
        "Spanish Prime Minister Pedro Sanchez met Moroccan King Mohammed VI in Rabat.\n\n"
        "Moroccan officials said the king had invited Sanchez to return in the autumn.\n\n"
        "He added that the two countries would cooperate on migration."
    )
    assert [s.speaker for s in article.statements] == []


def test_the_minister_is_the_protagonist_when_two_were_named_as_often() -> None:
    article = run(
        "South African Foreign Minister Naledi Pandor met her Russian counterpart Sergey Lavrov "
        "in Pretoria.\n\nThe minister said South Africa would remain neutral in the conflict."
    )
    assert [s.speaker for s in article.statements] == ["Naledi Pandor"]


def test_what_the_speaker_told_reporters_traveling_with_him_starts_after_that() -> None:
    statement = only(
        "Chancellor Friedrich Merz told reporters traveling with him to Vilnius that the "
        "brigade would be ready by 2027."
    )
    assert statement.speaker == "Friedrich Merz"
    assert statement.text.startswith("the brigade would be ready")


def test_a_statement_that_a_ministry_put_out_is_the_ministrys() -> None:
    statement = only(
        "The Kenyan foreign ministry on Tuesday night put out a statement that said the two "
        "leaders reviewed the status of the trade talks."
    )
    assert statement.speaker == "Kenyan Foreign Ministry"
    assert statement.text.startswith("the two leaders reviewed")


def test_what_the_statement_read_and_what_it_added_are_its_issuers() -> None:
    spoken = said(
        "The Kenyan foreign ministry issued a statement on Tuesday. The statement read: "
        '"President Ruto today called the Prime Minister to convey the greetings of Kenya."\n\n'
        "The ministry said the call lasted an hour.\n\n"
        'It added: "The two leaders agreed to meet again before the end of the year."'
    )
    assert [who for who, _ in spoken] == ["Kenyan Foreign Ministry"] * 3
    assert spoken[0][1].startswith("President Ruto today called")
    assert spoken[2][1].startswith("The two leaders agreed")


def test_a_quotation_opened_straight_and_closed_curly_is_still_a_quotation() -> None:
    statement = only(
        'Chancellor Friedrich Merz was also quoted as saying at the time that "in practical '
        "terms, Germany and Poland have nearly identical positions\u201d on the budget."
    )
    assert statement.speaker == "Friedrich Merz"
    assert statement.text.startswith("in practical terms, Germany and Poland")


def test_words_an_agency_reports_are_the_speakers_not_the_agencys() -> None:
    statement = only(
        "Meanwhile, Lithuanian Prime Minister Gintautas Paluckas told reporters that relations "
        'between the two countries were "the best they have ever been," the PAP news agency '
        "reported."
    )
    assert statement.speaker == "Gintautas Paluckas"
    assert statement.text.startswith("relations between the two countries")


def test_a_clause_that_ends_in_a_quotation_before_its_speaker_is_said_whole() -> None:
    statement = only(
        "During the talks on Thursday, more than 20 ministers are expected to discuss ways of "
        "coordinating \u201cpolicies and actions within the EU,\u201d Polish Deputy Foreign "
        "Minister Pawel Jablonski told reporters."
    )
    assert statement.speaker == "Pawel Jablonski"
    assert statement.text.startswith("During the talks on Thursday")


def test_what_a_spokesperson_named_after_her_title_said_is_hers() -> None:
    statement = only(
        '"The two leaders engaged on the misconceptions about the violence," said Ramaphosa\'s '
        "spokesperson, Vincent Magwenya."
    )
    assert statement.speaker == "Vincent Magwenya"


def test_agreeing_that_something_is_so_is_saying_it() -> None:
    statement = only(
        "Kenyan Foreign Minister Musalia Mudavadi agreed that time has come for Africa to "
        "forge a united front at the global level."
    )
    assert statement.speaker == "Musalia Mudavadi"
    assert statement.text.startswith("time has come for Africa")


def test_an_unnamed_representative_of_a_government_is_not_the_government() -> None:
    assert (
        said(
            "After exchanging greetings, the representative of the US government agreed that if "
            "they work together they can achieve progress on migration."
        )
        == []
    )


def test_hoping_or_vowing_that_something_happens_is_saying_it() -> None:
    statement = only(
        "Kenyan President William Ruto hoped that the two countries would sign the trade "
        "agreement before the end of the year."
    )
    assert statement.speaker == "William Ruto"
    assert statement.text.startswith("the two countries would sign")


def test_a_second_speakers_report_after_while_is_their_own_statement() -> None:
    assert sorted(
        said(
            "President Donald Trump maintained that the United States does not need Canadian "
            "cars, while Prime Minister Mark Carney said the current integrated system works "
            "best."
        )
    ) == [
        ("Donald Trump", "the United States does not need Canadian cars"),
        ("Mark Carney", "the current integrated system works best"),
    ]


def test_an_attribution_set_off_after_the_first_word_gives_the_rest_of_the_sentence() -> None:
    assert said(
        "Prime Minister John Key met Julia Gillard in Hanoi.\n\nHowever, said Mr Key, there were "
        '"no real conclusions drawn on anything".'
    ) == [("John Key", "there were no real conclusions drawn on anything")]


def test_he_said_after_a_sentence_about_someone_is_that_ones_statement() -> None:
    statements = said(
        "Mexican Foreign Minister Luis Videgaray met President Donald Trump.\n\n"
        "Trump has taken a hard line on immigration and said he would focus on those with "
        "criminal convictions.\n\n"
        'Videgaray described the meeting as "a cordial conversation about migration." He said '
        '"we spoke about the need for Mexican migrants to be treated with respect."'
    )
    assert (
        "Luis Videgaray",
        "we spoke about the need for Mexican migrants to be treated with respect.",
    ) in statements


def test_his_press_office_is_named_for_him_and_new_zealands_government_is_not_new_zealanders() -> (
    None
):
    statements = said(
        "Prime Minister-designate Saad Hariri arrived in Doha on Wednesday, his press office "
        "said in a statement.\n\n"
        "The New Zealand government said it won't relax the restrictions on Fiji's leaders."
    )
    speakers = {speaker for speaker, _ in statements}
    assert speakers == {"Saad Hariri's press office", "New Zealand Government"}


def test_words_said_before_the_verb_are_the_statement_when_a_long_occasion_follows_it() -> None:
    statement = only(
        "Portugal's priorities for the presidency will focus on the economic recovery, "
        "Prime Minister Antonio Costa said during a joint press conference in Lisbon with "
        "visiting Greek Prime Minister Kyriakos Mitsotakis on Monday."
    )
    assert statement.speaker == "António Costa"
    assert statement.text.startswith("Portugal's priorities for the presidency")


def test_a_judgement_in_quoted_words_is_the_judges_statement() -> None:
    article = run(
        "Trump, who welcomed the Chilean head of state to the Oval Office on Friday, praised "
        "Chile as “one of the most beautiful countries in the world” and raved about its coast."
    )
    assert [(s.speaker, s.text) for s in article.statements] == [
        ("Donald Trump", "one of the most beautiful countries in the world")
    ]


def test_what_an_outlet_reports_is_its_statement_when_no_one_else_speaks() -> None:
    article = run(
        "Foreign Minister Jose Antonio Garcia Belaunde met on Monday with his Bolivian "
        "counterpart, state news agency Andina reported.\n\n"
        "King Abdullah met with Prime Minister Nouri al-Maliki to talk about ways to improve "
        "relations between the two countries, al-Alam satellite TV reported."
    )
    assert [(s.speaker, s.text.split()[:2]) for s in article.statements] == [
        ("Andina", ["Foreign", "Minister"]),
        ("al-Alam satellite TV", ["King", "Abdullah"]),
    ]
    kinds = {a.name: a.kind for a in article.actors}
    assert kinds["Andina"] is ActorKind.MEDIA


def test_a_title_opening_a_paragraph_without_the_is_the_person_who_holds_it() -> None:
    article = run(
        "Croatian Foreign Minister Davor Ivo Stier met his Slovenian counterpart Karl Erjavec "
        "on Monday.\n\n"
        "Croatian Foreign Minister stressed that the unresolved border issue was of bilateral "
        "nature.\n\n"
        "President el-Sisi congratulated him, saying that such a step will contribute to "
        "driving the peace process."
    )
    first, *rest = [s.speaker for s in article.statements]
    assert first == "Davor Ivo Stier"
    assert "Davor Ivo Stier" not in rest


def test_his_majesty_is_the_monarch_the_court_news_named_first() -> None:
    article = run(
        "His Majesty King Abdullah and Saudi Crown Prince Mohammed bin Salman on Thursday held "
        "a meeting at Al Salam Royal Palace in Jeddah.\n\n"
        "His Majesty reaffirmed the need to support the Palestinians in attaining their just "
        "and legitimate rights."
    )
    assert [s.speaker for s in article.statements] == ["King Abdullah"]
    assert [[p.actor for p in m.participants] for m in article.meetings] == [
        ["King Abdullah", "Mohammed bin Salman"]
    ]


def test_a_quotation_that_opens_in_lower_case_keeps_the_subject_before_it() -> None:
    article = run(
        "The two presidents had a productive call, the White House said.\n\n"
        'Both leaders "agreed to work these differences out as part of a comprehensive '
        'discussion," it said.'
    )
    texts = [s.text for s in article.statements if s.speaker == "White House"]
    assert any(t.startswith("Both leaders agreed to work") for t in texts), texts


def test_two_reports_joined_by_and_are_each_their_speakers() -> None:
    article = run(
        "Australian Prime Minister Anthony Albanese met New Zealand Prime Minister Chris Hipkins "
        "on Monday.\n\n"
        "Albanese said Australia will provide an initial A$10 million in humanitarian aid and "
        "New Zealand's Chris Hipkins said New Zealand will provide NZ$1.5 million in aid."
    )
    said = {(s.speaker, s.text.split()[0]) for s in article.statements}
    assert said == {("Anthony Albanese", "Australia"), ("Chris Hipkins", "New")}


def test_a_quotation_ending_in_an_exclamation_is_its_speakers_and_when_is_not_what() -> None:
    article = run(
        "Venezuelan Foreign Minister Nicolas Maduro arrived in Bogota on Wednesday.\n\n"
        '"We want to build a positive agenda. There are so many elements for a cooperative '
        'agenda. That is why we come. To work!" Maduro said as he arrived at the Palace.'
    )
    assert [(s.speaker, s.text.split(".")[0]) for s in article.statements] == [
        ("Nicolas Maduro", "We want to build a positive agenda")
    ]


def test_a_described_speaker_is_the_person_of_that_country_named_before() -> None:
    article = run(
        "Egyptian President Abdel Fattah El Sisi met Sudanese leader Abdel Fattah al-Burhan in "
        "Khartoum on Saturday.\n\n"
        "The Sudanese official noted that his country looks forward to enhancing cooperation "
        "with Egypt."
    )
    assert [(s.speaker, s.text.split()[0]) for s in article.statements] == [
        ("Abdel Fattah al-Burhan", "his")
    ]


def test_the_diplomat_an_article_left_unnamed_is_nobody_it_named() -> None:
    article = run(
        "Japan's Katsuya Okada met his Chinese counterpart Yang Jiechi in Tokyo, a Japanese "
        "diplomat said.\n\n"
        "The two men also agreed to arrange visits by political leaders, the diplomat added."
    )
    assert not [s for s in article.statements if s.text.startswith("The two men")]


def test_it_was_reported_that_is_nobodys_statement() -> None:
    article = run(
        "Polish President Lech Kaczynski met German Chancellor Angela Merkel in Berlin.\n\n"
        "Officially the Polish president cited health problems for his cancellation but "
        "unofficially it was reported that he was upset over a caricature."
    )
    assert not [s for s in article.statements if s.text.startswith("he was upset")]


def test_a_proposal_without_that_and_a_call_on_someone_are_reported_speech() -> None:
    article = run(
        "Vietnamese Prime Minister Pham Minh Chinh met Thai Prime Minister Srettha Thavisin in "
        "Hanoi.\n\n"
        "He proposed the two countries strengthen delegation exchanges through Party channels."
        "\n\nOn this occasion, he called on the Thai government to continue creating favourable "
        "conditions for the Vietnamese community."
    )
    texts = [s.text for s in article.statements if s.speaker == "Pham Minh Chinh"]
    assert any(t.startswith("the two countries strengthen") for t in texts), texts
    assert any("continue creating favourable conditions" in t for t in texts), texts


def test_greetings_passed_on_are_protocol_not_a_statement() -> None:
    article = run(
        "King Abdullah II received Saudi envoy Nayef Al Sudairi in Amman.\n\n"
        "The King asked him to convey his greetings to King Salman."
    )
    assert article.statements == []


def test_an_organisations_initials_name_it_again_once_named_in_full() -> None:
    article = run(
        "Ahead of the visit, the Ministry of External Affairs had said that the two ministers "
        "will review bilateral relations.\n\n"
        "The MEA said regional issues of mutual interest would also be discussed."
    )
    assert {s.speaker for s in article.statements} == {"Ministry of External Affairs"}
    assert "MEA" not in {a.name for a in article.actors}


def test_the_head_of_state_of_a_country_is_its_president_named_before() -> None:
    article = run(
        "Polish President Andrzej Duda met Lithuanian President Gitanas Nauseda in Vilnius.\n\n"
        "The Polish head of state expressed hope that bilateral relations could be elevated to "
        "a higher level."
    )
    assert [(s.speaker, s.text.split()[0]) for s in article.statements] == [
        ("Andrzej Duda", "bilateral")
    ]


def test_the_monarch_is_the_king_named_before() -> None:
    article = run(
        "Jordan's King Abdullah met Palestinian President Mahmoud Abbas in Amman on Sunday.\n\n"
        "The Jordanian monarch also said that the status of Jerusalem must be preserved."
    )
    assert [(s.speaker, s.text.split()[0]) for s in article.statements] == [
        ("King Abdullah", "the")
    ]


def test_the_chief_executive_is_the_president_named_before() -> None:
    article = run(
        "President Ferdinand Marcos Jr. met Japanese Prime Minister Fumio Kishida on Monday.\n\n"
        "The Chief Executive also said the country will stop treating the pandemic as an "
        "emergency."
    )
    assert [s.speaker for s in article.statements] == ["Ferdinand Marcos Jr."]


def test_a_former_premier_is_not_the_premier_who_speaks() -> None:
    article = run(
        "Lebanon's government collapsed after a probe into the killing of former premier Rafiq "
        "Hariri.\n\n"
        "Qatar's Prime Minister Sheikh Hamad bin Jassem met Secretary of State Hillary Clinton "
        "in Doha.\n\n"
        "The Premier said that Qatar was supporting the Saudi-Syrian initiative."
    )
    speakers = {s.speaker for s in article.statements if s.text.startswith("Qatar was")}
    assert speakers and "Rafiq Hariri" not in speakers, speakers


def test_downing_street_speaks_as_itself_not_as_the_country() -> None:
    article = run(
        "British Prime Minister Rishi Sunak spoke with Polish Prime Minister Mateusz Morawiecki "
        "on Monday.\n\n"
        "Downing Street said the two leaders discussed energy security in Europe."
    )
    assert [s.speaker for s in article.statements] == ["Downing Street"]


def test_the_pentagon_speaks_as_itself_as_the_white_house_does() -> None:
    statement = only(
        "Defense Secretary Lloyd Austin on Friday talked with the Russian defense minister for "
        "the second time in less than a month, the Pentagon said."
    )
    assert statement.speaker == "Pentagon"
    assert statement.text.startswith("Defense Secretary Lloyd Austin on Friday talked")


def test_an_attribution_set_inside_the_clause_keeps_the_words_before_it() -> None:
    article = run(
        "British Prime Minister Rishi Sunak spoke with Polish Prime Minister Mateusz Morawiecki "
        "on Monday.\n\n"
        "Both parties agreed, Downing Street said, on the need to keep supporting Ukraine."
    )
    assert [(s.speaker, s.text) for s in article.statements] == [
        ("Downing Street", "Both parties agreed on the need to keep supporting Ukraine")
    ]


def test_she_added_after_an_inverted_attribution_is_that_speaker() -> None:
    article = run(
        "Lavrov is scheduled to meet with his Azerbaijani counterpart Elmar Mammadyarov in "
        "Baku, said Russian Foreign Ministry spokeswoman Maria Zakharova. \u201cThe sides will "
        "discuss bilateral relations, as well as issues of the international agenda,\u201d she "
        "added."
    )
    quoted = [s for s in article.statements if s.text.startswith("The sides")]
    assert [s.speaker for s in quoted] == ["Maria Zakharova"]


def test_a_named_speaker_with_a_description_set_beside_her_is_the_speaker() -> None:
    article = run(
        "Russian Foreign Minister Sergey Lavrov will pay an official visit to Azerbaijan on "
        "November 20, Maria Zakharova, spokesperson for the Russian Foreign Ministry, said at a "
        "briefing on November 16, an APA correspondent reported from Moscow."
    )
    assert [(s.speaker, s.text.split(" will ")[0]) for s in article.statements] == [
        ("Maria Zakharova", "Russian Foreign Minister Sergey Lavrov")
    ]


def test_the_spokesperson_after_the_verb_is_the_one_the_article_titled_so() -> None:
    article = run(
        "Lavrov will visit Baku on November 20, Maria Zakharova, spokesperson for the Russian "
        "Foreign Ministry, said on Thursday.\n\n"
        "Azerbaijan is Russia's strategic partner, stressed the spokesperson."
    )
    partner = [s for s in article.statements if s.text.startswith("Azerbaijan is")]
    assert [s.speaker for s in partner] == ["Maria Zakharova"]


def test_a_quotation_right_after_someones_reported_words_is_theirs() -> None:
    article = run(
        "Polish President Andrzej Duda visited Vilnius on Tuesday.\n\n"
        "President Duda said that both Poland and Lithuania were committed to the situation in "
        'Belarus. "We wish the Belarusian people well, we wish them to live in a free country."'
    )
    assert [(s.speaker, s.text.split()[0]) for s in article.statements] == [
        ("Andrzej Duda", "both"),
        ("Andrzej Duda", "We"),
    ]


def test_someone_quoted_as_saying_in_the_passive_said_it() -> None:
    body = (
        "Prime Minister Ralph Gonsalves met Venezuelan Foreign Minister Jorge Arreaza. "
        "Dr. Gonsalves was quoted as saying that Saint Vincent stands in solidarity with Venezuela."
    )
    assert said(body) == [("Ralph Gonsalves", "Saint Vincent stands in solidarity with Venezuela")]


def test_according_to_after_a_connective_is_an_attribution() -> None:
    body = (
        "Russian President Vladimir Putin met Angela Merkel on Saturday. But, according to "
        "Putin, there had been no progress for the region."
    )
    assert said(body) == [("Vladimir Putin", "there had been no progress for the region")]


def test_she_is_not_a_man_the_article_calls_mr_and_he_is_not_a_woman() -> None:
    body = (
        "Chancellor Angela Merkel received French President-elect Emmanuel Macron in Berlin. "
        'Macron arrived from Paris. "I saw a lot of common ground with the '
        'chancellor," he told reporters outside her chancellery.'
    )
    assert [s for s, _ in said(body)] == ["Emmanuel Macron"]
    body = (
        "British Prime Minister Theresa May met Polish Prime Minister Mateusz Morawiecki in "
        "London. Mr Morawiecki was having lunch with Mrs May at Lancaster House. She said: "
        "\u2018I value the contribution the Polish community makes to society.\u2019"
    )
    assert [s for s, _ in said(body)] == ["Theresa May"]


def test_first_person_words_after_a_sentence_about_someone_speaking_are_theirs() -> None:
    body = (
        "President Thabo Mbeki met George Bush on Monday. President Mbeki expressed his pleasure "
        'at the tone of the meetings. "We have had very good discussions with the president."'
    )
    assert [s for s, _ in said(body)] == ["Thabo Mbeki"]
    # words in no person's voice stay unattributed
    body = (
        "President Thabo Mbeki met George Bush on Monday. President Mbeki expressed his pleasure "
        'at the tone of the meetings. "The threat of drought was the most important issue."'
    )
    assert said(body) == []


def test_a_transcripts_turns_are_the_words_of_the_one_each_label_names() -> None:
    body = (
        "Foreign Minister Alexander Downer spoke to reporters in Tonga.\n\n"
        "DOWNER: Well I don't have a lot to say. We had the opening of the forum.\n\n"
        "JOURNALIST: What are your impressions of the other leaders here today?\n\n"
        "DOWNER: My guess is that they believe the Fiji issue matters a great deal."
    )
    assert [s for s, _ in said(body)] == ["Alexander Downer", "Alexander Downer"]


def test_a_transcript_label_may_give_the_speakers_office_after_the_name() -> None:
    body = (
        "Prime Minister Julia Gillard arrived in Port Moresby.\n\n"
        "JULIA GILLARD, PRIME MINISTER: No country is closer to Australia than Papua New "
        "Guinea. Our geographic proximity mirrors the closeness of our people.\n\n"
        "DUBAI, UAE: The foreign ministers of the two countries met in Muscat on Monday."
    )
    statements = said(body)
    assert [s for s, _ in statements] == ["Julia Gillard"]
    assert statements[0][1].startswith("No country is closer")


def test_a_quote_closed_by_an_honorific_and_a_name_or_by_continued_is_theirs() -> None:
    body = (
        "Canadian Prime Minister Stephen Harper met Chinese President Hu Jintao in Vladivostok. "
        '"Mr. prime minister, we attach great importance to the China-Canada relationship," '
        "said Mr. Hu, as the two leaders took up seats opposite a long table. "
        '"Well, we are in close contact over the situation and keep up those talks," '
        "Harper continued."
    )
    assert [s for s, _ in said(body)] == ["Hu Jintao", "Stephen Harper"]


def test_a_transcripts_first_turn_is_not_taken_for_a_dateline() -> None:
    body = (
        "SECRETARY KERRY: I am really delighted to welcome Foreign Secretary Jose Antonio Meade "
        "here so we can continue our dialogue.\n\n"
        "FOREIGN SECRETARY MEADE: We are happy to be here and happy to be received."
    )
    assert [s for s, _ in said(body)] == ["Kerry", "Jose Antonio Meade"]


def test_a_transcripts_speakers_named_in_full_in_capitals_and_nowhere_else_are_people() -> None:
    article = run(
        "WINSTON PETERS: This is the final day of the consultations. We've had a very fruitful "
        "discussion on a range of things.\n\n"
        "JULIE BISHOP: Thank you Deputy Prime Minister. I was delighted to accept your "
        "invitation to attend this meeting."
    )
    assert [s.speaker for s in article.statements] == ["Winston Peters", "Julie Bishop"]
    assert {"Winston Peters", "Julie Bishop"} <= {a.name for a in article.actors}


def test_a_broadcasts_presenter_telling_the_story_makes_no_statement() -> None:
    article = run(
        "TONY JONES: On her first official visit to Papua New Guinea as Prime Minister, Julia "
        "Gillard has promised more help for the country's hospitals.\n\n"
        "The two leaders will discuss aid spending and economic links."
    )
    assert "Tony Jones" not in {s.speaker for s in article.statements}
    assert "Tony Jones" not in {a.name for a in article.actors}


@pytest.mark.parametrize(
    "body",
    [
        "Ugandan President Yoweri Museveni received new envoys at State House Entebbe. "
        "Receiving the Sudanese Ambassador, Hussein Awad Ali, the President emphasised "
        "strengthening bilateral relations. He said the two countries' co-existence should be "
        "enhanced.",
        # (a sentence the parser reads with the participle as its clausal subject)
        "President Yoweri Museveni received credentials from new envoys on Monday.\n\n"
        "Receiving the Sudanese Ambassador, Hussein Awad Ali, the President still emphasised "
        "strengthening bilateral relations between Uganda and sudan. He said the harmonisation "
        "of the two countries' co-existence should be enhanced.",
    ],
)
def test_he_after_a_sentence_opened_by_a_participle_is_its_subject_not_its_object(
    body: str,
) -> None:
    assert {s for s, _ in said(body)} == {"Yoweri Museveni"}


def test_it_said_after_a_bodys_statement_is_that_bodys() -> None:
    body = (
        "The Kenyan foreign ministry said in a statement that Mudavadi met Whitman on Thursday. "
        "It said the two discussed trade and security cooperation between the two countries."
    )
    statements = said(body)
    assert [s for s, _ in statements] == ["Kenyan Foreign Ministry", "Kenyan Foreign Ministry"]
    assert statements[1][1].startswith("the two discussed trade")
    # with no body's statement just before, "it" names no one
    assert said("It said the two discussed trade and security cooperation on Monday.") == []


def test_what_an_outlet_reports_on_a_named_day_is_the_outlets() -> None:
    body = (
        "Putin and Obama last held talks in November during the climate conference in Paris, "
        "the RBC newspaper reported Wednesday. Iranian President Hassan Rouhani sent a letter "
        "to Sultan Qaboos of Oman, state-owned Oman News Agency (ONA) reported today."
    )
    assert [s for s, _ in said(body)] == ["RBC", "Oman News Agency"]


def test_a_quote_over_paragraphs_named_only_at_its_close_is_one_statement() -> None:
    statements = said(
        "Malaysian Prime Minister Anwar Ibrahim attended the summit in Jakarta.\n\n"
        "The talks touched on investment.\n\n"
        "“In this summit, I also had a bilateral meeting with my counterpart from Laos, "
        "Sonexay Siphandone. We agreed to cooperate more in banking.\n\n"
        "“After that, I held a bilateral meeting with my counterpart from Timor Leste. "
        "I reiterated my full support,” he said."
    )
    assert len(statements) == 1
    speaker, text = statements[0]
    assert speaker == "Anwar Ibrahim"
    assert text.startswith("In this summit, I also had")
    assert text.rstrip(".").endswith("I reiterated my full support")


def test_a_wire_dateline_in_capitals_is_a_place_not_the_speaker() -> None:
    article = run(
        "CARACAS, Venezuela — President Hugo Chavez expressed optimism Friday that Brazil's "
        "president may help ease tensions between Venezuela and Colombia."
    )
    assert "CARACAS" not in {a.name for a in article.actors}
    assert [(s.speaker, s.text) for s in article.statements] == [
        ("Hugo Chavez", "Brazil's president may help ease tensions between Venezuela and Colombia")
    ]


def test_a_promise_that_is_a_statement() -> None:
    statement = only(
        "Ghana's President Nana Akufo-Addo had promised Granger that Ghana will help develop "
        "Guyana's oil and gas industry."
    )
    assert statement.speaker == "Nana Akufo-Addo"
    assert statement.text.startswith("Ghana will help develop")


def test_an_urging_keeps_the_object_the_parse_hung_on_the_verb() -> None:
    statement = only(
        "Chinese President Xi Jinping met Obama. He also urged the US side to safeguard, with "
        "concrete actions, the peaceful development of ties across the Taiwan Strait."
    )
    assert statement.speaker == "Xi Jinping"
    assert statement.text.rstrip(".").endswith("ties across the Taiwan Strait")


def test_she_is_the_woman_of_the_sentence_before_not_a_subject_of_unknown_sex() -> None:
    statements = said(
        "Trump has threatened further punishment and irked Claudia Sheinbaum by saying he "
        "would be OK with air strikes on Mexico.\n\nShe has vowed the strikes will never "
        "happen."
    )
    assert statements == [("Claudia Sheinbaum", "the strikes will never happen")]


def test_a_quote_closed_by_stated_and_a_name_is_the_whole_quote() -> None:
    statement = only(
        'Venezuelan President Hugo Chávez met Lula in Caracas. "Our relations are now at their '
        "peak, like never before in history. Our countries are set to lead the integration "
        'process," stated Chávez.'
    )
    assert statement.speaker == "Hugo Chávez"
    assert statement.text.startswith("Our relations are now at their peak")


def test_commented_that_reports_speech() -> None:
    statement = only(
        "Indian Prime Minister Manmohan Singh met Obama. Singh commented that India and the US "
        "are separated by distance but bound by values."
    )
    assert statement.speaker == "Manmohan Singh"
    assert statement.text.startswith("India and the US are separated")


def test_according_to_a_title_set_off_by_commas_is_its_holder() -> None:
    statement = only(
        "According to Venezuelan Foreign Minister, Nicolás Maduro, the presidential meeting "
        "allowed the two countries to consolidate their ties."
    )
    assert statement.speaker == "Nicolás Maduro"
    assert statement.text.startswith("the presidential meeting allowed")


def test_a_quote_closed_by_said_x_upon_arrival_is_xs() -> None:
    statement = only(
        "Colombian President Juan Manuel Santos flew to Ecuador. “Many thanks for all the "
        "support that you have been giving us,” said Santos upon his arrival in the city of "
        "Guayaquil."
    )
    assert statement.speaker == "Juan Manuel Santos"
    assert statement.text.startswith("Many thanks for all the support")


def test_she_after_a_paragraph_about_a_man_is_the_woman_named_before() -> None:
    statements = said(
        "German Chancellor Angela Merkel said she is sure Germany will return to the trade deal "
        "one day.\n\n"
        "US President Barack Obama then responded that the talks were challenging.\n\n"
        '"I have always been strongly engaged for a conclusion of a trade deal with the United '
        'States," she said, following talks with US President Barack Obama.'
    )
    quoted = [who for who, text in statements if text.startswith("I have always been")]
    assert quoted == ["Angela Merkel"]


def test_the_head_of_a_ministry_is_the_minister_the_article_names() -> None:
    statements = run(
        "Uzbek Foreign Minister Bakhtiyor Saidov held talks in Tashkent. “We had a telephone "
        "conversation with H.E. Battsetseg Batmunkh, Minister of Foreign Affairs of Mongolia,” "
        "the head of the Uzbekistan Foreign Ministry wrote on his Telegram channel."
    )
    assert [s.speaker for s in statements.statements] == ["Bakhtiyor Saidov"]
    assert "Battsetseg Batmunkh" in {a.name for a in statements.actors}


def test_a_speaker_with_a_relative_clause_before_the_verb_is_its_subject() -> None:
    statements = said(
        "Chinese Vice President Xi Jinping met US President Barack Obama. During his meeting "
        "with Obama, Xi, who handed over a letter from Chinese President Hu Jintao to Obama, "
        "said his visit was aimed at implementing the consensus of the two presidents."
    )
    assert statements == [
        ("Xi Jinping", "his visit was aimed at implementing the consensus of the two presidents")
    ]


def test_a_long_styled_name_after_said_is_the_speaker() -> None:
    statement = only(
        '"I had made a private visit to Lebanon when I felt there was tension there," said '
        "Qatar's Prime Minister and Foreign Minister H E Sheikh Hamad bin Jassem bin Jabor Al "
        "Thani, who also holds the foreign portfolio."
    )
    assert statement.speaker == "Hamad bin Jassem bin Jabor Al Thani"


def test_reassured_someone_that_reports_speech() -> None:
    statement = only(
        "Kenyan President Mwai Kibaki addressed the nation. He reassured Kenyans and the "
        "international community that the process of implementing the constitution was on track."
    )
    assert statement.speaker == "Mwai Kibaki"
    assert statement.text.startswith("the process of implementing the constitution")


def test_a_statement_never_starts_with_the_colon_that_introduced_it() -> None:
    statements = said(
        "President Muhammadu Buhari hosted President Mohamed Bazoum of Niger.\n\nHe said: “We "
        "will stabilise our region for the benefit of the two countries, “Nigerians and "
        "Nigeriens are people with similar culture, so we cannot ignore each other.”"
    )
    assert statements
    assert all(text[:1].isalnum() for _who, text in statements), statements


def test_according_to_set_in_the_middle_of_a_sentence_attributes_the_sentence_around_it() -> None:
    body = (
        "President Bola Tinubu received President Paul Biya in Abuja on Tuesday. The talks, "
        "according to presidential spokesman Bayo Onanuga, covered cooperation against "
        "terrorism and cross-border crime."
    )
    assert said(body) == [
        ("Bayo Onanuga", "The talks covered cooperation against terrorism and cross-border crime")
    ]


def test_according_to_after_a_dateline_is_a_fronted_attribution() -> None:
    body = (
        "DUBAI (Sputnik) \u2014 According to Rubio, the security guarantees will be ready "
        "within days."
    )
    assert said(body) == [("Marco Rubio", "the security guarantees will be ready within days")]


def test_the_ministry_is_the_one_named_before_not_one_named_later() -> None:
    body = (
        "The Prime Ministers had noted that a joint commission would discuss all matters of "
        "bilateral relations, the Ministry of Foreign Affairs informed after the meeting.\n\n"
        "Likewise, they also agreed to form a joint oversight mechanism, according to the "
        "Ministry.\n\n"
        "Spokesperson of Indian Ministry of External Affairs Vikas Swarup told a press "
        "conference in Goa on Sunday that it was entirely a coincidental meeting."
    )
    assert said(body) == [
        (
            "Ministry of Foreign Affairs",
            "The Prime Ministers had noted that a joint commission would discuss all matters of "
            "bilateral relations",
        ),
        (
            "Ministry of Foreign Affairs",
            "Likewise, they also agreed to form a joint oversight mechanism",
        ),
        ("Vikas Swarup", "it was entirely a coincidental meeting"),
    ]


def test_a_pronoun_and_verb_set_off_after_one_word_attribute_the_sentence_around_them() -> None:
    body = (
        "Greek Foreign Minister Stavros Lamprinides arrived in Nicosia on Monday. Cyprus, he "
        "said, and the Cyprus issue are a top priority."
    )
    assert said(body) == [("Stavros Lamprinides", "Cyprus and the Cyprus issue are a top priority")]


def test_a_connective_before_an_inserted_attribution_is_not_among_the_words_said() -> None:
    body = (
        "Greek Foreign Minister Stavros Lamprinides arrived in Nicosia on Monday. However, he "
        "said, the talks would go on."
    )
    assert said(body) == [("Stavros Lamprinides", "the talks would go on")]


def test_he_quoted_her_as_saying_gives_the_words_to_the_woman_not_to_him() -> None:
    body = (
        "Prime Minister Sheikh Hasina met Iranian President Hassan Rouhani in Baku on Thursday, "
        "Foreign Secretary Shahidul Haque told reporters.\n\n"
        "She emphasised unity of the Muslim world in the meeting with Rouhani, Shahidul said.\n\n"
        "\u201cThe Muslim world will emerge as a major power if we can unite,\u201d he quoted her "
        "as saying."
    )
    statements = said(body)
    assert (
        "Sheikh Hasina",
        "The Muslim world will emerge as a major power if we can unite.",
    ) in statements
    assert (
        "Shahidul Haque",
        "She emphasised unity of the Muslim world in the meeting with Rouhani",
    ) in statements


def test_the_president_opening_sentences_is_the_one_the_text_is_about() -> None:
    # Zuma is named more often, but Kenyatta is who the sentences are about; his office
    # comes from "President Kenyatta", a name the recogniser read by itself.
    body = (
        "President Kenyatta on Friday held bilateral talks with his South African counterpart "
        "President Jacob Zuma in Cape Town.\n\n"
        "During the meeting, President Kenyatta thanked President Zuma for his solidarity.\n\n"
        "The president also thanked President Zuma for attending his inauguration, saying "
        "this was an honour to the people of Kenya.\n\n"
        "The president noted that the gesture of goodwill was a reflection of fraternal ties."
    )
    assert [speaker for speaker, _ in said(body)] == ["Kenyatta", "Kenyatta"]


def test_an_outlet_citing_someone_as_saying_gives_the_words_to_the_one_cited() -> None:
    body = (
        "Russian Foreign Minister Sergey Lavrov met German Foreign Minister Frank-Walter "
        'Steinmeier in Moscow.\n\n"We can do more than we did in the past on terrorism," Tass '
        "cited Lavrov as saying."
    )
    assert said(body) == [("Sergey Lavrov", "We can do more than we did in the past on terrorism.")]


def test_a_gerund_opening_a_that_clause_is_its_subject_not_an_act() -> None:
    body = (
        "German Chancellor Olaf Scholz met the Nordic prime ministers in Stockholm on Monday. "
        "Scholz said that having Finland and Sweden as members of the alliance strengthened "
        "NATO."
    )
    assert said(body) == [
        (
            "Olaf Scholz",
            "having Finland and Sweden as members of the alliance strengthened NATO",
        )
    ]


def test_a_name_first_met_after_a_title_names_the_person_again_alone() -> None:
    body = (
        "President Ruto met Prime Minister Modi in New Delhi on Monday. Ruto expressed "
        "confidence that the talks would resume soon."
    )
    assert said(body) == [("Ruto", "the talks would resume soon")]


def test_a_transcripts_capitalised_label_is_the_person_the_headline_names_in_full() -> None:
    doc = SourceDocument(
        origin="test",
        title="Remarks With Japanese Foreign Minister Seiji Maehara Before Their Meeting",
        body=(
            "SECRETARY CLINTON: Well, it is an honor and a great pleasure to welcome the "
            "minister here to Washington.\n\n"
            "FOREIGN MINISTER MAEHARA: I sincerely would like to express my appreciation to "
            "Secretary Clinton for the invitation."
        ),
    )
    (article,) = extract(doc, reference(), published=WEDNESDAY)
    assert "Seiji Maehara" in [s.speaker for s in article.statements]


def test_a_transcripts_label_is_the_person_named_in_full_above_it() -> None:
    doc = SourceDocument(
        origin="test",
        body=(
            "Remarks With Mexican Foreign Secretary Jose Antonio Meade Before Their Meeting\n\n"
            "John Kerry\nSecretary of State\nTreaty Room\nWashington, DC\n\n"
            "SECRETARY KERRY: I am really delighted to have a chance to welcome Foreign "
            "Secretary Meade here.\n\n"
            "FOREIGN SECRETARY MEADE: Thank you very much for the invitation, Secretary."
        ),
    )
    (article,) = extract(doc, reference(), published=WEDNESDAY)
    assert [s.speaker for s in article.statements][:1] == ["John Kerry"]


def test_calling_on_someone_to_act_is_a_demand_as_called_on_is() -> None:
    body = (
        "Obama met Cuban President Raul Castro in Havana. Raul Castro is calling on the "
        "United States to lift even more restrictions on Cuba."
    )
    assert said(body) == [("Raul Castro", "to lift even more restrictions on Cuba")]


def test_for_his_part_between_the_speaker_and_a_lead_in_verb_keeps_the_speaker() -> None:
    body = (
        "Iranian President Hassan Rouhani met Oman's foreign minister. Omani Foreign Minister "
        'Sayyid Badr Albusaidi, for his part said, "The visit will open a new chapter in the '
        'relations between the two countries."'
    )
    assert said(body) == [
        (
            "Badr Albusaidi",
            "The visit will open a new chapter in the relations between the two countries.",
        )
    ]


def test_a_description_after_a_sentence_about_someone_untitled_is_that_person() -> None:
    article = run(
        "Basescu said he and Scheffer discussed the summit agenda.\n\n"
        "The head of state said the summit proposes to find solutions for Afghanistan and "
        "for energy security."
    )
    assert (
        "Basescu",
        "the summit proposes to find solutions for Afghanistan and for energy security",
    ) in [(s.speaker, s.text) for s in article.statements]


def test_a_quote_closed_by_someones_office_is_the_offices_and_its_i_meets_no_one() -> None:
    article = run(
        "Prime Minister Stephen Harper met Premier Kathleen Wynne in Toronto on Monday.\n\n"
        "\u201cThey spoke of a number of important issues. I particularly valued my meeting with "
        "the premier,\u201d Harper\u2019s office said in a statement."
    )
    assert [s.speaker for s in article.statements] == ["Office of Stephen Harper"]
    assert [sorted(p.actor for p in m.participants) for m in article.meetings] == [
        ["Kathleen Wynne", "Stephen Harper"]
    ]


def test_a_quote_said_by_a_readout_from_a_seat_of_government_is_the_seats() -> None:
    article = run(
        "President Uhuru Kenyatta received a phone call from US President Donald Trump.\n\n"
        "\u201cThe two leaders discussed our economic partnership and mutual dedication to "
        "overcoming terrorism,\u201d said a readout from the White House."
    )
    assert [s.speaker for s in article.statements] == ["White House"]


def test_he_after_who_in_a_sentence_about_someone_is_that_someone_not_the_last_quoted() -> None:
    article = run(
        "President Robert Mugabe met President Jacob Zuma in Harare on Wednesday.\n\n"
        '"Those countries still maintain these illegal punitive measures," Mugabe said.\n\n'
        "After the talks, Mr. Zuma opened the Harare Agricultural Show and mentioned the work "
        "done by finance minister Tendai Biti, who he said had ended hyper inflation."
    )
    assert ("Jacob Zuma", "had ended hyper inflation") in [
        (s.speaker, s.text) for s in article.statements
    ]


def test_a_quotation_closed_by_a_full_stop_and_then_its_speaker_is_that_speakers() -> None:
    article = run(
        "President Dalia Grybauskaite met Estonian President Kersti Kaljulaid on Wednesday.\n\n"
        '"Our views coincide on most issues," Grybauskaite told reporters after meeting.\n\n'
        '"We both know Europe very well, we have similar opinions about the eastern border." '
        "Kaljulaid added at the joint press conference.\n\n"
        '"We will meet again in Tallinn." Grybauskaite said the two would talk more.'
    )
    assert [s.speaker for s in article.statements][:2] == [
        "Dalia Grybauskaite",
        "Kersti Kaljulaid",
    ]


def test_a_transcript_turn_labelled_with_an_office_of_a_country_and_a_note() -> None:
    article = run(
        "September 15, 2010, Murmansk\n\n"
        "President of Russia Dmitry Medvedev: Mr Prime Minister, I wish you a warm welcome to "
        "Murmansk.\n\n"
        "Our relations have been developing very well of late.\n\n"
        "Prime Minister of Norway Jens Stoltenberg (retranslated): Mr President, I want to "
        "thank you for inviting me and all of our delegation to Murmansk."
    )
    assert [(s.speaker, s.text[:20]) for s in article.statements] == [
        ("Dmitry Medvedev", "Mr Prime Minister, I"),
        ("Jens Stoltenberg", "Mr President, I want"),
    ]


def test_a_paragraph_introducing_a_statement_by_a_body_gives_it_the_quotation_below() -> None:
    article = run(
        "Here follows a statement by the Royal Office:\n\n"
        '"His Majesty King Mohammed VI had, this Friday, a telephone call with the President '
        "of the Islamic Republic of Mauritania.\n\n"
        "This telephone call was also an opportunity for the two Heads of State to discuss "
        'regional developments."'
    )
    assert [s.speaker for s in article.statements] == ["Royal Office"]


def test_she_after_a_quote_opening_the_sentence_is_whom_the_sentence_before_was_about() -> None:
    article = run(
        "\u201cIt will be a common list of goals,\u201d said Slovenian President Borut Pahor.\n\n"
        "Croatian President Kolinda Grabar Kitarovi\u0107 highlighted the fast progress of the "
        "initiative. \u201cToday we are forming the fund of the initiative,\u201d she said."
    )
    quoted = [s.speaker for s in article.statements if s.text.startswith("Today we")]
    assert quoted == ["Kolinda Grabar Kitarovi\u0107"]


def test_a_statement_released_as_it_stands_is_its_issuers_to_the_pages_end() -> None:
    article = _released_statement()
    assert [(s.speaker, s.text[:30]) for s in article.statements] == [
        ("Stephen Harper", "Our future prosperity will inc")
    ]
    assert "Copenhagen" in article.statements[0].text


def test_the_i_of_a_released_statement_is_its_issuer() -> None:
    article = _released_statement()
    assert [sorted(p.actor for p in m.participants) for m in article.meetings] == [
        ["Julia Gillard", "Stephen Harper"]
    ]


def _released_statement() -> ExtractedArticle:
    return run(
        "Prime Minister Stephen Harper issued the following statement on Sunday at the close "
        "of the summit:\n\n"
        "Our future prosperity will increasingly depend on our ties to the Pacific.\n\n"
        "Progress can still be made at Copenhagen.\n\n"
        "I met with Australian Prime Minister Julia Gillard to discuss trade."
    )


def test_he_after_a_paragraph_about_a_woman_is_the_man_she_met() -> None:
    article = run(
        "IOM Director General Amy Pope on Thursday called on Pakistan's Interior Secretary "
        "Aftab Akbar Durrani and discussed migration.\n\n"
        "He thanked the director general for her support to the Government of Pakistan.\n\n"
        "He said that the Ministry of Interior will also need support in border management."
    )
    assert [(s.speaker, s.text[:20]) for s in article.statements] == [
        ("Aftab Akbar Durrani", "the Ministry of Inte")
    ]


def test_telling_reporters_that_is_the_subjects_statement() -> None:
    article = run(
        "Malaysian Foreign Minister Syed Hamid Albar met the Iranian president, telling "
        "reporters afterward that he supported a diplomatic solution of the nuclear standoff."
    )
    assert [(s.speaker, s.text[:20]) for s in article.statements] == [
        ("Syed Hamid Albar", "he supported a diplo")
    ]


def test_a_call_told_on_with_telling_is_one_statement_from_the_call() -> None:
    article = run(
        "Egyptian President Abdel Fattah el-Sissi urged the resumption of peace talks, telling "
        "world leaders that any settlement must be based on the two-state solution."
    )
    assert [s.text[:20] for s in article.statements] == ["the resumption of pe"]


def test_a_full_stop_quote_is_told_by_the_next_sentence_naming_whom_it_was_told() -> None:
    article = run(
        "British Prime Minister David Cameron met Argentine President Cristina Fernandez de "
        "Kirchner.\n\n\u201cI am not proposing a full discussion now but I hope you respect "
        "their views.\u201d Cameron told the Argentinian President, according to the Telegraph."
    )
    assert [(s.speaker, s.text[:20]) for s in article.statements] == [
        ("David Cameron", "I am not proposing a")
    ]


def test_a_quotation_inside_reported_speech_is_not_the_last_quote_going_on() -> None:
    article = run(
        "German Chancellor Olaf Scholz met Nordic leaders in Oslo.\n\n"
        "This year was different, as \u201cwe\u2019re all NATO members now,\u201d Norwegian "
        "Prime Minister Jonas Gahr Store said. Scholz said that having Finland and Sweden in the "
        "alliance strengthened NATO and brought \u201cgreater security for all of us\u201d."
    )
    assert [(s.speaker, s.text[:20]) for s in article.statements] == [
        ("Jonas Gahr Store", "This year was differ"),
        ("Olaf Scholz", "having Finland and S"),
    ]


def test_a_countrys_presidential_spokesman_speaks_for_its_presidency() -> None:
    article = run(
        "South Korean President Moon Jae-in spoke with Japanese Prime Minister Shinzo Abe. "
        "A South Korean presidential spokesman said a summit can be expected at an "
        "appropriate time."
    )
    assert [(s.speaker, s.text[:20]) for s in article.statements] == [
        ("South Korean Presidency", "a summit can be expe")
    ]


def test_but_b_says_is_b_s_statement_after_a_s() -> None:
    article = run(
        "Iranian President Mahmoud Ahmadinejad visited Indonesia. Iran insists its nuclear "
        "programme is peaceful, but Washington says the real purpose is to build weapons."
    )
    assert sorted((s.speaker, s.text[:20]) for s in article.statements) == [
        ("Iran", "its nuclear programm"),
        ("United States", "the real purpose is "),
    ]


def test_officials_of_a_named_body_speak_for_it_and_a_countrys_officials_for_no_one() -> None:
    body = "Chinese Premier Li Keqiang met Japanese Prime Minister Shinzo Abe. "
    named = run(body + "Chinese Foreign Ministry officials said the two leaders discussed trade.")
    assert [(s.speaker, s.text[:20]) for s in named.statements] == [
        ("Chinese Foreign Ministry", "the two leaders disc")
    ]
    unnamed = run(body + "Chinese officials said the two leaders discussed trade.")
    assert unnamed.statements == []


def test_a_feeling_expressed_about_a_clause_says_the_clause() -> None:
    assert said(
        "Prime Minister Keith Rowley met the UN chief. Dr Rowley expressed satisfaction that "
        "the UN would work towards peace. The Nepali minister Narayan Khadka shared that they "
        "dwelt on economic cooperation. Croatian President Ivo Josipovic expressed his conviction "
        "that both countries would lobby together."
    ) == [
        ("Keith Rowley", "the UN would work towards peace"),
        ("Narayan Khadka", "they dwelt on economic cooperation"),
        ("Ivo Josipovic", "both countries would lobby together"),
    ]


def test_the_agency_is_the_outlet_or_agency_named_last() -> None:
    assert said(
        "U.S. Secretary of State Hillary Clinton will visit six countries, the State Department "
        "said on Tuesday. The agency said Clinton will lead an interagency delegation."
    )[-1] == ("State Department", "Clinton will lead an interagency delegation")


def test_a_title_apposed_with_his_excellency_names_its_holder() -> None:
    statement = only(
        "The newly elected Zambian President, His Excellency Hakainde Hichilema, wrote on his "
        "Facebook page: \u201cWe met President Rupiah Banda at his residence.\u201d"
    )
    assert statement.speaker == "Hakainde Hichilema"


def test_he_after_a_quotation_is_not_someone_the_quotation_names() -> None:
    # The dev article where it went wrong: Steinmeier, named inside the quotation, was taken
    # for the "he" who said it.
    path = EVAL_ARTICLES / "c-europe-01-thelocal-macron-merkel-berlin.txt"
    (document,) = read_file(path)
    assert isinstance(document, SourceDocument)
    (article,) = extract(document, reference())
    speakers = {s.text[:25]: s.speaker for s in article.statements}
    assert speakers["I haven't forgotten I am "] == "Emmanuel Macron"


def test_a_readout_attributable_to_a_spokesperson_is_their_statement() -> None:
    statement = only(
        "Secretary Blinken's Call with Canadian Foreign Minister Garneau\n\n"
        "The below is attributable to State Department Spokesperson Ned Price:\n\n"
        "Secretary of State Antony J. Blinken spoke with Canadian Minister of Foreign Affairs "
        "Marc Garneau to discuss the pandemic."
    )
    assert statement.speaker == "Ned Price"
    assert statement.text.startswith("Secretary of State Antony J. Blinken spoke with")


def test_the_aide_is_the_aide_named_before() -> None:
    statement = only(
        "President Muhammadu Buhari met his Ghanaian counterpart on Sunday night.\n\n"
        "Buhari Sallau, Personal Assistant to the Nigerian president on Broadcast Media, made "
        "this known on his Twitter handle.\n\n"
        "\u201cPresident @MBuhari receives in audience the Ghanaian President in State "
        "House,\u201d the presidential aide said."
    )
    assert statement.speaker == "Buhari Sallau"


def test_mrs_before_a_couples_surname_does_not_make_the_husband_a_she() -> None:
    statement = only(
        "President and Mrs. Bush will travel to Mexico in March.\n\nBush spoke to President "
        'Felipe Calderon by phone on Tuesday. "We are working together on trade and on '
        'security," he said.'
    )
    assert statement.speaker == "Bush"


def test_a_title_without_its_article_speaks_for_the_one_the_article_titled_so() -> None:
    spoken = said(
        "Croatian Minister of Foreign and European Affairs Davor Ivo Stier met his Slovenian "
        "counterpart Karl Erjavec on Friday.\n\nErjavec said that the border had not been "
        "determined. Croatian Foreign Minister stressed that the unresolved border issue was of "
        "bilateral nature."
    )
    assert spoken[-1] == (
        "Davor Ivo Stier",
        "the unresolved border issue was of bilateral nature",
    )


def test_the_saudi_minister_is_the_saudi_trade_minister_not_the_egyptian_one() -> None:
    spoken = said(
        "Egyptian Trade Minister Tarek Qabil said on Tuesday that coordination is underway.\n\n"
        "Qabil made the remarks during his meeting with Saudi Minister of Trade and Investment "
        "Majid al Qasabi.\n\nThe trade exchange stood at $4.3 billion in 2016, Qabil noted.\n\n"
        "Meanwhile, the Saudi minister underscored his country's keenness on bolstering trade."
    )
    assert spoken[-1][0] == "Majid al Qasabi"


def test_a_plural_countrys_possessive_titles_its_minister() -> None:
    spoken = said(
        "Chinese foreign minister Wang Yi spoke at a ceremony in Beijing alongside his Solomons "
        "counterpart Jeremiah Manele. The Solomons' foreign minister said his country's "
        "decision to switch recognition was based on national needs."
    )
    assert spoken == [
        (
            "Jeremiah Manele",
            "his country's decision to switch recognition was based on national needs",
        )
    ]


def test_a_quoted_predicate_after_a_fronted_source_is_the_sources() -> None:
    spoken = said(
        "Finnish President Sauli Niinisto met Russian Foreign Minister Sergey Lavrov on "
        "Wednesday. According to Niinisto's office, he and Lavrov \"had a serious conversation "
        'on the situation in Syria and Idlib and the humanitarian distress it causes".'
    )
    assert [speaker for speaker, _ in spoken] == ["Finnish Presidency"]


def test_an_outlet_quoting_a_titled_spokesman_as_saying_gives_him_the_words() -> None:
    statement = only(
        "Fijilive quotes the military spokesman, Captain Neumi Leweni, as saying the two men "
        "discussed security in Fiji."
    )
    assert (statement.speaker, statement.text) == (
        "Neumi Leweni",
        "the two men discussed security in Fiji",
    )


def test_made_clear_without_it_reports_what_was_made_clear() -> None:
    statement = only(
        "Home Secretary Priti Patel made clear tackling small boat crossings was her number "
        "one priority."
    )
    assert (statement.speaker, statement.text) == (
        "Priti Patel",
        "tackling small boat crossings was her number one priority",
    )


def test_reported_words_ending_in_a_quotation_are_their_own_statement() -> None:
    statements = said(
        "Prime Minister Tom Hale met Mara Voss on Monday. Mr Hale said that the talks were "
        'good. "We put aside any differences we might have." He also said that the '
        'relationship between the two countries "has got a lot of history, it has got a lot '
        'of common culture."'
    )
    assert ("Tom Hale", "We put aside any differences we might have.") in statements
    texts = [text for speaker, text in statements if speaker == "Tom Hale"]
    assert any(t.startswith("the relationship between the two countries has got") for t in texts)


def test_a_participle_after_he_met_someone_is_his_saying_not_theirs() -> None:
    statements = said(
        "President Tom Hale met Prime Minister Mara Voss on Friday. Earlier, he met with the "
        "Chinese Premier Li Wen, saying that it was a great opportunity for the two countries "
        "to advance trade."
    )
    assert statements == [
        ("Tom Hale", "it was a great opportunity for the two countries to advance trade")
    ]


def test_a_titled_person_after_with_the_is_an_object_not_the_speaker() -> None:
    statements = said(
        "Following talks with the Chinese Premier Li Wen, President Tom Hale toured the port, "
        "saying that trade between the two countries would double."
    )
    assert ("Tom Hale", "trade between the two countries would double") in statements
    assert all(speaker != "Li Wen" for speaker, _ in statements)


def test_he_after_a_word_set_off_is_the_subject_of_the_sentence_before() -> None:
    statements = said(
        'Foreign Minister Tom Hale said: "Our ties are strong and growing."\n\n'
        "For his part, Foreign Minister Omar Said praised the historical relations between "
        "the two countries. Also, he asserted that the next meeting will be in Cairo."
    )
    assert ("Omar Said", "the next meeting will be in Cairo") in statements


def test_went_on_to_say_attributes_the_quotation() -> None:
    statement = only(
        "Hale went on to say, \u201cIn terms of trade, all the administrative arrangements "
        "have been made.\u201d",
        header="President Tom Hale met Prime Minister Mara Voss on Tuesday.\n\n",
    )
    assert statement.speaker == "Tom Hale"
    assert statement.text.startswith("In terms of trade")


def test_only_said_still_attributes_the_quotation() -> None:
    statement = only(
        "In his tweet, Hale only said, \u201cSpoke about the misuse of freedoms and the dangers "
        "of extremism.\u201d",
        header="President Tom Hale met Prime Minister Mara Voss on Tuesday.\n\n",
    )
    assert statement.speaker == "Tom Hale"


def test_photographs_posted_are_no_statement() -> None:
    statements = said(
        "President Tom Hale met Prime Minister Mara Voss on Tuesday. His aide Sam Okoro "
        "posted photographs of the two leaders leaving after the meeting. Okoro said "
        "pictures would follow."
    )
    assert statements == [("Sam Okoro", "pictures would follow")]


def test_a_description_set_before_a_name_means_that_person_when_used_again() -> None:
    statements = said(
        "The WHO Regional Director for Africa, Dr Mara Voss, met President Tom Hale in Conakry "
        "on Monday.\n\n"
        "The WHO Regional Director for Africa said she is confident about the outcome of the "
        "epidemic."
    )
    assert statements == [("Mara Voss", "she is confident about the outcome of the epidemic")]


def test_a_plural_description_is_no_one_person() -> None:
    statements = said(
        "Prime Minister Tom Hale met Prime Minister Mara Voss on Monday.\n\n"
        "The Prime Ministers reaffirmed that both countries were served by close cooperation."
    )
    assert all(speaker not in ("Tom Hale", "Mara Voss") for speaker, _ in statements)


def test_an_office_named_by_its_initials_after_it_spoke_is_the_same_speaker() -> None:
    statements = said(
        "Prime Minister Tom Hale spoke with President Mara Voss on Saturday. The Prime "
        "Minister's Office says the two leaders spoke by phone for an hour.\n\n"
        "The PMO said in an email that the two leaders reiterated the importance of trade."
    )
    speakers = {speaker for speaker, _ in statements}
    assert "PMO" not in speakers
    assert ("Prime Minister's Office", "the two leaders reiterated the importance of trade") in (
        statements
    )


def test_a_post_lost_from_the_page_leaves_no_statement_behind_its_colon() -> None:
    statements = said(
        "Prime Minister Tom Hale met President Mara Voss on Sunday.\n\n"
        "PM Hale tweeted about his meeting with President Voss:\n\n"
        "As a special gesture, PM Hale was gifted a statue by President Voss during his visit.\n\n"
        "PM Hale tweeted upon his arrival in the island country:\n\n"
        "PM Hale's visit comes shortly after the bombings."
    )
    assert statements == []


def test_a_quotation_someone_commented_is_theirs_whole() -> None:
    statement = only(
        '"This trip to Paris is a real working meeting. We believe in our friendship! A strong '
        'Europe needs a strong partnership," Hale commented on his trip to Paris.',
        header="Chancellor Tom Hale met President Mara Voss on Wednesday.\n\n",
    )
    assert statement.speaker == "Tom Hale"
    assert statement.text.startswith("This trip to Paris is a real working meeting.")


def test_a_quotation_of_several_sentences_is_whole_whatever_verb_attributes_it() -> None:
    statement = only(
        '"This trip is a real working meeting. We believe in our friendship! A strong Europe '
        'needs a strong partnership," Hale lamented on X.',
        header="Chancellor Tom Hale met President Mara Voss on Wednesday.\n\n",
    )
    assert statement.speaker == "Tom Hale"
    assert statement.text.startswith("This trip is a real working meeting.")


def test_what_an_outlet_says_at_the_end_of_a_sentence_is_its_statement() -> None:
    assert said(
        "International mediator Lakhdar Brahimi met President Bashar al-Assad in Damascus on "
        "Sunday, state television said."
    ) == [
        (
            "state television",
            "International mediator Lakhdar Brahimi met President Bashar al-Assad in Damascus "
            "on Sunday",
        )
    ]


def test_an_outlet_reporting_that_is_the_speaker_of_its_own_report() -> None:
    (statement,) = said(
        "Bild reported that Chancellor Angela Merkel and Horst Seehofer disagreed over sending "
        "people back at the border."
    )
    assert statement[0] == "Bild"
    assert statement[1].startswith("Chancellor Angela Merkel and Horst Seehofer disagreed")


def test_according_to_an_outlet_at_the_end_gives_it_the_fact() -> None:
    (statement,) = said(
        "Venezuelan President Hugo Chavez and Brazilian President Luiz Inacio Lula da Silva "
        "initialed 21 agreements in the fields of gas and oil, according to AFP."
    )
    assert statement[0] == "Agence France-Presse"


def test_a_news_release_saying_is_no_outlet() -> None:
    assert all(
        speaker != "a news release"
        for speaker, _ in said(
            "During the meeting, the minister congratulated Baker on the smooth transition of "
            "power, a news release said."
        )
    )


def test_a_pledge_is_a_statement_of_what_was_promised() -> None:
    statement = only(
        "Japanese Ambassador Tanizaki Yasuaki met Vietnamese Minister Tran Tuan Anh in Hanoi. "
        "Tanizaki pledged to exert his utmost to promote the ties between the two countries."
    )
    assert statement.speaker == "Tanizaki Yasuaki"
    assert statement.text.startswith("to exert his utmost")


def test_an_accusation_is_a_statement_naming_the_accused() -> None:
    statement = only(
        "Canadian Prime Minister Paul Martin has accused the United States of ignoring a string "
        "of NAFTA rulings on softwood lumber."
    )
    assert statement.speaker == "Paul Martin"
    assert statement.text.startswith("the United States of ignoring")


def test_a_concern_expressed_about_something_is_a_statement() -> None:
    statement = only(
        "Guinean President Alpha Condé expressed concern about the upsurge of new cases in the "
        "coastal region."
    )
    assert statement.speaker == "Alpha Condé"
    assert statement.text.startswith("concern about the upsurge")


def test_eagerness_expressed_is_a_position_taken() -> None:
    statement = only(
        "Iraqi Prime Minister Adel Abd Al-Mahdi expressed Iraq's eagerness to develop relations "
        "with neighboring Turkey in all fields."
    )
    assert statement.text.startswith("Iraq's eagerness to develop relations")


def test_what_was_said_goes_before_an_old_pledge_in_one_sentence() -> None:
    statement = only(
        "President Donald Trump has taken a hard line on illegal immigration and in the past "
        "pledged to deport all of those in the country illegally, although in November he "
        "seemed to soften his stance and said he would focus on those with criminal convictions."
    )
    assert statement.text.startswith("he would focus on those with criminal convictions")


def test_an_office_the_article_gives_a_known_person_names_him_again() -> None:
    # The dev article: the reference knows Guterres as Secretary-General; the article is from
    # his years at UNHCR, and says "the High Commissioner" after naming him by that office.
    path = EVAL_ARTICLES / "ky-europe-03-unric-guterres-shatter-gilmore-ireland.txt"
    (document,) = read_file(path)
    assert isinstance(document, SourceDocument)
    (article,) = extract(document, reference())
    (described,) = [s for s in article.statements if s.text.startswith("the current levels")]
    assert described.speaker == "António Guterres"


def test_the_prime_minister_is_the_protagonist_not_the_last_prime_minister_named() -> None:
    article = run(
        "Anthony Albanese says Donald Trump congratulated him by phone.\n\n"
        "The prime minister says he received a very warm congratulatory phone call from US "
        "President Donald Trump.\n\n"
        "Anthony Albanese also confirmed that he had accepted an invitation from Canada's Prime "
        "Minister Mark Carney to attend the G7 leaders meeting in Alberta next month.\n\n"
        "The prime minister told reporters that he raised both AUKUS and tariffs with the US "
        "president during a warm exchange."
    )
    speakers = {s.speaker for s in article.statements if "AUKUS" in s.text}
    assert speakers == {"Anthony Albanese"}, article.statements


def test_an_embedded_post_signed_by_an_office_is_the_office_s_statement() -> None:
    article = run(
        "President Muhammadu Buhari left Abuja for Washington on Sunday.\n\n"
        "President Muhammadu Buhari arrives Washington DC ahead of his meeting with President "
        "Donald Trump at the White House.\n"
        "\u2014 Presidency Nigeria (@NGRPresident) April 29, 2018"
    )
    posted = [s for s in article.statements if s.medium == "post on X"]
    assert [s.speaker for s in posted] == ["Presidency Nigeria"]
    kinds = {a.name: a.kind for a in article.actors}
    assert kinds["Presidency Nigeria"] is ActorKind.ORGANIZATION


def test_a_person_from_a_country_said_it_not_the_country() -> None:
    assert said(
        "President Lazarus Chakwera received four envoys on Tuesday.\n\n"
        "Taking her turn, Ms. Natividad Isabel Pena Bonilla from the Kingdom of Spain said her "
        "main mission is to improve trade between the two countries."
    ) == [("Natividad Isabel Pena Bonilla", "her main mission is to improve trade between the "
           "two countries")]  # fmt: skip


def test_she_is_the_woman_named_before_not_the_man_she_praised() -> None:
    assert said(
        "President Lazarus Chakwera, on Tuesday, received letters of credence from four "
        "envoys.\n\n"
        "Speaking after presenting her letters of credence to the president, Gambia High "
        "Commissioner to Malawi Dr. Fatoumata Jahumpa Ceesay praised President Chakwera for "
        "promoting women to higher public positions.\n\n"
        "She said Gambia is ready to work with Malawi to eradicate housing problems."
    ) == [("Fatoumata Jahumpa Ceesay", "Gambia is ready to work with Malawi to eradicate "
           "housing problems")]  # fmt: skip


def test_what_someone_was_urged_to_do_names_who_was_urged() -> None:
    assert said(
        "PRESIDENT Edgar Lungu has urged diplomats accredited to Zambia to go to him and discuss "
        "freely on pertinent national issues to help foster good governance in Zambia.\n\n"
        "Mr Lungu said this at State House yesterday when he received 13 ambassadors. He urged "
        "them to feel free to approach him."
    ) == [
        ("Edgar Lungu", "diplomats accredited to Zambia to go to him and discuss freely on "
         "pertinent national issues to help foster good governance in Zambia"),
        ("Edgar Lungu", "to feel free to approach him"),
    ]  # fmt: skip


def test_one_quoted_as_calling_on_others_or_as_the_quotation_itself_is_its_speaker() -> None:
    body = (
        "President Jacob Zuma took a phone call from Libyan leader Muammar Gaddafi on Wednesday."
        '\n\nLibyan TV quoted Zuma as calling on the African Union to "take decisive action and '
        'uncover the conspiracy that Libya is facing".\n\n'
        "Zuma, who is out of the country attending the AU Security Council meeting in Ethiopia, "
        'was also quoted as "stressing the need not to depend on tendentious reports circulated '
        'by foreign media outlets".'
    )
    assert said(body) == [
        ("Jacob Zuma", "take decisive action and uncover the conspiracy that Libya is facing"),
        (
            "Jacob Zuma",
            "stressing the need not to depend on tendentious reports circulated by foreign "
            "media outlets",
        ),
    ]


def test_a_surname_alone_is_the_person_the_article_named_not_a_known_namesake() -> None:
    speakers = {
        who
        for who, _ in said(
            "White House press secretary Jay Carney said in a statement that the talks would "
            "cover trade.\n\n"
            '"The United States remains committed to work with Mexico," Carney added.'
        )
    }
    assert speakers == {"Jay Carney"}


def test_a_surname_alone_is_the_known_person_the_article_named_in_full() -> None:
    speakers = {
        who
        for who, _ in said(
            "President Recep Tayyip Erdogan and first lady Emine Erdogan arrived in Lusaka.\n\n"
            '"We will deepen our ties with Zambia," Erdogan said.'
        )
    }
    assert speakers == {"Recep Tayyip Erdo\u011fan"}


def test_a_persons_words_a_statement_relays_are_the_persons_not_the_statements() -> None:
    found = said(
        "Iraqi Oil Minister Hayan Abdul Ghani met his Iranian counterpart Mohsen Paknejad in "
        "Baghdad on Monday, the Iraqi Oil Ministry said in a statement.\n\n"
        "For his part, the Iranian minister underscored the deep-rooted ties between the two "
        "neighbouring countries, the statement added."
    )
    speakers = [who for who, text in found if "deep-rooted ties" in text]
    assert speakers == ["Mohsen Paknejad"]


def test_a_prince_named_by_one_word_is_the_one_of_that_given_name() -> None:
    article = run(
        "Saudi Foreign Minister Prince Saud Al-Faisal and U.S. Secretary of State John Kerry "
        "held talks in Riyadh. Kerry also met Defence Minister Prince Salman bin Abdulaziz "
        "Al-Saud.\n\n"
        "\u201cWe look forward to working together on the challenges of the region,\u201d said "
        "Prince Saud."
    )
    assert [s.speaker for s in article.statements] == ["Saud Al-Faisal"]


def test_the_chief_of_a_body_is_the_one_holding_its_office() -> None:
    article = run(
        "Turkish Foreign Minister Mevlut Cavusoglu and NATO Secretary-General Jens Stoltenberg "
        "met in Ankara on Monday.\n\n"
        "\u201cPleased to be back in Ankara to meet with President Erdogan,\u201d the NATO chief "
        "wrote on Twitter."
    )
    assert [s.speaker for s in article.statements] == ["Jens Stoltenberg"]


def test_he_opening_a_sentence_speaks_its_participle_quote() -> None:
    article = run(
        "Iranian President Hassan Rouhani arrived in Muscat on Wednesday.\n\n"
        "\u201cThis visit aims to strengthen mutual relations,\u201d Rouhani stated.\n\n"
        "He noted that the two countries signed agreements during the Omani Sultan Qaboos's "
        "visit to Iran, adding, \u201cIn this trip, we seek to implement contracts in various "
        "fields.\u201d"
    )
    assert {s.speaker for s in article.statements} == {"Hassan Rouhani"}


def test_a_speaker_with_a_relative_clause_and_no_commas_is_the_one_it_is_about() -> None:
    article = run(
        "Malaysian Prime Minister Muhyiddin Yassin who received a telephone call from the Qatari "
        "Emir Sheikh Tamim bin Hamad Al Thani said Sheikh Tamim followed closely the measures "
        "taken by Malaysia."
    )
    assert [s.speaker for s in article.statements] == ["Muhyiddin Yassin"]


def test_first_person_words_after_someone_spoke_of_something_are_theirs() -> None:
    article = run(
        "Greek Prime Minister Kyriakos Mitsotakis met Turkish President Recep Tayyip Erdogan in "
        "Athens on Thursday.\n\n"
        "Mitsotakis spoke of a productive climate. \u201cWe are meeting for the third time in "
        "the last six months,\u201d recalling the progress made in trade."
    )
    assert [s.speaker for s in article.statements] == ["Kyriakos Mitsotakis"]


def test_a_closing_attribution_after_the_reported_words_may_be_any_speech_verb() -> None:
    article = run(
        "Nepal's Deputy Prime Minister Narayankaji Shrestha met Japanese Foreign Minister Yoko "
        "Kamikawa on Monday.\n\n"
        "Since it is a goodwill visit, no agreement was made between the two counterparts "
        "during the bilateral talks, clarified DPM Shrestha."
    )
    assert [(s.speaker, s.text.split()[0]) for s in article.statements] == [
        ("Narayankaji Shrestha", "Since")
    ]


def test_a_quotation_whose_full_stop_the_page_lost_is_still_a_statement() -> None:
    article = run(
        "Kenyan President Uhuru Kenyatta met Tanzanian President John Magufuli in Nairobi on "
        "Monday.\n\n"
        "\u201cWe have challenges but I am convinced that with goodwill and good intentions we "
        "will resolve even those challenges that are ahead of us,\u201d said President "
        "Kenyatta\n\n"
        "He left for Mombasa on Tuesday."
    )
    assert [s.speaker for s in article.statements] == ["Uhuru Kenyatta"]


def test_a_participle_with_a_clause_and_no_that_reports_the_subjects_words() -> None:
    article = run(
        "Prime Minister Anthony Albanese met Papua New Guinea Prime Minister James Marape on "
        "Monday.\n\n"
        "Albanese has addressed the concerns about the failure to sign a defence pact, insisting "
        "the deal will come despite setbacks."
    )
    assert [(s.speaker, s.text) for s in article.statements] == [
        ("Anthony Albanese", "the deal will come despite setbacks")
    ]


def test_a_quotation_a_colon_opens_mid_paragraph_and_leaves_open_is_the_introducers() -> None:
    article = run(
        "The Acting South African High Commissioner to Nigeria, Bobby Moroe, spoke to reporters "
        "on Sunday.\n\n"
        "Moroe\u2019s statement read: \u201cThe Special Envoy of President Cyril Ramaphosa, Mr "
        "Jeff Radebe, has arrived in Abuja to deliver a special message to President Buhari.\n\n"
        "\u201cThe purpose of the visit is to reaffirm the cordial relations between the two "
        "countries.\u201d"
    )
    assert [(s.speaker, s.text.split()[:3]) for s in article.statements] == [
        ("Bobby Moroe", ["The", "Special", "Envoy"])
    ]
    assert "purpose of the visit" in article.statements[0].text


def test_he_after_someone_passed_on_anothers_words_is_the_one_who_spoke() -> None:
    article = run(
        "French President Emmanuel Macron left for Papua New Guinea after his visit to Port "
        "Vila.\n\n"
        "Vanuatu Prime Minister Ishmael Kalsakau told the crowd that Macron said to him he will "
        "put large sums of money into Vanuatu.\n\n"
        "He said the president told him that France will rebuild the schools of Melsisi on the "
        "island of Pentecost."
    )
    outer = [s for s in article.statements if s.text.startswith("the president told him")]
    assert [s.speaker for s in outer] == ["Ishmael Kalsakau"]


def test_the_office_set_off_after_a_fronted_source_is_not_what_was_said() -> None:
    article = run(
        "Cambodian Prime Minister Hun Sen received Chinese Foreign Minister Wang Yi on Monday.\n\n"
        "According to Eang Sophalleth, Assistant to the Cambodian Premier, Wang Yi said that "
        "China will continue to support Cambodia."
    )
    said = [s for s in article.statements if s.speaker == "Eang Sophalleth"]
    assert [s.text.split()[:2] for s in said] == [["Wang", "Yi"]]


def test_he_within_a_sentence_is_the_family_name_of_the_one_person_called_he() -> None:
    # Chinese family names come first: "He said" after a comma is He Yafei, not the pronoun
    # for the premier the sentence before was about.
    body = (
        "Premier Li Qiang is likely to meet Japanese Prime Minister Shigeru Ishiba at the "
        "summit next week, Vice Foreign Minister He Yafei said on Tuesday. Li will leave for "
        'Jakarta on Sunday on an official visit. "It would be the first meeting between the two '
        'leaders since Ishiba took office," He said.'
    )
    speakers = {text[:20]: speaker for speaker, text in said(body)}
    assert speakers["It would be the firs"] == "He Yafei"


def test_quoted_words_about_someone_after_say_are_the_sayers() -> None:
    statement = only(
        "Former Secretary of State Rex Tillerson was fired in March. President Donald Trump "
        'this week took to Twitter to say Tillerson "didn\'t have the mental capacity needed" '
        "for the job."
    )
    assert statement.speaker == "Donald Trump"
    assert statement.text.startswith("Tillerson didn't have the mental capacity")


def test_a_leaders_press_secretary_speaks_for_the_leaders_office() -> None:
    statements = said(
        "Canadian Prime Minister Stephen Harper will meet US President Barack Obama on "
        "Friday. Obama's press "
        "secretary said in a statement that the president will welcome Harper to the White "
        "House.",
        published=dt.date(2010, 9, 1),
    )
    assert statements == [
        ("American Presidency", "the president will welcome Harper to the White House")
    ]


def test_a_quote_then_pointed_out_and_its_speaker() -> None:
    statement = only(
        "\u201cThousands of visitors entered the country without any issue,\u201d pointed out "
        "a Barbados government statement."
    )
    assert (statement.speaker, statement.text) == (
        "Barbadian Government",
        "Thousands of visitors entered the country without any issue.",
    )
