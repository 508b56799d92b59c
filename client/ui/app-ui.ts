// The page's DOM user interface, created once and handed to the scenes: the
// scaled overlay with the HUD, level panel and console, the live regions, and
// a host for the visually hidden mirrors of the canvas.

import { createAnnouncer, type Announcer } from "./announcer.ts";
import { createConsoleDrawer, type ConsoleDrawer } from "./console/console-drawer.ts";
import { h } from "./dom.ts";
import { createHud, type Hud } from "./hud/hud.ts";
import { createLevelPanel, type LevelPanel } from "./hud/level-panel.ts";
import { createOverlay, type Overlay } from "./overlay.ts";

export interface AppUi {
  readonly overlay: Overlay;
  readonly hud: Hud;
  readonly levelPanel: LevelPanel;
  readonly console: ConsoleDrawer;
  readonly announcer: Announcer;
  /** Where scenes put their HTML mirrors. */
  readonly mirrorHost: HTMLElement;
}

export function createAppUi(canvas: HTMLCanvasElement, page: HTMLElement): AppUi {
  const overlay = createOverlay(canvas, page);
  const mirrorHost = h("div", { id: "mirrors" });
  page.append(mirrorHost);
  return {
    overlay,
    hud: createHud(overlay.root),
    levelPanel: createLevelPanel(overlay.root),
    console: createConsoleDrawer(overlay.root),
    announcer: createAnnouncer(page),
    mirrorHost,
  };
}
