// Labels, colours and shapes shared by the graph, its legend and the panels.
import type { ActorKind, MeetingMode, MeetingStatus } from "./gql/graphql";

export interface KindStyle {
  label: string;
  plural: string;
  color: string;
  /** cytoscape node shape */
  shape: string;
}

export const KINDS: Record<ActorKind, KindStyle> = {
  PERSON: { label: "Person", plural: "People", color: "#3f5efb", shape: "ellipse" },
  COUNTRY: { label: "Country", plural: "Countries", color: "#0f9f77", shape: "round-hexagon" },
  ORGANIZATION: { label: "Organisation", plural: "Organisations", color: "#e58a00", shape: "round-rectangle" },
  MEDIA: { label: "Media", plural: "Media", color: "#a93fc4", shape: "round-diamond" },
};

export const MODES: Record<MeetingMode, string> = {
  PHONE: "Phone call",
  IN_PERSON: "In person",
  VIDEO: "Video call",
  UNKNOWN: "Mode not stated",
};

export const STATUSES: Record<MeetingStatus, string> = {
  HELD: "Held",
  PLANNED: "Planned",
  PROPOSED: "Proposed",
};

export function kindStyle(kind: string): KindStyle {
  return KINDS[kind as ActorKind] ?? KINDS.ORGANIZATION;
}

/** ISO day as given by the API, or a word when there is none. */
export function day(date: string | null | undefined, none = "undated"): string {
  return date ?? none;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Hash routes: ids are opaque and may hold '/', '+' or '='. */
export function href(kind: "actor" | "meeting" | "article" | "statement", id: string): string {
  return `#/${kind}/${encodeURIComponent(id)}`;
}

export function pairHref(a: string, b: string): string {
  return `#/pair/${encodeURIComponent(a)}/${encodeURIComponent(b)}`;
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
