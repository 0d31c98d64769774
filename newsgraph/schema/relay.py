"""Relay plumbing: global ids, opaque cursors, and the generic connection types."""

from __future__ import annotations

import base64
import binascii
import re
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


# C0 controls, DEL and C1 controls: no id this API issues holds one, and a NUL cannot even
# reach FalkorDB intact (its client inlines parameters into a C string, which the NUL ends).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _unwrap(value: str) -> str | None:
    """The text inside an id or cursor: unpadded URL-safe base64 of UTF-8 (None if not)."""
    try:
        padded = value + "=" * (-len(value) % 4)
        return base64.urlsafe_b64decode(padded).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        # ValueError: characters outside ASCII, which base64 cannot hold.
        return None


def encode_global_id(type_name: str, key: str) -> str:
    return base64.urlsafe_b64encode(f"{type_name}:{key}".encode()).decode().rstrip("=")


def decode_global_id(value: str) -> tuple[str, str]:
    """``(type name, key)`` of a global id; BadInput for anything this API did not issue.

    Every id argument comes through here: queries answer a malformed id with BAD_USER_INPUT,
    mutations with their NotFound result.
    """
    text = _unwrap(value)
    if text is None:
        raise BadInput(f"{value!r} is not a newsgraph id")
    type_name, sep, key = text.partition(":")
    if not sep or not type_name or not key:
        raise BadInput(f"{value!r} is not a newsgraph id")
    if _CONTROL.search(text):
        raise BadInput(f"{value!r} is not a newsgraph id: it holds a control character")
    return type_name, key


def encode_cursor(sort_key: str) -> str:
    return base64.urlsafe_b64encode(f"c:{sort_key}".encode()).decode().rstrip("=")


def decode_cursor(value: str | None) -> str | None:
    """The sort key inside an ``after`` cursor; BadInput for anything this API did not issue.

    A sort key (cypher.py's ``sk``) is the sorted value, ``|``, then the item's id; a bare
    value (a day) starts a page there too. The value can be an actor's name, which may hold
    control characters, so only what follows the last ``|`` is checked for them; a NUL is
    refused anywhere, as no stored text holds one.
    """
    if value is None:
        return None
    text = _unwrap(value)
    if text is None or not text.startswith("c:"):
        raise BadInput(f"`after` cursor {value!r} is not one this API issued")
    sort_key = text[2:]
    if "\x00" in sort_key or _CONTROL.search(sort_key.rpartition("|")[2]):
        raise BadInput(f"`after` cursor {value!r} is not one this API issued")
    return sort_key


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
