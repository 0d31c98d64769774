"""The GraphQL schema: types, inputs, resolvers and per-request loaders. Exports one `schema`."""

from __future__ import annotations

import strawberry
from strawberry.extensions import ParserCache, ValidationCache

from newsgraph.schema.context import Context
from newsgraph.schema.errors import ErrorCodes
from newsgraph.schema.mutation import Mutation
from newsgraph.schema.query import Query
from newsgraph.schema.types import Actor, Article, Meeting, Statement, Topic
from newsgraph.settings import Settings

__all__ = ["Context", "build_schema", "schema"]


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    """The schema with the operation limits and switches of ``settings``."""
    settings = settings or Settings()
    return strawberry.Schema(
        query=Query,
        mutation=Mutation,
        types=[Actor, Article, Meeting, Statement, Topic],
        extensions=[
            ErrorCodes,
            lambda: ParserCache(maxsize=256),
            lambda: ValidationCache(maxsize=256),
        ],
    )


# The schema with default settings: for printing the SDL and for tools.
schema = build_schema()
