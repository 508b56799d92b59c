// The panel of unscheduled pods (node ""), which the player drags from. The
// blocks themselves are PodBlocks owned by the scene; this draws the panel,
// its title and how to play, and says how many pods did not fit.

import type * as Phaser from "phaser";
import type { Rect } from "../layout.ts";
import { Colors, Fonts, css } from "../theme.ts";
import { Depth } from "./depths.ts";

const TITLE_H = 96;
/** Room at the bottom for what the keyboard has selected. */
const SELECTION_H = 56;

export class PendingQueue {
  readonly panel: Rect;
  /** Where the pod blocks go. */
  readonly blockArea: Rect;
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly more: Phaser.GameObjects.Text;
  private readonly selection: Phaser.GameObjects.Text;

  constructor(scene: Phaser.Scene, panel: Rect) {
    this.panel = panel;
    this.blockArea = { x: panel.x + 14, y: panel.y + TITLE_H, w: panel.w - 28, h: panel.h - TITLE_H - SELECTION_H - 44 };
    this.graphics = scene.add.graphics().setDepth(Depth.zone);
    this.graphics.fillStyle(Colors.panel, 1).fillRoundedRect(panel.x, panel.y, panel.w, panel.h, 10);
    this.graphics.lineStyle(2, Colors.border, 1).strokeRoundedRect(panel.x, panel.y, panel.w, panel.h, 10);
    this.title = scene.add
      .text(panel.x + 14, panel.y + 12, "", { fontFamily: Fonts.sans, fontSize: "24px", fontStyle: "bold", color: css(Colors.text) })
      .setDepth(Depth.cardText);
    scene.add
      .text(panel.x + 14, panel.y + 46, "Drag a pod onto a node.\nKeys: ↑↓ pod · ←→ or 1–9 node · Enter", {
        fontFamily: Fonts.sans,
        fontSize: "15px",
        color: css(Colors.textDim),
        lineSpacing: 3,
      })
      .setDepth(Depth.cardText);
    this.more = scene.add
      .text(panel.x + 14, panel.y + panel.h - 36, "", { fontFamily: Fonts.sans, fontSize: "17px", color: css(Colors.textDim) })
      .setDepth(Depth.cardText);
    this.selection = scene.add
      .text(panel.x + 14, panel.y + panel.h - SELECTION_H - 36, "", { fontFamily: Fonts.sans, fontSize: "17px", color: css(Colors.focus), lineSpacing: 3 })
      .setDepth(Depth.cardText);
  }

  /** What the keyboard has selected, and what Enter will do. */
  setSelection(text: string): void {
    if (this.selection.text !== text) this.selection.setText(text);
  }

  update(pending: number, hidden: number): void {
    this.title.setText(`◌ Pending pods (${pending})`);
    this.more.setText(hidden > 0 ? `+${hidden} more not shown` : pending === 0 ? "Nothing waiting." : "");
  }
}
