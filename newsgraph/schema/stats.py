"""Aggregates: how many meetings, statements and articles a filter selects, by period, by
value and by actor.

Each aggregate object holds the graph layer's list for its filter (the same list the
connections page through, so a filter means the same thing here), and each of its fields runs
one statement in the graph when, and only when, a client selects it. The graph counts; Python
only fills in the empty periods between the first and the last.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any

import strawberry

from newsgraph.graph import reads
from newsgraph.graph.store import Record
from newsgraph.schema.context import ContextInfo
from newsgraph.schema.enums import MeetingMode, MeetingStatus
from newsgraph.schema.limits import MAX_PERIOD_BUCKETS
from newsgraph.schema.paging import primed
from newsgraph.schema.relay import BadInput, page_size
from newsgraph.schema.types import Actor, Topic

__all__ = [
    "ArticleStats",
    "Interval",
    "MeetingStats",
    "StatementStats",
]

# The ranked aggregates (top participants, speakers, ...) return this many unless asked.
DEFAULT_TOP = 10

Top = Annotated[
    int | None,
    strawberry.argument(
        description=f"How many, most first: {DEFAULT_TOP} unless given, 100 at most."
    ),
]


@strawberry.enum(description="The length of the periods `byPeriod` counts in.")
class Interval(Enum):
    DAY = "DAY"
    WEEK = "WEEK"
    MONTH = "MONTH"
    YEAR = "YEAR"


IntervalArg = Annotated[
    Interval,
    strawberry.argument(
        description="Days, ISO weeks (Monday to Sunday), calendar months or calendar years."
    ),
]


@strawberry.type(description="How many items fall in one period.")
class PeriodCount:
    start: dt.date = strawberry.field(
        description="The period's first day: the day itself, the Monday of the week, the 1st "
        "of the month, or 1 January."
    )
    count: int = strawberry.field(description="Items dated in the period; 0 for a quiet one.")


@strawberry.type(description="How many meetings took place in one mode.")
class ModeCount:
    mode: MeetingMode = strawberry.field(description="In person, phone, video or unknown.")
    count: int = strawberry.field(description="Meetings in this mode.")


@strawberry.type(description="How many meetings have one status.")
class StatusCount:
    status: MeetingStatus = strawberry.field(description="Held, planned or proposed.")
    count: int = strawberry.field(description="Meetings with this status.")


@strawberry.type(description="An actor, and how many of the counted items involve it.")
class ActorCount:
    actor: Actor = strawberry.field(description="The actor.")
    count: int = strawberry.field(description="How many of the counted items involve it.")


@strawberry.type(description="Two actors, and how many of the counted meetings both attended.")
class ActorPairCount:
    actors: list[Actor] = strawberry.field(description="The two actors, by name.")
    count: int = strawberry.field(description="Counted meetings both took part in.")


@strawberry.type(description="A topic, and how many of the counted statements are about it.")
class TopicCount:
    topic: Topic = strawberry.field(description="The topic.")
    count: int = strawberry.field(description="Counted statements about it.")


@strawberry.type(description="Where statements were made, and how many.")
class MediumCount:
    medium: str | None = strawberry.field(
        description="As `Statement.medium` gives it ('post on X', 'interview with ...'); null "
        "for the statements whose medium the articles do not say."
    )
    count: int = strawberry.field(description="Counted statements made there.")


def _top(first: int | None) -> int:
    """How many of a ranked aggregate: ``first``, checked as every page size is."""
    return page_size(DEFAULT_TOP if first is None else first)


# --- periods ----------------------------------------------------------------------------------


def _start(interval: Interval, bucket: Any) -> dt.date:
    """The first day of a period as the graph names it: a day number (days and weeks), or the
    leading characters of an ISO day ('2025-08' for a month, '2025' for a year)."""
    if interval in (Interval.DAY, Interval.WEEK):
        return dt.date.fromordinal(int(bucket))
    text = str(bucket)
    month = int(text[5:7]) if interval is Interval.MONTH else 1
    return dt.date(int(text[:4]), month, 1)


def _periods_between(interval: Interval, first: dt.date, last: dt.date) -> int:
    if interval is Interval.DAY:
        return (last - first).days + 1
    if interval is Interval.WEEK:
        return (last - first).days // 7 + 1
    if interval is Interval.MONTH:
        return (last.year - first.year) * 12 + last.month - first.month + 1
    return last.year - first.year + 1


def _following(interval: Interval, day: dt.date) -> dt.date:
    if interval is Interval.DAY:
        return day + dt.timedelta(days=1)
    if interval is Interval.WEEK:
        return day + dt.timedelta(days=7)
    if interval is Interval.MONTH:
        return dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return dt.date(day.year + 1, 1, 1)


def fill_periods(interval: Interval, rows: list[Record], where: str) -> list[PeriodCount]:
    """Every period from the first counted to the last, oldest first, the empty ones with 0.
    More periods than MAX_PERIOD_BUCKETS is refused, naming the span and what to do."""
    counts: dict[dt.date, int] = {}
    for row in rows:
        start = _start(interval, row["bucket"])
        counts[start] = counts.get(start, 0) + int(row["count"])
    if not counts:
        return []
    first, last = min(counts), max(counts)
    periods = _periods_between(interval, first, last)
    if periods > MAX_PERIOD_BUCKETS:
        raise BadInput(
            f"{where}: {periods:,} periods of a {interval.value.lower()} from {first} to {last}, "
            f"at most {MAX_PERIOD_BUCKETS:,}: choose a longer interval or narrow the filter's "
            "`from` and `to`"
        )
    out = [PeriodCount(start=first, count=counts[first])]
    while out[-1].start < last:
        day = _following(interval, out[-1].start)
        out.append(PeriodCount(start=day, count=counts.get(day, 0)))
    return out


async def _by_period(listing: reads.Listing, interval: Interval, where: str) -> list[PeriodCount]:
    rows = await listing.aggregate(f"BY_{interval.value}")
    return fill_periods(interval, rows, f"{where}.byPeriod")


async def _top_actors(
    info: ContextInfo, listing: reads.Listing, kind: str, first: int | None
) -> list[ActorCount]:
    rows = await listing.aggregate(kind, first=_top(first))
    actors = await primed(info.context.loaders.actor, rows, "id")
    return [
        ActorCount(actor=Actor.from_row(actor), count=int(row["count"]))
        for row, actor in zip(rows, actors, strict=True)
        if actor is not None
    ]


# --- the aggregate objects --------------------------------------------------------------------


@strawberry.type(description="Counts over the meetings a filter selects, computed in the graph.")
class MeetingStats:
    listing: strawberry.Private[reads.Listing]

    @strawberry.field(description="How many meetings the filter selects.")
    async def count(self) -> int:
        return await self.listing.total()

    @strawberry.field(
        description="Dated meetings per period, oldest first, every period from the first "
        f"meeting's to the last's (empty ones with 0; at most {MAX_PERIOD_BUCKETS:,} periods). "
        "Undated meetings are in `count` but in no period."
    )
    async def by_period(self, interval: IntervalArg) -> list[PeriodCount]:
        return await _by_period(self.listing, interval, "meetingStats")

    @strawberry.field(description="Meetings per mode, most first (modes with none left out).")
    async def by_mode(self) -> list[ModeCount]:
        rows = await self.listing.aggregate("BY_MODE")
        return [ModeCount(mode=MeetingMode(r["value"]), count=int(r["count"])) for r in rows]

    @strawberry.field(description="Meetings per status, most first (statuses with none left out).")
    async def by_status(self) -> list[StatusCount]:
        rows = await self.listing.aggregate("BY_STATUS")
        return [StatusCount(status=MeetingStatus(r["value"]), count=int(r["count"])) for r in rows]

    @strawberry.field(
        description="The actors who took part in the most of these meetings, most first."
    )
    async def top_participants(
        self, info: ContextInfo, first: Top = DEFAULT_TOP
    ) -> list[ActorCount]:
        return await _top_actors(info, self.listing, "TOP_PARTICIPANTS", first)

    @strawberry.field(
        description="The pairs of actors who took part in the most of these meetings together, "
        "most first (each pair once)."
    )
    async def top_pairs(self, info: ContextInfo, first: Top = DEFAULT_TOP) -> list[ActorPairCount]:
        rows = await self.listing.aggregate("TOP_PAIRS", first=_top(first))
        loader = info.context.loaders.actor
        ones = await primed(loader, [{"id": r["one"], "node": r["one_node"]} for r in rows], "id")
        others = await primed(
            loader, [{"id": r["other"], "node": r["other_node"]} for r in rows], "id"
        )
        out = []
        for row, one, other in zip(rows, ones, others, strict=True):
            if one is None or other is None:
                continue
            pair = sorted([Actor.from_row(one), Actor.from_row(other)], key=lambda a: a.name)
            out.append(ActorPairCount(actors=pair, count=int(row["count"])))
        return out


@strawberry.type(description="Counts over the statements a filter selects, computed in the graph.")
class StatementStats:
    listing: strawberry.Private[reads.Listing]

    @strawberry.field(description="How many statements the filter selects.")
    async def count(self) -> int:
        return await self.listing.total()

    @strawberry.field(
        description="Dated statements per period, oldest first, every period from the first "
        f"statement's to the last's (empty ones with 0; at most {MAX_PERIOD_BUCKETS:,} periods). "
        "Undated statements are in `count` but in no period."
    )
    async def by_period(self, interval: IntervalArg) -> list[PeriodCount]:
        return await _by_period(self.listing, interval, "statementStats")

    @strawberry.field(description="The actors who made the most of these statements, most first.")
    async def top_speakers(self, info: ContextInfo, first: Top = DEFAULT_TOP) -> list[ActorCount]:
        return await _top_actors(info, self.listing, "TOP_SPEAKERS", first)

    @strawberry.field(
        description="Statements per topic, most first. A statement about several topics counts "
        "under each; one about none under none."
    )
    async def by_topic(self, first: Top = DEFAULT_TOP) -> list[TopicCount]:
        rows = await self.listing.aggregate("BY_TOPIC", first=_top(first))
        return [TopicCount(topic=Topic.from_row(r["node"]), count=int(r["count"])) for r in rows]

    @strawberry.field(
        description="Statements per medium (where they were made), most first; the statements "
        "whose medium is not known are counted under null."
    )
    async def by_medium(self, first: Top = DEFAULT_TOP) -> list[MediumCount]:
        rows = await self.listing.aggregate("BY_MEDIUM", first=_top(first))
        return [MediumCount(medium=r["value"], count=int(r["count"])) for r in rows]


@strawberry.type(description="Counts over the articles a filter selects, computed in the graph.")
class ArticleStats:
    listing: strawberry.Private[reads.Listing]

    @strawberry.field(description="How many articles the filter selects.")
    async def count(self) -> int:
        return await self.listing.total()

    @strawberry.field(
        description="Articles per period of publication, oldest first, every period from the "
        f"first article's to the last's (empty ones with 0; at most {MAX_PERIOD_BUCKETS:,} "
        "periods). Articles without a date are in `count` but in no period."
    )
    async def by_period(self, interval: IntervalArg) -> list[PeriodCount]:
        return await _by_period(self.listing, interval, "articleStats")

    @strawberry.field(
        description="The outlets that published the most of these articles, most first "
        "(articles of no known outlet are in `count` only)."
    )
    async def by_publisher(self, info: ContextInfo, first: Top = DEFAULT_TOP) -> list[ActorCount]:
        return await _top_actors(info, self.listing, "BY_PUBLISHER", first)
