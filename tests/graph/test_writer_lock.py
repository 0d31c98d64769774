"""The writer lease: who may take it while it has not expired.

A lease in the graph can outlive the block that took it: the graph went away after the block's
write and before its release (the embedded server, killed, comes back from its log with the
lease in it). Its process then takes it again at once; a lease a live block holds is never
taken, and one of a live process elsewhere is waited out.
"""

from __future__ import annotations

import asyncio
import os
import socket
import time

import pytest

from newsgraph.graph import Store
from newsgraph.graph.cypher import WRITER_LOCK_ACQUIRE, WRITER_LOCK_HOLDER, WRITER_LOCK_RELEASE
from newsgraph.graph.locks import WriterLockTimeout, writer_lock

# Far below the 60 s lease: a wait for the lease to expire fails the test.
SHORT_WAIT_S = 3.0


async def _leave_lease(store: Store, owner: str) -> None:
    """The graph as a block's lost release leaves it: the lease taken, never given back."""
    now = int(time.time() * 1000)
    taken = await store.write(
        WRITER_LOCK_ACQUIRE, {"owner": owner, "now": now, "expires": now + 60_000}
    )
    assert taken, "the lease was not free"


async def test_a_lease_this_process_left_behind_is_taken_again_at_once(store: Store) -> None:
    lost = f"{socket.gethostname()}:{os.getpid()}:0ldb10ck"
    await _leave_lease(store, lost)
    async with writer_lock(store, wait_s=SHORT_WAIT_S):
        (holder,) = await store.read(WRITER_LOCK_HOLDER)
        assert holder["owner"] != lost
    assert await store.read(WRITER_LOCK_HOLDER) == []


async def test_a_lease_a_live_block_of_this_process_holds_is_not_taken(store: Store) -> None:
    entered = asyncio.Event()
    leave = asyncio.Event()

    async def first_writer() -> None:
        async with writer_lock(store):
            entered.set()
            await leave.wait()

    first = asyncio.create_task(first_writer())
    await entered.wait()
    with pytest.raises(WriterLockTimeout):
        async with writer_lock(store, wait_s=0.5):
            pass
    leave.set()
    await first
    async with writer_lock(store, wait_s=SHORT_WAIT_S):
        pass


async def test_a_lease_of_a_live_process_elsewhere_is_waited_for(store: Store) -> None:
    # Our own parent is alive on this machine; another machine's process cannot be checked.
    for owner in (
        f"{socket.gethostname()}:{os.getppid()}:a11ve000",
        f"elsewhere.example:{os.getpid()}:a11ve000",
    ):
        await _leave_lease(store, owner)
        with pytest.raises(WriterLockTimeout):
            async with writer_lock(store, wait_s=0.3):
                pass
        assert await store.read(WRITER_LOCK_HOLDER) == [{"owner": owner}]
        await store.write(WRITER_LOCK_RELEASE, {"owner": owner})
