"""Meetings whose participants the text gives as groups: offices of countries ("the foreign
ministers of A and B"), and lists of counterparts met one by one. Made-up sentences in the
shapes real news uses."""

from __future__ import annotations

import datetime as dt

from newsgraph.ingest.extract.clean import Block
from newsgraph.ingest.extract.document import Document
from newsgraph.ingest.extract.groups import regroup
from newsgraph.ingest.extract.meeting_parse import ParsedMeeting
from newsgraph.ingest.extract.nlp import shared_pipeline
from newsgraph.ingest.model import MeetingMode
from tests.ingest.extract.test_meetings import actors, only, reference, run


def test_the_foreign_ministers_of_two_countries_are_the_ministers_the_article_names() -> None:
    meeting = only(
        "The foreign ministers of Japan and China agreed on Thursday to hold more talks.\n\n"
        "Japanese Foreign Minister Takeshi Iwaya said the talks were useful. Chinese Foreign "
        "Minister Wang Yi said they were frank."
    )
    assert sorted(actors(meeting)) == ["Takeshi Iwaya", "Wang Yi"]
    assert meeting.date == dt.date(2025, 8, 21)


def test_demonym_ministers_are_the_ministers_named_later() -> None:
    meeting = only(
        "Iranian and Omani foreign ministers held a meeting in Tehran on Sunday.\n\n"
        "Omani Foreign Minister Badr Albusaidi arrived on Saturday. Iranian Foreign Minister "
        "Abbas Araghchi said the talks went well."
    )
    assert sorted(actors(meeting)) == ["Abbas Araghchi", "Badr Albusaidi"]


def test_a_country_whose_minister_is_not_named_takes_part_as_itself() -> None:
    meeting = only(
        "Foreign and defence ministers from Estonia, Latvia and Poland met in Riga on Monday.\n\n"
        "Latvian Foreign Minister Edgars Rinkevics said the meeting was a first. Estonian "
        "Foreign Minister Eva-Maria Liimets agreed."
    )
    assert sorted(actors(meeting)) == ["Edgars Rinkevics", "Eva-Maria Liimets", "Poland"]


def test_offices_of_countries_with_no_one_named_stay_countries() -> None:
    meeting = only("The foreign ministers of Japan and China met in Tokyo on Wednesday.")
    assert sorted(actors(meeting)) == ["China", "Japan"]


def test_two_holders_of_one_office_leave_the_country_in_place() -> None:
    # Which of two named Japanese foreign ministers met is not told: neither is guessed.
    article = run(
        "The foreign ministers of Japan and China met in Tokyo on Wednesday.\n\n"
        "Japanese Foreign Minister Takeshi Iwaya and Japanese Foreign Minister Yoko Kamikawa "
        "were both quoted. Chinese Foreign Minister Wang Yi was not."
    )
    first = article.meetings[0]
    assert sorted(actors(first)) == ["Japan", "Wang Yi"]


def test_names_written_after_their_countries_are_the_office_holders() -> None:
    meeting = only(
        "The presidents of Kyrgyzstan, Sadyr Japarov, and Tajikistan, Emomali Rahmon, held "
        "talks in Bishkek on Monday."
    )
    assert sorted(actors(meeting)) == ["Emomali Rahmon", "Sadyr Japarov"]


def test_names_glued_to_their_countries_in_a_list_of_presidents_are_people_who_met() -> None:
    article = run(
        "Presidents of Kyrgyzstan Sadyr Japarov and Tajikistan Emomali Rahmon held talks in "
        "Bishkek on Monday."
    )
    (meeting,) = article.meetings
    assert sorted(actors(meeting)) == ["Emomali Rahmon", "Sadyr Japarov"]
    roles = {a.name: [(r.title, r.of) for r in a.roles] for a in article.actors}
    assert roles["Sadyr Japarov"] == [("President", "Kyrgyzstan")]
    assert roles["Emomali Rahmon"] == [("President", "Tajikistan")]


def test_bilateral_meetings_with_ministers_named_in_brackets_are_one_with_each() -> None:
    meetings = run(
        "Foreign Minister Ana Lopez had bilateral meetings on Wednesday with the foreign "
        "ministers of the Kyrgyz Republic [Chingiz Aidarbekov] and Tajikistan [Sirodjiddin "
        "Muhriddin]."
    ).meetings
    assert sorted(tuple(actors(m)) for m in meetings) == [
        ("Ana Lopez", "Chingiz Aidarbekov"),
        ("Ana Lopez", "Sirodjiddin Muhriddin"),
    ]
    assert {m.date for m in meetings} == {dt.date(2025, 8, 20)}


def test_a_series_of_meetings_with_counterparts_is_one_meeting_with_each() -> None:
    meetings = run(
        "Foreign Minister Ana Lopez held a series of meetings with her counterparts from the "
        "Netherlands, Bulgaria and Turkey on Tuesday."
    ).meetings
    assert sorted(actors(m)[1] for m in meetings) == ["Bulgaria", "Netherlands", "Turkey"]
    assert {actors(m)[0] for m in meetings} == {"Ana Lopez"}
    assert {m.date for m in meetings} == {dt.date(2025, 8, 19)}


def test_separate_phone_talks_with_two_leaders_are_two_calls() -> None:
    meetings = run(
        "Chancellor Anna Berg held separate phone talks with French President Emmanuel Macron "
        "and Italian Prime Minister Giorgia Meloni on Wednesday."
    ).meetings
    assert sorted(actors(m)[1] for m in meetings) == ["Emmanuel Macron", "Giorgia Meloni"]
    assert {actors(m)[0] for m in meetings} == {"Anna Berg"}
    assert {m.mode for m in meetings} == {MeetingMode.PHONE}


def test_separate_talks_with_the_ministers_of_two_countries_name_the_one_known() -> None:
    meetings = run(
        "Foreign Minister Ana Lopez held separate talks with the foreign ministers of Spain and "
        "Portugal on Monday.\n\nSpanish Foreign Minister Jose Manuel Albares called the talks "
        "useful."
    ).meetings
    assert sorted(tuple(actors(m)) for m in meetings) == [
        ("Ana Lopez", "Jose Manuel Albares"),
        ("Ana Lopez", "Portugal"),
    ]


def test_meeting_counterparts_from_two_countries_stays_one_meeting() -> None:
    meeting = only(
        "Foreign Minister Sergei Lavrov met his counterparts from Germany and France in Berlin "
        "on Monday."
    )
    assert sorted(actors(meeting)) == ["France", "Germany", "Sergey Lavrov"]


def test_talks_with_a_countrys_office_holders_in_turn_are_one_meeting_with_each() -> None:
    meetings = run(
        "Foreign Minister Ana Lopez held talks with Prime Minister Ali Ahmed, President Omar "
        "Hassan and Speaker Musa Kamil in Khartoum on Tuesday."
    ).meetings
    assert sorted(tuple(actors(m)) for m in meetings) == [
        ("Ana Lopez", "Ali Ahmed"),
        ("Ana Lopez", "Musa Kamil"),
        ("Ana Lopez", "Omar Hassan"),
    ]


def test_talks_with_two_people_stay_one_meeting() -> None:
    meeting = only(
        "Foreign Minister Ana Lopez held talks with Prime Minister Ali Ahmed and President Omar "
        "Hassan in Khartoum on Tuesday."
    )
    assert actors(meeting) == ["Ana Lopez", "Ali Ahmed", "Omar Hassan"]


def test_companions_of_a_visitor_are_not_the_ones_who_met() -> None:
    meeting = only(
        "Kenyan President William Ruto, accompanied by Foreign Minister Alfred Mutua, met "
        "Tanzanian President Samia Suluhu Hassan in Dar es Salaam on Monday."
    )
    assert actors(meeting) == ["William Ruto", "Samia Suluhu Hassan"]


def test_a_companion_is_never_taken_for_the_visitor_the_text_does_not_name_in_full() -> None:
    # "President Ruto" alone is no one the extractor knows; his minister did not meet anyone
    # in his stead, so no meeting is better than a wrong one.
    meetings = run(
        "President Ruto, accompanied by ministers Alfred Mutua and Njuguna Ndung'u, met "
        "President Samia Suluhu Hassan in Dar es Salaam on Monday."
    ).meetings
    assert all("Alfred Mutua" not in actors(m) for m in meetings)


def test_talks_with_a_countrys_officials_after_meeting_them_by_name_are_no_new_meeting() -> None:
    article = run(
        "Egyptian President Abdel-Fattah al-Sisi held talks in Cairo on Monday with US Secretary "
        "of State Antony Blinken. Blinken also met with Foreign Minister Sameh Shoukry.\n\n"
        "According to the State Department, Blinken's talks with Egyptian officials aim to "
        "advance the strategic partnership."
    )
    assert all("Egypt" not in actors(m) for m in article.meetings)
    assert len(article.meetings) == 2


def test_talks_with_a_countrys_officials_on_another_day_are_a_meeting_of_their_own() -> None:
    article = run(
        "Egyptian President Abdel-Fattah al-Sisi held talks in Cairo on Monday with US Secretary "
        "of State Antony Blinken. Blinken held talks with Egyptian officials on Tuesday."
    )
    assert ["Antony Blinken", "Egypt"] in [actors(m) for m in article.meetings]


def test_counterparts_from_countries_are_those_named_in_the_subjects_office() -> None:
    meeting = only(
        "Foreign Minister Sergei Lavrov met his counterparts from Germany and France in Berlin "
        "on Monday.\n\nGerman Foreign Minister Annalena Baerbock said the talks were tough."
    )
    assert sorted(actors(meeting)) == ["Annalena Baerbock", "France", "Sergey Lavrov"]


def test_calls_with_the_leaders_of_countries_are_calls_with_the_leaders_named() -> None:
    meetings = run(
        "On Saturday, Turkish President Recep Tayyip Erdogan held phone calls with the leaders "
        "of Saudi Arabia, Jordan and Egypt.\n\nJordan's King Abdullah II thanked him. Egyptian "
        "President Abdel Fattah al-Sisi also spoke."
    ).meetings
    assert sorted(actors(m)[1] for m in meetings) == [
        "Abdel Fattah al-Sisi",
        "Abdullah II",
        "Saudi Arabia",
    ]


def test_an_office_holder_with_an_unusual_title_in_the_round_is_met_apart_too() -> None:
    meetings = run(
        "Foreign Minister Ana Lopez held talks with Prime Minister Ali Ahmed, President Omar "
        "Hassan, Speaker Musa Kamil and Head of Judiciary Idris Bello in Khartoum on Tuesday."
    ).meetings
    assert len(meetings) == 4
    assert all(len(m.participants) == 2 and actors(m)[0] == "Ana Lopez" for m in meetings)


def test_bilateral_talks_with_two_leaders_of_one_country_stay_one_meeting() -> None:
    meeting = only(
        "Prime Minister Ana Lopez held bilateral talks with Chinese President Xi Jinping and "
        "Premier Li Qiang in Beijing on Monday."
    )
    assert actors(meeting) == ["Ana Lopez", "Xi Jinping", "Li Qiang"]


def test_the_foreign_ministers_include_a_secretary_of_state() -> None:
    meeting = only(
        "The top diplomats of the United States and China met in Vienna on Friday.\n\nU.S. "
        "Secretary of State Antony Blinken said the talks were candid. Chinese Foreign Minister "
        "Wang Yi agreed."
    )
    assert sorted(actors(meeting)) == ["Antony Blinken", "Wang Yi"]


def test_a_host_among_the_ministers_of_the_countries_is_not_also_his_country() -> None:
    meeting = only(
        "U.S. Secretary of State Antony Blinken hosted the foreign ministers of the United "
        "States, Japan and South Korea in Washington on Friday.\n\nJapanese Foreign Minister "
        "Yoko Kamikawa said the talks were useful."
    )
    assert sorted(actors(meeting)) == ["Antony Blinken", "South Korea", "Yoko Kamikawa"]


def test_phone_talks_held_separately_with_two_leaders_are_two_calls() -> None:
    meetings = run(
        "Chancellor Anna Berg held phone talks separately with French President Emmanuel Macron "
        "and Italian Prime Minister Giorgia Meloni on Wednesday."
    ).meetings
    assert sorted(tuple(actors(m)) for m in meetings) == [
        ("Anna Berg", "Emmanuel Macron"),
        ("Anna Berg", "Giorgia Meloni"),
    ]


def test_a_country_read_for_a_counterpart_set_off_by_commas_is_the_person_named() -> None:
    # The parse of some pages (a dateline, a long sentence) leaves "his Venezuelan
    # counterpart, Nicolas Maduro," as the country: the person beside the title is who met.
    text = (
        "Colombian President Juan Manuel Santos and his Venezuelan counterpart, Nicolas Maduro, "
        "plan to meet next week in Caracas."
    )
    doc = Document([Block(text)], reference(), parsed=shared_pipeline(reference())(text))
    meet = text.index("meet ")
    group = ParsedMeeting(
        meet,
        meet + 4,
        "meet",
        "verb",
        [("Juan Manuel Santos", None), ("Venezuela", "counterpart")],
        how={"Venezuela": "group"},
    )
    (regrouped,) = regroup(doc, [group], lambda _: [])
    assert [a for a, _ in regrouped.participants] == ["Juan Manuel Santos", "Nicolas Maduro"]


def test_bilateral_meetings_with_counterparts_that_included_countries_are_one_with_each() -> None:
    meetings = run(
        "Foreign Minister Ana Lopez held nine bilateral meetings with her foreign counterparts "
        "that included Iran, Bulgaria, Turkey, Uzbekistan, Tajikistan and others, the ministry "
        "said.\n\nLopez also held talks with the foreign minister of Tajikistan, Sirodjiddin "
        "Muhriddin."
    ).meetings
    assert sorted(actors(m)[1] for m in meetings) == [
        "Bulgaria",
        "Iran",
        "Sirodjiddin Muhriddin",
        "Turkey",
        "Uzbekistan",
    ]
    assert {actors(m)[0] for m in meetings} == {"Ana Lopez"}
