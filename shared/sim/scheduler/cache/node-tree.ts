// The node tree (backend/cache/node_tree.go): node names grouped by zone, listed
// round-robin across zones, so that examining "the first N nodes" spreads over
// every zone. A zone is region + ":\x00:" + zone from the topology labels.

import type { Node } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";

/** utilnode.GetZoneKey. */
export function zoneKey(node: DeepReadonly<Node>): string {
  const labels = node.metadata.labels;
  if (labels === undefined) return "";
  const zone = labels["topology.kubernetes.io/zone"] ?? labels["failure-domain.beta.kubernetes.io/zone"] ?? "";
  const region = labels["topology.kubernetes.io/region"] ?? labels["failure-domain.beta.kubernetes.io/region"] ?? "";
  return region === "" && zone === "" ? "" : `${region}:\x00:${zone}`;
}

export class NodeTree {
  readonly #tree = new Map<string, string[]>();
  /** Zones in the order they first appeared. */
  readonly #zones: string[] = [];
  #numNodes = 0;

  get numNodes(): number {
    return this.#numNodes;
  }

  addNode(node: DeepReadonly<Node>): void {
    const zone = zoneKey(node);
    const name = node.metadata.name!;
    let names = this.#tree.get(zone);
    if (names === undefined) {
      names = [];
      this.#tree.set(zone, names);
      this.#zones.push(zone);
    } else if (names.includes(name)) return;
    names.push(name);
    this.#numNodes++;
  }

  removeNode(node: DeepReadonly<Node>): void {
    const zone = zoneKey(node);
    const names = this.#tree.get(zone);
    const i = names?.indexOf(node.metadata.name!) ?? -1;
    if (i < 0) return;
    names!.splice(i, 1);
    this.#numNodes--;
    if (names!.length === 0) {
      this.#tree.delete(zone);
      this.#zones.splice(this.#zones.indexOf(zone), 1);
    }
  }

  /** Moves the node if its zone labels changed; returns whether the listing changed. */
  updateNode(oldNode: DeepReadonly<Node>, newNode: DeepReadonly<Node>): boolean {
    if (zoneKey(oldNode) === zoneKey(newNode)) return false;
    this.removeNode(oldNode);
    this.addNode(newNode);
    return true;
  }

  /** Names round-robin over zones: first node of each zone, then the second of each, … */
  list(): string[] {
    const out: string[] = [];
    for (let i = 0; out.length < this.#numNodes; i++) {
      for (const zone of this.#zones) {
        const names = this.#tree.get(zone)!;
        if (i < names.length) out.push(names[i]!);
      }
    }
    return out;
  }
}
