"""Raw-text extraction throughput: characters per second, one process against all cores.

    .venv/bin/python bench/extraction.py [--documents 400] [--jobs 2] [--repeat 3]
    .venv/bin/python bench/extraction.py --against /work/main     # this tree / that one

The documents are the real articles of tests/eval (each used several times, titles and URLs
varied so nothing is cached), extracted by ``extract_many`` in this process, then by an
``ExtractionPool`` of ``--jobs`` worker processes (the pool first, so that this process has
not loaded a model of its own while it runs). Worker start-up (loading the model) is timed
apart from the steady rate. Peak memory is each process's high-water mark (VmHWM); the total
is the pool's: its parent's and its workers'.

Wall-clock rates swing with whatever else the machine runs, so each run also reports the CPU
time it used (``*_cpu_chars_per_s``: characters per CPU second, this process's for the one
process run, every process's for the pool) and the load average around it: on a shared
machine the CPU rates are the steadier measure of the code. ``--repeat`` keeps the best
round. ``--against TREE`` measures another checkout of newsgraph (its ``newsgraph`` package,
this tree's articles and this measuring code) in alternate rounds with this one, each in a
fresh process, and reports the best of each and their ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# The checkout whose code is measured (``--against`` sets it for the other tree's rounds).
TREE = Path(os.environ.get("NEWSGRAPH_BENCH_TREE", ROOT))
sys.path.insert(0, str(TREE))

from newsgraph.ingest.extract.article import extract_many  # noqa: E402
from newsgraph.ingest.extract.nlp import shared_pipeline  # noqa: E402
from newsgraph.ingest.extract.pool import ExtractionPool, default_jobs  # noqa: E402
from newsgraph.ingest.extract.reference import load_reference  # noqa: E402
from newsgraph.ingest.model import SourceDocument  # noqa: E402
from newsgraph.ingest.sources.files import read_file  # noqa: E402

ARTICLES = ROOT / "tests" / "eval" / "articles"
_TICKS = os.sysconf("SC_CLK_TCK")


def documents(count: int) -> list[SourceDocument]:
    originals = [
        item
        for path in sorted(ARTICLES.glob("*.txt"))
        for item in read_file(path)
        if isinstance(item, SourceDocument)
    ]
    out: list[SourceDocument] = []
    for index in range(count):
        doc = originals[index % len(originals)]
        out.append(doc.model_copy(update={"url": f"https://bench.example/{index}"}))
    return out


def _hwm_mb(pid: int | str = "self") -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_s(pid: int) -> float:
    """User and system CPU seconds a process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _TICKS


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def measure(count: int, jobs: int, repeat: int = 1) -> dict[str, Any]:
    reference = load_reference()
    docs = documents(count)
    characters = sum(len(d.body) for d in docs)
    load_before = _load()

    # The pool first, while this process has not loaded the model: the pool's memory is then
    # what a `newsgraph load --jobs N` costs (a parent holding the documents, N workers), not
    # that plus a whole second pipeline in the parent.
    with ExtractionPool(reference, jobs) as pool:
        # Warm the workers on a first pass so the steady rate excludes model loading.
        started = time.perf_counter()
        warm = docs[: 16 * jobs * 2]
        list(pool.extract(warm))
        startup_s = time.perf_counter() - started
        pids = pool.worker_pids()
        many_s = many_cpu = float("inf")
        many: list[Any] = []
        for _ in range(repeat):
            before = sum(_cpu_s(pid) for pid in pids)
            started, cpu = time.perf_counter(), time.process_time()
            many = list(pool.extract(docs))
            many_s = min(many_s, time.perf_counter() - started)
            spent = time.process_time() - cpu + sum(_cpu_s(pid) for pid in pids) - before
            many_cpu = min(many_cpu, spent)
        worker_mb = [_hwm_mb(pid) for pid in pids]
    pool_parent_mb = _hwm_mb()

    started = time.perf_counter()
    shared_pipeline(reference)
    load_s = time.perf_counter() - started

    one_s = one_cpu = float("inf")
    one: list[Any] = []
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        one = extract_many(docs, reference)
        one_s = min(one_s, time.perf_counter() - started)
        one_cpu = min(one_cpu, time.process_time() - cpu)
    failures = sum(1 for r in one if isinstance(r, Exception))
    same = [
        [a.model_dump() for a in r] if not isinstance(r, Exception) else str(r) for r in one
    ] == [[a.model_dump() for a in r] if not isinstance(r, Exception) else str(r) for r in many]
    return {
        "documents": count,
        "characters": characters,
        "failures": failures,
        "repeat": repeat,
        "model_load_s": round(load_s, 2),
        "one_process_chars_per_s": round(characters / one_s),
        "one_process_cpu_chars_per_s": round(characters / one_cpu),
        "jobs": jobs,
        "pool_startup_s": round(startup_s, 2),
        "pool_chars_per_s": round(characters / many_s),
        "pool_cpu_chars_per_s": round(characters / many_cpu),
        "speedup": round(one_s / many_s, 2),
        "pool_equals_one_process": same,
        # one process alone: this process after its own run (the pool's parent before it)
        "main_peak_mb": round(_hwm_mb(), 1),
        "pool_parent_peak_mb": round(pool_parent_mb, 1),
        "worker_peak_mb": [round(x, 1) for x in worker_mb],
        "total_peak_mb": round(pool_parent_mb + sum(worker_mb), 1),
        "cores": os.cpu_count(),
        "load_average": [load_before, _load()],
    }


_COMPARED = (
    "one_process_chars_per_s",
    "one_process_cpu_chars_per_s",
    "pool_chars_per_s",
    "pool_cpu_chars_per_s",
)


def against(other: Path, count: int, jobs: int, repeat: int) -> dict[str, Any]:
    """This tree and ``other`` in alternate rounds, each round a fresh process: the best of
    each figure per tree, and this tree's best over the other's."""
    rounds: dict[str, list[dict[str, Any]]] = {"this": [], "other": []}
    trees = {"this": TREE, "other": other.resolve()}
    for _ in range(repeat):
        for name, tree in trees.items():
            path = os.pathsep.join(p for p in (str(tree), os.environ.get("PYTHONPATH")) if p)
            env = {**os.environ, "NEWSGRAPH_BENCH_TREE": str(tree), "PYTHONPATH": path}
            done = subprocess.run(
                [sys.executable, __file__, "--documents", str(count), "--jobs", str(jobs)],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            rounds[name].append(json.loads(done.stdout))
    best = {
        name: {
            **{key: max(r[key] for r in runs) for key in _COMPARED},
            "total_peak_mb": min(r["total_peak_mb"] for r in runs),
            "load_average": [r["load_average"] for r in runs],
        }
        for name, runs in rounds.items()
    }
    return {
        "documents": count,
        "jobs": jobs,
        "rounds": repeat,
        "this": {"tree": str(TREE), **best["this"]},
        "other": {"tree": str(trees["other"]), **best["other"]},
        "ratio": {key: round(best["this"][key] / best["other"][key], 2) for key in _COMPARED},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--repeat", type=int, default=1, help="rounds; the best is kept")
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    parser.add_argument("--json", type=Path, help="write the result here too")
    args = parser.parse_args()
    if args.against:
        result = against(args.against, args.documents, args.jobs, max(1, args.repeat))
    else:
        result = measure(args.documents, args.jobs, max(1, args.repeat))
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
