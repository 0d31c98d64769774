// Live updates: meetings and statements as writes add them (a `newsgraph load`, a mutation),
// over GraphQL over SSE. The browser's EventSource reconnects by itself and sends the last
// event id it saw (Last-Event-ID), so the API resumes after it and nothing is missed.
import { stringifyDocument } from "@urql/core";
import type { TypedDocumentNode } from "@urql/core";
import { API_URL } from "./api";
import { h, replace } from "./dom";
import { href, shorten } from "./format";
import { graphql } from "./gql";

const LiveMeetings = graphql(`
  subscription LiveMeetings {
    meetingAdded {
      eventId
      meeting {
        id
        title
        date
      }
    }
  }
`);

const LiveStatements = graphql(`
  subscription LiveStatements {
    statementAdded {
      eventId
      statement {
        id
        text
        speaker {
          name
        }
      }
    }
  }
`);

interface Arrival {
  kind: "meeting" | "statement";
  id: string;
  label: string;
}

const KEPT = 20;

interface Payload<Data> {
  data?: Data | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** Follow one subscription over SSE; `onData` gets each result's data. */
function follow<Data>(
  document: TypedDocumentNode<Data, Record<string, never>>,
  onData: (data: Data) => void,
  onRefused: (message: string) => void,
  onOpen: () => void,
): EventSource {
  const url = new URL(API_URL);
  url.searchParams.set("query", stringifyDocument(document));
  const source = new EventSource(url.toString());
  source.addEventListener("open", onOpen);
  source.addEventListener("next", (event) => {
    const payload = JSON.parse((event as MessageEvent<string>).data) as Payload<Data>;
    if (payload.errors?.length) {
      // A refusal (no API key, live updates off) ends the stream: stop, don't retry.
      source.close();
      onRefused(payload.errors[0].message);
    } else if (payload.data) {
      onData(payload.data);
    }
  });
  // The server completes a stream only when it ends the subscription: don't reconnect.
  source.addEventListener("complete", () => source.close());
  return source;
}

/** A small "Live" badge in the top bar, counting what arrived since the page opened, with
 * the latest arrivals listed under it, each a link to its page. */
export function mountLive(bar: HTMLElement): void {
  const arrivals: Arrival[] = [];
  const count = h("span", { class: "live-count" }, "0");
  const list = h("ul", { class: "live-list", hidden: true, "aria-label": "Added since you opened the page" });
  const badge = h(
    "button",
    { type: "button", class: "live", title: "New meetings and statements, as they are loaded", "aria-expanded": "false" },
    h("span", { class: "live-dot", "aria-hidden": "true" }),
    " Live ",
    count,
  );
  badge.addEventListener("click", () => {
    list.hidden = !list.hidden;
    badge.setAttribute("aria-expanded", String(!list.hidden));
  });
  bar.append(h("div", { class: "live-box" }, badge, list));

  const render = () => {
    count.textContent = String(arrivals.length);
    badge.classList.toggle("live-new", arrivals.length > 0);
    replace(
      list,
      arrivals.length
        ? arrivals.slice(0, KEPT).map((item) =>
            h(
              "li",
              null,
              h("a", { href: href(item.kind, item.id), onclick: () => (list.hidden = true) }, item.label),
            ),
          )
        : h("li", { class: "live-empty" }, "Nothing new yet: what a load adds shows here."),
    );
  };
  const arrive = (item: Arrival) => {
    arrivals.unshift(item);
    render();
  };
  const refused = (message: string) => {
    badge.classList.add("live-off");
    badge.title = `Live updates are off: ${message}`;
  };
  // How many of the two streams are open (for people: the dot; for tests: data-open).
  let open = 0;
  const opened = () => {
    open = Math.min(open + 1, 2);
    badge.dataset.open = String(open);
  };
  render();
  if (typeof EventSource === "undefined") return;
  follow(LiveMeetings, (data) => {
    const { meeting } = data.meetingAdded;
    arrive({ kind: "meeting", id: meeting.id, label: `Meeting: ${shorten(meeting.title, 60)}${meeting.date ? ` (${meeting.date})` : ""}` });
  }, refused, opened);
  follow(LiveStatements, (data) => {
    const { statement } = data.statementAdded;
    const who = statement.speaker?.name ?? "Someone";
    arrive({ kind: "statement", id: statement.id, label: `${who}: “${shorten(statement.text, 60)}”` });
  }, refused, opened);
}
