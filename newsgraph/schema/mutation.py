"""The mutation root: ingest articles and correct actors, behind an API key.

Expected failures (bad input, an unknown id) are results in a union, so clients handle them
with their types; a missing or wrong key is an `UNAUTHENTICATED` error and changes nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from typing import Annotated, Any

import strawberry
from pydantic import ValidationError
from strawberry.permission import BasePermission

from newsgraph.graph import corrections
from newsgraph.graph.corrections import ActorChange, Missing, Refused
from newsgraph.ingest.extract.article import ExtractionError, extract
from newsgraph.ingest.extract.reference import Reference
from newsgraph.ingest.model import ExtractedArticle, SourceDocument
from newsgraph.ingest.sources.fetch import Fetcher, FetchLimits
from newsgraph.ingest.sources.files import SourceError
from newsgraph.ingest.sources.html import read_html
from newsgraph.ingest.sources.web import sniff
from newsgraph.ingest.write.writer import ArticleWriter
from newsgraph.schema.context import ContextInfo
from newsgraph.schema.inputs import ActorInput, ArticleInput
from newsgraph.schema.relay import BadInput, decode_global_id
from newsgraph.schema.types import Actor, Article

__all__ = ["MAX_BODY_CHARS", "MAX_HTML_CHARS", "MAX_TITLE_CHARS", "Mutation"]

# One extraction at a time per process: the pipeline's model is shared, and spaCy does not
# promise that one pipeline may run in two threads at once.
_EXTRACTING = threading.Lock()


def _extract_one(document: SourceDocument, reference: Reference) -> list[ExtractedArticle]:
    with _EXTRACTING:
        return extract(document, reference)


MAX_BODY_CHARS = 200_000
MAX_TITLE_CHARS = 500
# A page is its text and the markup around it; the request body's own limit
# (NEWSGRAPH_MAX_BODY_BYTES, 1 MB) comes first unless raised.
MAX_HTML_CHARS = 5_000_000
_ORIGIN = "ingestArticle(input)"


class CanWrite(BasePermission):
    message = (
        "this mutation needs a valid API key in `Authorization: Bearer <key>` "
        "(writes are off when the server has no NEWSGRAPH_API_KEYS)"
    )
    error_extensions = {"code": "UNAUTHENTICATED"}

    def has_permission(self, source: Any, info: ContextInfo, **kwargs: Any) -> bool:
        return bool(info.context.authenticated)


@strawberry.type(description="Counts of nodes one write created or updated.")
class NodeCounts:
    articles: int = strawberry.field(description="Articles.")
    actors: int = strawberry.field(description="Actors.")
    meetings: int = strawberry.field(description="Meetings.")
    statements: int = strawberry.field(description="Statements.")

    @classmethod
    def of(cls, counts: dict[str, int]) -> NodeCounts:
        return cls(**counts)


@strawberry.type(description="The article was loaded.")
class Ingested:
    article: Article = strawberry.field(description="The article as stored.")
    created: NodeCounts = strawberry.field(description="What was new to the graph.")
    updated: NodeCounts = strawberry.field(description="What the graph had and was updated.")


@strawberry.type(description="The input was refused; nothing was written.")
class InvalidInput:
    message: str = strawberry.field(description="What is wrong.")
    field: str | None = strawberry.field(description="The input field at fault, if one is.")


@strawberry.type(description="No object has this id.")
class NotFound:
    message: str = strawberry.field(description="What was not found.")
    id: strawberry.ID = strawberry.field(description="The id asked for.")


@strawberry.type(description="The actor after the change.")
class ActorChanged:
    actor: Actor = strawberry.field(description="The actor as stored now.")


@strawberry.type(description="The article and the facts only it reported are gone.")
class ArticleDeleted:
    id: strawberry.ID = strawberry.field(description="The deleted article's id.")
    meetings_removed: int = strawberry.field(description="Meetings no other article reported.")
    statements_removed: int = strawberry.field(description="Statements no other article reported.")


IngestResult = Annotated[
    Ingested | InvalidInput, strawberry.union("IngestResult", description="Loaded or refused.")
]
ActorResult = Annotated[
    ActorChanged | NotFound | InvalidInput,
    strawberry.union("ActorResult", description="Changed, not found, or refused."),
]
DeleteResult = Annotated[
    ArticleDeleted | NotFound, strawberry.union("DeleteResult", description="Deleted or not found.")
]


ActorId = Annotated[strawberry.ID, strawberry.argument(description="The actor's global id.")]


def _key_of(value: str, type_name: str) -> str | None:
    try:
        found_type, key = decode_global_id(value)
    except BadInput:
        return None
    return key if found_type == type_name else None


async def _fresh_actor(info: ContextInfo, key: str) -> Any:
    """The actor as stored now: a cached copy from earlier in the request would be stale."""
    loader = info.context.loaders.actor
    with contextlib.suppress(KeyError):
        loader.clear(key)
    return await loader.load(key)


def _refusal(outcome: Missing | Refused, ids: dict[str, strawberry.ID]) -> NotFound | InvalidInput:
    if isinstance(outcome, Missing):
        return NotFound(message=outcome.message, id=ids[outcome.argument])
    return InvalidInput(message=outcome.message, field=outcome.field)


def _source_field(input: ArticleInput) -> str:
    """The input field the article's text came from."""
    if input.body is not None:
        return "body"
    return "html" if input.html is not None else "url"


def _text_document(input: ArticleInput, body: str) -> SourceDocument | InvalidInput:
    if not body.strip():
        return InvalidInput(message="`body` is empty", field="body")
    if len(body) > MAX_BODY_CHARS:
        return InvalidInput(
            message=f"`body` is longer than {MAX_BODY_CHARS:,} characters", field="body"
        )
    return _with_input(SourceDocument(origin=_ORIGIN, body=body), input)


def _with_input(document: SourceDocument, input: ArticleInput) -> SourceDocument:
    """The document with what the client said about it: given fields win over the page's."""
    given = {
        "title": input.title,
        "url": input.url,
        "publisher": input.publisher,
        "published": input.published,
        "language": input.language,
    }
    return document.model_copy(update={k: v for k, v in given.items() if v is not None})


async def _source_document(
    input: ArticleInput, limits: FetchLimits | None
) -> SourceDocument | InvalidInput:
    """The article the input gives: its text, its page read, or its URL fetched and read."""
    if input.body is not None and input.html is not None:
        return InvalidInput(message="give `body` or `html`, not both", field="html")
    if input.body is not None:
        return _text_document(input, input.body)
    if input.html is not None:
        if not input.html.strip():
            return InvalidInput(message="`html` is empty", field="html")
        if len(input.html) > MAX_HTML_CHARS:
            return InvalidInput(
                message=f"`html` is longer than {MAX_HTML_CHARS:,} characters", field="html"
            )
        try:
            # trafilatura parses the page: tens of milliseconds, off the event loop.
            page = await asyncio.to_thread(read_html, input.html, origin=_ORIGIN, url=input.url)
        except SourceError as exc:
            return InvalidInput(message=f"`html`: {exc.problem}", field="html")
        return _with_input(page, input)
    if input.url is None or not input.url.strip():
        return InvalidInput(
            message="no article: give its text as `body`, its page as `html`, or a `url` to fetch",
            field="body",
        )
    try:
        page = await _fetch_page(input.url.strip(), limits or FetchLimits())
    except SourceError as exc:
        return InvalidInput(message=str(exc), field="url")
    return _with_input(page, input)


async def _fetch_page(url: str, limits: FetchLimits) -> SourceDocument:
    """The article page at ``url``; a feed is refused, as this mutation writes one article."""
    async with Fetcher(limits) as fetcher:
        fetched = await fetcher.fetch(url)
    if sniff(fetched) == "feed":
        raise SourceError(
            url,
            "is a feed, not an article page: ingestArticle takes one article; load a feed's "
            "entries with `newsgraph load URL` or keep up with it with `newsgraph watch`",
        )
    return await asyncio.to_thread(read_html, fetched.content, origin=url, url=fetched.final_url)


@strawberry.type(description="Change the graph. Every mutation needs an API key.")
class Mutation:
    @strawberry.mutation(
        description="Run the loader pipeline on one article, given as text (`body`), as its "
        "HTML page (`html`) or as a `url` to fetch: extract its actors, meetings and "
        "statements and write them, merging with what the graph already holds.",
        permission_classes=[CanWrite],
    )
    async def ingest_article(
        self,
        info: ContextInfo,
        input: Annotated[ArticleInput, strawberry.argument(description="The article.")],
    ) -> IngestResult:
        if input.title is not None and len(input.title) > MAX_TITLE_CHARS:
            return InvalidInput(
                message=f"`title` is longer than {MAX_TITLE_CHARS} characters", field="title"
            )
        try:
            document = await _source_document(input, info.context.fetch_limits)
            if isinstance(document, InvalidInput):
                return document
            # Off the event loop: the statistical pipeline takes tens of milliseconds an
            # article (and loads its model, a second or two, on first use).
            articles = await asyncio.to_thread(_extract_one, document, info.context.reference)
        except ExtractionError as exc:
            return InvalidInput(message=str(exc), field=_source_field(input))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"]) or None
            return InvalidInput(message=first["msg"], field=where)
        main_id, counts = await ArticleWriter(info.context.store).write_each(articles)
        row = await info.context.loaders.article.load(main_id)
        summary = counts.as_json()
        return Ingested(
            article=Article.from_row(row),
            created=NodeCounts.of(summary["created"]),
            updated=NodeCounts.of(summary["changed"]),
        )

    @strawberry.mutation(
        description="Correct an actor's name, description or aliases. Its id stays the same.",
        permission_classes=[CanWrite],
    )
    async def update_actor(
        self,
        info: ContextInfo,
        id: ActorId,
        input: Annotated[ActorInput, strawberry.argument(description="What to change.")],
    ) -> ActorResult:
        key = _key_of(id, "Actor")
        change = ActorChange(input.name, input.description, input.aliases)
        refused = await corrections.update_actor(info.context.store, key, change)
        if refused is not None:
            return _refusal(refused, {"id": id})
        assert key is not None
        row = await _fresh_actor(info, key)
        return ActorChanged(actor=Actor.from_row(row))

    @strawberry.mutation(
        description="Merge two actors that are one: every relationship and alias of `merge` "
        "moves to `keep`, and `merge` is removed. Actors of different kinds (a person and a "
        "country) are refused with InvalidInput unless `allowKindMismatch` is true.",
        permission_classes=[CanWrite],
    )
    async def merge_actors(
        self,
        info: ContextInfo,
        keep: Annotated[strawberry.ID, strawberry.argument(description="The actor that stays.")],
        merge: Annotated[
            strawberry.ID, strawberry.argument(description="The duplicate, to be removed.")
        ],
        allow_kind_mismatch: Annotated[
            bool,
            strawberry.argument(
                description="Merge even when the two actors are of different kinds, e.g. an "
                "organisation extracted a second time as a person. `keep` keeps its own kind, "
                "so pass the actor whose kind is right as `keep`. Everything of `merge` moves "
                "to it as in any merge, roles included: roles `merge` held become roles of "
                "`keep`, roles held in `merge` (a minister of a merged country) become roles "
                "in `keep`, and roles between the two are dropped."
            ),
        ] = False,
    ) -> ActorResult:
        keep_key, merge_key = _key_of(keep, "Actor"), _key_of(merge, "Actor")
        refused = await corrections.merge_actors(
            info.context.store, keep_key, merge_key, allow_kind_mismatch=allow_kind_mismatch
        )
        if refused is not None:
            return _refusal(refused, {"keep": keep, "merge": merge})
        assert keep_key is not None
        row = await _fresh_actor(info, keep_key)
        return ActorChanged(actor=Actor.from_row(row))

    @strawberry.mutation(
        description=(
            "Delete an article and the meetings and statements only it reported. Meetings"
            " other articles report too lose the participants only it gave them."
        ),
        permission_classes=[CanWrite],
    )
    async def delete_article(
        self,
        info: ContextInfo,
        id: Annotated[strawberry.ID, strawberry.argument(description="The article's global id.")],
    ) -> DeleteResult:
        outcome = await corrections.delete_article(info.context.store, _key_of(id, "Article"))
        if isinstance(outcome, Missing):
            return NotFound(message=outcome.message, id=id)
        return ArticleDeleted(
            id=id,
            meetings_removed=outcome.meetings_removed,
            statements_removed=outcome.statements_removed,
        )
