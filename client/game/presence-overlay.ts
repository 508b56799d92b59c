// What other players are doing, drawn over the cluster view without changing
// it: a name tag on each pod another player holds ("alice is dragging"),
// and, for a player who is not the host, a cover over each node's
// Crash/Restart button that dims it and says who may press it.

import type * as Phaser from "phaser";
import type { Rect } from "./layout.ts";
import { Colors, Fonts, css } from "./theme.ts";
import { Depth } from "./views/depths.ts";

export const NODE_ACTION_HOST_ONLY = "Only the host can crash or restart nodes";

/** Above dragged pods, below the toast. */
const TAG_DEPTH = Depth.dragging + 1;
const COVER_DEPTH = Depth.button + 0.5;

export interface Hold {
  /** Who holds it. */
  readonly player: string;
  /** The pod's key, "namespace/name". */
  readonly pod: string;
}

export class PresenceOverlay {
  private readonly scene: Phaser.Scene;
  private readonly tags = new Map<string, Phaser.GameObjects.Text>();
  private readonly outlines: Phaser.GameObjects.Graphics;
  private readonly covers: Phaser.GameObjects.Rectangle[] = [];
  private readonly tooltip: Phaser.GameObjects.Text;
  private readonly onRefused: (message: string) => void;

  constructor(scene: Phaser.Scene, onRefused: (message: string) => void) {
    this.scene = scene;
    this.onRefused = onRefused;
    this.outlines = scene.add.graphics().setDepth(TAG_DEPTH);
    this.tooltip = scene.add
      .text(0, 0, NODE_ACTION_HOST_ONLY, { fontFamily: Fonts.sans, fontSize: "18px", color: css(Colors.text), backgroundColor: css(Colors.panel), padding: { x: 10, y: 6 } })
      .setOrigin(1, 1)
      .setDepth(TAG_DEPTH)
      .setVisible(false);
  }

  /** Outlines each held pod and tags it with its holder; `at` says where a pod's block is (undefined: not on screen). */
  showHolds(holds: readonly Hold[], at: (pod: string) => Rect | undefined): void {
    const shown = new Set<string>();
    this.outlines.clear();
    for (const hold of holds) {
      const where = at(hold.pod);
      if (!where) continue;
      shown.add(hold.pod);
      this.outlines.lineStyle(4, Colors.focus, 1).strokeRoundedRect(where.x - 3, where.y - 3, where.w + 6, where.h + 6, 8);
      let tag = this.tags.get(hold.pod);
      if (!tag) {
        tag = this.scene.add
          .text(0, 0, "", { fontFamily: Fonts.sans, fontSize: "16px", fontStyle: "bold", color: css(Colors.background), backgroundColor: css(Colors.focus), padding: { x: 6, y: 2 } })
          .setOrigin(0, 1)
          .setDepth(TAG_DEPTH);
        this.tags.set(hold.pod, tag);
      }
      tag.setText(`${hold.player} is dragging`).setPosition(where.x, where.y + 2);
    }
    for (const [pod, tag] of this.tags) {
      if (shown.has(pod)) continue;
      tag.destroy();
      this.tags.delete(pod);
    }
  }

  /** Covers the node buttons (logical rects) a non-host may not press; an empty list uncovers. */
  coverHostOnly(buttons: readonly Rect[]): void {
    while (this.covers.length > buttons.length) this.covers.pop()!.destroy();
    buttons.forEach((rect, i) => {
      let cover = this.covers[i];
      if (!cover) {
        cover = this.scene.add.rectangle(0, 0, 1, 1, Colors.background, 0.6).setOrigin(0, 0).setDepth(COVER_DEPTH);
        cover.setInteractive({ useHandCursor: false });
        cover.on("pointerover", () => this.tooltip.setPosition(cover!.x + cover!.width, cover!.y - 4).setVisible(true));
        cover.on("pointerout", () => this.tooltip.setVisible(false));
        cover.on("pointerdown", () => this.onRefused(NODE_ACTION_HOST_ONLY));
        this.covers.push(cover);
      }
      cover.setPosition(rect.x, rect.y).setSize(rect.w, rect.h);
      cover.input?.hitArea.setTo(0, 0, rect.w, rect.h);
    });
    if (buttons.length === 0) this.tooltip.setVisible(false);
  }

  destroy(): void {
    this.tags.forEach((tag) => tag.destroy());
    this.tags.clear();
    this.covers.splice(0).forEach((cover) => cover.destroy());
    this.tooltip.destroy();
    this.outlines.destroy();
  }
}
