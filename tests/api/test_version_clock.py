"""The version clock under `serve --workers N`: a mutation through a sibling worker (counted
in SharedWrites, the memory the workers share) voids this worker's reading of the version."""

from __future__ import annotations

import asyncio

from newsgraph.api.caching import VersionClock
from newsgraph.api.workers import SharedWrites


async def test_a_reading_kept_or_in_flight_is_not_trusted_after_a_sibling_worker_writes() -> None:
    writes = SharedWrites()
    versions = iter(range(10))
    started, release = asyncio.Event(), asyncio.Event()

    async def read() -> int:
        version = next(versions)
        if version == 0:
            started.set()
            await release.wait()  # the first reading is slow
        return version

    clock = VersionClock(read, max_age_ms=600_000, siblings=writes)
    first = asyncio.ensure_future(clock.current())
    await started.wait()
    writes.bump()  # another worker's mutation, while the first reading is in flight
    second = asyncio.ensure_future(clock.current())
    await asyncio.sleep(0)
    release.set()
    # The second request does not take the reading that began before the write.
    assert (await first, await second) == (0, 1)
    assert clock.fresh() == 1 and await clock.current() == 1  # kept: no new reading
    writes.bump()
    assert clock.fresh() is None
    assert await clock.current() == 2


async def test_a_mutation_through_this_worker_is_counted_for_its_siblings() -> None:
    writes = SharedWrites()

    async def read() -> int:
        return 7

    clock = VersionClock(read, max_age_ms=600_000, siblings=writes)
    before = writes.mark()
    clock.invalidate()
    assert writes.mark() == before + 1
