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


def _owner() -> str:
    return f"{_HOST}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


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
    block writers for ever); one left by a dead process on this machine is taken at once.
    """
    owner = _owner()
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
            and _dead_local(stale)
            and await store.write(WRITER_LOCK_STEAL, {**params, "stale": stale})
        ):
            break
        if time.monotonic() > deadline:
            raise WriterLockTimeout(f"another writer ({stale}) held the graph for {wait_s:.0f} s")
        await asyncio.sleep(pause)
        pause = min(pause * 2, 0.2)
    try:
        yield
    finally:
        with contextlib.suppress(GraphError):
            await store.write(WRITER_LOCK_RELEASE, {"owner": owner})
