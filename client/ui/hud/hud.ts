// The top bar of the cluster screen: back to the menu, the scenario's title,
// the simulated clock, the speed control and the console button; and the
// "reconnecting…" banner shown while the SDK re-establishes a dropped room.

import { SPEEDS, type Speed } from "../../../shared/protocol/messages.ts";
import { h } from "../dom.ts";
import { formatClock } from "../format.ts";

export interface HudHandlers {
  onBack(): void;
  onSpeed(speed: Speed): void;
  onConsole(): void;
}

export interface Hud {
  show(handlers: HudHandlers): void;
  hide(): void;
  setTitle(title: string): void;
  setClock(timeMs: number, speed: number): void;
  setReconnecting(reconnecting: boolean): void;
}

// Glyphs from fonts every system has (⏸ and ⏩ are missing from DejaVu).
const SPEED_LABEL: Record<Speed, string> = { 0: "❚❚ Pause", 1: "▶ 1×", 5: "▶▶ 5×", 20: "▶▶▶ 20×" };

export function createHud(host: HTMLElement): Hud {
  const back = h("button", { class: "hud-back", type: "button", "aria-label": "Back to menu" }, "◀ Menu");
  const title = h("h1", { class: "hud-title" }, "");
  const clock = h("div", { class: "hud-clock", role: "timer", "aria-label": "Simulated time" }, "00:00:00");
  const speedButtons = SPEEDS.map((speed) => h("button", { type: "button", class: "hud-speed-button", "data-speed": String(speed), "aria-pressed": "false" }, SPEED_LABEL[speed]));
  const speeds = h("div", { class: "hud-speed", role: "group", "aria-label": "Simulation speed" }, ...speedButtons);
  const consoleButton = h("button", { type: "button", class: "hud-console", "aria-keyshortcuts": "`" }, "⌨ Console ", h("kbd", {}, "`"));
  const bar = h("header", { id: "hud", class: "hud", hidden: true }, back, title, clock, speeds, consoleButton);
  const banner = h("div", { id: "reconnecting", class: "banner", role: "status", hidden: true }, "⟳ Connection lost — reconnecting…");
  host.append(bar, banner);

  let handlers: HudHandlers | undefined;
  back.addEventListener("click", () => handlers?.onBack());
  consoleButton.addEventListener("click", () => handlers?.onConsole());
  for (const button of speedButtons) {
    button.addEventListener("click", () => handlers?.onSpeed(Number(button.dataset.speed) as Speed));
  }

  return {
    show(next) {
      handlers = next;
      bar.hidden = false;
    },
    hide() {
      handlers = undefined;
      bar.hidden = true;
      banner.hidden = true;
    },
    setTitle(text) {
      title.textContent = text;
    },
    setClock(timeMs, speed) {
      clock.textContent = formatClock(timeMs);
      for (const button of speedButtons) button.setAttribute("aria-pressed", String(Number(button.dataset.speed) === speed));
    },
    setReconnecting(reconnecting) {
      banner.hidden = !reconnecting;
    },
  };
}
