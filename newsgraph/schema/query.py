"""The query root: entry points into the graph."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Awaitable
from typing import Annotated, Any, TypeVar, cast

import strawberry

from newsgraph.graph import cypher
from newsgraph.graph.cypher import Statement as CypherStatement
from newsgraph.graph.errors import GraphQueryError
from newsgraph.graph.maintenance import node_counts
from newsgraph.graph.store import Store
from newsgraph.ingest.resolve.ids import topic_id
from newsgraph.schema.context import Loaders
from newsgraph.schema.inputs import (
    ActorFilterArg,
    ArticleFilter,
    ArticleFilterArg,
    DateOrder,
    MeetingFilter,
    MeetingFilterArg,
    SearchType,
    StatementFilter,
    StatementFilterArg,
    confidence_floor,
)
from newsgraph.schema.relay import (
    DEFAULT_PAGE,
    After,
    BadInput,
    Connection,
    Edge,
    First,
    PageInfo,
    decode_cursor,
    decode_global_id,
    encode_cursor,
    page_size,
)
from newsgraph.schema.search import GRAMMAR, SEARCH, parse_search
from newsgraph.schema.types import (
    Actor,
    Article,
    ContextInfo,
    Meeting,
    Node,
    Statement,
    Topic,
    _builder,
    _nodes,
    _page,
    build_node,
)

__all__ = ["Query", "meetings_page", "statements_page"]

MAX_HOPS = 6

T = TypeVar("T")

Order = Annotated[
    DateOrder | None, strawberry.argument(description="Date order; newest first unless given.")
]
NodeId = Annotated[strawberry.ID, strawberry.argument(description="A global id.")]
OptionalId = Annotated[
    strawberry.ID | None, strawberry.argument(description="A global id (or give the other).")
]


class BadSearch(BadInput):
    """The full-text engine could not parse a search string."""


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


async def _actor_key(loaders: Loaders, ref: str) -> str | None:
    """An actor's key from a global id, or from a name or alias (case-insensitive)."""
    try:
        type_name, key = decode_global_id(ref)
    except BadInput:
        pass
    else:
        if type_name == "Actor":
            return key
    found = await loaders.actor_by_name.load(ref.strip().lower())
    if found is None:
        return None
    # The lookup answered the actor itself: showing it needs no second round trip.
    loaders.actor.prime(found["id"], found)
    return str(found["id"])


async def _require_actor(loaders: Loaders, ref: str, what: str) -> str:
    key = await _actor_key(loaders, ref)
    if key is None:
        raise BadInput(f"{what}: no actor is named {ref!r}")
    return key


async def _in_order(*calls: Awaitable[T]) -> list[T]:
    """Await ``calls`` together (their DataLoader lookups share one round trip, their graph
    calls overlap); the first failure in the order given is the one raised, as when they ran
    one after the other."""
    found = await asyncio.gather(*calls, return_exceptions=True)
    for item in found:
        if isinstance(item, BaseException):
            raise item
    return cast(list[T], found)


async def _require_actors(loaders: Loaders, refs: list[str], what: str) -> list[str]:
    return await _in_order(*(_require_actor(loaders, ref, what) for ref in refs))


def _prime(loaders: Loaders, type_name: str, rows: list[dict[str, Any]]) -> None:
    """Fill the by-id loader of ``type_name`` with the nodes a statement returned beside its
    ids, so building the objects asks the graph nothing more."""
    loader = getattr(loaders, type_name.lower())
    for row in rows:
        if row.get("node") is not None:
            loader.prime(row["id"], row["node"])


def _topic_key(name: str | None) -> str | None:
    return topic_id(name) if name else None


def _day_number(value: dt.date | None) -> int | None:
    # Date filters compare day numbers, never dates (see newsgraph/graph/cypher.py).
    return value.toordinal() if value else None


def _search_text(info: ContextInfo, text: str | None, where: str) -> str | None:
    """What the full-text engine is given for a search argument (None: blank, no search).

    Every field that takes a search comes through here, so one grammar and one set of bounds
    (the context's, from the settings) applies to all of them; the operation limits already
    refused any search that fails them before the operation ran.
    """
    if text is None:
        return None
    found = parse_search(text, info.context.search, where)
    return found.text if found is not None else None


def _fetcher(store: Store, statement: CypherStatement, params: dict[str, Any]) -> Any:
    async def fetch(cursor: str | None, size: int) -> tuple[list[dict[str, Any]], bool]:
        try:
            rows = await store.read(statement, {**params, "after": cursor, "first": size + 1})
        except GraphQueryError as exc:
            if params.get("search") is not None:
                message = f"the search {params['search']!r} is not valid: {exc.message}"
                raise BadSearch(message) from exc
            raise
        return rows, len(rows) > size

    return fetch


def _counter(store: Store, statement: CypherStatement, params: dict[str, Any]) -> Any:
    async def total() -> int:
        rows = await store.read(statement, params)
        return int(rows[0]["total"]) if rows else 0

    return total


async def _list_page(
    info: ContextInfo,
    pages: dict[str, CypherStatement],
    params: dict[str, Any],
    build_node_of: Any,
    loader: Any,
    first: int | None,
    after: str | None,
    order: DateOrder | None,
) -> Connection[Any]:
    store = info.context.store
    direction = (order or DateOrder.DATE_DESC).value

    return await _page(
        _fetcher(store, pages[direction], params),
        _builder(loader, build_node_of),
        _counter(store, pages["COUNT"], params),
        first,
        after,
    )


async def meetings_page(
    info: ContextInfo,
    f: MeetingFilter,
    first: int | None,
    after: str | None,
    order: DateOrder | None,
) -> Connection[Meeting]:
    loaders = info.context.loaders
    people = await _require_actors(
        loaders, list(f.participants or []), "meetings(filter.participants)"
    )
    params = {
        "participants": sorted(set(people)),
        "from": _day_number(f.from_),
        "to": _day_number(f.to),
        "mode": f.mode.value if f.mode else None,
        "status": f.status.value if f.status else None,
        "topic": _topic_key(f.topic),
        "min_confidence": confidence_floor(f.min_confidence, "meetings(filter)"),
    }
    pages = cypher.MEETING_PAGES_WITH if people else cypher.MEETING_PAGES
    return await _list_page(
        info, pages, params, Meeting.from_row, loaders.meeting, first, after, order
    )


async def statements_page(
    info: ContextInfo,
    f: StatementFilter,
    first: int | None,
    after: str | None,
    order: DateOrder | None,
) -> Connection[Statement]:
    loaders = info.context.loaders
    speaker = (
        await _require_actor(loaders, f.speaker, "statements(filter.speaker)")
        if f.speaker
        else None
    )
    search = _search_text(info, f.search, "statements(filter.search)")
    params = {
        "speaker": speaker,
        "topic": _topic_key(f.topic),
        "from": _day_number(f.from_),
        "to": _day_number(f.to),
        "search": search,
        "min_confidence": confidence_floor(f.min_confidence, "statements(filter)"),
    }
    if search:
        pages = cypher.STATEMENT_PAGES_SEARCH
    elif speaker:
        pages = cypher.STATEMENT_PAGES_BY
    else:
        pages = cypher.STATEMENT_PAGES
    return await _list_page(
        info, pages, params, Statement.from_row, loaders.statement, first, after, order
    )


_SEARCHES = {
    SearchType.ARTICLE: cypher.SEARCH_ARTICLES,
    SearchType.STATEMENT: cypher.SEARCH_STATEMENTS,
    SearchType.ACTOR: cypher.SEARCH_ACTORS,
}
_TYPE_OF = {
    SearchType.ARTICLE: "Article",
    SearchType.STATEMENT: "Statement",
    SearchType.ACTOR: "Actor",
}
_NODE_LABELS = ("Article", "Actor", "Meeting", "Statement", "Topic")


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
        loaders = info.context.loaders
        f = filter or ArticleFilter()
        mentions = await _require_actors(
            loaders, list(f.mentions or []), "articles(filter.mentions)"
        )
        publisher = (
            await _require_actor(loaders, f.publisher, "articles(filter.publisher)")
            if f.publisher
            else None
        )
        search = _search_text(info, f.search, "articles(filter.search)")
        params = {
            "publisher": publisher,
            "from": _day_number(f.from_),
            "to": _day_number(f.to),
            "mentions": sorted(set(mentions)),
            "topic": _topic_key(f.topic),
            "search": search,
        }
        if search:
            pages = cypher.ARTICLE_PAGES_SEARCH
        elif mentions:
            pages = cypher.ARTICLE_PAGES_MENTIONING
        else:
            pages = cypher.ARTICLE_PAGES
        return await _list_page(
            info, pages, params, Article.from_row, loaders.article, first, after, order_by
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
        key = await _actor_key(loaders, str(id if id is not None else name))
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
        params = {
            "kind": filter.kind.value if filter and filter.kind else None,
            "name": filter.name.lower() if filter and filter.name else None,
        }
        return await _list_page(
            info,
            cypher.ACTOR_PAGES,
            params,
            Actor.from_row,
            info.context.loaders.actor,
            first,
            after,
            DateOrder.DATE_ASC,
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

    @strawberry.field(description="Every topic, alphabetically.")
    async def topics(self, info: ContextInfo) -> list[Topic]:
        rows = await info.context.store.read(cypher.ALL_TOPICS)
        loader = info.context.loaders.topic
        return await _nodes(loader, [row["id"] for row in rows], Topic.from_row)

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
        text = _search_text(info, query, "search(query)")
        if text is None:
            raise BadInput("`query` is empty")
        size = page_size(first)
        store, loaders = info.context.store, info.context.loaders
        kinds = list(dict.fromkeys(types or list(SearchType)))

        async def look(kind: SearchType) -> list[dict[str, Any]]:
            try:
                return await store.read(_SEARCHES[kind], {"query": text, "first": size})
            except GraphQueryError as exc:
                raise BadSearch(f"the search {text!r} is not valid: {exc.message}") from exc

        # The indexes are asked at once, not one after the other.
        answers = await _in_order(*(look(kind) for kind in kinds))
        hits: list[tuple[float, str, str]] = []
        for kind, rows in zip(kinds, answers, strict=True):
            _prime(loaders, _TYPE_OF[kind], rows)
            hits += [(float(row["score"]), _TYPE_OF[kind], row["id"]) for row in rows]
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
        source, target = await _in_order(
            _require_actor(loaders, from_, "path(from)"), _require_actor(loaders, to, "path(to)")
        )
        if source == target:
            node = await build_node(loaders, "Actor", source)
            return Path(length=0, nodes=[node] if node else [], steps=[])
        rows = await info.context.store.read(cypher.SHORTEST_PATH, {"from": source, "to": target})
        if not rows or len(rows[0]["relationships"]) > max_hops:
            return None
        found = rows[0]
        keys = [
            (next(label for label in _NODE_LABELS if label in n["labels"]), n["id"])
            for n in found["nodes"]
        ]
        nodes = list(await asyncio.gather(*(build_node(loaders, t, k) for t, k in keys)))
        if any(node is None for node in nodes):
            return None
        steps = [
            PathStep(
                source=nodes[i],  # type: ignore[arg-type]
                relationship=rel["type"],
                target=nodes[i + 1],  # type: ignore[arg-type]
                forward=rel["start"] == keys[i][1],
            )
            for i, rel in enumerate(found["relationships"])
        ]
        return Path(length=len(steps), nodes=nodes, steps=steps)  # type: ignore[arg-type]

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
        key = await _require_actor(loaders, actor, "timeline(actor)")
        size = page_size(first)
        cursor = decode_cursor(after)
        params = {"actor": key, "from": _day_number(from_), "to": _day_number(to)}
        rows = await store.read(
            cypher.TIMELINE_PAGE, {**params, "after": cursor, "first": size + 1}
        )
        for kind in ("Meeting", "Statement", "Article"):
            _prime(loaders, kind, [row for row in rows if row["kind"] == kind])
        rows.sort(key=lambda row: str(row["sk"]))
        more = len(rows) > size
        rows = rows[:size]
        nodes = await asyncio.gather(*(build_node(loaders, r["kind"], r["id"]) for r in rows))
        edges: list[Edge[TimelineItem]] = [
            Edge(cursor=encode_cursor(row["sk"]), node=node)  # type: ignore[arg-type]
            for row, node in zip(rows, nodes, strict=True)
            if node is not None
        ]

        async def total() -> int:
            counted = await store.read(cypher.TIMELINE_COUNT, params)
            return int(counted[0]["total"]) if counted else 0

        info_ = PageInfo(
            has_next_page=more,
            has_previous_page=cursor is not None,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        )
        return Connection(edges=edges, page_info=info_, total=total)
