"""Schemathesis hooks for the fuzz run: what counts as the server breaking."""

from __future__ import annotations

from typing import Any

import schemathesis

__all__ = ["no_internal_error"]


@schemathesis.check
def no_internal_error(ctx: Any, response: Any, case: Any) -> bool | None:
    """No 5xx, and no GraphQL error the server could not explain.

    Schemathesis' own GraphQL check fails on any `errors` entry, but a refused mutation
    (UNAUTHENTICATED) or a bad full-text query (BAD_SEARCH_QUERY) is the API working.
    """
    if response.status_code >= 500:
        raise AssertionError(f"server error {response.status_code}: {response.text[:500]}")
    try:
        body = response.json()
    except ValueError as exc:
        raise AssertionError(f"not JSON ({response.status_code}): {response.text[:200]}") from exc
    errors = body.get("errors") if isinstance(body, dict) else None
    for error in errors or []:
        code = (error.get("extensions") or {}).get("code")
        if not code or code == "INTERNAL_SERVER_ERROR":
            raise AssertionError(f"error without a client-side code: {error}")
    return None
