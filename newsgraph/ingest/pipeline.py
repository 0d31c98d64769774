"""The load pipeline: files and URLs -> sources -> extraction -> resolution and writing.

Each file, and each URL, is one unit: it is read and every article in it extracted before
anything is written, so a malformed file, a bad record or an article with no text writes
nothing. (A feed's entries are the exception: an entry with no text is skipped, and said so,
as each entry is an article of its own.)
"""

from __future__ import annotations

import datetime as dt
import gc
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

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
    OnSkip,
    SourceError,
    iter_files,
    iter_items,
    read_file,
)
from newsgraph.ingest.write.writer import KINDS, ArticleWriter, LoadCounts, Written, plan_batch

if TYPE_CHECKING:
    # For annotations: a load of files alone does not import the HTTP client.
    from newsgraph.ingest.sources.fetch import Fetcher
    from newsgraph.ingest.sources.web import PageMemory, UrlRead

__all__ = [
    "BATCH_ARTICLES",
    "FileOutcome",
    "LoadReport",
    "WebSources",
    "extract_file",
    "fewer_collections",
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
    # A URL's: its server said it has not changed since the last load (HTTP 304).
    not_modified: bool = False
    # Warnings that did not fail it: a feed's linked pages not fetched.
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class LoadReport:
    files: list[FileOutcome] = field(default_factory=list)
    # What the writes did (a dry run writes nothing and counts nothing).
    counts: LoadCounts = field(default_factory=LoadCounts)
    plans: list[dict[str, Any]] = field(default_factory=list)
    # Files inside the given directories of types no reader takes (iter_files' on_skip), and
    # feed entries without text ("feed.xml#entry-3: the entry has no text ...").
    skipped: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[FileOutcome]:
        return [f for f in self.files if not f.ok]

    def as_json(self) -> dict[str, Any]:
        files: dict[str, int] = {
            "ok": len(self.files) - len(self.failed),
            "failed": len(self.failed),
        }
        if any(f.not_modified for f in self.files):
            files["not_modified"] = sum(1 for f in self.files if f.not_modified)
        return {
            "files": files,
            **self.counts.as_json(),
            "errors": [f.error for f in self.failed],
            "skipped": self.skipped,
            **({"notes": notes} if (notes := [n for f in self.files for n in f.notes]) else {}),
        }


@dataclass
class WebSources:
    """The URLs of a load and how they are fetched: ``follow_links`` fetches the page of a
    feed entry that carries only a summary; ``memory`` (none in a dry run) makes loads after
    the first conditional, and is updated as each URL's articles are written."""

    urls: list[str]
    fetcher: Fetcher
    follow_links: bool = True
    memory: PageMemory | None = None


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
    on_skip: OnSkip | None = None,
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
                if isinstance(result, ExtractionError) and item.summary_only:
                    # A feed's teaser ("Watch the video") reports nothing: the entry is passed
                    # over, as one without text is, and the feed's other entries still load.
                    if on_skip is not None:
                        why = f"the summary has no article text ({_problem(result, item)})"
                        on_skip(item.origin, why)
                elif isinstance(result, ExtractionError) and error is None:
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
            items = read_file(path, on_skip=on_skip)
        except (ValueError, ValidationError) as exc:
            buffer.append((path, exc))
            continue
        buffer.append((path, items))
        pending_documents += sum(1 for item in items if isinstance(item, SourceDocument))
        if pending_documents >= window:
            yield from flush()
            pending_documents = 0
    yield from flush()


# Articles of one NDJSON file kept as they were validated, before the rest go to disk: about
# 110 MB for 10,000 articles of the synthetic corpus. Writing each to disk and validating it
# again on the way back cost 0.6 CPU seconds per 10,000; the loader's peak memory is reached at
# the end of a big load (what it counts and remembers), when these are long written and gone.
_KEPT_IN_MEMORY = 10_000


class _Spool:
    """A file's extracted articles, the first ``keep`` in memory and the others on disk: a
    dump of any size is checked whole before its first article is written, in bounded memory.
    ``batches`` hands them over once, in order, letting go of each."""

    def __init__(self, file: IO[str], keep: int | None = None) -> None:
        self._file = file
        self._keep = _KEPT_IN_MEMORY if keep is None else keep
        self._kept: deque[ExtractedArticle] = deque()
        self.count = 0

    def add(self, article: ExtractedArticle) -> None:
        if self.count < self._keep:
            self._kept.append(article)
        else:
            self._file.write(article.model_dump_json())
            self._file.write("\n")
        self.count += 1

    def batches(self, size: int) -> Iterator[list[ExtractedArticle]]:
        chunk: list[ExtractedArticle] = []
        while self._kept:
            chunk.append(self._kept.popleft())
            if len(chunk) == size:
                yield chunk
                chunk = []
        self._file.seek(0)
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
    web: WebSources | None = None,
    on_skip: OnSkip | None = None,
) -> LoadReport:
    """Load files into the store; with no store (a dry run) only plan the writes.

    Files are read and extracted one by one; the articles of consecutive good files are
    written together, up to `batch` per atomic write, so many small files do not cost a
    write each. A bad file is reported and skipped before anything of it is written. An NDJSON
    file is read a line at a time and its articles spooled to disk, so the loader's memory does
    not grow with the file; one with more than `batch` articles is written in slices of
    `batch`. Graph errors stop the run (every later file would fail the same way) and mark the
    files of the failed write as failed. Raw articles are extracted on ``jobs`` processes
    (several files' at once), written in order. Feed entries without text are listed in the
    report's ``skipped`` and handed to ``on_skip`` as they are found. The URLs of ``web`` are
    loaded after the files, one by one, each as a unit as a file is.
    """
    with ExtractionPool(reference, jobs) as pool, fewer_collections():
        load = _Load(store, reference, published, on_file, batch, pool)
        load.on_skip = on_skip
        load.web = web
        return await load.run(paths)


# Allocations between two young collections of the cyclic garbage collector during a load
# (Python's default is 700). At 10,000 a structured load of 10,000 articles still spent 0.75 s
# in 144 young collections and 14 older ones (which walk all the load has built); at 100,000
# it makes 6 and spends 0.2 s. Only cyclic garbage waits for a collection (a few MB at most).
_LOAD_GC_THRESHOLD = 100_000
_collecting_less = 0
_saved_threshold: tuple[int, ...] = gc.get_threshold()


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Python's cyclic garbage collector, tuned for a load, then put back as it was.

    A load allocates millions of short-lived containers (rows, dicts, validated records), so
    with the default settings the collector ran 2,400 young and 20 full collections per
    10,000 articles, each full one walking every object of the process (70,000 after
    start-up: modules, schemas, reference lists): 2-3 of the 8.5 CPU seconds a structured load
    of 10,000 articles took. The objects alive when the load starts are moved out of the
    collector's sight (``gc.freeze``) and young collections come after 100,000 allocations
    instead of 700. Nested or concurrent loads in one process undo it when the last ends.
    """
    global _collecting_less, _saved_threshold
    if _collecting_less == 0:
        _saved_threshold = gc.get_threshold()
        gc.freeze()
        gc.set_threshold(max(_saved_threshold[0], _LOAD_GC_THRESHOLD), *_saved_threshold[1:])
    _collecting_less += 1
    try:
        yield
    finally:
        _collecting_less -= 1
        if _collecting_less == 0:
            gc.set_threshold(*_saved_threshold)
            gc.unfreeze()


_Group = list[tuple[FileOutcome, list[ExtractedArticle]]]


class _Load:
    """One run of ``load_paths``: files finish in order, the articles of consecutive good files
    wait in ``pending`` until a batch is full, and a graph error fails the files of the write
    it stopped and ends the run."""

    def __init__(
        self,
        store: Store | None,
        reference: Reference,
        published: dt.date | None,
        on_file: Callable[[FileOutcome], None] | None,
        batch: int,
        pool: ExtractionPool,
    ) -> None:
        self.report = LoadReport()
        self._writer = ArticleWriter(store) if store is not None else None
        self._reference = reference
        self._published = published
        self._on_file = on_file
        self._batch = batch
        self._pool = pool
        self._pending: _Group = []
        self.web: WebSources | None = None
        # The reads of the URLs waiting to be written, remembered once they are.
        self._reads: dict[int, UrlRead] = {}
        self.on_skip: OnSkip | None = None

    def _skip(self, origin: str, why: str) -> None:
        self.report.skipped.append(f"{origin}: {why}")
        if self.on_skip is not None:
            self.on_skip(origin, why)

    async def run(self, paths: Iterable[Path]) -> LoadReport:
        found = _read_whole(paths, self._reference, self._published, self._pool, on_skip=self._skip)
        for path, extracted in found:
            outcome = FileOutcome(str(path))
            if extracted is None:
                with tempfile.TemporaryFile("w+", encoding="utf-8") as handle:
                    await self._load_stream(outcome, _Spool(handle))
            elif isinstance(extracted, Exception):
                self._refuse(outcome, extracted)
            else:
                await self._add(outcome, extracted)
        for url in self.web.urls if self.web is not None else []:
            await self._load_url(url)
        await self._flush()
        return self.report

    async def _load_url(self, url: str) -> None:
        from newsgraph.ingest.sources.web import read_url

        assert self.web is not None
        outcome = FileOutcome(url)
        try:
            read = await read_url(
                url, self.web.fetcher, follow_links=self.web.follow_links, memory=self.web.memory
            )
            extracted = self._extract_read(read)
        except (ValueError, ValidationError) as exc:
            self._refuse(outcome, exc)
            return
        outcome.not_modified = read.not_modified
        outcome.notes = list(read.warnings)
        for origin, why in read.skipped:
            self._skip(origin, why)
        if read.unchanged_ids and self._writer is not None:
            self.report.counts.add(_unchanged_articles(read.unchanged_ids))
        self._reads[id(outcome)] = read
        await self._add(outcome, extracted)

    def _extract_read(self, read: UrlRead) -> list[ExtractedArticle]:
        """A URL's articles; a page with no article text fails the URL, a feed entry with none
        is skipped (with a note), as each entry stands alone."""
        found: list[ExtractedArticle] = []
        results = self._pool.extract(read.documents, published=self._published)
        for document, result in zip(read.documents, results, strict=True):
            if isinstance(result, ExtractionError):
                if not read.is_feed:
                    raise SourceError(document.origin, _problem(result, document))
                read.skipped.append((document.origin, _problem(result, document)))
                continue
            found.extend(result)
        return found

    def _finish(self, outcome: FileOutcome) -> None:
        read = self._reads.pop(id(outcome), None)
        memory = self.web.memory if self.web is not None else None
        if read is not None and outcome.ok and memory is not None and self._writer is not None:
            memory.remember(read, outcome.articles)
        self.report.files.append(outcome)
        if self._on_file is not None:
            self._on_file(outcome)

    def _refuse(self, outcome: FileOutcome, exc: Exception) -> None:
        path = outcome.path
        outcome.error = str(exc) if str(exc).startswith(path) else f"{path}: {exc}"
        self._finish(outcome)

    async def _add(self, outcome: FileOutcome, articles: list[ExtractedArticle]) -> None:
        self._pending.append((outcome, articles))
        if sum(len(found) for _o, found in self._pending) >= self._batch:
            await self._flush()

    async def _write(self, group: _Group) -> None:
        """Write a group's articles, `batch` a write (a dry run only plans them)."""
        articles = [article for _outcome, found in group for article in found]
        owners = [outcome for outcome, found in group for _ in found]
        size = self._batch
        await self._write_chunks(
            (owners[start : start + size], articles[start : start + size])
            for start in range(0, len(articles), size)
        )

    async def _write_chunks(
        self, chunks: Iterable[tuple[list[FileOutcome], list[ExtractedArticle]]]
    ) -> None:
        """Write (a dry run: plan) each chunk of articles, one write each, in order; each
        article's id goes to its file's outcome once its write is committed."""
        if self._writer is None:
            for owners, chunk in chunks:
                planned = plan_batch(chunk)
                files = sorted({o.path for o in owners})
                self.report.plans.append({"files": files, **planned.params})
                _owned(owners, chunk)
            return
        # The chunks' owners, oldest first: writes are committed in the order they are given.
        waiting: deque[list[FileOutcome]] = deque()

        def articles() -> Iterator[list[ExtractedArticle]]:
            for owners, chunk in chunks:
                waiting.append(owners)
                yield chunk

        def written(chunk: list[ExtractedArticle], what: Written) -> None:
            self.report.counts.add(what)
            _owned(waiting.popleft(), chunk)

        await self._writer.write_batches(articles(), written)

    async def _flush(self) -> None:
        pending, self._pending = self._pending, []
        try:
            await self._write(pending)
        except GraphError as exc:
            for outcome, _found in pending:
                outcome.error = f"{outcome.path}: {exc}"
                self._finish(outcome)
            raise
        for outcome, _found in pending:
            self._finish(outcome)

    async def _write_spooled(self, outcome: FileOutcome, spool: _Spool) -> None:
        await self._flush()
        try:
            await self._write_chunks(
                ([outcome] * len(chunk), chunk) for chunk in spool.batches(self._batch)
            )
        except GraphError as exc:
            done = len(outcome.articles)
            outcome.error = (
                f"{outcome.path}: {exc} (its first {done} of {spool.count} articles were "
                "written; loading the file again completes it)"
            )
            self._finish(outcome)
            raise
        self._finish(outcome)

    async def _load_stream(self, outcome: FileOutcome, spool: _Spool) -> None:
        try:
            for article in iter_extracted(
                Path(outcome.path), self._reference, published=self._published, pool=self._pool
            ):
                spool.add(article)
        except (ValueError, ValidationError) as exc:
            self._refuse(outcome, exc)
            return
        if spool.count > self._batch:
            await self._write_spooled(outcome, spool)
            return
        await self._add(outcome, next(spool.batches(self._batch), []))


def _owned(owners: list[FileOutcome], chunk: list[ExtractedArticle]) -> None:
    for owner, article in zip(owners, chunk, strict=True):
        owner.articles.append(article_id(article.article.url, article.article.body))


def _unchanged_articles(ids: list[str]) -> Written:
    """The articles of a URL that answered 304, as a write that touched them and changed
    nothing: they count as unchanged, as a reload of an unchanged file does."""
    nothing: dict[str, set[str]] = {kind: set() for kind in KINDS}
    return Written(
        article_ids=ids,
        touched={**nothing, "articles": set(ids)},
        created=dict(nothing),
        changed=dict(nothing),
        renamed={},
        merged=dict(nothing),
    )
