"""The load pipeline: files -> sources -> extraction -> resolution and writing.

Each file is one unit: it is read and every article in it extracted before anything is
written, so a malformed file, a bad record or an article with no text writes nothing.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from newsgraph.graph.errors import GraphError
from newsgraph.graph.store import Store
from newsgraph.ingest.extract.article import ExtractionError
from newsgraph.ingest.extract.pool import ExtractionPool
from newsgraph.ingest.extract.reference import Reference
from newsgraph.ingest.model import ExtractedArticle, SourceDocument
from newsgraph.ingest.resolve.ids import article_id
from newsgraph.ingest.sources.files import (
    NDJSON_SUFFIXES,
    SourceError,
    iter_files,
    iter_items,
    read_file,
)
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
# Raw articles of consecutive small files extracted together: enough to keep two workers busy.
_WINDOW = 64


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
    # Files inside the given directories of types no reader takes (iter_files' on_skip).
    skipped: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if not f.ok]

    def as_json(self) -> dict[str, Any]:
        return {
            "files": {"ok": len(self.files) - len(self.failed), "failed": len(self.failed)},
            **self.counts.as_json(),
            "errors": [f.error for f in self.failed],
            "skipped": self.skipped,
        }


def iter_extracted(
    path: Path,
    reference: Reference,
    *,
    published: dt.date | None = None,
    pool: ExtractionPool | None = None,
) -> Iterator[ExtractedArticle]:
    """The articles of a file, extracted in order (NDJSON read a line at a time, its raw
    articles extracted in batches, on ``pool``'s workers if given). Raises ValueError
    subclasses naming the file, after yielding the articles before the problem."""
    pool = pool or ExtractionPool(reference)
    for raw, items in groupby(iter_items(path), key=lambda item: isinstance(item, SourceDocument)):
        if not raw:
            yield from (_published(item, published) for item in items)  # type: ignore[arg-type]
            continue
        documents = _Remembered(items)  # type: ignore[arg-type]
        for result in pool.extract(documents.iterate(), published=published):
            document = documents.result_of()
            if isinstance(result, ExtractionError):
                raise SourceError(document.origin, _problem(result, document)) from result
            yield from result


def extract_file(
    path: Path, reference: Reference, *, published: dt.date | None = None
) -> list[ExtractedArticle]:
    """Every article a file holds, extracted. Raises ValueError subclasses naming the file."""
    return list(iter_extracted(path, reference, published=published))


def _published(item: ExtractedArticle, published: dt.date | None) -> ExtractedArticle:
    if published is None:
        return item
    return item.model_copy(
        update={"article": item.article.model_copy(update={"published_on": published})}
    )


def _problem(error: ExtractionError, document: SourceDocument) -> str:
    text = str(error)
    prefix = f"{document.origin}: "
    return text[len(prefix) :] if text.startswith(prefix) else text


class _Remembered:
    """The documents of a stream, handed on to extraction and kept until their results come
    back (at most a few batches are in flight), so each result is told from its document."""

    def __init__(self, items: Iterable[SourceDocument]) -> None:
        self._items = iter(items)
        self._handed: deque[SourceDocument] = deque()

    def iterate(self) -> Iterator[SourceDocument]:
        for item in self._items:
            self._handed.append(item)
            yield item

    def result_of(self) -> SourceDocument:
        """The document the next result is of: extraction pulls a document before it yields
        its result, and yields results in order."""
        return self._handed.popleft()


def _read_whole(
    paths: Iterable[Path],
    reference: Reference,
    published: dt.date | None,
    pool: ExtractionPool,
    window: int = _WINDOW,
) -> Iterator[tuple[Path, list[ExtractedArticle] | Exception | None]]:
    """Each file with its extracted articles or its error, in order; None for an NDJSON file
    (the caller streams it). The raw articles of several consecutive small files are extracted
    together, so a directory of text files uses every worker of the pool."""
    buffer: list[tuple[Path, list[SourceDocument | ExtractedArticle] | Exception]] = []

    def flush() -> Iterator[tuple[Path, list[ExtractedArticle] | Exception | None]]:
        documents = [
            item
            for _path, items in buffer
            if not isinstance(items, Exception)
            for item in items
            if isinstance(item, SourceDocument)
        ]
        results = pool.extract(documents, published=published)
        for path, items in buffer:
            if isinstance(items, Exception):
                yield path, items
                continue
            found: list[ExtractedArticle] = []
            error: Exception | None = None
            for item in items:
                if not isinstance(item, SourceDocument):
                    found.append(_published(item, published))
                    continue
                result = next(results)
                if isinstance(result, ExtractionError) and error is None:
                    error = SourceError(item.origin, _problem(result, item))
                elif not isinstance(result, ExtractionError):
                    found.extend(result)
            yield path, error if error is not None else found
        buffer.clear()

    pending_documents = 0
    for path in iter_files(paths):
        if _is_stream(path):
            yield from flush()
            pending_documents = 0
            yield path, None
            continue
        try:
            items = read_file(path)
        except (ValueError, ValidationError) as exc:
            buffer.append((path, exc))
            continue
        buffer.append((path, items))
        pending_documents += sum(1 for item in items if isinstance(item, SourceDocument))
        if pending_documents >= window:
            yield from flush()
            pending_documents = 0
    yield from flush()


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
    jobs: int = 1,
) -> LoadReport:
    """Load files into the store; with no store (a dry run) only plan the writes.

    Files are read and extracted one by one; the articles of consecutive good files are
    written together, up to `batch` per atomic write, so many small files do not cost a
    write each. A bad file is reported and skipped before anything of it is written. An NDJSON
    file is read a line at a time and its articles spooled to disk, so the loader's memory does
    not grow with the file; one with more than `batch` articles is written in slices of
    `batch`. Graph errors stop the run (every later file would fail the same way) and mark the
    files of the failed write as failed. Raw articles are extracted on ``jobs`` processes
    (several files' at once), written in order.
    """
    with ExtractionPool(reference, jobs) as pool:
        return await _load(paths, store, reference, published, on_file, batch, pool)


async def _load(
    paths: Iterable[Path],
    store: Store | None,
    reference: Reference,
    published: dt.date | None,
    on_file: Callable[[FileOutcome], None] | None,
    batch: int,
    pool: ExtractionPool,
) -> LoadReport:
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
            for article in iter_extracted(
                Path(outcome.path), reference, published=published, pool=pool
            ):
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

    for path, extracted in _read_whole(paths, reference, published, pool):
        outcome = FileOutcome(str(path))
        if extracted is None:
            with tempfile.TemporaryFile("w+", encoding="utf-8") as handle:
                await load_stream(outcome, _Spool(handle))
            continue
        if isinstance(extracted, Exception):
            refuse(outcome, extracted)
            continue
        articles = extracted
        pending.append((outcome, articles))
        if sum(len(found) for _o, found in pending) >= batch:
            await flush()
    await flush()
    return report
