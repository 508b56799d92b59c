// A zone's heading above its column of node cards.

import type * as Phaser from "phaser";
import type { ZoneLayout } from "../layout.ts";
import { Colors, Fonts, css } from "../theme.ts";
import { Depth } from "./depths.ts";

export class ZoneColumn {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;
  private signature = "";

  constructor(scene: Phaser.Scene) {
    this.graphics = scene.add.graphics().setDepth(Depth.zone);
    this.label = scene.add.text(0, 0, "", { fontFamily: Fonts.sans, fontSize: "22px", fontStyle: "bold", color: css(Colors.accent) }).setDepth(Depth.cardText);
  }

  update(zone: ZoneLayout, nodeCount: number): void {
    const signature = JSON.stringify([zone.zone, zone.x, zone.y, zone.w, zone.h, nodeCount]);
    if (signature === this.signature) return;
    this.signature = signature;
    this.label.setText(`▦ ${zone.zone}  ·  ${nodeCount} node${nodeCount === 1 ? "" : "s"}`).setPosition(zone.x + 4, zone.y + 6);
    this.graphics.clear().lineStyle(3, Colors.accent, 0.8).lineBetween(zone.x, zone.y + 38, zone.x + zone.w, zone.y + 38);
  }

  destroy(): void {
    this.graphics.destroy();
    this.label.destroy();
  }
}
