"""Reading sources: files on disk to raw documents (for extraction) or structured payloads."""

from __future__ import annotations

from newsgraph.ingest.sources.files import (
    NDJSON_SUFFIXES,
    SUPPORTED_SUFFIXES,
    SourceError,
    iter_files,
    iter_items,
    read_file,
)

__all__ = [
    "NDJSON_SUFFIXES",
    "SUPPORTED_SUFFIXES",
    "SourceError",
    "iter_files",
    "iter_items",
    "read_file",
]
