"""Raw-text extraction throughput: characters per second, one process against all cores.

    .venv/bin/python bench/extraction.py [--documents 400] [--jobs 2]

The documents are the real articles of tests/eval (each used several times, titles and URLs
varied so nothing is cached), extracted by ``extract_many`` in this process, then by an
``ExtractionPool`` of ``--jobs`` worker processes. Worker start-up (loading the model) is timed
apart from the steady rate. Peak memory is each process's high-water mark (VmHWM).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph.ingest.extract.article import extract_many  # noqa: E402
from newsgraph.ingest.extract.nlp import shared_pipeline  # noqa: E402
from newsgraph.ingest.extract.pool import ExtractionPool, default_jobs  # noqa: E402
from newsgraph.ingest.extract.reference import load_reference  # noqa: E402
from newsgraph.ingest.model import SourceDocument  # noqa: E402
from newsgraph.ingest.sources.files import read_file  # noqa: E402

ARTICLES = ROOT / "tests" / "eval" / "articles"


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


def measure(count: int, jobs: int) -> dict[str, Any]:
    reference = load_reference()
    docs = documents(count)
    characters = sum(len(d.body) for d in docs)

    started = time.perf_counter()
    shared_pipeline(reference)
    load_s = time.perf_counter() - started

    started = time.perf_counter()
    one = extract_many(docs, reference)
    one_s = time.perf_counter() - started
    failures = sum(1 for r in one if isinstance(r, Exception))

    with ExtractionPool(reference, jobs) as pool:
        # Warm the workers on a first pass so the steady rate excludes model loading.
        started = time.perf_counter()
        warm = docs[: 16 * jobs * 2]
        list(pool.extract(warm))
        startup_s = time.perf_counter() - started
        started = time.perf_counter()
        many = list(pool.extract(docs))
        many_s = time.perf_counter() - started
        worker_mb = [_hwm_mb(pid) for pid in pool.worker_pids()]
    same = [
        [a.model_dump() for a in r] if not isinstance(r, Exception) else str(r) for r in one
    ] == [[a.model_dump() for a in r] if not isinstance(r, Exception) else str(r) for r in many]
    return {
        "documents": count,
        "characters": characters,
        "failures": failures,
        "model_load_s": round(load_s, 2),
        "one_process_chars_per_s": round(characters / one_s),
        "jobs": jobs,
        "pool_startup_s": round(startup_s, 2),
        "pool_chars_per_s": round(characters / many_s),
        "speedup": round(one_s / many_s, 2),
        "pool_equals_one_process": same,
        "main_peak_mb": round(_hwm_mb(), 1),
        "worker_peak_mb": [round(x, 1) for x in worker_mb],
        "total_peak_mb": round(_hwm_mb() + sum(worker_mb), 1),
        "cores": os.cpu_count(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=400)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--json", type=Path, help="write the result here too")
    args = parser.parse_args()
    result = measure(args.documents, args.jobs)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
