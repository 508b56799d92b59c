// The menu's entries as real buttons, for Tab, Enter and screen readers. They
// are visually hidden; the canvas draws the focused one as selected, so a
// sighted keyboard player still sees where focus is.

import { h } from "../dom.ts";

export interface MenuMirrorHandlers {
  onFocus(index: number): void;
  onActivate(index: number): void;
}

export interface MenuMirror {
  dispose(): void;
}

export function showMenuMirror(host: HTMLElement, entries: readonly { label: string; description: string }[], handlers: MenuMirrorHandlers): MenuMirror {
  const buttons = entries.map((entry, i) => {
    const button = h("button", { type: "button", "data-menu-index": String(i) }, `${entry.label}. ${entry.description}`);
    button.addEventListener("focus", () => handlers.onFocus(i));
    button.addEventListener("click", () => handlers.onActivate(i));
    return button;
  });
  const nav = h("nav", { id: "menu-mirror", class: "sr-only focus-mirror", "aria-label": "Main menu" }, h("h1", {}, "Pod Pilot"), ...buttons.map((b) => h("p", {}, b)));
  host.append(nav);
  return { dispose: () => nav.remove() };
}
