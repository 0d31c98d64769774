"""Running newsgraph as a user does, for the tests that need real processes: the `newsgraph`
command, and `newsgraph serve` on a free port with its own embedded graph."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "data" / "corpus"
NEWSGRAPH = str(Path(sys.executable).parent / "newsgraph")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def embedded_env(data_dir: Path, **settings: str) -> dict[str, str]:
    """The environment of a process on its own embedded graph in `data_dir`, whatever
    NEWSGRAPH_* variables the shell running the tests has."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("NEWSGRAPH_")}
    env["NEWSGRAPH_DATA_DIR"] = str(data_dir)
    env.update(settings)
    return env


def run_cli(
    *args: str, env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [NEWSGRAPH, *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def load_corpus(env: dict[str, str], *paths: Path) -> None:
    done = run_cli("load", *(str(p) for p in paths or (CORPUS,)), env=env)
    assert done.returncode == 0, done.stdout + done.stderr


def _tail(path: Path, lines: int = 40) -> str:
    return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])


@contextmanager
def serving(env: dict[str, str], log_path: Path, ready_s: float = 60) -> Iterator[str]:
    """`newsgraph serve` on a free port until the block ends; yields its base URL once
    /readyz says ready. Its output goes to `log_path`, quoted when it fails to start."""
    port = free_port()
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [NEWSGRAPH, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + ready_s
        while True:
            if process.poll() is not None:
                raise AssertionError(
                    f"newsgraph serve exited with {process.returncode}:\n{_tail(log_path)}"
                )
            try:
                if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"newsgraph serve not ready in {ready_s:.0f} s:\n{_tail(log_path)}"
                )
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


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
