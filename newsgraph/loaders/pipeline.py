"""The load pipeline: files -> sources -> extraction -> resolution and writing.

Each file is one unit: it is read and every article in it extracted before anything is
written, so a malformed file, a bad record or an article with no text writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from newsgraph.graph.errors import GraphError
from newsgraph.graph.store import Store
from newsgraph.loaders.extract import ExtractionError, extract
from newsgraph.loaders.model import ExtractedArticle, SourceDocument
from newsgraph.loaders.reference import Reference
from newsgraph.loaders.sources import SourceError, iter_files, read_file
from newsgraph.loaders.writer import ArticleWriter, WriteCounts, plan_batch

__all__ = ["BATCH_ARTICLES", "FileOutcome", "LoadReport", "extract_file", "load_paths"]

# Articles per write. A file's articles go in one atomic write when it has no more than this
# (a file loads whole or not at all); bigger files (NDJSON dumps) go in slices of this size.
BATCH_ARTICLES = 200


@dataclass
class FileOutcome:
    path: str
    articles: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class LoadReport:
    files: list[FileOutcome] = field(default_factory=list)
    counts: WriteCounts = field(default_factory=WriteCounts)
    plans: list[dict[str, Any]] = field(default_factory=list)

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if not f.ok]

    def as_json(self) -> dict[str, Any]:
        return {
            "files": {"ok": len(self.files) - len(self.failed), "failed": len(self.failed)},
            "created": self.counts.created,
            "updated": self.counts.updated,
            "errors": [f.error for f in self.failed],
        }


def extract_file(
    path: Path, reference: Reference, *, published: dt.date | None = None
) -> list[ExtractedArticle]:
    """Every article a file holds, extracted. Raises ValueError subclasses naming the file."""
    articles: list[ExtractedArticle] = []
    for item in read_file(path):
        if isinstance(item, SourceDocument):
            try:
                articles += extract(item, reference, published=published)
            except ExtractionError as exc:
                raise SourceError(item.origin, str(exc)) from exc
        else:
            if published is not None:
                item = item.model_copy(
                    update={"article": item.article.model_copy(update={"published_on": published})}
                )
            articles.append(item)
    return articles


async def load_paths(
    paths: Iterable[Path],
    store: Store | None,
    reference: Reference,
    *,
    published: dt.date | None = None,
    on_file: Callable[[FileOutcome], None] | None = None,
) -> LoadReport:
    """Load files into the store; with no store (a dry run) only plan the writes.

    Graph errors stop the run (every later file would fail the same way); file errors are
    recorded and the next file is loaded.
    """
    report = LoadReport()
    writer = ArticleWriter(store) if store is not None else None
    for path in iter_files(paths):
        outcome = FileOutcome(str(path))
        try:
            articles = extract_file(path, reference, published=published)
        except (ValueError, ValidationError) as exc:
            outcome.error = str(exc) if str(exc).startswith(str(path)) else f"{path}: {exc}"
        else:
            for start in range(0, len(articles), BATCH_ARTICLES):
                chunk = articles[start : start + BATCH_ARTICLES]
                if writer is None:
                    batch = plan_batch(chunk)
                    report.plans.append({"file": str(path), **batch.params})
                else:
                    try:
                        batch = await writer.write_batch(chunk)
                    except GraphError as exc:
                        outcome.error = f"{path}: {exc}"
                        report.files.append(outcome)
                        raise
                report.counts.add(batch.counts)
                outcome.articles += [one.article_id for one in batch.plans]
        report.files.append(outcome)
        if on_file is not None:
            on_file(outcome)
    return report
