// One pod as a block: its CPU request is its length, its workload its colour,
// and an icon plus a word say its state. In the pending queue it is draggable.

import * as Phaser from "phaser";
import type { PodView } from "../../../server/rooms/schema/cluster-state.ts";
import type { Rect } from "../layout.ts";
import { podDisplayState } from "../pod-state.ts";
import { Colors, Fonts, css, labelColorOn } from "../theme.ts";
import { formatCpu, formatMemory } from "../../ui/format.ts";
import { Depth } from "./depths.ts";
import { firstThatFits } from "./text-fit.ts";

export type PodBlockPlace = "queue" | "node";

export interface PodBlockOptions {
  readonly place: PodBlockPlace;
  readonly selected: boolean;
  /** A bind request for this pod is in flight. */
  readonly binding: boolean;
  /** The workload's colour (theme.assignWorkloadColors). */
  readonly color: number;
  /** Its node's machine is down: whatever the API still says, nothing runs. */
  readonly nodeDown: boolean;
}

const INSET = 2;
const RADIUS = 6;
const LINE_GAP = 4;

/** Larger type in tall blocks (a projector), smaller in narrow ones so words still fit. */
function fontSizeFor(box: Rect): number {
  const bySize = box.h >= 66 ? 17 : box.h >= 44 ? 15 : 13;
  return box.w < 110 ? 13 : bySize;
}

export class PodBlock {
  readonly key: string;
  readonly container: Phaser.GameObjects.Container;
  private readonly graphics: Phaser.GameObjects.Graphics;
  private readonly label: Phaser.GameObjects.Text;
  private readonly continuations: Phaser.GameObjects.Text[] = [];
  private signature = "";
  private hitW = 0;
  private hitH = 0;
  /** Where the block rests, to return to after a drag that bound nothing. */
  home = { x: 0, y: 0 };
  /** Width of its first segment (the whole block in the queue). */
  width = 0;

  constructor(scene: Phaser.Scene, key: string) {
    this.key = key;
    this.graphics = scene.add.graphics();
    this.label = scene.add.text(0, 0, "", { fontFamily: Fonts.sans, fontSize: "15px" });
    this.container = scene.add.container(0, 0, [this.graphics, this.label]).setDepth(Depth.pod);
    this.container.setData("podKey", key);
  }

  update(pod: PodView, segments: readonly Rect[], options: PodBlockOptions): void {
    const first = segments[0];
    if (!first) return;
    const signature = JSON.stringify([pod.name, pod.workload, pod.node, pod.phase, pod.status, pod.ready, pod.cpuMilli, pod.memoryMi, segments, options]);
    if (signature === this.signature) return;
    this.signature = signature;
    this.home = { x: first.x, y: first.y };
    this.width = first.w;
    this.container.setPosition(first.x, first.y);
    this.container.setDepth(options.place === "queue" ? Depth.queuePod : Depth.pod);
    this.draw(pod, segments, options);
    if (options.place === "queue") this.enableDrag(first.w, first.h);
    else this.disableDrag();
  }

  /** The block is being dragged: draw it above everything. */
  lift(): void {
    this.container.setDepth(Depth.dragging).setAlpha(0.9);
  }

  returnHome(): void {
    this.container.setPosition(this.home.x, this.home.y).setAlpha(1).setDepth(Depth.queuePod);
  }

  destroy(): void {
    this.container.destroy();
  }

  private draw(pod: PodView, segments: readonly Rect[], options: PodBlockOptions): void {
    const state = podDisplayState(pod);
    const color = options.color;
    const faded = state.kind === "creating" || state.kind === "terminating" || options.binding || options.nodeDown;
    const alpha = state.kind === "terminating" ? 0.35 : faded ? 0.55 : 1;
    const origin = segments[0]!;
    const g = this.graphics.clear();

    const border = options.selected
      ? { width: 4, color: Colors.focus }
      : state.kind === "notready" || state.kind === "failed"
        ? { width: 3, color: Colors.danger }
        : options.place === "queue"
          ? { width: 2, color: Colors.text }
          : { width: 1, color: Colors.background };
    for (const s of segments) {
      const x = s.x - origin.x + INSET;
      const y = s.y - origin.y + INSET;
      const w = Math.max(2, s.w - 2 * INSET);
      const h = Math.max(2, s.h - 2 * INSET);
      g.fillStyle(color, alpha).fillRoundedRect(x, y, w, h, RADIUS);
      g.lineStyle(border.width, border.color, 1).strokeRoundedRect(x, y, w, h, RADIUS);
    }

    // The label goes on the widest segment; the others of a pod that wraps
    // across grid rows carry its name, so they do not read as another pod.
    const widest = segments.reduce((a, b) => (b.w > a.w ? b : a));
    const textColor = alpha < 1 ? Colors.text : labelColorOn(color);
    const place = (label: Phaser.GameObjects.Text, box: Rect, lines: string[], size: number) => {
      const lineH = size + LINE_GAP;
      const top = Math.max(3, (box.h - 2 * INSET - lines.length * lineH) / 2);
      label.setText(lines).setColor(css(textColor)).setFontSize(size).setLineSpacing(LINE_GAP - 2)
        .setPosition(box.x - origin.x + INSET + 6, box.y - origin.y + INSET + top);
    };
    const size = fontSizeFor(widest);
    place(this.label, widest, this.labelLines(pod, state, options, widest, size), size);

    const others = segments.filter((s) => s !== widest);
    while (this.continuations.length > others.length) this.continuations.pop()!.destroy();
    others.forEach((box, i) => {
      let label = this.continuations[i];
      if (!label) {
        label = this.container.scene.add.text(0, 0, "", { fontFamily: Fonts.sans });
        this.container.add(label);
        this.continuations.push(label);
      }
      const small = fontSizeFor(box);
      const text = firstThatFits([`↳ ${pod.name}`, pod.name, ...shortNames(pod).slice(1), ""], `${small}px ${Fonts.sans}`, box.w - 2 * INSET - 10);
      place(label, box, text ? [text] : [], small);
    });
  }

  private labelLines(pod: PodView, state: ReturnType<typeof podDisplayState>, options: PodBlockOptions, box: Rect, size: number): string[] {
    const font = `${size}px ${Fonts.sans}`;
    const maxW = box.w - 2 * INSET - 10;
    if (maxW < 12) return [];
    const maxLines = Math.max(1, Math.floor((box.h - 2 * INSET - 4) / (size + LINE_GAP)));
    const names = shortNames(pod);
    const name = firstThatFits(names, font, maxW);
    const request = firstThatFits([`${formatCpu(pod.cpuMilli)} · ${formatMemory(pod.memoryMi)}`, formatCpu(pod.cpuMilli)], font, maxW);
    if (options.place === "queue") {
      const head = firstThatFits([`${state.icon} ${names[0]}`, ...names], font, maxW);
      return [head, options.binding ? "⇢ Binding…" : request].slice(0, maxLines);
    }
    const stateLine = firstThatFits([`${state.icon} ${state.label}`, `${state.icon} ${state.short}`, state.icon], font, maxW);
    return [stateLine, name, request].slice(0, maxLines);
  }

  private enableDrag(w: number, h: number): void {
    if (this.container.input && this.hitW === w && this.hitH === h) {
      this.container.input.draggable = true;
      return;
    }
    this.hitW = w;
    this.hitH = h;
    // No setSize: a sized Container centres its hit area on its position, and
    // this block draws from its top-left corner.
    this.container.removeInteractive();
    this.container.setInteractive({
      hitArea: new Phaser.Geom.Rectangle(0, 0, w, h),
      hitAreaCallback: Phaser.Geom.Rectangle.Contains,
      draggable: true,
      useHandCursor: true,
    });
  }

  private disableDrag(): void {
    if (this.container.input) {
      this.container.removeInteractive();
      this.hitW = this.hitH = 0;
    }
  }
}

/**
 * Ways to name a pod in a small block, longest first: the whole name, or just
 * its random suffix (the workload is in the colour legend). No middle form:
 * it would fit some blocks and not their neighbours, and read as a difference.
 */
export function shortNames(pod: Pick<PodView, "name" | "workload">): string[] {
  const last = pod.name.slice(pod.name.lastIndexOf("-") + 1);
  if (pod.workload && pod.name.startsWith(`${pod.workload}-`) && last !== pod.name) return [pod.name, `…${last}`];
  return [pod.name];
}
