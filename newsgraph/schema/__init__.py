"""The GraphQL schema: types, inputs, resolvers and per-request loaders. Exports one `schema`."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncGenerator, Sequence
from typing import Any

import strawberry
from strawberry.extensions import ParserCache, SchemaExtension, ValidationCache
from strawberry.types import ExecutionResult

from newsgraph.schema.context import Context
from newsgraph.schema.errors import ErrorCodes, coded
from newsgraph.schema.limits import operation_limits
from newsgraph.schema.mutation import Mutation
from newsgraph.schema.query import Query
from newsgraph.schema.subscription import Subscription
from newsgraph.schema.types import Actor, Article, Meeting, Statement, Topic
from newsgraph.settings import Settings

__all__ = ["Context", "build_schema", "schema"]


class _Schema(strawberry.Schema):
    def process_errors(self, errors: Any, execution_context: Any = None) -> None:
        # Strawberry would log every error, a client's typo included, with a traceback;
        # ErrorCodes logs the unexpected ones, with the request id, and that is enough.
        return None

    async def stream(self, *args: Any, **kwargs: Any) -> Any:
        # A subscription's results after the first do not pass through ErrorCodes' hooks:
        # code their errors here, as every other error is.
        return _coded_results(await super().stream(*args, **kwargs))


async def _coded_results(results: Any) -> AsyncGenerator[Any, None]:
    async with contextlib.aclosing(results):
        async for result in results:
            if isinstance(result, ExecutionResult) and result.errors:
                result.errors = [coded(error) for error in result.errors]
            yield result


def build_schema(
    settings: Settings | None = None, *, serving: Sequence[type[SchemaExtension]] = ()
) -> strawberry.Schema:
    """The schema with the operation limits and switches of ``settings``, and the extensions
    the server adds (``serving``), which run after those checks."""
    # Defaults without reading the environment: importing the package must not fail on a bad
    # variable that the command line then reports properly.
    settings = settings or Settings.model_construct()
    return _Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[Actor, Article, Meeting, Statement, Topic],
        extensions=[
            ErrorCodes,
            lambda: ParserCache(maxsize=256),
            lambda: ValidationCache(maxsize=256),
            # After ValidationCache: the cost check needs the validation it did.
            operation_limits(settings),
            *serving,
        ],
    )


# The schema with default settings: for printing the SDL and for tools.
schema = build_schema()
