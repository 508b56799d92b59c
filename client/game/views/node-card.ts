// A node as a card: name, status with an icon, roles, taints, its CPU capacity
// as a grid of 250m cells, and the node's pods drawn in that grid. All of it
// is one Graphics plus text, redrawn only when the node, its pods, the level
// of detail or the highlight change; the cluster view hides cards off screen.
// Its button crashes or restarts the machine.

import * as Phaser from "phaser";
import type { NodeView, PodView } from "../../../server/rooms/schema/cluster-state.ts";
import { CardMetrics, CELL_MILLI, type CardLayout, type Rect, type Segments } from "../layout.ts";
import { podDisplayState } from "../pod-state.ts";
import { Colors, Fonts, css, labelColorOn } from "../theme.ts";
import { formatCpu, formatMemory } from "../../ui/format.ts";
import { Depth } from "./depths.ts";
import { readable, type Detail } from "./level-of-detail.ts";
import { shortNames } from "./pod-block.ts";
import { ellipsize, firstThatFits } from "./text-fit.ts";

export type CardHighlight = "none" | "selected" | "drop-target" | "found";
export type NodeAction = "crash" | "restart";

const BUTTON_W = 104;
const BUTTON_H = 34;
/** Names in a zoomed-out card are larger, so they still read at a third of the size. */
const COMPACT_TITLE_PX = 44;
const FULL_TITLE_PX = 22;
const INSET = 2;
const LINE_GAP = 4;

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

/** A pod on the card: where it flows in the grid and its workload's colour. */
export interface CardPod {
  readonly key: string;
  readonly pod: PodView;
  readonly segments: Segments;
  readonly color: number;
}

export interface CardData {
  readonly node: NodeView;
  readonly layout: CardLayout;
  readonly highlight: CardHighlight;
  /** Position in keyboard order (number keys pick the first nine). */
  readonly index: number;
  readonly pods: readonly CardPod[];
  /** A pod to outline (the one a search found). */
  readonly foundPod: string | undefined;
  /** Changes whenever anything above does. */
  readonly signature: string;
}

/** The card's text, made the first time a card is seen close up. */
interface CardTexts {
  readonly title: Phaser.GameObjects.Text;
  readonly index: Phaser.GameObjects.Text;
  readonly status: Phaser.GameObjects.Text;
  readonly taints: Phaser.GameObjects.Text;
  readonly footer: Phaser.GameObjects.Text;
}

export class NodeCard {
  readonly name: string;
  private readonly scene: Phaser.Scene;
  private readonly onAction: (node: string, action: NodeAction) => void;
  private readonly graphics: Phaser.GameObjects.Graphics;
  private texts: CardTexts | undefined;
  private button: { rect: Phaser.GameObjects.Rectangle; label: Phaser.GameObjects.Text } | undefined;
  /** False for players who are not the room's host: the button is drawn dimmed (pressing it says why). */
  controlsEnabled = true;
  private podLabels: Phaser.GameObjects.Text[] = [];
  private action: NodeAction = "crash";
  private drawn = "";
  layout: CardLayout | undefined;

  constructor(scene: Phaser.Scene, name: string, onAction: (node: string, action: NodeAction) => void) {
    this.name = name;
    this.scene = scene;
    this.onAction = onAction;
    this.graphics = scene.add.graphics().setDepth(Depth.card);
  }

  /** The crash/restart button, in world pixels (in the card's header, right). */
  buttonRect(): Rect {
    const l = this.layout;
    if (!l) return { x: 0, y: 0, w: BUTTON_W, h: BUTTON_H };
    return { x: l.x + l.w - CardMetrics.pad - BUTTON_W, y: l.y + 10, w: BUTTON_W, h: BUTTON_H };
  }

  /** Shows or hides the whole card (culling). A hidden card is not redrawn until shown. */
  setVisible(visible: boolean): void {
    if (this.graphics.visible === visible) return;
    this.graphics.setVisible(visible);
    if (!visible) {
      this.texts && Object.values(this.texts).forEach((t: Phaser.GameObjects.Text) => t.setVisible(false));
      this.button?.rect.setVisible(false);
      this.button?.label.setVisible(false);
      this.podLabels.forEach((l) => l.setVisible(false));
      this.drawn = "";
    }
  }

  update(data: CardData, detail: Detail, zoom: number): void {
    const showButton = detail === "full" || (detail === "compact" && data.highlight === "selected");
    // Text visibility depends on the zoom itself, not only on the detail level.
    const key = `${data.signature}|${detail}|${showButton}|${this.controlsEnabled}|${readable(COMPACT_TITLE_PX, zoom)}|${readable(FULL_TITLE_PX, zoom)}`;
    if (key === this.drawn) return;
    this.drawn = key;
    this.layout = data.layout;
    const g = this.graphics.clear();
    this.drawFrame(g, data, detail);
    this.drawPods(g, data, detail);
    this.placeTexts(data, detail, zoom, showButton);
    this.placeButton(data, showButton);
    this.placePodLabels(data, detail);
  }

  destroy(): void {
    this.graphics.destroy();
    this.dropTexts();
    this.button?.rect.destroy();
    this.button?.label.destroy();
    this.podLabels.forEach((l) => l.destroy());
  }

  private drawFrame(g: Phaser.GameObjects.Graphics, { node, layout, highlight }: CardData, detail: Detail): void {
    const { x, y, w, h, grid } = layout;
    const borderColor =
      highlight === "selected" ? Colors.focus : highlight === "drop-target" || highlight === "found" ? Colors.accent : node.crashed ? Colors.danger : Colors.border;
    const borderW = highlight === "none" ? 2 : detail === "full" ? 5 : 10;
    g.fillStyle(node.crashed ? Colors.cardCrashed : Colors.card, 1);
    if (detail === "full") g.fillRoundedRect(x, y, w, h, 10).lineStyle(borderW, borderColor, 1).strokeRoundedRect(x, y, w, h, 10);
    else g.fillRect(x, y, w, h).lineStyle(borderW, borderColor, 1).strokeRect(x, y, w, h);

    if (detail !== "full") {
      // The capacity area as one block, and a bar of CPU requested under it.
      g.fillStyle(Colors.gridCell, 1).fillRect(grid.x, grid.y, grid.cols * grid.cellW, grid.rows * grid.rowH);
      const barY = grid.y + grid.rows * grid.rowH + 8;
      const barW = w - 2 * CardMetrics.pad;
      const used = node.cpuMilli > 0 ? Math.min(1, node.cpuRequestedMilli / node.cpuMilli) : 0;
      g.fillStyle(Colors.gridLine, 1).fillRect(grid.x, barY, barW, 20);
      g.fillStyle(used > 0.9 ? Colors.warning : Colors.accent, 1).fillRect(grid.x, barY, barW * used, 20);
      return;
    }
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
  }

  private drawPods(g: Phaser.GameObjects.Graphics, { node, pods, foundPod }: CardData, detail: Detail): void {
    for (const { key, pod, segments, color } of pods) {
      const state = podDisplayState(pod);
      const faded = state.kind === "creating" || state.kind === "terminating" || node.crashed;
      const alpha = state.kind === "terminating" ? 0.35 : faded ? 0.55 : 1;
      const bad = state.kind === "notready" || state.kind === "failed";
      for (const s of segments) {
        if (detail === "overview") {
          // A mark per pod: its colour, and red when it is failing.
          g.fillStyle(bad ? Colors.danger : color, alpha).fillRect(s.x + 1, s.y + s.h * 0.2, Math.max(2, s.w - 2), s.h * 0.6);
          continue;
        }
        const x = s.x + INSET;
        const y = s.y + INSET;
        const w = Math.max(2, s.w - 2 * INSET);
        const h = Math.max(2, s.h - 2 * INSET);
        g.fillStyle(color, alpha).fillRect(x, y, w, h);
        if (bad) g.lineStyle(3, Colors.danger, 1).strokeRect(x, y, w, h);
        if (key === foundPod) g.lineStyle(detail === "full" ? 4 : 8, Colors.focus, 1).strokeRect(x - 2, y - 2, w + 4, h + 4);
      }
    }
  }

  private placeTexts({ node, layout, index }: CardData, detail: Detail, zoom: number, showButton: boolean): void {
    const titlePx = detail === "full" ? FULL_TITLE_PX : COMPACT_TITLE_PX;
    if (detail === "overview" || !readable(titlePx, zoom)) {
      // Far out no text is read: free it (a 1,000-node cluster would hold thousands).
      this.dropTexts();
      return;
    }
    const t = (this.texts ??= this.makeTexts());
    const { x, y, w, grid } = layout;
    const M = CardMetrics;
    const buttonRoom = showButton ? BUTTON_W + 10 : 0;
    const titleFont = `bold ${titlePx}px ${Fonts.sans}`;
    const title = ellipsize(node.name, titleFont, w - 2 * M.pad - buttonRoom - (detail === "full" ? 40 : 0));
    // A name cut to nothing is hidden rather than drawn as "…".
    t.title.setFontSize(titlePx).setText(title).setVisible(title !== "").setPosition(x + M.pad, y + (detail === "full" ? 10 : 12));
    const full = detail === "full";
    t.index.setText(full && index < 9 ? `[${index + 1}]` : "").setVisible(full).setPosition(x + w - M.pad - buttonRoom - 36, y + 14);
    const status = nodeStatusDisplay(node);
    const statusLine = [`${status.icon} ${status.text}`, node.roles ? node.roles : ""].filter(Boolean).join("  ·  ");
    t.status.setText(full ? ellipsize(statusLine, `17px ${Fonts.sans}`, w - 2 * M.pad) : "").setColor(css(status.color)).setVisible(full).setPosition(x + M.pad, y + 44);
    t.taints.setText(full && node.taints ? ellipsize(`⚑ ${node.taints}`, `15px ${Fonts.sans}`, w - 2 * M.pad) : "").setVisible(full).setPosition(x + M.pad, y + M.headerH - 2);
    const pods = `${node.podCount} pod${node.podCount === 1 ? "" : "s"}`;
    const footer = `CPU ${formatCpu(node.cpuRequestedMilli)}/${formatCpu(node.cpuMilli)} · Mem ${formatMemory(node.memoryRequestedMi)}/${formatMemory(node.memoryMi)} · ${pods}`;
    t.footer.setText(full ? ellipsize(footer, `15px ${Fonts.sans}`, w - 2 * M.pad) : "").setVisible(full).setPosition(x + M.pad, grid.y + grid.rows * grid.rowH + 8);
  }

  private placeButton({ node }: CardData, show: boolean): void {
    if (!show) {
      this.button?.rect.setVisible(false).disableInteractive();
      this.button?.label.setVisible(false);
      return;
    }
    if (!this.button) {
      const rect = this.scene.add.rectangle(0, 0, BUTTON_W, BUTTON_H, Colors.panel).setOrigin(0, 0).setDepth(Depth.button);
      rect.setInteractive({ useHandCursor: true }).on("pointerdown", () => this.onAction(this.name, this.action));
      const label = this.text(16, Colors.text, true).setOrigin(0.5, 0.5).setDepth(Depth.button);
      this.button = { rect, label };
    }
    const r = this.buttonRect();
    this.action = node.crashed ? "restart" : "crash";
    const color = node.crashed ? Colors.ok : Colors.danger;
    const alpha = this.controlsEnabled ? 1 : 0.4;
    this.button.rect.setVisible(true).setInteractive().setPosition(r.x, r.y).setStrokeStyle(2, color, 1).setAlpha(alpha);
    this.button.label.setVisible(true).setText(node.crashed ? "↻ Restart" : "✖ Crash").setColor(css(color)).setPosition(r.x + BUTTON_W / 2, r.y + BUTTON_H / 2).setAlpha(alpha);
  }

  /** Labels on pods, close up only: a state line, the name and the request, as many as fit. */
  private placePodLabels({ node, pods }: CardData, detail: Detail): void {
    const wanted = detail === "full" ? pods : [];
    let used = 0;
    for (const { pod, segments, color } of wanted) {
      const widest = segments.reduce((a, b) => (b.w > a.w ? b : a));
      const size = widest.h >= 66 ? 17 : widest.h >= 44 ? 15 : 13;
      const lines = labelLines(pod, widest, size);
      if (lines.length === 0) continue;
      const state = podDisplayState(pod);
      const faded = state.kind === "creating" || state.kind === "terminating" || node.crashed;
      const label = (this.podLabels[used++] ??= this.text(size, Colors.text).setDepth(Depth.pod));
      const top = Math.max(3, (widest.h - 2 * INSET - lines.length * (size + LINE_GAP)) / 2);
      label
        .setVisible(true)
        .setText(lines)
        .setFontSize(size)
        .setLineSpacing(LINE_GAP - 2)
        .setColor(css(faded ? Colors.text : labelColorOn(color)))
        .setPosition(widest.x + INSET + 6, widest.y + INSET + top);
    }
    while (this.podLabels.length > used) this.podLabels.pop()!.destroy();
  }

  private makeTexts(): CardTexts {
    return {
      title: this.text(FULL_TITLE_PX, Colors.text, true),
      index: this.text(15, Colors.textDim),
      status: this.text(17, Colors.ok),
      taints: this.text(15, Colors.warning),
      footer: this.text(15, Colors.textDim),
    };
  }

  private dropTexts(): void {
    if (!this.texts) return;
    Object.values(this.texts).forEach((t: Phaser.GameObjects.Text) => t.destroy());
    this.texts = undefined;
  }

  private text(size: number, color: number, bold = false): Phaser.GameObjects.Text {
    return this.scene.add
      .text(0, 0, "", { fontFamily: Fonts.sans, fontSize: `${size}px`, fontStyle: bold ? "bold" : "normal", color: css(color) })
      .setDepth(Depth.cardText);
  }
}

function labelLines(pod: PodView, box: Rect, size: number): string[] {
  const font = `${size}px ${Fonts.sans}`;
  const maxW = box.w - 2 * INSET - 10;
  if (maxW < 12) return [];
  const maxLines = Math.floor((box.h - 2 * INSET - 4) / (size + LINE_GAP));
  const state = podDisplayState(pod);
  const stateLine = firstThatFits([`${state.icon} ${state.label}`, `${state.icon} ${state.short}`, state.icon], font, maxW);
  const name = firstThatFits(shortNames(pod), font, maxW);
  const request = firstThatFits([`${formatCpu(pod.cpuMilli)} · ${formatMemory(pod.memoryMi)}`, formatCpu(pod.cpuMilli)], font, maxW);
  return [stateLine, name, request].filter((line) => line !== "").slice(0, Math.max(0, maxLines));
}
