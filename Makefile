# newsgraph: `make run` serves the API on the embedded graph with the sample corpus loaded;
# `make test` runs the whole suite. Both set up what they need first.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.setup-stamp
LINT_MODULES := tools/cypher-lint/node_modules/.package-lock.json
GRAPHIQL_MODULES := tools/graphiql/node_modules/.package-lock.json
AUDIT_MODULES := tools/graphql-http-audit/node_modules/.package-lock.json

.PHONY: setup run load test check lint fmt clean browser

setup: $(STAMP) $(LINT_MODULES) $(GRAPHIQL_MODULES) $(AUDIT_MODULES)

# Re-install only when the project's dependencies change.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(LINT_MODULES): tools/cypher-lint/package.json tools/cypher-lint/package-lock.json
	npm ci --prefix tools/cypher-lint --no-audit --no-fund --loglevel=error

# GraphiQL's assets, served by the app itself so the page works offline.
$(GRAPHIQL_MODULES): tools/graphiql/package.json tools/graphiql/package-lock.json
	npm ci --prefix tools/graphiql --no-audit --no-fund --loglevel=error

# graphql-http's GraphQL-over-HTTP audit, run against `newsgraph serve` by the tests.
$(AUDIT_MODULES): tools/graphql-http-audit/package.json tools/graphql-http-audit/package-lock.json
	npm ci --prefix tools/graphql-http-audit --no-audit --no-fund --loglevel=error

# Debian's Chromium for the browser test (CI runs as root with apt, like this machine).
browser:
	@test -x /usr/bin/chromium || { apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

load: setup
	$(BIN)/newsgraph load data/

run: load
	$(BIN)/newsgraph serve

test: setup browser
	$(BIN)/pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

check: lint test

fmt: setup
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) .newsgraph tools/cypher-lint/node_modules tools/graphiql/node_modules \
	  tools/graphql-http-audit/node_modules test-artifacts .pytest_cache .mypy_cache .ruff_cache
