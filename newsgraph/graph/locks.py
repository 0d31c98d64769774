"""A lease that serialises writers of one graph across processes and engines."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import time
import uuid
from collections.abc import AsyncIterator

from newsgraph.graph.cypher import (
    WRITER_LOCK_ACQUIRE,
    WRITER_LOCK_HOLDER,
    WRITER_LOCK_RELEASE,
    WRITER_LOCK_STEAL,
)
from newsgraph.graph.errors import GraphError
from newsgraph.graph.store import Store

__all__ = ["WriterLockTimeout", "writer_lock"]

_HOST = socket.gethostname()


class WriterLockTimeout(GraphError):
    """Another writer held the graph for longer than we were willing to wait."""


# The leases this process's blocks hold, or are taking, now. A lease in the graph that names
# this process but none of these was left by a block that has ended without its release being
# applied: the graph went away between the write and the release (an embedded server killed,
# then restarted from its log, lease included). Nothing of this process writes under it any
# more, so this process takes it again at once instead of waiting it out. A lease a live block
# holds is never taken, whatever happened to the connections in between: that block may still
# write under it.
_LIVE: set[str] = set()


def _this_process() -> str:
    # Read at each call: a forked child is another process, with leases of its own.
    return f"{_HOST}:{os.getpid()}:"


def _owner() -> str:
    return f"{_this_process()}{uuid.uuid4().hex[:8]}"


def _abandoned(owner: str) -> bool:
    """No writer holds this lease any more, though it has not expired."""
    if owner.startswith(_this_process()):
        return owner not in _LIVE
    return _dead_local(owner)


def _dead_local(owner: str) -> bool:
    """The holder ran on this machine and its process is gone (a killed loader)."""
    host, _, rest = owner.partition(":")
    pid = rest.partition(":")[0]
    if host != _HOST or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@contextlib.asynccontextmanager
async def writer_lock(
    store: Store, *, lease_s: float = 60.0, wait_s: float = 120.0
) -> AsyncIterator[None]:
    """Hold the graph's writer lease for the block.

    The lease expires on its own after ``lease_s`` (a loader killed on another machine cannot
    block writers for ever); one left by a dead process on this machine, or by a block of this
    process whose release was lost with the graph, is taken at once.
    """
    owner = _owner()
    # Live from before the first attempt: an acquire whose reply is still on its way must not
    # look abandoned to another block of this process.
    _LIVE.add(owner)
    try:
        deadline = time.monotonic() + wait_s
        pause = 0.005
        while True:
            now = int(time.time() * 1000)
            params = {"owner": owner, "now": now, "expires": now + int(lease_s * 1000)}
            if await store.write(WRITER_LOCK_ACQUIRE, params):
                break
            holder = await store.read(WRITER_LOCK_HOLDER)
            stale = holder[0]["owner"] if holder else None
            if (
                stale
                and _abandoned(stale)
                and await store.write(WRITER_LOCK_STEAL, {**params, "stale": stale})
            ):
                break
            if time.monotonic() > deadline:
                raise WriterLockTimeout(
                    f"another writer ({stale}) held the graph for {wait_s:.0f} s"
                )
            await asyncio.sleep(pause)
            pause = min(pause * 2, 0.2)
        try:
            yield
        finally:
            with contextlib.suppress(GraphError):
                await store.write(WRITER_LOCK_RELEASE, {"owner": owner})
    finally:
        _LIVE.discard(owner)
