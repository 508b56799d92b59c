// The connection's state, drawn above everything while it is not simply
// connected: "reconnecting…" while the SDK retries, "rejoining…" while the
// seat is claimed again after a server restart, and when every way back has
// failed, why, with a Rejoin button. Never silent, never a frozen screen.

import type { SessionStatus } from "../../net/room-session.ts";
import { h } from "../dom.ts";

export interface ConnectionBannerHandlers {
  onRejoin(): void;
  onMenu(): void;
}

export interface ConnectionBanner {
  show(status: SessionStatus, code: string, handlers: ConnectionBannerHandlers): void;
  hide(): void;
}

/** The banner's sentence for a status (undefined: nothing to say). Exported for tests. */
export function bannerText(status: SessionStatus, code: string): string | undefined {
  switch (status.kind) {
    case "connected":
      return undefined;
    case "reconnecting":
      return "⟳ Connection lost — reconnecting…";
    case "rejoining":
      return status.attempt === 1 ? `⟳ Rejoining room ${code}…` : `⟳ Rejoining room ${code}… (try ${status.attempt})`;
    case "lost":
      return `✕ Could not get back into room ${code}: ${status.message}`;
    case "removed":
      return `✕ ${status.message}`;
  }
}

export function createConnectionBanner(host: HTMLElement): ConnectionBanner {
  const text = h("span", { class: "banner-text" }, "");
  const rejoin = h("button", { type: "button", class: "primary" }, "Rejoin");
  const menu = h("button", { type: "button" }, "Menu");
  const root = h("div", { id: "reconnecting", class: "banner connection-banner", role: "status", "aria-live": "assertive", hidden: true }, text, rejoin, menu);
  host.append(root);
  let handlers: ConnectionBannerHandlers | undefined;
  rejoin.addEventListener("click", () => handlers?.onRejoin());
  menu.addEventListener("click", () => handlers?.onMenu());

  return {
    show(status, code, next) {
      handlers = next;
      const sentence = bannerText(status, code);
      root.hidden = sentence === undefined;
      text.textContent = sentence ?? "";
      rejoin.hidden = status.kind !== "lost";
      menu.hidden = status.kind !== "lost" && status.kind !== "removed";
      root.classList.toggle("failed", status.kind === "lost" || status.kind === "removed");
    },
    hide() {
      handlers = undefined;
      root.hidden = true;
    },
  };
}
