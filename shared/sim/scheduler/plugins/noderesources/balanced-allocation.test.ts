import { describe, expect, it } from "vitest";
import type { ResourceList } from "../../../api/core-v1.ts";
import { CycleState } from "../../framework/cycle-state.ts";
import { makeNode, makePod, nodeInfoWith, type NodeOptions } from "../../testing/wrappers.ts";
import { BalancedAllocation } from "./balanced-allocation.ts";

describe("NodeResourcesBalancedAllocation score", () => {
  const plugin = new BalancedAllocation();
  const cases: { name: string; pod: ResourceList; node: NodeOptions; existing?: ResourceList[]; want: number }[] = [
    // cpu 2000/4000 = 0.5, memory 3Gi/8Gi = 0.375; std = 0.0625; (1 − 0.0625) × 100 = 93.75 → 93.
    { name: "by hand", pod: { cpu: "1", memory: "1Gi" }, node: { cpu: "4", memory: "8Gi" }, existing: [{ cpu: "1", memory: "2Gi" }], want: 93 },
    { name: "perfectly balanced", pod: { cpu: "2", memory: "4Gi" }, node: { cpu: "4", memory: "8Gi" }, want: 100 },
    // cpu 1, memory 0 → std 0.5 → 50.
    { name: "cpu only", pod: { cpu: "4" }, node: { cpu: "4", memory: "8Gi" }, want: 50 },
    // Fractions cap at 1: cpu 8/4 → 1, memory 0.5 → std 0.25 → 75.
    { name: "over-committed caps at 1", pod: { cpu: "8", memory: "4Gi" }, node: { cpu: "4", memory: "8Gi" }, want: 75 },
    // Real requests, not non-zero ones: the best-effort pod on the node counts nothing.
    { name: "existing best-effort pods count nothing", pod: { cpu: "1", memory: "2Gi" }, node: { cpu: "4", memory: "8Gi" }, existing: [{}], want: 100 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pod = makePod("p", { requests: c.pod });
      const state = new CycleState();
      expect(plugin.preScore(state, pod)).toBeUndefined();
      const info = nodeInfoWith(makeNode("n", c.node), (c.existing ?? []).map((r, i) => makePod(`e${i}`, { requests: r, nodeName: "n" })));
      expect(plugin.score(state, pod, info)).toBe(c.want);
    });
  }

  it("skips pods that request nothing (kubernetes#129138)", () => {
    expect(plugin.preScore(new CycleState(), makePod("p"))?.code).toBe("Skip");
  });
});
