// A zone's heading above its column of node cards. Zoomed out it uses larger
// type so the zones still read; when even that is too small it is hidden.

import type * as Phaser from "phaser";
import type { ZoneLayout } from "../layout.ts";
import { Colors, Fonts, css } from "../theme.ts";
import { Depth } from "./depths.ts";
import { readable, type Detail } from "./level-of-detail.ts";

export class ZoneColumn {
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;
  private signature = "";

  constructor(scene: Phaser.Scene) {
    this.graphics = scene.add.graphics().setDepth(Depth.zone);
    this.label = scene.add.text(0, 0, "", { fontFamily: Fonts.sans, fontSize: "22px", fontStyle: "bold", color: css(Colors.accent) }).setDepth(Depth.cardText);
  }

  update(zone: ZoneLayout, nodeCount: number, detail: Detail, zoom: number): void {
    const size = detail === "full" ? 22 : 38;
    const show = readable(size, zoom);
    const signature = JSON.stringify([zone.zone, zone.x, zone.y, zone.w, zone.h, nodeCount, size, show]);
    if (signature === this.signature) return;
    this.signature = signature;
    this.label
      .setFontSize(size)
      .setText(`▦ ${zone.zone}  ·  ${nodeCount} node${nodeCount === 1 ? "" : "s"}`)
      .setPosition(zone.x + 4, zone.y + (detail === "full" ? 6 : 0))
      .setVisible(show);
    this.graphics.clear().lineStyle(3, Colors.accent, 0.8).lineBetween(zone.x, zone.y + 40, zone.x + zone.w, zone.y + 40);
  }

  destroy(): void {
    this.graphics.destroy();
    this.label.destroy();
  }
}
