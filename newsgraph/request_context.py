"""What one HTTP request carries through the app: its id, and what the logs say about it.

The middleware sets it; the GraphQL view fills in the operation and error codes; the error
masking in `newsgraph.schema.errors` reads the id. A contextvar, because resolvers run in tasks
the request's task creates, and those copy its context. Beside the settings, outside the
layers: the API sets it and the schema reads it, and the schema never imports the API.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field

__all__ = [
    "RequestInfo",
    "current_request",
    "current_request_id",
    "new_request_id",
    "request_scope",
    "safe_request_id",
]

# An incoming id is echoed into headers and logs, so only short plain tokens are honoured.
_SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


@dataclass
class RequestInfo:
    request_id: str
    operation_name: str | None = None
    error_codes: list[str] = field(default_factory=list)
    # Seconds the request waited for its turn to execute (api/admission.py).
    queued_s: float = 0.0

    def add_error_code(self, code: str) -> None:
        if code not in self.error_codes:
            self.error_codes.append(code)


_current: ContextVar[RequestInfo | None] = ContextVar("newsgraph_request", default=None)


def new_request_id() -> str:
    return uuid.uuid4().hex


def safe_request_id(candidate: str | None) -> str | None:
    """``candidate`` if it is a short token safe to echo, else None."""
    if candidate is not None and _SAFE_ID.fullmatch(candidate):
        return candidate
    return None


@contextmanager
def request_scope(request_id: str) -> Iterator[RequestInfo]:
    info = RequestInfo(request_id)
    token = _current.set(info)
    try:
        yield info
    finally:
        _current.reset(token)


def current_request() -> RequestInfo | None:
    return _current.get()


def current_request_id() -> str:
    """The id of the request being served; outside one (a script, a test), a fresh id."""
    info = _current.get()
    return info.request_id if info is not None else new_request_id()
