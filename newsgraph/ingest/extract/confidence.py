"""How sure the extractor is of a fact, in [0, 1], from the evidence behind it.

The numbers are the extractor's own estimates, set from how often each kind of evidence was
right on the evaluation set (tests/eval): a meeting read from the subject and object of
"met" is right more often than one inferred from "during a phone call"; a date written out
("on Aug. 22") more often than a weekday resolved against the publication day; a quote with
its speaker named in the same sentence more often than a paragraph carried over from the
one before. A fact several articles report is surer than one article's: the graph combines
each report's confidence as independent evidence (1 - product of (1 - c)).
"""

from __future__ import annotations

__all__ = [
    "MEETING_RULES",
    "STATEMENT_RULES",
    "meeting_confidence",
    "participant_confidence",
    "statement_confidence",
]

# How a meeting was found.
MEETING_RULES = {
    "verb": 0.85,  # "A met B", "A hosted B", "A spoke with B by phone"
    "noun": 0.8,  # "A held talks with B", "a call between A and B", "A's talks with B"
    "exchange": 0.7,  # "A and B exchanged views"
    "occasion": 0.7,  # "A urged B ... during a phone call"
    "quoted": 0.7,  # told inside a quotation: "he had bilateral meetings with ...," X said
    "list": 0.75,  # "the officials Clinton met with:" and the people listed after the colon
    "window": 0.6,  # the word-pattern fallback, when the parse names no pair
    # the last resort: people named in a sentence with a meeting word that no rule read (on
    # the held-out articles about half of these are real meetings)
    "cooccur": 0.45,
}
# How its day was found (an undated meeting claims no day, and loses nothing).
DATE_EVIDENCE = {
    "absolute": 1.0,  # "on Aug. 22, 2025", "on 4 April"
    "month_day": 0.97,
    "relative": 0.95,  # "today", "yesterday"
    "weekday": 0.92,  # "on Wednesday", against the publication day
    "sentence": 0.88,  # the one date of the sentence, outside the meeting's clause
    "post": 0.9,  # the date of the post that reports it
    "linked": 0.8,  # a later sentence that refers back to it
    "headline": 0.85,  # the one day of a headline naming the same people
    "narrative": 0.7,  # the day the sentence before gave to a participant's doings
    "round": 0.7,  # one more of a round of meetings ("X also met"), the day of the one before
    None: 1.0,
}
# How a participant was named.
PARTICIPANT_EVIDENCE = {
    "name": 1.0,
    "title": 0.95,  # "the Dutch Prime Minister", "the Chairman of the AU Commission, Faki"
    "pronoun": 0.85,
    "speaker": 0.9,  # "I" in a quotation: its speaker
    "group": 0.8,  # a country or body for its leaders or delegation
    "office": 0.85,  # "the foreign ministers of A and B": the holder the article names elsewhere
    "joined": 0.75,  # "X also participated in the Aug. 22 discussion"
}
# How a statement was attributed.
STATEMENT_RULES = {
    "post": 0.95,  # an embedded post, signed with its author's name
    "quote": 0.9,  # a quotation, its speaker named in the same sentence
    "block": 0.85,  # a block quote with its speaker's name box
    "quote-pronoun": 0.8,  # a quotation whose speaker is "he" or "she"
    "reported": 0.75,  # "X said (that) ...", "according to X, ..."
    "quote-carried": 0.7,  # a quotation paragraph continuing the speaker before it
    "office": 0.65,  # "his office said", "the ministry said"
    "first-person": 0.5,  # an unquoted "We ..." paragraph in a one-speaker article
}


def meeting_confidence(rule: str, date_evidence: str | None) -> float:
    return round(MEETING_RULES.get(rule, 0.6) * DATE_EVIDENCE.get(date_evidence, 0.85), 3)


def participant_confidence(meeting: float, how: str | None) -> float:
    return round(meeting * PARTICIPANT_EVIDENCE.get(how or "name", 0.8), 3)


def statement_confidence(rule: str) -> float:
    return STATEMENT_RULES.get(rule, 0.6)
