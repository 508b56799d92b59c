import { describe, expect, it } from "vitest";
import type { Toleration } from "../../../api/core-v1.ts";
import { CycleState } from "../../framework/cycle-state.ts";
import { makeNode, makePod, nodeInfoWith } from "../../testing/wrappers.ts";
import { ERR_REASON_UNSCHEDULABLE, NodeUnschedulable } from "./node-unschedulable.ts";

describe("NodeUnschedulable filter", () => {
  const plugin = new NodeUnschedulable();
  const cases: { name: string; unschedulable: boolean; tolerations?: Toleration[]; rejected: boolean }[] = [
    { name: "schedulable node", unschedulable: false, rejected: false },
    { name: "cordoned node", unschedulable: true, rejected: true },
    { name: "cordoned, pod tolerates the unschedulable taint", unschedulable: true, tolerations: [{ key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }], rejected: false },
    { name: "cordoned, toleration for another taint", unschedulable: true, tolerations: [{ key: "dedicated", operator: "Exists" }], rejected: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const status = plugin.filter(new CycleState(), makePod("p", { tolerations: c.tolerations }), nodeInfoWith(makeNode("n", { unschedulable: c.unschedulable })));
      expect(status).toEqual(c.rejected ? { code: "UnschedulableAndUnresolvable", reasons: ["node(s) were unschedulable"], plugin: "NodeUnschedulable" } : undefined);
    });
  }

  it("pins the reason text", () => {
    expect(ERR_REASON_UNSCHEDULABLE).toBe("node(s) were unschedulable");
  });
});

describe("NodeUnschedulable queueing hints", () => {
  const [nodeEvent, podEvent] = new NodeUnschedulable().eventsToRegister();
  const pod = makePod("p");
  it("uncordoning or adding a schedulable node may help", () => {
    expect(nodeEvent!.hint!(pod, makeNode("n", { unschedulable: true }), makeNode("n"))).toBe("Queue");
    expect(nodeEvent!.hint!(pod, undefined, makeNode("n"))).toBe("Queue");
    expect(nodeEvent!.hint!(pod, undefined, makeNode("n", { unschedulable: true }))).toBe("QueueSkip");
    expect(nodeEvent!.hint!(pod, makeNode("n"), makeNode("n"))).toBe("QueueSkip");
  });
  it("tolerating the cordon may help", () => {
    const tolerant = makePod("p", { tolerations: [{ key: "node.kubernetes.io/unschedulable", operator: "Exists" }] });
    expect(podEvent!.hint!(pod, pod, tolerant)).toBe("Queue");
    expect(podEvent!.hint!(pod, pod, makePod("p", { tolerations: [{ key: "x", operator: "Exists" }] }))).toBe("QueueSkip");
  });
});
