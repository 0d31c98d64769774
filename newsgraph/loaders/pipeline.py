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
from newsgraph.loaders.ids import article_id
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
    batch: int = BATCH_ARTICLES,
) -> LoadReport:
    """Load files into the store; with no store (a dry run) only plan the writes.

    Files are read and extracted one by one; the articles of consecutive good files are
    written together, up to `batch` per atomic write, so many small files do not cost a
    write each. A bad file is reported and skipped before anything of it is written. Graph
    errors stop the run (every later file would fail the same way) and mark the files of the
    failed batch as failed: their batch was not written.
    """
    report = LoadReport()
    writer = ArticleWriter(store) if store is not None else None
    pending: list[tuple[FileOutcome, list[ExtractedArticle]]] = []

    def finish(outcome: FileOutcome) -> None:
        report.files.append(outcome)
        if on_file is not None:
            on_file(outcome)

    async def flush() -> None:
        articles = [article for _outcome, found in pending for article in found]
        owners = [outcome for outcome, found in pending for _ in found]
        for start in range(0, len(articles), batch):
            chunk = articles[start : start + batch]
            if writer is None:
                written = plan_batch(chunk)
                report.plans.append(
                    {
                        "files": sorted({o.path for o in owners[start : start + BATCH_ARTICLES]}),
                        **written.params,
                    }
                )
            else:
                try:
                    written = await writer.write_batch(chunk)
                except GraphError as exc:
                    for outcome, _batch in pending:
                        outcome.error = f"{outcome.path}: {exc}"
                        finish(outcome)
                    pending.clear()
                    raise
            report.counts.add(written.counts)
            for owner, article in zip(owners[start:], chunk, strict=False):
                owner.articles.append(article_id(article.article.url, article.article.body))
        for outcome, _batch in pending:
            finish(outcome)
        pending.clear()

    for path in iter_files(paths):
        outcome = FileOutcome(str(path))
        try:
            articles = extract_file(path, reference, published=published)
        except (ValueError, ValidationError) as exc:
            outcome.error = str(exc) if str(exc).startswith(str(path)) else f"{path}: {exc}"
            finish(outcome)
            continue
        pending.append((outcome, articles))
        if sum(len(found) for _o, found in pending) >= batch:
            await flush()
    await flush()
    return report
