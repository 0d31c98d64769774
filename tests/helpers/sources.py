"""Checks on the source readers' errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.ingest.sources.files import SourceError, read_file

__all__ = ["assert_read_fails"]


def assert_read_fails(path: Path, content: bytes, problem: str) -> None:
    """Writing ``content`` to ``path`` and reading it fails with one line that names the file
    and starts with ``problem``."""
    path.write_bytes(content)
    with pytest.raises(SourceError) as caught:
        read_file(path)
    assert caught.value.origin == str(path)
    assert caught.value.problem.startswith(problem)
    assert "\n" not in str(caught.value)
