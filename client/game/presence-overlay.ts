// What other players are doing, drawn over the pending queue without changing
// the cluster view: an outline and a name tag on each pod another player holds
// ("alice is dragging"). Drawn by the screen camera, as the queue is.

import type * as Phaser from "phaser";
import type { Rect } from "./layout.ts";
import { Colors, Fonts, css } from "./theme.ts";
import { Depth } from "./views/depths.ts";

/** Above dragged pods, below the toast. */
const TAG_DEPTH = Depth.dragging + 1;

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

  constructor(scene: Phaser.Scene) {
    this.scene = scene;
    this.outlines = scene.add.graphics().setDepth(TAG_DEPTH);
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

  destroy(): void {
    this.tags.forEach((tag) => tag.destroy());
    this.tags.clear();
    this.outlines.destroy();
  }
}
