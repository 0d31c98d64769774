"""What the tests share: where things are, how newsgraph runs as a user runs it, built
articles, and checks on a graph. Fixtures stay in the conftests; everything else is here.

- ``processes``: the `newsgraph` command, `newsgraph serve` on a free port, embedded graphs;
- ``factories``: hand-built articles and synthetic corpora;
- ``api``: the ASGI app over HTTP, with a GraphQL helper;
- ``graphs``: checks on a graph's derived edges;
- ``faults``: killing, racing and outage helpers of tests/faults;
- ``sources``: checks on the source readers' errors;
- ``site``: a local HTTP site for the fetcher's tests;
- ``browser``: Debian's headless Chromium.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["CORPUS", "NEWSGRAPH", "ROOT"]

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")
