import { describe, expect, it } from "vitest";
import { CycleState } from "../../framework/cycle-state.ts";
import { NodeToStatus } from "../../framework/diagnosis.ts";
import { Code, newStatus } from "../../framework/status.ts";
import { makeNode, makePod, nodeInfoWith } from "../../testing/wrappers.ts";
import { DefaultPreemption } from "./default-preemption.ts";

describe("DefaultPreemption (message only)", () => {
  const nodes = ["n1", "n2", "n3"].map((n) => nodeInfoWith(makeNode(n)));
  const plugin = new DefaultPreemption({ list: () => nodes, get: (name) => nodes.find((n) => n.name === name) });
  const filtered = new NodeToStatus();
  filtered.set("n1", newStatus(Code.Unschedulable, ["Insufficient cpu"]));
  filtered.set("n2", newStatus(Code.UnschedulableAndUnresolvable, ["node(s) were unschedulable"]));
  filtered.set("n3", newStatus(Code.UnschedulableAndUnresolvable, ["node(s) had untolerated taint {dedicated: gpu}"]));

  it("no victims where preemption could run, not helpful elsewhere", () => {
    expect(plugin.postFilter(new CycleState(), makePod("p"), filtered)).toEqual({
      code: "Unschedulable",
      reasons: ["preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling."],
      plugin: "DefaultPreemption",
    });
  });

  it("a pod that may not preempt says so", () => {
    expect(plugin.postFilter(new CycleState(), makePod("p", { preemptionPolicy: "Never" }), filtered)?.reasons).toEqual(["preemption: not eligible due to preemptionPolicy=Never."]);
  });

  it("a PreFilter rejection applies to every node", () => {
    const all = new NodeToStatus(newStatus(Code.UnschedulableAndUnresolvable, ["pod affinity terms conflict"]));
    expect(plugin.postFilter(new CycleState(), makePod("p"), all)?.reasons).toEqual(["preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling."]);
  });
});
