"""Whether two reports give the same words: two outlets quoting one statement, often in two
translations ("Russia is showing no intention of peace" / "Russia does not demonstrate any
intentions for peace"), or one quoting part of what the other gives in full.

The measure is containment: the share of the shorter text's content-word stems found in the
longer text (a stem found by exact match, or for words of five letters or more by a rapidfuzz
ratio of at least 85, which absorbs transliterations like Zelensky/Zelenskyy). Stop words are
ignored and country abbreviations are spelled out ("the US" = "the United States"), because
translations differ exactly there. Texts with fewer than four content stems are scaled down, so
a fragment such as "in the coming days" cannot match every longer quote that contains it;
identical or near-identical short texts still match through a direct ratio of the stems.

Threshold 0.6, chosen on the pairs in tests/ingest/resolve/test_similarity.py: two reports of
one quote (translations, partial quotes, transliterated names) score 0.75-1.0; different quotes
of a speaker, even on the same subject with shared words ("security guarantees", "the United
States"), score 0.25-0.5; a short fragment such as "in the coming days" scores at most 0.4.

Figures are what translations and partial quotes keep: two texts that both give numbers and share
none ("we will need 29 more systems" / "we will need 54 more systems") are different statements
however alike their words, and score 0. Sentences built on one pattern (a speaker's routine
phrases) scored 0.67 without this, enough to join different statements.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from newsgraph.ingest.extract.patterns import word_set

__all__ = ["SAME_STATEMENT_THRESHOLD", "same_statement", "statement_overlap"]

SAME_STATEMENT_THRESHOLD = 0.6
_MIN_STEMS = 5
_MIN_SENTENCE_STEMS = 5
_FUZZY_MIN_LENGTH = 5
_FUZZY_RATIO = 85

_STOPWORDS = word_set(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    either else even ever every few for from further had has have having he her here hers
    herself him himself his how however i if in into is it its itself just least less let
    like may me might more most much must my myself neither no nor not now of off on once
    one only or other our ours ourselves out over own per quite rather same shall she should
    since so some still such than that the their theirs them themselves then there these
    they this those though through thus to too under until up upon us very via was we were
    what when where whether which while who whom whose why will with within without would
    yet you your yours yourself yourselves said says say told tell added noted stated
    """
)
# One token per country or union, however written: "the US" and "the United States" are one
# word of content, not two.
_ABBREVIATIONS = [
    (re.compile(r"\bU\.?S\.?A?\b\.?|\b(?i:united\s+states(?:\s+of\s+america)?)\b"), " usa "),
    (re.compile(r"\bU\.?K\.?\b\.?|\b(?i:united\s+kingdom)\b"), " britain "),
    (re.compile(r"\bE\.?U\.?\b\.?|\b(?i:european\s+union)\b"), " eu "),
    (re.compile(r"\bU\.?N\.?\b\.?|\b(?i:united\s+nations)\b"), " un "),
]
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)?")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ingly", "ings", "ing", "edly", "ed", "ies",
             "es", "s", "ly")  # fmt: skip


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


@lru_cache(maxsize=65_536)
def _content_stem(word: str) -> str:
    """A word's stem, or "" for a stop word. Remembered: quotes repeat the same few thousand
    words, and stemming each again was a third of resolving a load's statements."""
    stem = _stem(word.lower().replace("\u2019", "'").split("'")[0])
    return "" if stem in _STOPWORDS else stem


@lru_cache(maxsize=32_768)
def _stems(text: str) -> tuple[str, ...]:
    for pattern, replacement in _ABBREVIATIONS:
        text = pattern.sub(replacement, text)
    stems = (_content_stem(w) for w in _WORD.findall(text))
    return tuple(dict.fromkeys(s for s in stems if s))


@lru_cache(maxsize=4096)
def _fuzzy_candidates(longer: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(other for other in longer if len(other) >= _FUZZY_MIN_LENGTH)


def _found(stem: str, pool: frozenset[str], longer: tuple[str, ...]) -> bool:
    if stem in pool:
        return True
    if len(stem) < _FUZZY_MIN_LENGTH:
        return False
    # rapidfuzz's own loop (in C): the same test as any(ratio >= _FUZZY_RATIO), several times
    # faster than calling ratio once per candidate from Python.
    found = process.extractOne(
        stem, _fuzzy_candidates(longer), scorer=fuzz.ratio, score_cutoff=_FUZZY_RATIO
    )
    return found is not None


@lru_cache(maxsize=32_768)
def _pool(stems: tuple[str, ...]) -> frozenset[str]:
    return frozenset(stems)


def _containment(shorter: tuple[str, ...], longer: tuple[str, ...], minimum: int) -> float:
    pool = _pool(longer)
    matched = sum(1 for s in shorter if _found(s, pool, longer))
    return matched / len(shorter) * min(1.0, len(shorter) / minimum)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_NUMBER = re.compile(r"\d+")


@lru_cache(maxsize=4096)
def _numbers(text: str) -> frozenset[str]:
    # Digit runs, so "10,000", "10 000" and "10.000" give the same figures.
    return frozenset(run.lstrip("0") or "0" for run in _NUMBER.findall(text))


def statement_overlap(a: str, b: str) -> float:
    """How much of the shorter statement the longer one contains, in [0, 1].

    Two outlets often quote different parts of one statement, each with a sentence the other
    left out; so the score is the better of the whole-text containment and the containment of
    the best-matching sentence (of five content stems or more) of either text in the other.
    """
    if a == b:
        # The common case when a load meets a statement again: the same quote, word for word.
        return 1.0
    na, nb = _numbers(a), _numbers(b)
    if na and nb and not na & nb:
        return 0.0
    sa, sb = _stems(a), _stems(b)
    if not sa or not sb:
        return 1.0 if " ".join(a.split()).lower() == " ".join(b.split()).lower() else 0.0
    shorter, longer = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    best = _containment(shorter, longer, _MIN_STEMS)
    for one, other in ((a, sb), (b, sa)):
        for sentence in _SENTENCE_END.split(one):
            stems = _stems(sentence)
            if len(stems) >= _MIN_SENTENCE_STEMS:
                best = max(best, _containment(stems, other, _MIN_SENTENCE_STEMS + 1))
    direct = fuzz.token_sort_ratio(" ".join(sa), " ".join(sb)) / 100.0
    return round(max(best, direct if direct >= 0.9 else 0.0), 4)


def same_statement(a: str, b: str) -> bool:
    """True when two texts report the same words (speaker and day are the caller's check)."""
    return statement_overlap(a, b) >= SAME_STATEMENT_THRESHOLD
