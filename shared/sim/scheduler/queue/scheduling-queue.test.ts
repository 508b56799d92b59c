import { describe, expect, it } from "vitest";
import type { Pod } from "../../api/core-v1.ts";
import { SimClock } from "../../kernel/clock.ts";
import { EVENT_NODE_ADD } from "../framework/events.ts";
import type { QueuedPodInfo } from "../framework/queued-pod-info.ts";
import type { QueueingHintEntry } from "../framework/runtime.ts";
import { NodeUnschedulable } from "../plugins/nodeunschedulable/node-unschedulable.ts";
import { PrioritySort } from "../plugins/queuesort/priority-sort.ts";
import { TaintToleration } from "../plugins/tainttoleration/taint-toleration.ts";
import { makeNode, makePod } from "../testing/wrappers.ts";
import { SchedulingQueue } from "./scheduling-queue.ts";

const S = 1000;
const hints: QueueingHintEntry[] = [new NodeUnschedulable(), new TaintToleration()].flatMap((p) => p.eventsToRegister().map((e) => ({ plugin: p.name, ...e })));

function newQueue(popFromBackoffQ = true): { clock: SimClock; queue: SchedulingQueue } {
  const clock = new SimClock();
  const sort = new PrioritySort();
  return { clock, queue: new SchedulingQueue({ clock, less: (a, b) => sort.less(a, b), hints, popFromBackoffQ }) };
}

/** Adds a pod, pops it, and hands it back as a failure at time `at`. */
function fail(clock: SimClock, queue: SchedulingQueue, pod: Pod, at: number, plugins: string[]): QueuedPodInfo {
  queue.add(pod);
  const qp = queue.pop()!;
  clock.advanceTo(at);
  if (plugins.length > 0) {
    qp.unschedulableCount++;
    qp.unschedulablePlugins = new Set(plugins);
  } else {
    qp.consecutiveErrorsCount++;
  }
  queue.addUnschedulableIfNotPresent(qp);
  return qp;
}

describe("activeQ", () => {
  it("pops by priority, then time in queue, then arrival", () => {
    const { clock, queue } = newQueue();
    queue.add(makePod("low-early", { priority: 0 }));
    clock.advanceTo(100);
    queue.add(makePod("high", { priority: 1000 }));
    queue.add(makePod("low-late-1", { priority: 0 }));
    queue.add(makePod("low-late-2", { priority: 0 }));
    const order: string[] = [];
    for (let qp = queue.pop(); qp; qp = queue.pop()) order.push(qp.pod.metadata.name!);
    expect(order).toEqual(["high", "low-early", "low-late-1", "low-late-2"]);
  });

  it("counts attempts and forgets the pod while it is being scheduled", () => {
    const { queue } = newQueue();
    queue.add(makePod("p"));
    expect(queue.locationOf("default/p")).toBe("activeQ");
    const qp = queue.pop()!;
    expect(qp.attempts).toBe(1);
    expect(queue.locationOf("default/p")).toBeUndefined();
  });
});

describe("backoff", () => {
  it("is 1 s doubling per failure, capped at 10 s", () => {
    const { queue } = newQueue();
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => queue.backoffDuration(n))).toEqual([0, 1 * S, 2 * S, 4 * S, 8 * S, 10 * S, 10 * S]);
  });

  it("a pod moved by an event while backing off waits in backoffQ until the window after its expiry", () => {
    const { clock, queue } = newQueue(false);
    fail(clock, queue, makePod("p"), 500, ["NodeUnschedulable"]);
    expect(queue.locationOf("default/p")).toBe("unschedulablePods");
    clock.advanceTo(700);
    queue.moveAllToActiveOrBackoffQueue(EVENT_NODE_ADD, undefined, makeNode("n"));
    // Failed at 0.5 s + 1 s = 1.5 s, aligned down to 1 s: backing off through the 1 s window.
    expect(queue.locationOf("default/p")).toBe("backoffQ");
    expect(queue.pop()).toBeUndefined();
    clock.advanceTo(1 * S);
    expect(queue.locationOf("default/p")).toBe("backoffQ");
    clock.advanceTo(2 * S);
    expect(queue.locationOf("default/p")).toBe("activeQ");
  });

  it("with SchedulerPopFromBackoffQ an empty activeQ lends its turn to backoffQ", () => {
    const { clock, queue } = newQueue(true);
    fail(clock, queue, makePod("p"), 500, ["NodeUnschedulable"]);
    clock.advanceTo(700);
    queue.moveAllToActiveOrBackoffQueue(EVENT_NODE_ADD, undefined, makeNode("n"));
    expect(queue.locationOf("default/p")).toBe("backoffQ");
    queue.add(makePod("other"));
    expect(queue.pop()!.pod.metadata.name).toBe("other");
    expect(queue.pop()!.pod.metadata.name).toBe("p");
  });

  it("a pod moved after its backoff goes straight to activeQ", () => {
    const { clock, queue } = newQueue();
    fail(clock, queue, makePod("p"), 0, ["NodeUnschedulable"]);
    clock.advanceTo(2 * S);
    queue.moveAllToActiveOrBackoffQueue(EVENT_NODE_ADD, undefined, makeNode("n"));
    expect(queue.locationOf("default/p")).toBe("activeQ");
  });

  it("errors back off in their own queue, never popped early", () => {
    const { clock, queue } = newQueue(true);
    fail(clock, queue, makePod("p"), 0, []);
    expect(queue.locationOf("default/p")).toBe("errorBackoffQ");
    expect(queue.pop()).toBeUndefined();
    clock.advanceTo(1 * S);
    expect(queue.locationOf("default/p")).toBe("errorBackoffQ");
    clock.advanceTo(2 * S);
    expect(queue.locationOf("default/p")).toBe("activeQ");
  });

  it("the second error waits 2 s", () => {
    const { clock, queue } = newQueue(true);
    const qp = fail(clock, queue, makePod("p"), 0, []);
    clock.advanceTo(2 * S);
    expect(queue.pop()).toBe(qp);
    qp.consecutiveErrorsCount++;
    queue.addUnschedulableIfNotPresent(qp);
    // Expires at 4 s; the 4 s window still counts as backing off.
    clock.advanceTo(4 * S);
    expect(queue.locationOf("default/p")).toBe("errorBackoffQ");
    clock.advanceTo(5 * S);
    expect(queue.locationOf("default/p")).toBe("activeQ");
  });
});

describe("unschedulablePods", () => {
  it("only events the rejecting plugins care about, with a Queue hint, move a pod", () => {
    const { clock, queue } = newQueue();
    fail(clock, queue, makePod("p"), 0, ["NodeUnschedulable"]);
    clock.advanceTo(5 * S);
    queue.moveAllToActiveOrBackoffQueue(EVENT_NODE_ADD, undefined, makeNode("n", { unschedulable: true }));
    expect(queue.locationOf("default/p")).toBe("unschedulablePods");
    const tainted = makeNode("n", { taints: [{ key: "k", effect: "NoSchedule" }] });
    // TaintToleration did not reject this pod, so its hint is not asked; NodeUnschedulable's says Queue.
    queue.moveAllToActiveOrBackoffQueue(EVENT_NODE_ADD, undefined, tainted);
    expect(queue.locationOf("default/p")).toBe("activeQ");
  });

  it("an added toleration requeues a pod rejected by TaintToleration; a status change does not", () => {
    const { clock, queue } = newQueue();
    const pod = makePod("p");
    fail(clock, queue, pod, 0, ["TaintToleration"]);
    clock.advanceTo(5 * S);
    const statusOnly = { ...pod, metadata: { ...pod.metadata, resourceVersion: "2" }, status: { phase: "Pending" as const, conditions: [] } };
    queue.update(pod, statusOnly);
    expect(queue.locationOf("default/p")).toBe("unschedulablePods");
    queue.update(statusOnly, makePod("p", { tolerations: [{ key: "k", operator: "Exists" }] }));
    expect(queue.locationOf("default/p")).toBe("activeQ");
  });

  it("waits at most 5 minutes, checked every 30 s", () => {
    const { clock, queue } = newQueue();
    fail(clock, queue, makePod("p"), 0, ["NodeUnschedulable"]);
    clock.advanceTo(300 * S);
    expect(queue.locationOf("default/p")).toBe("unschedulablePods");
    clock.advanceTo(330 * S);
    expect(queue.locationOf("default/p")).toBe("activeQ");
  });

  it("delete removes a pod from wherever it waits", () => {
    const { clock, queue } = newQueue();
    const pod = makePod("p");
    fail(clock, queue, pod, 0, ["NodeUnschedulable"]);
    queue.delete(pod);
    expect(queue.locationOf("default/p")).toBeUndefined();
    expect(queue.length).toEqual({ activeQ: 0, backoffQ: 0, unschedulablePods: 0 });
  });
});
