"""Persisted queries: Apollo's automatic persisted queries (APQ), and an allow-list mode.

A client sends ``extensions.persistedQuery = {"version": 1, "sha256Hash": H}`` with no
``query``; if this process knows the document whose SHA-256 is ``H``, it runs it, else it
answers ``PersistedQueryNotFound`` and the client sends the hash again with the ``query``, which
is checked against the hash and remembered (in a bounded store, the least recently used
forgotten first). Over GET, the short hash-only request is what browsers and CDNs can cache.

With ``persisted_only``, only registered operations run: the documents of the files named by
a setting, and nothing a client sends can register another.
"""

from __future__ import annotations

import functools
import hashlib
from collections import OrderedDict
from pathlib import Path
from typing import Any

from graphql import GraphQLError, OperationType, get_operation_ast, parse

__all__ = [
    "PERSISTED_QUERY_NOT_ALLOWED",
    "PERSISTED_QUERY_NOT_FOUND",
    "PersistedQueries",
    "PersistedQueryError",
    "document_hash",
    "load_documents",
    "operation_type",
]

PERSISTED_QUERY_NOT_FOUND = "PERSISTED_QUERY_NOT_FOUND"
PERSISTED_QUERY_NOT_ALLOWED = "PERSISTED_QUERY_NOT_ALLOWED"
PERSISTED_QUERY_HASH_MISMATCH = "PERSISTED_QUERY_HASH_MISMATCH"


class PersistedQueryError(Exception):
    """A persisted-query request that cannot run. ``request_error``: answered as a GraphQL
    request error (the client may act on it, as on ``PersistedQueryNotFound``), otherwise as a
    400 refusal of a malformed request."""

    def __init__(self, message: str, code: str, *, request_error: bool) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.request_error = request_error


def document_hash(document: str) -> str:
    """The SHA-256 of a document as sent, in lowercase hex: what APQ clients send."""
    return hashlib.sha256(document.encode()).hexdigest()


# The same few documents come again and again; parsing one costs a fraction of a millisecond.
_KIND_CACHE_CHARS = 20_000
# What the documents clients register may hold in all, at most (about as many bytes).
_MAX_LEARNED_CHARS = 10_000_000


def operation_type(
    document: str, operation_name: str | None, max_tokens: int
) -> OperationType | None:
    """Whether the operation a request runs is a query, mutation or subscription; None when
    the document does not parse within ``max_tokens`` tokens or does not say which operation
    runs (execution then answers with the right error, or the limit's)."""
    if len(document) <= _KIND_CACHE_CHARS:
        return _remembered_operation_type(document, operation_name, max_tokens)
    return _operation_type(document, operation_name, max_tokens)


@functools.lru_cache(maxsize=512)
def _remembered_operation_type(
    document: str, operation_name: str | None, max_tokens: int
) -> OperationType | None:
    return _operation_type(document, operation_name, max_tokens)


def _operation_type(
    document: str, operation_name: str | None, max_tokens: int
) -> OperationType | None:
    try:
        parsed = parse(document, no_location=True, max_tokens=max_tokens)
    except GraphQLError:
        return None
    operation = get_operation_ast(parsed, operation_name)
    return operation.operation if operation is not None else None


def _parses(document: str, max_tokens: int) -> bool:
    try:
        parse(document, no_location=True, max_tokens=max_tokens)
    except GraphQLError:
        return False
    return True


def load_documents(source: Path) -> dict[str, str]:
    """The documents of ``source`` (a ``.graphql`` file, or a directory searched for them),
    by the hash of each file's text and of that text stripped of surrounding blank space (how
    client tools differ). A file that does not parse is an error naming it."""
    if not source.exists():
        raise ValueError(f"persisted documents: {source} does not exist")
    files = [source] if source.is_file() else sorted(source.rglob("*.graphql"))
    documents: dict[str, str] = {}
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            parse(text, no_location=True)
        except GraphQLError as exc:
            raise ValueError(f"persisted documents: {path}: {exc.message}") from exc
        for form in (text, text.strip()):
            documents[document_hash(form)] = form
    return documents


class PersistedQueries:
    """The documents this process runs by hash: the registered ones (always kept) and, unless
    ``only_registered``, those clients sent, at most ``max_entries`` of them."""

    def __init__(
        self,
        *,
        max_entries: int,
        max_tokens: int,
        registered: dict[str, str] | None = None,
        only_registered: bool = False,
    ) -> None:
        self.max_entries = max_entries
        # Documents past the operation limits' token bound are refused when they run: they
        # are neither parsed here past it nor kept.
        self.max_tokens = max_tokens
        self.only_registered = only_registered
        self._chars = 0
        self._registered = dict(registered or {})
        self._learned: OrderedDict[str, str] = OrderedDict()

    def __len__(self) -> int:
        return len(self._learned)

    def lookup(self, sha256: str) -> str | None:
        found = self._registered.get(sha256)
        if found is not None:
            return found
        found = self._learned.get(sha256)
        if found is not None:
            self._learned.move_to_end(sha256)
        return found

    def resolve(self, query: str | None, extensions: dict[str, Any] | None) -> str | None:
        """The document the request runs: ``query``, or the one its persisted-query hash names.
        Raises PersistedQueryError when it names none, or none this process may run."""
        persisted = (extensions or {}).get("persistedQuery")
        if persisted is None:
            if query is not None and self.only_registered:
                self._check_allowed(document_hash(query))
            return query
        sha256 = self._checked_hash(persisted)
        if query is None:
            found = self.lookup(sha256)
            if found is not None:
                return found
            if self.only_registered:
                self._check_allowed(sha256)
            raise PersistedQueryError(
                "PersistedQueryNotFound", PERSISTED_QUERY_NOT_FOUND, request_error=True
            )
        if document_hash(query) != sha256:
            raise PersistedQueryError(
                "extensions.persistedQuery.sha256Hash does not match the SHA-256 of the query",
                PERSISTED_QUERY_HASH_MISMATCH,
                request_error=False,
            )
        if self.only_registered:
            self._check_allowed(sha256)
        elif sha256 not in self._registered and _parses(query, self.max_tokens):
            # Only documents that parse are kept, so junk does not push out the others.
            self._learn(sha256, query)
        return query

    def _learn(self, sha256: str, query: str) -> None:
        if sha256 in self._learned:
            self._learned.move_to_end(sha256)
            return
        self._learned[sha256] = query
        self._chars += len(query)
        # Bounded in characters too: comments and blank space are not tokens, so a document
        # within the token bound can still be as large as a request body.
        while len(self._learned) > self.max_entries or self._chars > _MAX_LEARNED_CHARS:
            _, dropped = self._learned.popitem(last=False)
            self._chars -= len(dropped)

    def _check_allowed(self, sha256: str) -> None:
        if sha256 not in self._registered:
            raise PersistedQueryError(
                "only registered operations run on this server (NEWSGRAPH_PERSISTED_ONLY): "
                "send extensions.persistedQuery with the sha256Hash of a document of "
                "NEWSGRAPH_PERSISTED_DOCUMENTS",
                PERSISTED_QUERY_NOT_ALLOWED,
                request_error=True,
            )

    @staticmethod
    def _checked_hash(persisted: object) -> str:
        if not isinstance(persisted, dict):
            raise PersistedQueryError(
                "extensions.persistedQuery must be an object {version: 1, sha256Hash}",
                "BAD_REQUEST",
                request_error=False,
            )
        if persisted.get("version") != 1:
            raise PersistedQueryError(
                f"extensions.persistedQuery.version {persisted.get('version')!r} is not "
                "supported: only version 1",
                "BAD_REQUEST",
                request_error=False,
            )
        sha256 = persisted.get("sha256Hash")
        if (
            not isinstance(sha256, str)
            or len(sha256) != 64
            or any(c not in "0123456789abcdef" for c in sha256.lower())
        ):
            raise PersistedQueryError(
                "extensions.persistedQuery.sha256Hash must be 64 hexadecimal digits",
                "BAD_REQUEST",
                request_error=False,
            )
        return sha256.lower()
