// The alerts and events panel: the cluster's most recent core/v1 Events, newest
// first, as `kubectl get events` would list them (reason, object, message, age),
// so the game explains itself on a projector. Warnings carry an icon and a
// "Warning" label, not just a colour.

import type { EventView } from "../../../server/rooms/schema/cluster-state.ts";
import { humanDuration } from "../../../shared/kubectl/printers/age.ts";
import { h } from "../dom.ts";
import { createFeedPanel, type FeedPanel } from "./feed-panel.ts";

export type EventsPanel = FeedPanel<EventView>;

export function createEventsPanel(host: HTMLElement): EventsPanel {
  return createFeedPanel(host, { id: "events-panel", className: "events-panel", listClass: "events-list", title: "Events", emptyText: "No events yet.", rowOf: eventRow, render: renderRow });
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
