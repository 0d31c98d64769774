// newsgraph Explorer: bootstraps the network view, the search box and the side panel, and
// routes between views with the URL hash (#/actor/<id>, #/meeting/<id>, ...), so every view has
// an address and the back button works.
import "./style.css";
import { API_URL, ApiError, query } from "./api";
import { h, replace, svg } from "./dom";
import { KINDS } from "./format";
import type { ActorRef, Network } from "./graph";
import type { ActorKind } from "./gql/graphql";
import { ActorQuery, ArticleQuery, MeetingQuery, MeetingsBetweenQuery, OverviewQuery, StatementQuery, TimelineQuery } from "./queries";
import { mountLive } from "./live";
import { mountSearch } from "./search";
import {
  actorView,
  articleView,
  errorBox,
  homeView,
  loadingView,
  meetingView,
  notFoundView,
  pairView,
  statementView,
  timelineList,
} from "./views";
import type { ActorTab } from "./views";

const OVERVIEW_MEETINGS = 100;
// Reports on each card of a list (an actor's page, a pair's meetings); a fact's own page has all.
const CARD_REPORTS = 3;

declare global {
  interface Window {
    /** Read by the browser test and handy in the console. */
    explorer?: { firstRenderMs?: number; network: Network; api: string };
  }
}

const $ = <T extends HTMLElement>(selector: string) => document.querySelector(selector) as T;

const graphEl = $<HTMLElement>("#graph");
const graphStatus = $<HTMLElement>("#graph-status");
const panel = $<HTMLElement>("#panel");
const statsEl = $<HTMLElement>("#stats");

// Ask for the graph first, then load cytoscape (its own chunk) while the answer is on its way.
let pendingOverview: ReturnType<typeof loadOverview> | null = loadOverview();
pendingOverview.catch(() => undefined);
let network!: Network;

let overview: Awaited<ReturnType<typeof loadOverview>> | null = null;
let overviewPromise: Promise<void> | null = null;
let renderSeq = 0;
let tabFor: { actor: string; tab: ActorTab } | null = null;
let graphReady = false;

function go(hash: string): void {
  if (window.location.hash === hash) void route();
  else window.location.hash = hash;
}

/** After a view added to the graph: counts for the test, and no "empty" message over nodes. */
function syncGraph(): void {
  if (!graphReady && network.size.nodes > 0 && graphEl.dataset.state === "empty") {
    graphMessage();
    graphReady = true;
    setGraphState("ready");
  }
  graphEl.dataset.nodes = String(network.size.nodes);
  graphEl.dataset.edges = String(network.size.edges);
}

function setGraphState(state: "loading" | "ready" | "empty" | "error"): void {
  graphEl.dataset.state = state;
  graphEl.dataset.nodes = String(network.size.nodes);
  graphEl.dataset.edges = String(network.size.edges);
}

// --- the overview graph ---------------------------------------------------------------------

async function loadOverview(fresh = false) {
  return query(OverviewQuery, { first: OVERVIEW_MEETINGS }, fresh);
}

function graphMessage(...children: (HTMLElement | string)[]): void {
  replace(graphStatus, children);
  graphStatus.hidden = children.length === 0;
}

async function startGraph(fresh = false): Promise<void> {
  const started = performance.now();
  setGraphState("loading");
  graphMessage(h("div", { class: "spinner", "aria-hidden": "true" }), h("p", null, "Loading the network…"));
  try {
    const request = pendingOverview && !fresh ? pendingOverview : loadOverview(fresh);
    pendingOverview = null;
    overview = await request;
  } catch (error) {
    setGraphState("error");
    graphMessage(errorBox(error as ApiError, () => void (overviewPromise = startGraph(true))));
    throw error;
  }
  performance.mark("explorer:data");
  const { stats, meetings } = overview;
  statsEl.textContent = `${stats.actors} actors · ${stats.meetings} meetings · ${stats.statements} statements · ${stats.articles} articles`;
  network.clear();
  network.add(meetings.edges.map((e) => e.node));
  if (network.size.nodes === 0) {
    setGraphState("empty");
    graphMessage(
      h("p", null, h("strong", null, "No meetings in the graph yet.")),
      h("p", { class: "muted" }, "Load some articles with ", h("code", null, "newsgraph load data/"), ", then reload. Search still works for actors and statements."),
    );
    return;
  }
  graphMessage();
  const note = $<HTMLElement>("#graph-note");
  note.textContent =
    meetings.totalCount > meetings.edges.length
      ? `Showing the ${meetings.edges.length} latest of ${meetings.totalCount} meetings; open an actor to bring in the rest of theirs.`
      : "";
  performance.mark("explorer:added");
  await new Promise<void>((resolve) => network.layout(true, resolve));
  performance.mark("explorer:layout");
  graphReady = true;
  setGraphState("ready");
  // Back from an error: the home view can now show the overview.
  if (!window.location.hash.replace(/^#\/?/, "") && !panel.querySelector(".view.home")) void route();
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      if (window.explorer && window.explorer.firstRenderMs === undefined) {
        window.explorer.firstRenderMs = Math.round(performance.now());
        graphEl.dataset.firstRenderMs = String(window.explorer.firstRenderMs);
        graphEl.dataset.graphMs = String(Math.round(performance.now() - started));
      }
    }),
  );
}

function busiestActors(limit: number): ActorRef[] {
  return network.busiest(limit);
}

// --- routes ---------------------------------------------------------------------------------

function show(view: HTMLElement, focus = false): void {
  replace(panel, view);
  panel.scrollTop = 0;
  if (focus) view.querySelector<HTMLElement>("h2")?.focus({ preventScroll: true });
}

function titled(title: string): void {
  document.title = title ? `${title} · newsgraph Explorer` : "newsgraph Explorer";
}

async function guarded(seq: number, label: string, load: () => Promise<void>, retry: () => void): Promise<void> {
  show(loadingView(label));
  try {
    await load();
  } catch (error) {
    if (seq !== renderSeq) return;
    if (error instanceof ApiError) show(h("div", { class: "view" }, errorBox(error, retry)));
    else {
      console.error(error);
      show(h("div", { class: "view" }, errorBox(new ApiError(String(error), "CLIENT"), retry)));
    }
  }
}

async function route(): Promise<void> {
  const seq = ++renderSeq;
  const parts = window.location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
  const [kind, id, other] = parts;
  const retry = () => void route();
  if (overviewPromise) await overviewPromise.catch(() => undefined);
  if (seq !== renderSeq) return;

  switch (kind) {
    case "actor":
      await guarded(seq, "Actor", async () => {
        const data = await query(ActorQuery, { id, reports: CARD_REPORTS });
        if (seq !== renderSeq) return;
        const actor = data.actor;
        if (!actor) return show(notFoundView("actor"));
        titled(actor.name);
        // Expand: every meeting of this actor joins the graph, with its participants.
        const grew = network.add(actor.meetings.edges.map((e) => e.node), [actor], actor.id);
        network.markExpanded(actor.id);
        const tab = tabFor?.actor === actor.id ? tabFor.tab : "meetings";
        show(
          actorView(actor, tab, (into) => {
            replace(into, loadingView("Timeline"));
            query(TimelineQuery, { actor: actor.id })
              .then((t) => replace(into, timelineList(t.timeline.edges.map((e) => e.node), t.timeline.totalCount)))
              .catch((error: ApiError) => replace(into, errorBox(error)));
          }),
          true,
        );
        panel.querySelectorAll<HTMLElement>("[role=tab]").forEach((t) =>
          t.addEventListener("click", () => (tabFor = { actor: actor.id, tab: t.dataset.tab as ActorTab })),
        );
        const select = () => {
          network.select(actor.id);
          network.center(actor.id);
          syncGraph();
        };
        const fresh = !graphReady;
        select();
        if (grew) network.layout(fresh, select);
      }, retry);
      break;

    case "meeting":
      await guarded(seq, "Meeting", async () => {
        const data = await query(MeetingQuery, { id, reports: null }); // null: every report
        if (seq !== renderSeq) return;
        const meeting = data.meeting;
        if (!meeting) return show(notFoundView("meeting"));
        titled(meeting.title);
        show(meetingView(meeting), true);
        const ids = meeting.participants.map((p) => p.actor.id);
        const focus = () => {
          network.focus(ids, network.meetingNode(meeting.id));
          syncGraph();
        };
        const fresh = !graphReady;
        const grew = network.add([meeting]);
        focus();
        if (grew) network.layout(fresh, focus);
      }, retry);
      break;

    case "pair":
      await guarded(seq, "Meetings", async () => {
        const data = await query(MeetingsBetweenQuery, { a: id, b: other, reports: CARD_REPORTS });
        if (seq !== renderSeq) return;
        const meetings = data.meetings.edges.map((e) => e.node);
        if (meetings.length === 1) {
          // One meeting: open it, in place of this address.
          window.history.replaceState(null, "", `#/meeting/${encodeURIComponent(meetings[0].id)}`);
          void route();
          return;
        }
        const find = (who: string) => meetings.flatMap((m) => m.participants).find((p) => p.actor.id === who)?.actor;
        const [a, b] = [find(id), find(other)];
        titled(`${a?.name ?? ""} and ${b?.name ?? ""}`);
        show(pairView(a, b, meetings), true);
        network.focus([id, other]);
      }, retry);
      break;

    case "statement":
      await guarded(seq, "Statement", async () => {
        const data = await query(StatementQuery, { id, reports: null });
        if (seq !== renderSeq) return;
        const node = data.node;
        if (!node || node.__typename !== "Statement") return show(notFoundView("statement"));
        titled(node.speaker ? `${node.speaker.name}: “${node.text.slice(0, 40)}…”` : "Statement");
        show(statementView(node), true);
        const ids = [node.speaker?.id, ...node.mentions.map((m) => m.id)].filter((x): x is string => !!x);
        network.focus(ids, node.speaker?.id);
      }, retry);
      break;

    case "article":
      await guarded(seq, "Article", async () => {
        const data = await query(ArticleQuery, { id });
        if (seq !== renderSeq) return;
        const article = data.article;
        if (!article) return show(notFoundView("article"));
        titled(article.title);
        show(articleView(article), true);
        network.focus(article.mentions.map((m) => m.id));
      }, retry);
      break;

    default:
      titled("");
      network.select(null);
      if (overview) show(homeView(overview, busiestActors(8)));
      else show(h("div", { class: "view" }, h("p", { class: "kicker" }, "Explorer"), h("h2", null, "The network could not load"), h("p", { class: "muted" }, "See the message over the graph. Search may still work.")));
  }
}

// --- chrome ---------------------------------------------------------------------------------

function shapeIcon(kind: ActorKind): SVGElement {
  const color = KINDS[kind].color;
  const shapes: Record<ActorKind, SVGElement> = {
    PERSON: svg("circle", { cx: 8, cy: 8, r: 6.5, fill: color }),
    COUNTRY: svg("polygon", { points: "4.5,2 11.5,2 15,8 11.5,14 4.5,14 1,8", fill: color, "stroke-linejoin": "round", stroke: color, "stroke-width": 1 }),
    ORGANIZATION: svg("rect", { x: 1.5, y: 2.5, width: 13, height: 11, rx: 3, fill: color }),
    MEDIA: svg("polygon", { points: "8,1 15,8 8,15 1,8", fill: color, "stroke-linejoin": "round", stroke: color, "stroke-width": 1.5 }),
  };
  return svg("svg", { width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true" }, shapes[kind]);
}

function meetingIcon(): SVGElement {
  return svg(
    "svg",
    { width: 26, height: 16, viewBox: "0 0 26 16", "aria-hidden": "true" },
    svg("path", { d: "M2 3 13 8M2 13 13 8M24 3 13 8", stroke: "#6b7588", "stroke-width": 1.5 }),
    svg("rect", { x: 8.5, y: 3.5, width: 9, height: 9, rx: 2, fill: "#1b2330" }),
  );
}

function lineIcon(dash: string, width = 2): SVGElement {
  return svg("svg", { width: 26, height: 10, viewBox: "0 0 26 10", "aria-hidden": "true" }, svg("line", { x1: 1, y1: 5, x2: 25, y2: 5, stroke: "#6b7588", "stroke-width": width, "stroke-dasharray": dash, "stroke-linecap": dash === "1 4" ? "round" : "butt" }));
}

function buildLegend(): HTMLElement {
  const kinds = (Object.keys(KINDS) as ActorKind[]).map((k) => h("li", null, shapeIcon(k), KINDS[k].label));
  return h(
    "details",
    { class: "legend", open: window.innerWidth > 720 },
    h("summary", null, "Legend"),
    h(
      "ul",
      null,
      kinds,
      h("li", null, lineIcon(""), "met"),
      h("li", null, lineIcon("", 6), "met often"),
      h("li", null, lineIcon("1 4"), "planned"),
      h("li", null, lineIcon("6 4"), "proposed"),
      h("li", null, meetingIcon(), "meeting of 3 or more"),
    ),
  );
}

function buildTools(): HTMLElement {
  const button = (label: string, title: string, action: () => void) =>
    h("button", { type: "button", class: "tool", title, "aria-label": title, onclick: action }, label);
  return h(
    "div",
    { class: "graph-tools" },
    button("Fit", "Fit the graph to the view", () => network.fit()),
    button("Re-layout", "Lay the graph out again", () => network.layout(false)),
    button("Reset", "Back to the overview of the latest meetings", () => {
      overviewPromise = startGraph(true).catch(() => undefined);
      go("#/");
    }),
  );
}

async function main(): Promise<void> {
  $<HTMLElement>("#api-url").textContent = API_URL.replace(/^https?:\/\//, "");
  $<HTMLAnchorElement>("#api-url").href = API_URL;
  show(loadingView("Explorer"));
  graphMessage(h("div", { class: "spinner", "aria-hidden": "true" }), h("p", null, "Loading the network…"));
  const { Network: NetworkView } = await import("./graph");
  network = new NetworkView(graphEl, {
    onActor: (id) => go(`#/actor/${encodeURIComponent(id)}`),
    onPair: (a, b) => go(`#/pair/${encodeURIComponent(a)}/${encodeURIComponent(b)}`),
    onMeeting: (id) => go(`#/meeting/${encodeURIComponent(id)}`),
  });
  window.explorer = { network, api: API_URL };
  $<HTMLElement>(".graph-area").append(buildTools());
  $<HTMLElement>(".graph-pane").append(buildLegend());
  mountSearch($<HTMLInputElement>("#search"), $<HTMLElement>("#search-results"), go);
  mountLive($<HTMLElement>(".topbar"));
  overviewPromise = startGraph().catch(() => undefined);
  window.addEventListener("hashchange", () => void route());
  void route();
}

main().catch((error: unknown) => {
  console.error(error);
  graphMessage(errorBox(new ApiError("The Explorer could not start.", "CLIENT", String(error))));
});
