import { describe, expect, it } from "vitest";
import type { Taint } from "../api/core-v1.ts";
import { makePod } from "./testing/wrappers.ts";
import { SchedulerTestCluster } from "./testing/fixture.ts";
import { numFeasibleNodesToFind, truncateMessage } from "./schedule-one.ts";

const S = 1000;
const CONTROL_PLANE: Taint = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" };

const failures = (c: SchedulerTestCluster, pod: string) => c.eventsFor(pod, "FailedScheduling").map((e) => [e.at, e.message]);
const podScheduled = (c: SchedulerTestCluster, pod: string) => c.pod(pod).status?.conditions?.find((x) => x.type === "PodScheduled");

describe("scheduler: placing pods", () => {
  it("binds pending pods through the API and reports Scheduled", () => {
    const c = new SchedulerTestCluster();
    c.createNode("n1");
    c.createPod("web-1", { requests: { cpu: "500m", memory: "256Mi" } });
    c.settle();
    expect(c.nodeOf("web-1")).toBe("n1");
    expect(c.eventsFor("web-1")).toEqual([{ at: 0, object: "default/web-1", type: "Normal", reason: "Scheduled", message: "Successfully assigned default/web-1 to n1" }]);
    expect(podScheduled(c, "web-1")?.status).toBe("True");
    const stored = c.storedEvents().find((e) => e.reason === "Scheduled")!;
    expect([stored.source.component, stored.involvedObject.name, stored.type]).toEqual(["default-scheduler", "web-1", "Normal"]);
  });

  it("prefers the node with the most room left (LeastAllocated)", () => {
    const c = new SchedulerTestCluster();
    c.createNode("small", { cpu: "4", memory: "8Gi" });
    c.createNode("big", { cpu: "8", memory: "16Gi" });
    // small: LeastAllocated 75, big: 87; BalancedAllocation 100 on both, TaintToleration 100 × 3 on both.
    c.createPod("p", { requests: { cpu: "1", memory: "2Gi" } });
    c.settle();
    expect(c.nodeOf("p")).toBe("big");
  });

  it("leaves pods of other schedulers alone", () => {
    const c = new SchedulerTestCluster();
    c.createNode("n1");
    const pod = makePod("custom");
    pod.spec.schedulerName = "my-scheduler";
    c.admin.create("pods", "default", pod);
    c.settle();
    expect(c.nodeOf("custom")).toBeUndefined();
    expect(c.recorded).toEqual([]);
  });

  it("breaks ties with its seeded stream: the same seed places pods the same way", () => {
    const placements = (seed: number): (string | undefined)[] => {
      const c = new SchedulerTestCluster({ seed });
      for (let i = 0; i < 5; i++) c.createNode(`n${i}`, { cpu: "64", memory: "256Gi" });
      for (let i = 0; i < 20; i++) c.createPod(`p${i}`);
      c.settle();
      return Array.from({ length: 20 }, (_, i) => c.nodeOf(`p${i}`));
    };
    const first = placements(7);
    expect(first.every((n) => n !== undefined)).toBe(true);
    expect(placements(7)).toEqual(first);
  });
});

describe("scheduler: FailedScheduling", () => {
  it("explains a mixed cluster with the exact upstream message", () => {
    const c = new SchedulerTestCluster();
    c.createNode("n1", { cpu: "2" });
    c.createNode("n2", { unschedulable: true });
    c.createNode("n3", { unschedulable: true });
    c.createPod("hog", { requests: { cpu: "1500m" }, nodeName: "n1" });
    c.createPod("web", { requests: { cpu: "1" } });
    c.settle();
    const message =
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) were unschedulable. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.";
    expect(c.eventsFor("web")).toEqual([{ at: 0, object: "default/web", type: "Warning", reason: "FailedScheduling", message }]);
    expect(podScheduled(c, "web")).toEqual({
      type: "PodScheduled",
      status: "False",
      observedGeneration: 1,
      lastProbeTime: null,
      lastTransitionTime: c.ts(0),
      reason: "Unschedulable",
      message,
    });
  });

  it("names the untolerated taint (the reference example)", () => {
    const c = new SchedulerTestCluster();
    c.createNode("worker", { cpu: "4" });
    c.createNode("cp-1", { taints: [CONTROL_PLANE] });
    c.createNode("cp-2", { taints: [CONTROL_PLANE] });
    c.createPod("hog", { requests: { cpu: "2" }, nodeName: "worker" });
    c.createPod("web", { requests: { cpu: "3" } });
    c.settle();
    expect(failures(c, "web")).toEqual([
      [
        0,
        "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
      ],
    ]);
  });

  it("a pod bigger than every node: preemption is not helpful anywhere (kubernetes#131345)", () => {
    const c = new SchedulerTestCluster();
    c.createNode("n1");
    c.createNode("n2");
    c.createPod("huge", { requests: { cpu: "16", memory: "64Gi" } });
    c.settle();
    expect(failures(c, "huge")).toEqual([
      [0, "0/2 nodes are available: 2 Insufficient cpu, 2 Insufficient memory. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling."],
    ]);
  });

  it("a full node: no pod slot left", () => {
    const c = new SchedulerTestCluster();
    c.createNode("n1", { pods: "1" });
    c.createPod("hog", { nodeName: "n1" });
    c.createPod("late");
    c.settle();
    expect(failures(c, "late")).toEqual([[0, "0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."]]);
  });

  it("with no nodes at all, retries on the error backoff: 0 s, 2 s, 5 s, 10 s", () => {
    const c = new SchedulerTestCluster();
    c.createPod("early");
    c.settle();
    c.step(6 * S);
    c.createNode("n1");
    c.step(5 * S);
    expect(failures(c, "early")).toEqual([
      [0, "no nodes available to schedule pods"],
      [2 * S, "no nodes available to schedule pods"],
      [5 * S, "no nodes available to schedule pods"],
    ]);
    expect(c.eventsFor("early", "Scheduled").map((e) => e.at)).toEqual([10 * S]);
    // The recorder merges the identical events into one with a count.
    expect(c.storedEvents().filter((e) => e.reason === "FailedScheduling").map((e) => e.count)).toEqual([3]);
  });

  it("a binding that loses to a player's drag is an error, not a rejection", () => {
    const c = new SchedulerTestCluster();
    c.createNode("n1");
    c.createPod("web");
    c.api.dispatchWatches();
    // The player binds between the watch delivery and the scheduling cycle.
    expect(c.admin.bind("default", "web", "n1").ok).toBe(true);
    c.scheduler.runOnce();
    expect(failures(c, "web")).toEqual([[0, 'running Bind plugin "DefaultBinder": Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "n1"']]);
    c.step(30 * S);
    // Not retried, and the player's PodScheduled=True stands.
    expect(failures(c, "web").length).toBe(1);
    expect(podScheduled(c, "web")?.status).toBe("True");
    expect(c.nodeOf("web")).toBe("n1");
  });

  it("cuts long event notes at 1024 characters", () => {
    expect(truncateMessage("x".repeat(1100))).toBe("x".repeat(1020) + " ...");
    expect(truncateMessage("short")).toBe("short");
  });
});

describe("scheduler: requeueing", () => {
  it("an uncordoned node brings the pod back", () => {
    const c = new SchedulerTestCluster();
    c.createNode("n1", { unschedulable: true });
    c.createPod("web");
    c.settle();
    expect(failures(c, "web").length).toBe(1);
    c.step(3 * S);
    c.patchNode("n1", { spec: { unschedulable: null } });
    c.settle();
    expect(c.nodeOf("web")).toBe("n1");
    expect(c.eventsFor("web").map((e) => [e.at, e.reason])).toEqual([
      [0, "FailedScheduling"],
      [3 * S, "Scheduled"],
    ]);
  });

  it("an event while the pod is backing off waits out the backoff window", () => {
    const c = new SchedulerTestCluster();
    c.createNode("n1", { unschedulable: true });
    c.step(300);
    c.createPod("web");
    c.settle();
    // Failed at 0.3 s: backing off until the window after 1.3 s → 1 s, so it may go at 2 s.
    c.step(200);
    c.createNode("n2");
    c.settle();
    // SchedulerPopFromBackoffQ: with nothing else to do, backoffQ's head is tried at once.
    expect(c.nodeOf("web")).toBe("n2");
    expect(c.eventsFor("web", "Scheduled").map((e) => e.at)).toEqual([500]);
  });

  it("only events the rejecting plugins' hints accept bring the pod back", () => {
    const c = new SchedulerTestCluster();
    c.createNode("n1", { cpu: "1" });
    c.createPod("web", { requests: { cpu: "2" } });
    c.settle();
    c.step(2 * S);
    // Rejected by NodeResourcesFit only: a node too small for the pod is no reason to retry.
    c.createNode("tiny", { cpu: "1" });
    c.step(30 * S);
    expect(c.nodeOf("web")).toBeUndefined();
    expect(failures(c, "web").length).toBe(1);
    c.createNode("big", { cpu: "4" });
    c.settle();
    expect(c.nodeOf("web")).toBe("big");
  });

  it("a pod nothing helps is retried after 5 minutes anyway", () => {
    const c = new SchedulerTestCluster();
    c.createNode("n1", { cpu: "1" });
    c.createPod("web", { requests: { cpu: "2" } });
    c.settle();
    c.step(331 * S);
    // Checked every 30 s for pods waiting more than 5 minutes: at 330 s.
    expect(failures(c, "web").map(([at]) => at)).toEqual([0, 330 * S]);
  });

  it("a terminating pod still holds its room; a deleted one frees it", () => {
    const c = new SchedulerTestCluster();
    c.createNode("n1", { cpu: "2" });
    c.createPod("old", { requests: { cpu: "2" }, nodeName: "n1" });
    c.createPod("new", { requests: { cpu: "1" } });
    c.settle();
    c.step(2 * S);
    c.deletePod("old", 30);
    c.step(2 * S);
    expect(c.nodeOf("new")).toBeUndefined();
    c.deletePod("old", 0);
    c.settle();
    expect(c.nodeOf("new")).toBe("n1");
  });

  it("a pod that finished frees its room", () => {
    const c = new SchedulerTestCluster();
    c.createNode("n1", { cpu: "2" });
    c.createPod("job", { requests: { cpu: "2" }, nodeName: "n1" });
    c.createPod("next", { requests: { cpu: "2" } });
    c.settle();
    expect(c.nodeOf("next")).toBeUndefined();
    c.step(2 * S);
    c.setPodPhase("job", "Succeeded");
    c.settle();
    expect(c.nodeOf("next")).toBe("n1");
  });

  it("an added toleration brings the pod back; the condition is not rewritten meanwhile", () => {
    const c = new SchedulerTestCluster();
    c.createNode("gpu-1", { taints: [{ key: "dedicated", value: "gpu", effect: "NoSchedule" }] });
    c.createPod("train");
    c.settle();
    expect(failures(c, "train")).toEqual([
      [0, "0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling."],
    ]);
    c.step(10 * S);
    expect(podScheduled(c, "train")?.lastTransitionTime).toBe(c.ts(0));
    // Admission already added the not-ready/unreachable tolerations; existing ones must stay.
    const tolerations = [...(c.pod("train").spec.tolerations ?? []), { key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" }];
    const r = c.admin.patch("pods", "default", "train", { spec: { tolerations } });
    expect(r.ok).toBe(true);
    c.settle();
    expect(c.nodeOf("train")).toBe("gpu-1");
  });
});

describe("scheduler: big clusters sample nodes", () => {
  it("examines an adaptive share of the nodes", () => {
    const cases: [number, number][] = [
      [50, 50],
      [100, 100],
      [150, 100],
      [500, 230],
      [1000, 420],
      [5000, 500],
      [10000, 500],
    ];
    for (const [nodes, want] of cases) expect([nodes, numFeasibleNodesToFind(0, nodes)]).toEqual([nodes, want]);
    expect(numFeasibleNodesToFind(10, 1000)).toBe(100);
  });

  it("rotates where it starts: the second pod sees the node the first did not", () => {
    const c = new SchedulerTestCluster();
    for (let i = 0; i < 100; i++) c.createNode(`n${String(i).padStart(3, "0")}`);
    c.createNode("n100", { cpu: "64", memory: "128Gi" });
    c.createPod("first", { requests: { cpu: "1", memory: "1Gi" } });
    c.settle();
    c.createPod("second", { requests: { cpu: "1", memory: "1Gi" } });
    c.settle();
    // 101 nodes: 100 are examined per pod. The first pod starts at n000 and stops at n099.
    expect(c.nodeOf("first")).not.toBe("n100");
    expect(c.nodeOf("second")).toBe("n100");
  });
});

describe("scheduler: players as the scheduler", () => {
  it("when inactive keeps the queue but schedules nothing", () => {
    const c = new SchedulerTestCluster({ active: false });
    c.createNode("n1");
    c.createPod("web");
    c.settle();
    expect(c.scheduler.hasWork()).toBe(false);
    expect(c.scheduler.runOnce()).toBe(0);
    expect(c.nodeOf("web")).toBeUndefined();
    expect(c.recorded).toEqual([]);
    c.scheduler.active = true;
    expect(c.scheduler.hasWork()).toBe(true);
    expect(c.scheduler.runOnce(1)).toBe(1);
    c.settle();
    expect(c.nodeOf("web")).toBe("n1");
  });

  it("checkFit runs PreFilter and Filter for one node", () => {
    const c = new SchedulerTestCluster({ active: false });
    c.createNode("cordoned", { unschedulable: true });
    c.createNode("small", { cpu: "1", memory: "1Gi" });
    c.createNode("roomy", { labels: { disk: "ssd" } });
    c.settle();
    const pod = makePod("web", { requests: { cpu: "2", memory: "2Gi" } });
    expect(c.scheduler.checkFit(pod, "cordoned")).toEqual({ fits: false, reasons: ["node(s) were unschedulable"], plugin: "NodeUnschedulable" });
    expect(c.scheduler.checkFit(pod, "small")).toMatchObject({ fits: false, reasons: ["Insufficient cpu", "Insufficient memory"], plugin: "NodeResourcesFit" });
    expect(c.scheduler.checkFit(pod, "roomy")).toEqual({ fits: true });
    expect(c.scheduler.checkFit(pod, "gone")).toEqual({ fits: false, reasons: ['nodeinfo not found for node name "gone"'] });
    expect(c.scheduler.checkFit(makePod("web", { nodeSelector: { disk: "hdd" } }), "roomy")).toMatchObject({ fits: false, reasons: ["node(s) didn't match Pod's node affinity/selector"] });
    const pinned = makePod("web", { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: ["small"] }] }] } } } });
    expect(c.scheduler.checkFit(pinned, "roomy")).toEqual({ fits: false, reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"] });
  });

  it("checkFit counts pods the players bound", () => {
    const c = new SchedulerTestCluster({ active: false });
    c.createNode("n1", { cpu: "2" });
    c.createPod("a", { requests: { cpu: "1500m" } });
    c.settle();
    expect(c.admin.bind("default", "a", "n1").ok).toBe(true);
    c.settle();
    // The preview carries NodeResourcesFit's figures, so a player can be told "needs 1, 500m free".
    expect(c.scheduler.checkFit(makePod("b", { requests: { cpu: "1" } }), "n1")).toEqual({
      fits: false,
      reasons: ["Insufficient cpu"],
      plugin: "NodeResourcesFit",
      insufficient: [{ resourceName: "cpu", reason: "Insufficient cpu", requested: 1000, used: 1500, capacity: 2000, unresolvable: false }],
    });
  });
});
