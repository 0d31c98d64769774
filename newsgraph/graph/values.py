"""Value conversion at the boundary: what goes in as parameters and what comes back.

Both adapters return plain Python values — dicts, lists, str, int, float, bool, None and
``datetime.date`` — whatever the engine's own types are.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import Enum
from typing import Any

__all__ = ["to_params", "to_python"]


_PLAIN = frozenset({str, int, float, bool, type(None)})


def to_params(value: Any) -> Any:
    """Parameters as both engines accept them: dates as ISO strings (Cypher wraps them in
    ``date()``), enums as their values, tuples and sets as lists."""
    # Most values of a loader's batch (tens of thousands) are plain: answer those first.
    if type(value) in _PLAIN:
        return value
    if isinstance(value, Mapping):
        return {str(k): to_params(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_params(v) for v in value]
    if isinstance(value, set | frozenset):
        return [to_params(v) for v in sorted(value)]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_python(value: Any) -> Any:
    """Engine values to plain Python (Neo4j's temporal types have ``to_native``)."""
    if isinstance(value, Mapping):
        return {str(k): to_python(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_python(v) for v in value]
    to_native = getattr(value, "to_native", None)
    if callable(to_native):
        return to_native()
    return value
