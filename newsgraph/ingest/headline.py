"""A title for a text that came without one: a news-feed item on a page, an article with no
title line.

The first sentence, when it is short enough to be a title. A longer one is not cut mid-phrase
with an ellipsis where the text allows better: news leads say who reported what ("German media
outlet Welt reported, citing anonymous EU sources, that China has signalled ..."), and what was
reported is the headline; or they add a clause to a complete statement ("..., after talks in
Geneva"), and the statement alone is one. Only when neither is there is the sentence cut, at a
word, with "…".
"""

from __future__ import annotations

import re

from newsgraph.ingest.extract.text import split_sentences

__all__ = ["TITLE_LIMIT", "headline"]

# Characters in a title. Headlines run to about a hundred; a lead sentence often to two.
TITLE_LIMIT = 160
# A claim or a main clause shorter than this is too little of the sentence to stand for it.
_MIN_TITLE = 30

# Who reported: a few words naming a source (no clause of its own, so no comma, no "that"),
# a verb of reporting, optionally a date and a ", citing ...," aside, then "that".
_REPORTED_THAT = re.compile(
    r"^(?:[^,;:\"“”]{2,80}?)\s+"
    r"(?:reported|reports|said|says|announced|wrote|writes|claimed|claims|confirmed|confirms|"
    r"told\s+[^,;:]{2,40}?)"
    r"(?:\s+on\s+[^,;:]{2,30}?)?"
    r"(?:,\s*(?:citing|quoting|according\s+to)\s+[^,;:]{2,80},)?"
    r"\s+that\s+(?P<claim>\S.*)$",
    re.DOTALL,
)
_ACCORDING_TO = re.compile(r"^According\s+to\s+[^,;:]{2,80},\s*(?P<claim>\S.*)$", re.DOTALL)

# Where a sentence adds to a complete statement: a comma (or a dash) and a word that opens a
# subordinate or added clause. A comma in a list ("met Macron, Merz and Starmer") is not one.
_ADDED_CLAUSE = re.compile(
    r"(?:,|\s[\u2014\u2013-])\s+(?=(?:which|who|whose|after|before|as|while|when|where|but|saying|"
    r"adding|amid|following|despite|although|though|because|since|in\s+a\s|in\s+an\s|"
    r"according\s+to|citing|as\s+part\s+of)\b)",
    re.IGNORECASE,
)


def _first_sentence(text: str) -> str:
    spans = split_sentences(text)
    first = text[spans[0].start : spans[0].end] if spans else text
    return " ".join(first.split()).rstrip(" .")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _claim(sentence: str) -> str | None:
    """What a "who reported that ..." sentence reports, as a sentence of its own."""
    for pattern in (_REPORTED_THAT, _ACCORDING_TO):
        match = pattern.match(sentence)
        if match:
            return _capitalised(match.group("claim").rstrip(" ."))
    return None


def _main_clause(sentence: str, limit: int) -> str | None:
    """The sentence up to the last added clause that leaves it within ``limit``."""
    best = None
    for boundary in _ADDED_CLAUSE.finditer(sentence):
        head = sentence[: boundary.start()].rstrip(" ,")
        if len(head) > limit:
            break
        if len(head) >= _MIN_TITLE:
            best = head
    return best


def headline(text: str, limit: int = TITLE_LIMIT) -> str:
    """A title for ``text`` of at most ``limit`` characters (see the module's docstring)."""
    first = _first_sentence(text) or "(untitled)"
    if len(first) <= limit:
        return first
    claim = _claim(first)
    if claim is not None:
        if len(claim) <= limit and len(claim) >= _MIN_TITLE:
            return claim
        first = claim if len(claim) >= _MIN_TITLE else first
    clause = _main_clause(first, limit)
    if clause is not None:
        return clause
    return first[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
