"""Ingest: news articles into the graph, in four stages, each a package.

    sources/  read files (text, JSON, NDJSON) into raw documents or structured payloads
    extract/  one raw document -> the facts it reports (actors, meetings, statements)
    resolve/  those facts against what the graph already holds (same statement, same meeting)
    write/    one atomic write per batch of articles

``model`` is the payload that passes between the stages (and the structured input form);
``pipeline`` runs the stages over files.
"""

from __future__ import annotations

from newsgraph.ingest.model import ExtractedArticle, SourceDocument
from newsgraph.ingest.pipeline import LoadReport, load_paths

__all__ = ["ExtractedArticle", "LoadReport", "SourceDocument", "load_paths"]
