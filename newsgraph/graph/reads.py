"""Typed reads of the graph for the API: which statement answers a question, with what.

The GraphQL layer maps its arguments onto these calls and their rows onto its types; which
statement serves a filter (the index-friendly variants of cypher.py) and how its parameters
are spelled is decided here, once.

Lookups by key (``by_key``, ``related``, ``owner_pages``, ``top``) answer a whole batch of keys
in one call, in the order asked: the API's DataLoaders are built on them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, TypedDict, cast

from newsgraph.graph import cypher
from newsgraph.graph.cypher import Statement
from newsgraph.graph.errors import GraphQueryError, InvalidSearch
from newsgraph.graph.rows import (
    Condition,
    MeetingCriteria,
    PageRow,
    StatementCriteria,
    owner_filter,
)
from newsgraph.graph.store import Record, Store

__all__ = [
    "Direction",
    "Listing",
    "OwnerPage",
    "OwnerPageKey",
    "PathFound",
    "SearchKind",
    "TimelineRow",
    "actors",
    "all_topics",
    "articles",
    "by_key",
    "meetings",
    "owner_pages",
    "related",
    "search",
    "shortest_path",
    "statements",
    "timeline",
    "timeline_total",
    "top",
]

# The order of a list: by date, newest or oldest first; on facts (meetings, statements), also
# by report count or by confidence, highest or lowest first. Ties are broken by id.
Direction = Literal[
    "DESC", "ASC", "REPORTS_DESC", "REPORTS_ASC", "CONFIDENCE_DESC", "CONFIDENCE_ASC"
]
SearchKind = Literal["Article", "Statement", "Actor"]


@dataclass(frozen=True)
class Listing:
    """One filtered list of the graph, keyset-paged on its sort key: a page statement for its
    direction, and the count of the whole list (asked only when a client wants it)."""

    store: Store
    page_statement: Statement
    count_statement: Statement
    params: Mapping[str, Any]
    # The full-text search the list starts from, if any: the engine may refuse it.
    search: str | None = None
    # What counts the list when it is not filtered at all: the label's count, which does not
    # read the nodes (count_statement still defines the list for its aggregates).
    total_statement: Statement | None = None
    # The page of a window of days, newest first, for a list nothing anchors (see
    # cypher._window_page): read from a cursor that names a day.
    window: Statement | None = None
    # Aggregates (and the count) served from derived tallies instead of the list's own match,
    # by kind ("COUNT", "BY_MONTH", ...): the same answers, read without the list's items.
    tallies: Mapping[str, Statement] | None = None

    async def page(self, after: str | None, size: int) -> tuple[list[PageRow], bool]:
        """The first ``size`` items after the sort key ``after``, and whether more follow."""
        day = _cursor_day(after) if self.window is not None else None
        if after is not None and day is not None:
            return await self._windowed(after, day, size)
        try:
            rows = await self.store.read(
                self.page_statement, {**self.params, "after": after, "first": size + 1}
            )
        except GraphQueryError as exc:
            if self.search is not None:
                raise InvalidSearch(self.search, exc.message) from exc
            raise
        return cast(list[PageRow], rows[:size]), len(rows) > size

    async def _windowed(self, after: str, day: int, size: int) -> tuple[list[PageRow], bool]:
        """The page after a cursor on ``day``, newest first, read window by window backwards
        from that day until it is full or the list's `from` day is passed: the items of a day
        sort after the cursor only if their day is that day or before, and undated items sort
        before every dated cursor. A window that held some items but too few sizes the next
        from how densely they lie (half as long again as they say the rest needs); one that
        held none is followed by one twice as long. (Windows four times as long each time
        read four days of the densest lists, about 550 articles at 100,000, after the cursor's
        day, where two would do.)"""
        assert self.window is not None
        lowest = max(1, int(self.params.get("from") or 1))
        to = self.params.get("to")
        hi = day if to is None else min(day, int(to))
        span = 1
        rows: list[Record] = []
        while hi >= lowest and len(rows) <= size:
            lo = max(lowest, hi - span + 1)
            wanted = size + 1 - len(rows)
            window = {"after": after, "first": wanted, "lo": lo, "hi": hi}
            found = await self.store.read(self.window, {**self.params, **window})
            rows += found
            days = hi - lo + 1
            if found:
                span = min(64 * days, math.ceil(1.5 * (size + 1 - len(rows)) * days / len(found)))
            else:
                span = 2 * days
            hi, span = lo - 1, max(1, span)
        return cast(list[PageRow], rows[:size]), len(rows) > size

    async def total(self) -> int:
        statement = self.total_statement or (self.tallies or {}).get("COUNT")
        statement = statement or self.count_statement
        rows = await self.store.read(statement, self.params)
        return int(rows[0]["total"]) if rows else 0

    async def aggregate(self, kind: str, **extra: Any) -> list[Record]:
        """One aggregate of the whole list (``kind`` of cypher.AGGREGATES: ``BY_MONTH``,
        ``TOP_SPEAKERS``, ...), computed in the graph over the list's own match."""
        statement = (self.tallies or {}).get(kind) or cypher.aggregates_of(self.count_statement)[
            kind
        ]
        try:
            return await self.store.read(statement, {**self.params, **extra})
        except GraphQueryError as exc:
            if self.search is not None:
                raise InvalidSearch(self.search, exc.message) from exc
            raise


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _cursor_day(after: str | None) -> int | None:
    """The day number of the day a cursor starts with ('YYYY-MM-DD...'), None for any other."""
    found = _ISO_DAY.match(after or "")
    if found is None:
        return None
    try:
        return dt.date(*map(int, found.groups())).toordinal()
    except ValueError:
        return None


def _listing(
    store: Store,
    pages: Mapping[str, Statement],
    params: Mapping[str, Any],
    direction: Direction,
    search: str | None = None,
    unfiltered: str | None = None,
    window: Statement | None = None,
) -> Listing:
    """The list of ``pages``; ``unfiltered``: the label of a list nothing filters;
    ``window``: its windowed page, for a plain list newest first."""
    if direction not in pages:
        # The API offers the fact orders only on lists of facts; a caller that asks for one
        # elsewhere is a bug, not bad input.
        raise ValueError(f"{pages['COUNT'].name} has no order {direction}")
    total = cypher.COUNT_ALL[unfiltered] if unfiltered else None
    windowed = window if direction == "DESC" else None
    return Listing(store, pages[direction], pages["COUNT"], params, search, total, windowed)


def _unfiltered(label: str, params: Mapping[str, Any], where: Condition | None) -> str | None:
    """``label`` when no parameter filters the list (every one None or empty), else None."""
    if where or any(value not in (None, [], ()) for value in params.values()):
        return None
    return label


def _composed(
    label: str,
    variant: str,
    pages: Mapping[str, Statement],
    params: dict[str, Any],
    where: Condition | None,
) -> Mapping[str, Statement]:
    """The pages of a list with a composed filter ANDed to its own (its values added to
    ``params``), or ``pages`` when there is none."""
    if not where:
        return pages
    values: dict[str, Any] = {}
    extra = cypher.condition(label, where, values)
    params.update(values)
    return cypher.composed_pages(label, variant, extra)


def articles(
    store: Store,
    direction: Direction,
    *,
    publisher: str | None = None,
    mentions: Sequence[str] = (),
    from_day: int | None = None,
    to_day: int | None = None,
    topic: str | None = None,
    search: str | None = None,
    where: Condition | None = None,
) -> Listing:
    """Articles by date, of a publisher, naming every one of ``mentions``, in full-text
    ``search`` (its engine form), ... (actors and topics by id), and meeting ``where``."""
    params: dict[str, Any] = {
        "publisher": publisher,
        "from": from_day,
        "to": to_day,
        "mentions": sorted(set(mentions)),
        "topic": topic,
        "search": search,
    }
    pages: Mapping[str, Statement]
    if search:
        pages, variant = cypher.ARTICLE_PAGES_SEARCH, "SEARCH"
    elif len(params["mentions"]) == 1:
        pages, variant = cypher.ARTICLE_PAGES_NAMING, "NAMING"
    elif mentions:
        pages, variant = cypher.ARTICLE_PAGES_MENTIONING, "MENTIONING"
    else:
        pages, variant = cypher.ARTICLE_PAGES, ""
    unfiltered = _unfiltered("Article", params, where)
    window = cypher.ARTICLE_WINDOW if not variant and not where else None
    pages = _composed("Article", variant, pages, params, where)
    listing = _listing(store, pages, params, direction, search, unfiltered, window)
    if variant == "NAMING" and not where and _only(params, "mentions"):
        # The articles naming one actor, all of them: its mention tallies hold the aggregates.
        listing = replace(listing, tallies=cypher.MENTION_TALLY_READS)
    return listing


def _only(params: Mapping[str, Any], *names: str) -> bool:
    """Whether no parameter but ``names`` filters (every other one None or empty)."""
    return all(value in (None, [], ()) for key, value in params.items() if key not in names)


def actors(store: Store, *, kind: str | None = None, name: str | None = None) -> Listing:
    """Actors alphabetically, of a kind, with a name or alias containing ``name``."""
    params = {"kind": kind, "name": name.lower() if name else None}
    return _listing(store, cypher.ACTOR_PAGES, params, "ASC")


def meetings(
    store: Store,
    direction: Direction,
    criteria: MeetingCriteria,
    participants: Sequence[str] = (),
    where: Condition | None = None,
) -> Listing:
    """Meetings by date that every one of ``participants`` attended, meeting ``where``."""
    params = {"participants": sorted(set(participants)), **criteria.params()}
    pages: Mapping[str, Statement]
    # Any of some actors, at the top of the filter and without all-of participants: the
    # statement starts from those actors (by index) instead of testing every meeting.
    anyone = dict(where.fields).get("participants_any") if where else None
    if len(params["participants"]) == 1:
        pages, variant = cypher.MEETING_PAGES_OF, "OF"
    elif len(params["participants"]) == 2:
        pages, variant = cypher.MEETING_PAGES_PAIR, "PAIR"
    elif participants:
        pages, variant = cypher.MEETING_PAGES_WITH, "WITH"
    elif anyone and where:
        pages, variant = cypher.MEETING_PAGES_ANY, "ANY"
        params["participants_any"] = list(anyone)
        rest = tuple(item for item in where.fields if item[0] != "participants_any")
        where = replace(where, fields=rest)
    else:
        pages, variant = cypher.MEETING_PAGES, ""
    unfiltered = _unfiltered("Meeting", params, where)
    window = cypher.MEETING_WINDOW if not variant and not where else None
    pages = _composed("Meeting", variant, pages, params, where)
    listing = _listing(store, pages, params, direction, None, unfiltered, window)
    if variant == "OF" and not where and not any(v is not None for v in criteria.params().values()):
        # One actor's meetings, all of them: its tallies hold the aggregates.
        listing = replace(listing, tallies=cypher.MEETING_TALLY_READS)
    return listing


def statements(
    store: Store,
    direction: Direction,
    criteria: StatementCriteria,
    *,
    speaker: str | None = None,
    search: str | None = None,
    where: Condition | None = None,
) -> Listing:
    """Statements by date, of a speaker, in full-text ``search`` (its engine form), meeting
    ``where``."""
    params = {"speaker": speaker, "search": search, **criteria.params()}
    pages: Mapping[str, Statement]
    if search:
        pages, variant = cypher.STATEMENT_PAGES_SEARCH, "SEARCH"
    elif speaker:
        pages, variant = cypher.STATEMENT_PAGES_BY, "BY"
    else:
        pages, variant = cypher.STATEMENT_PAGES, ""
    unfiltered = _unfiltered("Statement", params, where)
    window = cypher.STATEMENT_WINDOW if not variant and not where else None
    pages = _composed("Statement", variant, pages, params, where)
    return _listing(store, pages, params, direction, search, unfiltered, window)


# ---------------------------------------------------------------------------------------------
# Lookups by key, a batch a call


async def by_key(
    store: Store, statement: Statement, keys: Sequence[str], param: str = "ids"
) -> list[Any]:
    """One value per key, in order: the row's ``node`` (or ``id``), None for unknown keys."""
    rows = await store.read(statement, {param: list(dict.fromkeys(keys))})
    found = {row["key"]: row.get("node", row.get("id")) for row in rows}
    return [found.get(key) for key in keys]


async def related(store: Store, statement: Statement, keys: Sequence[str]) -> list[list[Record]]:
    """Every row of each key, in the statement's order."""
    rows = await store.read(statement, {"ids": list(dict.fromkeys(keys))})
    grouped: dict[str, list[Record]] = defaultdict(list)
    for row in rows:
        grouped[row["key"]].append(row)
    return [grouped.get(key, []) for key in keys]


@dataclass(frozen=True, slots=True)
class OwnerPageKey:
    """One page of an owner's list: the owner's id, the cursor's sort key, how many rows
    (the page size and one more, which tells whether a next page exists), and the filter."""

    owner: str
    after: str | None
    first: int
    criteria: MeetingCriteria | StatementCriteria | None = None
    # Whether the count of the owner's whole filtered list is wanted: it reads the whole list,
    # which a page does not (see cypher._owner_pages).
    counted: bool = True


class OwnerPage(TypedDict):
    rows: list[PageRow]
    # None when the page was read without its total (OwnerPageKey.counted false).
    total: int | None


async def owner_pages(
    store: Store, statement: Statement, keys: Sequence[OwnerPageKey]
) -> list[OwnerPage]:
    """A page of each owner's list (an actor's meetings, a topic's articles, ...), newest
    first, with the count of its whole filtered list when a key of the batch asks for it (the
    statement without the count otherwise)."""
    unique = list(dict.fromkeys(keys))
    payload = [
        {
            "key": str(i),
            "owner": key.owner,
            "after": key.after,
            "first": key.first,
            **owner_filter(key.criteria),
        }
        for i, key in enumerate(unique)
    ]
    # `first`: the largest page asked for, the LIMIT of every owner's page (each key then
    # cuts its own).
    largest = max(key.first for key in unique)
    params: dict[str, Any] = {"keys": payload, "first": largest}
    plain = cypher.PLAIN.get(statement.name)
    if plain is not None and not any(_filtered(item) for item in payload):
        # No key filters its list: the twin that counts by degree and pages by index.
        statement = plain
        params.update(walk=PLAIN_WALK, months=PLAIN_MONTHS)
        for item in payload:
            item.update(_top_month(item["after"]))
    elif not any(key.counted for key in unique):
        statement = cypher.UNCOUNTED[statement.name]
    rows = await store.read(statement, params)
    by_index = {int(row["key"]): row for row in rows}
    index = {key: i for i, key in enumerate(unique)}
    out: list[OwnerPage] = []
    for key in keys:
        found = by_index.get(index[key])
        if found is None:
            out.append({"rows": [], "total": 0})
            continue
        # Newest first; sorted here because the statement collects the page after unwinding.
        page = sorted(found["rows"], key=lambda row: str(row["sk"]), reverse=True)
        total = found["total"]
        out.append({"rows": page, "total": None if total is None else int(total)})
    return out


# A speaker with more statements than this has its unfiltered statements paged by index, month
# by month back from the cursor (cypher.ACTOR_STATEMENTS_PLAIN), probing at most this many
# months (a hundred years) before it reads all that is left.
PLAIN_WALK = 200
PLAIN_MONTHS = 1200


def _filtered(key: Mapping[str, Any]) -> bool:
    return any(key[name] is not None for name in owner_filter(None))


def _top_month(after: str | None) -> dict[str, Any]:
    """Where a paged-by-index list starts its months: at the cursor's month (as year * 12 +
    month - 1) when the cursor names a day, else at December of next year, with one probe
    for anything dated later (``above``)."""
    day = _cursor_day(after)
    if day is not None:
        date = dt.date.fromordinal(day)
        return {"top": date.year * 12 + date.month - 1, "above": False}
    return {"top": (dt.date.today().year + 1) * 12 + 11, "above": True}


async def top(
    store: Store, statement: Statement, keys: Sequence[tuple[str, int]]
) -> list[list[Record]]:
    """Each owner's first N related rows (counterparts, co-mentions), keys as (owner, N)."""
    unique = list(dict.fromkeys(keys))
    payload = [
        {"key": str(i), "owner": owner, "first": first} for i, (owner, first) in enumerate(unique)
    ]
    rows = await store.read(statement, {"keys": payload})
    by_index = {int(row["key"]): list(row["rows"]) for row in rows}
    index = {key: i for i, key in enumerate(unique)}
    return [by_index.get(index[key], []) for key in keys]


# ---------------------------------------------------------------------------------------------
# Search, paths, timelines, topics

_SEARCHES: dict[SearchKind, Statement] = {
    "Article": cypher.SEARCH_ARTICLES,
    "Statement": cypher.SEARCH_STATEMENTS,
    "Actor": cypher.SEARCH_ACTORS,
}


async def search(store: Store, kind: SearchKind, text: str, first: int) -> list[Record]:
    """The best ``first`` hits of a full-text search (its engine form) among one kind of
    node: rows of ``id``, ``score`` and ``node``, best first."""
    try:
        return await store.read(_SEARCHES[kind], {"query": text, "first": first})
    except GraphQueryError as exc:
        raise InvalidSearch(text, exc.message) from exc


@dataclass(frozen=True)
class PathFound:
    """A shortest path: its nodes as (label, id), and each step's relationship type and
    whether it points forward (from the step's first node to its second)."""

    nodes: list[tuple[str, str]]
    steps: list[tuple[str, bool]] = field(default_factory=list)


_PATH_LABELS = ("Article", "Actor", "Meeting", "Statement", "Topic")


async def shortest_path(store: Store, source: str, target: str) -> PathFound | None:
    """One shortest path between two actors through the facts, None when there is none."""
    params = {"from": source, "to": target}
    rows: list[Record] = []
    # From an actor to itself, the general search answers as it always did.
    tried = cypher.SHORT_PATHS if source != target else []
    for statement in [*tried, cypher.SHORTEST_PATH]:
        rows = await store.read(statement, params)
        if rows:
            break
    if not rows:
        return None
    found = rows[0]
    nodes = [
        (next(label for label in _PATH_LABELS if label in n["labels"]), str(n["id"]))
        for n in found["nodes"]
    ]
    relationships = list(found["relationships"])
    if nodes[0][1] != source:
        # Found from the other end (cypher.SHORT_PATHS start from the less named actor).
        nodes.reverse()
        relationships.reverse()
    steps = [(str(rel["type"]), rel["start"] == nodes[i][1]) for i, rel in enumerate(relationships)]
    return PathFound(nodes, steps)


class TimelineRow(PageRow):
    kind: Literal["Meeting", "Statement", "Article"]


# The month a timeline's undated items are tallied under; they come after every dated one.
_UNDATED = ""


def _month(day: int | None) -> str | None:
    return None if day is None else dt.date.fromordinal(day).isoformat()[:7]


def _months_to_read(
    counts: Mapping[str, int],
    from_day: int | None,
    to_day: int | None,
    after: str | None,
    size: int,
) -> list[str]:
    """The months (as tallied: 'YYYY-MM', '' for undated) whose items hold the first ``size``
    of a kind after the sort key ``after``, in the date range: the first month with any, and
    the next ones until the months after the first hold ``size`` (the first may be cut by the
    range or the cursor, so its count promises nothing)."""
    low, high = _month(from_day), _month(to_day)
    if after is None:
        start = None
    elif after.startswith("9999|"):
        start = _UNDATED
    else:
        start = after[:7]
    ranged = from_day is not None or to_day is not None

    def order(month: str) -> tuple[bool, str]:
        return month == _UNDATED, month

    months = sorted(counts, key=order)
    if ranged:
        months = [
            m
            for m in months
            if m != _UNDATED and (low is None or m >= low) and (high is None or m <= high)
        ]
    if start is not None:
        months = [m for m in months if order(m) >= order(start)]
    chosen: list[str] = []
    held = 0
    for month in months:
        if chosen and held >= size:
            break
        chosen.append(month)
        if len(chosen) > 1 or month not in (start, low):
            held += counts[month]
    return chosen


def _article_window(
    months: list[str],
    counts: Mapping[str, int],
    from_day: int | None,
    to_day: int | None,
    after: str | None,
    size: int,
) -> tuple[int, int] | None:
    """Days at the start of the first of ``months`` that should hold ``size`` of an actor's
    articles, twice over if they spread evenly over the month; None when that is most of the
    month (reading the month is then as cheap) or the month is the undated one."""
    if not months or months[0] == _UNDATED:
        return None
    first = dt.date.fromisoformat(months[0] + "-01")
    start = first.toordinal()
    end = start + calendar.monthrange(first.year, first.month)[1] - 1
    low = max(start, from_day or start, _cursor_day(after) or start)
    per_day = counts[months[0]] / (end - start + 1)
    span = math.ceil(2 * size / per_day)
    if low + span - 1 >= end:
        return None
    high = low + span - 1
    return low, high if to_day is None else min(high, to_day)


async def timeline(
    store: Store,
    actor: str,
    from_day: int | None,
    to_day: int | None,
    after: str | None,
    size: int,
) -> tuple[list[TimelineRow], bool, int | None]:
    """The first ``size`` of an actor's meetings, statements and articles after the sort key
    ``after``, oldest first (undated last), whether more follow, and how many there are in all
    when that is known without another read (with no date range)."""
    counts: dict[str, dict[str, int]] = {"Meeting": {}, "Article": {}}
    said = 0
    for row in await store.read(cypher.TIMELINE_MONTHS, {"actor": actor}):
        if row["kind"] == "Statement":
            said = int(row["count"])
        else:
            counts[str(row["kind"])][str(row["month"])] = int(row["count"])
    params: dict[str, Any] = {
        "actor": actor,
        "from": from_day,
        "to": to_day,
        "after": after,
        "first": size + 1,
        **{
            f"{kind.lower()}_months": _months_to_read(months, from_day, to_day, after, size + 1)
            for kind, months in counts.items()
        },
    }
    window = _article_window(
        params["article_months"], counts["Article"], from_day, to_day, after, size + 1
    )
    statement = cypher.TIMELINE_PAGE
    if window is not None:
        statement = cypher.TIMELINE_PAGE_WINDOWED
        params.update(article_lo=window[0], article_hi=window[1])
    rows = cast(list[TimelineRow], await store.read(statement, params))
    # Each kind is its own sorted page: merged here.
    rows.sort(key=lambda row: str(row["sk"]))
    if window is not None and not _window_held(rows, window, to_day, size + 1):
        rows = cast(list[TimelineRow], await store.read(cypher.TIMELINE_PAGE, params))
        rows.sort(key=lambda row: str(row["sk"]))
    total = None
    if from_day is None and to_day is None:
        total = said + sum(sum(months.values()) for months in counts.values())
    return rows[:size], len(rows) > size, total


def _window_held(
    rows: Sequence[TimelineRow], window: tuple[int, int], to_day: int | None, size: int
) -> bool:
    """Whether the articles read from the days of ``window`` are all the page needs: ``size``
    of them, every one up to the range's end, or a merged page whose last item (the
    ``size``-th) lies within the window, so that no article after it could come before."""
    if to_day is not None and window[1] >= to_day:
        return True
    if sum(row["kind"] == "Article" for row in rows) >= size:
        return True
    if len(rows) < size:
        return False
    last = _cursor_day(str(rows[size - 1]["sk"]))
    return last is not None and last <= window[1]


async def timeline_total(store: Store, actor: str, from_day: int | None, to_day: int | None) -> int:
    """How many items the actor's timeline holds in the date range: the months the range holds
    whole are read from the tallies, the ones it cuts counted."""
    low, high = _month(from_day), _month(to_day)
    params = {
        "actor": actor,
        "from": from_day,
        "to": to_day,
        "from_month": low,
        "to_month": high,
        "cut_months": sorted({m for m in (low, high) if m is not None}),
    }
    rows = await store.read(cypher.TIMELINE_COUNT, params)
    return int(rows[0]["total"]) if rows else 0


async def all_topics(store: Store) -> list[str]:
    """The id of every topic, by name."""
    return [str(row["id"]) for row in await store.read(cypher.ALL_TOPICS)]
