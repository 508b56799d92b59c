// A titled list panel fed from synced state on every clock tick: it turns items
// into rows, and redraws only when a row (or its age) changed. The events and
// activity panels are two of these.

import { h } from "../dom.ts";

export interface FeedPanel<T> {
  show(): void;
  hide(): void;
  /** Redraws when a row or an age changed; cheap to call on every clock tick. */
  update(items: readonly T[], timeMs: number): void;
}

export interface FeedPanelSpec<T, Row> {
  readonly id: string;
  readonly className: string;
  readonly listClass: string;
  readonly title: string;
  readonly emptyText: string;
  rowOf(item: T, timeMs: number): Row;
  render(row: Row): HTMLElement;
}

export function createFeedPanel<T, Row>(host: HTMLElement, spec: FeedPanelSpec<T, Row>): FeedPanel<T> {
  const list = h("ol", { class: spec.listClass });
  const empty = h("p", { class: "dim events-empty" }, spec.emptyText);
  const root = h("section", { id: spec.id, class: spec.className, "aria-label": spec.title, hidden: true }, h("h2", {}, spec.title), empty, list);
  host.append(root);
  let signature = "";

  return {
    show() {
      root.hidden = false;
    },
    hide() {
      root.hidden = true;
      signature = "";
      list.replaceChildren();
    },
    update(items, timeMs) {
      const rows = items.map((item) => spec.rowOf(item, timeMs));
      const next = JSON.stringify(rows);
      if (next === signature) return;
      signature = next;
      empty.hidden = rows.length > 0;
      list.replaceChildren(...rows.map((row) => spec.render(row)));
    },
  };
}
