"""Day numbers and ISO days that schema set-up computes in Cypher, for graphs written before they
were stored, equal the ones the writer stores (Python's ``date.toordinal()`` and
``date.isoformat()``) for every date the API accepts."""

from __future__ import annotations

import datetime as dt
import random

from newsgraph.graph import Store
from newsgraph.graph.cypher import Statement

_CREATE = Statement(
    "TEST_CREATE_DATED",
    """
    UNWIND $days AS day
    CREATE (:Article {id: 'a' + day, published_on: date(day)})
    CREATE (:Meeting {id: 'm' + day, date: date(day)})
    CREATE (:Statement {id: 's' + day, date: date(day)})
    """,
    {"days": ["2025-08-23"]},
    write=True,
)
_NUMBERS = Statement(
    "TEST_DAY_NUMBERS",
    """
    MATCH (n) WHERE n:Article OR n:Meeting OR n:Statement
    RETURN labels(n)[0] AS label, substring(n.id, 1) AS iso, n.day AS day, n.day_number AS number
    """,
    {},
)


def _days() -> list[dt.date]:
    """The ends of the range, leap days and century years around them, and a random spread."""
    edges = [
        dt.date(1, 1, 1),
        dt.date(1, 12, 31),
        dt.date(4, 2, 29),
        dt.date(4, 3, 1),
        dt.date(100, 3, 1),
        dt.date(400, 2, 29),
        dt.date(999, 12, 31),
        dt.date(1000, 1, 1),
        dt.date(1582, 10, 15),
        dt.date(1600, 2, 29),
        dt.date(1700, 2, 28),
        dt.date(1700, 3, 1),
        dt.date(1900, 3, 1),
        dt.date(1969, 12, 31),
        dt.date(1970, 1, 1),
        dt.date(2000, 2, 29),
        dt.date(2038, 1, 19),
        dt.date(2038, 1, 20),
        dt.date(2100, 3, 1),
        dt.date(9999, 12, 31),
    ]
    spread = random.Random(11)
    last = dt.date(9999, 12, 31).toordinal()
    return edges + [dt.date.fromordinal(spread.randint(1, last)) for _ in range(1_500)]


async def test_set_up_numbers_and_writes_every_day_as_python_does(store: Store) -> None:
    days = sorted(set(_days()))
    await store.write(_CREATE, {"days": [day.isoformat() for day in days]})
    await store.setup_schema()
    rows = await store.read(_NUMBERS)
    assert len(rows) == 3 * len(days)
    wrong = [row for row in rows if row["number"] != dt.date.fromisoformat(row["day"]).toordinal()]
    assert wrong == []
