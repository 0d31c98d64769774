"""Sentences and quotations with character offsets, so every fact can point at its words."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsgraph.ingest.extract.patterns import word_set

__all__ = [
    "TITLE_ABBREVIATIONS",
    "Quote",
    "Sentence",
    "ends_sentence",
    "find_quotes",
    "opens_unclosed_quote",
    "split_sentences",
    "strip_quotes",
]

# Abbreviated forms of address and ranks set before names ("The Hon. Prime Minister, Manasseh
# Sogavare"): no sentence ends at them, here or in the parser (see nlp.py).
TITLE_ABBREVIATIONS = (
    "Hon.", "Amb.", "Rt.", "Pres.", "Sec.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Brig.",
    "Cmdr.", "Cde.", "Engr.", "Atty.",
)  # fmt: skip
_ABBREVIATIONS = word_set(
    """
    mr mrs ms dr st gen adm gov sen rep rev prof jr sr inc co corp ltd
    jan feb mar apr jun jul aug sep sept oct nov dec no vs approx est dept univ
    """
) | {a.rstrip(".").lower() for a in TITLE_ABBREVIATIONS}
_BOUNDARY = re.compile(r"[.!?…]+[\"”\u2019')\]]*(?=\s+[\"“\u2018(\[]?[A-Z0-9ÀÁÂÄÇÉÈÊÍÓÖÚÜŁŚŻ])")
_INITIALISM = re.compile(r"(?:\b[A-Z]\.){2,}$")
_CLAUSE_STARTERS = word_set(
    """
    The He She It They We I In On At As But However This That His Her Their Its A An
    """
)
_TERMINAL = re.compile(r"[.!?…:;][\"”\u2019')\]]*$|[\"”]$")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Quote:
    """A span in double quotation marks: ``start``/``end`` include the marks."""

    start: int
    end: int

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1


def ends_sentence(line: str) -> bool:
    """True when a line ends like prose (period, question mark, colon, closing quote)."""
    return _TERMINAL.search(line.rstrip()) is not None


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of ``text[start:end]`` as absolute spans, trimmed of surrounding space.

    A period ends a sentence unless it closes a known abbreviation ("Aug.", "Gen."), a single
    initial ("J."), or an initialism ("U.S.") that is not followed by a word that usually starts
    a clause.
    """
    stop = len(text) if end is None else end
    sentences: list[Sentence] = []
    cursor = start
    for match in _BOUNDARY.finditer(text, start, stop):
        head = text[cursor : match.start() + 1]
        if match.group().startswith(".") and not _real_period(head, text, match.end()):
            continue
        _append(sentences, text, cursor, match.end())
        cursor = match.end()
    _append(sentences, text, cursor, stop)
    return sentences


def _real_period(head: str, text: str, after: int) -> bool:
    word = re.search(r"([\w.]+)\.$", head)
    if word is None:
        return True
    token = word.group(1)
    if token.lower() in _ABBREVIATIONS:
        return False
    if len(token) == 1 and token.isupper():
        return False
    if _INITIALISM.search(token + "."):
        following = re.match(r"\s+[\"“]?(\w+)", text[after:])
        return following is not None and following.group(1) in _CLAUSE_STARTERS
    return True


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end))


# Curly pairs, straight pairs, and the mixed pairs scraped text leaves ("...” opened straight,
# closed curly): a mixed pair only when no other mark stands between.
_QUOTE = re.compile(r"“[^”“\n]*”|\"[^\"“”\n]*”|“[^\"“”\n]*\"|\"[^\"\n]*\"")


def find_quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """Double-quoted spans (straight or curly) within ``text[start:end]``; never across lines."""
    stop = len(text) if end is None else end
    return [Quote(m.start(), m.end()) for m in _QUOTE.finditer(text, start, stop)]


def opens_unclosed_quote(paragraph: str) -> bool:
    """Whether a paragraph opens with a quotation mark and leaves a quotation open: news
    quoting someone over several paragraphs opens each with a mark and closes only the last."""
    if not paragraph.startswith(('"', "\u201c")):
        return False
    return paragraph.count('"') % 2 == 1 or paragraph.count("\u201c") > paragraph.count("\u201d")


def strip_quotes(text: str) -> str:
    """Text without its double quotation marks and with a dangling comma before them fixed."""
    cleaned = re.sub(r"[\"“”]", "", text)
    cleaned = re.sub(r",(\s*)$", r"\1", cleaned.strip())
    return re.sub(r"\s+", " ", cleaned).strip()
