"""GraphQL over HTTP conformance: graphql-http's server audits against `newsgraph serve`."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator

import pytest

from tests.helpers import ROOT
from tests.helpers.processes import embedded_env, serving

AUDIT = ROOT / "tools" / "graphql-http-audit" / "audit.mjs"
MODULES = ROOT / "tools" / "graphql-http-audit" / "node_modules"


@pytest.fixture(scope="module")
def served_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("audit")
    with serving(embedded_env(data_dir), data_dir / "serve.log") as served:
        yield served.base + "/graphql"


def test_the_graphql_over_http_audit_finds_no_error_and_no_warning(served_url: str) -> None:
    node = shutil.which("node")
    if node is None or not MODULES.exists():
        pytest.skip("needs Node.js and `npm ci --prefix tools/graphql-http-audit` (make setup)")
    done = subprocess.run(
        [node, str(AUDIT), served_url], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.stdout, done.stderr
    report = json.loads(done.stdout)
    failing = "\n".join(
        f"{d['status']} {d['id']} {d['name']}: {d['reason']} (HTTP {d['httpStatus']}, "
        f"{d['contentType']})"
        for d in report["details"]
    )
    print(
        f"audit: {report['ok']} ok, {report['notice']} notice, {report['warn']} warn, "
        f"{report['error']} error\n{failing}"
    )
    assert (report["error"], report["warn"]) == (0, 0), failing
    assert report["ok"] > 50, report
