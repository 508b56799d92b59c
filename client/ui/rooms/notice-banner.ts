// The room's notices ("notice" messages: the host's banner, a room going
// down for a restart): a strip under the HUD that everyone sees, with the
// newest notice, until it is closed or a minute has passed.

import { h } from "../dom.ts";

const SHOW_MS = 60_000;

export interface NoticeBanner {
  show(message: string): void;
  hide(): void;
}

export function createNoticeBanner(host: HTMLElement): NoticeBanner {
  const text = h("span", { class: "banner-text" }, "");
  const close = h("button", { type: "button", "aria-label": "Close notice" }, "✕");
  const root = h("div", { id: "notice", class: "banner notice-banner", role: "status", hidden: true }, h("span", { "aria-hidden": "true" }, "📣 "), text, close);
  host.append(root);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = () => {
    clearTimeout(timer);
    root.hidden = true;
  };
  close.addEventListener("click", hide);
  return {
    show(message) {
      clearTimeout(timer);
      text.textContent = message;
      root.hidden = false;
      timer = setTimeout(hide, SHOW_MS);
    },
    hide,
  };
}
