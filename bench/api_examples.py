"""Graph round trips and median latency of the example queries, on the seed corpus.

Runs `newsgraph serve` on a private embedded graph loaded with data/corpus and sends each
example query over real HTTP (one connection, sequential), after a warm-up; the round trips are
counted in-process on the same queries.

    .venv/bin/python bench/api_examples.py --repeat 200
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from newsgraph.api import create_app
from newsgraph.graph import count_round_trips, open_graph
from newsgraph.loaders.pipeline import load_paths
from newsgraph.loaders.reference import load_reference
from newsgraph.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

EXAMPLES = {
    "stats": "{ stats { articles actors meetings statements topics } }",
    "actor_with_counterparts_and_statements": """{ actor(name: "Zelenskyy") { name
        roles { title of { name } } counterparts { actor { name } meetingCount lastMetOn }
        statements(first: 10) { edges { node { text date medium
        reports { article { title } excerpt } } } } } }""",
    "meetings_by_participants": """{ meetings(filter: {participants: ["Zelensky", "Dick Schoof"]})
        { totalCount edges { node { date mode participants { actor { name } }
        reports { article { title publisher } excerpt } } } } }""",
    "statements_by_speaker": """{ statements(filter: {speaker: "Zelensky"}, first: 10) {
        edges { node { text date medium reports { article { title } } } } } }""",
    "articles_page": """{ articles(first: 5) { totalCount pageInfo { hasNextPage endCursor }
        edges { node { title publisher publishedOn section } } } }""",
    "search": """{ search(query: "security guarantees", first: 10) { score node { __typename
        ... on Statement { text } ... on Article { title } ... on Actor { name } } } }""",
    "path": """{ path(from: "Dick Schoof", to: "Marco Rubio") {
        length steps { relationship } } }""",
    "timeline": """{ timeline(actor: "Zelensky", first: 20) { totalCount edges { node {
        __typename ... on Meeting { date } ... on Statement { date }
        ... on Article { title } } } } }""",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def round_trips(data_dir: Path) -> dict[str, int]:
    graph = await open_graph(Settings(data_dir=data_dir))
    app = create_app(Settings(), graph=graph)
    counts: dict[str, int] = {}
    try:
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://b") as client:
                for name, query in EXAMPLES.items():
                    with count_round_trips() as trips:
                        response = await client.post("/graphql", json={"query": query})
                    assert "errors" not in response.json(), response.text
                    counts[name] = trips.count
    finally:
        await graph.close()
    return counts


def latencies(port: int, repeat: int) -> dict[str, float]:
    out: dict[str, float] = {}
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        for name, query in EXAMPLES.items():
            for _ in range(5):
                client.post("/graphql", json={"query": query})
            samples = []
            for _ in range(repeat):
                began = time.perf_counter()
                response = client.post("/graphql", json={"query": query})
                samples.append((time.perf_counter() - began) * 1000)
                assert response.status_code == 200
            out[name] = round(statistics.median(samples), 2)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        env = {**os.environ, "NEWSGRAPH_DATA_DIR": str(data_dir), "NEWSGRAPH_LOG_LEVEL": "warning"}

        async def load() -> None:
            graph = await open_graph(Settings(data_dir=data_dir))
            await graph.store.setup_schema()
            await load_paths([ROOT / "data" / "corpus"], graph.store, load_reference())
            await graph.close()

        asyncio.run(load())
        trips = asyncio.run(round_trips(data_dir))
        port = _free_port()
        server = subprocess.Popen(
            [str(BIN / "newsgraph"), "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/readyz").status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.1)
            medians = latencies(port, args.repeat)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(
        json.dumps(
            {name: {"round_trips": trips[name], "median_ms": medians[name]} for name in EXAMPLES},
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
