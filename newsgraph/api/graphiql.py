"""GraphiQL at /graphql, with its assets served by us so the IDE works without internet.

Strawberry's stock page loads React, GraphiQL and the explorer plugin (shown here as the
"Query builder", apart from our Explorer app at /explore) from a CDN: offline it
is blank. We install the same builds from npm (``tools/graphiql``, ``npm ci`` in ``make
setup``) and serve an allow-listed handful of files under ``/graphiql/``.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from newsgraph.api.pages import PAGE_START
from newsgraph.api.static import static_file

__all__ = [
    "ASSETS",
    "ASSET_DIR",
    "ASSET_PREFIX",
    "EDITOR_COLUMNS",
    "EXAMPLE_TABS",
    "QUERY_BUILDER",
    "asset_dir",
    "graphiql_routes",
    "missing_assets",
    "render_graphiql",
]

# The repository root is the package directory's parent; `make setup` installs the npm
# packages next to their package.json there.
ASSET_DIR = Path(__file__).resolve().parents[2] / "tools" / "graphiql" / "node_modules"

ASSET_PREFIX = "/graphiql"

# GraphiQL's explorer plugin calls itself "Explorer", the name of our own app at /explore: the
# page calls the plugin by what it does, so a reader knows which is which.
QUERY_BUILDER = "Query builder"

# Short public name -> path under node_modules. Only these are served: node_modules holds
# ~60 MB of sources and metadata that nobody needs to fetch.
ASSETS: dict[str, str] = {
    "react.production.min.js": "react/umd/react.production.min.js",
    "react-dom.production.min.js": "react-dom/umd/react-dom.production.min.js",
    "graphiql.min.js": "graphiql/graphiql.min.js",
    "graphiql.min.css": "graphiql/graphiql.min.css",
    "plugin-explorer.umd.js": "@graphiql/plugin-explorer/dist/index.umd.js",
    "plugin-explorer.css": "@graphiql/plugin-explorer/dist/style.css",
}

_CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
}

# Safe to cache for a year: the page asks for each file with ?v=<package version>, so an
# upgrade changes the URL.
_CACHE_CONTROL = "public, max-age=31536000, immutable"


def asset_dir() -> Path:
    """Where the npm packages are: ``$NEWSGRAPH_GRAPHIQL_ASSETS`` or the repository's copy.

    Read on each call, so that an installed package (the Docker image) or a test can point
    elsewhere without re-importing this module.
    """
    override = os.environ.get("NEWSGRAPH_GRAPHIQL_ASSETS")
    return Path(override) if override else ASSET_DIR


def missing_assets() -> list[str]:
    """The allow-listed files that are not installed, as paths under node_modules."""
    root = asset_dir()
    return [rel for rel in ASSETS.values() if not (root / rel).is_file()]


def _package_version(root: Path, asset: str) -> str:
    # "@scope/name/..." or "name/...": the package's own package.json carries its version.
    parts = asset.split("/")
    package = "/".join(parts[:2]) if parts[0].startswith("@") else parts[0]
    try:
        meta = json.loads((root / package / "package.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return "0"
    version = meta.get("version") if isinstance(meta, dict) else None
    return str(version) if version else "0"


def _asset_url(root: Path, name: str) -> str:
    version = _package_version(root, ASSETS[name])
    return f"{ASSET_PREFIX}/{html.escape(name)}?v={html.escape(version)}"


# --- asset routes -------------------------------------------------------------------------


async def _serve_asset(request: Request) -> Response:
    name = request.path_params["name"]
    rel = ASSETS.get(name)
    if rel is None:
        return PlainTextResponse("Not Found", status_code=404)
    path = asset_dir() / rel
    if not path.is_file():
        return PlainTextResponse(
            f"GraphiQL asset {rel} is not installed: run `make setup`.\n", status_code=404
        )
    return await static_file(
        request, path, media_type=_CONTENT_TYPES[path.suffix], cache_control=_CACHE_CONTROL
    )


def graphiql_routes() -> list[BaseRoute]:
    """Routes serving GraphiQL's allow-listed assets under ``/graphiql/<name>``."""
    return [Route(ASSET_PREFIX + "/{name}", _serve_asset, methods=["GET"])]


# --- the page -----------------------------------------------------------------------------

# Each tab opens with a comment saying what it demonstrates; the queries run against the sample
# corpus in data/corpus. Every line fits the editor beside the open query builder on a 1280 px
# screen (33 characters; the editor does not wrap and a cut line reads as nonsense), so
# comments are short lines and long arguments are broken over lines. Named operations, because
# GraphiQL titles a tab by its operation name and shows "<untitled>" otherwise.
EDITOR_COLUMNS = 33
EXAMPLE_TABS: list[str] = [
    """\
# Counts of everything in the
# graph. Tick fields in the query
# builder (left) or type here;
# Ctrl-Enter runs the query.
# Mutations need an API key: add
# it under Headers (below) as
# {"Authorization": "Bearer KEY"}
# The Explorer app, a network of
# who met whom, is at /explore.
query Stats {
  stats {
    articles
    actors
    meetings
    statements
    topics
  }
}
""",
    """\
# An actor found by an alias,
# with its roles and meetings.
query ActorByAlias {
  actor(name: "Zelenskyy") {
    name
    kind
    aliases
    roles {
      title
      of { name }
    }
    meetings(first: 10) {
      edges {
        node {
          title
          date
          mode
          status
          place
          participants {
            actor { name }
            role
          }
        }
      }
    }
  }
}
""",
    """\
# Meetings of two actors, with
# the reports quoting them.
query MeetingsBetween {
  meetings(filter: {
    participants: [
      "Zelensky",
      "Dick Schoof"
    ]
  }) {
    totalCount
    edges {
      node {
        date
        mode
        reports {
          article {
            title
            publisher
          }
          excerpt
        }
      }
    }
  }
}
""",
    """\
# What one speaker said, and
# where it was reported.
query StatementsBySpeaker {
  statements(
    filter: {
      speaker: "Zelensky"
    }
    first: 10
  ) {
    edges {
      node {
        text
        date
        medium
        reports {
          article { title }
        }
      }
    }
  }
}
""",
    """\
# Articles, newest first. For
# the next page, pass endCursor
# as `after`.
query ArticlesPage {
  articles(first: 5) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        title
        publisher
        publishedOn
        section
      }
    }
  }
}
""",
]

_PAGE = (
    PAGE_START
    + """\
  <title>newsgraph · GraphiQL</title>
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <link rel="stylesheet" href="{graphiql_css}">
  <link rel="stylesheet" href="{explorer_css}">
  <style>
    html, body, #graphiql {{ height: 100%; margin: 0; }}
    .newsgraph-failed {{ font: 16px/1.5 system-ui, sans-serif; padding: 2rem; }}
  </style>
</head>
<body>
  <div id="graphiql">
    <noscript><p class="newsgraph-failed">GraphiQL needs JavaScript.</p></noscript>
  </div>
  <script type="application/json" id="newsgraph-graphiql-config">{config}</script>
  <!-- Order matters: the explorer's UMD build reads window.React and window.GraphiQL. -->
  <script src="{react}"></script>
  <script src="{react_dom}"></script>
  <script src="{graphiql}"></script>
  <script src="{explorer}"></script>
  <script>
    (function () {{
      var mount = document.getElementById("graphiql");
      var loaded = window.React && window.ReactDOM && window.GraphiQL &&
        window.GraphiQLPluginExplorer;
      if (!loaded) {{
        // A script failed to load: say so rather than leave a blank page.
        mount.innerHTML = '<p class="newsgraph-failed">GraphiQL could not load its scripts ' +
          'from {prefix}/. Run <code>make setup</code> and restart the server.</p>';
        return;
      }}
      var config = JSON.parse(document.getElementById("newsgraph-graphiql-config").textContent);
      // The plugin's panel heading (its `title` prop) and its sidebar name (the plugin's title).
      var explorer = Object.assign(
        GraphiQLPluginExplorer.explorerPlugin({{ title: config.queryBuilder }}),
        {{ title: config.queryBuilder }}
      );
      var element = React.createElement(GraphiQL, {{
        fetcher: GraphiQL.createFetcher({{
          url: new URL(config.endpoint, window.location.href).toString()
        }}),
        plugins: [explorer],
        // Only a default: a user who closes the explorer keeps it closed.
        visiblePlugin: explorer,
        defaultTabs: config.tabs.map(function (query) {{ return {{ query: query }}; }}),
        isHeadersEditorEnabled: true,
        // Headers may carry an API key: keep them out of localStorage.
        shouldPersistHeaders: false
      }});
      ReactDOM.createRoot(mount).render(element);
    }})();
  </script>
</body>
</html>
"""
)

_MISSING_PAGE = """\
<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>newsgraph · GraphiQL not installed</title>
  <link rel="icon" href="/favicon.svg" type="image/svg+xml">
  <style>
    body {{ font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 44rem;
           padding: 0 1rem; }}
    code {{ background: #f2f2f2; padding: 0 .25em; }}
  </style>
</head>
<body>
  <h1>GraphiQL is not installed</h1>
  <p>newsgraph serves GraphiQL from local files so that it works offline, and they are not
     there. Run <code>make setup</code> (it runs <code>npm ci</code> in
     <code>tools/graphiql</code>), then reload this page, or point
     <code>NEWSGRAPH_GRAPHIQL_ASSETS</code> at a <code>node_modules</code> folder that has them.</p>
  <p>Looked in <code>{root}</code> for:</p>
  <ul>{missing}</ul>
  <p>The API itself works: POST GraphQL queries to <code>{endpoint}</code>.</p>
</body>
</html>
"""


def _script_json(value: object) -> str:
    # Inside <script>, "</script>" or "<!--" in a string would end or confuse the element;
    # escaping every "<" (and the JS line separators) keeps the JSON inert.
    return (
        json.dumps(value)
        .replace("<", "\\u003c")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def render_graphiql(endpoint: str = "/graphql") -> str:
    """The GraphiQL page for ``endpoint``, or a page saying how to install the assets."""
    root = asset_dir()
    missing = missing_assets()
    if missing:
        return _MISSING_PAGE.format(
            root=html.escape(str(root)),
            missing="".join(f"<li><code>{html.escape(rel)}</code></li>" for rel in missing),
            endpoint=html.escape(endpoint),
        )
    return _PAGE.format(
        graphiql_css=_asset_url(root, "graphiql.min.css"),
        explorer_css=_asset_url(root, "plugin-explorer.css"),
        react=_asset_url(root, "react.production.min.js"),
        react_dom=_asset_url(root, "react-dom.production.min.js"),
        graphiql=_asset_url(root, "graphiql.min.js"),
        explorer=_asset_url(root, "plugin-explorer.umd.js"),
        prefix=ASSET_PREFIX,
        config=_script_json(
            {"endpoint": endpoint, "tabs": EXAMPLE_TABS, "queryBuilder": QUERY_BUILDER}
        ),
    )
