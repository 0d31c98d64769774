"""`newsgraph serve --workers N`: N processes serving the API on one listening socket.

One Python process runs the API on one core: GraphQL parsing, validation and resolvers are
CPU-bound, so a second core is only used by a second process. The parent here

1. makes sure the graph is there before any worker starts: the embedded FalkorDB server is
   started (or found) once, by this process, and the schema set up once, so the workers do not
   race to create indexes or to run an upgrade;
2. binds one listening socket per worker on the same port (SO_REUSEPORT: the kernel spreads
   new connections evenly over them) and hands each to its worker;
3. supervises the workers: each is a fresh interpreter (spawned, not forked; uvicorn's worker
   process) that builds its own app from the settings, opens its own graph connection pools
   in the app's lifespan and serves until told to stop; a worker that dies is logged and
   replaced on its socket;
4. on SIGINT or SIGTERM, stops the workers (each finishes the requests it has, and closes its
   pools), then stops the embedded server if it started it and no other client uses it, as
   single-process `serve` does.

What is per process stays correct across workers: change events for subscriptions go through
the graph's server (or Redis, or Neo4j's change log), never process memory; the graph version
behind ETags is kept in the graph, so an ETag from one worker is valid on the others; and a
mutation through one worker is counted in memory every worker shares (``SharedWrites``), so
the next read on any worker reads the version again instead of answering from before it.
A persisted query registered automatically (APQ) is known to the worker that took it only:
another worker asks the client for the document once, as the APQ protocol provides.
"""

from __future__ import annotations

import asyncio
import ctypes
import logging
import multiprocessing
import os
import signal
import socket
import sys
import time
from multiprocessing.sharedctypes import Synchronized
from typing import Any

from uvicorn import Config
from uvicorn.config import STARTUP_FAILURE
from uvicorn.supervisors.multiprocess import Process

from newsgraph.graph import GraphError, open_graph
from newsgraph.graph.embedded import EmbeddedServer
from newsgraph.settings import Settings

__all__ = [
    "SharedWrites",
    "Supervisor",
    "WorkerConfig",
    "listening_sockets",
    "prepare_graph",
    "run_workers",
]

log = logging.getLogger("newsgraph.api")

# Workers are spawned: a fork would copy the parent's threads and open sockets half-way.
_SPAWN = multiprocessing.get_context("spawn")
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
_HEALTHCHECK_S = 60


class SharedWrites:
    """The count of mutations across the workers, in shared memory (api/caching.py
    ``WriteMarks``). Created by the parent; each worker receives it as it is spawned."""

    def __init__(self) -> None:
        self._count: Synchronized[int] = _SPAWN.Value("Q", 0)

    def mark(self) -> int:
        # One aligned 64-bit load: no lock needed to read a value only ever incremented.
        return int(self._count.value)

    def bump(self) -> None:
        with self._count.get_lock():
            self._count.value += 1


class WorkerConfig(Config):
    """uvicorn's configuration for one worker, sent to it when it is spawned.

    Only picklable values cross to the worker (the settings, the shared count); the app and
    the h11 protocol with its read deadline are built in the worker, in ``load``, as
    single-process `serve` builds them.
    """

    def __init__(self, settings: Settings, writes: SharedWrites, **options: Any) -> None:
        # The app is built in ``load``; the string stands in for it until then.
        super().__init__("newsgraph.api.app:create_app", **options)
        self.settings = settings
        self.writes = writes
        self.parent_pid = os.getpid()

    def load(self) -> None:
        from newsgraph.api.app import create_app
        from newsgraph.api.server import read_timeout_protocol

        _stop_with_parent(self.parent_pid)
        self.app = create_app(self.settings, writes=self.writes)
        self.http = read_timeout_protocol(self.settings.read_timeout_s)
        super().load()


def _stop_with_parent(parent_pid: int) -> None:
    """In a worker: be sent SIGTERM when the supervisor dies, however it dies (a SIGKILL
    gives it no chance to stop its workers), rather than serve on, unsupervised, holding
    the port."""
    if sys.platform == "linux":
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent_pid:
        # It died before the line above: no signal will come.
        os.kill(os.getpid(), signal.SIGTERM)


def prepare_graph(settings: Settings) -> EmbeddedServer | None:
    """Start (or find) the graph the workers will share, and set up its schema once.

    Returns the embedded server for the caller to stop when serving ends (None for an
    external graph). Raises GraphError when the embedded server cannot start; a graph that
    is down is only logged: each worker retries the set-up, as single-process serve does.
    """

    async def main() -> EmbeddedServer | None:
        graph = await open_graph(settings)
        # This process keeps the server; the connection pools opened here are not needed.
        server, graph.server = graph.server, None
        try:
            await graph.store.setup_schema()
        except GraphError as exc:
            log.warning("graph not ready at start, the workers will retry: %s", exc)
        finally:
            await graph.close()
        return server

    return asyncio.run(main())


def run_workers(settings: Settings, workers: int, options: dict[str, Any]) -> None:
    """Serve with ``workers`` processes until SIGINT or SIGTERM; ``options`` are uvicorn's
    (log level, access log, WebSocket message size...) as single-process serve passes them."""
    server = prepare_graph(settings)
    try:
        config = WorkerConfig(
            settings,
            SharedWrites(),
            host=settings.host,
            port=settings.port,
            workers=workers,
            # How long a worker may take to answer the supervisor's ping before it is killed
            # as hung and replaced. uvicorn's 5 s is shorter than a new worker takes to import
            # the app (before it can answer) on a busy 2-core machine: it killed workers that
            # were still starting, again and again.
            timeout_worker_healthcheck=_HEALTHCHECK_S,
            **options,
        )
        sockets = listening_sockets(settings.host, settings.port, workers)
        try:
            Supervisor(config, sockets).run()
        finally:
            for sock in sockets:
                sock.close()
    finally:
        if server is not None:
            # After every worker has gone: stopped only if this process started it and no
            # other client (a `newsgraph load`) still uses it.
            server.stop()


def listening_sockets(host: str, port: int, count: int) -> list[socket.socket]:
    """``count`` sockets bound to one address, one per worker (SO_REUSEPORT): the kernel
    spreads new connections evenly over them. One socket shared by every worker spreads them
    badly: whichever worker wakes first accepts every connection waiting, so a client opening
    its pool at once (a proxy, a load generator) lands on one worker and stays there."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sockets: list[socket.socket] = []
    try:
        for _ in range(count):
            sock = socket.socket(family, socket.SOCK_STREAM)
            sockets.append(sock)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
            sock.bind((host, port))
            # Port 0: the first socket gets a free port, and the others join it.
            port = sock.getsockname()[1]
            sock.set_inheritable(True)
    except OSError:
        for sock in sockets:
            sock.close()
        raise
    return sockets


class Supervisor:
    """Keeps a worker process serving on each listening socket until SIGINT or SIGTERM.

    A worker that exits, or does not answer a ping within the health-check timeout, is
    reported and replaced on the same socket (connections the kernel queued there wait for
    the new worker); one that fails before it starts serving stops everything, since its
    replacement would fail the same way. Workers are uvicorn's ``Process``: a spawned
    interpreter running uvicorn's server on the sockets given, answering pings meanwhile.
    """

    def __init__(self, config: WorkerConfig, sockets: list[socket.socket]) -> None:
        self._config = config
        self._sockets = sockets
        self._workers: list[Process] = []
        # Appended to by the signal handlers (a list append is safe there; a lock is not).
        self._signals: list[int] = []

    def run(self) -> None:
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda signum, frame: self._signals.append(signum))
        self._workers = [self._start(sock) for sock in self._sockets]
        log.info("supervising %d workers: %s", len(self._workers), self._pids())
        while not self._signals:
            self._replace_the_dead()
            time.sleep(0.25)
        log.info("received %s, stopping the workers", signal.Signals(self._signals[0]).name)
        # SIGTERM to each: uvicorn's graceful shutdown, requests in flight finish.
        for worker in self._workers:
            worker.terminate()
        for worker in self._workers:
            worker.join()

    def _start(self, sock: socket.socket) -> Process:
        worker = Process(self._config, [sock])
        worker.start()
        return worker

    def _pids(self) -> str:
        return ", ".join(str(worker.pid) for worker in self._workers)

    def _replace_the_dead(self) -> None:
        for index, worker in enumerate(self._workers):
            if self._signals:
                return
            if worker.is_alive(timeout=self._config.timeout_worker_healthcheck):
                continue
            worker.kill()  # hung, if it has not exited
            worker.join()
            if worker.exitcode == STARTUP_FAILURE:
                log.error("worker %s failed to start: stopping", worker.pid)
                self._signals.append(signal.SIGTERM)
                return
            replacement = self._start(self._sockets[index])
            log.warning(
                "worker %s died (exit status %s); worker %s replaces it",
                worker.pid,
                worker.exitcode,
                replacement.pid,
            )
            self._workers[index] = replacement
