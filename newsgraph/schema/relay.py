"""Relay plumbing: global ids, opaque cursors, and the generic connection types."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated, Generic, TypeVar

import strawberry

__all__ = [
    "DEFAULT_PAGE",
    "After",
    "Connection",
    "Edge",
    "First",
    "PageInfo",
    "decode_cursor",
    "decode_global_id",
    "encode_cursor",
    "encode_global_id",
    "page_size",
]

T = TypeVar("T")

MAX_PAGE = 100
DEFAULT_PAGE = 20

First = Annotated[
    int | None,
    strawberry.argument(description=f"Page size: {DEFAULT_PAGE} unless given, {MAX_PAGE} at most."),
]
After = Annotated[
    str | None,
    strawberry.argument(description="Start after this cursor (a previous page's `endCursor`)."),
]


class BadInput(ValueError):
    """A client sent something malformed; the message says what."""


def encode_global_id(type_name: str, key: str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{key}".encode()).decode().rstrip("=")


def decode_global_id(value: str) -> tuple[str, str]:
    try:
        padded = value + "=" * (-len(value) % 4)
        type_name, sep, key = base64.urlsafe_b64decode(padded).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise BadInput(f"{value!r} is not a newsgraph id") from exc
    if not sep or not type_name or not key:
        raise BadInput(f"{value!r} is not a newsgraph id")
    return type_name, key


def encode_cursor(sort_key: str) -> str:
    return base64.urlsafe_b64encode(f"c:{sort_key}".encode()).decode().rstrip("=")


def decode_cursor(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        padded = value + "=" * (-len(value) % 4)
        text = base64.urlsafe_b64decode(padded).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise BadInput(f"`after` cursor {value!r} is not one this API issued") from exc
    if not text.startswith("c:"):
        raise BadInput(f"`after` cursor {value!r} is not one this API issued")
    return text[2:]


def page_size(first: int | None) -> int:
    if first is None:
        return DEFAULT_PAGE
    if first < 0 or first > MAX_PAGE:
        raise BadInput(f"`first` must be between 0 and {MAX_PAGE}, got {first}")
    return first


@strawberry.type(description="Where a page sits in the whole list.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="True when more items follow this page.")
    has_previous_page: bool = strawberry.field(
        description="True when this page was asked for with `after`."
    )
    start_cursor: str | None = strawberry.field(description="Cursor of the first edge.")
    end_cursor: str | None = strawberry.field(
        description="Cursor of the last edge; pass it as `after` for the next page."
    )


@strawberry.type(description="One item of a connection, with its cursor.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Opaque position of this item in the list.")
    node: T = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list, Relay style.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items of this page.")
    page_info: PageInfo = strawberry.field(description="Paging information.")
    total: strawberry.Private[object]

    @strawberry.field(description="How many items the whole list holds, across all pages.")
    async def total_count(self) -> int:
        getter = self.total
        assert callable(getter)
        return int(await getter())
