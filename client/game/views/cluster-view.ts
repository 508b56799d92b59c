// Everything the cluster screen draws from the synced state: the cluster as a
// world under a movable camera (zone headings, node cards with their pods) and,
// fixed on the screen, the pending queue. One render() per state change; each
// card redraws only when what it shows has changed, and cards off screen are
// hidden and not redrawn until they come back into view.

import type * as Phaser from "phaser";
import type { NodeView, PodView } from "../../../server/rooms/schema/cluster-state.ts";
import { podKey } from "../../net/cluster-store.ts";
import { flowPods, layoutQueue, layoutWorld, type CardLayout, type Rect, type WorldLayout } from "../layout.ts";
import type { Selection } from "../selection.ts";
import type { ClusterInspection, PageRect } from "../services.ts";
import { Colors } from "../theme.ts";
import { intersects, visibleWorld } from "./camera-math.ts";
import { CameraControls } from "./camera-controls.ts";
import { FULL_ZOOM, detailFor } from "./level-of-detail.ts";
import { NodeCard, type CardData, type CardHighlight, type CardPod, type NodeAction } from "./node-card.ts";
import { PendingQueue } from "./pending-queue.ts";
import { PodBlock } from "./pod-block.ts";
import { ZoneColumn } from "./zone-column.ts";

const QUEUE_BLOCK_H = 60;
/** Cards this close to the edge of the view are drawn already, so a pan shows no gaps. */
const CULL_MARGIN = 200;

export interface ClusterFrame {
  readonly nodes: readonly NodeView[];
  /** In creation order: the order pods fill grids and the queue. */
  readonly pods: readonly PodView[];
  readonly colors: ReadonlyMap<string, number>;
  readonly selection: Selection;
  /** Pods with a bind request in flight. */
  readonly binding: ReadonlySet<string>;
  /** The pod under the mouse, which render() leaves where the pointer has it. */
  readonly dragging: string | undefined;
  /** The node card a dragged pod is over. */
  readonly dropHover: string | undefined;
}

export interface ClusterOrder {
  /** Node names in keyboard order: zone columns left to right, then down. */
  readonly nodes: readonly string[];
  /** Pending pod keys in queue order. */
  readonly pending: readonly string[];
}

/** What a search found: a pod, and the node it is on ("" while pending). */
export interface Found {
  readonly key: string;
  readonly node: string;
}

export class ClusterView {
  readonly camera: CameraControls;
  private readonly scene: Phaser.Scene;
  private readonly queue: PendingQueue;
  private readonly onNodeAction: (node: string, action: NodeAction) => void;
  private readonly zones = new Map<string, ZoneColumn>();
  private readonly cards = new Map<string, NodeCard>();
  private readonly cardData = new Map<string, CardData>();
  private readonly blocks = new Map<string, PodBlock>();
  private layout: WorldLayout | undefined;
  private layoutKey = "";
  private zoneCounts = new Map<string, number>();
  private found: Found | undefined;
  /** Told the nodes on screen after each pan, zoom or layout change (per-client views). */
  private onVisibleNodes: ((nodes: string[]) => void) | undefined;
  private hostControls = true;

  constructor(scene: Phaser.Scene, areas: { queue: Rect; cluster: Rect }, onNodeAction: (node: string, action: NodeAction) => void, onTapNode: (node: string) => void) {
    this.scene = scene;
    // First, so everything made from here on is assigned to a camera.
    this.camera = new CameraControls(scene, areas.cluster, {
      onChange: () => this.drawWorld(),
      onTap: (x, y) => {
        const card = this.cardAtWorld(x, y);
        if (card) onTapNode(card.name);
      },
    });
    this.queue = new PendingQueue(scene, areas.queue);
    this.queue.update(0, 0);
    this.onNodeAction = onNodeAction;
  }

  render(frame: ClusterFrame): ClusterOrder {
    const layout = this.layoutFor(frame.nodes);
    const cardsInOrder = layout.zones.flatMap((z) => z.cards);
    const nodeOrder = cardsInOrder.map((c) => c.name);
    const nodesByName = new Map(frame.nodes.map((n) => [n.name, n]));
    const colorOf = (pod: PodView) => frame.colors.get(pod.workload || pod.name) ?? Colors.textDim;

    this.camera.inWorld(() => {
      reconcile(this.zones, layout.zones.map((z) => z.zone), () => new ZoneColumn(this.scene));
      reconcile(this.cards, nodeOrder, (name) => Object.assign(new NodeCard(this.scene, name, this.onNodeAction), { controlsEnabled: this.hostControls }));
    });
    this.zoneCounts = new Map(layout.zones.map((z) => [z.zone, z.cards.length]));
    const podsByNode = new Map<string, PodView[]>();
    for (const pod of frame.pods) {
      const list = podsByNode.get(pod.node);
      if (list) list.push(pod);
      else podsByNode.set(pod.node, [pod]);
    }
    this.cardData.clear();
    cardsInOrder.forEach((card, index) => {
      const highlight: CardHighlight =
        frame.dropHover === card.name ? "drop-target" : frame.selection.node === card.name ? "selected" : this.found?.node === card.name ? "found" : "none";
      const node = nodesByName.get(card.name)!;
      const onNode = podsByNode.get(card.name) ?? [];
      const segments = flowPods(card.grid, onNode.map((p) => ({ key: podKey(p), cpuMilli: p.cpuMilli })));
      const pods: CardPod[] = onNode.map((pod) => ({ key: podKey(pod), pod, segments: segments.get(podKey(pod))!, color: colorOf(pod) }));
      const foundPod = this.found?.node === card.name ? this.found.key : undefined;
      this.cardData.set(card.name, { node, layout: card, highlight, index, pods, foundPod, signature: signatureOf(node, card, highlight, index, pods, foundPod) });
    });
    this.drawWorld();

    const shown = new Set<string>();
    const pending = podsByNode.get("") ?? [];
    const queued = layoutQueue(this.queue.blockArea, pending.map((p) => ({ key: podKey(p), cpuMilli: p.cpuMilli })), layout.cellW, QUEUE_BLOCK_H);
    for (const pod of pending) {
      const key = podKey(pod);
      const rect = queued.blocks.get(key);
      if (!rect) continue;
      shown.add(key);
      if (key === frame.dragging) continue;
      this.blockFor(key).update(pod, [rect], { place: "queue", selected: frame.selection.pod === key, binding: frame.binding.has(key), color: colorOf(pod), nodeDown: false });
    }
    // Bound pods are drawn by their node's card; a queue block goes once its pod is bound.
    for (const [key, block] of this.blocks) {
      if (!shown.has(key) && key !== frame.dragging) {
        block.destroy();
        this.blocks.delete(key);
      }
    }
    this.queue.update(pending.length, queued.hidden);
    return { nodes: nodeOrder, pending: pending.map(podKey).filter((key) => queued.blocks.has(key)) };
  }

  block(key: string): PodBlock | undefined {
    return this.blocks.get(key);
  }

  setSelectionHint(text: string): void {
    this.queue.setSelection(text);
  }

  /** The node whose card is under a screen point (a drop target), if any. */
  nodeAt(x: number, y: number): string | undefined {
    const at = this.camera.worldAt(x, y);
    return at && this.cardAtWorld(at.x, at.y)?.name;
  }

  /** Scrolls a node's card into view (the keyboard chose it). */
  reveal(node: string): void {
    const card = this.cardLayout(node);
    if (card) this.camera.reveal(card);
  }

  /** Marks what a search found and flies the camera to its node, close enough to read. */
  showFound(found: Found | undefined): void {
    this.found = found;
    const card = found && this.cardLayout(found.node);
    if (card) this.camera.lookAt(card, FULL_ZOOM);
  }

  /** Where pods and nodes are on the page, for tests driving a real mouse. */
  inspect(toPage: (rect: Rect) => PageRect, nodes: readonly NodeView[], pods: readonly PodView[], selection: Selection, settled: boolean, toast: string | undefined): ClusterInspection {
    const nodesByName = new Map(nodes.map((n) => [n.name, n]));
    const onScreen = (r: Rect) => toPage(this.camera.toScreen(r));
    return {
      pending: pods
        .filter((p) => p.node === "" && this.blocks.has(podKey(p)))
        .map((p) => {
          const block = this.blocks.get(podKey(p))!;
          return { key: podKey(p), cpuMilli: p.cpuMilli, memoryMi: p.memoryMi, ...toPage({ ...block.home, w: block.width, h: QUEUE_BLOCK_H }) };
        }),
      nodes: (this.layout?.zones.flatMap((z) => z.cards) ?? [])
        .filter((card) => nodesByName.has(card.name))
        .map((card) => {
          const n = nodesByName.get(card.name)!;
          return {
            name: n.name,
            zone: n.zone,
            status: n.status,
            crashed: n.crashed,
            taints: n.taints,
            cpuFreeMilli: n.cpuMilli - n.cpuRequestedMilli,
            memoryFreeMi: n.memoryMi - n.memoryRequestedMi,
            button: onScreen(this.cards.get(card.name)!.buttonRect()),
            ...onScreen(card),
          };
        }),
      bound: pods.filter((p) => p.node !== "").map((p) => ({ key: podKey(p), node: p.node, status: p.status, ready: p.ready })),
      selection: { ...selection },
      toast,
      settled,
    };
  }

  destroy(): void {
    for (const views of [this.cards, this.blocks, this.zones]) {
      views.forEach((view) => view.destroy());
      views.clear();
    }
    this.camera.destroy();
  }

  /** Dims the node buttons for a player who is not the host (the server refuses their presses). */
  setHostControls(enabled: boolean): void {
    if (enabled === this.hostControls) return;
    this.hostControls = enabled;
    for (const card of this.cards.values()) card.controlsEnabled = enabled;
    this.drawWorld();
  }

  /** Reports the nodes on screen from now on: the server sends their pods in detail. */
  reportVisibleNodes(listener: (nodes: string[]) => void): void {
    this.onVisibleNodes = listener;
    this.drawWorld();
  }

  /** Shows the cards in (or near) the view at the camera's level of detail; hides the rest. */
  private drawWorld(): void {
    if (!this.layout) return;
    const { zoom } = this.camera.view;
    const detail = detailFor(zoom);
    const seen = visibleWorld(this.camera.view, this.camera.viewport);
    const near = { x: seen.x - CULL_MARGIN, y: seen.y - CULL_MARGIN, w: seen.w + 2 * CULL_MARGIN, h: seen.h + 2 * CULL_MARGIN };
    const shown: string[] = [];
    this.camera.inWorld(() => {
      for (const zone of this.layout!.zones) this.zones.get(zone.zone)?.update(zone, this.zoneCounts.get(zone.zone) ?? 0, detail, zoom);
      for (const [name, card] of this.cards) {
        const data = this.cardData.get(name);
        const visible = data !== undefined && intersects(data.layout, near);
        card.setVisible(visible);
        if (visible) {
          card.update(data, detail, zoom);
          shown.push(name);
        }
      }
    });
    this.onVisibleNodes?.(shown);
  }

  private layoutFor(nodes: readonly NodeView[]): WorldLayout {
    const key = nodes.map((n) => `${n.name}\u0000${n.zone}\u0000${n.cpuMilli}\u0000${n.taints !== ""}`).sort().join("\u0001");
    if (!this.layout || key !== this.layoutKey) {
      this.layoutKey = key;
      this.layout = layoutWorld(nodes.map((n) => ({ name: n.name, zone: n.zone, cpuMilli: n.cpuMilli, hasTaints: n.taints !== "" })), this.camera.viewport);
      this.camera.setWorld(this.layout.world);
    }
    return this.layout;
  }

  private cardLayout(node: string): CardLayout | undefined {
    return this.layout?.zones.flatMap((z) => z.cards).find((c) => c.name === node);
  }

  private cardAtWorld(x: number, y: number): CardLayout | undefined {
    for (const zone of this.layout?.zones ?? []) {
      if (x < zone.x || x >= zone.x + zone.w) continue;
      return zone.cards.find((c) => x >= c.x && x < c.x + c.w && y >= c.y && y < c.y + c.h);
    }
    return undefined;
  }

  private blockFor(key: string): PodBlock {
    let block = this.blocks.get(key);
    if (!block) {
      block = new PodBlock(this.scene, key);
      this.blocks.set(key, block);
    }
    return block;
  }
}

/** Everything a card draws from, as one string: a card redraws only when it changes. */
function signatureOf(node: NodeView, card: CardLayout, highlight: CardHighlight, index: number, pods: readonly CardPod[], foundPod: string | undefined): string {
  let s = `${node.status}|${node.crashed}|${node.taints}|${node.roles}|${node.cpuMilli}|${node.memoryMi}|${node.cpuRequestedMilli}|${node.memoryRequestedMi}|${node.podCount}`;
  s += `|${card.x},${card.y},${card.w},${card.h},${card.grid.rowH},${card.grid.cellW}|${highlight}|${index}|${foundPod ?? ""}`;
  for (const { key, pod, color } of pods) s += `|${key},${pod.workload},${pod.phase},${pod.status},${pod.ready},${pod.cpuMilli},${pod.memoryMi},${color}`;
  return s;
}

/** Keeps one view per key: creates missing ones, destroys ones no longer listed. */
function reconcile<V extends { destroy(): void }>(views: Map<string, V>, keys: readonly string[], create: (key: string) => V): void {
  const wanted = new Set(keys);
  for (const [key, view] of views) {
    if (!wanted.has(key)) {
      view.destroy();
      views.delete(key);
    }
  }
  for (const key of keys) if (!views.has(key)) views.set(key, create(key));
}
