// Who is in the room: each player's name, a Host badge, whether they are
// connected or their seat is waiting for them to come back, and the pod in
// their hand. The host may remove a player from here.

import type { PlayerView } from "../../../server/rooms/schema/presence-state.ts";
import { h } from "../dom.ts";

export interface PlayersPanelHandlers {
  /** Host only: remove a player (after asking). */
  onRemove(name: string): void;
}

export interface PlayersPanel {
  show(handlers: PlayersPanelHandlers): void;
  hide(): void;
  update(players: readonly PlayerView[], self: string | undefined): void;
}

interface PlayerRow {
  readonly name: string;
  readonly host: boolean;
  readonly self: boolean;
  readonly connected: boolean;
  /** The pod's name (without its namespace) in their hand, or "". */
  readonly holding: string;
}

/** The rows in display order (host first, then by name); exported for tests. */
export function playerRows(players: readonly Pick<PlayerView, "name" | "role" | "connected" | "holding">[], self: string | undefined): PlayerRow[] {
  return players
    // A field the server never set arrives as undefined.
    .map((p) => ({ name: p.name, host: p.role === "host", self: p.name === self, connected: p.connected !== false, holding: nameOf(p.holding ?? "") }))
    .sort((a, b) => Number(b.host) - Number(a.host) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function nameOf(key: string): string {
  return key.slice(key.indexOf("/") + 1);
}

export function createPlayersPanel(host: HTMLElement): PlayersPanel {
  const count = h("span", { class: "dim players-count" }, "");
  const list = h("ul", { class: "players-list" });
  const root = h("section", { id: "players-panel", class: "players-panel", "aria-label": "Players", hidden: true }, h("h2", {}, "Players ", count), list);
  host.append(root);
  let handlers: PlayersPanelHandlers | undefined;
  let signature = "";

  return {
    show(next) {
      handlers = next;
      root.hidden = false;
    },
    hide() {
      handlers = undefined;
      root.hidden = true;
      signature = "";
      list.replaceChildren();
    },
    update(players, self) {
      const rows = playerRows(players, self);
      const selfIsHost = rows.some((r) => r.self && r.host);
      const next = JSON.stringify([rows, selfIsHost]);
      if (next === signature) return;
      signature = next;
      count.textContent = `(${rows.length})`;
      list.replaceChildren(...rows.map((row) => {
        const item = h("li", { class: row.connected ? "player" : "player away", "data-player": row.name },
          h("span", { class: row.connected ? "player-dot" : "player-dot away", "aria-hidden": "true" }, "●"),
          h("strong", { class: "player-name" }, row.name),
          row.self ? h("span", { class: "dim" }, " (you)") : "",
          row.host ? h("span", { class: "badge" }, "Host") : "",
          h("span", { class: "player-state" }, row.connected ? (row.holding ? `drags ${row.holding}` : "") : "reconnecting…"),
        );
        if (selfIsHost && !row.self) {
          const remove = h("button", { type: "button", class: "player-remove", "aria-label": `Remove ${row.name} from the room`, title: `Remove ${row.name}` }, "✕");
          remove.addEventListener("click", () => handlers?.onRemove(row.name));
          item.append(remove);
        }
        return item;
      }));
    },
  };
}
