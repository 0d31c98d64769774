"""The baseline of the API benchmark: the mix's hand-written Cypher behind a bare Starlette route.

    POST /direct/{op}   body: the operation's parameters (JSON)   ->   {"<key>": ...}
    GET  /readyz

One read-only query per request through FalkorDB's own asyncio client over a redis connection
pool, nothing of newsgraph in between, so it measures the graph's speed plus HTTP and JSON.
It connects to the same FalkorDB server as `newsgraph serve`: the embedded one of
``--data-dir`` (found through its server.json, started if none runs), or ``--graph-url``.
Served by uvicorn as `newsgraph serve` is: one worker, uvicorn's default loop and HTTP
implementation, access log off.

    .venv/bin/python bench/direct.py --data-dir /tmp/apibench/graph --port 8100
"""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import uvicorn
from falkordb.asyncio.graph import AsyncGraph
from redis.asyncio import Redis
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mix import MIX

QUERY_TIMEOUT_MS = 10_000


def _json(value: Any) -> Response:
    # The same encoder Starlette's JSONResponse uses; dates (none expected) as ISO strings.
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return Response(body.encode(), media_type="application/json")


def create_direct_app(host: str, port: int, graph_name: str = "newsgraph") -> Starlette:
    ops = {op.name: op for op in MIX}
    state: dict[str, Any] = {}

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        redis = Redis(host=host, port=port, decode_responses=True, max_connections=64)
        state["redis"] = redis
        state["graph"] = AsyncGraph(redis, graph_name)
        try:
            yield
        finally:
            await redis.aclose()

    async def run(request: Request) -> Response:
        op = ops.get(request.path_params["op"])
        if op is None:
            return JSONResponse({"error": "no such operation"}, status_code=404)
        params = await request.json()
        graph: AsyncGraph = state["graph"]
        result = await graph.ro_query(op.cypher, params, timeout=QUERY_TIMEOUT_MS)
        rows = result.result_set
        return _json({op.key: rows[0][0] if rows else None})

    async def readyz(request: Request) -> Response:
        await state["redis"].ping()
        return JSONResponse({"status": "ready"})

    return Starlette(
        routes=[
            Route("/direct/{op}", run, methods=["POST"]),
            Route("/readyz", readyz),
        ],
        lifespan=lifespan,
    )


def _embedded_address(data_dir: Path) -> tuple[str, int, Any]:
    """Join the embedded server of ``data_dir`` (as `newsgraph serve` does)."""
    from newsgraph.graph.embedded import EmbeddedServer

    server = EmbeddedServer(data_dir)
    info = server.start()
    return "127.0.0.1", info.port, server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--data-dir", type=Path, help="the embedded graph's data directory")
    where.add_argument("--graph-url", help="falkordb://host:port")
    parser.add_argument("--graph-name", default="newsgraph")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument("--log-level", default="warning")
    args = parser.parse_args()
    server = None
    if args.data_dir is not None:
        host, port, server = _embedded_address(args.data_dir)
    else:
        parts = urlsplit(args.graph_url)
        host, port = parts.hostname or "127.0.0.1", parts.port or 6379
    try:
        # As `newsgraph serve` runs it (newsgraph/api/cli.py): defaults for workers, loop and
        # HTTP implementation; its access log is off in JSON log mode, and off here.
        uvicorn.run(
            create_direct_app(host, port, args.graph_name),
            host=args.host,
            port=args.port,
            log_level=args.log_level,
            access_log=False,
            lifespan="on",
        )
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
