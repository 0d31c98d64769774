"""The search grammar: one definition, one set of bounds, for every field that takes a search.

A search is words (letters, digits and marks of any script), words ending in `*` (a prefix:
`secur*` finds security and secure), and "quoted words" (a phrase, found as written). Anything
else, punctuation and the operators of other search syntaxes included, separates words. The
graph's full-text engine is then given only lower-case words, `*` and `"`, which FalkorDB's
RediSearch and Neo4j's Lucene read the same way, and none of their operators. (How the terms
combine is still each engine's: RediSearch wants all of them, Lucene ranks any.)

Each search is bounded before it reaches the engine: its length, its words, its wildcards and
the prefix before each `*`. FalkorDB runs every query on a small thread pool and expands a
search before its query timeout is checked, so one long wildcard search held a graph thread,
past the timeout, while every other reader and writer waited.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graphql import GraphQLError

from newsgraph.settings import Settings

__all__ = [
    "BAD_SEARCH_QUERY",
    "GRAMMAR",
    "SEARCH",
    "SEARCH_LIMIT_EXCEEDED",
    "Search",
    "SearchRules",
    "is_search",
    "parse_search",
]

BAD_SEARCH_QUERY = "BAD_SEARCH_QUERY"
SEARCH_LIMIT_EXCEEDED = "SEARCH_LIMIT_EXCEEDED"

# The metadata that marks an argument or input field as a search: the operation limits find
# every search of an operation by it, whatever field or input object carries it.
SEARCH = {"newsgraph.search": True}

# For the descriptions of the fields that take a search.
GRAMMAR = (
    'Words (letters and digits), `secur*` for the words that begin so, and "quoted words" '
    "for a phrase; anything else separates words. Bounded in length, words and wildcards (see "
    "the README's Limits)."
)

# How much of a search a message quotes: the refused text can be as long as a request body.
_QUOTED = 60


@dataclass(frozen=True, slots=True)
class SearchRules:
    """The bounds of one search (the defaults are the settings' defaults)."""

    max_length: int = 500
    max_terms: int = 12
    max_wildcards: int = 3
    min_prefix: int = 2

    @classmethod
    def from_settings(cls, settings: Settings) -> SearchRules:
        return cls(
            max_length=settings.search_max_length,
            max_terms=settings.search_max_terms,
            max_wildcards=settings.search_max_wildcards,
            min_prefix=settings.search_min_prefix,
        )


@dataclass(frozen=True, slots=True)
class Search:
    """A search that passed the grammar and its bounds."""

    text: str  # what the full-text engine is given
    terms: int
    wildcards: int


def is_search(definition: Any) -> bool:
    """Whether a GraphQL argument or input field (as graphql-core has it) takes a search."""
    extensions = getattr(definition, "extensions", None) or {}
    source = extensions.get("strawberry-definition")
    metadata = getattr(source, "metadata", None) or {}
    return bool(metadata.get("newsgraph.search"))


def _quoted(text: str) -> str:
    if len(text) <= _QUOTED:
        return repr(text)
    return f"{text[:_QUOTED]!r}... ({len(text):,} characters)"


def _refusal(where: str, text: str, problem: str, code: str, **numbers: int) -> GraphQLError:
    label = f"{where}: " if where else ""
    verdict = "is not valid" if code == BAD_SEARCH_QUERY else "is refused"
    return GraphQLError(
        f"{label}the search {_quoted(text)} {verdict}: {problem}",
        extensions={"code": code, **numbers},
    )


def _in_word(char: str) -> bool:
    # Letters, digits and combining marks of any script: what both engines index as words.
    return unicodedata.category(char)[0] in "LNM"


@dataclass(slots=True)
class _Term:
    words: list[str]
    prefix: bool = False

    def render(self) -> str:
        words = [word.lower() for word in self.words]
        if self.prefix:
            return words[0] + "*"
        return words[0] if len(words) == 1 else '"' + " ".join(words) + '"'


def _terms(text: str, where: str) -> list[_Term]:
    """The words, prefixes and phrases of ``text``; a GraphQLError where the grammar fails."""
    terms: list[_Term] = []
    phrase: _Term | None = None
    opened = 0
    i = 0
    while i < len(text):
        char = text[i]
        if _in_word(char):
            end = i
            while end < len(text) and _in_word(text[end]):
                end += 1
            word = text[i:end]
            star = end < len(text) and text[end] == "*"
            if phrase is not None:
                if star:
                    raise _refusal(
                        where,
                        text,
                        f"a phrase cannot hold a wildcard (`{word}*` at character {end + 1})",
                        BAD_SEARCH_QUERY,
                    )
                phrase.words.append(word)
            else:
                terms.append(_Term([word], prefix=star))
            i = end + star
        elif char == '"':
            if phrase is None:
                phrase, opened = _Term([]), i
            else:
                if phrase.words:  # an empty phrase asks for nothing
                    terms.append(phrase)
                phrase = None
            i += 1
        elif char == "*":
            raise _refusal(
                where,
                text,
                f"`*` at character {i + 1} does not end a word; a wildcard is a word's "
                "beginning followed by `*`, as in `secur*`",
                BAD_SEARCH_QUERY,
            )
        else:
            i += 1  # any other character separates words
    if phrase is not None:
        problem = f'the quote `"` at character {opened + 1} is never closed'
        raise _refusal(where, text, problem, BAD_SEARCH_QUERY)
    if not terms:
        raise _refusal(
            where, text, "it has no words to look for (letters or digits)", BAD_SEARCH_QUERY
        )
    return terms


@lru_cache(maxsize=1024)
def parse_search(text: str, rules: SearchRules, where: str = "") -> Search | None:
    """``text`` as a bounded search (None: blank, no search at all).

    Raises a GraphQLError coded BAD_SEARCH_QUERY when the grammar fails and
    SEARCH_LIMIT_EXCEEDED, with the numbers, when a bound is passed. ``where`` names the
    argument in messages. Cached: the operation limits check every search of an operation
    before it runs, and the resolver parses the same text again.
    """
    if len(text) > rules.max_length:
        # Measured before anything else looks at the text, so a huge search costs nothing.
        raise _refusal(
            where,
            text,
            f"it is {len(text):,} characters long; the limit is {rules.max_length:,}",
            SEARCH_LIMIT_EXCEEDED,
            length=len(text),
            limit=rules.max_length,
        )
    if not text.strip():
        return None
    terms = _terms(text, where)
    words = sum(len(term.words) for term in terms)
    if words > rules.max_terms:
        raise _refusal(
            where,
            text,
            f"it has {words} words; the limit is {rules.max_terms}",
            SEARCH_LIMIT_EXCEEDED,
            terms=words,
            limit=rules.max_terms,
        )
    prefixes = [term.words[0] for term in terms if term.prefix]
    if len(prefixes) > rules.max_wildcards:
        raise _refusal(
            where,
            text,
            f"it has {len(prefixes)} wildcards (words ending in `*`); the limit is "
            f"{rules.max_wildcards}",
            SEARCH_LIMIT_EXCEEDED,
            wildcards=len(prefixes),
            limit=rules.max_wildcards,
        )
    short = min(prefixes, key=len, default=None)
    if short is not None and len(short) < rules.min_prefix:
        raise _refusal(
            where,
            text,
            f"the wildcard `{short}*` is too broad: a wildcard needs at least "
            f"{rules.min_prefix} characters before `*`",
            SEARCH_LIMIT_EXCEEDED,
            prefixLength=len(short),
            limit=rules.min_prefix,
        )
    return Search(
        text=" ".join(term.render() for term in terms), terms=words, wildcards=len(prefixes)
    )
