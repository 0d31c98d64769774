"""The Makefile as a newcomer meets it: what `make run` says on a machine without Node, and
what `make test` does about the system packages it would install with apt.

Each test runs make on a copy of the Makefile (and the script it calls) in a scratch directory,
with a PATH holding only the tools the test means the machine to have, so nothing is installed
and the checkout is never touched.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

MAKE = shutil.which("make")

pytestmark = pytest.mark.skipif(MAKE is None, reason="make is not installed")


class Machine:
    """A scratch copy of the build files and a bin directory standing for the machine's PATH."""

    def __init__(self, root: Path) -> None:
        self.repo = root / "repo"
        self.bin = root / "bin"
        self.calls = root / "calls"
        (self.repo / "tools").mkdir(parents=True)
        self.bin.mkdir()
        shutil.copy(ROOT / "Makefile", self.repo / "Makefile")
        shutil.copy(ROOT / "tools" / "prereqs.sh", self.repo / "tools" / "prereqs.sh")
        for tool in ("make", "sh", "id"):
            found = shutil.which(tool)
            assert found, f"{tool} is not installed"
            (self.bin / tool).symlink_to(found)
        (self.bin / "python3").symlink_to(sys.executable)

    def fake(self, name: str, output: str = "") -> None:
        """A stand-in for a tool: prints ``output`` and records that it ran."""
        script = self.bin / name
        script.write_text(f'#!/bin/sh\necho "{name} $*" >> "{self.calls}"\necho "{output}"\n')
        script.chmod(0o755)

    def make(self, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
        environment = {"PATH": str(self.bin), "HOME": os.environ.get("HOME", "/tmp"), **env}
        return subprocess.run(
            [str(self.bin / "make"), "--no-print-directory", *args],
            cwd=self.repo,
            env=environment,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )

    def ran(self) -> list[str]:
        return self.calls.read_text().splitlines() if self.calls.exists() else []


def test_make_run_without_node_stops_at_once_with_one_line(tmp_path: Path) -> None:
    machine = Machine(tmp_path)
    done = machine.make("run")
    assert done.returncode != 0
    assert done.stdout == ""
    (line,) = done.stderr.splitlines()
    assert "Node.js 20+ is needed" in line and "node is not on the PATH" in line, line
    assert not (machine.repo / ".venv").exists()


def test_make_run_with_an_old_node_names_its_version(tmp_path: Path) -> None:
    machine = Machine(tmp_path)
    machine.fake("node", "v18.19.0")
    machine.fake("npm", "10.2.3")
    done = machine.make("run")
    assert done.returncode != 0
    (line,) = done.stderr.splitlines()
    assert "Node.js 20+ is needed" in line and "v18.19.0" in line, line


def test_make_run_with_node_but_no_npm_says_npm_is_missing(tmp_path: Path) -> None:
    machine = Machine(tmp_path)
    machine.fake("node", "v20.11.1")
    done = machine.make("run")
    (line,) = done.stderr.splitlines()
    assert "npm is needed" in line, line


def test_make_run_with_an_old_python_names_it(tmp_path: Path) -> None:
    machine = Machine(tmp_path)
    machine.fake("node", "v20.11.1")
    machine.fake("npm", "10.2.3")
    old = machine.bin / "python-old"
    # A Python that prints its version when asked and fails the version check.
    old.write_text('#!/bin/sh\ncase "$2" in *print*) echo 3.9.2 ;; *) exit 1 ;; esac\n')
    old.chmod(0o755)
    done = machine.make("run", "PYTHON=python-old")
    (line,) = done.stderr.splitlines()
    assert "Python 3.11+ is needed" in line and "3.9.2" in line, line


def test_the_prerequisites_pass_with_python_node_and_npm(tmp_path: Path) -> None:
    machine = Machine(tmp_path)
    machine.fake("node", "v20.11.1")
    machine.fake("npm", "10.2.3")
    done = machine.make("prereqs")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_no_apt_installs_nothing_and_says_the_browser_tests_will_skip(tmp_path: Path) -> None:
    machine = Machine(tmp_path)
    machine.fake("apt-get")
    done = machine.make("browser", "CHROMIUM=/nonexistent/chromium", NEWSGRAPH_NO_APT="1")
    assert done.returncode == 0, done.stderr
    assert "NEWSGRAPH_NO_APT is set: not installing chromium" in done.stderr
    assert "browser tests will be skipped" in done.stderr
    assert machine.ran() == []


def test_a_machine_without_apt_gets_a_line_saying_what_is_not_installed(tmp_path: Path) -> None:
    machine = Machine(tmp_path)
    done = machine.make("wrk")
    assert done.returncode == 0, done.stderr
    assert "no apt-get on this machine: not installing wrk" in done.stderr
    assert "Python client" in done.stderr


def test_an_apt_install_is_announced_before_it_runs(tmp_path: Path) -> None:
    machine = Machine(tmp_path)
    machine.fake("apt-get")
    done = machine.make("browser", "CHROMIUM=/nonexistent/chromium")
    assert done.returncode == 0, done.stderr
    if os.geteuid() != 0:
        assert "not root: not installing chromium" in done.stderr
        assert machine.ran() == []
        return
    assert "installing Debian's chromium with apt-get (NEWSGRAPH_NO_APT=1 skips this)" in (
        done.stderr
    )
    assert machine.ran() == ["apt-get update -qq", "apt-get install -y -qq chromium"]


def test_nothing_is_installed_when_chromium_is_there(tmp_path: Path) -> None:
    machine = Machine(tmp_path)
    machine.fake("apt-get")
    present = tmp_path / "chromium"
    present.write_text("#!/bin/sh\n")
    present.chmod(0o755)
    done = machine.make("browser", f"CHROMIUM={present}")
    assert done.returncode == 0 and done.stderr == ""
    assert machine.ran() == []
