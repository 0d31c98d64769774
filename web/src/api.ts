// The one way the Explorer talks to newsgraph: GraphQL over HTTP with urql.
import { Client, CombinedError, cacheExchange, fetchExchange } from "@urql/core";
import type { AnyVariables, TypedDocumentNode } from "@urql/core";

/**
 * Where the API is: `?api=<url>` in the page address, else VITE_API_URL at build time, else
 * `/graphql` on the origin that served the page (newsgraph serves the Explorer at /explore).
 * A URL without a path gets `/graphql` appended, so `?api=http://host:8000` works.
 */
export function resolveApiUrl(): string {
  const given =
    new URLSearchParams(window.location.search).get("api") ||
    (import.meta.env.VITE_API_URL as string | undefined) ||
    "/graphql";
  const url = new URL(given, window.location.href);
  if (url.pathname === "/" || url.pathname === "") url.pathname = "/graphql";
  return url.toString();
}

export const API_URL = resolveApiUrl();

export const client = new Client({
  url: API_URL,
  exchanges: [cacheExchange, fetchExchange],
  preferGetMethod: false,
  requestPolicy: "cache-first",
});

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** What went wrong, in words for the user, with the API's stable error code. */
export function describeError(error: CombinedError): ApiError {
  if (error.networkError) {
    return new ApiError(
      `Can't reach the API at ${API_URL}.`,
      "NETWORK",
      "Is `newsgraph serve` running? A server on another origin must allow this one with NEWSGRAPH_CORS_ORIGINS.",
    );
  }
  const first = error.graphQLErrors[0];
  const code = String(first?.extensions?.code ?? "INTERNAL_SERVER_ERROR");
  switch (code) {
    case "GRAPH_UNAVAILABLE":
      return new ApiError("The graph database is unavailable.", code, "The API is up but cannot reach its graph; try again in a moment.");
    case "QUERY_TIMEOUT":
      return new ApiError("The graph took too long to answer.", code, first?.message);
    case "BAD_SEARCH_QUERY":
      return new ApiError("That search could not be understood.", code, "Try plain words.");
    default:
      return new ApiError(first?.message ?? error.message, code);
  }
}

/** Run a query; resolves with its data or rejects with an ApiError. */
export async function query<Data, Vars extends AnyVariables>(
  document: TypedDocumentNode<Data, Vars>,
  variables: Vars,
  fresh = false,
): Promise<Data> {
  const result = await client
    .query(document, variables, fresh ? { requestPolicy: "network-only" } : undefined)
    .toPromise();
  if (result.error) throw describeError(result.error);
  if (!result.data) throw new ApiError("The API returned no data.", "EMPTY");
  return result.data;
}
