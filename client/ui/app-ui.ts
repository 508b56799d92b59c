// The page's DOM user interface, created once and handed to the scenes: the
// scaled overlay with the HUD, the right-hand column (level panel, players,
// activity feed, events), the console, the room's dialogs and banners, the
// live regions, and a host for the visually hidden mirrors of the canvas.

import { createAnnouncer, type Announcer } from "./announcer.ts";
import { createConsoleDrawer, type ConsoleDrawer } from "./console/console-drawer.ts";
import { h } from "./dom.ts";
import { createActivityPanel, type ActivityPanel } from "./hud/activity-panel.ts";
import { createEventsPanel, type EventsPanel } from "./hud/events-panel.ts";
import { createHud, type Hud } from "./hud/hud.ts";
import { createLevelPanel, type LevelPanel } from "./hud/level-panel.ts";
import { createPlayersPanel, type PlayersPanel } from "./hud/players-panel.ts";
import { createOverlay, type Overlay } from "./overlay.ts";
import { createConnectionBanner, type ConnectionBanner } from "./rooms/connection-banner.ts";
import { createInviteDialog, type InviteDialog } from "./rooms/invite-dialog.ts";
import { createNoticeBanner, type NoticeBanner } from "./rooms/notice-banner.ts";

export interface AppUi {
  readonly overlay: Overlay;
  readonly hud: Hud;
  readonly levelPanel: LevelPanel;
  readonly playersPanel: PlayersPanel;
  readonly activityPanel: ActivityPanel;
  readonly eventsPanel: EventsPanel;
  readonly console: ConsoleDrawer;
  readonly invite: InviteDialog;
  readonly connectionBanner: ConnectionBanner;
  readonly noticeBanner: NoticeBanner;
  readonly announcer: Announcer;
  /** Where scenes put their HTML mirrors. */
  readonly mirrorHost: HTMLElement;
}

export function createAppUi(canvas: HTMLCanvasElement, page: HTMLElement): AppUi {
  const overlay = createOverlay(canvas, page);
  const mirrorHost = h("div", { id: "mirrors" });
  page.append(mirrorHost);
  const hud = createHud(overlay.root);
  // The level panel takes the height it needs, the player list a few rows;
  // the activity feed and the events share the rest.
  const rightColumn = h("div", { class: "right-column" });
  overlay.root.append(rightColumn);
  return {
    overlay,
    hud,
    levelPanel: createLevelPanel(rightColumn),
    playersPanel: createPlayersPanel(rightColumn),
    activityPanel: createActivityPanel(rightColumn),
    eventsPanel: createEventsPanel(rightColumn),
    console: createConsoleDrawer(overlay.root),
    invite: createInviteDialog(overlay.root),
    noticeBanner: createNoticeBanner(overlay.root),
    // Last, so it is drawn above every panel and dialog.
    connectionBanner: createConnectionBanner(overlay.root),
    announcer: createAnnouncer(page),
    mirrorHost,
  };
}
