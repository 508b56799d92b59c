import { describe, expect, it } from "vitest";
import type { Pod, ResourceList } from "../../../api/core-v1.ts";
import { CycleState } from "../../framework/cycle-state.ts";
import { makeNode, makePod, nodeInfoWith, type NodeOptions, type PodOptions } from "../../testing/wrappers.ts";
import { Fit, fits, REASON_TOO_MANY_PODS } from "./fit.ts";

const running = (name: string, requests: ResourceList): Pod => makePod(name, { requests, nodeName: "n" });

describe("NodeResourcesFit filter", () => {
  const plugin = new Fit();
  const cases: { name: string; pod: PodOptions; node?: NodeOptions; existing?: ResourceList[]; code?: string; reasons?: string[] }[] = [
    { name: "fits an empty node", pod: { requests: { cpu: "1", memory: "1Gi" } } },
    { name: "fits exactly", pod: { requests: { cpu: "1", memory: "1Gi" } }, existing: [{ cpu: "3", memory: "7Gi" }] },
    { name: "short of cpu", pod: { requests: { cpu: "1" } }, existing: [{ cpu: "3500m" }], code: "Unschedulable", reasons: ["Insufficient cpu"] },
    { name: "short of memory", pod: { requests: { memory: "2Gi" } }, existing: [{ memory: "7Gi" }], code: "Unschedulable", reasons: ["Insufficient memory"] },
    {
      name: "short of both, in resource order",
      pod: { requests: { memory: "2Gi", cpu: "1" } },
      existing: [{ cpu: "3500m", memory: "7Gi" }],
      code: "Unschedulable",
      reasons: ["Insufficient cpu", "Insufficient memory"],
    },
    { name: "bigger than the whole node: preemption cannot help", pod: { requests: { cpu: "5" } }, code: "UnschedulableAndUnresolvable", reasons: ["Insufficient cpu"] },
    { name: "no pod slot left", pod: {}, node: { pods: "2" }, existing: [{}, {}], code: "Unschedulable", reasons: ["Too many pods"] },
    {
      name: "no slot and short of cpu",
      pod: { requests: { cpu: "1" } },
      node: { pods: "1" },
      existing: [{ cpu: "3500m" }],
      code: "Unschedulable",
      reasons: ["Too many pods", "Insufficient cpu"],
    },
    { name: "a pod without requests fits a full node", pod: {}, existing: [{ cpu: "4", memory: "8Gi" }] },
    { name: "init containers: the largest counts when above the sum", pod: { containers: [{ cpu: "1" }, { cpu: "1" }], initContainers: [{ cpu: "3" }] }, existing: [{ cpu: "1500m" }], code: "Unschedulable", reasons: ["Insufficient cpu"] },
    { name: "init containers: the sum counts when above the largest", pod: { containers: [{ cpu: "1" }, { cpu: "1" }], initContainers: [{ cpu: "1" }] }, existing: [{ cpu: "2" }] },
    { name: "extended resource the node lacks", pod: { requests: { "nvidia.com/gpu": "1" } }, code: "UnschedulableAndUnresolvable", reasons: ["Insufficient nvidia.com/gpu"] },
    { name: "extended resource in use", pod: { requests: { "nvidia.com/gpu": "1" } }, node: { extra: { "nvidia.com/gpu": "1" } }, existing: [{ "nvidia.com/gpu": "1" }], code: "Unschedulable", reasons: ["Insufficient nvidia.com/gpu"] },
    { name: "extended resource available", pod: { requests: { "nvidia.com/gpu": "1" } }, node: { extra: { "nvidia.com/gpu": "2" } }, existing: [{ "nvidia.com/gpu": "1" }] },
    { name: "ephemeral storage", pod: { requests: { "ephemeral-storage": "20Gi" } }, node: { extra: { "ephemeral-storage": "10Gi" } }, code: "UnschedulableAndUnresolvable", reasons: ["Insufficient ephemeral-storage"] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pod = makePod("p", c.pod);
      const info = nodeInfoWith(makeNode("n", c.node), (c.existing ?? []).map((r, i) => running(`e${i}`, r)));
      const state = new CycleState();
      plugin.preFilter(state, pod);
      const status = plugin.filter(state, pod, info);
      expect(status).toEqual(c.reasons ? { code: c.code, reasons: c.reasons, plugin: "NodeResourcesFit" } : undefined);
    });
  }

  it("gives the figures behind a reason", () => {
    const info = nodeInfoWith(makeNode("n"), [running("e", { cpu: "3800m" })]);
    expect(fits(makePod("p", { requests: { cpu: "500m" } }), info)).toEqual([
      { resourceName: "cpu", reason: "Insufficient cpu", requested: 500, used: 3800, capacity: 4000, unresolvable: false },
    ]);
    expect(REASON_TOO_MANY_PODS).toBe("Too many pods");
  });
});

describe("NodeResourcesFit score (LeastAllocated)", () => {
  const plugin = new Fit();
  const score = (pod: PodOptions, node: NodeOptions, existing: ResourceList[][] = []): number => {
    const p = makePod("p", pod);
    const state = new CycleState();
    plugin.preScore(state, p);
    return plugin.score(state, p, nodeInfoWith(makeNode("n", node), existing.map((containers, i) => makePod(`e${i}`, { containers, nodeName: "n" }))));
  };

  const cases: { name: string; pod: PodOptions; node: NodeOptions; existing?: ResourceList[][]; want: number }[] = [
    // cpu (4000 − 1500) × 100 / 4000 = 62.5 → 62; memory (10 − 3) × 100 / 10 = 70; (62 + 70) / 2 = 66.
    { name: "room left, by hand", pod: { requests: { cpu: "500m", memory: "1Gi" } }, node: { cpu: "4", memory: "10Gi" }, existing: [[{ cpu: "1", memory: "2Gi" }]], want: 66 },
    // A pod without requests counts 100m and 200 MiB: cpu 90, memory (1024 − 200) × 100 / 1024 = 80.4 → 80; mean 85.
    { name: "non-zero defaults for the pod", pod: {}, node: { cpu: "1", memory: "1Gi" }, want: 85 },
    // Existing best-effort pod counts 100m / 200 MiB too: cpu (1000 − 200) × 100 / 1000 = 80, memory (1024 − 400) × 100 / 1024 = 60.9 → 60; mean 70.
    { name: "non-zero defaults for pods on the node", pod: {}, node: { cpu: "1", memory: "1Gi" }, existing: [[{}]], want: 70 },
    // Explicit zero stays zero: cpu 100, memory 100.
    { name: "an explicit 0 is not defaulted", pod: { requests: { cpu: "0", memory: "0" } }, node: { cpu: "1", memory: "1Gi" }, want: 100 },
    // Over-committed cpu scores 0 for cpu: (0 + 50) / 2 = 25.
    { name: "over-committed resource scores 0", pod: { requests: { cpu: "2", memory: "512Mi" } }, node: { cpu: "1", memory: "1Gi" }, want: 25 },
    // Defaults apply per container: 2 × 100m = 200m → 80; 2 × 200 MiB of 1000 MiB → 60; mean 70.
    { name: "defaults apply per container", pod: { containers: [{}, {}] }, node: { cpu: "1", memory: "1000Mi" }, want: 70 },
  ];
  for (const c of cases) it(c.name, () => expect(score(c.pod, c.node, c.existing)).toBe(c.want));
});

describe("NodeResourcesFit queueing hints", () => {
  const [podEvent, nodeEvent] = new Fit().eventsToRegister();
  const pod = makePod("p", { requests: { cpu: "2" } });
  it("a deleted pod frees room only if it was bound", () => {
    expect(podEvent!.hint!(pod, makePod("x", { nodeName: "n" }), undefined)).toBe("Queue");
    expect(podEvent!.hint!(pod, makePod("x"), undefined)).toBe("QueueSkip");
  });
  it("a node big enough, or one that grew", () => {
    expect(nodeEvent!.hint!(pod, undefined, makeNode("n", { cpu: "4" }))).toBe("Queue");
    expect(nodeEvent!.hint!(pod, undefined, makeNode("n", { cpu: "1" }))).toBe("QueueSkip");
    expect(nodeEvent!.hint!(pod, makeNode("n", { cpu: "2" }), makeNode("n", { cpu: "4" }))).toBe("Queue");
    expect(nodeEvent!.hint!(pod, makeNode("n", { cpu: "4", memory: "1Gi" }), makeNode("n", { cpu: "4", memory: "2Gi" }))).toBe("QueueSkip");
  });
});
