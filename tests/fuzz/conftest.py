"""The fuzz suite: its marker, so the tests run before pyproject registers it."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    # --strict-markers refuses unknown marks; pyproject's `markers` list is the lasting home.
    config.addinivalue_line("markers", "fuzz: schemathesis against a running newsgraph serve")
