// The network view: actors as nodes shaped and coloured by kind; a meeting of two as an edge
// between them, weighted by how many meetings the pair had, dashed when only proposed and
// dotted when only planned; a meeting of three or more as a node of its own, joined to each
// participant (drawn as edges between every two, a nine-party meeting is 36 crossing lines).
// Built on cytoscape.js.
import cytoscape from "cytoscape";
import type { Core, EdgeSingular, ElementDefinition, NodeSingular } from "cytoscape";
import type { ActorKind, MeetingStatus } from "./gql/graphql";
import { KINDS, kindStyle, plural } from "./format";

export interface ActorRef {
  id: string;
  name: string;
  kind: ActorKind;
}

export interface MeetingRef {
  id: string;
  title: string;
  date: string | null;
  status: MeetingStatus;
  participants: { actor: ActorRef }[];
}

interface Pair {
  a: ActorRef;
  b: ActorRef;
  meetings: Map<string, MeetingRef>;
}

export interface NetworkHandlers {
  onActor(id: string): void;
  onPair(a: string, b: string): void;
  onMeeting(id: string): void;
}

/** Meetings with this many participants or more are drawn as a node of their own. */
export const HUB_PARTICIPANTS = 3;
const HUB_PREFIX = "meeting:";
const MUTED = "#5b6576";

const INK = "#1b2330";
const EDGE = "#8d97a8";
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export class Network {
  readonly cy: Core;
  private readonly actors = new Map<string, ActorRef>();
  private readonly pairs = new Map<string, Pair>();
  private readonly edgeIds = new Map<string, string>();
  private nextEdge = 0;
  private readonly expanded = new Set<string>();
  /** Meetings drawn as a node of their own, by meeting id. */
  private readonly hubs = new Map<string, MeetingRef>();
  /** Every meeting of each actor shown, by actor id: how the "Start with" actors are ranked. */
  private readonly meetingsOf = new Map<string, Set<string>>();
  private readonly tip: HTMLElement;

  constructor(
    readonly container: HTMLElement,
    private readonly handlers: NetworkHandlers,
  ) {
    this.cy = cytoscape({
      container,
      minZoom: 0.2,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      autoungrabify: false,
      style: [
        {
          selector: "node",
          style: {
            shape: "data(shape)" as never,
            "background-color": "data(color)",
            width: "data(size)",
            height: "data(size)",
            "border-width": 2,
            "border-color": "#ffffff",
            label: "data(name)",
            "font-family": FONT,
            "font-size": 12,
            "font-weight": 600,
            color: INK,
            "text-valign": "bottom",
            "text-halign": "center",
            "text-margin-y": 5,
            "text-wrap": "wrap",
            "text-max-width": "120px",
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.8,
            "text-background-padding": "2px",
            "text-background-shape": "roundrectangle",
            "min-zoomed-font-size": 7,
            "overlay-opacity": 0,
            "transition-property": "opacity, border-width, border-color",
            "transition-duration": 150,
          },
        },
        { selector: "node.expanded", style: { "border-color": "#ffffff", "border-width": 3 } },
        {
          selector: "node.selected",
          style: {
            "border-width": 4,
            "border-color": INK,
            "underlay-color": "#f5b400",
            "underlay-opacity": 0.45,
            "underlay-padding": 9,
            "underlay-shape": "ellipse",
            "font-size": 14,
            "z-index": 20,
          },
        } as cytoscape.StylesheetStyle,
        { selector: "node.near", style: { "z-index": 10 } },
        {
          selector: "node.meeting",
          style: {
            shape: "round-rectangle",
            "background-color": INK,
            width: 16,
            height: 16,
            "border-width": 2,
            "border-color": "#ffffff",
            label: "data(name)",
            "font-size": 10,
            "font-weight": 600,
            color: MUTED,
            "text-margin-y": 3,
          },
        },
        { selector: "node.meeting.selected", style: { "underlay-padding": 6, "font-size": 11 } },
        {
          selector: "edge",
          style: {
            width: "data(width)",
            "line-color": EDGE,
            "curve-style": "bezier",
            opacity: 0.85,
            label: "data(label)",
            "font-family": FONT,
            "font-size": 11,
            "font-weight": 700,
            color: INK,
            "text-background-color": "#ffffff",
            "text-background-opacity": 0.9,
            "text-background-padding": "2px",
            "text-background-shape": "roundrectangle",
            "overlay-opacity": 0,
            "transition-property": "opacity, line-color",
            "transition-duration": 150,
          },
        },
        { selector: "edge.attends", style: { width: 1.5, "curve-style": "straight", label: "" } },
        { selector: "edge.proposed", style: { "line-style": "dashed", "line-dash-pattern": [7, 5] } },
        { selector: "edge.planned", style: { "line-style": "dotted" } },
        { selector: "edge.hl", style: { "line-color": INK, opacity: 1, "z-index": 15 } },
        { selector: ".faded", style: { opacity: 0.22 } },
        { selector: "edge.faded", style: { opacity: 0.12 } },
      ],
    });

    this.tip = document.createElement("div");
    this.tip.className = "graph-tip";
    this.tip.hidden = true;
    (container.parentElement ?? container).appendChild(this.tip);

    this.cy.on("tap", "node", (event) => {
      const node = event.target as NodeSingular;
      const meeting = node.data("meeting") as string | undefined;
      if (meeting) this.handlers.onMeeting(meeting);
      else this.handlers.onActor(node.id());
    });
    this.cy.on("tap", "edge", (event) => {
      const edge = event.target as EdgeSingular;
      const meeting = edge.data("meeting") as string | undefined;
      if (meeting) this.handlers.onMeeting(meeting);
      else this.handlers.onPair(edge.source().id(), edge.target().id());
    });
    this.cy.on("mouseover", "node, edge", (event) => {
      container.style.cursor = "pointer";
      this.showTip(event.target);
    });
    this.cy.on("mouseout", "node, edge", () => {
      container.style.cursor = "";
      this.tip.hidden = true;
    });
    this.cy.on("viewport drag", () => (this.tip.hidden = true));
    // The pane changes size with the window and when the legend opens or closes; cytoscape
    // only watches the window.
    new ResizeObserver(() => this.cy.resize()).observe(container);
  }

  get size(): { nodes: number; edges: number } {
    return { nodes: this.cy.nodes().length, edges: this.cy.edges().length };
  }

  hasActor(id: string): boolean {
    return this.actors.has(id);
  }

  clear(): void {
    this.cy.elements().remove();
    this.actors.clear();
    this.pairs.clear();
    this.edgeIds.clear();
    this.expanded.clear();
    this.hubs.clear();
    this.meetingsOf.clear();
  }

  /** The id of the node drawn for a meeting of three or more, if it is shown. */
  meetingNode(id: string): string | undefined {
    return this.hubs.has(id) ? HUB_PREFIX + id : undefined;
  }

  /** The actors shown, most meetings first, then most lines: where to start exploring. */
  busiest(limit: number): ActorRef[] {
    const meetings = (id: string) => this.meetingsOf.get(id)?.size ?? 0;
    const degree = (id: string) => this.cy.getElementById(id).degree(false);
    return [...this.actors.values()]
      .sort((a, b) => meetings(b.id) - meetings(a.id) || degree(b.id) - degree(a.id) || a.name.localeCompare(b.name))
      .slice(0, limit);
  }

  /**
   * Add actors and meetings; new nodes start next to `around` (the node being expanded) so the
   * layout grows the graph from there. Returns true when anything was added.
   */
  add(meetings: MeetingRef[], actors: ActorRef[] = [], around?: string): boolean {
    const added: ElementDefinition[] = [];
    const origin = around ? this.cy.getElementById(around) : null;
    const start = origin && origin.nonempty() ? origin.position() : null;
    const addActor = (actor: ActorRef) => {
      if (this.actors.has(actor.id)) return;
      this.actors.set(actor.id, actor);
      const style = kindStyle(actor.kind);
      const angle = Math.random() * Math.PI * 2;
      added.push({
        group: "nodes",
        data: { id: actor.id, name: actor.name, kind: actor.kind, color: style.color, shape: style.shape, size: 30 },
        position: start ? { x: start.x + Math.cos(angle) * 60, y: start.y + Math.sin(angle) * 60 } : undefined,
      });
    };
    actors.forEach(addActor);
    const touched = new Set<string>();
    const hubEdges: ElementDefinition[] = [];
    for (const meeting of meetings) {
      const people = [...new Map(meeting.participants.map((p) => [p.actor.id, p.actor])).values()];
      people.forEach(addActor);
      for (const person of people) {
        let mine = this.meetingsOf.get(person.id);
        if (!mine) this.meetingsOf.set(person.id, (mine = new Set()));
        mine.add(meeting.id);
      }
      if (people.length >= HUB_PARTICIPANTS) {
        if (this.hubs.has(meeting.id)) continue;
        this.hubs.set(meeting.id, meeting);
        const hub = HUB_PREFIX + meeting.id;
        const angle = Math.random() * Math.PI * 2;
        added.push({
          group: "nodes",
          classes: "meeting",
          data: { id: hub, meeting: meeting.id, name: meeting.date ?? "", kind: "MEETING", color: INK, shape: "round-rectangle", size: 16 },
          position: start ? { x: start.x + Math.cos(angle) * 40, y: start.y + Math.sin(angle) * 40 } : undefined,
        });
        const classes = meeting.status === "HELD" ? ["attends"] : ["attends", meeting.status === "PLANNED" ? "planned" : "proposed"];
        for (const person of people) {
          hubEdges.push({ group: "edges", classes, data: { id: `h${this.nextEdge++}`, source: person.id, target: hub, meeting: meeting.id, width: 1.5, label: "" } });
        }
        continue;
      }
      for (let i = 0; i < people.length; i++) {
        for (let j = i + 1; j < people.length; j++) {
          const [a, b] = [people[i], people[j]];
          if (a.id === b.id) continue;
          const key = pairKey(a.id, b.id);
          let pair = this.pairs.get(key);
          if (!pair) {
            pair = { a, b, meetings: new Map() };
            this.pairs.set(key, pair);
          }
          if (!pair.meetings.has(meeting.id)) {
            pair.meetings.set(meeting.id, meeting);
            touched.add(key);
          }
        }
      }
    }
    this.cy.batch(() => {
      this.cy.add(added.filter((el) => el.group === "nodes"));
      this.cy.add(hubEdges);
      for (const key of touched) {
        const pair = this.pairs.get(key)!;
        const data = this.edgeData(pair);
        let id = this.edgeIds.get(key);
        if (!id) {
          id = `e${this.nextEdge++}`;
          this.edgeIds.set(key, id);
          this.cy.add({ group: "edges", data: { id, source: pair.a.id, target: pair.b.id, ...data.data } });
        } else {
          this.cy.getElementById(id).data(data.data);
        }
        const edge = this.cy.getElementById(id);
        edge.classes(data.classes);
      }
      this.resize();
    });
    return added.length > 0 || touched.size > 0 || hubEdges.length > 0;
  }

  markExpanded(id: string): void {
    this.expanded.add(id);
    this.cy.getElementById(id).addClass("expanded");
  }

  isExpanded(id: string): boolean {
    return this.expanded.has(id);
  }

  private edgeData(pair: Pair): { data: Record<string, unknown>; classes: string[] } {
    const all = [...pair.meetings.values()];
    const held = all.filter((m) => m.status === "HELD").length;
    const planned = all.filter((m) => m.status === "PLANNED").length;
    const count = all.length;
    const classes = held ? [] : planned ? ["planned"] : ["proposed"];
    return {
      data: { count, held, width: Math.min(2 + (count - 1) * 2.5, 12), label: count > 1 ? `${count}` : "" },
      classes,
    };
  }

  /** Node size grows with the number of lines an actor has (a meeting node counts once). */
  private resize(): void {
    this.cy.nodes().not(".meeting").forEach((node) => {
      const degree = node.connectedEdges().length;
      node.data("size", 26 + Math.min(degree, 12) * 2.5);
    });
  }

  /** Lay out the whole graph; `fresh` starts from random positions (the first render). */
  layout(fresh: boolean, done?: () => void): void {
    const count = this.cy.nodes().length;
    const layout = this.cy.layout({
      name: "cose",
      animate: !fresh && count < 150,
      animationDuration: 450,
      randomize: fresh,
      // Fill the pane's shape: side by side on a wide screen, stacked on a phone.
      boundingBox: this.box(count),
      fit: true,
      padding: 36,
      nodeDimensionsIncludeLabels: true,
      idealEdgeLength: () => 70,
      nodeRepulsion: () => 9000,
      edgeElasticity: () => 80,
      nodeOverlap: 12,
      componentSpacing: 70,
      gravity: 0.6,
      numIter: 1200,
    } as cytoscape.CoseLayoutOptions);
    layout.one("layoutstop", () => {
      // A handful of nodes should not be blown up to fill the screen.
      if (this.cy.zoom() > 1.5) {
        this.cy.zoom(1.5);
        this.cy.center();
      }
      done?.();
    });
    layout.run();
  }

  /** Room for `count` nodes, in the shape of the pane: wide on a desktop, tall on a phone. */
  private box(count: number): { x1: number; y1: number; w: number; h: number } {
    const aspect = Math.max(this.container.clientWidth, 200) / Math.max(this.container.clientHeight, 200);
    const area = Math.max(count, 8) * 14000;
    const w = Math.sqrt(area * aspect);
    return { x1: 0, y1: 0, w, h: area / w };
  }

  fit(): void {
    this.cy.animate({ fit: { eles: this.cy.elements(), padding: 36 } }, { duration: 300 });
  }

  /** Highlight one actor and its neighbourhood (through its meeting nodes too); null clears. */
  select(id: string | null): void {
    this.cy.batch(() => {
      this.cy.elements().removeClass("selected near hl faded");
      if (!id) return;
      const node = this.cy.getElementById(id);
      if (node.empty()) return;
      const hubs = node.neighborhood("node.meeting");
      const hood = node.closedNeighborhood().union(hubs.closedNeighborhood());
      node.addClass("selected");
      hood.nodes().addClass("near");
      node.connectedEdges().union(hubs.connectedEdges()).addClass("hl");
      this.cy.elements().difference(hood).addClass("faded");
    });
  }

  /** Highlight a set of actors and the edges among them (a meeting, a pair, an article). */
  focus(ids: string[], primary?: string): void {
    const wanted = new Set(ids);
    this.cy.batch(() => {
      this.cy.elements().removeClass("selected near hl faded");
      const actors = this.cy.nodes().filter((n) => wanted.has(n.id()));
      if (actors.empty()) return;
      // The meeting nodes that join two or more of them belong to the picture.
      const hubs = actors.neighborhood("node.meeting").filter((hub) => hub.neighborhood().intersection(actors).length >= 2);
      const nodes = actors.union(hubs);
      nodes.addClass("near");
      if (primary) this.cy.getElementById(primary).addClass("selected");
      const edges = nodes.edgesWith(nodes);
      edges.addClass("hl");
      this.cy.elements().difference(nodes.union(edges)).addClass("faded");
    });
  }

  center(id: string): void {
    const node = this.cy.getElementById(id);
    if (node.empty()) return;
    const extent = this.cy.extent();
    const p = node.position();
    const inside = p.x > extent.x1 && p.x < extent.x2 && p.y > extent.y1 && p.y < extent.y2;
    if (!inside) this.cy.animate({ center: { eles: node } }, { duration: 300 });
  }

  private showTip(target: NodeSingular | EdgeSingular): void {
    let text: string;
    const hub = this.hubs.get((target.data("meeting") as string | undefined) ?? "");
    if (hub) {
      const who = target.isEdge() ? `${this.actors.get(target.source().id())?.name ?? ""} in: ` : "";
      const status = hub.status === "HELD" ? "" : ` (${hub.status.toLowerCase()})`;
      text = `${who}${hub.title}${status} · ${hub.date ?? "undated"} · ${plural(new Set(hub.participants.map((p) => p.actor.id)).size, "participant")}`;
    } else if (target.isNode()) {
      const actor = this.actors.get(target.id());
      if (!actor) return;
      const degree = target.connectedEdges().length;
      text = `${actor.name} · ${KINDS[actor.kind]?.label ?? actor.kind}${degree ? ` · met ${plural(degree, "counterpart")} shown` : ""}`;
    } else {
      const pair = this.pairs.get(pairKey(target.source().id(), target.target().id()));
      if (!pair) return;
      const meetings = [...pair.meetings.values()];
      const dates = meetings.map((m) => m.date).filter((d): d is string => !!d).sort();
      const last = dates.length ? ` · last ${dates[dates.length - 1]}` : "";
      const kinds = meetings.every((m) => m.status === "PROPOSED")
        ? " (proposed)"
        : meetings.every((m) => m.status === "PLANNED")
          ? " (planned)"
          : "";
      text = `${pair.a.name} – ${pair.b.name}: ${plural(meetings.length, "meeting")}${kinds}${last}`;
    }
    const pos = target.isNode() ? target.renderedPosition() : target.renderedMidpoint();
    this.tip.textContent = text;
    this.tip.hidden = false;
    this.tip.style.left = `${pos.x}px`;
    this.tip.style.top = `${pos.y}px`;
  }
}
