"""`python -m tests.eval`: see tests/eval/run.py."""

from __future__ import annotations

import sys

from tests.eval.run import main

sys.exit(main())
