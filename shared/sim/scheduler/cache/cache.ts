// The scheduler cache (backend/cache): every node, and on it every pod the
// scheduler knows to be there, bound or assumed. Assuming adds a pod the moment
// the scheduler decides, before the binding's watch event comes back, so the next
// cycle already sees the room it takes; the event then confirms it. Pods that are
// Succeeded or Failed hold nothing (upstream's informer excludes them), while
// terminating pods still do.
//
// Cycles run between watch deliveries and never overlap, so the live cache is the
// snapshot: only the node order is rebuilt, and only when nodes come or go.

import type { Node, Pod } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";
import type { NodeInfoLister } from "../framework/interface.ts";
import { NodeInfo, newPodInfo, type PodInfo } from "../framework/node-info.ts";
import { NodeTree } from "./node-tree.ts";

interface PodState {
  readonly nodeName: string;
  assumed: boolean;
}

export class Cache implements NodeInfoLister {
  readonly #nodes = new Map<string, NodeInfo>();
  readonly #tree = new NodeTree();
  /** Pods by uid. */
  readonly #podStates = new Map<string, PodState>();
  #list: NodeInfo[] | undefined;

  // --- nodes ---

  addNode(node: DeepReadonly<Node>): NodeInfo {
    const name = node.metadata.name!;
    let info = this.#nodes.get(name);
    if (info === undefined) {
      info = new NodeInfo(name, node);
      this.#nodes.set(name, info);
    } else {
      // Pods may have arrived before their node did.
      info.setNode(node);
    }
    this.#tree.addNode(node);
    this.#list = undefined;
    return info;
  }

  updateNode(oldNode: DeepReadonly<Node>, newNode: DeepReadonly<Node>): void {
    const info = this.#nodes.get(newNode.metadata.name!);
    if (info === undefined || info.node === undefined) {
      this.addNode(newNode);
      return;
    }
    info.setNode(newNode);
    if (this.#tree.updateNode(oldNode, newNode)) this.#list = undefined;
  }

  removeNode(node: DeepReadonly<Node>): void {
    const name = node.metadata.name!;
    const info = this.#nodes.get(name);
    if (info === undefined) return;
    // Pods still on the node keep their NodeInfo until they are deleted too.
    if (info.pods.size === 0) this.#nodes.delete(name);
    else info.removeNode();
    this.#tree.removeNode(node);
    this.#list = undefined;
  }

  // --- snapshot ---

  /** Nodes that exist, in node-tree order. */
  list(): readonly NodeInfo[] {
    if (this.#list === undefined) {
      const list: NodeInfo[] = [];
      for (const name of this.#tree.list()) {
        const info = this.#nodes.get(name);
        if (info?.node !== undefined) list.push(info);
      }
      this.#list = list;
    }
    return this.#list;
  }

  get(nodeName: string): NodeInfo | undefined {
    const info = this.#nodes.get(nodeName);
    return info?.node === undefined ? undefined : info;
  }

  // --- pods ---

  isAssumedPod(uid: string): boolean {
    return this.#podStates.get(uid)?.assumed === true;
  }

  /** The scheduler chose `nodeName` for the pod: count it there until the binding is confirmed or fails. */
  assumePod(info: PodInfo, nodeName: string): void {
    const uid = info.pod.metadata.uid!;
    if (this.#podStates.has(uid)) throw new Error(`pod ${uid} is in the cache, so can't be assumed`);
    this.#nodeFor(nodeName).addPod(info);
    this.#podStates.set(uid, { nodeName, assumed: true });
  }

  /** The binding failed: give the room back. */
  forgetPod(uid: string): void {
    const state = this.#podStates.get(uid);
    if (state === undefined || !state.assumed) return;
    this.#removeFromNode(uid, state.nodeName);
    this.#podStates.delete(uid);
  }

  /** A bound, non-terminal pod appeared in the informer: confirm it if assumed, otherwise count it. */
  addPod(pod: DeepReadonly<Pod>): void {
    const uid = pod.metadata.uid!;
    const nodeName = pod.spec.nodeName!;
    const state = this.#podStates.get(uid);
    if (state === undefined) {
      this.#nodeFor(nodeName).addPod(newPodInfo(pod));
      this.#podStates.set(uid, { nodeName, assumed: false });
      return;
    }
    if (state.nodeName !== nodeName) {
      // Bound elsewhere than assumed (someone else bound it first): move it.
      const info = this.#removeFromNode(uid, state.nodeName)!;
      this.#nodeFor(nodeName).addPod({ pod, resource: info.resource });
      this.#podStates.set(uid, { nodeName, assumed: false });
      return;
    }
    state.assumed = false;
    const node = this.#nodes.get(nodeName)!;
    node.replacePod({ pod, resource: node.pods.get(uid)!.resource });
  }

  updatePod(pod: DeepReadonly<Pod>): void {
    const uid = pod.metadata.uid!;
    const state = this.#podStates.get(uid);
    if (state === undefined) {
      this.addPod(pod);
      return;
    }
    const node = this.#nodes.get(state.nodeName)!;
    // Requests are immutable, so only the object changes.
    node.replacePod({ pod, resource: node.pods.get(uid)!.resource });
  }

  removePod(pod: DeepReadonly<Pod>): void {
    const uid = pod.metadata.uid!;
    const state = this.#podStates.get(uid);
    if (state === undefined) return;
    this.#removeFromNode(uid, state.nodeName);
    this.#podStates.delete(uid);
  }

  #nodeFor(nodeName: string): NodeInfo {
    let info = this.#nodes.get(nodeName);
    if (info === undefined) {
      // A pod bound to a node the cache has not seen yet: the node's add comes later.
      info = new NodeInfo(nodeName);
      this.#nodes.set(nodeName, info);
    }
    return info;
  }

  #removeFromNode(uid: string, nodeName: string): PodInfo | undefined {
    const info = this.#nodes.get(nodeName);
    if (info === undefined) return undefined;
    const removed = info.removePod(uid);
    if (info.node === undefined && info.pods.size === 0) this.#nodes.delete(nodeName);
    return removed;
  }
}
