"""Debian's headless Chromium, driven by Playwright, kept off the network."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
# Playwright's own browser download does not work here: we drive Debian's Chromium, with the
# flags that keep it off the network it cannot reach.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}
# Schemes that never touch the network.
INERT_SCHEMES = {"data", "blob", "about"}


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in INERT_SCHEMES or parts.hostname in LOCAL_HOSTS


@contextmanager
def chromium_browser() -> Iterator[Any]:
    """Debian's headless Chromium driven by Playwright; skips when either is missing."""
    if not CHROMIUM.is_file():
        pytest.skip(
            f"{CHROMIUM} is missing: `make browser` installs Debian's chromium with apt-get "
            "(as root, without NEWSGRAPH_NO_APT)"
        )
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the playwright Python package is missing: `make setup` installs it")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()
