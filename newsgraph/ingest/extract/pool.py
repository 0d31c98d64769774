"""Extraction on every core: worker processes, each with its own copy of the pipeline.

The statistical pipeline holds the GIL while it runs, so threads do not help; processes do.
Each worker loads the reference data and the model once (a few seconds), then extracts
batches of documents with ``extract_many`` (parsed together, which is what makes the model
fast). Results come back in input order, with at most a few batches in flight, so memory does
not grow with the input. With one job, or few documents, everything runs in this process and
no worker is started.

A worker ends by itself once the process that started it is gone, however it went (a SIGKILL
included): left running, each would hold its model until someone killed it. The resource
tracker multiprocessing starts beside the workers then ends too, as it stops once every holder
of its pipe (the parent and the workers) is gone.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType

from newsgraph.ingest.extract.article import ExtractionError, extract_many
from newsgraph.ingest.extract.reference import Reference, load_reference
from newsgraph.ingest.model import ExtractedArticle, SourceDocument

__all__ = ["Extracted", "ExtractionPool", "default_jobs"]

Extracted = list[ExtractedArticle] | ExtractionError

# Documents per task: enough for the model to batch well, few enough to keep workers even.
_CHUNK = 16
# Batches a run must have before workers are started for it (about 64 articles).
_WORTH_A_POOL = 4


def default_jobs() -> int:
    """One worker per core the process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


_worker_reference: Reference | None = None


def _start_worker(directory: str | None) -> None:
    global _worker_reference
    _exit_with_parent()
    _worker_reference = load_reference(Path(directory) if directory else None)
    from newsgraph.ingest.extract.nlp import shared_pipeline

    shared_pipeline(_worker_reference)


def _exit_with_parent() -> None:
    """In a worker: a thread that ends the process as soon as its parent is gone.

    Nothing else would end it. The executor's queues are pipes whose write ends every worker
    also holds (spawn passes both ends of a queue), so a worker waiting for its next batch
    never reads an end of file; and a parent killed with SIGKILL runs no clean-up at all.

    What it waits on is the sentinel multiprocessing gives every child it starts: on POSIX a
    pipe whose write end only the parent holds, which the kernel closes however the parent
    dies, and on Windows the parent's process handle. So it needs no polling and no Linux
    call, and a parent already gone before this thread starts is seen at once. Not
    PR_SET_PDEATHSIG (what api/workers.py uses for uvicorn's workers): it fires when the
    *thread* that started the child ends, and the executor starts its workers from whichever
    thread submits, which may end while the process runs on (a thread pool's thread).
    """
    parent = multiprocessing.parent_process()
    if parent is None:  # not a child of multiprocessing: nothing to watch
        return
    threading.Thread(
        target=_exit_when_gone, args=(parent,), name="exit-with-parent", daemon=True
    ).start()


def _exit_when_gone(parent: BaseProcess) -> None:
    parent.join()
    # os._exit, not sys.exit: sys.exit in a thread ends only that thread, and the main thread
    # may be waiting on the executor's queue for good. Nothing is lost: the results in
    # progress had no one left to read them.
    os._exit(1)


def _extract_chunk(docs: list[SourceDocument], published: dt.date | None) -> list[Extracted]:
    assert _worker_reference is not None, "worker not started"
    return extract_many(docs, _worker_reference, published=published)


class ExtractionPool:
    """``extract_many`` over any number of documents, on ``jobs`` processes."""

    def __init__(self, reference: Reference, jobs: int = 1) -> None:
        self.reference = reference
        self.jobs = max(1, jobs)
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> ExtractionPool:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(cancel_futures=True)
            self._executor = None

    def worker_pids(self) -> list[int]:
        """The worker processes' ids (for measuring their memory), none before the first
        pooled batch."""
        if self._executor is None:
            return []
        processes = getattr(self._executor, "_processes", None) or {}
        return sorted(int(pid) for pid in processes)

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            source = self.reference.source
            # "spawn": a fork of a process with an event loop and threads can deadlock.
            self._executor = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_start_worker,
                initargs=(str(source) if source else None,),
            )
        return self._executor

    def extract(
        self, documents: Iterable[SourceDocument], *, published: dt.date | None = None
    ) -> Iterator[Extracted]:
        """The extraction of each document, in order."""
        chunks = _chunks(documents, _CHUNK)
        if self.jobs == 1:
            for chunk in chunks:
                yield from extract_many(chunk, self.reference, published=published)
            return
        head: list[list[SourceDocument]] = []
        for chunk in chunks:
            head.append(chunk)
            if len(head) == _WORTH_A_POOL:
                break
        if len(head) < _WORTH_A_POOL and self._executor is None:
            # A few documents: starting workers (a model load each) would cost more.
            for chunk in head:
                yield from extract_many(chunk, self.reference, published=published)
            return
        pool = self._pool()
        pending: deque[Future[list[Extracted]]] = deque()
        limit = 2 * self.jobs
        for chunk in _prepend(head, chunks):
            pending.append(pool.submit(_extract_chunk, chunk, published))
            if len(pending) >= limit:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _chunks(items: Iterable[SourceDocument], size: int) -> Iterator[list[SourceDocument]]:
    chunk: list[SourceDocument] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _prepend(
    head: list[list[SourceDocument]], rest: Iterator[list[SourceDocument]]
) -> Iterator[list[SourceDocument]]:
    yield from head
    yield from rest
