// Everything the cluster screen draws from the synced state: zone headings,
// node cards with their pods, and the pending queue. One render() per state
// change; each view redraws only when what it shows has changed.

import type * as Phaser from "phaser";
import type { NodeView, PodView } from "../../../server/rooms/schema/cluster-state.ts";
import { podKey } from "../../net/cluster-store.ts";
import { flowPods, layoutCluster, layoutQueue, type ClusterLayout, type Rect } from "../layout.ts";
import type { Selection } from "../selection.ts";
import type { ClusterInspection, PageRect } from "../services.ts";
import { Colors } from "../theme.ts";
import { NodeCard, type CardHighlight, type NodeAction } from "./node-card.ts";
import { PendingQueue } from "./pending-queue.ts";
import { PodBlock } from "./pod-block.ts";
import { ZoneColumn } from "./zone-column.ts";

const QUEUE_BLOCK_H = 60;

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

export class ClusterView {
  private readonly scene: Phaser.Scene;
  private readonly area: Rect;
  private readonly queue: PendingQueue;
  private readonly onNodeAction: (node: string, action: NodeAction) => void;
  private readonly zones = new Map<string, ZoneColumn>();
  private readonly cards = new Map<string, NodeCard>();
  private readonly blocks = new Map<string, PodBlock>();
  private layout: ClusterLayout | undefined;

  constructor(scene: Phaser.Scene, areas: { queue: Rect; cluster: Rect }, onNodeAction: (node: string, action: NodeAction) => void) {
    this.scene = scene;
    this.area = areas.cluster;
    this.queue = new PendingQueue(scene, areas.queue);
    this.queue.update(0, 0);
    this.onNodeAction = onNodeAction;
  }

  render(frame: ClusterFrame): ClusterOrder {
    const layout = layoutCluster(frame.nodes.map((n) => ({ name: n.name, zone: n.zone, cpuMilli: n.cpuMilli, hasTaints: n.taints !== "" })), this.area);
    this.layout = layout;
    const cardsInOrder = layout.zones.flatMap((z) => z.cards);
    const nodeOrder = cardsInOrder.map((c) => c.name);
    const nodesByName = new Map(frame.nodes.map((n) => [n.name, n]));
    const colorOf = (pod: PodView) => frame.colors.get(pod.workload || pod.name) ?? Colors.textDim;

    reconcile(this.zones, layout.zones.map((z) => z.zone), () => new ZoneColumn(this.scene));
    for (const zone of layout.zones) this.zones.get(zone.zone)!.update(zone, zone.cards.length);

    reconcile(this.cards, nodeOrder, (name) => new NodeCard(this.scene, name, this.onNodeAction));
    const podsByNode = new Map<string, PodView[]>();
    for (const pod of frame.pods) podsByNode.set(pod.node, [...(podsByNode.get(pod.node) ?? []), pod]);
    const shown = new Set<string>();
    cardsInOrder.forEach((card, index) => {
      const highlight: CardHighlight = frame.dropHover === card.name ? "drop-target" : frame.selection.node === card.name ? "selected" : "none";
      const node = nodesByName.get(card.name)!;
      this.cards.get(card.name)!.update(node, card, highlight, index);
      const onNode = podsByNode.get(card.name) ?? [];
      const segments = flowPods(card.grid, onNode.map((p) => ({ key: podKey(p), cpuMilli: p.cpuMilli })));
      for (const pod of onNode) {
        const key = podKey(pod);
        shown.add(key);
        this.blockFor(key).update(pod, segments.get(key)!, { place: "node", selected: false, binding: false, color: colorOf(pod), nodeDown: node.crashed });
      }
    });

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
    // Pods on a node that has no card (it was deleted) are not drawn.
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

  /** Where pods and nodes are on the page, for tests driving a real mouse. */
  inspect(toPage: (rect: Rect) => PageRect, nodes: readonly NodeView[], pods: readonly PodView[], selection: Selection, settled: boolean, toast: string | undefined): ClusterInspection {
    const nodesByName = new Map(nodes.map((n) => [n.name, n]));
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
            button: toPage(this.cards.get(card.name)!.buttonRect()),
            ...toPage(card),
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
