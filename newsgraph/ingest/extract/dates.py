"""Date expressions in news text and how they resolve against the publication date.

Only what the text supports becomes a day: "on Aug. 22" and "on Monday" do (given a reference
date), "earlier in the week" or "recently" do not, and are reported as vague so a caller knows
not to fall back to another date either.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Literal

__all__ = [
    "DateMention",
    "find_dates",
    "latest",
    "nearest_day",
    "parse_stated_date",
    "resolve",
    "vague_span",
    "with_year_near",
    "year_after",
]

Kind = Literal["absolute", "month_day", "day_of_month", "weekday", "relative", "vague", "same_day"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    # A wire's dateline in capitals: "MOSCOW, 12 APR — RIA Novosti."
    r"|JAN|FEB|MAR|APR|JUNE?|JULY?|AUG|SEPT?|OCT|NOV|DEC"
)
_YEAR = r"(?:19|20)\d\d"
_DATE_RE = re.compile(
    # The leading \b makes the engine give up at once inside words, most positions of a text.
    rf"""
    \b(?:
    (?P<iso>(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d))(?!\d)
  | (?P<dotted>(?P<dd>[0-3]?\d)\.(?P<dm>[01]?\d)\.(?P<dy>{_YEAR}))(?!\d)
  | (?P<slashed>(?P<sa>[0-3]?\d)/(?P<sb>[0-3]?\d)/(?P<sy>{_YEAR}))(?!\d)
  | (?<=[Oo]n\s)(?P<ordinal>the\s+(?P<od>[0-3]?\d)(?:st|nd|rd|th))\b
        (?=\s*(?:[,.;:)]|$)|\s+(?:in|at|with|when|and|as|to|after|before|during|of\s+(?:this|that)
        \s+month)\b)
  | (?P<mdy>(?P<mon>{_MONTH})\.?\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)
        (?:(?:,\s*|\s+)(?P<y>{_YEAR})(?!\d))?)
  | (?P<dmy>(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MONTH})\.?
        (?:(?:,\s*|\s+)(?P<y2>{_YEAR})(?!\d))?)
  | (?P<rel>(?:[Tt]he\s+day\s+before\s+yesterday|[Tt]he\s+day\s+after\s+tomorrow
        |[Yy]esterday|[Tt]oday|[Tt]omorrow|[Tt]onight|(?<![Tt]he\s)[Ll]ast\s+night(?!\s+of\b)
        |[Tt]his\s+(?:morning|afternoon|evening)|[Cc]urrently
        |(?:[Mm]oments|[Mm]inutes|[Aa]n\s+hour|(?:[Aa]\s+few|[Ss]everal|[Tt]wo|[Tt]hree)\s+hours
          |[Aa]\s+(?:short|little)\s+while)\s+ago))
  | (?P<ago>(?P<count>[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|\d{{1,2}})\s+days?\s+ago)
  | (?P<same>(?:[Tt]he\s+same\s+day
        |(?P<count2>[Aa]|[Oo]ne|[Tt]wo|[Tt]hree)\s+days?\s+(?P<way>earlier|later)
        |(?P<count3>[Aa]|[Oo]ne|[Tt]wo|[Tt]hree)\s+days?\s+(?P<way3>after|before)(?=\s+(?:a|an|the|his|her|their)\s)
        |[Tt]he\s+(?P<way2>next|following|previous)\s+day
        |(?:[Ll]ater|[Ee]arlier)\s+(?:that|in\s+the|on\s+the\s+same)\s+day
        |(?:[Ll]ater\s+)?(?:[Ii]n\s+the|[Tt]hat)\s+(?:morning|afternoon|evening)))
  | (?P<vague>(?:[Ee]arlier\s+(?:in|this)\s+(?:the\s+)?(?:week|month|year)
        |(?:[Ll]ast|[Tt]his|[Nn]ext|[Tt]he\s+previous|[Tt]he\s+following)\s+(?:week|month|year|weekend)
        |[Ii]n\s+recent\s+(?:days|weeks|months)|[Oo]ver\s+the\s+weekend|[Rr]ecently|[Pp]reviously
        |(?:[Aa]\s+few|[Ss]everal|[Aa]|[Oo]ne|[Tt]wo|[Tt]hree|\d+)\s+weeks?\s+ago
        |(?:[Aa]\s+few|[Ss]everal)\s+days\s+ago|[Tt]he\s+other\s+day
        |(?:[Ii]n|[Ss]ince|[Dd]uring)\s+(?:early\s+|late\s+|mid-?)?(?:January|February|March
          |April|May|June|July|August|September|October|November|December)(?!\s+\d{{1,2}}(?!\d))))
  | (?P<weekday>(?:(?P<wdir>[Ll]ast|[Tt]his\s+past|[Tt]his|[Nn]ext|[Cc]oming|[Oo]n)\s+)?
        (?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))
    )""",
    re.VERBOSE,
)
_RELATIVE = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "tomorrow": 1,
    "the day after tomorrow": 2,
    "last night": -1,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "currently": 0,
}
# "moments ago", "a few hours ago", "a short while ago": the day of writing.
_TODAY_AGO = re.compile(r"(?:moments|minutes|hours?|while)\s+ago$")
# "four days ago" counts back from the publication day as exactly as "yesterday" does; "a few
# days ago" and anything counted in weeks are spans, not days (the vague branch).
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    kind: Kind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    shift: int | None = None
    direction: Literal["past", "future"] | None = None
    offset: int = 0
    """Days added to the day named: "four days before the Tuesday meeting" is -4."""
    week: int | None = None
    """For a weekday, the week it is in relative to the anchor's (Monday to Sunday): "on
    Tuesday last week" is -1, "on Tuesday next week" +1."""


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Date expressions in ``text[start:end]`` with absolute offsets, in text order."""
    stop = len(text) if end is None else end
    found: list[DateMention] = []
    for m in _DATE_RE.finditer(text, start, stop):
        mention = _mention(m)
        if mention is None:
            continue
        mention = _offset(text, mention, start)
        if mention.kind != "vague" and re.search(
            r"\b(?:pre|post)-$", text[max(0, m.start() - 5) : m.start()]
        ):
            # "pre-January 8 statement events": a day that names an occasion, not a time
            mention = DateMention(mention.start, mention.end, "vague")
        elif mention.kind in ("absolute", "month_day") and (m.group("mdy") or m.group("dmy")):
            mention = _range(text, mention, m, start, stop)
        last = found[-1] if found else None
        if (
            last is not None
            and last.kind == "weekday"
            and mention.kind in ("absolute", "month_day")
            and _WEEKDAY_THEN_DATE.fullmatch(text, last.end, mention.start)
        ):
            # "on Monday, January 24, 2011", "on Monday (Jun. 26)": the day the weekday names,
            # given in full; one mention, the explicit date.
            found[-1] = replace(mention, start=last.start)
            continue
        week = _WEEK_OF.fullmatch(text, last.end, mention.end) if last is not None else None
        if last is not None and last.kind == "weekday" and last.direction is None and week:
            # "on Tuesday last week", "Friday of next week": that week's day
            step = -1 if week.group("which").lower() == "last" else 1
            found[-1] = replace(last, end=mention.end, week=step)
            continue
        found.append(mention)
    return found


_WEEK_OF = re.compile(r"\s+(?:of\s+)?(?P<which>[Ll]ast|[Nn]ext)\s+week")


_WEEKDAY_THEN_DATE = re.compile(r"\s*[,(]?\s*")
# The other end of a span of days: "April 3-5, 2017", "from February 25 to 27", "11-12 May".
_RANGE_AFTER = re.compile(
    r"\s*(?:[-\u2013]|to|through|and)\s*[0-3]?\d(?:st|nd|rd|th)?\b(?![:.]\d)(?:,?\s+(?:19|20)\d\d)?"
)
_RANGE_BEFORE = re.compile(r"\b[0-3]?\d(?:st|nd|rd|th)?\s*(?:[-\u2013]|to|and)\s*$")


def _range(text: str, mention: DateMention, m: re.Match[str], floor: int, stop: int) -> DateMention:
    """A month-day that starts or ends a span of days names no one day: a meeting "during the
    visit of April 3-5" has no day the text gives, and none is guessed."""
    if m.group("mdy") and not m.group("y"):
        after = _RANGE_AFTER.match(text, m.end("d"), stop)
        if after is not None:
            return DateMention(mention.start, after.end(), "vague")
    if m.group("dmy"):
        before = _RANGE_BEFORE.search(text, max(floor, m.start() - 12), m.start())
        if before is not None:
            return DateMention(before.start(), mention.end, "vague")
    return mention


_OFFSET = re.compile(
    r"\b(?P<n>a|one|two|three|four|five|six|seven|\d{1,2})\s+(?P<unit>days?|weeks?)\s+"
    r"(?P<dir>before|after|prior\s+to|ahead\s+of)\s+(?:the\s+|its\s+|his\s+|her\s+)?$",
    re.IGNORECASE,
)
_NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _offset(text: str, mention: DateMention, floor: int) -> DateMention:
    """ "four days before the Tuesday meeting", "a week after 3 March": a day counted from the
    day named."""
    if mention.kind in ("vague", "same_day"):
        return mention
    m = _OFFSET.search(text, max(floor, mention.start - 40), mention.start)
    if m is None:
        return mention
    count = m.group("n").lower()
    days = int(count) if count.isdigit() else _NUMBERS[count]
    if m.group("unit").lower().startswith("week"):
        days *= 7
    sign = 1 if m.group("dir").lower() == "after" else -1
    return dataclasses.replace(mention, start=m.start(), offset=sign * days)


def _mention(m: re.Match[str]) -> DateMention | None:
    s, e = m.start(), m.end()
    if m.group("iso"):
        return _absolute(s, e, int(m["iy"]), int(m["im"]), int(m["id"]))
    if m.group("dotted"):
        return _absolute(s, e, int(m["dy"]), int(m["dm"]), int(m["dd"]))
    if m.group("slashed"):
        # 14/03/2024 or 03/14/2024: only when one of the two cannot be a month; 03/04/2024
        # is either, and a day is never guessed.
        a, b = int(m["sa"]), int(m["sb"])
        if a > 12 >= b:
            return _absolute(s, e, int(m["sy"]), b, a)
        if b > 12 >= a:
            return _absolute(s, e, int(m["sy"]), a, b)
        return None
    if m.group("ordinal"):
        day = int(m["od"])
        return DateMention(s, e, "day_of_month", day=day) if 1 <= day <= 31 else None
    if m.group("mdy") or m.group("dmy"):
        month = _MONTHS[(m["mon"] or m["mon2"])[:3].lower()]
        day = int(m["d"] or m["d2"])
        year_text = m["y"] or m["y2"]
        if not 1 <= day <= 31:
            return None
        if year_text:
            return _absolute(s, e, int(year_text), month, day)
        return DateMention(s, e, "month_day", month=month, day=day)
    if m.group("rel"):
        key = " ".join(m["rel"].lower().split())
        shift = 0 if _TODAY_AGO.search(key) else _RELATIVE[key]
        return DateMention(s, e, "relative", shift=shift)
    if m.group("ago"):
        count = m["count"].lower()
        shift = int(count) if count.isdigit() else _COUNTS[count]
        return DateMention(s, e, "relative", shift=-shift)
    if m.group("vague"):
        return DateMention(s, e, "vague")
    if m.group("same"):
        # "on the same day", "later in the day": the day the text last named; "a day earlier",
        # "the next day": a count of days from it.
        if m.group("way"):
            count = _COUNTS[m["count2"].lower()]
            return DateMention(s, e, "same_day", offset=count if m["way"] == "later" else -count)
        if m.group("way3"):
            # "held talks Tuesday, a day after a key meeting with Hariri": what follows
            # "after" was a day before the day named
            count = _COUNTS[m["count3"].lower()]
            return DateMention(s, e, "same_day", offset=-count if m["way3"] == "after" else count)
        if m.group("way2"):
            return DateMention(s, e, "same_day", offset=-1 if m["way2"] == "previous" else 1)
        return DateMention(s, e, "same_day")
    word = (m["wdir"] or "").lower()
    direction: Literal["past", "future"] | None = None
    if word in ("last", "this past"):
        direction = "past"
    elif word in ("next", "coming"):
        direction = "future"
    return DateMention(
        s, e, "weekday", weekday=_WEEKDAYS.index(m["wd"].lower()), direction=direction
    )


def _absolute(start: int, end: int, year: int, month: int, day: int) -> DateMention | None:
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return DateMention(start, end, "absolute", year=year, month=month, day=day)


def resolve(
    mention: DateMention, anchor: dt.date | None, *, future: bool = False
) -> dt.date | None:
    day = _resolve(mention, anchor, future=future)
    if day is None or not mention.offset:
        return day
    return day + dt.timedelta(days=mention.offset)


def _resolve(
    mention: DateMention, anchor: dt.date | None, *, future: bool = False
) -> dt.date | None:
    """The day a mention names, reading month-days and weekdays relative to ``anchor`` (the
    publication date). ``future`` says the sentence speaks of what is to come ("will meet on
    Monday"), so a bare weekday is the next one rather than the last one."""
    if mention.kind == "absolute":
        assert mention.year and mention.month and mention.day
        return dt.date(mention.year, mention.month, mention.day)
    if mention.kind in ("vague", "same_day") or anchor is None:
        return None
    if mention.kind == "relative":
        assert mention.shift is not None
        return anchor + dt.timedelta(days=mention.shift)
    if mention.kind == "month_day":
        assert mention.month and mention.day
        return _month_day(mention.month, mention.day, anchor, future)
    if mention.kind == "day_of_month":
        assert mention.day
        return _day_of_month(mention.day, anchor, future)
    assert mention.weekday is not None
    if mention.week is not None:
        monday = anchor - dt.timedelta(days=anchor.weekday())
        return monday + dt.timedelta(days=7 * mention.week + mention.weekday)
    delta = (anchor.weekday() - mention.weekday) % 7
    direction = mention.direction or ("future" if future else "past")
    if direction == "future":
        ahead = (mention.weekday - anchor.weekday()) % 7
        if ahead == 0 and mention.direction == "future":
            ahead = 7  # "next Thursday" said on a Thursday
        # "will be hosted on Thursday" in Thursday's paper is today.
        return anchor + dt.timedelta(days=ahead)
    if mention.direction == "past" and delta == 0:
        delta = 7
    return anchor - dt.timedelta(days=delta)


_SLACK = dt.timedelta(days=2)  # a report dated in another time zone, a dateline a day late


def _around(month: int, day: int, anchor: dt.date) -> list[dt.date]:
    """The ``month``/``day`` in the year before ``anchor``'s, its own and the next (fewer
    for February 29)."""
    options: list[dt.date] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    return options


def _month_day(month: int, day: int, anchor: dt.date, future: bool) -> dt.date | None:
    """News reports what happened: a month-day is the last such day up to the publication
    date, unless the sentence is about what is to come."""
    options = _around(month, day, anchor)
    if future:
        ahead = [d for d in options if d >= anchor - _SLACK]
        return min(ahead) if ahead else None
    behind = [d for d in options if d <= anchor + _SLACK]
    return max(behind) if behind else None


def _day_of_month(day: int, anchor: dt.date, future: bool) -> dt.date | None:
    """ "on the 14th": that day of the publication's month, or of the month before (after,
    for what is to come) when the day is not yet (no longer) reached."""
    first = anchor.replace(day=1)
    months = [first, (first - dt.timedelta(days=1)).replace(day=1)]
    if future:
        months = [first, (first + dt.timedelta(days=32)).replace(day=1)]
    for month in months:
        try:
            candidate = month.replace(day=day)
        except ValueError:
            continue
        if future and candidate >= anchor - _SLACK:
            return candidate
        if not future and candidate <= anchor + _SLACK:
            return candidate
    return None


_SPAN = re.compile(
    r"(?i)^(?P<which>last|this|next|the\s+previous|the\s+following|earlier\s+(?:in|this)\s+"
    r"(?:the\s+)?)\s*(?P<unit>week|month|year)$"
    r"|^(?:in|during)\s+(?:early\s+|late\s+|mid-?)?(?P<month>[A-Za-z]+)$"
)


def vague_span(
    text: str, anchor: dt.date | None, *, future: bool = False
) -> tuple[dt.date, dt.date] | None:
    """The days a vague time can mean, when the text says enough: "next week" is the
    Monday-to-Sunday after the publication day's week, "in November" that month (the last
    one up to the publication day, or the next one for what is to come). None for "recently"
    and the like."""
    if anchor is None:
        return None
    m = _SPAN.match(" ".join(text.split()))
    if m is None:
        return None
    if m.group("month"):
        month = _MONTHS.get(m.group("month")[:3].lower())
        if month is None:
            return None
        if future:
            year = anchor.year if month >= anchor.month else anchor.year + 1
        else:
            year = anchor.year if month <= anchor.month else anchor.year - 1
        return _month_span(year, month)
    which = " ".join(m.group("which").lower().split())
    step = 1 if which in ("next", "the following") else -1 if which in (
        "last", "the previous"
    ) else 0  # fmt: skip
    unit = m.group("unit").lower()
    if unit == "week":
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
        return monday, monday + dt.timedelta(days=6)
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + step
        return _month_span(index // 12, index % 12 + 1)
    return dt.date(anchor.year + step, 1, 1), dt.date(anchor.year + step, 12, 31)


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def nearest_day(month: int, day: int, anchor: dt.date) -> dt.date | None:
    """The ``month``/``day`` closest to ``anchor``, in either direction."""
    options = _around(month, day, anchor)
    return min(options, key=lambda d: abs((d - anchor).days)) if options else None


def with_year_near(mention: DateMention, filed: dt.date) -> DateMention:
    """A month-day ("on December 5") as a full date, in the year that puts it nearest the
    month a page is filed under, for a page that states no day of publication; other
    mentions as they are (a weekday needs the day itself)."""
    if mention.kind != "month_day" or not mention.month or not mention.day:
        return mention
    day = nearest_day(mention.month, mention.day, filed)
    if day is None:
        return mention
    return replace(mention, kind="absolute", year=day.year)


def year_after(month: int, day: int, earliest: dt.date) -> dt.date | None:
    """The first ``month``/``day`` on or after ``earliest``: how a month-day in an article reads
    against a photo taken before the article was written."""
    for year in (earliest.year, earliest.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= earliest:
            return candidate
    return None


_LEFTOVER = re.compile(
    r"(?i)\b(?:published|updated|posted|date|on|at|utc|gmt|eest|eet|cet|cest|est|edt|kyiv|time"
    r"|am|pm|a\.m\.|p\.m\.|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\d{1,2}:\d{2}(?::\d{2})?|[,:|·•\-\u2013—/()]"
)


def parse_stated_date(line: str) -> dt.date | None:
    """The date of a dateline such as "Published August 23, 2025, 10:31 PM" or "23.08.2025":
    a line that is a full date (with year) and little else."""
    mentions = [m for m in find_dates(line) if m.kind == "absolute"]
    if not mentions:
        return None
    first = mentions[0]
    rest = line[: first.start] + line[first.end :]
    if _LEFTOVER.sub(" ", rest).split():
        return None
    return resolve(first, None)


def latest(days: Iterable[dt.date | None]) -> dt.date | None:
    known = [d for d in days if d is not None]
    return max(known) if known else None
