"""Turns for GraphQL operations: a few execute at once in a process, the others wait their turn.

One process serves GraphQL on one event loop, and an operation's resolvers await the graph
several times. Let every request in at once and, past the load the process can carry, each
await waits behind every other request's ready work: at 64 concurrent clients on 2 cores, an
await took a few hundred milliseconds to resume. Everything slowed alike, except what takes
turns inside the process: a search holds the only full-text slot (graph/store.py,
FulltextGate) until its coroutine resumes, so searches went one per a few hundred
milliseconds, took 7-10 s each (some past the query timeout) and held more and more of the
clients, while the rest of the mix answered in about a second. With at most ``slots``
operations executing and the rest waiting here, in arrival order, an await resumes at once, a
search's full-text slot turns over in about a hundred milliseconds, and every operation waits
about as long as every other. Measured back to back on the bench's 10,000-article graph at 64
clients (2026-12-02, one worker): 34 requests/s with a p99 of 10.5 s before, 61 requests/s
with a p99 of 1.4 s with 8 turns (README, Performance).

Only operations wait: answers from the response cache and 304s do not execute, subscriptions
hold their connection for as long as they run (their own limits apply, api/live.py), and the
request body has already been read (its read deadline does not run while a request waits).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator

from newsgraph.request_context import current_request

__all__ = ["Turns"]


class Turns:
    """At most ``slots`` operations executing at once in this process; the others wait their
    turn in arrival order (asyncio's Semaphore wakes its waiters first come, first served)."""

    def __init__(self, slots: int) -> None:
        if slots < 1:
            raise ValueError(f"operations need at least one turn at a time, got {slots}")
        self.slots = slots
        self._free = asyncio.Semaphore(slots)

    @contextlib.asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Hold a turn around one operation; the wait is added to the request's record (it
        shows in Server-Timing as ``queue``)."""
        began = time.perf_counter()
        async with self._free:
            info = current_request()
            if info is not None:
                info.queued_s += time.perf_counter() - began
            yield
