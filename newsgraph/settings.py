"""Configuration: one settings object, read from the environment, passed to everything."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

__all__ = ["GraphEngine", "Settings"]

GraphEngine = Literal["embedded", "falkordb", "neo4j"]

_NEO4J_SCHEMES = {"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}


class Settings(BaseSettings):
    """Every knob newsgraph has. Environment variables are prefixed ``NEWSGRAPH_``."""

    model_config = SettingsConfigDict(env_prefix="NEWSGRAPH_", extra="ignore")

    graph_url: str | None = Field(
        default=None,
        description="Unset: embedded FalkorDB. falkordb://host:port, or bolt://, neo4j://, "
        "neo4j+s:// for Neo4j.",
    )
    graph_name: str = Field(
        default="newsgraph", description="FalkorDB graph key; ignored by Neo4j (see database)."
    )
    neo4j_user: str = Field(
        default="neo4j", validation_alias=AliasChoices("NEO4J_USER", "NEWSGRAPH_NEO4J_USER")
    )
    neo4j_password: SecretStr = Field(
        default=SecretStr(""),
        validation_alias=AliasChoices("NEO4J_PASSWORD", "NEWSGRAPH_NEO4J_PASSWORD"),
    )
    neo4j_database: str = Field(
        default="neo4j",
        validation_alias=AliasChoices("NEO4J_DATABASE", "NEWSGRAPH_NEO4J_DATABASE"),
    )
    data_dir: Path = Field(default=Path(".newsgraph"), description="Embedded server's data.")
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    workers: int | None = Field(
        default=None,
        ge=1,
        description="Processes `newsgraph serve` runs, sharing the port and the graph; "
        "unset: one per core.",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(default_factory=list)
    api_keys: Annotated[list[SecretStr], NoDecode] = Field(
        default_factory=list,
        description="Keys that may call mutations (Authorization: Bearer <key>); none: no writes.",
    )
    read_keys: Annotated[list[SecretStr], NoDecode] = Field(
        default_factory=list,
        description="Keys that may read (Authorization: Bearer <key>; write keys may too); "
        "none: reads are open.",
    )
    # Cacheable reads (api/caching.py, api/persisted.py).
    persisted_only: bool = Field(
        default=False,
        description="Run only the operations of persisted_documents, sent by their sha256Hash.",
    )
    persisted_documents: Path | None = Field(
        default=None,
        description="A .graphql file, or a directory of them: the operations registered for "
        "persisted queries (the only ones that run with persisted_only).",
    )
    persisted_max_entries: int = Field(
        default=1_000, ge=0, description="Documents clients register by automatic persisted query."
    )
    cache_control: str = Field(
        default="no-cache",
        description="Cache-Control of answers to reads over GET (`no-cache`: caches keep them "
        "but ask each time, and get 304 while the graph has not changed).",
    )
    response_cache_entries: int = Field(
        default=1_000, ge=0, description="Read answers kept in memory; 0: no response cache."
    )
    response_cache_bytes: int = Field(
        default=50_000_000, ge=0, description="Bytes of read answers kept in memory."
    )
    version_max_age_ms: int = Field(
        default=1_000,
        ge=0,
        description="How long the graph version read once serves (cache hits make no graph call "
        "meanwhile); writes by other processes show that much later. 0: read on every request.",
    )
    log_level: Literal["debug", "info", "warning", "error"] = "info"
    query_timeout_ms: int = Field(default=10_000, ge=1, description="Per graph query.")
    load_batch: int = Field(
        default=200, ge=1, le=5_000, description="Articles per atomic write when loading."
    )
    log_format: Literal["text", "json"] = Field(
        default="text", description="json: one JSON line per request."
    )
    # Operation limits (each refusal has its own error code).
    # Relay's edges/node pairs double the depth of a relationship query: actors, their
    # meetings, the participants and their statements is already 13 levels deep.
    max_depth: int = Field(default=15, ge=1, description="Deepest selection nesting.")
    max_tokens: int = Field(default=2_000, ge=10, description="Tokens in one document.")
    max_aliases: int = Field(default=30, ge=1, description="Aliased fields in one operation.")
    # GitHub's GraphQL API bounds a call at 500,000 nodes the same way.
    max_cost: int = Field(
        default=500_000,
        ge=1,
        description="Nodes an operation may touch: `first` multiplied through nesting.",
    )
    # Lists are capped like `nodes(ids:)`, whatever argument carries them: a long list costs
    # the server work per item before any limit on the result applies.
    max_list_items: int = Field(
        default=100, ge=1, description="Items in any one list argument (ids, names, aliases)."
    )
    # Composed filters (AND, OR, NOT): each nested filter is one more predicate the graph
    # evaluates on every item it reads, and none of them can use an index.
    max_filter_depth: int = Field(
        default=3, ge=0, description="Levels of AND, OR and NOT nested in one filter."
    )
    max_filter_conditions: int = Field(
        default=32, ge=0, description="Filters nested inside AND, OR and NOT in one argument."
    )
    # Full-text search. FalkorDB runs queries on a small thread pool and does not check its
    # timeout while it expands a search, so each search is bounded before it is sent, counted
    # in the cost, and only a few run at once.
    search_max_length: int = Field(default=500, ge=1, description="Characters in one search.")
    search_max_terms: int = Field(
        default=12, ge=1, description="Words in one search, phrase words included."
    )
    search_max_wildcards: int = Field(
        default=3, ge=0, description="Words ending in `*` in one search."
    )
    search_min_prefix: int = Field(
        default=2, ge=1, description="Characters a wildcard needs before its `*`."
    )
    search_cost: int = Field(
        default=100_000,
        ge=0,
        description="What one search counts for in the cost: it can read every entry of an "
        "index, which `first` does not bound.",
    )
    search_concurrency: int = Field(
        default=1,
        ge=1,
        description="Full-text calls in flight at once per process; the others wait their turn.",
    )
    # An event loop runs every request let in: past what the process can carry, each await
    # waits behind every other request's work. A few at once keep the process and the graph
    # busy; the others wait their turn, in arrival order (api/admission.py).
    max_concurrent_operations: int = Field(
        default=8,
        ge=1,
        description="GraphQL queries and mutations executing at once per process; the others "
        "wait their turn, first come, first served.",
    )
    max_body_bytes: int = Field(default=1_000_000, ge=1_000, description="Request body size.")
    # This schema's deepest input is a filter object holding a list (2 levels); clients'
    # extensions (persisted queries, tracing) nest a few levels.
    max_json_depth: int = Field(
        default=32,
        ge=2,
        description="Objects and arrays nested in a request's `variables` or `extensions`.",
    )
    # A client that holds a connection open by sending slowly costs a connection and memory
    # for as long as the server waits; 20 s lets a 1 MB body through at 50 kB/s.
    read_timeout_s: float = Field(
        default=20.0,
        gt=0,
        description="Seconds a client has to send a request's headers, and again its body.",
    )
    max_batch: int = Field(default=10, ge=1, description="Operations in one batched request.")
    introspection: bool = Field(
        default=True, description="Off in production hides the schema (and GraphiQL)."
    )
    connect_timeout_s: float = Field(default=5.0, gt=0)
    # Live updates (subscriptions). Change events go through a broker, never process memory,
    # so a `newsgraph load` in another process reaches this one's subscribers.
    events_url: str | None = Field(
        default=None,
        description="redis://host:port of a Redis for change events. Unset: the graph's own "
        "server (embedded or external FalkorDB is a Redis server), or a change log in Neo4j.",
    )
    events_max_len: int = Field(
        default=10_000,
        ge=100,
        description="Change events kept per kind; a client resuming from an older event id "
        "gets what is still kept.",
    )
    events_poll_ms: int = Field(
        default=250, ge=10, description="How often a Neo4j change log is read for new events."
    )
    max_subscription_connections: int = Field(
        default=100,
        ge=1,
        description="Open subscription connections (WebSockets and SSE streams) per process.",
    )
    max_subscriptions_per_connection: int = Field(
        default=10, ge=1, description="Operations running at once on one WebSocket."
    )
    max_messages_per_minute: int = Field(
        default=120, ge=1, description="Messages one WebSocket client may send a minute."
    )

    # Fetching pages and feeds (`newsgraph load https://...`, `newsgraph watch`, ingestArticle's
    # `url`; ingest/sources/fetch.py). Each bound is what stops one bad site from holding a
    # load up: a server that never answers, trickles, or sends a dump instead of a page.
    fetch_connect_timeout_s: float = Field(
        default=5.0, gt=0, description="Seconds to connect to a site before giving up on a URL."
    )
    fetch_read_timeout_s: float = Field(
        default=15.0, gt=0, description="Seconds a site may go silent while answering."
    )
    fetch_deadline_s: float = Field(
        default=30.0,
        gt=0,
        description="Seconds one URL may take in all: robots.txt, every redirect and the body.",
    )
    fetch_max_bytes: int = Field(
        default=5_000_000,
        ge=1_000,
        description="Bytes of one page or feed (after decompression); reading stops past it.",
    )
    fetch_max_redirects: int = Field(
        default=5, ge=0, description="Redirects followed for one URL, each checked on its own."
    )
    fetch_contact: str | None = Field(
        default=None,
        description="A URL or e-mail address for site owners, sent in the User-Agent "
        "(`newsgraph/0.1.0 (+contact)`); set it when fetching other people's sites.",
    )

    @field_validator("cors_origins", "api_keys", "read_keys", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        # A comma-separated list is what people type into an environment variable.
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _lower_level(cls, value: object) -> object:
        return value.lower() if isinstance(value, str) else value

    @field_validator("graph_url")
    @classmethod
    def _known_scheme(cls, value: str | None) -> str | None:
        if value is None or value.strip() == "":
            return None
        scheme = urlsplit(value).scheme
        if scheme not in _NEO4J_SCHEMES | {"falkordb", "redis"}:
            raise ValueError(
                f"unsupported graph URL scheme {scheme!r} in {value!r}: use falkordb://host:port, "
                "bolt://, neo4j:// or neo4j+s://"
            )
        return value

    @property
    def engine(self) -> GraphEngine:
        if self.graph_url is None:
            return "embedded"
        scheme = urlsplit(self.graph_url).scheme
        return "neo4j" if scheme in _NEO4J_SCHEMES else "falkordb"
