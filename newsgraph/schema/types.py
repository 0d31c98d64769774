"""The GraphQL object types: articles, actors, meetings, statements and topics."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Annotated, Any, cast

import strawberry
from strawberry.dataloader import DataLoader
from strawberry.types.nodes import SelectedField, Selection

from newsgraph.graph import reads
from newsgraph.graph.rows import Condition, day_number
from newsgraph.schema.arguments import (
    article_condition,
    composed,
    in_order,
    meeting_condition,
    meeting_criteria,
    require_actor,
    require_actors,
    search_text,
    statement_condition,
    statement_criteria,
    topic_key,
)
from newsgraph.schema.context import ContextInfo, Loaders
from newsgraph.schema.enums import ActorKind, MeetingMode, MeetingStatus
from newsgraph.schema.inputs import (
    ArticleFilter,
    DateOrder,
    MeetingFilter,
    MeetingFilterArg,
    StatementFilter,
    StatementFilterArg,
    direction,
)
from newsgraph.schema.paging import (
    listing_connection,
    load_nodes,
    owner_connection,
    primed,
    wants_total,
)
from newsgraph.schema.relay import (
    DEFAULT_PAGE,
    MAX_PAGE,
    After,
    BadInput,
    Connection,
    First,
    encode_global_id,
    page_size,
)

__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "CoMention",
    "ContextInfo",
    "Counterpart",
    "FactOrder",
    "Meeting",
    "MeetingMode",
    "MeetingStatus",
    "Node",
    "Statement",
    "Topic",
    "articles_listing",
    "build_node",
    "meetings_listing",
    "meetings_page",
    "statements_listing",
    "statements_page",
]


FactOrder = Annotated[
    DateOrder | None,
    strawberry.argument(description="The order; newest first unless given."),
]


def _reordered(order: DateOrder | None) -> bool:
    """Whether an owner's list is asked in another order than its own, newest first."""
    return order is not None and order is not DateOrder.DATE_DESC


@strawberry.interface(description="Anything with a global id, fetchable with `node(id:)`.")
class Node:
    key: strawberry.Private[str]

    @strawberry.field(description="Global, opaque id of this object.")
    def id(self) -> strawberry.ID:
        return strawberry.ID(encode_global_id(type(self).__name__, self.key))


@strawberry.type(description="A person, country, organisation or media outlet in the news.")
class Actor(Node):
    name: str = strawberry.field(description="Canonical name, e.g. 'Volodymyr Zelensky'.")
    kind: ActorKind = strawberry.field(description="Person, organisation, country or media.")
    aliases: list[str] = strawberry.field(
        description="Other spellings and names the articles use (Zelenskyy, Zelenskyi, ...)."
    )
    description: str | None = strawberry.field(description="One line on who or what this is.")
    iso_code: str | None = strawberry.field(
        description="A country's ISO 3166-1 alpha-2 code ('KE' for Kenya); null for other actors."
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Actor:
        return cls(
            key=row["id"],
            name=row["name"],
            kind=ActorKind(row.get("kind") or "PERSON"),
            aliases=list(row.get("aliases") or []),
            description=row.get("description"),
            iso_code=row.get("iso_code"),
        )

    @strawberry.field(description="Positions this actor holds, e.g. President of Ukraine.")
    async def roles(self, info: ContextInfo) -> list[Role]:
        loaders = info.context.loaders
        rows = await loaders.roles.load(self.key)
        holders = await primed(loaders.actor, rows, "of")
        return [
            Role(title=row["title"], of=Actor.from_row(holder) if holder else None)
            for row, holder in zip(rows, holders, strict=True)
        ]

    @strawberry.field(
        description="Meetings this actor took part in, newest first unless `orderBy` says."
    )
    async def meetings(
        self,
        info: ContextInfo,
        filter: MeetingFilterArg = None,
        first: First = DEFAULT_PAGE,
        after: After = None,
        order_by: FactOrder = None,
    ) -> Connection[Meeting]:
        loaders = info.context.loaders
        f = filter or MeetingFilter()
        if f.participants or composed(f) or _reordered(order_by):
            # "Meetings with these others", composed or in another order: the root query
            # anchored on all participants, this actor among them.
            with_self = [encode_global_id("Actor", self.key), *(f.participants or [])]
            filtered = dataclasses.replace(f, participants=with_self)
            return await meetings_page(info, filtered, first, after, order_by)
        criteria = meeting_criteria(f, "Actor.meetings(filter)")
        page = await owner_connection(
            loaders.actor_meetings,
            self.key,
            loaders.meeting,
            Meeting.from_row,
            first,
            after,
            criteria,
            wants_total(info),
        )
        await prefetch_meetings(info, page)
        return page

    @strawberry.field(description="What this actor said, newest first unless `orderBy` says.")
    async def statements(
        self,
        info: ContextInfo,
        filter: StatementFilterArg = None,
        first: First = DEFAULT_PAGE,
        after: After = None,
        order_by: FactOrder = None,
    ) -> Connection[Statement]:
        loaders = info.context.loaders
        f = filter or StatementFilter()
        if f.search or composed(f) or _reordered(order_by):
            # The root query of this speaker's statements (the owner list pages newest first
            # on its plain criteria only).
            searched = dataclasses.replace(f, speaker=encode_global_id("Actor", self.key))
            return await statements_page(info, searched, first, after, order_by)
        criteria = statement_criteria(f, "Actor.statements(filter)")
        page = await owner_connection(
            loaders.actor_statements,
            self.key,
            loaders.statement,
            Statement.from_row,
            first,
            after,
            criteria,
            wants_total(info),
        )
        await prefetch_statements(info, page)
        return page

    @strawberry.field(description="Articles that mention this actor, newest first.")
    async def mentioned_in(
        self, info: ContextInfo, first: First = DEFAULT_PAGE, after: After = None
    ) -> Connection[Article]:
        loaders = info.context.loaders
        return await owner_connection(
            loaders.actor_articles,
            self.key,
            loaders.article,
            Article.from_row,
            first,
            after,
            counted=wants_total(info),
        )

    @strawberry.field(
        description="Whom this actor met (held meetings), most often first: how often and when."
    )
    async def counterparts(
        self, info: ContextInfo, first: First = DEFAULT_PAGE
    ) -> list[Counterpart]:
        loaders = info.context.loaders
        rows = await loaders.counterparts.load((self.key, page_size(first)))
        actors = await primed(loaders.actor, rows, "id")
        return [
            Counterpart(
                actor=Actor.from_row(actor),
                meeting_count=int(row["count"]),
                first_met_on=row.get("first_on"),
                last_met_on=row.get("last_on"),
            )
            for row, actor in zip(rows, actors, strict=True)
            if actor is not None
        ]

    @strawberry.field(description="Actors named in the same articles, most often first.")
    async def co_mentioned(self, info: ContextInfo, first: First = DEFAULT_PAGE) -> list[CoMention]:
        loaders = info.context.loaders
        rows = await loaders.co_mentioned.load((self.key, page_size(first)))
        actors = await primed(loaders.actor, rows, "id")
        return [
            CoMention(actor=Actor.from_row(actor), article_count=int(row["count"]))
            for row, actor in zip(rows, actors, strict=True)
            if actor is not None
        ]

    @strawberry.field(
        description="How many meetings this actor took part in (`meetings.totalCount` without "
        "a filter), counted in the graph without loading them."
    )
    async def meeting_count(self, info: ContextInfo) -> int:
        return int(await info.context.loaders.actor_meeting_count.load(self.key) or 0)

    @strawberry.field(
        description="How many statements this actor made (`statements.totalCount` without a "
        "filter), counted in the graph without loading them."
    )
    async def statement_count(self, info: ContextInfo) -> int:
        return int(await info.context.loaders.actor_statement_count.load(self.key) or 0)

    @strawberry.field(
        description="How many articles mention this actor (`mentionedIn.totalCount`), counted "
        "in the graph without loading them."
    )
    async def mention_count(self, info: ContextInfo) -> int:
        return int(await info.context.loaders.actor_mention_count.load(self.key) or 0)


@strawberry.type(description="Someone an actor met, and how often.")
class Counterpart:
    actor: Actor = strawberry.field(description="The other actor.")
    meeting_count: int = strawberry.field(description="Held meetings they both took part in.")
    first_met_on: dt.date | None = strawberry.field(description="Earliest dated meeting.")
    last_met_on: dt.date | None = strawberry.field(
        description="Latest dated meeting; null when no meeting of theirs has a day."
    )


@strawberry.type(description="An actor named alongside another, and in how many articles.")
class CoMention:
    actor: Actor = strawberry.field(description="The other actor.")
    article_count: int = strawberry.field(description="Articles naming both.")


@strawberry.type(description="A position held: `title` of `of` (a country or organisation).")
class Role:
    title: str = strawberry.field(description="e.g. 'Prime Minister'.")
    of: Actor | None = strawberry.field(description="The country or organisation.")


@strawberry.type(description="A news article: the source every fact is traced back to.")
class Article(Node):
    url: str | None = strawberry.field(description="Where it was published, when known.")
    title: str = strawberry.field(description="Headline.")
    publisher: str | None = strawberry.field(description="Outlet that published it.")
    published_on: dt.date | None = strawberry.field(description="Publication date.")
    published_inferred: bool = strawberry.field(
        description="True when the page states no date and it was inferred from the text."
    )
    section: str | None = strawberry.field(description="Section or category, if stated.")
    language: str = strawberry.field(description="ISO 639-1 language code.")
    author: str | None = strawberry.field(
        description="The byline (one name, or several joined by 'and'), when the source gives "
        "one: a web page's author metadata or a feed entry's author."
    )
    summary_only: bool = strawberry.field(
        description="True when the article was loaded from a feed entry that carries only a "
        "summary, not the full text: its facts come from those few lines."
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Article:
        return cls(
            key=row["id"],
            url=row.get("url"),
            title=row["title"],
            publisher=row.get("publisher"),
            published_on=row.get("published_on"),
            published_inferred=bool(row.get("published_inferred")),
            section=row.get("section"),
            language=row.get("language") or "en",
            author=row.get("author"),
            summary_only=bool(row.get("summary_only")),
        )

    @strawberry.field(description="Article text, without page furniture.")
    async def body(self, info: ContextInfo) -> str:
        text = await info.context.loaders.article_body.load(self.key)
        return str(text or "")

    @strawberry.field(description="Actors the article mentions.")
    async def mentions(self, info: ContextInfo) -> list[Actor]:
        loaders = info.context.loaders
        rows = await loaders.article_mentions.load(self.key)
        return await load_nodes(loaders.actor, [r["id"] for r in rows], Actor.from_row)

    @strawberry.field(description="Topics the article covers.")
    async def topics(self, info: ContextInfo) -> list[Topic]:
        loaders = info.context.loaders
        rows = await loaders.article_topics.load(self.key)
        return await load_nodes(loaders.topic, [r["id"] for r in rows], Topic.from_row)

    @strawberry.field(description="Meetings the article reports.")
    async def meetings(self, info: ContextInfo) -> list[Meeting]:
        loaders = info.context.loaders
        rows = await loaders.article_meetings.load(self.key)
        return await load_nodes(loaders.meeting, [r["id"] for r in rows], Meeting.from_row)

    @strawberry.field(description="Statements the article reports, in the order it gives them.")
    async def statements(self, info: ContextInfo) -> list[Statement]:
        loaders = info.context.loaders
        rows = await loaders.article_statements.load(self.key)
        return await load_nodes(loaders.statement, [r["id"] for r in rows], Statement.from_row)


@strawberry.type(description="An article's report of a meeting or statement, in its own words.")
class Report:
    article: Article = strawberry.field(description="The reporting article.")
    excerpt: str = strawberry.field(description="The exact words of the article.")
    offset: int | None = strawberry.field(description="Where the excerpt starts in the body.")


def _built_reports(rows: Sequence[dict[str, Any]], articles: Sequence[Any]) -> list[Report]:
    return [
        Report(article=Article.from_row(article), excerpt=row["excerpt"], offset=row.get("offset"))
        for row, article in zip(rows, articles, strict=True)
        if article is not None
    ]


async def _reports(loaders: Loaders, rows: list[dict[str, Any]]) -> list[Report]:
    return _built_reports(rows, await primed(loaders.article, rows, "article"))


# `reports` without `first` stays every report, as it always was; `reportCount` beside it
# says how many that is before anyone loads them.
ReportsFirst = Annotated[
    int | None,
    strawberry.argument(
        description=f"Only the oldest this many reports ({MAX_PAGE} at most); every report "
        "when not given. `reportCount` tells how many there are."
    ),
]


def _reports_of(
    loaders: Loaders,
    every: DataLoader[str, list[dict[str, Any]]],
    firsts: DataLoader[tuple[str, int], list[dict[str, Any]]],
    key: str,
    first: int | None,
) -> list[Report] | Awaitable[list[Report]]:
    """The reports of one meeting or statement (the oldest ``first``, or all): at once when
    its page loaded them already (see ``prefetch_meetings``), else through the loaders."""
    lists: DataLoader[Any, list[dict[str, Any]]] = every
    lookup: Any = key
    if first is not None:
        lists, lookup = firsts, (key, reports_page(first))
    rows = _ready(lists, lookup)
    if rows is not _MISSING:
        articles = _primed_now(loaders.article, rows, "article")
        if articles is not None:
            return _built_reports(rows, articles)

    async def later() -> list[Report]:
        return await _reports(loaders, await lists.load(lookup))

    return later()


def reports_page(first: int) -> int:
    if first < 0 or first > MAX_PAGE:
        raise BadInput(f"`first` of `reports` must be between 0 and {MAX_PAGE}, got {first}")
    return first


@strawberry.type(description="An actor's part in a meeting.")
class Participant:
    actor: Actor = strawberry.field(description="Who took part.")
    role: str | None = strawberry.field(
        description="Their part when the text says, e.g. 'representative'."
    )
    confidence: float | None = strawberry.field(
        description="How sure newsgraph is that this actor took part, 0 to 1: lower when the "
        "text names them by a pronoun or a title, or as a country's delegation, than by name."
    )


def _built_participants(rows: Sequence[dict[str, Any]], actors: Sequence[Any]) -> list[Participant]:
    return [
        Participant(
            actor=Actor.from_row(actor), role=row.get("role"), confidence=row.get("confidence")
        )
        for row, actor in zip(rows, actors, strict=True)
        if actor is not None
    ]


@strawberry.type(description="A meeting, call, visit or talks between actors.")
class Meeting(Node):
    title: str = strawberry.field(
        description="Short human title, e.g. 'Zelensky and Schoof phone call'."
    )
    date: dt.date | None = strawberry.field(
        description="Day it took place; null when the reports give no day."
    )
    mode: MeetingMode = strawberry.field(description="In person, phone, video or unknown.")
    status: MeetingStatus = strawberry.field(description="Held, planned or proposed.")
    place: str | None = strawberry.field(description="Where, when stated.")
    confidence: float | None = strawberry.field(
        description="How sure newsgraph is of this meeting, 0 to 1, from the evidence: the "
        "grammar that named it, how explicit its day is, and how many articles report it "
        "(each report is independent evidence: 1 - product of (1 - c)). Null for meetings "
        "written before confidences were kept."
    )

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Meeting:
        return cls(
            key=row["id"],
            title=row.get("title") or "Meeting",
            date=row.get("date"),
            mode=MeetingMode(row.get("mode") or "UNKNOWN"),
            status=MeetingStatus(row.get("status") or "HELD"),
            place=row.get("place"),
            confidence=row.get("confidence"),
        )

    @strawberry.field(
        description="Who took part, and in what role.", graphql_type=list[Participant]
    )
    def participants(self, info: ContextInfo) -> list[Participant] | Awaitable[list[Participant]]:
        # Not a coroutine: when the meeting's page loaded the participants already, they are
        # answered without an await (and the task graphql-core makes for each one).
        loaders = info.context.loaders
        rows = _ready(loaders.participants, self.key)
        if rows is not _MISSING:
            actors = _primed_now(loaders.actor, rows, "actor")
            if actors is not None:
                return _built_participants(rows, actors)

        async def later() -> list[Participant]:
            found = await loaders.participants.load(self.key)
            return _built_participants(found, await primed(loaders.actor, found, "actor"))

        return later()

    @strawberry.field(description="Topics discussed.")
    async def topics(self, info: ContextInfo) -> list[Topic]:
        loaders = info.context.loaders
        rows = await loaders.meeting_topics.load(self.key)
        return await load_nodes(loaders.topic, [r["id"] for r in rows], Topic.from_row)

    @strawberry.field(
        description="The articles reporting this meeting, oldest first, with their words: "
        "every one, or the oldest `first`.",
        graphql_type=list[Report],
    )
    def reports(
        self, info: ContextInfo, first: ReportsFirst = None
    ) -> list[Report] | Awaitable[list[Report]]:
        loaders = info.context.loaders
        return _reports_of(
            loaders, loaders.meeting_reports, loaders.meeting_first_reports, self.key, first
        )

    @strawberry.field(
        description="How many articles report this meeting (the length of `reports`), counted "
        "in the graph without loading them."
    )
    async def report_count(self, info: ContextInfo) -> int:
        return int(await info.context.loaders.meeting_report_count.load(self.key) or 0)


@strawberry.type(description="Something an actor said: a quote or clearly reported speech.")
class Statement(Node):
    text: str = strawberry.field(description="The words said.")
    date: dt.date | None = strawberry.field(description="When it was said, if known.")
    medium: str | None = strawberry.field(
        description="Where it was said, e.g. 'post on X', 'interview with Helsingin Sanomat'."
    )
    language: str = strawberry.field(description="Language of `text`.")
    confidence: float | None = strawberry.field(
        description="How sure newsgraph is of who said this, 0 to 1, from the evidence: a "
        "quotation with its speaker named beside it, a post signed by its author, reported "
        "speech, a speaker given by a pronoun or carried over from the paragraph before; and "
        "how many articles report it. Null for statements written before confidences were "
        "kept."
    )
    speaker_key: strawberry.Private[str | None]

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Statement:
        return cls(
            key=row["id"],
            text=row["text"],
            date=row.get("date"),
            medium=row.get("medium"),
            language=row.get("language") or "en",
            confidence=row.get("confidence"),
            speaker_key=row.get("speaker"),
        )

    @strawberry.field(description="Who said it.")
    async def speaker(self, info: ContextInfo) -> Actor | None:
        if self.speaker_key is None:
            return None
        row = await info.context.loaders.actor.load(self.speaker_key)
        return Actor.from_row(row) if row else None

    @strawberry.field(description="Topics it is about.")
    async def topics(self, info: ContextInfo) -> list[Topic]:
        loaders = info.context.loaders
        rows = await loaders.statement_topics.load(self.key)
        return await load_nodes(loaders.topic, [r["id"] for r in rows], Topic.from_row)

    @strawberry.field(description="Actors the statement names.")
    async def mentions(self, info: ContextInfo) -> list[Actor]:
        loaders = info.context.loaders
        rows = await loaders.statement_mentions.load(self.key)
        return await load_nodes(loaders.actor, [r["id"] for r in rows], Actor.from_row)

    @strawberry.field(
        description="The articles reporting these words, oldest first, each with its own "
        "wording: every one, or the oldest `first`.",
        graphql_type=list[Report],
    )
    def reports(
        self, info: ContextInfo, first: ReportsFirst = None
    ) -> list[Report] | Awaitable[list[Report]]:
        loaders = info.context.loaders
        return _reports_of(
            loaders, loaders.statement_reports, loaders.statement_first_reports, self.key, first
        )

    @strawberry.field(
        description="How many articles report these words (the length of `reports`), counted "
        "in the graph without loading them."
    )
    async def report_count(self, info: ContextInfo) -> int:
        return int(await info.context.loaders.statement_report_count.load(self.key) or 0)


@strawberry.type(description="A subject of diplomacy: security guarantees, ceasefire, ...")
class Topic(Node):
    name: str = strawberry.field(description="Topic name.")

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Topic:
        return cls(key=row["id"], name=row["name"])

    @strawberry.field(description="Articles about this topic, newest first.")
    async def articles(
        self, info: ContextInfo, first: First = DEFAULT_PAGE, after: After = None
    ) -> Connection[Article]:
        loaders = info.context.loaders
        return await owner_connection(
            loaders.topic_articles,
            self.key,
            loaders.article,
            Article.from_row,
            first,
            after,
            counted=wants_total(info),
        )

    @strawberry.field(description="Meetings about this topic, newest first.")
    async def meetings(
        self, info: ContextInfo, first: First = DEFAULT_PAGE, after: After = None
    ) -> Connection[Meeting]:
        loaders = info.context.loaders
        return await owner_connection(
            loaders.topic_meetings,
            self.key,
            loaders.meeting,
            Meeting.from_row,
            first,
            after,
            counted=wants_total(info),
        )

    @strawberry.field(description="Statements about this topic, newest first.")
    async def statements(
        self, info: ContextInfo, first: First = DEFAULT_PAGE, after: After = None
    ) -> Connection[Statement]:
        loaders = info.context.loaders
        return await owner_connection(
            loaders.topic_statements,
            self.key,
            loaders.statement,
            Statement.from_row,
            first,
            after,
            counted=wants_total(info),
        )


_BUILDERS: dict[str, tuple[str, Callable[[dict[str, Any]], Any]]] = {
    "Article": ("article", Article.from_row),
    "Actor": ("actor", Actor.from_row),
    "Meeting": ("meeting", Meeting.from_row),
    "Statement": ("statement", Statement.from_row),
    "Topic": ("topic", Topic.from_row),
}


async def build_node(loaders: Loaders, type_name: str, key: str) -> Node | None:
    """Load any node by its type name and key (None when unknown)."""
    entry = _BUILDERS.get(type_name)
    if entry is None:
        return None
    loader_name, build = entry
    row = await getattr(loaders, loader_name).load(key)
    return build(row) if row else None


async def meetings_page(
    info: ContextInfo,
    f: MeetingFilter,
    first: int | None,
    after: str | None,
    order: DateOrder | None,
) -> Connection[Meeting]:
    """A page of meetings, the root list's (``Actor.meetings`` with others uses it too)."""
    listing = await meetings_listing(info, f, order)
    page = await listing_connection(
        listing, info.context.loaders.meeting, Meeting.from_row, first, after
    )
    await prefetch_meetings(info, page)
    return page


async def meetings_listing(
    info: ContextInfo, f: MeetingFilter, order: DateOrder | None = None, root: str = "meetings"
) -> reads.Listing:
    """The meetings a filter selects, as the graph layer's list (pages, counts, aggregates)."""
    loaders = info.context.loaders
    people, where = await in_order(
        require_actors(loaders, list(f.participants or []), f"{root}(filter.participants)"),
        meeting_condition(loaders, f, f"{root}(filter)"),
    )
    return reads.meetings(
        info.context.store,
        direction(order),
        meeting_criteria(f, f"{root}(filter)"),
        cast(list[str], people),
        where=cast(Condition, where),
    )


async def statements_page(
    info: ContextInfo,
    f: StatementFilter,
    first: int | None,
    after: str | None,
    order: DateOrder | None,
) -> Connection[Statement]:
    """A page of statements, the root list's (``Actor.statements`` with a search uses it)."""
    listing = await statements_listing(info, f, order)
    page = await listing_connection(
        listing, info.context.loaders.statement, Statement.from_row, first, after
    )
    await prefetch_statements(info, page)
    return page


async def statements_listing(
    info: ContextInfo, f: StatementFilter, order: DateOrder | None = None, root: str = "statements"
) -> reads.Listing:
    """The statements a filter selects, as the graph layer's list (pages, counts, aggregates)."""
    loaders = info.context.loaders
    speaker = (
        await require_actor(loaders, f.speaker, f"{root}(filter.speaker)") if f.speaker else None
    )
    search = search_text(info, f.search, f"{root}(filter.search)")
    return reads.statements(
        info.context.store,
        direction(order),
        statement_criteria(f, f"{root}(filter)"),
        speaker=speaker,
        search=search,
        where=await statement_condition(loaders, f, f"{root}(filter)"),
    )


async def articles_listing(
    info: ContextInfo, f: ArticleFilter, order: DateOrder | None = None, root: str = "articles"
) -> reads.Listing:
    """The articles a filter selects, as the graph layer's list (pages, counts, aggregates)."""
    loaders = info.context.loaders
    mentions = await require_actors(loaders, list(f.mentions or []), f"{root}(filter.mentions)")
    publisher = (
        await require_actor(loaders, f.publisher, f"{root}(filter.publisher)")
        if f.publisher
        else None
    )
    return reads.articles(
        info.context.store,
        direction(order),
        publisher=publisher,
        mentions=mentions,
        from_day=day_number(f.from_),
        to_day=day_number(f.to),
        topic=topic_key(f.topic),
        search=search_text(info, f.search, f"{root}(filter.search)"),
        where=await article_condition(loaders, f, f"{root}(filter)"),
    )


# --- pages that load their items' lists at once -------------------------------------------
#
# A field resolved once per item of a page (each meeting's participants and reports) used to
# be a coroutine per item: each awaited its loader, and graphql-core wrapped each in a task
# to gather them. The loader batched the keys into one graph call, but the awaits, tasks and
# futures of 20 items cost more than that call. Now the page loads those lists for all its
# items in one go (the same batched calls the items would have made), and each item's field
# answers from the loader's cache without an await. A field under @skip or @include, or a
# value not in the cache, takes the old way.

_MISSING: Any = object()


def _ready(loader: DataLoader[Any, Any], key: Any) -> Any:
    """What ``loader`` holds for ``key`` if it is loaded and did not fail, else _MISSING."""
    future = loader.cache_map.get(key) if loader.cache else None
    if future is None or not future.done() or future.cancelled() or future.exception():
        return _MISSING
    return future.result()


def _primed_now(
    loader: DataLoader[str, Any], rows: Sequence[dict[str, Any]], key: str
) -> list[Any] | None:
    """``primed`` without an await: the nodes of ``rows`` if every one is at hand, else None."""
    for row in rows:
        if row.get("node") is not None:
            loader.prime(row[key], row["node"])
    found = [_ready(loader, row[key]) for row in rows]
    return None if any(item is _MISSING for item in found) else found


def _walk(
    selections: Iterable[Selection], path: tuple[str, ...], found: dict[str, list[SelectedField]]
) -> None:
    for selection in selections:
        if selection.directives:
            continue  # may not run at all: left to resolve on its own
        if not isinstance(selection, SelectedField):
            _walk(selection.selections, path, found)  # a fragment: its fields are ours
        elif not path:
            found.setdefault(selection.name, []).append(selection)
        elif selection.name == path[0]:
            _walk(selection.selections, path[1:], found)


def node_selections(info: ContextInfo) -> dict[str, list[SelectedField]]:
    """The fields a connection field selects on ``edges { node { ... } }``, as schema names,
    each with its selections (one per alias)."""
    found: dict[str, list[SelectedField]] = {}
    for selected in info.selected_fields:
        _walk(selected.selections, ("edges", "node"), found)
    return found


def _reports_firsts(selections: list[SelectedField]) -> set[int | None]:
    """The `first` of each selection of `reports` (None: every report); a value that is not a
    valid page size is left to the field's resolver, which reports it at its path."""
    firsts: set[int | None] = set()
    for selection in selections:
        value = selection.arguments.get("first")  # a literal comes as its source text
        try:
            firsts.add(None if value is None else reports_page(int(value)))
        except (BadInput, TypeError, ValueError):
            continue
    return firsts


async def _settle(waits: list[Awaitable[Any]]) -> None:
    # A failed load stays in the loader's future: the item's own field raises it, at its path,
    # as it did when it loaded it itself.
    if waits:
        await asyncio.gather(*waits, return_exceptions=True)


async def _load_lists(
    lists: DataLoader[Any, list[dict[str, Any]]],
    nodes: DataLoader[str, Any],
    keys: Sequence[Any],
    key: str,
) -> None:
    for rows in await lists.load_many(keys):
        for row in rows:
            if row.get("node") is not None:
                nodes.prime(row[key], row["node"])


async def _load_first_reports(
    firsts: DataLoader[tuple[str, int], list[dict[str, Any]]],
    counts: DataLoader[str, Any],
    articles: DataLoader[str, Any],
    pairs: list[tuple[str, int]],
) -> None:
    """The first reports of a page's items, and from the same rows their `reportCount`, which
    would otherwise be a graph call of its own."""
    for (key, first), rows in zip(pairs, await firsts.load_many(pairs), strict=True):
        for row in rows:
            if row.get("node") is not None:
                articles.prime(row["article"], row["node"])
        if rows:
            counts.prime(key, rows[0]["total"])
        elif first > 0:
            counts.prime(key, 0)  # asked for some and there were none


def _report_waits(
    loaders: Loaders,
    lists: tuple[DataLoader[str, list[dict[str, Any]]], DataLoader[tuple[str, int], Any]],
    counts: DataLoader[str, Any],
    keys: list[str],
    selections: list[SelectedField],
) -> list[Awaitable[Any]]:
    every, firsts = lists
    waits: list[Awaitable[Any]] = []
    for first in _reports_firsts(selections):
        if first is None:
            waits.append(_load_lists(every, loaders.article, keys, "article"))
        else:
            pairs = [(key, first) for key in keys]
            waits.append(_load_first_reports(firsts, counts, loaders.article, pairs))
    return waits


async def prefetch_meetings(info: ContextInfo, page: Connection[Meeting]) -> None:
    """Load the participants and reports of a page of meetings, if the query selects them."""
    if not page.edges:
        return
    wanted = node_selections(info)
    loaders = info.context.loaders
    keys = [edge.node.key for edge in page.edges]
    waits: list[Awaitable[Any]] = []
    if "participants" in wanted:
        waits.append(_load_lists(loaders.participants, loaders.actor, keys, "actor"))
    if "reports" in wanted:
        lists = (loaders.meeting_reports, loaders.meeting_first_reports)
        counts = loaders.meeting_report_count
        waits += _report_waits(loaders, lists, counts, keys, wanted["reports"])
    await _settle(waits)


async def prefetch_statements(info: ContextInfo, page: Connection[Statement]) -> None:
    """Load the reports of a page of statements, if the query selects them."""
    if not page.edges:
        return
    wanted = node_selections(info)
    if "reports" not in wanted:
        return
    loaders = info.context.loaders
    keys = [edge.node.key for edge in page.edges]
    lists = (loaders.statement_reports, loaders.statement_first_reports)
    counts = loaders.statement_report_count
    await _settle(_report_waits(loaders, lists, counts, keys, wanted["reports"]))
