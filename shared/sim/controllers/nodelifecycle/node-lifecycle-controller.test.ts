import { describe, expect, it } from "vitest";
import type { Taint } from "../../api/core-v1.ts";
import { DEFAULT_UNREACHABLE_TOLERATION_SECONDS } from "../../apiserver/admission/default-toleration-seconds.ts";
import {
  cancellingDeletionMessage,
  DISRUPTION_TARGET_MESSAGE,
  DISRUPTION_TARGET_REASON,
  markingForDeletionMessage,
  newTaintEvictionController,
  REASON_TAINT_MANAGER_EVICTION,
  TAINT_EVICTION_CONTROLLER_NAME,
} from "../tainteviction/taint-eviction-controller.ts";
import { NODE_CONTROLLER_EVENT_SOURCE, POD_NODE_NOT_READY_MESSAGE, REASON_NODE_NOT_READY, REASON_REGISTERED_NODE, REASON_REMOVING_NODE } from "./controller-utils.ts";
import { NodeTestCluster } from "./fixture.ts";
import { NODE_STATUS_NEVER_UPDATED_MESSAGE, NODE_STATUS_NEVER_UPDATED_REASON, NODE_STATUS_UNKNOWN_MESSAGE, NODE_STATUS_UNKNOWN_REASON } from "./node-health.ts";
import { DEFAULT_NODE_LIFECYCLE_OPTIONS, newNodeLifecycleController, NODE_LIFECYCLE_CONTROLLER_NAME } from "./node-lifecycle-controller.ts";
import { TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE, TAINT_NODE_UNSCHEDULABLE } from "./taints.ts";

const S = 1000;

function newCluster(): NodeTestCluster {
  return new NodeTestCluster([
    { factory: newNodeLifecycleController, component: NODE_CONTROLLER_EVENT_SOURCE },
    { factory: newTaintEvictionController, component: TAINT_EVICTION_CONTROLLER_NAME },
  ]);
}

/** Three healthy nodes whose kubelets renew their leases at 2 s, 12 s, 22 s…, and two pods on n1. */
function threeNodes(): NodeTestCluster {
  const c = newCluster();
  for (const n of ["n1", "n2", "n3"]) {
    c.createNode(n, { ready: "True" });
    c.startKubelet(n, 2 * S);
  }
  c.createRunningPod("web-1", "n1");
  c.createRunningPod("web-2", "n1");
  c.createRunningPod("web-3", "n2");
  c.start();
  return c;
}

const taintsOf = (c: NodeTestCluster, node: string): Taint[] => c.node(node).spec.taints ?? [];
const hasTaint = (c: NodeTestCluster, node: string, key: string, effect: Taint["effect"]): boolean => taintsOf(c, node).some((t) => t.key === key && t.effect === effect);

describe("node lifecycle controller", () => {
  it("has kube-controller-manager's name and v1.34 defaults", () => {
    const c = newCluster();
    expect(c.manager.controllers.map((x) => x.name)).toEqual([NODE_LIFECYCLE_CONTROLLER_NAME, TAINT_EVICTION_CONTROLLER_NAME]);
    expect(NODE_LIFECYCLE_CONTROLLER_NAME).toBe("node-lifecycle-controller");
    expect(DEFAULT_NODE_LIFECYCLE_OPTIONS).toMatchObject({ nodeMonitorPeriodMs: 5_000, nodeMonitorGracePeriodMs: 50_000, nodeStartupGracePeriodMs: 60_000, evictionLimiterQPS: 0.1 });
  });

  it("registers each node on the first monitor pass that sees it", () => {
    const c = threeNodes();
    const registered = c.events({ reason: REASON_REGISTERED_NODE });
    expect(registered.map((e) => [e.involvedObject.name, e.message, e.type, e.source.component, e.firstTimestamp])).toEqual([
      ["n1", "Node n1 event: Registered Node n1 in Controller", "Normal", "node-controller", c.ts(0)],
      ["n2", "Node n2 event: Registered Node n2 in Controller", "Normal", "node-controller", c.ts(0)],
      ["n3", "Node n3 event: Registered Node n3 in Controller", "Normal", "node-controller", c.ts(0)],
    ]);
    expect(registered[0]!.involvedObject).toMatchObject({ kind: "Node", name: "n1", uid: c.node("n1").metadata.uid });
    // A node that joins at 7 s is registered by the 10 s pass.
    c.runUntil(7 * S);
    c.createNode("n4", { ready: "True" });
    const at = c.waitFor(() => c.events({ reason: REASON_REGISTERED_NODE, name: "n4" }).length === 1, 20 * S);
    expect(at).toBe(10 * S);
    // And one deleted at 12 s is forgotten by the 15 s pass.
    c.runUntil(12 * S);
    c.admin.delete("nodes", undefined, "n3");
    const gone = c.waitFor(() => c.events({ reason: REASON_REMOVING_NODE }).length === 1, 30 * S);
    expect(gone).toBe(15 * S);
    expect(c.events({ reason: REASON_REMOVING_NODE })[0]!.message).toBe("Node n3 event: Removing Node n3 from Controller");
  });

  it("leaves nodes alone while their leases are renewed", () => {
    const c = threeNodes();
    c.runUntil(400 * S);
    for (const n of ["n1", "n2", "n3"]) {
      expect(c.nodeCondition(n, "Ready")?.status).toBe("True");
      expect(taintsOf(c, n)).toEqual([]);
    }
    expect(c.events({ reason: REASON_NODE_NOT_READY })).toEqual([]);
  });

  describe("a kubelet that stops", () => {
    // n1's last renewal is at 62 s and it dies before the next (72 s). The 65 s pass is the first
    // to see that renewal, so its probe time is 65 s; the first pass more than 50 s later is 120 s.
    const STOP = 70 * S;
    const UNKNOWN_AT = 120 * S;
    const NO_EXECUTE_AT = UNKNOWN_AT + DEFAULT_NODE_LIFECYCLE_OPTIONS.nodeMonitorPeriodMs;
    const EVICT_AT = NO_EXECUTE_AT + DEFAULT_UNREACHABLE_TOLERATION_SECONDS * S;

    function killN1(): NodeTestCluster {
      const c = threeNodes();
      c.runUntil(STOP);
      c.stopKubelet("n1");
      return c;
    }

    it("turns Unknown on the first monitor pass after the grace period, not before", () => {
      const c = killN1();
      const at = c.waitFor(() => c.nodeCondition("n1", "Ready")?.status === "Unknown", 200 * S);
      expect(at).toBe(UNKNOWN_AT);
      const conditions = c.node("n1").status!.conditions!;
      for (const type of ["MemoryPressure", "DiskPressure", "PIDPressure", "Ready"]) {
        expect(conditions.find((x) => x.type === type)).toMatchObject({
          status: "Unknown",
          reason: NODE_STATUS_UNKNOWN_REASON,
          message: "Kubelet stopped posting node status.",
          lastHeartbeatTime: c.ts(0), // the kubelet's last status post is kept
          lastTransitionTime: c.ts(UNKNOWN_AT),
        });
      }
      expect(NODE_STATUS_UNKNOWN_MESSAGE).toBe("Kubelet stopped posting node status.");
      expect(c.nodeCondition("n2", "Ready")?.status).toBe("True");

      const notReady = c.events({ reason: REASON_NODE_NOT_READY, kind: "Node" });
      expect(notReady.map((e) => [e.involvedObject.name, e.type, e.message, e.source.component, e.firstTimestamp])).toEqual([
        ["n1", "Normal", "Node n1 status is now: NodeNotReady", "node-controller", c.ts(UNKNOWN_AT)],
      ]);
    });

    it("marks the node's pods not ready at the same pass, with a Warning on each", () => {
      const c = killN1();
      c.runUntil(UNKNOWN_AT - 100);
      expect(c.podCondition("web-1", "Ready")?.status).toBe("True");
      const at = c.waitFor(() => c.podCondition("web-1", "Ready")?.status === "False", 200 * S);
      expect(at).toBe(UNKNOWN_AT);
      for (const pod of ["web-1", "web-2"]) {
        expect(c.podCondition(pod, "Ready")).toMatchObject({ status: "False", lastTransitionTime: c.ts(UNKNOWN_AT) });
        // MarkPodsNotReady touches Ready only.
        expect(c.podCondition(pod, "ContainersReady")?.status).toBe("True");
      }
      expect(c.podCondition("web-3", "Ready")?.status).toBe("True");
      const warnings = c.events({ reason: REASON_NODE_NOT_READY, kind: "Pod" });
      expect(warnings.map((e) => [e.involvedObject.name, e.type, e.message, e.source.component, e.firstTimestamp])).toEqual([
        ["web-1", "Warning", "Node is not ready", "node-controller", c.ts(UNKNOWN_AT)],
        ["web-2", "Warning", "Node is not ready", "node-controller", c.ts(UNKNOWN_AT)],
      ]);
      expect(POD_NODE_NOT_READY_MESSAGE).toBe("Node is not ready");
    });

    it("taints unreachable NoSchedule at once and NoExecute on the next pass", () => {
      const c = killN1();
      c.runUntil(UNKNOWN_AT - 100);
      expect(taintsOf(c, "n1")).toEqual([]);
      c.runUntil(UNKNOWN_AT);
      expect(taintsOf(c, "n1")).toEqual([{ key: TAINT_NODE_UNREACHABLE, effect: "NoSchedule", timeAdded: c.ts(UNKNOWN_AT) }]);
      // processTaintBaseEviction works from the Ready status seen before the pass that changed it.
      c.runUntil(NO_EXECUTE_AT - 100);
      expect(hasTaint(c, "n1", TAINT_NODE_UNREACHABLE, "NoExecute")).toBe(false);
      c.runUntil(NO_EXECUTE_AT);
      expect(taintsOf(c, "n1")).toEqual([
        { key: TAINT_NODE_UNREACHABLE, effect: "NoSchedule", timeAdded: c.ts(UNKNOWN_AT) },
        { key: TAINT_NODE_UNREACHABLE, effect: "NoExecute", timeAdded: c.ts(NO_EXECUTE_AT) },
      ]);
      expect(taintsOf(c, "n2")).toEqual([]);
    });

    it("has the taint eviction controller delete its pods 300 s after the NoExecute taint", () => {
      const c = killN1();
      const at = c.waitFor(() => c.pod("web-1")?.metadata.deletionTimestamp !== undefined, 600 * S);
      expect(at).toBe(EVICT_AT);
      for (const name of ["web-1", "web-2"]) {
        const pod = c.pod(name)!;
        // Graceful: the pod stays, Terminating, because no kubelet is there to finish it.
        expect(pod.metadata.deletionTimestamp).toBe(c.ts(EVICT_AT + 30 * S));
        expect(pod.metadata.deletionGracePeriodSeconds).toBe(30);
        expect(pod.status?.conditions?.find((x) => x.type === "DisruptionTarget")).toMatchObject({
          status: "True",
          reason: "DeletionByTaintManager",
          message: "Taint manager: deleting due to NoExecute taint",
          lastTransitionTime: c.ts(EVICT_AT),
        });
      }
      expect([DISRUPTION_TARGET_REASON, DISRUPTION_TARGET_MESSAGE]).toEqual(["DeletionByTaintManager", "Taint manager: deleting due to NoExecute taint"]);
      const evictions = c.events({ reason: REASON_TAINT_MANAGER_EVICTION });
      expect(evictions.map((e) => [e.involvedObject.name, e.type, e.message, e.source.component, e.firstTimestamp])).toEqual([
        ["web-1", "Normal", "Marking for deletion Pod default/web-1", "taint-eviction-controller", c.ts(EVICT_AT)],
        ["web-2", "Normal", "Marking for deletion Pod default/web-2", "taint-eviction-controller", c.ts(EVICT_AT)],
      ]);
      expect(c.pod("web-3")?.metadata.deletionTimestamp).toBeUndefined();
      c.runUntil(EVICT_AT + 120 * S);
      expect(c.pod("web-1")).toBeDefined(); // still Terminating
      expect(c.events({ reason: REASON_TAINT_MANAGER_EVICTION })).toHaveLength(2);
    });

    it("cancels the deletions and removes the taints when the kubelet comes back in time", () => {
      const c = killN1();
      const BACK = 300 * S;
      c.runUntil(BACK);
      expect(hasTaint(c, "n1", TAINT_NODE_UNREACHABLE, "NoExecute")).toBe(true);
      c.postReady("n1", "True");
      c.renewLease("n1");
      c.startKubelet("n1", BACK + 10 * S);
      c.step();
      // The NoSchedule taint follows the condition at once…
      expect(taintsOf(c, "n1")).toEqual([{ key: TAINT_NODE_UNREACHABLE, effect: "NoExecute", timeAdded: c.ts(NO_EXECUTE_AT) }]);
      // …the NoExecute one goes on the next monitor pass, which cancels the pending deletions.
      const at = c.waitFor(() => taintsOf(c, "n1").length === 0, 400 * S);
      expect(at).toBe(305 * S);
      const cancels = c.events({ reason: REASON_TAINT_MANAGER_EVICTION });
      expect(cancels.map((e) => [e.involvedObject.name, e.message, e.firstTimestamp])).toEqual([
        ["web-1", "Cancelling deletion of Pod default/web-1", c.ts(305 * S)],
        ["web-2", "Cancelling deletion of Pod default/web-2", c.ts(305 * S)],
      ]);
      expect([markingForDeletionMessage("default/x"), cancellingDeletionMessage("default/x")]).toEqual(["Marking for deletion Pod default/x", "Cancelling deletion of Pod default/x"]);
      c.runUntil(EVICT_AT + 60 * S);
      expect(c.pod("web-1")?.metadata.deletionTimestamp).toBeUndefined();
      expect(c.pod("web-2")?.metadata.deletionTimestamp).toBeUndefined();
      expect(c.nodeCondition("n1", "Ready")?.status).toBe("True");
      expect(c.events({ reason: REASON_NODE_NOT_READY, kind: "Node" })).toHaveLength(1);
    });

    it("stops tainting when every node is down (full disruption)", () => {
      const c = newCluster();
      c.createNode("n1", { ready: "True" });
      c.startKubelet("n1", 2 * S);
      c.createRunningPod("web-1", "n1");
      c.start();
      c.runUntil(STOP);
      c.stopKubelet("n1");
      c.runUntil(UNKNOWN_AT);
      expect(c.nodeCondition("n1", "Ready")?.status).toBe("Unknown");
      expect(c.podCondition("web-1", "Ready")?.status).toBe("False");
      c.runUntil(EVICT_AT + 60 * S);
      expect(taintsOf(c, "n1").map((t) => `${t.key}:${t.effect}`)).toEqual([`${TAINT_NODE_UNREACHABLE}:NoSchedule`]);
      expect(c.pod("web-1")?.metadata.deletionTimestamp).toBeUndefined();
    });
  });

  describe("rate-limited, zone-aware NoExecute tainting", () => {
    /** `n` healthy nodes (renewing at 2 s, 12 s…), one pod each, and the first `dead` of them dying at 70 s. */
    function fleet(n: number, dead: number): NodeTestCluster {
      const c = newCluster();
      for (let i = 1; i <= n; i++) {
        c.createNode(`n${i}`, { ready: "True" });
        c.startKubelet(`n${i}`, 2 * S);
        c.createRunningPod(`web-${i}`, `n${i}`);
      }
      c.start();
      c.runUntil(70 * S);
      for (let i = 1; i <= dead; i++) c.stopKubelet(`n${i}`);
      return c;
    }
    const noExecuteAdded = (c: NodeTestCluster, node: string): string | undefined => taintsOf(c, node).find((t) => t.effect === "NoExecute")?.timeAdded;

    it("taints one node every 10 s in a healthy zone (--node-eviction-rate 0.1)", () => {
      const c = fleet(10, 3);
      const firsts = ["n1", "n2", "n3"].map((n) => c.waitFor(() => noExecuteAdded(c, n) !== undefined, 200 * S));
      // Each token comes due on a monitor pass, and the tainter runs right after it.
      expect(firsts).toEqual([125 * S, 135 * S, 145 * S]);
      c.runUntil(200 * S);
      expect(["n1", "n2", "n3", "n4"].map((n) => noExecuteAdded(c, n))).toEqual([c.ts(125 * S), c.ts(135 * S), c.ts(145 * S), undefined]);
    });

    it("stops in a small zone where most nodes are down (partial disruption)", () => {
      const c = fleet(4, 3);
      c.runUntil(500 * S);
      expect(["n1", "n2", "n3"].map((n) => c.nodeCondition(n, "Ready")?.status)).toEqual(["Unknown", "Unknown", "Unknown"]);
      expect(["n1", "n2", "n3"].map((n) => noExecuteAdded(c, n))).toEqual([undefined, undefined, undefined]);
      expect(c.podCondition("web-1", "Ready")?.status).toBe("False");
      expect(c.pod("web-1")?.metadata.deletionTimestamp).toBeUndefined();
    });

    it("resumes when a node comes back after every node was down", () => {
      const c = fleet(2, 2);
      c.runUntil(200 * S);
      expect(noExecuteAdded(c, "n1")).toBeUndefined();
      c.postReady("n2", "True");
      c.renewLease("n2");
      c.startKubelet("n2", 210 * S);
      // The 205 s pass leaves full disruption with a drained limiter: the next token is 10 s away.
      const at = c.waitFor(() => noExecuteAdded(c, "n1") !== undefined, 300 * S);
      expect(at).toBe(215 * S);
      expect(noExecuteAdded(c, "n2")).toBeUndefined();
      expect(c.waitFor(() => c.pod("web-1")?.metadata.deletionTimestamp !== undefined, 600 * S)).toBe(515 * S);
    });
  });

  it("uses the not-ready taints when the kubelet reports Ready=False, and swaps when it goes silent", () => {
    const c = threeNodes();
    c.runUntil(30 * S);
    c.postReady("n1", "False");
    c.step();
    expect(taintsOf(c, "n1")).toEqual([{ key: TAINT_NODE_NOT_READY, effect: "NoSchedule", timeAdded: c.ts(30 * S) }]);
    c.runUntil(35 * S);
    expect(hasTaint(c, "n1", TAINT_NODE_NOT_READY, "NoExecute")).toBe(true);
    // The kubelet reported it: no NodeNotReady event and no pod marking from the controller.
    expect(c.events({ reason: REASON_NODE_NOT_READY })).toEqual([]);
    expect(c.podCondition("web-1", "Ready")?.status).toBe("True");

    // Then the kubelet dies: last renewal 42 s, seen at 45 s, Unknown at 100 s.
    c.runUntil(50 * S);
    c.stopKubelet("n1");
    const unknownAt = c.waitFor(() => c.nodeCondition("n1", "Ready")?.status === "Unknown", 200 * S);
    expect(unknownAt).toBe(100 * S);
    expect(taintsOf(c, "n1").map((t) => `${t.key}:${t.effect}`)).toEqual([`${TAINT_NODE_NOT_READY}:NoExecute`, `${TAINT_NODE_UNREACHABLE}:NoSchedule`]);
    // Ready was False, not True, before: still no NodeNotReady event.
    expect(c.events({ reason: REASON_NODE_NOT_READY })).toEqual([]);
    c.runUntil(105 * S);
    expect(taintsOf(c, "n1").map((t) => `${t.key}:${t.effect}`)).toEqual([`${TAINT_NODE_UNREACHABLE}:NoSchedule`, `${TAINT_NODE_UNREACHABLE}:NoExecute`]);
    // The deletion counted from the first NoExecute taint (35 s) keeps its deadline through the swap.
    const evictAt = c.waitFor(() => c.pod("web-1")?.metadata.deletionTimestamp !== undefined, 600 * S);
    expect(evictAt).toBe(335 * S);
  });

  it("gives a node that never posted status the 60 s startup grace", () => {
    const c = newCluster();
    for (const n of ["n1", "n2"]) {
      c.createNode(n, { ready: "True" });
      c.startKubelet(n, 2 * S);
    }
    c.createNode("fresh"); // no conditions, no lease
    c.start();
    c.runUntil(60 * S);
    expect(c.node("fresh").status?.conditions).toBeUndefined();
    const at = c.waitFor(() => c.nodeCondition("fresh", "Ready") !== undefined, 100 * S);
    expect(at).toBe(65 * S);
    const created = c.node("fresh").metadata.creationTimestamp;
    expect(c.node("fresh").status!.conditions!.map((x) => [x.type, x.status, x.reason, x.message, x.lastHeartbeatTime, x.lastTransitionTime])).toEqual(
      ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"].map((type) => [type, "Unknown", NODE_STATUS_NEVER_UPDATED_REASON, NODE_STATUS_NEVER_UPDATED_MESSAGE, created, c.ts(65 * S)]),
    );
    expect(NODE_STATUS_NEVER_UPDATED_MESSAGE).toBe("Kubelet never posted node status.");
    // Never Ready, so it is tainted NoExecute straight away, and never reported as turning NotReady.
    expect(taintsOf(c, "fresh").map((t) => `${t.key}:${t.effect}`)).toEqual([`${TAINT_NODE_UNREACHABLE}:NoExecute`, `${TAINT_NODE_UNREACHABLE}:NoSchedule`]);
    expect(c.events({ reason: REASON_NODE_NOT_READY })).toEqual([]);
  });

  it("keeps a node alive on lease renewals alone", () => {
    const c = newCluster();
    c.createNode("n1", { ready: "True" });
    c.createNode("n2");
    for (const n of ["n1", "n2"]) c.startKubelet(n, 2 * S);
    c.start();
    c.runUntil(300 * S);
    expect(c.nodeCondition("n1", "Ready")?.status).toBe("True");
    expect(c.node("n2").status?.conditions).toBeUndefined();
  });

  it("taints a cordoned node unschedulable and untaints it when uncordoned", () => {
    const c = threeNodes();
    c.runUntil(10 * S);
    c.admin.patch("nodes", undefined, "n2", { spec: { unschedulable: true } });
    c.step();
    expect(taintsOf(c, "n2")).toEqual([{ key: TAINT_NODE_UNSCHEDULABLE, effect: "NoSchedule", timeAdded: c.ts(10 * S) }]);
    c.admin.patch("nodes", undefined, "n2", { spec: { unschedulable: null } });
    c.step();
    expect(taintsOf(c, "n2")).toEqual([]);
  });

  it("leaves taints it does not own alone", () => {
    const c = threeNodes();
    const mine: Taint = { key: "dedicated", value: "gpu", effect: "NoSchedule" };
    c.admin.patch("nodes", undefined, "n2", { spec: { taints: [mine] } });
    c.runUntil(60 * S);
    expect(taintsOf(c, "n2")).toEqual([mine]);
  });

  it("marks a pod bound to a node that is already not ready", () => {
    const c = killN1();
    c.runUntil(130 * S);
    c.createRunningPod("late", "n1");
    c.step();
    expect(c.podCondition("late", "Ready")?.status).toBe("False");
    expect(c.events({ reason: REASON_NODE_NOT_READY, name: "late" })).toHaveLength(1);

    function killN1(): NodeTestCluster {
      const cl = threeNodes();
      cl.runUntil(70 * S);
      cl.stopKubelet("n1");
      return cl;
    }
  });
});
