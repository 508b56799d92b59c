import { describe, expect, it } from "vitest";
import { makeNode } from "../testing/wrappers.ts";
import { NodeTree, zoneKey } from "./node-tree.ts";

const inZone = (name: string, zone?: string) => makeNode(name, { labels: zone ? { "topology.kubernetes.io/region": "eu", "topology.kubernetes.io/zone": zone } : {} });

describe("NodeTree", () => {
  it("lists zones round-robin, nodes in the order they came", () => {
    const t = new NodeTree();
    for (const [n, z] of [["a1", "a"], ["a2", "a"], ["a3", "a"], ["b1", "b"], ["c1", "c"], ["b2", "b"]] as const) t.addNode(inZone(n, z));
    expect(t.list()).toEqual(["a1", "b1", "c1", "a2", "b2", "a3"]);
  });

  it("removes nodes and empty zones, and moves nodes whose zone changed", () => {
    const t = new NodeTree();
    t.addNode(inZone("a1", "a"));
    t.addNode(inZone("b1", "b"));
    t.addNode(inZone("b2", "b"));
    t.removeNode(inZone("a1", "a"));
    expect(t.list()).toEqual(["b1", "b2"]);
    expect(t.updateNode(inZone("b2", "b"), inZone("b2", "c"))).toBe(true);
    expect(t.list()).toEqual(["b1", "b2"]);
    expect(t.numNodes).toBe(2);
  });

  it("zone key joins region and zone", () => {
    expect(zoneKey(inZone("n", "a"))).toBe("eu:\x00:a");
    expect(zoneKey(inZone("n"))).toBe("");
  });
});
