"""Small JSON state files in the data directory, written atomically.

What fetching remembers between runs (the validators of pages loaded, a watch's feeds) is a
JSON object in one file. A write goes to a temporary file in the same directory, is flushed
to disk, then renamed over the old file: a crash or a full disk leaves the old state whole,
never half a file.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["StateError", "read_state", "write_state"]


class StateError(ValueError):
    """A state file that cannot be read, naming it."""


def read_state(path: Path) -> dict[str, Any]:
    """The object in ``path``; empty when there is no file yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise StateError(f"{path}: cannot read state file: {exc.strerror or exc}") from None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StateError(
            f"{path}: state file is not valid JSON (line {exc.lineno}); delete it to start afresh"
        ) from None
    if not isinstance(value, dict):
        raise StateError(f"{path}: state file holds no JSON object; delete it to start afresh")
    return value


def write_state(path: Path, value: dict[str, Any]) -> None:
    """Replace ``path`` with ``value`` as JSON, atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(value, file, indent=1, sort_keys=True)
            file.write("\n")
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
