"""`make bench`: every benchmark of newsgraph in one run, written as JSON, markdown and a plot.

    .venv/bin/python bench/run.py            # the full run: 1k, 10k and 100k articles
    .venv/bin/python bench/run.py --quick    # small sizes and short runs, under two minutes

What it measures, each side by side in this one run (absolute times only as context; the
machines it runs on are shared and noisy):

1. loader throughput at the load size, structured and raw, against a bare UNWIND insert of
   the same rows (bench/loader.py);
2. the loader's peak memory, as `newsgraph load` of the largest corpus;
3. API throughput and latency at concurrency 1, 16 and 64 on the API size, GraphQL against a
   bare Starlette route running the equivalent Cypher (bench/api.py, bench/direct.py), the
   share of request time spent waiting on the graph, and round trips per operation;
4. growth: p50 of the indexed queries and the aggregates at every corpus size;
5. a soak at concurrency 64: errors and server memory;
6. worker processes: GraphQL throughput at concurrency 16 on the smallest corpus with
   `newsgraph serve --workers 1` and `--workers 2`, the ratio, and where the CPU went
   (the API's workers, the graph server, the load generator, everything else on the machine).

Results go to bench/results/ (or --out): results.json, results.md and latency.png.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import itertools
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import api
import extraction
import loader
from corpus import write

from newsgraph.graph import open_graph
from newsgraph.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Plan:
    name: str
    load_size: int  # loader throughput
    sizes: tuple[int, ...]  # growth; the last is also the memory run
    api_size: int  # throughput, latency and soak
    duration_s: float  # per concurrency and target
    soak_s: float
    growth_n: int
    rounds: int  # sequential passes of the mix (graph share, round trips)


FULL = Plan("full", 10_000, (1_000, 10_000, 100_000), 10_000, 15.0, 60.0, 200, 50)
QUICK = Plan("quick", 500, (1_000, 3_000), 1_000, 3.0, 10.0, 40, 10)
# The smallest run there is, for the test suite's smoke test: checks the code, measures nothing.
# (The mix's actors first meet within the date range it asks about at about 1,000 articles.)
SMOKE = Plan("smoke", 100, (1_000,), 1_000, 1.0, 2.0, 3, 2)
PLANS = {plan.name: plan for plan in (FULL, QUICK, SMOKE)}


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gb = round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
    ).stdout.strip()
    wrk = shutil.which("wrk")
    wrk_version = None
    if wrk:
        # "wrk debian/4.1.0-3+b2 [epoll] Copyright ..." -> "wrk debian/4.1.0-3+b2"
        banner = subprocess.run([wrk, "--version"], capture_output=True, text=True).stdout
        wrk_version = " ".join(banner.split()[:2]) or "wrk"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": memory_gb,
        "os": platform.platform(),
        "python": platform.python_version(),
        "load_tool": wrk_version or "httpx fallback (wrk not installed)",
        "commit": commit or None,
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
    }


async def _hold(data_dir: Path) -> Any:
    graph = await open_graph(Settings(data_dir=data_dir))
    await graph.store.setup_schema()
    return graph


def build_graph(size: int, work: Path) -> dict[str, Any]:
    """A graph of `size` structured articles, loaded by `newsgraph load` as a user would, with
    its peak memory; then how long the graph server takes to start on it again."""
    corpus = write(size, "json", work / f"json-{size}")
    data_dir = work / f"graph-{size}"

    async def load() -> dict[str, Any]:
        graph = await _hold(data_dir)
        try:
            return await asyncio.to_thread(loader.peak_memory_of_load, [corpus], data_dir)
        finally:
            await graph.close()

    result = asyncio.run(load())

    async def restart() -> float:
        began = time.perf_counter()
        graph = await open_graph(Settings(data_dir=data_dir))
        seconds = time.perf_counter() - began
        await graph.close()
        return seconds

    result["graph_start_s"] = round(asyncio.run(restart()), 2)
    result["corpus_mb"] = round(corpus.stat().st_size / 2**20, 1)
    return result


def measure_extraction(documents: int, jobs: int) -> dict[str, Any]:
    """bench/extraction.py in a process of its own: its memory high-water marks are then the
    extraction's, not those of the loader benchmark this process ran before."""
    done = subprocess.run(
        [sys.executable, str(Path(extraction.__file__)), "--documents", str(documents),
         "--jobs", str(jobs)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def run(plan: Plan, work: Path, log: Any = print) -> dict[str, Any]:
    began = time.perf_counter()
    out: dict[str, Any] = {"plan": plan.__dict__, "machine": machine()}
    log(f"loader throughput at {plan.load_size} articles")
    out["loader"] = asyncio.run(loader.measure(plan.load_size, work / "loader"))
    log("raw-text extraction: one process against every core")
    out["extraction"] = measure_extraction(max(64, plan.load_size // 5), os.cpu_count() or 1)
    out["graphs"] = {}
    out["growth"] = {}
    for size in plan.sizes:
        log(f"loading {size} articles with `newsgraph load`")
        out["graphs"][str(size)] = build_graph(size, work)
        data_dir = work / f"graph-{size}"
        main = size == plan.api_size
        log(f"API on {size} articles" + (": throughput, latency and soak" if main else ""))
        measured = api.run(
            data_dir,
            duration_s=plan.duration_s,
            warm_up_s=min(5.0, plan.duration_s),
            sequential_rounds=plan.rounds,
            soak_s=plan.soak_s if main else None,
            growth_n=plan.growth_n,
            throughput_too=main,
        )
        if not measured["check"]["ok"]:
            raise RuntimeError(f"the mix failed its check on {size} articles: {measured['check']}")
        out["growth"][str(size)] = measured["growth"]
        if main:
            out["api"] = {
                key: measured[key] for key in ("tool", "sequential", "throughput", "soak")
            }
    smallest = plan.sizes[0]
    log(f"API on {smallest} articles with 1 and 2 worker processes, c=16")
    out["workers"] = api.workers_comparison(
        work / f"graph-{smallest}",
        duration_s=plan.duration_s,
        warm_up_s=min(5.0, plan.duration_s),
    )
    out["workers"]["articles"] = smallest
    out["seconds"] = round(time.perf_counter() - began, 1)
    out["targets"] = targets(out)
    return out


def _growth_ratio(out: dict[str, Any], op: str) -> float:
    sizes = sorted(out["growth"], key=int)
    first = out["growth"][sizes[0]]["ops"][op]["graphql_p50_ms"]
    last = out["growth"][sizes[-1]]["ops"][op]["graphql_p50_ms"]
    return round(last / first, 2)


def targets(out: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of the benchmark issue against what this run measured."""
    rows: list[dict[str, Any]] = []
    ratios = out["api"]["throughput"]["ratio_graphql_over_direct_rps"]
    for c, ratio in ratios.items():
        rows.append(
            {
                "target": f"GraphQL / direct throughput at c={c}",
                "goal": ">= 0.7",
                "measured": ratio,
                "met": ratio >= 0.7,
            }
        )
    workers = out.get("workers")
    if workers:
        ratio = workers["ratio_over_one_worker"]["2"]
        rows.append(
            {
                "target": f"GraphQL throughput at c={workers['connections']}, 2 workers / 1 worker",
                "goal": ">= 1.6",
                "measured": ratio,
                "met": ratio >= 1.6,
            }
        )
    ex = out.get("extraction")
    if ex:
        rows.append(
            {
                "target": f"raw text extraction on {ex['jobs']} processes, characters/s",
                "goal": ">= 60000",
                "measured": ex["pool_chars_per_s"],
                "met": ex["pool_chars_per_s"] >= 60000,
            }
        )
        rows.append(
            {
                "target": "extraction peak memory, all processes",
                "goal": "< 1 GB",
                "measured": f"{ex['total_peak_mb']} MB",
                "met": ex["total_peak_mb"] < 1024,
            }
        )
    # Round trips that grow with the corpus are reads per item (N+1). Fewer on a larger corpus
    # are not: a page read window by window of days needs fewer windows the denser its days
    # (the articles page reads 3 windows at 1,000 articles, 2 above).
    sizes = sorted(out["growth"], key=int)

    def trips(size: str, name: str) -> int:
        # One number, or the distinct counts seen when they varied between requests.
        seen = out["growth"][size]["ops"].get(name, {}).get("round_trips", 0)
        return max(seen) if isinstance(seen, list) else int(seen)

    grew = [
        name
        for name in out["api"]["sequential"]["ops"]
        if any(
            trips(larger, name) > trips(smaller, name)
            for smaller, larger in itertools.pairwise(sizes)
        )
    ]
    rows.append(
        {
            "target": "round trips per operation do not grow with the corpus",
            "goal": "never more on a larger one",
            "measured": "none grew" if not grew else f"grew: {', '.join(grew)}",
            "met": not grew,
        }
    )
    for op in api.GROWTH_OPS:
        ratio = _growth_ratio(out, op)
        rows.append(
            {
                "target": f"p50 growth of {op}, {sizes[0]} -> {sizes[-1]} articles",
                "goal": "<= 1.5",
                "measured": ratio,
                "met": ratio <= 1.5,
            }
        )
    structured = out["loader"]["structured_vs_bare"]
    rows.append(
        {
            "target": "structured load / bare UNWIND insert",
            "goal": ">= 0.5",
            "measured": structured,
            "met": structured >= 0.5,
        }
    )
    largest = sizes[-1]
    peak = out["graphs"][largest]["peak_rss_mb"]
    rows.append(
        {
            "target": f"loader peak memory at {largest} articles",
            "goal": "< 500 MB",
            "measured": f"{peak} MB",
            "met": peak < 500,
        }
    )
    soak = out["api"]["soak"]
    rows.append(
        {
            "target": f"soak {soak['seconds']:.0f} s at c={soak['connections']}: errors",
            "goal": "0",
            "measured": sum(v or 0 for v in soak["errors"].values()),
            "met": bool(soak["ok"]),
        }
    )
    rss = soak["rss_kb"]
    rows.append(
        {
            "target": "soak: server memory, end / start",
            "goal": "flat",
            "measured": f"{rss['after_warm_up'] / 1024:.0f} -> {rss['end'] / 1024:.0f} MB",
            "met": rss["end"] <= rss["after_warm_up"] * 1.1,
        }
    )
    return rows


# ---------------------------------------------------------------------------------------------
# Reports


def markdown(out: dict[str, Any]) -> str:
    m = out["machine"]
    lines = [
        f"Run `{out['plan']['name']}` on {m['date']}, commit {m['commit']}: {m['cpu']}, "
        f"{m['cores']} cores, {m['memory_gb']} GB, Python {m['python']}, "
        f"load from {m['load_tool']}; {out['seconds']:.0f} s in all.",
        "",
        "| Target | Goal | Measured | Met |",
        "|---|---|---|---|",
    ]
    for row in out["targets"]:
        lines.append(
            f"| {row['target']} | {row['goal']} | {row['measured']} | "
            f"{'yes' if row['met'] else '**no**'} |"
        )
    ex = out.get("extraction")
    if ex:
        lines += [
            "",
            f"**Extraction** ({ex['documents']} real articles of tests/eval, "
            f"{ex['characters']:,} characters): one process {ex['one_process_chars_per_s']:,} "
            f"characters/s, {ex['jobs']} worker processes {ex['pool_chars_per_s']:,} "
            f"({ex['speedup']}x, after {ex['pool_startup_s']} s of model loading); the same "
            f"facts either way: {ex['pool_equals_one_process']}. Per CPU second: one process "
            f"{ex['one_process_cpu_chars_per_s']:,}, the pool {ex['pool_cpu_chars_per_s']:,} "
            f"characters (load average {ex['load_average'][0]} before, "
            f"{ex['load_average'][1]} after).",
        ]
    ld = out["loader"]
    lines += [
        "",
        f"**Loader** ({ld['articles']} articles, {ld['writes']} writes, articles/s): "
        f"structured {ld['structured_per_s']}, bare UNWIND insert of the same rows "
        f"{ld['bare_unwind_per_s']} (ratio {ld['structured_vs_bare']}); raw text "
        f"{ld.get('raw_text_per_s')} (ratio {ld.get('raw_vs_bare')}), of which extraction "
        f"alone runs at {ld.get('extraction_only_per_s')}.",
        "",
        "| Corpus | `newsgraph load` articles/s | Peak memory | Corpus file | Graph restart |",
        "|---|---|---|---|---|",
    ]
    for size, g in sorted(out["graphs"].items(), key=lambda kv: int(kv[0])):
        lines.append(
            f"| {int(size):,} | {g['articles_per_s']} | {g['peak_rss_mb']} MB | "
            f"{g['corpus_mb']} MB | {g['graph_start_s']} s |"
        )
    tp = out["api"]["throughput"]
    lines += [
        "",
        f"**API** on {out['plan']['api_size']:,} articles, the mix of {len(api.MIX)} queries, "
        f"{tp['duration_s']:.0f} s per run ({tp['tool']}):",
        "",
        "| Concurrency | GraphQL req/s | p50 ms | p99 ms | errors | direct req/s | p50 ms "
        "| p99 ms | errors | GraphQL / direct |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for c in tp["summary"]["graphql"]:
        g, d = tp["summary"]["graphql"][c], tp["summary"]["direct"][c]
        lines.append(
            f"| {c} | {g['requests_per_s']:.0f} | {g['p50_ms']:.1f} | {g['p99_ms']:.0f} "
            f"| {g['errors']} | {d['requests_per_s']:.0f} | {d['p50_ms']:.1f} | {d['p99_ms']:.0f} "
            f"| {d['errors']} "
            f"| {tp['ratio_graphql_over_direct_rps'][c]} |"
        )
    seq = out["api"]["sequential"]
    lines += [
        "",
        f"Per operation, sequential ({seq['rounds']} rounds); the API waits on the graph for "
        f"{seq['graph_share'] * 100:.0f}% of its request time overall:",
        "",
        "| Operation | Round trips | GraphQL p50 ms | direct p50 ms | ratio | graph share |",
        "|---|---|---|---|---|---|",
    ]
    for name, op in seq["ops"].items():
        share = f"{op['graph_share'] * 100:.0f}%" if op["graph_share"] is not None else "-"
        lines.append(
            f"| {name} | {op['round_trips']} | {op['graphql_p50_ms']} | {op['direct_p50_ms']} "
            f"| {op['p50_ratio_graphql_over_direct']} | {share} |"
        )
    sizes = sorted(out["growth"], key=int)
    lines += [
        "",
        "**Growth**, GraphQL p50 ms (direct p50 ms):",
        "",
        "| Operation | " + " | ".join(f"{int(s):,} articles" for s in sizes) + " | growth |",
        "|---|" + "---|" * (len(sizes) + 1),
    ]
    for op in api.GROWTH_OPS + api.AGGREGATE_OPS:
        if any(op not in out["growth"][s]["ops"] for s in sizes):
            continue
        cells = [
            f"{out['growth'][s]['ops'][op]['graphql_p50_ms']} "
            f"({out['growth'][s]['ops'][op]['direct_p50_ms']})"
            for s in sizes
        ]
        lines.append(f"| {op} | " + " | ".join(cells) + f" | {_growth_ratio(out, op)}x |")
    lines += _workers_markdown(out)
    soak = out["api"]["soak"]
    rss = soak["rss_kb"]
    lines += [
        "",
        f"**Soak**: {soak['seconds']:.0f} s at c={soak['connections']}, {soak['requests']} "
        f"requests ({soak['requests_per_s']:.0f}/s), "
        f"{sum(v or 0 for v in soak['errors'].values())} errors; server memory "
        f"{rss['after_warm_up'] / 1024:.0f} MB after warm-up, {rss['end'] / 1024:.0f} MB at "
        f"the end (max {rss['max'] / 1024:.0f} MB).",
        "",
    ]
    return "\n".join(lines)


def _workers_markdown(out: dict[str, Any]) -> list[str]:
    workers = out.get("workers")
    if not workers:
        return []
    lines = [
        "",
        f"**Worker processes** ({workers['articles']:,} articles, c={workers['connections']}, "
        f"best of {workers['rounds']} alternated runs of {workers['duration_s']:.0f} s; cores "
        f"busy on average, of {workers['cores']}):",
        "",
        "| Workers | req/s | p50 ms | p99 ms | ratio | API workers | graph server "
        "| load generator | everything else | load average |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for n, row in workers["best"].items():
        busy = row["cores_busy"]
        lines.append(
            f"| {n} | {row['requests_per_s']:.0f} | {row['p50_ms']:.0f} | {row['p99_ms']:.0f} "
            f"| {workers['ratio_over_one_worker'][n]} "
            f"| {' + '.join(str(b) for b in busy['api_workers'])} | {busy['graph_server']} "
            f"| {busy['load_generator']} | {busy['everything_else']} | {row['load_average_1m']} |"
        )
    return lines


def plot(out: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    sizes = sorted(out["growth"], key=int)
    xs = [int(s) for s in sizes]
    figure, axes = plt.subplots(figsize=(7, 4.2), dpi=110)
    colours = ("tab:blue", "tab:orange", "tab:green", "tab:red", "tab:purple", "tab:brown")
    for op, colour in zip(api.GROWTH_OPS, colours, strict=False):
        graphql = [out["growth"][s]["ops"][op]["graphql_p50_ms"] for s in sizes]
        direct = [out["growth"][s]["ops"][op]["direct_p50_ms"] for s in sizes]
        axes.plot(xs, graphql, marker="o", color=colour, label=f"{op} (GraphQL)")
        axes.plot(xs, direct, marker="x", linestyle="--", color=colour, label=f"{op} (direct)")
    axes.set_xscale("log")
    axes.set_xticks(xs, [f"{x:,}" for x in xs])
    axes.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    axes.set_xlabel("articles in the graph")
    axes.set_ylabel("p50 latency, ms (sequential)")
    axes.set_ylim(bottom=0)
    m = out["machine"]
    axes.set_title(f"Latency against corpus size ({m['cores']} cores, {m['date'][:10]})")
    axes.grid(True, alpha=0.3)
    axes.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path)
    plt.close(figure)


README = ROOT / "README.md"
_START, _END = "<!-- bench:start -->", "<!-- bench:end -->"


def update_readme(report: str, readme: Path = README) -> bool:
    """Put the latest full run's report between the README's bench markers."""
    text = readme.read_text()
    if _START not in text or _END not in text:
        return False
    head, rest = text.split(_START, 1)
    _old, tail = rest.split(_END, 1)
    readme.write_text(f"{head}{_START}\n{report.strip()}\n{_END}{tail}")
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--quick", action="store_true", help="small sizes, under two minutes")
    group.add_argument("--plan", choices=sorted(PLANS), help="a named plan (smoke: tests)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--work", type=Path, help="corpora and graphs (default: a temp dir)")
    args = parser.parse_args()
    plan = PLANS[args.plan] if args.plan else (QUICK if args.quick else FULL)
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        out = run(plan, work, log=lambda message: print(f"bench: {message}", flush=True))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(out, indent=2) + "\n")
    (args.out / "results.md").write_text(markdown(out))
    plot(out, args.out / "latency.png")
    print(markdown(out))
    if plan is FULL and args.out == ROOT / "bench" / "results" and update_readme(markdown(out)):
        print("bench: the README's Performance section now shows this run")
    print(f"bench: wrote {args.out}/results.json, results.md and latency.png")


if __name__ == "__main__":
    main()
