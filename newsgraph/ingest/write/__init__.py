"""Writing: one resolving read and one atomic write per batch of articles."""

from __future__ import annotations

from newsgraph.ingest.write.writer import ArticleWriter, LoadCounts, Written, plan_batch

__all__ = ["ArticleWriter", "LoadCounts", "Written", "plan_batch"]
