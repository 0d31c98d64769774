"""The HTTP application and the `newsgraph` command line."""

from __future__ import annotations

from newsgraph.api.app import create_app

__all__ = ["create_app"]
