// The top bar of the cluster screen: back to the menu, the scenario's title,
// the room's join code with the Invite button, the simulated clock, the speed
// control (the host's alone: disabled, with a tooltip saying so, for others)
// and the console button.

import { SPEEDS, type Speed } from "../../../shared/protocol/messages.ts";
import { h } from "../dom.ts";
import { formatClock } from "../format.ts";

export interface HudHandlers {
  onBack(): void;
  onSpeed(speed: Speed): void;
  onConsole(): void;
  onInvite(): void;
}

export interface Hud {
  show(handlers: HudHandlers): void;
  hide(): void;
  setTitle(title: string): void;
  setClock(timeMs: number, speed: number): void;
  /** The room's join code, and whether this player is its host (the speed is theirs alone). */
  setRoom(code: string, host: boolean): void;
}

export const SPEED_HOST_ONLY = "Only the host can change the speed";

// Glyphs from fonts every system has (⏸ and ⏩ are missing from DejaVu).
const SPEED_LABEL: Record<Speed, string> = { 0: "❚❚ Pause", 1: "▶ 1×", 5: "▶▶ 5×", 20: "▶▶▶ 20×" };

export function createHud(host: HTMLElement): Hud {
  const back = h("button", { class: "hud-back", type: "button", "aria-label": "Back to menu" }, "◀ Menu");
  const title = h("h1", { class: "hud-title" }, "");
  const clock = h("div", { class: "hud-clock", role: "timer", "aria-label": "Simulated time" }, "00:00:00");
  const speedButtons = SPEEDS.map((speed) => h("button", { type: "button", class: "hud-speed-button", "data-speed": String(speed), "aria-pressed": "false" }, SPEED_LABEL[speed]));
  const speeds = h("div", { class: "hud-speed", role: "group", "aria-label": "Simulation speed" }, ...speedButtons);
  const code = h("span", { class: "hud-code", title: "Join code: others enter it under Join a room" }, "");
  const invite = h("button", { type: "button", class: "hud-invite" }, "Invite");
  const room = h("div", { class: "hud-room", role: "group", "aria-label": "Room" }, code, invite);
  const consoleButton = h("button", { type: "button", class: "hud-console", "aria-keyshortcuts": "`" }, "⌨ Console ", h("kbd", {}, "`"));
  const bar = h("header", { id: "hud", class: "hud", hidden: true }, back, title, room, clock, speeds, consoleButton);
  room.hidden = true;
  host.append(bar);

  let handlers: HudHandlers | undefined;
  back.addEventListener("click", () => handlers?.onBack());
  consoleButton.addEventListener("click", () => handlers?.onConsole());
  invite.addEventListener("click", () => handlers?.onInvite());
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
      room.hidden = true;
    },
    setTitle(text) {
      title.textContent = text;
    },
    setClock(timeMs, speed) {
      clock.textContent = formatClock(timeMs);
      for (const button of speedButtons) button.setAttribute("aria-pressed", String(Number(button.dataset.speed) === speed));
    },
    setRoom(joinCode, isHost) {
      room.hidden = false;
      code.textContent = joinCode;
      for (const button of speedButtons) {
        button.disabled = !isHost;
        button.title = isHost ? "" : SPEED_HOST_ONLY;
      }
      speeds.title = isHost ? "" : SPEED_HOST_ONLY;
    },
  };
}
