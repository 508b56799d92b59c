// The page's DOM user interface, created once and handed to the scenes: the
// scaled overlay with the HUD, the right-hand column (level panel above the
// events panel) and console, the live regions, and
// a host for the visually hidden mirrors of the canvas.

import { createAnnouncer, type Announcer } from "./announcer.ts";
import { createConsoleDrawer, type ConsoleDrawer } from "./console/console-drawer.ts";
import { h } from "./dom.ts";
import { createEventsPanel, type EventsPanel } from "./hud/events-panel.ts";
import { createHud, type Hud } from "./hud/hud.ts";
import { createLevelPanel, type LevelPanel } from "./hud/level-panel.ts";
import { createOverlay, type Overlay } from "./overlay.ts";

export interface AppUi {
  readonly overlay: Overlay;
  readonly hud: Hud;
  readonly levelPanel: LevelPanel;
  readonly eventsPanel: EventsPanel;
  readonly console: ConsoleDrawer;
  readonly announcer: Announcer;
  /** Where scenes put their HTML mirrors. */
  readonly mirrorHost: HTMLElement;
}

export function createAppUi(canvas: HTMLCanvasElement, page: HTMLElement): AppUi {
  const overlay = createOverlay(canvas, page);
  const mirrorHost = h("div", { id: "mirrors" });
  page.append(mirrorHost);
  const hud = createHud(overlay.root);
  // The level panel takes the height it needs; the events fill the rest.
  const rightColumn = h("div", { class: "right-column" });
  overlay.root.append(rightColumn);
  return {
    overlay,
    hud,
    levelPanel: createLevelPanel(rightColumn),
    eventsPanel: createEventsPanel(rightColumn),
    console: createConsoleDrawer(overlay.root),
    announcer: createAnnouncer(page),
    mirrorHost,
  };
}
