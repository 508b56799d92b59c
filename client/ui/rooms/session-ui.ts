// Tells the player what the connection is doing: the banner above everything,
// a console line for each change ("connection lost; reconnecting…",
// "reconnected"), and the screen reader's live region.

import type { SessionStatus } from "../../net/room-session.ts";
import type { AppUi } from "../app-ui.ts";

/** The console's line for a change of status (undefined: nothing to print). Exported for tests. */
export function consoleLine(previous: SessionStatus["kind"], status: SessionStatus): { text: string; kind: "info" | "err" } | undefined {
  switch (status.kind) {
    case "connected":
      return previous === "connected" ? undefined : { text: "reconnected", kind: "info" };
    case "reconnecting":
      return { text: "connection lost; reconnecting…", kind: "err" };
    case "rejoining":
      return status.attempt === 1 ? { text: "the server forgot this connection; rejoining the room with your seat…", kind: "err" } : undefined;
    case "lost":
      return { text: `could not get back into the room: ${status.message}`, kind: "err" };
    case "removed":
      return { text: status.message, kind: "err" };
  }
}

export function showSessionStatus(ui: AppUi, code: string, previous: SessionStatus["kind"], status: SessionStatus, handlers: { onRejoin(): void; onMenu(): void }): void {
  ui.connectionBanner.show(status, code, handlers);
  const line = consoleLine(previous, status);
  if (!line) return;
  ui.console.note(line.text, line.kind);
  if (line.kind === "err") ui.announcer.alert(line.text);
  else ui.announcer.say("Reconnected.");
}
