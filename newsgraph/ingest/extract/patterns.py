"""Regular-expression fragments shared by the reference compiler and the extractors."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

__all__ = [
    "CHINESE_HE",
    "NAME",
    "NAME_STOPWORDS",
    "ORG_WORDS",
    "alternation",
    "is_name_like",
    "word_set",
]


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text``: word lists stay readable in the source."""
    return frozenset(text.split())


# The words an organisation's name ends with (or holds), never a person's.
ORG_WORDS = word_set(
    """ministry council organization organisation bank party union agency committee commission
    company corporation inc ltd group forum association institute university court office
    department government army forces force front movement news times post press service
    summit assembly parliament senate congress alliance league federation fund program
    programme cooperation community authority board house palace embassy presidency"""
)


# Capitalised words that start sentences or clauses, or name a time; never part of a name.
# ("Jan" is not among them: it is a given name as often as January, "Jan Fischer".)
NAME_STOPWORDS = word_set(
    """
    The A An And But Or On In At Of For To From By With As After Before Following During
    However Meanwhile Also Although While When Where Which Who Whose What Why How If That
    This These Those There Then Than Thus Still Yet So Now Today Yesterday Tomorrow Earlier
    Later He She It They We I You His Her Its Their Our My Your Him Them Us Monday Tuesday
    Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov
    Dec Said Says Told Wrote Added Noted According Read More Photo Video Updated Published
    President Prime Minister Secretary Chancellor Minister Foreign Defense Defence Head
    State Office Presidential National Security Adviser Advisor Special Envoy Ambassador
    Chief Spokesperson Spokesman Spokeswoman Press Acting Interim Deputy Vice General Leader
    Mr Mrs Ms Dr Sir Lord Lady Excellency Extraordinary Plenipotentiary Honourable Honorable
    Highness Majesty Royal Presidents Ministers Premiers Chancellors
    Pro Tempore Emeritus Elect Designate Delegate Attached
    """
)


def alternation(phrases: Iterable[str], *, flexible_space: bool = False) -> str:
    """A regex matching any of the literal ``phrases``, preferring the longest.

    The phrases are compiled as a prefix tree ("Zelensk(?:y(?:y|i)?|iy)"): Python's regex engine
    tries alternatives one by one, so a flat list of hundreds of names costs hundreds of tries
    at every position of every article, a tree a handful. ``flexible_space`` lets a space in a
    phrase match any run of white space.
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = trie
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(trie, flexible_space) if trie else "(?!)"


def _render(node: dict[str, Any], flexible_space: bool) -> str:
    ends = "" in node
    branches = []
    for char in sorted(k for k in node if k):
        atom = r"\s+" if flexible_space and char == " " else re.escape(char)
        branches.append(atom + _render(node[char], flexible_space))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        # Greedy optional: the longer phrase is tried first, the shorter one is the fallback.
        return body + "?" if len(branches) == 1 and len(body) == 1 else f"(?:{body})?"
    return body


def is_name_like(text: str) -> bool:
    """True when the whole text is a run of capitalised name words ("Volodymyr Zelenskyy"),
    not a headline's name and verb ("Von der Leyen Congratulates")."""
    text = text.strip()
    return _NAME_RE.fullmatch(text) is not None and HEADLINE_VERB.search(text) is None


# The verbs of headlines and subheadings, capitalised after a name: "Von der Leyen
# Congratulates", "Ruto Meets Hasina".
HEADLINE_VERB = re.compile(
    r"\s+(?:Congratulates|Meets|Says|Holds|Calls|Visits|Welcomes|Receives|Thanks|Urges"
    r"|Discusses|Hosts|Talks|Speaks|Pledges|Vows|Warns|Praises|Slams|Rejects|Arrives|Signs"
    r"|Pays|Attends|Addresses|Leaves|Departs|Greets|Tours|Inspects|Opens|Launches|Joins"
    r"|Returns|Lands|Poses|Shakes|Chats|Delivers|Inaugurates"
    # and in the past ("Polish Minister for Foreign Affairs Visited Berlin")
    r"|Met|Visited|Held|Hosted|Welcomed|Received|Discussed|Spoke|Talked|Congratulated"
    r"|Urged|Thanked|Signed|Arrived|Attended|Paid|Addressed|Greeted|Toured|Inspected|Opened"
    r"|Launched|Joined|Returned|Landed|Posed|Delivered|Inaugurated"
    # and with two subjects ("Macri, Trump Discuss Venezuela", "Biden, Xi Meet in Bali")
    r"|Meet|Discuss|Agree|Agrees|Agreed|Vow|Pledge|Hail|Urge|Thank|Welcome|Reaffirm|Reaffirms)$"
)


_STOP = alternation(NAME_STOPWORDS)
# One capitalised word (Latin letters with diacritics, inner apostrophes and hyphens), or a run
# of initials like "J.D." / "J. D.".
_WORD = (
    # (Mongolian names keep the father's initial against the given name: "Ts.Munkh-Orgil")
    r"(?:[A-Z][a-z]?\.(?=[A-Z][a-z])[A-ZÀ-ÖØ-ÞĀ-\u017f][\wÀ-ÿĀ-\u017f'\u2019\-]*[\wÀ-ÿĀ-\u017f]"
    r"|[A-ZÀ-ÖØ-ÞĀ-\u017f][\wÀ-ÿĀ-\u017f'\u2019\-]*[\wÀ-ÿĀ-\u017f]|[A-Z]\.(?:\s?[A-Z]\.)*"
    # A bare initial before a name, as South Asian outlets write it: "S Jaishankar".
    r"|[A-Z](?=\s[A-Z][a-z]))"
)
_TOKEN = rf"(?!(?:{_STOP})\b){_WORD}"
_PARTICLE = r"(?:von|van|der|den|de|da|di|du|la|le|bin|bint|ibn|al|el|Al|El|Bin|Ibn|bin)"
# Arabic names join the article to the next word: "al-Sabah", "el-Sisi", "Abd al-Aziz".
_JOINED = r"(?:al|el|ad|ar|as|ash|at|az|an)-[A-ZÀ-Þ][\wÀ-ÿĀ-\u017f'\u2019\-]*[\wÀ-ÿĀ-\u017f]"
# Two to four capitalised words, allowing lower-case particles inside: "Ursula von der Leyen";
# after a particle any capitalised word is a name ("Haitham bin Tariq Al Said").
# (a word of a Tongan or Samoan name may open with a glottal stop, U+2018 or U+02BB)
_GLOTTAL = "[\u2018\u02bb]?"
# A Gulf name may run to six words with its family's last: "Sabah Khaled Al-Hamad Al-Mubarak
# Al-Sabah" (only an "Al-" word is taken past the fifth).
_FAMILY = r"(?:\s+(?:Al|El|al|el)-[A-Z][\w'\u2019-]*[\w])"
# A nickname in quotes after the given name: "Ferdinand \u2018Bongbong\u2019 Marcos Jr.", "Luis
# 'Toto' Caputo".
_NICKNAME = r"(?:\s+['\u2018\"\u201c][A-Z][\w-]+['\u2019\"\u201d](?=\s+[A-Z]))?"
NAME = (
    rf"{_GLOTTAL}{_TOKEN}{_NICKNAME}(?:\s+(?:(?:{_PARTICLE}\s+)+{_WORD}|{_JOINED}|{_GLOTTAL}{_TOKEN})){{0,4}}"
    rf"{_FAMILY}?"
)

# The Chinese surname He before a one-word given name ("Vice Premier He Lifeng", "Ambassador
# He Wei"), not the pronoun before a capitalised word ("He Said", "He Also", "He Met" in a
# headline): no verb's ending, none of the words that follow the pronoun in title case.
CHINESE_HE = (
    r"He\s+(?!(?:Also|Then|Later|Said|Says|Met|Was|Is|Has|Had|Will|Would|Can|Could|May|Must"
    r"|Did|Does|Told|Spoke|Held|Made|Took|Led|Sent|Gave|Came|Went|Began|Flew|Paid)\b)"
    r"[A-Z][a-z]+\b(?<!ed)(?<!s)"
)

_NAME_RE = re.compile(rf"{NAME}")
