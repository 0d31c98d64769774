"""The `newsgraph` command as a user types it, against its own embedded graph."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
from pathlib import Path

import pytest

from tests.helpers import CORPUS, NEWSGRAPH
from tests.helpers.factories import call_article


def run(
    *args: str, data_dir: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "NEWSGRAPH_DATA_DIR": str(data_dir), **(env or {})}
    environment.pop("NEWSGRAPH_GRAPH_URL", None) if env is None else None
    return subprocess.run(
        [NEWSGRAPH, *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
        check=False,
    )


@pytest.fixture
def structured(tmp_path: Path) -> Path:
    path = tmp_path / "input" / "call.json"
    path.parent.mkdir()
    path.write_text(call_article().model_dump_json())
    return path


KINDS = ("articles", "actors", "meetings", "statements")


def test_load_then_stats_then_load_again_leaves_the_same_counts(
    tmp_path: Path, structured: Path
) -> None:
    data_dir = tmp_path / "graph"
    first = run("load", "--json", str(structured.parent), data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    stats = json.loads(run("db", "stats", "--json", data_dir=data_dir).stdout)
    del stats["graph"]  # names the port, which differs between runs
    # What the load says it created is what the graph holds, and nothing else happened.
    nothing = dict.fromkeys(KINDS, 0)
    summary = json.loads(first.stdout)
    assert summary["created"] == {kind: stats["nodes"][kind] for kind in KINDS}
    assert summary["changed"] == summary["unchanged"] == summary["merged"] == nothing
    again = run("load", "--json", str(structured.parent), data_dir=data_dir)
    summary = json.loads(again.stdout)
    assert summary["created"] == summary["changed"] == summary["merged"] == nothing
    assert summary["unchanged"] == {kind: stats["nodes"][kind] for kind in KINDS}
    restats = json.loads(run("db", "stats", "--json", data_dir=data_dir).stdout)
    assert {k: v for k, v in restats.items() if k != "graph"} == stats
    assert stats["nodes"]["articles"] == 1 and stats["nodes"]["meetings"] == 1


def _table(stdout: str) -> dict[str, list[str]]:
    """The summary table's rows: label -> the counts for KINDS."""
    rows = {}
    for line in stdout.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("│|").split("│")]
        if len(cells) == 5 and cells[0] in ("created", "changed", "unchanged", "merged", "removed"):
            rows[cells[0]] = cells[1:]
    return rows


def test_the_summary_table_says_what_changed_and_when_nothing_did(
    tmp_path: Path, structured: Path
) -> None:
    data_dir = tmp_path / "graph"
    first = run("load", str(structured.parent), data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    assert _table(first.stdout) == {
        "created": ["1", "5", "1", "1"],
        "changed": ["0", "0", "0", "0"],
        "unchanged": ["0", "0", "0", "0"],
    }
    assert "nothing changed" not in first.stdout
    # Another article reporting the same call, and the same statement in other words: the
    # statement changes (it keeps every wording), the call too (a second report makes it
    # surer: its confidence rises), the rest it touches stays as it was.
    other = tmp_path / "other.json"
    other.write_text(
        call_article(
            title="Another report",
            body="Zelensky phoned Schoof.",
            quote="The teams of Ukraine and its partners are working on the architecture now.",
        ).model_dump_json()
    )
    second = run("load", str(other), data_dir=data_dir)
    assert _table(second.stdout) == {
        "created": ["1", "0", "0", "0"],
        "changed": ["0", "0", "1", "1"],
        "unchanged": ["0", "5", "0", "0"],
    }
    again = run("load", str(structured.parent), str(other), data_dir=data_dir)
    assert again.returncode == 0, again.stderr
    assert "2 files loaded, 0 failed: nothing changed" in again.stdout
    assert _table(again.stdout) == {
        "created": ["0", "0", "0", "0"],
        "changed": ["0", "0", "0", "0"],
        "unchanged": ["2", "5", "1", "1"],
    }


def test_the_sample_corpus_loads_as_created_and_reloads_as_unchanged(tmp_path: Path) -> None:
    # The README's first load: raw pages whose facts are told more than once (one meeting in
    # two articles, the same words quoted twice) are merged inside the batch, and a first load
    # into an empty graph still says only "created"; a reload says "nothing changed".
    data_dir = tmp_path / "graph"
    first = run("load", str(CORPUS), data_dir=data_dir)
    assert first.returncode == 0, first.stderr
    stats = json.loads(run("db", "stats", "--json", data_dir=data_dir).stdout)["nodes"]
    counts = [str(stats[kind]) for kind in KINDS]
    assert _table(first.stdout) == {
        "created": counts,
        "changed": ["0"] * 4,
        "unchanged": ["0"] * 4,
    }
    assert "nothing changed" not in first.stdout and "updated" not in first.stdout
    again = run("load", str(CORPUS), data_dir=data_dir)
    assert again.returncode == 0, again.stderr
    assert "2 files loaded, 0 failed: nothing changed" in again.stdout
    assert _table(again.stdout) == {
        "created": ["0"] * 4,
        "changed": ["0"] * 4,
        "unchanged": counts,
    }


def test_a_bad_file_fails_alone_with_one_line_and_exit_1(tmp_path: Path, structured: Path) -> None:
    (structured.parent / "broken.json").write_text('{"title": "x",')
    done = run("load", "--json", str(structured.parent), data_dir=tmp_path / "graph")
    assert done.returncode == 1
    summary = json.loads(done.stdout)
    assert summary["files"] == {"ok": 1, "failed": 1}
    assert "broken.json" in summary["errors"][0] and "line 1" in summary["errors"][0]


def test_a_directory_load_lists_the_files_it_skips(tmp_path: Path, structured: Path) -> None:
    (structured.parent / "notes.csv").write_text("a,b\n1,2\n")
    (structured.parent / "page.pdf").write_bytes(b"%PDF-1.7")
    (structured.parent / ".hidden.csv").write_text("x")
    data_dir = tmp_path / "graph"
    done = run("load", str(structured.parent), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines == [
        f"skipped: {structured.parent / name} (not a type newsgraph reads: "
        ".atom, .htm, .html, .json, .jsonl, .md, .ndjson, .rss, .text, .txt, .xml)"
        for name in ("notes.csv", "page.pdf")
    ]
    assert "1 file loaded, 0 failed, 2 skipped" in done.stdout
    as_json = run("load", "--json", str(structured.parent), data_dir=data_dir)
    summary = json.loads(as_json.stdout)
    assert summary["skipped"] == [str(structured.parent / n) for n in ("notes.csv", "page.pdf")]


def test_dry_run_prints_the_rows_and_writes_nothing(tmp_path: Path, structured: Path) -> None:
    data_dir = tmp_path / "graph"
    done = run("load", "--dry-run", str(structured), data_dir=data_dir)
    assert done.returncode == 0, done.stderr
    plans = json.loads(done.stdout)
    assert plans[0]["articles"][0]["title"] == call_article().article.title
    assert not (data_dir / "server.json").exists()
    stats = json.loads(run("db", "stats", "--json", data_dir=data_dir).stdout)
    assert stats["nodes"]["articles"] == 0


def test_reset_empties_the_graph(tmp_path: Path, structured: Path) -> None:
    data_dir = tmp_path / "graph"
    run("load", str(structured), data_dir=data_dir)
    done = run("db", "reset", "--yes", data_dir=data_dir)
    assert done.returncode == 0 and "1 nodes deleted" not in done.stdout
    stats = json.loads(run("db", "stats", "--json", data_dir=data_dir).stdout)
    assert set(stats["nodes"].values()) == {0}


def test_an_unreachable_graph_url_exits_non_zero_with_one_line(tmp_path: Path) -> None:
    done = run(
        "db", "init", data_dir=tmp_path, env={"NEWSGRAPH_GRAPH_URL": "falkordb://127.0.0.1:1"}
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "falkordb://127.0.0.1:1" in lines[0], done.stderr


def test_a_bad_graph_url_scheme_is_refused(tmp_path: Path) -> None:
    done = run("db", "init", data_dir=tmp_path, env={"NEWSGRAPH_GRAPH_URL": "mysql://x"})
    assert done.returncode == 2
    assert "mysql" in done.stderr


def test_schema_prints_the_sdl(tmp_path: Path) -> None:
    done = run("schema", data_dir=tmp_path)
    assert done.returncode == 0
    assert "type Query" in done.stdout


@pytest.mark.parametrize("given", ["--port", "NEWSGRAPH_PORT"])
def test_serve_on_a_taken_port_says_so_in_one_line_naming_the_port(
    tmp_path: Path, given: str
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        data_dir = tmp_path / "graph"
        if given == "--port":
            done = run("serve", "--port", str(port), data_dir=data_dir)
        else:
            done = run("serve", data_dir=data_dir, env={"NEWSGRAPH_PORT": str(port)})
    assert done.returncode == 1
    (line,) = done.stderr.strip().splitlines()
    assert f"port {port} is already in use on 127.0.0.1" in line, line
    assert f"NEWSGRAPH_PORT={port + 1}" in line
    # It stopped before anything else: no "serving" line, no graph server started.
    assert "serving" not in done.stderr
    assert not (data_dir / "server.json").exists()


# Typer's type tags ("<bool>", "<int range>", "<list[Path]>") and its "{paths}..." usage.
TYPE_TAG = re.compile(r"<(?:bool|str|int|float|Path|list\[[^]]*\]|int range)>|\{\w+(?:\.\.\.)?\}")


def _help(*args: str, data_dir: Path) -> str:
    done = run(*args, data_dir=data_dir, env={"COLUMNS": "100"})
    assert done.returncode == 0, done.stderr
    # Wrapped lines joined, so a default is found wherever the terminal width breaks it.
    return " ".join(done.stdout.split())


def test_help_shows_each_options_value_default_and_environment_variable(tmp_path: Path) -> None:
    serve = _help("serve", "--help", data_dir=tmp_path)
    assert "--port <PORT> Port to listen on [env: NEWSGRAPH_PORT] [default: 8000]" in serve
    assert "--host <HOST> Interface to listen on [env: NEWSGRAPH_HOST] [default: 127.0.0.1]" in (
        serve
    )
    assert "NEWSGRAPH_API_KEYS" in serve
    load = _help("load", "-h", data_dir=tmp_path)
    assert "Usage: newsgraph load [OPTIONS] <PATH|URL>..." in load
    assert "<PATH|URL>... Files or directories (recursed) of articles" in load
    assert "--no-follow-links For a feed entry" in load
    assert "NEWSGRAPH_FETCH_MAX_BYTES Bytes of one page or feed [default: 5000000]" in load
    assert "-j, --jobs <N>" in load and "[default: 0]" in load
    assert "--published <DATE>" in load and "--dry-run Print" in load
    assert "NEWSGRAPH_LOAD_BATCH Articles per atomic write [default: 200]" in load
    top = _help("--help", data_dir=tmp_path)
    assert (
        "NEWSGRAPH_DATA_DIR Where the embedded FalkorDB keeps its data [default: .newsgraph]"
        in (top)
    )
    assert "NEWSGRAPH_GRAPH_URL" in top and "serve Serve the API" in top
    reset = _help("db", "reset", "--help", data_dir=tmp_path)
    for text in (serve, load, top, reset):
        assert not TYPE_TAG.search(text), TYPE_TAG.search(text)


def test_loading_a_corrected_article_again_replaces_what_it_said(tmp_path: Path) -> None:
    source = tmp_path / "input" / "talks.txt"
    source.parent.mkdir()
    header = "Title: Talks in Geneva\nURL: https://news.example/talks\nPublished: 2025-11-23\n\n"
    source.write_text(
        header + "Ukrainian Foreign Minister Andrii Sybiha met U.S. Secretary of State Marco "
        "Rubio in Geneva on Sunday.\n"
    )
    data_dir = tmp_path / "graph"
    first = json.loads(run("load", "--json", str(source), data_dir=data_dir).stdout)
    assert first["created"]["meetings"] == 1
    # The outlet corrects the story: it was the head of the presidential office.
    source.write_text(
        header + "Head of the Presidential Office Andriy Yermak met U.S. Secretary of State "
        "Marco Rubio in Geneva on Sunday.\n"
    )
    again = json.loads(run("load", "--json", str(source), data_dir=data_dir).stdout)
    assert again["changed"]["articles"] == 1 and again["created"]["articles"] == 0
    # The Sybiha-Rubio meeting went with the old text; the Yermak-Rubio one is new.
    assert again["removed"]["meetings"] == 1 and again["created"]["meetings"] == 1
    stats = json.loads(run("db", "stats", "--json", data_dir=data_dir).stdout)
    assert stats["nodes"]["articles"] == 1 and stats["nodes"]["meetings"] == 1
    unchanged = json.loads(run("load", "--json", str(source), data_dir=data_dir).stdout)
    assert unchanged["unchanged"]["meetings"] == 1
    assert unchanged["created"] == unchanged["changed"] == dict.fromkeys(KINDS, 0)
    assert unchanged["removed"] == dict.fromkeys(KINDS, 0)


def test_the_load_summary_shows_what_a_corrected_article_no_longer_says(tmp_path: Path) -> None:
    source = tmp_path / "talks.txt"
    header = "Title: Talks\nURL: https://news.example/talks\nPublished: 2025-11-23\n\n"
    source.write_text(
        header + "Ukrainian Foreign Minister Andrii Sybiha met U.S. Secretary of State Marco "
        "Rubio in Geneva on Sunday.\n"
    )
    data_dir = tmp_path / "graph"
    run("load", str(source), data_dir=data_dir)
    source.write_text(header + "Nothing happened in Geneva on Sunday.\n")
    rows = _table(run("load", str(source), data_dir=data_dir).stdout)
    # (articles, actors, meetings, statements): the meeting went with the old text
    assert rows["removed"] == ["0", "0", "1", "0"]
    assert rows["changed"][0] == "1"
