import { describe, expect, it } from "vitest";
import type { Taint, Toleration } from "../../api/core-v1.ts";
import { NodeTestCluster } from "../nodelifecycle/fixture.ts";
import {
  newTaintEvictionController,
  REASON_TAINT_MANAGER_EVICTION,
  TAINT_EVICTION_CONTROLLER_NAME,
} from "./taint-eviction-controller.ts";

const S = 1000;
const DEDICATED: Taint = { key: "dedicated", value: "gpu", effect: "NoExecute" };

function cluster(): NodeTestCluster {
  const c = new NodeTestCluster([{ factory: newTaintEvictionController, component: TAINT_EVICTION_CONTROLLER_NAME }]);
  c.createNode("n1", { ready: "True" });
  c.createNode("n2", { ready: "True" });
  return c;
}

const setTaints = (c: NodeTestCluster, node: string, taints: Taint[]): void => {
  const res = c.admin.patch("nodes", undefined, node, { spec: { taints: taints.length > 0 ? taints : null } });
  if (!res.ok) throw new Error(res.status.message);
};
const deletedAt = (c: NodeTestCluster, pod: string): string | undefined => c.pod(pod)?.metadata.deletionTimestamp;
const evictionEvents = (c: NodeTestCluster): [string | undefined, string, string][] =>
  c.events({ reason: REASON_TAINT_MANAGER_EVICTION }).map((e) => [e.involvedObject.name, e.message, e.firstTimestamp]);
const tolerate = (seconds?: number): Toleration[] => [{ key: "dedicated", operator: "Equal", value: "gpu", effect: "NoExecute", tolerationSeconds: seconds }];

describe("taint eviction controller", () => {
  it("is kube-controller-manager's taint-eviction-controller", () => {
    expect(newTaintEvictionController).toBeTypeOf("function");
    expect(cluster().manager.controllers.map((x) => x.name)).toEqual(["taint-eviction-controller"]);
  });

  it("deletes a pod that does not tolerate a NoExecute taint at once", () => {
    const c = cluster();
    c.createRunningPod("web-1", "n1");
    c.createRunningPod("other", "n2");
    c.start();
    c.runUntil(10 * S);
    setTaints(c, "n1", [DEDICATED]);
    c.step();
    const pod = c.pod("web-1")!;
    // Graceful delete with the pod's own grace period, after a DisruptionTarget condition.
    expect(pod.metadata.deletionTimestamp).toBe(c.ts(10 * S + 100 + 30 * S));
    expect(pod.status?.conditions?.find((x) => x.type === "DisruptionTarget")).toMatchObject({
      status: "True",
      reason: "DeletionByTaintManager",
      message: "Taint manager: deleting due to NoExecute taint",
    });
    expect(evictionEvents(c)).toEqual([["web-1", "Marking for deletion Pod default/web-1", c.ts(10 * S)]]);
    const ev = c.events({ reason: REASON_TAINT_MANAGER_EVICTION })[0]!;
    expect([ev.type, ev.source.component, ev.involvedObject.kind, ev.involvedObject.namespace]).toEqual(["Normal", "taint-eviction-controller", "Pod", "default"]);
    expect(deletedAt(c, "other")).toBeUndefined();
  });

  it("ignores NoSchedule and PreferNoSchedule taints", () => {
    const c = cluster();
    c.createRunningPod("web-1", "n1");
    c.start();
    setTaints(c, "n1", [
      { key: "a", effect: "NoSchedule" },
      { key: "b", effect: "PreferNoSchedule" },
    ]);
    c.runUntil(60 * S);
    expect(deletedAt(c, "web-1")).toBeUndefined();
    expect(evictionEvents(c)).toEqual([]);
  });

  it("waits the shortest tolerationSeconds of the taints, counted from when it saw the taint", () => {
    const tolerations: Toleration[] = [...tolerate(60), { key: "maintenance", operator: "Exists", effect: "NoExecute", tolerationSeconds: 45 }];
    const c = cluster();
    c.createRunningPod("web-1", "n1", { tolerations });
    c.start();
    c.runUntil(10 * S);
    setTaints(c, "n1", [DEDICATED]);
    c.settle();
    expect(c.waitFor(() => deletedAt(c, "web-1") !== undefined, 200 * S)).toBe(70 * S);

    const d = cluster();
    d.createRunningPod("web-1", "n1", { tolerations });
    d.start();
    setTaints(d, "n1", [DEDICATED, { key: "maintenance", effect: "NoExecute" }]);
    d.settle();
    expect(d.waitFor(() => deletedAt(d, "web-1") !== undefined, 200 * S)).toBe(45 * S);
  });

  it("keeps a pod that tolerates the taint forever", () => {
    const c = cluster();
    c.createRunningPod("web-1", "n1", { tolerations: tolerate(undefined) });
    c.start();
    setTaints(c, "n1", [DEDICATED]);
    c.runUntil(600 * S);
    expect(deletedAt(c, "web-1")).toBeUndefined();
    expect(evictionEvents(c)).toEqual([]);
  });

  it("deletes at once when tolerationSeconds is zero or negative", () => {
    const c = cluster();
    c.createRunningPod("web-1", "n1", { tolerations: tolerate(0) });
    c.start();
    setTaints(c, "n1", [DEDICATED]);
    c.settle();
    expect(deletedAt(c, "web-1")).toBe(c.ts(30 * S));
  });

  it("cancels the deletion when the taint goes before the deadline", () => {
    const c = cluster();
    c.createRunningPod("web-1", "n1", { tolerations: tolerate(60) });
    c.start();
    setTaints(c, "n1", [DEDICATED]);
    c.settle();
    c.runUntil(30 * S);
    setTaints(c, "n1", []);
    c.settle();
    expect(evictionEvents(c)).toEqual([["web-1", "Cancelling deletion of Pod default/web-1", c.ts(30 * S)]]);
    c.runUntil(120 * S);
    expect(deletedAt(c, "web-1")).toBeUndefined();
    expect(evictionEvents(c)).toHaveLength(1);
  });

  it("cancels the deletion of a pod deleted before its deadline", () => {
    const c = cluster();
    c.createRunningPod("web-1", "n1", { tolerations: tolerate(60) });
    c.start();
    setTaints(c, "n1", [DEDICATED]);
    c.settle();
    c.runUntil(20 * S);
    c.admin.delete("pods", "default", "web-1", { gracePeriodSeconds: 0 });
    c.settle();
    expect(evictionEvents(c)).toEqual([["web-1", "Cancelling deletion of Pod default/web-1", c.ts(20 * S)]]);
  });

  it("schedules a pod that lands on an already tainted node from when it arrives", () => {
    const c = cluster();
    c.start();
    setTaints(c, "n1", [DEDICATED]);
    c.runUntil(40 * S);
    c.createRunningPod("late", "n1", { tolerations: tolerate(60) });
    c.settle();
    expect(c.waitFor(() => deletedAt(c, "late") !== undefined, 200 * S)).toBe(100 * S);
  });

  it("keeps a running countdown when the taints change but stay tolerated", () => {
    const c = cluster();
    c.createRunningPod("web-1", "n1", { tolerations: [...tolerate(60), { key: "extra", operator: "Exists", effect: "NoExecute", tolerationSeconds: 10 }] });
    c.start();
    setTaints(c, "n1", [DEDICATED]);
    c.settle();
    c.runUntil(20 * S);
    // A second, shorter-tolerated taint does not bring the deadline forward (as upstream).
    setTaints(c, "n1", [DEDICATED, { key: "extra", effect: "NoExecute" }]);
    expect(c.waitFor(() => deletedAt(c, "web-1") !== undefined, 200 * S)).toBe(60 * S);
    expect(evictionEvents(c).map((e) => e[1])).toEqual(["Marking for deletion Pod default/web-1"]);
  });

  it("evicts at once when a new taint is not tolerated, superseding the countdown", () => {
    const c = cluster();
    c.createRunningPod("web-1", "n1", { tolerations: tolerate(60) });
    c.start();
    setTaints(c, "n1", [DEDICATED]);
    c.settle();
    c.runUntil(20 * S);
    setTaints(c, "n1", [DEDICATED, { key: "other", effect: "NoExecute" }]);
    c.settle();
    expect(deletedAt(c, "web-1")).toBe(c.ts(50 * S));
    expect(evictionEvents(c)).toEqual([
      ["web-1", "Cancelling deletion of Pod default/web-1", c.ts(20 * S)],
      ["web-1", "Marking for deletion Pod default/web-1", c.ts(20 * S)],
    ]);
  });

  it("does not schedule a pod again once its deletion has run", () => {
    const c = cluster();
    c.createRunningPod("web-1", "n1", { tolerations: [...tolerate(5), { key: "extra", operator: "Exists" }] });
    c.start();
    setTaints(c, "n1", [DEDICATED]);
    c.settle();
    c.runUntil(10 * S);
    expect(deletedAt(c, "web-1")).toBe(c.ts(35 * S));
    setTaints(c, "n1", [DEDICATED, { key: "extra", effect: "NoExecute" }]);
    c.runUntil(20 * S);
    // Nothing is cancelled when the taints go either: the deletion already happened.
    setTaints(c, "n1", []);
    c.settle();
    expect(evictionEvents(c)).toEqual([["web-1", "Marking for deletion Pod default/web-1", c.ts(5 * S)]]);
  });

  it("marks a Terminating pod again when a new taint is not tolerated, as upstream does", () => {
    const c = cluster();
    c.createRunningPod("web-1", "n1");
    c.start();
    setTaints(c, "n1", [DEDICATED]);
    c.settle();
    c.runUntil(10 * S);
    setTaints(c, "n1", [DEDICATED, { key: "other", effect: "NoExecute" }]);
    c.settle();
    // The same event again, so the recorder folds it into the first one.
    const [ev] = c.events({ reason: REASON_TAINT_MANAGER_EVICTION });
    expect([ev!.count, ev!.firstTimestamp, ev!.lastTimestamp]).toEqual([2, c.ts(0), c.ts(10 * S)]);
    expect(deletedAt(c, "web-1")).toBe(c.ts(30 * S)); // a second delete cannot extend the grace period
  });
});
