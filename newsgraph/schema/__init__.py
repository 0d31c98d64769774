"""The GraphQL schema: types, inputs, resolvers and per-request loaders. Exports one `schema`."""

from __future__ import annotations

import strawberry
from strawberry.extensions import ParserCache, ValidationCache

from newsgraph.schema.context import Context
from newsgraph.schema.errors import ErrorCodes
from newsgraph.schema.mutation import Mutation
from newsgraph.schema.query import Query
from newsgraph.schema.types import Actor, Article, Meeting, Statement, Topic

__all__ = ["Context", "schema"]

schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    types=[Actor, Article, Meeting, Statement, Topic],
    extensions=[ErrorCodes, lambda: ParserCache(maxsize=256), lambda: ValidationCache(maxsize=256)],
)
