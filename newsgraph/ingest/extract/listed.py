"""People named right after their countries in a list headed by a plural office.

"the presidents of Kyrgyzstan Sadyr Japarov and Tajikistan Emomali Rahmon": a country name
glued to a person's name hides the name from the recogniser, and the list's grammar shows it.
Read by the actor finder (actors.py), before any meeting is; kept apart from groups.py, which
reads meetings, so that finding actors does not depend on reading meetings.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["ListedName", "listed_names"]

_OFFICE_LIST = re.compile(
    r"\b(?P<office>(?:(?:foreign|defen[cs]e|prime|trade|finance|interior|economy)\s+)?"
    r"(?:ministers|presidents|premiers|leaders|chancellors|secretaries))\s+(?:of|from)\s+",
    re.IGNORECASE,
)
_CAPITALISED_RUN = re.compile(r"(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*")
_BRACKETED = re.compile(
    r"\s*[\[(]\s*(?P<name>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)+)\s*[\])]"
)
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


@dataclass(frozen=True, slots=True)
class ListedName:
    """``text[start:end]`` names the holder of ``title`` (None: not one office) of
    ``country``."""

    name: str
    start: int
    end: int
    country: str
    title: str | None
    list_start: int


def listed_names(
    text: str, country_of: Callable[[str], str | None], title_of: Callable[[str], str | None]
) -> list[ListedName]:
    """People named right after their countries in a list headed by a plural office: "the
    presidents of Kyrgyzstan Sadyr Japarov and Tajikistan Emomali Rahmon", "foreign ministers
    of the Kyrgyz Republic [Chingiz Aidarbekov] and Tajikistan [Sirodjiddin Muhriddin]". A
    country name glued to a person's name hides the name from the recogniser; the list's
    grammar shows it. ``country_of`` gives the country a surface names (None if none),
    ``title_of`` the role title of a singular office word."""
    found: list[ListedName] = []
    for head in _OFFICE_LIST.finditer(text):
        office = head.group("office").lower()
        singular = re.sub(r"(?:ies)$", "y", office) if office.endswith("ies") else office[:-1]
        title = title_of(singular)
        pos = head.end()
        while True:
            run = _CAPITALISED_RUN.match(text, pos)
            if run is None:
                break
            item = _country_and_name(text, run, country_of)
            if item is None:
                break
            country, name_start, name_end = item
            name = text[name_start:name_end]
            found.append(ListedName(name, name_start, name_end, country, title, head.start()))
            close = re.match(r"\s*[\])]", text[name_end : name_end + 3])
            after = name_end + (close.end() if close else 0)
            gap = _LIST_GAP.match(text, after)
            if gap is None:
                break
            pos = gap.end()
    return found


def _country_and_name(
    text: str, run: re.Match[str], country_of: Callable[[str], str | None]
) -> tuple[str, int, int] | None:
    """The country and the span of the name of one list item ("Tajikistan Emomali Rahmon",
    "the Kyrgyz Republic [Chingiz Aidarbekov]")."""
    words = list(re.finditer(r"\S+", run.group()))
    bracketed = _BRACKETED.match(text, run.end())
    if bracketed is not None:
        country = country_of(run.group())
        if country is None:
            return None
        return country, bracketed.start("name"), bracketed.end("name")
    for cut in range(1, min(4, len(words) - 1)):
        country = country_of(run.group()[: words[cut - 1].end()])
        rest = words[cut:]
        if country is not None and 2 <= len(rest) <= 4:
            if any(country_of(w.group()) for w in rest):
                return None  # "Tajikistan Kyrgyzstan ...": not a name
            return country, run.start() + rest[0].start(), run.start() + rest[-1].end()
    return None
