"""Web-page reading throughput: pages and HTML characters per second, for ``read_html`` alone
and end to end through extraction, against extraction of the same stories from text.

    .venv/bin/python bench/html_extraction.py [--pages 200] [--repeat 3]

The pages are the four site templates of tests/fixtures/web (a wire service's, a page with
JSON-LD metadata, a WordPress blog's, a government press release), each used many times with
its canonical URL varied so no result is reused. In one process: ``read_html`` (trafilatura
and, for pages whose markup states no date, htmldate) over every page; then ``extract_many``
over the documents it gave: what the same stories cost from ``.txt`` files with the same
metadata, so ``end_to_end_vs_text`` is the rate from HTML over the rate from text. HTML
characters are the pages' own, markup included: what a crawl has to push through.

Wall-clock rates swing with the machine's load; each figure also has its CPU-time rate, and
the load average around the run is reported. ``--repeat`` keeps the best round.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph.ingest.extract.article import extract_many  # noqa: E402
from newsgraph.ingest.extract.nlp import shared_pipeline  # noqa: E402
from newsgraph.ingest.extract.reference import load_reference  # noqa: E402
from newsgraph.ingest.model import SourceDocument  # noqa: E402
from newsgraph.ingest.sources.html import read_html  # noqa: E402

PAGES = ROOT / "tests" / "fixtures" / "web"


def pages(count: int) -> list[str]:
    originals = [path.read_text(encoding="utf-8") for path in sorted(PAGES.glob("*.html"))]
    out: list[str] = []
    for index in range(count):
        page = originals[index % len(originals)]
        # A different canonical URL (or, without one, a marker comment) on every copy.
        varied = page.replace('rel="canonical" href="', f'rel="canonical" href="/v{index}')
        out.append(varied if varied != page else f"<!-- copy {index} -->\n{page}")
    return out


def _best(repeat: int, work: Callable[[], Any]) -> tuple[float, float, Any]:
    """The best wall and CPU seconds of ``repeat`` rounds of ``work``, and its last result."""
    wall = cpu = float("inf")
    result: Any = None
    for _ in range(repeat):
        started, spent = time.perf_counter(), time.process_time()
        result = work()
        wall = min(wall, time.perf_counter() - started)
        cpu = min(cpu, time.process_time() - spent)
    return wall, cpu, result


def measure(count: int, repeat: int = 1) -> dict[str, Any]:
    reference = load_reference()
    shared_pipeline(reference)  # the model loads once, outside every timing
    html = pages(count)
    html_chars = sum(len(page) for page in html)
    load_before = round(os.getloadavg()[0], 2)

    def read() -> list[SourceDocument]:
        return [read_html(page, origin=f"bench-{i}") for i, page in enumerate(html)]

    read_s, read_cpu, documents = _best(repeat, read)
    text_chars = sum(len(d.body) for d in documents)
    extract_s, extract_cpu, results = _best(repeat, lambda: extract_many(documents, reference))
    failures = sum(1 for r in results if isinstance(r, Exception))
    total_s, total_cpu = read_s + extract_s, read_cpu + extract_cpu
    return {
        "pages": count,
        "templates": len(list(PAGES.glob("*.html"))),
        "html_characters": html_chars,
        "text_characters": text_chars,
        "failures": failures,
        "repeat": repeat,
        "read_html_pages_per_s": round(count / read_s, 1),
        "read_html_html_chars_per_s": round(html_chars / read_s),
        "read_html_cpu_pages_per_s": round(count / read_cpu, 1),
        "end_to_end_pages_per_s": round(count / total_s, 1),
        "end_to_end_html_chars_per_s": round(html_chars / total_s),
        "end_to_end_cpu_pages_per_s": round(count / total_cpu, 1),
        "extraction_pages_per_s": round(count / extract_s, 1),
        "extraction_cpu_pages_per_s": round(count / extract_cpu, 1),
        "read_html_share_of_end_to_end": round(read_s / total_s, 2),
        "end_to_end_vs_text": round(extract_s / total_s, 2),
        "cores": os.cpu_count(),
        "load_average": [load_before, round(os.getloadavg()[0], 2)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=1, help="rounds; the best is kept")
    parser.add_argument("--json", type=Path, help="write the result here too")
    args = parser.parse_args()
    result = measure(args.pages, max(1, args.repeat))
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
