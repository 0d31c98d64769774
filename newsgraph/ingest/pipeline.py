"""The load pipeline: files -> sources -> extraction -> resolution and writing.

Each file is one unit: it is read and every article in it extracted before anything is
written, so a malformed file, a bad record or an article with no text writes nothing.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from newsgraph.graph.errors import GraphError
from newsgraph.graph.store import Store
from newsgraph.ingest.extract.article import ExtractionError, extract
from newsgraph.ingest.extract.reference import Reference
from newsgraph.ingest.model import ExtractedArticle, SourceDocument
from newsgraph.ingest.resolve.ids import article_id
from newsgraph.ingest.sources.files import NDJSON_SUFFIXES, SourceError, iter_files, iter_items
from newsgraph.ingest.write.writer import ArticleWriter, LoadCounts, plan_batch

__all__ = [
    "BATCH_ARTICLES",
    "FileOutcome",
    "LoadReport",
    "extract_file",
    "iter_extracted",
    "load_paths",
]

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
    # What the writes did (a dry run writes nothing and counts nothing).
    counts: LoadCounts = field(default_factory=LoadCounts)
    plans: list[dict[str, Any]] = field(default_factory=list)

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if not f.ok]

    def as_json(self) -> dict[str, Any]:
        return {
            "files": {"ok": len(self.files) - len(self.failed), "failed": len(self.failed)},
            **self.counts.as_json(),
            "errors": [f.error for f in self.failed],
        }


def iter_extracted(
    path: Path, reference: Reference, *, published: dt.date | None = None
) -> Iterator[ExtractedArticle]:
    """The articles of a file, extracted one by one (NDJSON read a line at a time). Raises
    ValueError subclasses naming the file, after yielding the articles before the problem."""
    for item in iter_items(path):
        if isinstance(item, SourceDocument):
            try:
                yield from extract(item, reference, published=published)
            except ExtractionError as exc:
                raise SourceError(item.origin, str(exc)) from exc
        else:
            if published is not None:
                item = item.model_copy(
                    update={"article": item.article.model_copy(update={"published_on": published})}
                )
            yield item


def extract_file(
    path: Path, reference: Reference, *, published: dt.date | None = None
) -> list[ExtractedArticle]:
    """Every article a file holds, extracted. Raises ValueError subclasses naming the file."""
    return list(iter_extracted(path, reference, published=published))


class _Spool:
    """A file's extracted articles, kept on disk: a dump of any size is checked whole before
    its first article is written, in constant memory."""

    def __init__(self, file: IO[str]) -> None:
        self._file = file
        self.count = 0

    def add(self, article: ExtractedArticle) -> None:
        self._file.write(article.model_dump_json())
        self._file.write("\n")
        self.count += 1

    def batches(self, size: int) -> Iterator[list[ExtractedArticle]]:
        self._file.seek(0)
        chunk: list[ExtractedArticle] = []
        for line in self._file:
            chunk.append(ExtractedArticle.model_validate_json(line))
            if len(chunk) == size:
                yield chunk
                chunk = []
        if chunk:
            yield chunk


def _is_stream(path: Path) -> bool:
    return path.suffix.lower() in NDJSON_SUFFIXES


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
    write each. A bad file is reported and skipped before anything of it is written. An NDJSON
    file is read a line at a time and its articles spooled to disk, so the loader's memory does
    not grow with the file; one with more than `batch` articles is written in slices of
    `batch`. Graph errors stop the run (every later file would fail the same way) and mark the
    files of the failed write as failed.
    """
    report = LoadReport()
    writer = ArticleWriter(store) if store is not None else None
    pending: list[tuple[FileOutcome, list[ExtractedArticle]]] = []

    def finish(outcome: FileOutcome) -> None:
        report.files.append(outcome)
        if on_file is not None:
            on_file(outcome)

    async def write(group: list[tuple[FileOutcome, list[ExtractedArticle]]]) -> None:
        articles = [article for _outcome, found in group for article in found]
        owners = [outcome for outcome, found in group for _ in found]
        for start in range(0, len(articles), batch):
            chunk = articles[start : start + batch]
            if writer is None:
                planned = plan_batch(chunk)
                report.plans.append(
                    {
                        "files": sorted({o.path for o in owners[start : start + batch]}),
                        **planned.params,
                    }
                )
            else:
                report.counts.add(await writer.write_batch(chunk))
            for owner, article in zip(owners[start:], chunk, strict=False):
                owner.articles.append(article_id(article.article.url, article.article.body))

    async def flush() -> None:
        try:
            await write(pending)
        except GraphError as exc:
            for outcome, _found in pending:
                outcome.error = f"{outcome.path}: {exc}"
                finish(outcome)
            pending.clear()
            raise
        for outcome, _found in pending:
            finish(outcome)
        pending.clear()

    async def write_spooled(outcome: FileOutcome, spool: _Spool) -> None:
        await flush()
        try:
            for chunk in spool.batches(batch):
                await write([(outcome, chunk)])
        except GraphError as exc:
            done = len(outcome.articles)
            outcome.error = (
                f"{outcome.path}: {exc} (its first {done} of {spool.count} articles were "
                "written; loading the file again completes it)"
            )
            finish(outcome)
            raise
        finish(outcome)

    def refuse(outcome: FileOutcome, exc: Exception) -> None:
        path = outcome.path
        outcome.error = str(exc) if str(exc).startswith(path) else f"{path}: {exc}"
        finish(outcome)

    async def load_stream(outcome: FileOutcome, spool: _Spool) -> None:
        try:
            for article in iter_extracted(Path(outcome.path), reference, published=published):
                spool.add(article)
        except (ValueError, ValidationError) as exc:
            refuse(outcome, exc)
            return
        if spool.count > batch:
            await write_spooled(outcome, spool)
            return
        pending.append((outcome, next(spool.batches(batch), [])))
        if sum(len(found) for _o, found in pending) >= batch:
            await flush()

    for path in iter_files(paths):
        outcome = FileOutcome(str(path))
        if _is_stream(path):
            with tempfile.TemporaryFile("w+", encoding="utf-8") as handle:
                await load_stream(outcome, _Spool(handle))
            continue
        try:
            articles = extract_file(path, reference, published=published)
        except (ValueError, ValidationError) as exc:
            refuse(outcome, exc)
            continue
        pending.append((outcome, articles))
        if sum(len(found) for _o, found in pending) >= batch:
            await flush()
    await flush()
    return report
