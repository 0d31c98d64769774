"""The Explorer's types come from the SDL snapshot: a breaking schema change fails its build.

`npm run build` in web/ runs GraphQL Code Generator on tests/snapshots/schema.graphql before
`tsc` and `vite build` (and `make test` runs the build). Here codegen runs on a copy of the
snapshot without a field the Explorer asks for, and must refuse.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import ROOT

WEB = ROOT / "web"
SCHEMA = ROOT / "tests" / "snapshots" / "schema.graphql"
CODEGEN = WEB / "node_modules" / ".bin" / "graphql-codegen"

pytestmark = pytest.mark.skipif(
    not CODEGEN.is_file() or shutil.which("node") is None,
    reason="web/node_modules not installed: `make setup` runs npm ci in web/",
)


def _codegen(schema: Path, out: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "EXPLORER_SCHEMA": str(schema), "EXPLORER_CODEGEN_OUT": f"{out}/"}
    return subprocess.run(
        [str(CODEGEN), "--config", "codegen.ts"],
        cwd=WEB,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_codegen_refuses_a_schema_without_a_field_the_explorer_uses(tmp_path: Path) -> None:
    sdl = SCHEMA.read_text()
    # Counterpart.lastMetOn with its description: the actor panel shows when they last met.
    without, removed = re.subn(r'\n  """[^"]*"""\n  lastMetOn: Date\n', "\n", sdl)
    assert removed == 1, "the snapshot changed: pick another field the Explorer queries"
    broken = tmp_path / "schema.graphql"
    broken.write_text(without)

    result = _codegen(broken, tmp_path / "gql")

    assert result.returncode != 0, result.stdout + result.stderr
    assert "lastMetOn" in result.stdout + result.stderr
    assert not (tmp_path / "gql" / "graphql.ts").exists()


def test_codegen_accepts_the_committed_snapshot(tmp_path: Path) -> None:
    result = _codegen(SCHEMA, tmp_path / "gql")

    assert result.returncode == 0, result.stdout + result.stderr
    types = (tmp_path / "gql" / "graphql.ts").read_text()
    assert "export type ActorQuery" in types and "lastMetOn: string | null" in types
