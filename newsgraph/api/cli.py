"""The `newsgraph` command: serve the API, load articles, manage the graph."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from newsgraph.graph import Graph, GraphError, open_graph
from newsgraph.graph.maintenance import node_counts, relationship_counts, wipe
from newsgraph.settings import Settings

__all__ = ["app"]

app = typer.Typer(
    help="newsgraph: a GraphQL knowledge base of diplomatic news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
db_app = typer.Typer(help="Set up, inspect or empty the graph.", no_args_is_help=True)
app.add_typer(db_app, name="db")

# Soft wrap: an error is one line however narrow the terminal, so scripts can grep it.
err = Console(stderr=True, soft_wrap=True)
out = Console(soft_wrap=True)

T = TypeVar("T")


def _settings() -> Settings:
    try:
        return Settings()
    except ValueError as exc:
        err.print(f"[red]error:[/] bad configuration: {exc}")
        raise typer.Exit(2) from exc


def _run_on_graph(settings: Settings, work: Callable[[Graph], Awaitable[T]]) -> T:
    """Open the graph, run ``work``, close it; graph errors become one line and exit 1."""

    async def main() -> T:
        graph = await open_graph(settings)
        try:
            await graph.store.ping()
            return await work(graph)
        finally:
            await graph.close()

    try:
        return asyncio.run(main())
    except GraphError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(1) from exc


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on.")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on.")] = None,
) -> None:
    """Serve the GraphQL API (GraphiQL at /graphql in a browser)."""
    import uvicorn

    from newsgraph.api.app import create_app
    from newsgraph.api.server import read_timeout_protocol

    settings = _settings()
    overrides: dict[str, Any] = {}
    if host is not None:
        overrides["host"] = host
    if port is not None:
        overrides["port"] = port
    settings = settings.model_copy(update=overrides)
    err.print(
        f"newsgraph: serving http://{settings.host}:{settings.port}/graphql "
        f"on {'the embedded FalkorDB' if settings.engine == 'embedded' else settings.graph_url}"
    )
    try:
        uvicorn.run(
            create_app(settings),
            host=settings.host,
            port=settings.port,
            log_level=settings.log_level,
            # In JSON mode our own access line replaces uvicorn's text one.
            access_log=settings.log_format != "json",
            lifespan="on",
            # h11 with a deadline for slow clients; uvicorn has none (see api/server.py).
            http=read_timeout_protocol(settings.read_timeout_s),
        )
    except GraphError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(1) from exc


@app.command()
def load(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or directories (recursed) of articles.")
    ],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD for every article, overriding the text."),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would be written as JSON; write nothing.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Processes extracting raw text (0: one per core). Workers start only for "
            "loads of more than about 64 raw articles.",
        ),
    ] = 0,
) -> None:
    """Load news articles (text, JSON, NDJSON) into the graph."""
    from newsgraph.ingest.extract.pool import default_jobs
    from newsgraph.ingest.extract.reference import load_reference
    from newsgraph.ingest.pipeline import FileOutcome, LoadReport, load_paths
    from newsgraph.ingest.sources.files import SourceError, iter_files

    override: dt.date | None = None
    if published is not None:
        try:
            override = dt.date.fromisoformat(published)
        except ValueError as exc:
            err.print(f"[red]error:[/] --published {published!r} is not a date YYYY-MM-DD")
            raise typer.Exit(2) from exc
    try:
        files = list(iter_files(paths))
    except SourceError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    reference = load_reference()
    settings = _settings()

    def report_file(outcome: FileOutcome) -> None:
        if outcome.error:
            err.print(f"[red]failed:[/] {outcome.error}", highlight=False)

    async def run(store: Any) -> LoadReport:
        show = not (as_json or dry_run) and sys.stderr.isatty() and len(files) > 1
        with Progress(
            TextColumn("loading"),
            BarColumn(),
            MofNCompleteColumn(),
            console=err,
            disable=not show,
            transient=True,
        ) as progress:
            task = progress.add_task("files", total=len(files))

            def on_file(outcome: FileOutcome) -> None:
                progress.advance(task)
                report_file(outcome)

            return await load_paths(
                files,
                store,
                reference,
                published=override,
                on_file=on_file,
                batch=settings.load_batch,
                jobs=jobs or default_jobs(),
            )

    if dry_run:
        report = asyncio.run(run(None))
        _print_json(report.plans)
    else:
        report = _run_on_graph(settings, lambda graph: _load_with_schema(graph, run))
        if as_json:
            _print_json(report.as_json())
        else:
            _print_summary(report)
    if report.failed:
        raise typer.Exit(1)


async def _load_with_schema(graph: Graph, run: Callable[[Any], Awaitable[T]]) -> T:
    await graph.store.setup_schema()
    result = await run(graph.store)
    await graph.compact()
    return result


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, indent=2, default=str) + "\n")


def _print_summary(report: Any) -> None:
    """What the writes did, per kind of node: created, changed (a stored value differs),
    unchanged, and merged into another node (a row shown only when some were)."""
    summary = report.as_json()
    files = summary["files"]
    kinds = ("articles", "actors", "meetings", "statements")
    title = f"{files['ok']} files loaded, {files['failed']} failed"
    if not any(summary[row][k] for row in ("created", "changed", "merged") for k in kinds):
        title += ": nothing changed"
    table = Table(title=title)
    table.add_column("")
    for name in kinds:
        table.add_column(name, justify="right")
    for row in ("created", "changed", "unchanged", "merged"):
        if row == "merged" and not any(summary[row].values()):
            continue
        table.add_row(row, *(str(summary[row][k]) for k in kinds))
    out.print(table)


@db_app.command("init")
def db_init() -> None:
    """Create constraints and indexes (idempotent; also done at start)."""

    async def work(graph: Graph) -> list[str]:
        return await graph.store.setup_schema()

    created = _run_on_graph(_settings(), work)
    out.print(f"schema ready: {len(created)} constraints and indexes created")


@db_app.command("reset")
def db_reset(
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation.")] = False,
) -> None:
    """Delete every node and relationship (constraints and indexes stay)."""
    if not yes and not typer.confirm("Delete everything in the graph?"):
        raise typer.Exit(1)

    async def work(graph: Graph) -> int:
        deleted = await wipe(graph.store)
        await graph.store.setup_schema()
        return deleted

    deleted = _run_on_graph(_settings(), work)
    out.print(f"graph emptied: {deleted} nodes deleted")


@db_app.command("stats")
def db_stats(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Count nodes by kind and relationships by type."""

    async def work(graph: Graph) -> dict[str, Any]:
        return {
            "graph": graph.store.target,
            "nodes": await node_counts(graph.store),
            "relationships": await relationship_counts(graph.store),
        }

    stats = _run_on_graph(_settings(), work)
    if as_json:
        _print_json(stats)
        return
    table = Table(title=stats["graph"])
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, count in {**stats["nodes"], **stats["relationships"]}.items():
        table.add_row(name, str(count))
    out.print(table)


@app.command("schema")
def print_schema() -> None:
    """Print the GraphQL schema (SDL)."""
    from newsgraph.schema import schema

    sys.stdout.write(schema.as_str() + "\n")
