// A node as a card: name, status with an icon, roles, taints, and its CPU
// capacity as a grid of 250m cells that the node's pods fill. The whole card
// is a drop zone for pending pods; its button crashes or restarts the machine.

import * as Phaser from "phaser";
import type { NodeView } from "../../../server/rooms/schema/cluster-state.ts";
import { CardMetrics, CELL_MILLI, type CardLayout } from "../layout.ts";
import { Colors, Fonts, css } from "../theme.ts";
import { formatCpu, formatMemory } from "../../ui/format.ts";
import { Depth } from "./depths.ts";
import { ellipsize } from "./text-fit.ts";

export type CardHighlight = "none" | "selected" | "drop-target";
export type NodeAction = "crash" | "restart";

const BUTTON_W = 104;
const BUTTON_H = 34;

export interface NodeStatusDisplay {
  readonly icon: string;
  readonly text: string;
  readonly color: number;
}

export function nodeStatusDisplay(node: Pick<NodeView, "status" | "crashed">): NodeStatusDisplay {
  if (node.crashed) return { icon: "✖", text: `Machine down · ${node.status}`, color: Colors.danger };
  if (node.status.startsWith("Ready")) {
    return node.status.includes("SchedulingDisabled")
      ? { icon: "⊘", text: node.status, color: Colors.warning }
      : { icon: "✔", text: node.status, color: Colors.ok };
  }
  return { icon: "⚠", text: node.status || "Unknown", color: Colors.danger };
}

export class NodeCard {
  readonly name: string;
  readonly dropZone: Phaser.GameObjects.Zone;
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly title: Phaser.GameObjects.Text;
  private readonly status: Phaser.GameObjects.Text;
  private readonly taints: Phaser.GameObjects.Text;
  private readonly footer: Phaser.GameObjects.Text;
  private readonly button: Phaser.GameObjects.Rectangle;
  private readonly buttonLabel: Phaser.GameObjects.Text;
  private readonly indexLabel: Phaser.GameObjects.Text;
  private action: NodeAction = "crash";
  private signature = "";
  layout: CardLayout | undefined;

  constructor(scene: Phaser.Scene, name: string, onAction: (node: string, action: NodeAction) => void) {
    this.name = name;
    this.dropZone = scene.add.zone(0, 0, 1, 1).setOrigin(0, 0).setRectangleDropZone(1, 1).setDepth(Depth.dropZone);
    this.dropZone.setData("nodeName", name);
    this.graphics = scene.add.graphics().setDepth(Depth.card);
    const text = (size: number, color: number, bold = false) =>
      scene.add.text(0, 0, "", { fontFamily: Fonts.sans, fontSize: `${size}px`, fontStyle: bold ? "bold" : "normal", color: css(color) }).setDepth(Depth.cardText);
    this.title = text(22, Colors.text, true);
    this.indexLabel = text(15, Colors.textDim);
    this.status = text(17, Colors.ok);
    this.taints = text(15, Colors.warning);
    this.footer = text(15, Colors.textDim);
    this.button = scene.add.rectangle(0, 0, BUTTON_W, BUTTON_H, Colors.panel).setOrigin(0, 0).setDepth(Depth.button);
    this.button.setInteractive({ useHandCursor: true }).on("pointerdown", () => onAction(this.name, this.action));
    this.buttonLabel = text(16, Colors.text, true).setOrigin(0.5, 0.5).setDepth(Depth.button);
  }

  /** The crash/restart button, in logical pixels. */
  buttonRect(): { x: number; y: number; w: number; h: number } {
    return { x: this.button.x, y: this.button.y, w: BUTTON_W, h: BUTTON_H };
  }

  update(node: NodeView, layout: CardLayout, highlight: CardHighlight, index: number): void {
    const signature = JSON.stringify([node.status, node.crashed, node.taints, node.roles, node.cpuMilli, node.memoryMi, node.podsMax,
      node.cpuRequestedMilli, node.memoryRequestedMi, node.podCount, layout, highlight, index]);
    if (signature === this.signature) return;
    this.signature = signature;
    this.layout = layout;
    const { x, y, w, h, grid } = layout;
    const M = CardMetrics;

    this.dropZone.setPosition(x, y).setSize(w, h);
    (this.dropZone.input!.hitArea as Phaser.Geom.Rectangle).setTo(0, 0, w, h);

    const g = this.graphics.clear();
    g.fillStyle(node.crashed ? Colors.cardCrashed : Colors.card, 1).fillRoundedRect(x, y, w, h, 10);
    const borderColor = highlight === "selected" ? Colors.focus : highlight === "drop-target" ? Colors.accent : node.crashed ? Colors.danger : Colors.border;
    g.lineStyle(highlight === "none" ? 2 : 5, borderColor, 1).strokeRoundedRect(x, y, w, h, 10);

    // Capacity grid: one cell per 250m, a heavier line at each whole core.
    const cells = Math.ceil(node.cpuMilli / CELL_MILLI);
    for (let i = 0; i < cells; i++) {
      const row = Math.floor(i / grid.cols);
      const col = i % grid.cols;
      const fraction = Math.min(1, (node.cpuMilli - i * CELL_MILLI) / CELL_MILLI);
      const cx = grid.x + col * grid.cellW;
      const cy = grid.y + row * grid.rowH;
      g.fillStyle(Colors.gridCell, 1).fillRect(cx, cy, grid.cellW * fraction, grid.rowH);
      g.lineStyle(1, Colors.gridLine, 1).strokeRect(cx, cy, grid.cellW * fraction, grid.rowH);
    }
    g.lineStyle(2, Colors.border, 0.8);
    for (let row = 0; row < grid.rows; row++) {
      for (let core = 0; core * 4 < grid.cols; core++) {
        const cx = grid.x + core * 4 * grid.cellW;
        const cy = grid.y + row * grid.rowH;
        const left = node.cpuMilli - (row * grid.cols + core * 4) * CELL_MILLI;
        if (left > 0) g.strokeRect(cx, cy, grid.cellW * Math.min(4, left / CELL_MILLI), grid.rowH);
      }
    }

    const textW = w - 2 * M.pad - BUTTON_W - 10;
    const titleFont = `bold 22px ${Fonts.sans}`;
    this.indexLabel.setText(index < 9 ? `[${index + 1}]` : "").setPosition(x + w - M.pad - BUTTON_W - 36, y + 14);
    this.title.setText(ellipsize(node.name, titleFont, textW - 40)).setPosition(x + M.pad, y + 10);
    const status = nodeStatusDisplay(node);
    const statusLine = [`${status.icon} ${status.text}`, node.roles ? node.roles : ""].filter(Boolean).join("  ·  ");
    this.status.setText(ellipsize(statusLine, `17px ${Fonts.sans}`, w - 2 * M.pad)).setColor(css(status.color)).setPosition(x + M.pad, y + 44);
    this.taints
      .setText(node.taints ? ellipsize(`⚑ ${node.taints}`, `15px ${Fonts.sans}`, w - 2 * M.pad) : "")
      .setPosition(x + M.pad, y + M.headerH - 2);
    const pods = `${node.podCount} pod${node.podCount === 1 ? "" : "s"}`;
    const footer = `CPU ${formatCpu(node.cpuRequestedMilli)}/${formatCpu(node.cpuMilli)} · Mem ${formatMemory(node.memoryRequestedMi)}/${formatMemory(node.memoryMi)} · ${pods}`;
    this.footer.setText(ellipsize(footer, `15px ${Fonts.sans}`, w - 2 * M.pad)).setPosition(x + M.pad, grid.y + grid.rows * grid.rowH + 8);

    this.action = node.crashed ? "restart" : "crash";
    const buttonColor = node.crashed ? Colors.ok : Colors.danger;
    this.button.setPosition(x + w - M.pad - BUTTON_W, y + 10).setFillStyle(Colors.panel, 1).setStrokeStyle(2, buttonColor, 1);
    this.buttonLabel.setText(node.crashed ? "↻ Restart" : "✖ Crash").setColor(css(buttonColor)).setPosition(x + w - M.pad - BUTTON_W / 2, y + 10 + BUTTON_H / 2);
  }

  destroy(): void {
    for (const o of [this.dropZone, this.graphics, this.title, this.indexLabel, this.status, this.taints, this.footer, this.button, this.buttonLabel]) o.destroy();
  }
}
