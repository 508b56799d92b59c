import { describe, expect, it } from "vitest";
import type { Container, ContainerStatus, Pod, PodStatus } from "../../sim/api/core-v1.ts";
import { podCells, podReadyCount, podStatusText } from "./pod-status.ts";

const NOW = { epochMs: 0, nowMs: 600_000 }; // 10 minutes after the epoch
const at = (sec: number): string => `1970-01-01T00:${String(Math.floor(sec / 60)).padStart(2, "0")}:${String(sec % 60).padStart(2, "0")}Z`;

function cs(name: string, state: ContainerStatus["state"], extra: Partial<ContainerStatus> = {}): ContainerStatus {
  return { name, state, lastState: {}, ready: false, restartCount: 0, image: "nginx", imageID: "", ...extra };
}

function pod(status: PodStatus, opts: { containers?: string[]; init?: Container[]; deleting?: boolean } = {}): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p", namespace: "default", ...(opts.deleting ? { deletionTimestamp: at(630) } : {}) },
    spec: { containers: (opts.containers ?? ["app"]).map((n) => ({ name: n, image: "nginx" })), initContainers: opts.init },
    status,
  };
}

const running = { running: { startedAt: at(0) } };
const ready = (n = "Ready") => ({ type: n, status: "True" as const });

describe("printPod's READY, STATUS and RESTARTS (reference 8.4)", () => {
  it.each<[string, Pod, string, string, string]>([
    ["unscheduled", pod({ phase: "Pending" }), "0/1", "Pending", "0"],
    ["creating", pod({ phase: "Pending", containerStatuses: [cs("app", { waiting: { reason: "ContainerCreating" } })] }), "0/1", "ContainerCreating", "0"],
    ["running and ready", pod({ phase: "Running", conditions: [ready()], containerStatuses: [cs("app", running, { ready: true })] }), "1/1", "Running", "0"],
    ["running, not ready", pod({ phase: "Running", containerStatuses: [cs("app", running)] }), "0/1", "Running", "0"],
    [
      "crash looping",
      pod({
        phase: "Running",
        containerStatuses: [cs("app", { waiting: { reason: "CrashLoopBackOff" } }, { restartCount: 5, lastState: { terminated: { exitCode: 1, reason: "Error", finishedAt: at(480) } } })],
      }),
      "0/1",
      "CrashLoopBackOff",
      "5 (2m ago)",
    ],
    ["image pull back-off", pod({ phase: "Pending", containerStatuses: [cs("app", { waiting: { reason: "ImagePullBackOff" } })] }), "0/1", "ImagePullBackOff", "0"],
    ["completed", pod({ phase: "Succeeded", containerStatuses: [cs("app", { terminated: { exitCode: 0, reason: "Completed" } })] }), "0/1", "Completed", "0"],
    ["error", pod({ phase: "Failed", containerStatuses: [cs("app", { terminated: { exitCode: 1, reason: "Error" } })] }), "0/1", "Error", "0"],
    ["OOM killed", pod({ phase: "Running", containerStatuses: [cs("app", { terminated: { exitCode: 137, reason: "OOMKilled" } })] }), "0/1", "OOMKilled", "0"],
    ["exit code without reason", pod({ phase: "Failed", containerStatuses: [cs("app", { terminated: { exitCode: 2 } })] }), "0/1", "ExitCode:2", "0"],
    ["signal without reason", pod({ phase: "Failed", containerStatuses: [cs("app", { terminated: { exitCode: 137, signal: 9 } })] }), "0/1", "Signal:9", "0"],
    ["evicted", pod({ phase: "Failed", reason: "Evicted" }), "0/1", "Evicted", "0"],
    ["evicted, container reason wins", pod({ phase: "Failed", reason: "Evicted", containerStatuses: [cs("app", { terminated: { exitCode: 137, reason: "Error" } })] }), "0/1", "Error", "0"],
    ["terminating", pod({ phase: "Running", conditions: [ready()], containerStatuses: [cs("app", running, { ready: true })] }, { deleting: true }), "1/1", "Terminating", "0"],
    ["terminating after success", pod({ phase: "Succeeded", containerStatuses: [cs("app", { terminated: { exitCode: 0, reason: "Completed" } })] }, { deleting: true }), "0/1", "Completed", "0"],
    ["node lost", pod({ phase: "Running", reason: "NodeLost", containerStatuses: [cs("app", running, { ready: true })] }, { deleting: true }), "1/1", "Unknown", "0"],
    ["scheduling gated", pod({ phase: "Pending", conditions: [{ type: "PodScheduled", status: "False", reason: "SchedulingGated" }] }), "0/1", "SchedulingGated", "0"],
    [
      "first container wins",
      pod({ phase: "Running", containerStatuses: [cs("a", { waiting: { reason: "CrashLoopBackOff" } }), cs("b", running, { ready: true })] }, { containers: ["a", "b"] }),
      "1/2",
      "CrashLoopBackOff",
      "0",
    ],
    [
      "completed while another runs, pod ready",
      pod({ phase: "Running", conditions: [ready()], containerStatuses: [cs("a", { terminated: { exitCode: 0, reason: "Completed" } }), cs("b", running, { ready: true })] }, { containers: ["a", "b"] }),
      "1/2",
      "Running",
      "0",
    ],
    [
      "completed while another runs, pod not ready",
      pod({ phase: "Running", containerStatuses: [cs("a", { terminated: { exitCode: 0, reason: "Completed" } }), cs("b", running, { ready: true })] }, { containers: ["a", "b"] }),
      "1/2",
      "NotReady",
      "0",
    ],
    [
      "completed beside an error",
      pod({ phase: "Failed", containerStatuses: [cs("a", { terminated: { exitCode: 0, reason: "Completed" } }), cs("b", { terminated: { exitCode: 1, reason: "Error" } })] }, { containers: ["a", "b"] }),
      "0/2",
      "Error",
      "0",
    ],
  ])("%s", (_name, p, readyCell, status, restarts) => {
    expect(podCells(NOW, p)).toEqual({ ready: readyCell, status, restarts });
    expect(podStatusText(p)).toBe(status);
  });

  const init = [
    { name: "init-a", image: "busybox" },
    { name: "init-b", image: "busybox" },
  ];
  it.each<[string, ContainerStatus[], string]>([
    ["waiting to initialize", [cs("init-a", { waiting: { reason: "PodInitializing" } }), cs("init-b", { waiting: { reason: "PodInitializing" } })], "Init:0/2"],
    ["second init running", [cs("init-a", { terminated: { exitCode: 0, reason: "Completed" } }), cs("init-b", running)], "Init:1/2"],
    ["init crash looping", [cs("init-a", { waiting: { reason: "CrashLoopBackOff" } }, { restartCount: 3 })], "Init:CrashLoopBackOff"],
    ["init failed", [cs("init-a", { terminated: { exitCode: 1, reason: "Error" } })], "Init:Error"],
    ["init exit code", [cs("init-a", { terminated: { exitCode: 3 } })], "Init:ExitCode:3"],
    ["init signal", [cs("init-a", { terminated: { exitCode: 137, signal: 9 } })], "Init:Signal:9"],
  ])("%s", (_name, initStatuses, status) => {
    const p = pod({ phase: "Pending", initContainerStatuses: initStatuses, containerStatuses: [cs("app", { waiting: { reason: "PodInitializing" } })] }, { init });
    expect(podStatusText(p)).toBe(status);
  });

  it("counts init restarts while initializing", () => {
    const p = pod({ phase: "Pending", initContainerStatuses: [cs("init-a", { waiting: { reason: "CrashLoopBackOff" } }, { restartCount: 3 })] }, { init });
    expect(podCells(NOW, p).restarts).toBe("3");
  });

  it("counts a started sidecar in READY and its restarts with the app's, newest restart wins", () => {
    const p = pod(
      {
        phase: "Running",
        conditions: [ready("Initialized"), ready()],
        initContainerStatuses: [cs("proxy", running, { ready: true, started: true, restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: at(300) } } })],
        containerStatuses: [cs("app", running, { ready: true, restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: at(585) } } })],
      },
      { init: [{ name: "proxy", image: "envoy", restartPolicy: "Always" } as Container] },
    );
    expect(podCells(NOW, p)).toEqual({ ready: "2/2", status: "Running", restarts: "3 (15s ago)" });
    expect(podReadyCount(p)).toEqual({ ready: 2, total: 2 });
  });
});
