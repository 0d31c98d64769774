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

__all__ = ["ListedName", "listed_names", "titled_list_names"]

_OFFICE_LIST = re.compile(
    r"\b(?P<office>(?:(?:foreign|defen[cs]e|prime|trade|finance|interior|economy)\s+)?"
    r"(?:ministers|presidents|premiers|leaders|chancellors|secretaries)"
    # ("Ministers of Foreign Affairs of Kyrgyzstan Ruslan Kazakbaev and Tajikistan ...")
    r"(?:\s+of\s+foreign\s+affairs)?)\s+(?:of|from)\s+",
    re.IGNORECASE,
)
_CAPITALISED_RUN = re.compile(r"(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*")
_BRACKETED = re.compile(
    r"\s*[\[(]\s*(?P<name>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)+)\s*[\])]"
)
_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# "Prime Ministers Key of New Zealand, Hatoyama of Japan and Rudd of Australia": a plural
# title, then names each with its country.
_TITLED_LIST = re.compile(
    r"\b(?P<office>(?:(?:Foreign|Defen[cs]e|Prime|Trade|Finance|Vice)\s+)?"
    r"(?:Ministers|Presidents|Premiers|Chancellors))\s+(?=[A-Z])"
)
_NAME_OF = re.compile(
    r"(?P<name>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3}?)\s+of\s+"
    r"(?P<country>(?:the\s+)?[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,3})"
)


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
        singular = re.sub(r"\b(\w+?)(ies|s)\b", _singular, office, count=1)
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


def _singular(plural: re.Match[str]) -> str:
    return plural.group(1) + ("y" if plural.group(2) == "ies" else "")


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


def titled_list_names(
    text: str, country_of: Callable[[str], str | None], title_of: Callable[[str], str | None]
) -> list[ListedName]:
    """People listed after a plural title, each with its country: "Prime Ministers Key of New
    Zealand, Hatoyama of Japan and Rudd of Australia", "Presidents Obama of the United States
    and Triet of Vietnam". Each name holds the office of the country after it."""
    found: list[ListedName] = []
    for head in _TITLED_LIST.finditer(text):
        title = title_of(head.group("office")[:-1])
        pos = head.end()
        while (item := _NAME_OF.match(text, pos)) is not None:
            if _TITLED_LIST.match(text, item.start()):
                break  # "..., and Presidents Obama of ...": a list of its own
            longest = _longest_country(text, item.start("country"), item.end(), country_of)
            if longest is None or country_of(item.group("name")) is not None:
                break
            country, end = longest
            name = item.group("name")
            found.append(
                ListedName(name, item.start("name"), item.end("name"), country, title, head.start())
            )
            gap = _LIST_GAP.match(text, end)
            if gap is None:
                break
            pos = gap.end()
    return found


def _longest_country(
    text: str, start: int, stop: int, country_of: Callable[[str], str | None]
) -> tuple[str, int] | None:
    """The country the longest run of words from ``start`` names ("New Zealand" of "New
    Zealand Hatoyama"), and where that run ends."""
    for word in reversed(list(re.finditer(r"\S+", text[start:stop]))):
        run = text[start : start + word.end()].rstrip(".")
        if (country := country_of(run)) is not None:
            return country, start + len(run)
    return None
