"""`newsgraph load` extracting raw text on several processes writes what one process writes."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers.faults import dump_graph, environment, synthetic_corpus
from tests.helpers.processes import run_cli


def test_loading_on_two_workers_gives_the_graph_one_process_gives(tmp_path: Path) -> None:
    # 80 raw articles in 80 files: enough for the loader to start its workers (about 64).
    corpus = synthetic_corpus(tmp_path / "corpus", 80, "text")
    dumps = []
    for jobs in ("1", "2"):
        data_dir = tmp_path / f"graph-{jobs}"
        done = run_cli(
            "load", "--json", "--jobs", jobs, str(corpus), env=environment(data_dir), timeout=300
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["files"] == {"ok": 80, "failed": 0}
        dumps.append(dump_graph(data_dir))
    assert dumps[0] == dumps[1]
    assert any(node["labels"] == ["Meeting"] for node in dumps[0]["nodes"])


def test_a_file_without_article_text_fails_alone_among_files_extracted_together(
    tmp_path: Path,
) -> None:
    corpus = synthetic_corpus(tmp_path / "corpus", 70, "text")
    empty = corpus / "zz-empty.txt"
    empty.write_text("Title: Nothing here\n\nNews Feed\nRead more\n", encoding="utf-8")
    done = run_cli(
        "load", "--json", "--jobs", "2", str(corpus), env=environment(tmp_path / "g"), timeout=300
    )
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["files"] == {"ok": 70, "failed": 1}
    assert report["errors"] == [f"{empty}: no article text found after removing navigation "
                                "and captions"]  # fmt: skip
