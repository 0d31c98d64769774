// The search box: `search` over actors, statements and articles as you type, as an ARIA
// combobox. Arrow keys move through the results, Enter opens one, Escape closes the list,
// and "/" anywhere on the page jumps to the box.
import { query } from "./api";
import type { ApiError } from "./api";
import { h, replace } from "./dom";
import { kindStyle, href, shorten } from "./format";
import { SearchQuery } from "./queries";
import { kindDot } from "./views";

interface Option {
  href: string;
  kind: string;
  title: string;
  detail: string;
  actorKind?: string;
}

/** Plain words for the full-text index; the last one as a prefix, so "Zel" finds Zelensky. */
export function searchTerms(text: string): string | null {
  const words = text.match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  const last = words.length - 1;
  return words.map((word, i) => (i === last && word.length >= 2 ? `${word}*` : word)).join(" ");
}

export function mountSearch(input: HTMLInputElement, list: HTMLElement, open: (href: string) => void): void {
  let options: Option[] = [];
  let active = -1;
  let seq = 0;
  let timer: number | undefined;
  // Enter pressed before the results arrived: open the best one when they do.
  let enterPending = false;

  const setExpanded = (expanded: boolean) => {
    input.setAttribute("aria-expanded", String(expanded));
    list.hidden = !expanded;
  };

  const highlight = (index: number) => {
    active = index;
    list.querySelectorAll<HTMLElement>("[role=option]").forEach((el, i) => {
      const on = i === index;
      el.setAttribute("aria-selected", String(on));
      if (on) {
        input.setAttribute("aria-activedescendant", el.id);
        el.scrollIntoView({ block: "nearest" });
      }
    });
    if (index < 0) input.removeAttribute("aria-activedescendant");
  };

  const choose = (index: number) => {
    const option = options[index];
    if (!option) return;
    setExpanded(false);
    input.blur();
    open(option.href);
  };

  const message = (text: string, kind = "info") => {
    options = [];
    replace(list, h("li", { class: `search-msg ${kind}`, role: "presentation" }, text));
    setExpanded(true);
  };

  const render = (groups: [string, Option[]][], text: string) => {
    options = groups.flatMap(([, items]) => items);
    if (!options.length) {
      enterPending = false;
      message(`No actors, statements or articles match “${text}”.`, "empty");
      return;
    }
    let n = 0;
    replace(
      list,
      groups
        .filter(([, items]) => items.length)
        .map(([label, items]) => [
          h("li", { class: "search-group", role: "presentation" }, label),
          items.map((option) => {
            const index = n++;
            return h(
              "li",
              {
                id: `search-option-${index}`,
                role: "option",
                class: `search-option kind-${option.kind}`,
                "aria-selected": "false",
                onmousedown: (event: Event) => event.preventDefault(),
                onclick: () => choose(index),
                onmousemove: () => active !== index && highlight(index),
              },
              option.actorKind ? kindDot(option.actorKind) : h("span", { class: "dot", "aria-hidden": "true" }),
              h("span", { class: "search-text" }, h("strong", null, option.title), option.detail ? h("small", null, option.detail) : null),
            );
          }),
        ]),
    );
    setExpanded(true);
    highlight(0);
    if (enterPending) {
      enterPending = false;
      choose(0);
    }
  };

  const run = async () => {
    const text = input.value.trim();
    const terms = searchTerms(text);
    const mine = ++seq;
    if (!terms || text.length < 2) {
      options = [];
      setExpanded(false);
      return;
    }
    list.setAttribute("aria-busy", "true");
    if (list.hidden) message("Searching…", "loading");
    try {
      const data = await query(SearchQuery, { query: terms });
      if (mine !== seq) return;
      const actors: Option[] = [];
      for (const hit of data.actors) {
        if (hit.node.__typename !== "Actor") continue;
        const style = kindStyle(hit.node.kind);
        const role = hit.node.roles[0];
        actors.push({
          href: href("actor", hit.node.id),
          kind: "actor",
          title: hit.node.name,
          detail: role ? `${role.title}${role.of ? ` of ${role.of.name}` : ""}` : style.label,
          actorKind: hit.node.kind,
        });
      }
      const statements: Option[] = [];
      for (const hit of data.statements) {
        if (hit.node.__typename !== "Statement") continue;
        statements.push({
          href: href("statement", hit.node.id),
          kind: "statement",
          title: `“${shorten(hit.node.text, 90)}”`,
          detail: [hit.node.speaker?.name, hit.node.date].filter(Boolean).join(" · "),
        });
      }
      const articles: Option[] = [];
      for (const hit of data.articles) {
        if (hit.node.__typename !== "Article") continue;
        articles.push({
          href: href("article", hit.node.id),
          kind: "article",
          title: hit.node.title,
          detail: [hit.node.publisher, hit.node.publishedOn].filter(Boolean).join(" · "),
        });
      }
      render(
        [
          ["Actors", actors],
          ["Statements", statements],
          ["Articles", articles],
        ],
        text,
      );
    } catch (error) {
      if (mine !== seq) return;
      enterPending = false;
      const problem = error as ApiError;
      message(`${problem.message}${problem.detail ? ` ${problem.detail}` : ""}`, "error");
    } finally {
      if (mine === seq) list.removeAttribute("aria-busy");
    }
  };

  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 160);
  });
  input.addEventListener("focus", () => {
    if (options.length) setExpanded(true);
  });
  input.addEventListener("blur", () => setExpanded(false));
  input.addEventListener("keydown", (event) => {
    const expanded = !list.hidden && options.length > 0;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!expanded) {
          if (options.length) setExpanded(true);
          else void run();
          return;
        }
        highlight((active + 1) % options.length);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (expanded) highlight((active - 1 + options.length) % options.length);
        break;
      case "Home":
      case "End":
        if (expanded && event.ctrlKey) {
          event.preventDefault();
          highlight(event.key === "Home" ? 0 : options.length - 1);
        }
        break;
      case "Enter":
        event.preventDefault();
        if (expanded) choose(active < 0 ? 0 : active);
        else {
          enterPending = true;
          window.clearTimeout(timer);
          void run();
        }
        break;
      case "Escape":
        if (!list.hidden) {
          setExpanded(false);
        } else {
          input.value = "";
        }
        break;
    }
  });
  document.addEventListener("keydown", (event) => {
    const target = event.target as HTMLElement;
    const typing = target.closest("input, textarea, [contenteditable]");
    if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      input.focus();
      input.select();
    }
  });
}
