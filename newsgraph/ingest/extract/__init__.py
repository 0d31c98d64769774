"""Extracting facts: a raw article to its actors, meetings and statements.

The statistical pipeline (``nlp``) reads tokens, parse and named entities; the rule layer
(``actors``, ``meetings``, ``statements``, ``dates``) turns them into facts, each with a
confidence (``confidence``); ``pool`` runs it on every core.
"""

from __future__ import annotations

from newsgraph.ingest.extract.article import ExtractionError, extract, extract_many
from newsgraph.ingest.extract.pool import ExtractionPool, default_jobs
from newsgraph.ingest.extract.reference import Reference, load_reference

__all__ = [
    "ExtractionError",
    "ExtractionPool",
    "Reference",
    "default_jobs",
    "extract",
    "extract_many",
    "load_reference",
]
