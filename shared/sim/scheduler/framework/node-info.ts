// NodeInfo: one node as the scheduler sees it, with the pods the cache places on
// it (bound, or assumed while their binding is in flight) and running sums of
// what they request. Sums change incrementally as pods come and go, so Filter and
// Score read a few numbers instead of walking pods.

import type { Node, Pod } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";
import { addResourceList, calculatePodResource, newResource, type PodResource, type Resource } from "./resource.ts";

/** A pod in the cache, with its requests computed once. */
export interface PodInfo {
  readonly pod: DeepReadonly<Pod>;
  readonly resource: PodResource;
}

export function newPodInfo(pod: DeepReadonly<Pod>): PodInfo {
  return { pod, resource: calculatePodResource(pod) };
}

export class NodeInfo {
  readonly name: string;
  /** undefined once the node is deleted while pods still reference it (they stay counted until they go). */
  node: DeepReadonly<Node> | undefined;
  /** Pods on this node by uid. */
  readonly pods = new Map<string, PodInfo>();
  /** Σ real requests of the pods: Filter compares these with allocatable. */
  readonly requested: Resource = newResource();
  /** Σ non-zero CPU/memory requests: LeastAllocated scores with these. */
  readonly nonZeroRequested = { milliCPU: 0, memory: 0 };
  allocatable: Resource = newResource();

  constructor(name: string, node?: DeepReadonly<Node>) {
    this.name = name;
    if (node) this.setNode(node);
  }

  setNode(node: DeepReadonly<Node>): void {
    if (this.node?.status?.allocatable !== node.status?.allocatable) {
      const alloc = newResource();
      addResourceList(alloc, node.status?.allocatable);
      this.allocatable = alloc;
    }
    this.node = node;
  }

  removeNode(): void {
    this.node = undefined;
  }

  addPod(info: PodInfo): void {
    const uid = info.pod.metadata.uid!;
    if (this.pods.has(uid)) throw new Error(`pod ${uid} is already on node ${this.name}`);
    this.pods.set(uid, info);
    this.#update(info.resource, 1);
  }

  /** Replaces a pod's object without recounting: a pod's requests never change once created. */
  replacePod(info: PodInfo): void {
    this.pods.set(info.pod.metadata.uid!, info);
  }

  removePod(uid: string): PodInfo | undefined {
    const info = this.pods.get(uid);
    if (!info) return undefined;
    this.pods.delete(uid);
    this.#update(info.resource, -1);
    return info;
  }

  #update(res: PodResource, sign: 1 | -1): void {
    const r = this.requested;
    r.milliCPU += sign * res.requests.milliCPU;
    r.memory += sign * res.requests.memory;
    r.ephemeralStorage += sign * res.requests.ephemeralStorage;
    if (res.requests.scalarResources) {
      const map = (r.scalarResources ??= new Map());
      for (const [name, v] of res.requests.scalarResources) map.set(name, (map.get(name) ?? 0) + sign * v);
    }
    this.nonZeroRequested.milliCPU += sign * res.nonZeroMilliCPU;
    this.nonZeroRequested.memory += sign * res.nonZeroMemory;
  }
}
