import { describe, expect, it } from "vitest";
import type { Pod } from "../api/core-v1.ts";
import { buildPodStatus, podPhase, unreadyContainersMessage } from "./pod-status.ts";
import { newContainerRecord, type ContainerRecord, type PodRuntime } from "./runtime.ts";

const pod = (restartPolicy: "Always" | "OnFailure" | "Never" = "Always"): Pod => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "p", namespace: "default", generation: 2 },
  spec: { restartPolicy, containers: [{ name: "a", image: "nginx" }, { name: "b", image: "nginx" }] },
});

function rt(states: Partial<ContainerRecord>[], terminal = false): PodRuntime {
  return { sandboxReady: true, terminal, startTime: 0, containers: states.map((s, i) => ({ ...newContainerRecord(["a", "b"][i]!, "nginx"), ...s })) };
}

const running: Partial<ContainerRecord> = { state: "running", startedAt: 0 };
const exited = (exitCode: number): Partial<ContainerRecord> => ({ state: "exited", exitCode, waiting: undefined });

describe("podPhase (getPhase)", () => {
  it.each([
    ["a container still waiting", pod(), rt([running, {}]), "Pending"],
    ["all running", pod(), rt([running, running]), "Running"],
    ["one running, one exited", pod("Never"), rt([running, exited(1)]), "Running"],
    ["all exited, restartPolicy Always", pod(), rt([exited(255), exited(0)]), "Running"],
    ["all exited 0, restartPolicy Never", pod("Never"), rt([exited(0), exited(0)]), "Succeeded"],
    ["a failure, restartPolicy Never", pod("Never"), rt([exited(255), exited(0)]), "Failed"],
    ["a failure, restartPolicy OnFailure", pod("OnFailure"), rt([exited(255), exited(0)]), "Running"],
    ["stopped for good, all 0", pod(), rt([exited(0), exited(0)], true), "Succeeded"],
    ["stopped for good, a 137", pod(), rt([exited(137), exited(0)], true), "Failed"],
    ["exited 0 but waiting to restart (CrashLoopBackOff), OnFailure", pod("OnFailure"), rt([{ ...exited(0), waiting: { reason: "CrashLoopBackOff" } }, exited(0)]), "Running"],
  ] as const)("%s: %s", (_, p, r, phase) => {
    expect(podPhase(p, r)).toBe(phase);
  });
});

describe("buildPodStatus", () => {
  const ctx = { epochMs: 0, now: 5_000, hostIP: "10.0.0.11" };

  it("lists unready containers as Go prints a slice", () => {
    expect(unreadyContainersMessage(["a", "b"])).toBe("containers with unready status: [a b]");
    const s = buildPodStatus(pod(), rt([{}, {}]), undefined, ctx);
    expect(s.conditions!.find((c) => c.type === "Ready")).toMatchObject({ status: "False", reason: "ContainersNotReady", message: "containers with unready status: [a b]", observedGeneration: 2 });
  });

  it("keeps a condition's transition time while its status holds, and others' conditions in front", () => {
    const previous = {
      conditions: [
        { type: "DisruptionTarget", status: "True" as const, reason: "DeletionByTaintManager", lastTransitionTime: "t0" },
        { type: "Initialized", status: "True" as const, lastTransitionTime: "t1" },
        { type: "Ready", status: "True" as const, lastTransitionTime: "t1" },
      ],
    };
    const s = buildPodStatus(pod(), rt([running, {}]), previous, ctx);
    expect(s.conditions!.map((c) => [c.type, c.lastTransitionTime])).toEqual([
      ["DisruptionTarget", "t0"],
      ["PodReadyToStartContainers", "1970-01-01T00:00:05Z"],
      ["Initialized", "t1"],
      ["Ready", "1970-01-01T00:00:05Z"],
      ["ContainersReady", "1970-01-01T00:00:05Z"],
      ["PodScheduled", "1970-01-01T00:00:05Z"],
    ]);
  });

  it("shows a container waiting to restart as waiting, with the exited instance as lastState", () => {
    const backingOff: Partial<ContainerRecord> = { ...exited(1), reason: "Error", startedAt: 1_000, finishedAt: 1_050, containerID: "containerd://b", restartCount: 2, waiting: { reason: "CrashLoopBackOff", message: "back-off 20s restarting failed container=a pod=p_default(u)" } };
    const [a] = buildPodStatus(pod(), rt([backingOff, running]), undefined, ctx).containerStatuses!;
    expect(a).toMatchObject({
      state: { waiting: { reason: "CrashLoopBackOff", message: "back-off 20s restarting failed container=a pod=p_default(u)" } },
      lastState: { terminated: { exitCode: 1, reason: "Error", startedAt: "1970-01-01T00:00:01Z", finishedAt: "1970-01-01T00:00:01Z", containerID: "containerd://b" } },
      ready: false,
      started: false,
      restartCount: 2,
      containerID: "containerd://b",
    });
  });

  it("says PodCompleted or PodFailed once the pod is done", () => {
    const done = buildPodStatus(pod(), rt([exited(0), exited(0)], true), undefined, ctx);
    expect(done.conditions!.find((c) => c.type === "ContainersReady")).toMatchObject({ status: "False", reason: "PodCompleted" });
    const failed = buildPodStatus(pod(), rt([exited(137), exited(0)], true), undefined, ctx);
    expect(failed.conditions!.find((c) => c.type === "Ready")).toMatchObject({ status: "False", reason: "PodFailed" });
    expect(failed.conditions!.find((c) => c.type === "Ready")!.message).toBeUndefined();
  });
});
