"""The Explorer at /explore: the single-page app built from web/ (``make setup``), served as files.

``npm run build`` in ``web/`` writes ``web/dist``: ``index.html`` and content-hashed files under
``assets/``. The app routes with the URL hash, talks to ``/graphql`` on the same origin and
needs nothing else. Hashed assets are cached for a year; ``index.html`` is revalidated on every
load so a rebuild shows at once. Without a build, /explore says how to make one (503).
"""

from __future__ import annotations

import html
import mimetypes
import os
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from newsgraph.api.static import static_file

__all__ = ["DIST_DIR", "EXPLORE_PREFIX", "dist_dir", "explore_routes"]

# The repository root is the package directory's parent.
DIST_DIR = Path(__file__).resolve().parents[2] / "web" / "dist"

EXPLORE_PREFIX = "/explore"

_CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".json": "application/json",
    ".map": "application/json",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
}

# Vite names every file under assets/ by a hash of its content: a rebuild changes the URL.
_IMMUTABLE = "public, max-age=31536000, immutable"
_REVALIDATE = "no-cache"
# The build refers to its assets relatively ("./assets/x.js") so it also works on any static
# host; served here it is also reachable as /explore (no slash) and /explore/<client route>,
# where relative URLs would miss, so the page gets absolute ones.
_RELATIVE_ASSETS = ('="./assets/', "='./assets/")


def dist_dir() -> Path:
    """Where the built app is: ``$NEWSGRAPH_EXPLORE_DIST`` or the repository's ``web/dist``.

    Read on each call, so that an installed package or a test can point elsewhere.
    """
    override = os.environ.get("NEWSGRAPH_EXPLORE_DIST")
    return Path(override) if override else DIST_DIR


def _content_type(path: Path) -> str:
    known = _CONTENT_TYPES.get(path.suffix.lower())
    if known:
        return known
    guessed, _ = mimetypes.guess_type(path.name)
    return guessed or "application/octet-stream"


def _inside(root: Path, relative: str) -> Path | None:
    """``root / relative`` if it is a file inside ``root``; None for anything else ('..')."""
    if not relative or "\x00" in relative:
        return None
    root = root.resolve()
    candidate = (root / relative).resolve()
    if candidate != root and root not in candidate.parents:
        return None
    return candidate if candidate.is_file() else None


async def _file(request: Request, path: Path, cache_control: str) -> Response:
    return await static_file(
        request, path, media_type=_content_type(path), cache_control=cache_control
    )


_MISSING_PAGE = """\
<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>newsgraph · Explorer not built</title>
  <link rel="icon" href="{root}/favicon.svg" type="image/svg+xml">
  <style>
    body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 44rem;
           padding: 0 1rem; color: #1b2330; }}
    code {{ background: #f2f2f2; padding: 0 .25em; }}
  </style>
</head>
<body>
  <h1>The Explorer is not built</h1>
  <p>The Explorer is a single-page app in <code>web/</code> that this server serves once it is
     built. Run <code>make setup</code> (it runs <code>npm ci</code> and
     <code>npm run build</code> in <code>web/</code>), then reload this page; or point
     <code>NEWSGRAPH_EXPLORE_DIST</code> at a built <code>dist</code> folder.</p>
  <p>Looked for <code>{index}</code>.</p>
  <p>The API itself works: GraphiQL is at <a href="{root}/graphql">{root}/graphql</a>.</p>
</body>
</html>
"""


def _missing(request: Request, index: Path) -> Response:
    root = request.scope.get("root_path", "")
    page = _MISSING_PAGE.format(index=html.escape(str(index)), root=html.escape(root))
    return HTMLResponse(page, status_code=503, headers={"Cache-Control": "no-store"})


async def _index(request: Request) -> Response:
    index = dist_dir() / "index.html"
    try:
        page = await run_in_threadpool(index.read_text, encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return _missing(request, index)
    prefix = request.scope.get("root_path", "") + EXPLORE_PREFIX
    for quoted in _RELATIVE_ASSETS:
        page = page.replace(quoted, f"{quoted[:2]}{prefix}/assets/")
    return HTMLResponse(
        page,
        headers={"Cache-Control": _REVALIDATE, "X-Content-Type-Options": "nosniff"},
    )


async def _asset(request: Request) -> Response:
    path = _inside(dist_dir() / "assets", request.path_params["path"])
    if path is None:
        return PlainTextResponse("Not Found", status_code=404)
    return await _file(request, path, _IMMUTABLE)


async def _other(request: Request) -> Response:
    # A file at the top of dist (favicon, robots.txt) or, for anything else, the app itself:
    # its routes live in the URL hash, but a pasted or mistyped path should still open it.
    relative = request.path_params["path"]
    path = _inside(dist_dir(), relative)
    if path is not None and path.name != "index.html":
        return await _file(request, path, _REVALIDATE)
    if Path(relative).suffix:
        # A missing file (an old asset name, a typo): not the page, which would parse as junk.
        return PlainTextResponse("Not Found", status_code=404)
    return await _index(request)


def explore_routes() -> list[BaseRoute]:
    """The Explorer: its page at /explore and /explore/, its assets under /explore/assets/."""
    return [
        Route(EXPLORE_PREFIX, _index, methods=["GET"]),
        Route(EXPLORE_PREFIX + "/", _index, methods=["GET"]),
        Route(EXPLORE_PREFIX + "/assets/{path:path}", _asset, methods=["GET"]),
        Route(EXPLORE_PREFIX + "/{path:path}", _other, methods=["GET"]),
    ]
