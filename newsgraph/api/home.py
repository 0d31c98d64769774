"""The server's front door: ``/`` and the favicon.

``/`` is the first address a person opens. A browser (``Accept`` naming ``text/html`` first) gets
a small page saying what this is, with links to the Explorer, GraphiQL, the SDL and the health
probes. An API client gets JSON: the same links for ``GET /`` with ``Accept: application/json``,
``*/*`` or none; and a GraphQL request sent to ``/`` by mistake (a POST, or a GET with
``?query=``) gets a GraphQL-shaped 404 naming ``/graphql``, so the client's error says where
to send it.
"""

from __future__ import annotations

import html

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Route

from newsgraph.api.favicon import FAVICON_SVG, favicon_ico
from newsgraph.api.http import JSON, error_response, media_quality, negotiate
from newsgraph.api.pages import PAGE_START

__all__ = ["DESCRIPTION", "home_routes", "prefers_html"]

DESCRIPTION = (
    "A GraphQL knowledge base of diplomatic news: who met whom, when and how; who said what; "
    "and which articles report it, in their own words."
)

# The answer depends on Accept: caches must keep the page and the JSON apart.
_HEADERS = {"Vary": "Accept", "Cache-Control": "no-cache"}
# The icon never changes within a version; a day keeps browsers from asking on every page.
_ICON_CACHE = "public, max-age=86400"

_JSON_TYPES = (JSON, "application/graphql-response+json")


def prefers_html(accept: str | None) -> bool:
    """True when ``accept`` names text/html and wants it at least as much as JSON.

    Browsers name text/html first; API clients name JSON, or send ``*/*`` or nothing, and get
    JSON: a bare ``*/*`` is not a request for a web page.
    """
    if not accept:
        return False
    q_html, named = media_quality("text/html", accept)
    if named < 1 or q_html <= 0:
        return False
    q_json = max(
        (q for q, how in (media_quality(kind, accept) for kind in _JSON_TYPES) if how >= 1),
        default=0.0,
    )
    return q_html >= q_json


def _links(request: Request, introspection: bool) -> dict[str, str]:
    root = request.scope.get("root_path", "")
    links = {"graphql": f"{root}/graphql", "explorer": f"{root}/explore"}
    if introspection:
        links["schema"] = f"{root}/schema.graphql"
    links |= {"health": f"{root}/healthz", "ready": f"{root}/readyz"}
    return links


_PAGE = (
    PAGE_START
    + """\
  <meta name="description" content="{description}">
  <title>newsgraph</title>
  <link rel="icon" href="{root}/favicon.svg" type="image/svg+xml">
  <style>
    :root {{ color-scheme: light; --ink: #1b2330; --muted: #5b6576; --line: #dde2ea; }}
    body {{ font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
           margin: 0; color: var(--ink); background: #f6f7f9; }}
    main {{ max-width: 46rem; margin: 0 auto; padding: 2.5rem 1.25rem 3rem; }}
    h1 {{ display: flex; align-items: center; gap: .6rem; margin: 0 0 .5rem; font-size: 1.9rem; }}
    h2 {{ font-size: 1.05rem; margin: 2rem 0 .5rem; }}
    .lede {{ font-size: 1.1rem; margin: 0 0 1.5rem; }}
    .doors {{ list-style: none; padding: 0; margin: 0; display: grid; gap: .75rem; }}
    .doors a {{ display: block; background: #fff; border: 1px solid var(--line);
               border-radius: 10px; padding: .85rem 1rem; color: inherit;
               text-decoration: none; }}
    .doors a:hover, .doors a:focus-visible {{ border-color: #3f5efb; }}
    .doors strong {{ color: #2f49d1; font-size: 1.05rem; }}
    .doors span {{ display: block; color: var(--muted); }}
    code, pre {{ font: .9rem/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }}
    code {{ background: #eceff3; padding: 0 .25em; border-radius: 4px; }}
    pre {{ background: #fff; border: 1px solid var(--line); border-radius: 10px;
          padding: .75rem 1rem; overflow-x: auto; }}
    .probes {{ color: var(--muted); }}
  </style>
</head>
<body>
<main>
  <h1>{icon} newsgraph</h1>
  <p class="lede">{description}</p>
  <ul class="doors">
    <li><a href="{explorer}"><strong>Explorer</strong>
      <span>The network of who met whom: click an actor for its meetings, statements and
      timeline, click a line for the meetings of two actors; search with
      <kbd>/</kbd>.</span></a></li>
    {graphiql_door}
    {schema_door}
  </ul>
  <h2>From code</h2>
  <p>POST GraphQL to <code>{graphql}</code>:</p>
  <pre>curl -s {base}/graphql -H 'content-type: application/json' \\
  -d '{{"query": "{{ stats {{ articles actors meetings statements }} }}"}}'</pre>
  <h2>Your own news</h2>
  <p><code>newsgraph load path/to/articles/</code> reads page text (<code>.txt</code>,
     <code>.md</code>), JSON and NDJSON, finds who met whom and who said what, and adds it to
     this graph; the README says how.</p>
  <p class="probes">Health: <a href="{health}">{health}</a> (the process) ·
     <a href="{ready}">{ready}</a> (the graph)</p>
</main>
</body>
</html>
"""
)

_GRAPHIQL_DOOR = """<li><a href="{graphql}"><strong>GraphiQL</strong>
      <span>Write GraphQL queries in the browser, starting from example tabs; its query
      builder and Docs pane show every type and field.</span></a></li>"""

_SCHEMA_DOOR = """<li><a href="{schema}"><strong>Schema</strong>
      <span>The GraphQL schema as SDL text, every field described.</span></a></li>"""


_SWITCHED_OFF = """<li class="probes">GraphiQL and the schema are switched off on this server
      (<code>NEWSGRAPH_INTROSPECTION=false</code>).</li>"""


def _page(request: Request, links: dict[str, str], introspection: bool) -> str:
    escaped = {name: html.escape(url) for name, url in links.items()}
    base = str(request.base_url).rstrip("/")
    return _PAGE.format(
        description=html.escape(DESCRIPTION),
        root=html.escape(request.scope.get("root_path", "")),
        icon=FAVICON_SVG.replace("<svg ", "<svg width='36' height='36' aria-hidden='true' ", 1),
        base=html.escape(base),
        graphiql_door=_GRAPHIQL_DOOR.format(**escaped) if introspection else _SWITCHED_OFF,
        schema_door=_SCHEMA_DOOR.format(**escaped) if introspection else "",
        **escaped,
    )


def home_routes(*, introspection: bool) -> list[BaseRoute]:
    """``/`` (a page for browsers, JSON for API clients) and the favicon in two formats."""

    async def home(request: Request) -> Response:
        links = _links(request, introspection)
        graphql_request = request.method not in ("GET", "HEAD") or "query" in request.query_params
        if graphql_request:
            media_type = negotiate(request.headers.get("accept")) or JSON
            return error_response(
                404,
                f"there is no GraphQL endpoint at /: send GraphQL requests to {links['graphql']}",
                media_type=media_type,
                headers=_HEADERS,
            )
        if prefers_html(request.headers.get("accept")):
            return HTMLResponse(_page(request, links, introspection), headers=_HEADERS)
        return JSONResponse(
            {"name": "newsgraph", "description": DESCRIPTION, "links": links}, headers=_HEADERS
        )

    async def icon(request: Request) -> Response:
        body = await run_in_threadpool(favicon_ico)  # drawn once, a tenth of a second
        return Response(body, media_type="image/x-icon", headers={"Cache-Control": _ICON_CACHE})

    async def svg(request: Request) -> Response:
        return Response(
            FAVICON_SVG, media_type="image/svg+xml", headers={"Cache-Control": _ICON_CACHE}
        )

    return [
        Route("/", home, methods=["GET", "POST", "PUT", "PATCH", "DELETE"]),
        Route("/favicon.ico", icon, methods=["GET"]),
        Route("/favicon.svg", svg, methods=["GET"]),
    ]
