// The activity feed: every write in the room in words, newest first, with
// who did it ("alice scaled deployment/web to 8"); refusals carry a mark and
// the word "refused", not just a colour.

import type { ActivityView } from "../../../server/rooms/schema/presence-state.ts";
import { humanDuration } from "../../../shared/kubectl/printers/age.ts";
import { h } from "../dom.ts";
import { createFeedPanel, type FeedPanel } from "./feed-panel.ts";

export type ActivityPanel = FeedPanel<ActivityView>;

interface ActivityRow {
  readonly actor: string;
  readonly text: string;
  readonly refused: boolean;
  readonly age: string;
}

/** What one line shows; exported for tests. */
export function activityRow(a: Pick<ActivityView, "actor" | "text" | "refused" | "atMs">, timeMs: number): ActivityRow {
  return { actor: a.actor, text: a.text, refused: a.refused, age: humanDuration(Math.max(0, timeMs - a.atMs)) };
}

export function createActivityPanel(host: HTMLElement): ActivityPanel {
  return createFeedPanel(host, {
    id: "activity-panel",
    className: "activity-panel",
    listClass: "activity-list",
    title: "Activity",
    emptyText: "Nobody has changed anything yet.",
    rowOf: activityRow,
    render: (row) =>
      h("li", { class: row.refused ? "activity refused" : "activity" },
        row.refused ? h("span", { class: "activity-refused" }, "✕ Refused") : "",
        h("strong", { class: "activity-actor" }, row.actor),
        " ",
        h("span", { class: "activity-text" }, row.text),
        h("span", { class: "event-age" }, ` ${row.age}`),
      ),
  });
}
