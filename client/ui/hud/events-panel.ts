// The alerts and events panel: the cluster's most recent core/v1 Events, newest
// first, as `kubectl get events` would list them (reason, object, message, age),
// so the game explains itself on a projector. Warnings carry an icon and a
// "Warning" label, not just a colour.

import type { EventView } from "../../../server/rooms/schema/cluster-state.ts";
import { humanDuration } from "../../../shared/kubectl/printers/age.ts";
import { h } from "../dom.ts";

export interface EventsPanel {
  show(): void;
  hide(): void;
  /** Redraws when an event or an age changed; cheap to call on every clock tick. */
  update(events: readonly EventView[], timeMs: number): void;
}

export function createEventsPanel(host: HTMLElement): EventsPanel {
  const list = h("ol", { class: "events-list" });
  const empty = h("p", { class: "dim events-empty" }, "No events yet.");
  const root = h("section", { id: "events-panel", class: "events-panel", "aria-label": "Events", hidden: true }, h("h2", {}, "Events"), empty, list);
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
    update(events, timeMs) {
      const rows = events.map((e) => eventRow(e, timeMs));
      const next = JSON.stringify(rows);
      if (next === signature) return;
      signature = next;
      empty.hidden = rows.length > 0;
      list.replaceChildren(...rows.map(renderRow));
    },
  };
}

interface EventRow {
  readonly warning: boolean;
  readonly reason: string;
  readonly object: string;
  readonly message: string;
  readonly count: number;
  /** kubectl's LAST SEEN. */
  readonly age: string;
}

/** What one row shows; exported for tests. */
export function eventRow(e: Pick<EventView, "type" | "reason" | "object" | "message" | "count" | "lastMs">, timeMs: number): EventRow {
  return { warning: e.type === "Warning", reason: e.reason, object: e.object, message: e.message, count: e.count, age: humanDuration(timeMs - e.lastMs) };
}

function renderRow(row: EventRow): HTMLElement {
  return h("li", { class: row.warning ? "event warning" : "event" },
    h("div", { class: "event-head" },
      h("span", { class: "event-icon", role: "img", "aria-label": row.warning ? "Warning" : "Normal" }, row.warning ? "⚠" : "ℹ"),
      h("strong", { class: "event-reason" }, row.reason),
      h("span", { class: "event-age", title: "Last seen" }, row.count > 1 ? `${row.age} (x${row.count})` : row.age),
    ),
    h("div", { class: "event-object" }, row.object),
    h("div", { class: "event-message" }, row.message),
  );
}
