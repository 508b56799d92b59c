// The activity feed: every write in the room in words, newest first, with
// who did it ("alice scaled deployment/web to 8"); refusals carry a mark and
// the word "refused", not just a colour.

import type { ActivityView } from "../../../server/rooms/schema/presence-state.ts";
import { humanDuration } from "../../../shared/kubectl/printers/age.ts";
import { h } from "../dom.ts";

export interface ActivityPanel {
  show(): void;
  hide(): void;
  /** Redraws when a line or an age changed; cheap to call on every clock tick. */
  update(activity: readonly ActivityView[], timeMs: number): void;
}

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
  const list = h("ol", { class: "activity-list" });
  const empty = h("p", { class: "dim events-empty" }, "Nobody has changed anything yet.");
  const root = h("section", { id: "activity-panel", class: "activity-panel", "aria-label": "Activity", hidden: true }, h("h2", {}, "Activity"), empty, list);
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
    update(activity, timeMs) {
      const rows = activity.map((a) => activityRow(a, timeMs));
      const next = JSON.stringify(rows);
      if (next === signature) return;
      signature = next;
      empty.hidden = rows.length > 0;
      list.replaceChildren(...rows.map((row) =>
        h("li", { class: row.refused ? "activity refused" : "activity" },
          row.refused ? h("span", { class: "activity-refused" }, "✕ Refused") : "",
          h("strong", { class: "activity-actor" }, row.actor),
          " ",
          h("span", { class: "activity-text" }, row.text),
          h("span", { class: "event-age" }, ` ${row.age}`),
        )));
    },
  };
}
