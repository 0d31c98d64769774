"""Static files for the browser (GraphiQL's assets, the Explorer's build): cached, gzipped once
per version of the file, never sniffed."""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, Response

__all__ = ["static_file"]

# Below this, gzip's own overhead eats most of the gain.
_GZIP_MIN_BYTES = 1024
# Already-compressed formats (images, fonts) gain nothing.
_GZIP_TYPES = (".js", ".mjs", ".css", ".html", ".svg", ".json", ".map", ".txt")


@dataclass(frozen=True)
class _Compressed:
    mtime_ns: int
    size: int
    body: bytes


_gzip_cache: dict[Path, _Compressed] = {}


def _gzipped(path: Path) -> bytes | None:
    """The file gzipped, compressed once per version of the file on disk."""
    stat = path.stat()
    if stat.st_size < _GZIP_MIN_BYTES or path.suffix.lower() not in _GZIP_TYPES:
        return None
    cached = _gzip_cache.get(path)
    if cached is None or (cached.mtime_ns, cached.size) != (stat.st_mtime_ns, stat.st_size):
        # mtime=0: the same file always gives the same bytes.
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        cached = _Compressed(stat.st_mtime_ns, stat.st_size, body)
        _gzip_cache[path] = cached
    return cached.body


def _accepts_gzip(request: Request) -> bool:
    encodings = request.headers.get("accept-encoding", "")
    return any(part.split(";")[0].strip() == "gzip" for part in encodings.split(","))


async def static_file(
    request: Request, path: Path, *, media_type: str, cache_control: str
) -> Response:
    headers = {
        "Cache-Control": cache_control,
        "X-Content-Type-Options": "nosniff",
        "Vary": "Accept-Encoding",
    }
    if _accepts_gzip(request):
        # The first request for GraphiQL compresses 3.5 MB: keep that off the event loop.
        body = await run_in_threadpool(_gzipped, path)
        if body is not None:
            headers["Content-Encoding"] = "gzip"
            return Response(body, media_type=media_type, headers=headers)
    return FileResponse(path, media_type=media_type, headers=headers)
