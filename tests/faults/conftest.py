"""Fixtures of the fault tests (their helpers: tests/helpers/faults.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.faults import CleanLoad, FalkorServer, clean_load
from tests.helpers.processes import free_port


@pytest.fixture
def falkordb(tmp_path: Path) -> Iterator[FalkorServer]:
    server = FalkorServer(free_port(), tmp_path / "falkordb")
    server.start()
    try:
        yield server
    finally:
        server.kill()


# The sizes keep each clean load around 5-10 s on two cores: long enough that a kill at a
# random point lands among the writes, short enough for the time budget.
SIZES = {"text": 200, "json": 300}


@pytest.fixture(scope="session", params=sorted(SIZES))
def clean(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> CleanLoad:
    fmt: str = request.param
    return clean_load(tmp_path_factory.mktemp(f"clean-{fmt}"), SIZES[fmt], fmt)
