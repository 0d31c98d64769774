// The side panel's views: home, actor, meeting, meetings of a pair, statement and article.
// Every meeting and statement carries the excerpts of the articles that report it.
import type { ApiError } from "./api";
import { h } from "./dom";
import { MODES, STATUSES, day, href, kindStyle, pairHref, plural, shorten } from "./format";
import type {
  ActorKind,
  ActorQuery,
  ArticleQuery,
  MeetingFieldsFragment,
  OverviewQuery,
  ReportFieldsFragment,
  StatementFieldsFragment,
  TimelineQuery,
} from "./gql/graphql";

type Actor = NonNullable<ActorQuery["actor"]>;
type Article = NonNullable<ArticleQuery["article"]>;
type TimelineNode = TimelineQuery["timeline"]["edges"][number]["node"];

interface ActorLike {
  id: string;
  name: string;
  kind: ActorKind;
}

// --- small parts ----------------------------------------------------------------------------

export function kindDot(kind: string): HTMLElement {
  return h("span", { class: `kind-dot shape-${kind}`, style: `--kind:${kindStyle(kind).color}`, "aria-hidden": "true" });
}

export function actorChip(actor: ActorLike, extra?: string | null): HTMLElement {
  return h(
    "a",
    { class: "chip", href: href("actor", actor.id), title: kindStyle(actor.kind).label },
    kindDot(actor.kind),
    actor.name,
    extra ? h("small", null, extra) : null,
  );
}

function badge(text: string, kind: string): HTMLElement {
  return h("span", { class: `badge ${kind}` }, text);
}

function modeBadge(mode: MeetingFieldsFragment["mode"]): HTMLElement {
  return badge(MODES[mode], `mode mode-${mode.toLowerCase()}`);
}

function statusBadge(status: MeetingFieldsFragment["status"]): HTMLElement {
  return badge(STATUSES[status], `status status-${status.toLowerCase()}`);
}

function dateEl(date: string | null | undefined): HTMLElement {
  return date ? h("time", { class: "date", datetime: date }, date) : h("span", { class: "date undated" }, "undated");
}

/** A link to the article: its URL when known, else the in-app article view. */
export function articleLink(article: ReportFieldsFragment["article"]): HTMLElement {
  if (article.url) {
    return h("a", { class: "article-link", href: article.url, target: "_blank", rel: "noopener noreferrer" }, article.title, " ↗");
  }
  return h("a", { class: "article-link", href: href("article", article.id) }, article.title);
}

/** The reports shown, of `total`; when a list shows only the first few, `all` links to the
 * page that has every one. */
export function reportList(reports: ReportFieldsFragment[], total: number, all?: string): HTMLElement {
  if (!reports.length && !total) return h("p", { class: "muted small" }, "No article reports this.");
  const rest = total - reports.length;
  return h(
    "div",
    { class: "reports" },
    h("p", { class: "reports-head" }, `Reported by ${plural(total, "article")}`),
    reports.map((report) =>
      h(
        "figure",
        { class: "report" },
        h("blockquote", null, report.excerpt),
        h(
          "figcaption",
          null,
          articleLink(report.article),
          h(
            "span",
            { class: "muted" },
            [report.article.publisher, report.article.publishedOn].filter(Boolean).map((part) => ` · ${part}`),
          ),
          report.article.url ? h("a", { class: "in-app", href: href("article", report.article.id) }, "read here") : null,
        ),
      ),
    ),
    rest > 0 && all ? h("p", { class: "more-reports small" }, h("a", { href: all }, `All ${plural(total, "report")}`)) : null,
  );
}

export function meetingCard(meeting: MeetingFieldsFragment, options: { hideActor?: string } = {}): HTMLElement {
  const others = meeting.participants.filter((p) => p.actor.id !== options.hideActor);
  return h(
    "article",
    { class: `card meeting status-${meeting.status.toLowerCase()}`, dataset: { meeting: meeting.id } },
    h(
      "header",
      null,
      h("h4", null, h("a", { href: href("meeting", meeting.id) }, meeting.title)),
      h("div", { class: "meta" }, dateEl(meeting.date), modeBadge(meeting.mode), statusBadge(meeting.status), meeting.place ? h("span", { class: "place" }, `at ${meeting.place}`) : null),
    ),
    h("div", { class: "chips" }, others.map((p) => actorChip(p.actor, p.role))),
    reportList(meeting.reports, meeting.reportCount, href("meeting", meeting.id)),
  );
}

export function statementCard(statement: StatementFieldsFragment, options: { showSpeaker?: boolean } = {}): HTMLElement {
  return h(
    "article",
    { class: "card statement", dataset: { statement: statement.id } },
    h("blockquote", { class: "said" }, h("a", { href: href("statement", statement.id) }, `“${statement.text}”`)),
    h(
      "div",
      { class: "meta" },
      options.showSpeaker && statement.speaker ? actorChip(statement.speaker) : null,
      dateEl(statement.date),
      statement.medium ? badge(statement.medium, "medium") : null,
    ),
    reportList(statement.reports, statement.reportCount, href("statement", statement.id)),
  );
}

function aliases(names: string[]): HTMLElement | null {
  if (!names.length) return null;
  const SHOWN = 4;
  const head = names.slice(0, SHOWN).join(", ");
  if (names.length <= SHOWN) return h("p", { class: "aliases muted small" }, "Also written ", head);
  return h(
    "details",
    { class: "aliases muted small" },
    h("summary", null, "Also written ", head, h("span", { class: "more" }, ` and ${names.length - SHOWN} more`)),
    names.slice(SHOWN).join(", "),
  );
}

function section(title: string, ...body: (HTMLElement | HTMLElement[] | null)[]): HTMLElement {
  return h("section", { class: "section" }, h("h3", null, title), body);
}

function heading(kicker: string, title: string, sub?: (HTMLElement | string | null)[]): HTMLElement {
  return h("header", { class: "view-head" }, h("p", { class: "kicker" }, kicker), h("h2", { tabindex: "-1" }, title), sub?.length ? h("p", { class: "sub" }, sub) : null);
}

// --- states ---------------------------------------------------------------------------------

export function loadingView(label: string): HTMLElement {
  return h(
    "div",
    { class: "view loading", "aria-busy": "true" },
    h("p", { class: "kicker" }, label),
    h("div", { class: "skeleton title" }),
    h("div", { class: "skeleton" }),
    h("div", { class: "skeleton short" }),
    h("div", { class: "skeleton block" }),
    h("div", { class: "skeleton block" }),
  );
}

export function errorBox(error: ApiError, retry?: () => void): HTMLElement {
  return h(
    "div",
    { class: "error-box", role: "alert" },
    h("strong", null, error.message),
    error.detail ? h("p", null, error.detail) : null,
    h("p", { class: "muted small" }, `Error code: ${error.code}`),
    retry ? h("button", { class: "button", type: "button", onclick: retry }, "Try again") : null,
  );
}

export function notFoundView(what: string): HTMLElement {
  return h("div", { class: "view" }, heading("Not found", `No such ${what}`), h("p", null, "It may have been merged or deleted. ", h("a", { href: "#/" }, "Back to the overview")));
}

// --- home -----------------------------------------------------------------------------------

export function homeView(data: OverviewQuery, busiest: ActorLike[]): HTMLElement {
  const meetings = data.meetings.edges.map((e) => e.node);
  return h(
    "div",
    { class: "view home" },
    heading("Explorer", "Who met whom, what they said, and where it was reported"),
    h(
      "p",
      { class: "lede" },
      "Each dot is an actor — a person, country, organisation or outlet — and each line joins two that met; a small square is a meeting of three or more, joined to each of them. ",
      "Click a dot to open it and bring in everyone it met; click a line or a square for the meetings. ",
      "Search (press ",
      h("kbd", null, "/"),
      ") finds actors, statements and articles.",
    ),
    h(
      "dl",
      { class: "stats-grid" },
      (
        [
          ["actors", data.stats.actors],
          ["meetings", data.stats.meetings],
          ["statements", data.stats.statements],
          ["articles", data.stats.articles],
        ] as const
      ).map(([label, n]) => h("div", null, h("dt", null, label), h("dd", null, String(n)))),
    ),
    busiest.length ? section("Start with", h("div", { class: "chips" }, busiest.map((a) => actorChip(a)))) : null,
    meetings.length
      ? section(
          "Latest meetings",
          h(
            "ul",
            { class: "plain-list" },
            meetings.slice(0, 8).map((m) =>
              h(
                "li",
                null,
                h("a", { href: href("meeting", m.id) }, m.title),
                h("span", { class: "muted" }, ` · ${day(m.date)} · ${STATUSES[m.status].toLowerCase()}`),
              ),
            ),
          ),
        )
      : null,
  );
}

// --- actor ----------------------------------------------------------------------------------

export type ActorTab = "meetings" | "statements" | "timeline";

export function actorView(actor: Actor, tab: ActorTab, loadTimeline: (into: HTMLElement) => void): HTMLElement {
  const style = kindStyle(actor.kind);
  const roles = actor.roles.map((r) => `${r.title}${r.of ? ` of ${r.of.name}` : ""}`);
  const meetings = actor.meetings.edges.map((e) => e.node);
  const statements = actor.statements.edges.map((e) => e.node);

  const counterparts = actor.counterparts.length
    ? h(
        "ul",
        { class: "counterparts" },
        actor.counterparts.map((c) =>
          h(
            "li",
            { dataset: { actor: c.actor.id } },
            actorChip(c.actor),
            h(
              "a",
              { class: "met", href: pairHref(actor.id, c.actor.id), title: `Meetings of ${actor.name} and ${c.actor.name}` },
              plural(c.meetingCount, "meeting"),
              h("span", { class: "muted" }, " · last met "),
              dateEl(c.lastMetOn),
            ),
          ),
        ),
      )
    : h("p", { class: "muted" }, "No held meetings with anyone in the graph.");

  const panes: Record<ActorTab, HTMLElement> = {
    meetings: h(
      "div",
      { class: "cards" },
      meetings.length ? meetings.map((m) => meetingCard(m, { hideActor: actor.id })) : h("p", { class: "muted" }, "No meetings recorded."),
      actor.meetings.totalCount > meetings.length ? h("p", { class: "muted small" }, `Showing ${meetings.length} of ${actor.meetings.totalCount}.`) : null,
    ),
    statements: h(
      "div",
      { class: "cards" },
      statements.length ? statements.map((s) => statementCard(s)) : h("p", { class: "muted" }, "No statements recorded."),
      actor.statements.totalCount > statements.length ? h("p", { class: "muted small" }, `Showing ${statements.length} of ${actor.statements.totalCount}.`) : null,
    ),
    timeline: h("div", { class: "timeline-pane" }),
  };
  const labels: Record<ActorTab, string> = {
    meetings: `Meetings ${actor.meetings.totalCount}`,
    statements: `Statements ${actor.statements.totalCount}`,
    timeline: "Timeline",
  };
  let timelineLoaded = false;
  const tabs = (Object.keys(panes) as ActorTab[]).map((key) =>
    h("button", { type: "button", role: "tab", id: `tab-${key}`, "aria-controls": `pane-${key}`, class: "tab", dataset: { tab: key } }, labels[key]),
  );
  const show = (key: ActorTab) => {
    tabs.forEach((t) => {
      const on = t.dataset.tab === key;
      t.setAttribute("aria-selected", String(on));
      t.tabIndex = on ? 0 : -1;
    });
    (Object.keys(panes) as ActorTab[]).forEach((k) => (panes[k].hidden = k !== key));
    if (key === "timeline" && !timelineLoaded) {
      timelineLoaded = true;
      loadTimeline(panes.timeline);
    }
  };
  tabs.forEach((t, i) => {
    t.addEventListener("click", () => show(t.dataset.tab as ActorTab));
    t.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
      const next = tabs[(i + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
      next.focus();
      show(next.dataset.tab as ActorTab);
    });
  });
  (Object.keys(panes) as ActorTab[]).forEach((k) => {
    panes[k].id = `pane-${k}`;
    panes[k].setAttribute("role", "tabpanel");
    panes[k].setAttribute("aria-labelledby", `tab-${k}`);
  });
  show(tab);

  return h(
    "div",
    { class: "view actor", dataset: { actor: actor.id } },
    h(
      "header",
      { class: "view-head" },
      h("p", { class: "kicker" }, kindDot(actor.kind), style.label),
      h("h2", { tabindex: "-1" }, actor.name),
      roles.length ? h("p", { class: "sub" }, roles.join(" · ")) : null,
      actor.description ? h("p", { class: "desc" }, actor.description) : null,
      aliases(actor.aliases),
    ),
    section(`Met ${plural(actor.counterparts.length, "counterpart")}`, counterparts),
    h("div", { class: "tabs", role: "tablist", "aria-label": `${actor.name}: details` }, tabs),
    Object.values(panes),
  );
}

const TIMELINE_ICONS: Record<string, string> = { Meeting: "◆", Statement: "❝", Article: "▤" };

export function timelineList(nodes: TimelineNode[], total: number): HTMLElement {
  if (!nodes.length) return h("p", { class: "muted" }, "Nothing dated for this actor yet.");
  return h(
    "div",
    null,
    h(
      "ol",
      { class: "timeline" },
      nodes.map((node) => {
        let date: string | null = null;
        let body: HTMLElement;
        switch (node.__typename) {
          case "Meeting":
            date = node.date;
            body = h("span", null, h("a", { href: href("meeting", node.id) }, node.title), h("span", { class: "muted" }, ` · ${MODES[node.mode].toLowerCase()}, ${STATUSES[node.status].toLowerCase()}`));
            break;
          case "Statement":
            date = node.date;
            body = h("span", null, h("a", { href: href("statement", node.id) }, `“${shorten(node.text, 140)}”`), node.medium ? h("span", { class: "muted" }, ` · ${node.medium}`) : null);
            break;
          default:
            date = node.publishedOn;
            body = h("span", null, "Named in ", h("a", { href: href("article", node.id) }, node.title), node.publisher ? h("span", { class: "muted" }, ` · ${node.publisher}`) : null);
        }
        return h(
          "li",
          { class: `tl-${node.__typename.toLowerCase()}` },
          h("span", { class: "tl-icon", "aria-hidden": "true" }, TIMELINE_ICONS[node.__typename]),
          h("div", { class: "tl-body" }, dateEl(date), body),
        );
      }),
    ),
    total > nodes.length ? h("p", { class: "muted small" }, `Showing the first ${nodes.length} of ${total}.`) : null,
  );
}

// --- meeting, pair, statement, article -----------------------------------------------------

export function meetingView(meeting: MeetingFieldsFragment & { topics: { name: string }[] }): HTMLElement {
  return h(
    "div",
    { class: "view meeting", dataset: { meeting: meeting.id } },
    heading("Meeting", meeting.title),
    h(
      "dl",
      { class: "facts" },
      h("div", null, h("dt", null, "Date"), h("dd", null, dateEl(meeting.date))),
      h("div", null, h("dt", null, "How"), h("dd", null, modeBadge(meeting.mode))),
      h("div", null, h("dt", null, "Status"), h("dd", null, statusBadge(meeting.status))),
      h("div", null, h("dt", null, "Where"), h("dd", null, meeting.place ?? h("span", { class: "muted" }, "not stated"))),
    ),
    section(`${plural(meeting.participants.length, "participant")}`, h("div", { class: "chips" }, meeting.participants.map((p) => actorChip(p.actor, p.role)))),
    meeting.topics.length ? section("Topics", h("div", { class: "chips" }, meeting.topics.map((t) => h("span", { class: "chip topic" }, t.name)))) : null,
    h("section", { class: "section" }, reportList(meeting.reports, meeting.reportCount)),
  );
}

export function pairView(a: ActorLike | undefined, b: ActorLike | undefined, meetings: MeetingFieldsFragment[]): HTMLElement {
  const names = [a?.name ?? "?", b?.name ?? "?"];
  return h(
    "div",
    { class: "view pair" },
    heading("Meetings of", `${names[0]} and ${names[1]}`, [a ? actorChip(a) : null, " ", b ? actorChip(b) : null]),
    meetings.length ? h("div", { class: "cards" }, meetings.map((m) => meetingCard(m))) : h("p", { class: "muted" }, "They have no meeting in the graph."),
  );
}

export function statementView(statement: StatementFieldsFragment & { mentions: ActorLike[] }): HTMLElement {
  return h(
    "div",
    { class: "view statement" },
    h("p", { class: "kicker" }, "Statement"),
    statementCard(statement, { showSpeaker: true }),
    statement.mentions.length ? section("Names", h("div", { class: "chips" }, statement.mentions.map((m) => actorChip(m)))) : null,
  );
}

export function articleView(article: Article): HTMLElement {
  const paragraphs = article.body.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
  const meta = [article.publisher, article.publishedOn ? `${article.publishedOn}${article.publishedInferred ? " (date inferred)" : ""}` : null, article.section].filter(Boolean).join(" · ");
  return h(
    "div",
    { class: "view article" },
    heading("Article", article.title, meta ? [meta] : undefined),
    article.url
      ? h("p", null, h("a", { class: "button", href: article.url, target: "_blank", rel: "noopener noreferrer" }, "Open the original ↗"))
      : h("p", { class: "muted small" }, "No link to the original was recorded; the text as loaded is below."),
    article.mentions.length ? section("Names", h("div", { class: "chips" }, article.mentions.map((m) => actorChip(m)))) : null,
    article.meetings.length
      ? section(
          `Reports ${plural(article.meetings.length, "meeting")}`,
          h("ul", { class: "plain-list" }, article.meetings.map((m) => h("li", null, h("a", { href: href("meeting", m.id) }, m.title), h("span", { class: "muted" }, ` · ${day(m.date)} · ${MODES[m.mode].toLowerCase()}`)))),
        )
      : null,
    article.statements.length
      ? section(
          `Quotes ${plural(article.statements.length, "statement")}`,
          h("ul", { class: "plain-list" }, article.statements.map((s) => h("li", null, s.speaker ? h("strong", null, `${s.speaker.name}: `) : null, h("a", { href: href("statement", s.id) }, `“${shorten(s.text, 160)}”`)))),
        )
      : null,
    section("Text", h("div", { class: "body-text" }, paragraphs.map((p) => h("p", null, p)))),
  );
}
