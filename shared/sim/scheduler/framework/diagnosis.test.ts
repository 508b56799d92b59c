import { describe, expect, it } from "vitest";
import { fitErrorMessage, newDiagnosis, NodeToStatus } from "./diagnosis.ts";
import { Code, newStatus } from "./status.ts";

describe("FitError message", () => {
  it("counts reasons over nodes and sorts them as strings", () => {
    const d = newDiagnosis();
    for (let i = 0; i < 10; i++) d.nodeToStatus.set(`cordoned-${i}`, newStatus(Code.UnschedulableAndUnresolvable, ["node(s) were unschedulable"]));
    d.nodeToStatus.set("a", newStatus(Code.Unschedulable, ["Insufficient cpu", "Insufficient memory"]));
    d.nodeToStatus.set("b", newStatus(Code.Unschedulable, ["Insufficient cpu"]));
    // "10 …" sorts before "2 …", and a node with two reasons counts in both.
    expect(fitErrorMessage(12, d)).toBe("0/12 nodes are available: 1 Insufficient memory, 10 node(s) were unschedulable, 2 Insufficient cpu.");
  });

  it("nodes without a status of their own count with the absent status", () => {
    const d = { ...newDiagnosis(), nodeToStatus: new NodeToStatus(newStatus(Code.UnschedulableAndUnresolvable, ["Preemption is not helpful for scheduling"])) };
    d.nodeToStatus.set("a", newStatus(Code.UnschedulableAndUnresolvable, ["No preemption victims found for incoming pod"]));
    expect(fitErrorMessage(3, d)).toBe("0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.");
  });

  it("a PreFilter rejection replaces the histogram; PostFilter's message follows", () => {
    const d = newDiagnosis();
    d.nodeToStatus.absentNodesStatus = newStatus(Code.UnschedulableAndUnresolvable, ["pod affinity terms conflict"]);
    d.preFilterMsg = "pod affinity terms conflict";
    d.postFilterMsg = "preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.";
    expect(fitErrorMessage(2, d)).toBe("0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.");
  });
});
