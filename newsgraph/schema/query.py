"""The query root: entry points into the graph."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Annotated, Any

import strawberry

from newsgraph.graph import reads
from newsgraph.graph.maintenance import node_counts
from newsgraph.graph.rows import day_number
from newsgraph.schema.arguments import (
    actor_key,
    in_order,
    require_actor,
    search_text,
)
from newsgraph.schema.context import ContextInfo, Loaders
from newsgraph.schema.inputs import (
    DATE_ORDERS,
    ActorFilterArg,
    ArticleFilter,
    ArticleFilterArg,
    DateOrder,
    MeetingFilter,
    MeetingFilterArg,
    SearchType,
    StatementFilter,
    StatementFilterArg,
)
from newsgraph.schema.paging import connection, listing_connection, load_nodes
from newsgraph.schema.relay import (
    DEFAULT_PAGE,
    After,
    BadInput,
    Connection,
    Edge,
    First,
    decode_cursor,
    decode_global_id,
    encode_cursor,
    page_size,
)
from newsgraph.schema.search import GRAMMAR, SEARCH
from newsgraph.schema.stats import ArticleStats, MeetingStats, StatementStats
from newsgraph.schema.types import (
    Actor,
    Article,
    Meeting,
    Node,
    Statement,
    Topic,
    articles_listing,
    build_node,
    meetings_listing,
    meetings_page,
    statements_listing,
    statements_page,
)

__all__ = ["Query"]

MAX_HOPS = 6

Order = Annotated[
    DateOrder | None, strawberry.argument(description="The order; newest first unless given.")
]
NodeId = Annotated[strawberry.ID, strawberry.argument(description="A global id.")]
OptionalId = Annotated[
    strawberry.ID | None, strawberry.argument(description="A global id (or give the other).")
]


@strawberry.type(description="How much the graph holds.")
class Stats:
    articles: int = strawberry.field(description="Articles loaded.")
    actors: int = strawberry.field(description="People, countries, organisations and media.")
    meetings: int = strawberry.field(description="Meetings, calls and visits.")
    statements: int = strawberry.field(description="Statements attributed to a speaker.")
    topics: int = strawberry.field(description="Topics.")


@strawberry.type(description="One search result and how well it matches.")
class SearchHit:
    score: float = strawberry.field(description="Relevance given by the full-text index.")
    node: Node = strawberry.field(description="The article, statement or actor found.")


@strawberry.type(description="One link of a path: two nodes and the relationship joining them.")
class PathStep:
    source: Node = strawberry.field(name="from", description="Where this step starts.")
    relationship: str = strawberry.field(
        description="Relationship type, e.g. PARTICIPATED_IN, MENTIONS, REPORTS, SAID."
    )
    target: Node = strawberry.field(name="to", description="Where this step ends.")
    forward: bool = strawberry.field(
        description="True when the relationship points from `from` to `to` in the graph."
    )


@strawberry.type(description="The shortest connection found between two actors.")
class Path:
    length: int = strawberry.field(description="Number of steps.")
    nodes: list[Node] = strawberry.field(description="Every node on the path, in order.")
    steps: list[PathStep] = strawberry.field(description="The steps, in order.")


TimelineItem = Annotated[
    Meeting | Statement | Article,
    strawberry.union("TimelineItem", description="A meeting, a statement or an article."),
]


def _prime(loaders: Loaders, type_name: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Fill the by-id loader of ``type_name`` with the nodes a statement returned beside its
    ids, so building the objects asks the graph nothing more."""
    loader = getattr(loaders, type_name.lower())
    for row in rows:
        if row.get("node") is not None:
            loader.prime(row["id"], row["node"])


_KIND_OF: dict[SearchType, reads.SearchKind] = {
    SearchType.ARTICLE: "Article",
    SearchType.STATEMENT: "Statement",
    SearchType.ACTOR: "Actor",
}


@strawberry.type(description="Read the news graph.")
class Query:
    @strawberry.field(description="Any object by its global id.")
    async def node(self, info: ContextInfo, id: NodeId) -> Node | None:
        type_name, key = decode_global_id(id)
        return await build_node(info.context.loaders, type_name, key)

    @strawberry.field(description="Several objects by global id, in the order asked.")
    async def nodes(
        self,
        info: ContextInfo,
        ids: Annotated[list[strawberry.ID], strawberry.argument(description="Up to 100 ids.")],
    ) -> list[Node | None]:
        # The operation limits refuse longer lists before anything runs; this holds without them.
        if len(ids) > info.context.max_list_items:
            raise BadInput(f"`ids` takes at most {info.context.max_list_items} ids")
        decoded = [decode_global_id(value) for value in ids]
        loaders = info.context.loaders
        return list(await asyncio.gather(*(build_node(loaders, t, k) for t, k in decoded)))

    @strawberry.field(description="Counts of what the graph holds.")
    async def stats(self, info: ContextInfo) -> Stats:
        counts = await node_counts(info.context.store)
        return Stats(**counts)

    @strawberry.field(description="One article, by global id or by URL.")
    async def article(
        self,
        info: ContextInfo,
        id: OptionalId = None,
        url: Annotated[str | None, strawberry.argument(description="Its URL.")] = None,
    ) -> Article | None:
        loaders = info.context.loaders
        if (id is None) == (url is None):
            raise BadInput("give exactly one of `id` or `url`")
        if id is not None:
            type_name, key = decode_global_id(id)
            if type_name != "Article":
                return None
        else:
            assert url is not None
            found = await loaders.article_by_url.load(url)
            if found is None:
                return None
            key = str(found)
        row = await loaders.article.load(key)
        return Article.from_row(row) if row else None

    @strawberry.field(description="Articles, newest first unless `orderBy` says otherwise.")
    async def articles(
        self,
        info: ContextInfo,
        filter: ArticleFilterArg = None,
        first: First = DEFAULT_PAGE,
        after: After = None,
        order_by: Order = None,
    ) -> Connection[Article]:
        order = order_by or DateOrder.DATE_DESC
        if order not in DATE_ORDERS:
            raise BadInput(
                f"articles(orderBy): articles are ordered by date only (DATE_DESC or "
                f"DATE_ASC), not {order.name}"
            )
        listing = await articles_listing(info, filter or ArticleFilter(), order)
        return await listing_connection(
            listing, info.context.loaders.article, Article.from_row, first, after
        )

    @strawberry.field(
        description="One actor, by global id or by name — canonical or any alias, any case."
    )
    async def actor(
        self,
        info: ContextInfo,
        id: OptionalId = None,
        name: Annotated[
            str | None,
            strawberry.argument(description="Canonical name or any alias, any case."),
        ] = None,
    ) -> Actor | None:
        loaders = info.context.loaders
        if (id is None) == (name is None):
            raise BadInput("give exactly one of `id` or `name`")
        key = await actor_key(loaders, str(id if id is not None else name))
        if key is None:
            return None
        row = await loaders.actor.load(key)
        return Actor.from_row(row) if row else None

    @strawberry.field(description="Actors, alphabetically.")
    async def actors(
        self,
        info: ContextInfo,
        filter: ActorFilterArg = None,
        first: First = DEFAULT_PAGE,
        after: After = None,
    ) -> Connection[Actor]:
        listing = reads.actors(
            info.context.store,
            kind=filter.kind.value if filter and filter.kind else None,
            name=filter.name if filter else None,
        )
        return await listing_connection(
            listing, info.context.loaders.actor, Actor.from_row, first, after
        )

    @strawberry.field(description="One meeting by global id.")
    async def meeting(self, info: ContextInfo, id: NodeId) -> Meeting | None:
        type_name, key = decode_global_id(id)
        if type_name != "Meeting":
            return None
        row = await info.context.loaders.meeting.load(key)
        return Meeting.from_row(row) if row else None

    @strawberry.field(description="Meetings, newest first (undated last) unless `orderBy` says.")
    async def meetings(
        self,
        info: ContextInfo,
        filter: MeetingFilterArg = None,
        first: First = DEFAULT_PAGE,
        after: After = None,
        order_by: Order = None,
    ) -> Connection[Meeting]:
        return await meetings_page(info, filter or MeetingFilter(), first, after, order_by)

    @strawberry.field(description="Statements, newest first (undated last) unless `orderBy` says.")
    async def statements(
        self,
        info: ContextInfo,
        filter: StatementFilterArg = None,
        first: First = DEFAULT_PAGE,
        after: After = None,
        order_by: Order = None,
    ) -> Connection[Statement]:
        return await statements_page(info, filter or StatementFilter(), first, after, order_by)

    @strawberry.field(
        description="Counts over the meetings `filter` selects (the filter of `meetings`): "
        "how many, per period, mode and status, and who met most."
    )
    async def meeting_stats(
        self, info: ContextInfo, filter: MeetingFilterArg = None
    ) -> MeetingStats:
        root = "meetingStats"
        return MeetingStats(
            listing=await meetings_listing(info, filter or MeetingFilter(), None, root)
        )

    @strawberry.field(
        description="Counts over the statements `filter` selects (the filter of `statements`): "
        "how many, per period, topic and medium, and who spoke most."
    )
    async def statement_stats(
        self, info: ContextInfo, filter: StatementFilterArg = None
    ) -> StatementStats:
        root = "statementStats"
        f = filter or StatementFilter()
        return StatementStats(listing=await statements_listing(info, f, None, root))

    @strawberry.field(
        description="Counts over the articles `filter` selects (the filter of `articles`): how "
        "many, per period of publication and per outlet."
    )
    async def article_stats(
        self, info: ContextInfo, filter: ArticleFilterArg = None
    ) -> ArticleStats:
        root = "articleStats"
        f = filter or ArticleFilter()
        return ArticleStats(listing=await articles_listing(info, f, None, root))

    @strawberry.field(description="Every topic, alphabetically.")
    async def topics(self, info: ContextInfo) -> list[Topic]:
        ids = await reads.all_topics(info.context.store)
        return await load_nodes(info.context.loaders.topic, ids, Topic.from_row)

    @strawberry.field(
        description="Full-text search across articles, statements and actors, best first."
    )
    async def search(
        self,
        info: ContextInfo,
        query: Annotated[
            str, strawberry.argument(description=f"What to look for. {GRAMMAR}", metadata=SEARCH)
        ],
        types: Annotated[
            list[SearchType] | None,
            strawberry.argument(description="Where to look; everywhere unless given."),
        ] = None,
        first: First = DEFAULT_PAGE,
    ) -> list[SearchHit]:
        text = search_text(info, query, "search(query)")
        if text is None:
            raise BadInput("`query` is empty")
        size = page_size(first)
        store, loaders = info.context.store, info.context.loaders
        kinds = [_KIND_OF[kind] for kind in dict.fromkeys(types or list(SearchType))]
        # The indexes are asked at once, not one after the other.
        answers = await in_order(*(reads.search(store, kind, text, size) for kind in kinds))
        hits: list[tuple[float, str, str]] = []
        for kind, rows in zip(kinds, answers, strict=True):
            _prime(loaders, kind, rows)
            hits += [(float(row["score"]), kind, row["id"]) for row in rows]
        # Scores of different indexes are not on one scale, but within each they rank; mixing
        # them by score still puts each index's best hits first.
        hits.sort(key=lambda hit: (-hit[0], hit[1], hit[2]))
        hits = hits[:size]
        nodes = await asyncio.gather(*(build_node(loaders, t, k) for _s, t, k in hits))
        return [
            SearchHit(score=score, node=node)
            for (score, _t, _k), node in zip(hits, nodes, strict=True)
            if node is not None
        ]

    @strawberry.field(
        description="The shortest connection between two actors through meetings, statements "
        "and articles (null when none within `maxHops`)."
    )
    async def path(
        self,
        info: ContextInfo,
        from_: Annotated[str, strawberry.argument(name="from", description="Name or id.")],
        to: Annotated[str, strawberry.argument(description="Name or id.")],
        max_hops: Annotated[
            int, strawberry.argument(description=f"At most {MAX_HOPS} steps.")
        ] = MAX_HOPS,
    ) -> Path | None:
        if not 1 <= max_hops <= MAX_HOPS:
            raise BadInput(f"`maxHops` must be between 1 and {MAX_HOPS}, got {max_hops}")
        loaders = info.context.loaders
        source, target = await in_order(
            require_actor(loaders, from_, "path(from)"), require_actor(loaders, to, "path(to)")
        )
        if source == target:
            node = await build_node(loaders, "Actor", source)
            return Path(length=0, nodes=[node] if node else [], steps=[])
        found = await reads.shortest_path(info.context.store, source, target)
        if found is None or len(found.steps) > max_hops:
            return None
        built = await asyncio.gather(*(build_node(loaders, t, k) for t, k in found.nodes))
        nodes = [node for node in built if node is not None]
        if len(nodes) < len(built):
            return None
        steps = [
            PathStep(source=nodes[i], relationship=kind, target=nodes[i + 1], forward=forward)
            for i, (kind, forward) in enumerate(found.steps)
        ]
        return Path(length=len(steps), nodes=nodes, steps=steps)

    @strawberry.field(
        description="An actor's meetings, statements and the articles naming them, oldest "
        "first; undated items come last."
    )
    async def timeline(
        self,
        info: ContextInfo,
        actor: Annotated[str, strawberry.argument(description="Name, alias or id.")],
        from_: Annotated[
            dt.date | None, strawberry.argument(name="from", description="On or after.")
        ] = None,
        to: Annotated[dt.date | None, strawberry.argument(description="On or before.")] = None,
        first: First = DEFAULT_PAGE,
        after: After = None,
    ) -> Connection[TimelineItem]:
        store, loaders = info.context.store, info.context.loaders
        key = await require_actor(loaders, actor, "timeline(actor)")
        size = page_size(first)
        cursor = decode_cursor(after)
        from_day, to_day = day_number(from_), day_number(to)
        rows, more, known = await reads.timeline(store, key, from_day, to_day, cursor, size)
        for kind in ("Meeting", "Statement", "Article"):
            _prime(loaders, kind, [row for row in rows if row["kind"] == kind])
        nodes = await asyncio.gather(*(build_node(loaders, r["kind"], r["id"]) for r in rows))
        edges: list[Edge[TimelineItem]] = [
            Edge(cursor=encode_cursor(row["sk"]), node=node)  # type: ignore[arg-type]
            for row, node in zip(rows, nodes, strict=True)
            if node is not None
        ]

        async def total() -> int:
            if known is not None:
                return known
            return await reads.timeline_total(store, key, from_day, to_day)

        return connection(edges, more, cursor, total)
