// A short message over the bottom of the cluster, e.g. why a drop was refused,
// in the scheduler's own words. Screen readers get the same text from the
// page's live region; this is the visual half.

import type * as Phaser from "phaser";
import { Colors, Fonts, css } from "../theme.ts";
import { Depth } from "./depths.ts";

export type ToastKind = "error" | "info";

const SHOW_MS = 5_000;

export class Toast {
  private readonly scene: Phaser.Scene;
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly text: Phaser.GameObjects.Text;
  private readonly centerX: number;
  private readonly bottomY: number;
  private readonly maxW: number;
  private hideTimer: Phaser.Time.TimerEvent | undefined;

  constructor(scene: Phaser.Scene, centerX: number, bottomY: number, maxW: number) {
    this.scene = scene;
    this.centerX = centerX;
    this.bottomY = bottomY;
    this.maxW = maxW;
    this.graphics = scene.add.graphics().setDepth(Depth.toast).setVisible(false);
    this.text = scene.add
      .text(0, 0, "", { fontFamily: Fonts.sans, fontSize: "24px", color: css(Colors.text), align: "center", wordWrap: { width: maxW - 48, useAdvancedWrap: true } })
      .setOrigin(0.5, 1)
      .setDepth(Depth.toast)
      .setVisible(false);
  }

  show(message: string, kind: ToastKind): void {
    const icon = kind === "error" ? "✖" : "ℹ";
    this.text.setText(`${icon} ${message}`).setPosition(this.centerX, this.bottomY - 18).setVisible(true);
    const w = Math.min(this.maxW, this.text.width + 48);
    const h = this.text.height + 32;
    this.graphics
      .clear()
      .fillStyle(kind === "error" ? Colors.toastBg : Colors.toastInfoBg, 0.97)
      .fillRoundedRect(this.centerX - w / 2, this.bottomY - h - 2, w, h, 12)
      .lineStyle(3, kind === "error" ? Colors.danger : Colors.accent, 1)
      .strokeRoundedRect(this.centerX - w / 2, this.bottomY - h - 2, w, h, 12)
      .setVisible(true);
    this.hideTimer?.remove();
    this.hideTimer = this.scene.time.delayedCall(SHOW_MS, () => this.hide());
  }

  /** The message on screen, or undefined when hidden. */
  current(): string | undefined {
    return this.text.visible ? this.text.text : undefined;
  }

  hide(): void {
    this.graphics.setVisible(false);
    this.text.setVisible(false);
  }
}
