"""The `newsgraph` command: serve the API, load articles, manage the graph."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import os
import sys
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from newsgraph.api.cli_help import Command, EnvVar, Group, with_environment
from newsgraph.graph import Graph, GraphError, open_graph
from newsgraph.graph.maintenance import node_counts, relationship_counts, wipe
from newsgraph.settings import Settings

if TYPE_CHECKING:
    # For annotations only: `load` imports the loader modules when it runs, as it did.
    from newsgraph.ingest.extract.reference import Reference
    from newsgraph.ingest.pipeline import LoadReport

__all__ = ["app"]


def _env(name: str, text: str, field: str) -> EnvVar:
    """An environment variable for the help, its default read from Settings."""
    default = Settings.model_fields[field].get_default(call_default_factory=True)
    if default is None or default == []:
        shown = "unset"
    elif hasattr(default, "get_secret_value"):
        shown = "empty"
    elif isinstance(default, bool):
        shown = str(default).lower()
    else:
        shown = str(default)
    return name, text, shown


# -h as well as --help, lines up to 100 columns; help is plain text (rich_markup_mode=None),
# laid out by newsgraph.api.cli_help.
_CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

app = typer.Typer(
    cls=with_environment(
        Group,
        _env(
            "NEWSGRAPH_GRAPH_URL",
            "The graph: unset for an embedded FalkorDB; falkordb://host:port, or bolt://, "
            "neo4j://, neo4j+s:// for Neo4j",
            "graph_url",
        ),
        _env("NEWSGRAPH_DATA_DIR", "Where the embedded FalkorDB keeps its data", "data_dir"),
        _env("NEO4J_USER", "Neo4j user", "neo4j_user"),
        _env("NEO4J_PASSWORD", "Neo4j password", "neo4j_password"),
        _env("NEO4J_DATABASE", "Neo4j database", "neo4j_database"),
        _env("NEWSGRAPH_LOG_LEVEL", "debug, info, warning or error", "log_level"),
    ),
    help="newsgraph: a GraphQL knowledge base of diplomatic news.\n\n"
    "Load articles, then serve them: `newsgraph load data/`, then `newsgraph serve` and open "
    "http://127.0.0.1:8000/. Every setting is an environment variable; the README's "
    "Configuration lists them all.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings=_CONTEXT,
)
db_app = typer.Typer(
    cls=Group,
    help="Set up, inspect or empty the graph.",
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings=_CONTEXT,
)
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


_SERVE = with_environment(
    Command,
    _env("NEWSGRAPH_API_KEYS", "Comma-separated keys that may call mutations", "api_keys"),
    _env(
        "NEWSGRAPH_CORS_ORIGINS", "Comma-separated origins allowed to call the API", "cors_origins"
    ),
    _env(
        "NEWSGRAPH_INTROSPECTION", "false hides the schema, the SDL and GraphiQL", "introspection"
    ),
    _env("NEWSGRAPH_QUERY_TIMEOUT_MS", "Each graph query's time limit", "query_timeout_ms"),
    _env(
        "NEWSGRAPH_MAX_CONCURRENT_OPERATIONS",
        "Operations executing at once per process; the others wait their turn",
        "max_concurrent_operations",
    ),
    _env("NEWSGRAPH_LOG_FORMAT", "json: one JSON line per request", "log_format"),
    _env("NEWSGRAPH_READ_KEYS", "Comma-separated keys that may read; none: open", "read_keys"),
    _env(
        "NEWSGRAPH_PERSISTED_DOCUMENTS",
        "A .graphql file or a directory of them: registered operations",
        "persisted_documents",
    ),
    _env(
        "NEWSGRAPH_PERSISTED_ONLY",
        "true runs only registered operations, sent by hash",
        "persisted_only",
    ),
    _env("NEWSGRAPH_CACHE_CONTROL", "Cache-Control of reads over GET", "cache_control"),
    _env(
        "NEWSGRAPH_VERSION_MAX_AGE_MS",
        "How long one reading of the graph version serves cached reads",
        "version_max_age_ms",
    ),
    _env(
        "NEWSGRAPH_RESPONSE_CACHE_ENTRIES",
        "Read answers cached in memory; 0: none",
        "response_cache_entries",
    ),
    _env("NEWSGRAPH_RESPONSE_CACHE_BYTES", "Bytes of read answers cached", "response_cache_bytes"),
)


@app.command(cls=_SERVE, short_help="Serve the API, GraphiQL and the Explorer.")
def serve(
    host: Annotated[
        str | None,
        typer.Option(
            help="Interface to listen on",
            metavar="HOST",
            envvar="NEWSGRAPH_HOST",
            show_default=str(Settings.model_fields["host"].default),
        ),
    ] = None,
    port: Annotated[
        int | None,
        typer.Option(
            help="Port to listen on",
            metavar="PORT",
            envvar="NEWSGRAPH_PORT",
            show_default=str(Settings.model_fields["port"].default),
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Processes serving requests, sharing the port and the graph",
            metavar="N",
            min=1,
            envvar="NEWSGRAPH_WORKERS",
            show_default="one per core",
        ),
    ] = None,
) -> None:
    """Serve the API: the front page at /, GraphiQL at /graphql, the Explorer at /explore."""
    from newsgraph.api.app import create_app
    from newsgraph.api.server import listen_problem

    settings = _settings()
    overrides: dict[str, Any] = {}
    if host is not None:
        overrides["host"] = host
    if port is not None:
        overrides["port"] = port
    settings = settings.model_copy(update=overrides)
    processes = workers or settings.workers or os.cpu_count() or 1
    problem = listen_problem(settings.host, settings.port)
    if problem is not None:
        err.print(f"[red]error:[/] {problem}", highlight=False)
        raise typer.Exit(1)
    graph = "the embedded FalkorDB" if settings.engine == "embedded" else settings.graph_url
    err.print(
        f"newsgraph: serving http://{settings.host}:{settings.port}/ (GraphiQL at /graphql, "
        f"the Explorer at /explore) on {graph}, {processes} {_plural(processes, 'worker')}",
        highlight=False,
    )
    try:
        served = create_app(settings)
    except ValueError as exc:
        # A setting only the app reads is wrong (a persisted document that does not parse).
        err.print(f"[red]error:[/] bad configuration: {exc}", highlight=False)
        raise typer.Exit(2) from exc
    try:
        _run_server(served, settings, processes)
    except GraphError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(1) from exc


def _run_server(served: Any, settings: Settings, processes: int) -> None:
    """uvicorn on the app ``served``, in this process; or ``processes`` worker processes
    (api/workers.py), each building the app itself as ``served`` was built."""
    import uvicorn

    from newsgraph.api.server import read_timeout_protocol

    options: dict[str, Any] = {
        "log_level": settings.log_level,
        # In JSON mode our own access line replaces uvicorn's text one.
        "access_log": settings.log_format != "json",
        "lifespan": "on",
        # Subscriptions' WebSockets: a message is bounded like a request body.
        "ws_max_size": settings.max_body_bytes,
    }
    if processes > 1:
        from newsgraph.api.workers import run_workers

        run_workers(settings, processes, options)
        return
    uvicorn.run(
        served,
        host=settings.host,
        port=settings.port,
        # h11 with a deadline for slow clients; uvicorn has none (see api/server.py).
        http=read_timeout_protocol(settings.read_timeout_s),
        **options,
    )


_FETCH_ENV = (
    _env(
        "NEWSGRAPH_FETCH_CONNECT_TIMEOUT_S",
        "Seconds to connect to a site",
        "fetch_connect_timeout_s",
    ),
    _env("NEWSGRAPH_FETCH_READ_TIMEOUT_S", "Seconds a site may go silent", "fetch_read_timeout_s"),
    _env("NEWSGRAPH_FETCH_DEADLINE_S", "Seconds one URL may take in all", "fetch_deadline_s"),
    _env("NEWSGRAPH_FETCH_MAX_BYTES", "Bytes of one page or feed", "fetch_max_bytes"),
    _env("NEWSGRAPH_FETCH_MAX_REDIRECTS", "Redirects followed per URL", "fetch_max_redirects"),
    _env("NEWSGRAPH_FETCH_CONTACT", "URL or e-mail sent in the User-Agent", "fetch_contact"),
)


@app.command(
    cls=with_environment(
        Command,
        _env("NEWSGRAPH_LOAD_BATCH", "Articles per atomic write", "load_batch"),
        *_FETCH_ENV,
    )
)
def load(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files or directories (recursed) of articles: .txt, .md, .html, .htm, .json, "
            ".ndjson, .jsonl, and RSS or Atom feeds (.xml, .rss, .atom); or http(s):// URLs "
            "of pages and feeds",
            metavar="PATH|URL",
        ),
    ],
    published: Annotated[
        str | None,
        typer.Option(
            help="Publication date YYYY-MM-DD for every article, overriding the text",
            metavar="DATE",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would be written as JSON; write nothing")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the summary as JSON")] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            metavar="N",
            help="Processes extracting raw text, 0 for one per core (workers start only for "
            "loads of more than about 64 raw articles)",
        ),
    ] = 0,
    no_follow_links: Annotated[
        bool,
        typer.Option(
            "--no-follow-links",
            help="For a feed entry without its full text, load its summary (marked as one) "
            "rather than fetch the page it links to",
        ),
    ] = False,
) -> None:
    """Load news articles (page text, web pages, feeds, JSON, NDJSON; pages and feeds by URL)
    into the graph."""
    from newsgraph.ingest.extract.reference import load_reference
    from newsgraph.ingest.sources.fetch import is_url

    override = _published_date(published)
    urls = [arg for arg in paths if is_url(arg)]
    files, skipped = _article_files([Path(arg) for arg in paths if not is_url(arg)])
    reference = load_reference()
    settings = _settings()
    run = _loader(
        _Sources(files, urls, follow_links=not no_follow_links),
        reference,
        settings,
        published=override,
        jobs=jobs,
        show_progress=not (as_json or dry_run)
        and sys.stderr.isatty()
        and len(files) + len(urls) > 1,
    )
    if dry_run:
        report = asyncio.run(run(None))
        _print_json(report.plans)
    else:
        report = _run_on_graph(settings, lambda graph: _load_with_schema(graph, run))
        report.skipped = [*(str(path) for path in skipped), *report.skipped]
        if as_json:
            _print_json(report.as_json())
        else:
            _print_summary(report)
    if report.failed:
        raise typer.Exit(1)


def _published_date(published: str | None) -> dt.date | None:
    """--published as a date; anything else exits 2 naming the option."""
    if published is None:
        return None
    try:
        return dt.date.fromisoformat(published)
    except ValueError as exc:
        err.print(f"[red]error:[/] --published {published!r} is not a date YYYY-MM-DD")
        raise typer.Exit(2) from exc


def _article_files(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """The files to read under ``paths``, and those skipped (announced here) as no reader
    takes their type; a missing path exits 2."""
    from newsgraph.ingest.sources.files import SUPPORTED_SUFFIXES, SourceError, iter_files

    skipped: list[Path] = []
    try:
        files = list(iter_files(paths, on_skip=skipped.append))
    except SourceError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    _print_skipped(skipped, sorted(SUPPORTED_SUFFIXES))
    return files, skipped


@dataclass
class _Sources:
    files: list[Path]
    urls: list[str]
    follow_links: bool


def _loader(
    sources: _Sources,
    reference: Reference,
    settings: Settings,
    *,
    published: dt.date | None,
    jobs: int,
    show_progress: bool,
) -> Callable[[Any], Coroutine[Any, Any, LoadReport]]:
    """The load of ``sources`` into a store (None: plan only, and fetch every URL whole),
    printing each failure and warning as it happens and, when asked, a progress bar."""
    from newsgraph.ingest.extract.pool import default_jobs
    from newsgraph.ingest.pipeline import FileOutcome, WebSources, load_paths
    from newsgraph.ingest.sources.fetch import Fetcher, FetchLimits
    from newsgraph.ingest.sources.web import PageMemory, page_memory_path

    async def run(store: Any) -> LoadReport:
        with Progress(
            TextColumn("loading"),
            BarColumn(),
            MofNCompleteColumn(),
            console=err,
            disable=not show_progress,
            transient=True,
        ) as progress:
            task = progress.add_task("files", total=len(sources.files) + len(sources.urls))

            def on_file(outcome: FileOutcome) -> None:
                progress.advance(task)
                for note in outcome.notes:
                    err.print(f"[yellow]warning:[/] {note}", highlight=False)
                if outcome.error:
                    err.print(f"[red]failed:[/] {outcome.error}", highlight=False)

            def on_skip(origin: str, why: str) -> None:
                err.print(f"[yellow]skipped:[/] {origin}: {why}", highlight=False)

            async with Fetcher(FetchLimits.from_settings(settings)) as fetcher:
                memory = None
                if store is not None and sources.urls:
                    memory = PageMemory(page_memory_path(settings.data_dir))
                web = WebSources(sources.urls, fetcher, sources.follow_links, memory)
                return await load_paths(
                    sources.files,
                    store,
                    reference,
                    published=published,
                    on_file=on_file,
                    batch=settings.load_batch,
                    jobs=jobs or default_jobs(),
                    on_skip=on_skip,
                    web=web,
                )

    return run


async def _load_with_schema(graph: Graph, run: Callable[[Any], Awaitable[T]]) -> T:
    await graph.store.setup_schema()
    result = await run(graph.store)
    await graph.compact()
    return result


# Past this many, a directory of other files (images, a site dump) is summed up in one line.
_SKIPPED_SHOWN = 20


def _print_skipped(skipped: list[Path], suffixes: list[str]) -> None:
    """One line per file of a type no reader takes, found inside a given directory."""
    reads = ", ".join(suffixes)
    for path in skipped[:_SKIPPED_SHOWN]:
        err.print(
            f"[yellow]skipped:[/] {path} (not a type newsgraph reads: {reads})", highlight=False
        )
    if len(skipped) > _SKIPPED_SHOWN:
        more = len(skipped) - _SKIPPED_SHOWN
        err.print(
            f"[yellow]skipped:[/] {more} more {_plural(more, 'file')} of other types "
            "(--json lists them all)",
            highlight=False,
        )


def _plural(count: int, word: str) -> str:
    return word if count == 1 else f"{word}s"


def _noun(report: Any) -> str:
    """What the summary counts: files, URLs, or both (sources)."""
    urls = sum(1 for outcome in report.files if "://" in outcome.path)
    if urls == 0:
        return "file"
    return "URL" if urls == len(report.files) else "source"


def _print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, indent=2, default=str) + "\n")


def _print_summary(report: Any) -> None:
    """What the writes did, per kind of node: created, changed (a stored value differs),
    unchanged, merged into another node, and removed with the old text of a replaced article
    (the last two rows shown only when some were)."""
    summary = report.as_json()
    files = summary["files"]
    kinds = ("articles", "actors", "meetings", "statements")
    title = f"{files['ok']} {_plural(files['ok'], _noun(report))} loaded, {files['failed']} failed"
    if files.get("not_modified"):
        title += f", {files['not_modified']} unchanged since the last load (HTTP 304)"
    if summary["skipped"]:
        title += f", {len(summary['skipped'])} skipped"
    rows = ("created", "changed", "merged", "removed")
    if not any(summary[row][k] for row in rows for k in kinds):
        title += ": nothing changed"
    table = Table(title=title)
    table.add_column("")
    for name in kinds:
        table.add_column(name, justify="right")
    for row in ("created", "changed", "unchanged", "merged", "removed"):
        if row in ("merged", "removed") and not any(summary[row].values()):
            continue
        table.add_row(row, *(str(summary[row][k]) for k in kinds))
    out.print(table)


@app.command(
    cls=with_environment(Command, *_FETCH_ENV),
    short_help="Poll a list of feeds and load what is new.",
)
def watch(
    feeds_file: Annotated[
        Path,
        typer.Argument(
            help="A TOML file of [[feed]] tables: url, and optionally name, interval "
            '("15m"), follow_links',
            metavar="FEEDS.toml",
        ),
    ],
    once: Annotated[
        bool, typer.Option("--once", help="Poll every feed once, now, and exit (for cron)")
    ] = False,
) -> None:
    """Poll feeds on a schedule and load their new and changed entries, one log line per poll;
    state (what each feed had, when to poll it next) survives restarts in the data directory.
    Ctrl-C or SIGTERM stops it between polls. With --once, the exit status is 1 if any feed
    failed."""
    from newsgraph.ingest.watch import FeedsFileError, read_feeds

    try:
        feeds = read_feeds(feeds_file)
    except FeedsFileError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    settings = _settings()
    polls = _run_on_graph(settings, lambda graph: _watch(graph, settings, feeds_file, feeds, once))
    if once and any(poll.error is not None for poll in polls):
        raise typer.Exit(1)


async def _watch(
    graph: Graph, settings: Settings, feeds_file: Path, feeds: list[Any], once: bool
) -> list[Any]:
    import signal

    from newsgraph.ingest.extract.pool import ExtractionPool
    from newsgraph.ingest.extract.reference import load_reference
    from newsgraph.ingest.sources.fetch import Fetcher, FetchLimits
    from newsgraph.ingest.sources.state import StateError
    from newsgraph.ingest.watch import Poll, WatchState, poll_feed, watch, watch_state_path

    try:
        state = WatchState(watch_state_path(settings.data_dir, feeds_file))
    except StateError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    await graph.store.setup_schema()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    err.print(f"newsgraph: watching {len(feeds)} {_plural(len(feeds), 'feed')}", highlight=False)
    with ExtractionPool(load_reference()) as pool:
        async with Fetcher(FetchLimits.from_settings(settings)) as fetcher:

            async def poll(feed: Any) -> Poll:
                done = await poll_feed(feed, state, fetcher, graph.store, pool, settings.load_batch)
                for note in done.notes:
                    err.print(f"[yellow]warning:[/] {note}", highlight=False)
                out.print(done.line(), highlight=False)
                return done

            polls = await watch(feeds, state, poll, stop, once=once)
    await graph.compact()
    return polls


@db_app.command("init", cls=Command, short_help="Create constraints and indexes.")
def db_init() -> None:
    """Create constraints and indexes (idempotent; serve and load do it as they start)."""

    async def work(graph: Graph) -> list[str]:
        return await graph.store.setup_schema()

    created = _run_on_graph(_settings(), work)
    out.print(f"schema ready: {len(created)} constraints and indexes created")


@db_app.command("reset", cls=Command)
def db_reset(
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask for confirmation")] = False,
) -> None:
    """Delete every node and relationship (constraints and indexes stay)."""
    if not yes and not typer.confirm("Delete everything in the graph?"):
        raise typer.Exit(1)

    async def work(graph: Graph) -> int:
        deleted = await wipe(graph.store)
        await graph.store.setup_schema()
        return deleted

    settings = _settings()
    deleted = _run_on_graph(settings, work)
    _forget_fetched(settings.data_dir)
    out.print(f"graph emptied: {deleted} nodes deleted")


def _forget_fetched(data_dir: Path) -> None:
    """What loads and watches remember of the URLs they loaded: after a reset, a 304 or a
    seen entry would keep the graph from getting those articles back."""
    from newsgraph.ingest.sources.web import page_memory_path
    from newsgraph.ingest.watch import watch_state_dir

    page_memory_path(data_dir).unlink(missing_ok=True)
    for path in watch_state_dir(data_dir).glob("*.json"):
        path.unlink(missing_ok=True)


@db_app.command("stats", cls=Command)
def db_stats(
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON")] = False,
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


@app.command("schema", cls=Command)
def print_schema() -> None:
    """Print the GraphQL schema (SDL)."""
    from newsgraph.schema import schema

    sys.stdout.write(schema.as_str() + "\n")
