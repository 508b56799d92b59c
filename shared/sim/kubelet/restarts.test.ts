import { describe, expect, it } from "vitest";
import type { Pod } from "../api/core-v1.ts";
import { podCells, podStatusText } from "../../kubectl/printers/pod-status.ts";
import { BACK_OFF_PERIOD_MS } from "./backoff.ts";
import { DEFAULT_KUBELET_TABLES } from "./kubelet.ts";
import { ADMIN, newKubeletFixture, stageMs, type KubeletFixture } from "./testing.ts";

const SANDBOX = stageMs("pod-sandbox");
const PULL = stageMs("image-pulled");
const START = stageMs("container-start");
const READY = stageMs("pod-ready");
const DIED = stageMs("container-died");
const RESYNC = stageMs("crash-loop-resync");
const STOP = stageMs("pod-stopped");
/** How long `exit 1` lives (the table's quickExit, jitter-free in the fixture). */
const QUICK = DEFAULT_KUBELET_TABLES.commands.quickExit.ms;
/** First start of a busybox container: sandbox, pull, create + start. */
const FIRST_START = SANDBOX + PULL + START;

const exitOne = { name: "app", image: "busybox:1.36", command: ["sh", "-c", "exit 1"] };

/** "STATUS RESTARTS" each time a kubelet write changed it: [ms, cell]. */
function timeline(f: KubeletFixture, name: string): [number, string][] {
  const out: [number, string][] = [];
  for (const e of f.log) {
    if (e.object.kind !== "Pod" || e.object.metadata.name !== name || e.type === "DELETED") continue;
    const pod = e.object as Pod;
    const cell = `${podStatusText(pod)} ${pod.status?.containerStatuses?.[0]?.restartCount ?? 0}`;
    if (out.at(-1)?.[1] !== cell) out.push([e.at, cell]);
  }
  return out;
}

function status(f: KubeletFixture, name: string) {
  return f.pod(name)!.status!.containerStatuses![0]!;
}

describe("a container that exits with 1, restartPolicy Always", () => {
  // Starts s0, s1... each exit QUICK later; PLEG's relist (READY after a start)
  // reports it. The first exit is restarted at once (doBackOff has no entry yet);
  // later ones wait their back-off, checked by the pod worker's 10 s resyncs.
  const s0 = FIRST_START;
  const seen0 = s0 + READY;
  const s1 = seen0 + START;
  const seen1 = s1 + READY;
  const restart2 = seen1 + RESYNC; // 10 s back-off
  const s2 = restart2 + START;
  const seen2 = s2 + READY;
  const restart3 = seen2 + 2 * RESYNC; // 20 s
  const s3 = restart3 + START;
  const seen3 = s3 + READY;
  const restart4 = seen3 + 4 * RESYNC; // 40 s
  const s4 = restart4 + START;

  it("goes Error → CrashLoopBackOff, restarting 10 s, 20 s, 40 s after each exit", () => {
    const f = newKubeletFixture();
    f.createPod("crash", [exitOne]);
    f.advanceTo(s4 + READY);
    // `exit 1` dies long before PLEG's first relist: it is never seen Running.
    expect(timeline(f, "crash")).toEqual([
      [0, "Pending 0"],
      [SANDBOX, "ContainerCreating 0"],
      [seen0, "Error 0"],
      [seen1, "Error 1"],
      [restart2, "CrashLoopBackOff 1"],
      [s2 + READY, "Error 2"],
      [seen2 + RESYNC, "CrashLoopBackOff 2"],
      [s3 + READY, "Error 3"],
      [seen3 + RESYNC, "CrashLoopBackOff 3"],
      [s4 + READY, "Error 4"],
    ]);
    // Each restart comes once the back-off since the exit has run out (the
    // relist and the 10 s resync grid add under a second).
    const exits = [s1, s2, s3].map((s) => s + QUICK);
    expect([restart2 - exits[0]!, restart3 - exits[1]!, restart4 - exits[2]!]).toEqual([10_000, 20_000, 40_000].map((b) => b + READY - QUICK));
    expect(BACK_OFF_PERIOD_MS).toBe(10_000);
  });

  it("reports the exit as terminated Error with the instance's times and ID", () => {
    const f = newKubeletFixture();
    f.createPod("crash", [exitOne]);
    f.advanceTo(seen0);
    const cs = status(f, "crash");
    expect(cs.state).toEqual({ terminated: { exitCode: 1, reason: "Error", startedAt: f.now(s0), finishedAt: f.now(s0 + QUICK), containerID: cs.containerID } });
    expect(cs).toMatchObject({ lastState: {}, ready: false, started: false, restartCount: 0 });
    const pod = f.pod("crash")!;
    expect(pod.status!.phase).toBe("Running");
    expect(pod.status!.conditions!.map((c) => [c.type, c.status, c.reason])).toEqual([
      ["PodReadyToStartContainers", "True", undefined],
      ["Initialized", "True", undefined],
      ["Ready", "False", "ContainersNotReady"],
      ["ContainersReady", "False", "ContainersNotReady"],
      ["PodScheduled", "True", undefined],
    ]);
  });

  it("waits in CrashLoopBackOff with the back-off in the message and the exit as lastState", () => {
    const f = newKubeletFixture();
    const uid = f.createPod("crash", [exitOne]).metadata.uid!;
    f.advanceTo(seen1);
    const firstID = status(f, "crash").lastState.terminated!.containerID;
    f.advanceTo(restart2);
    const cs = status(f, "crash");
    expect(cs.state).toEqual({ waiting: { reason: "CrashLoopBackOff", message: `back-off 10s restarting failed container=app pod=crash_default(${uid})` } });
    expect(cs.lastState).toEqual({ terminated: { exitCode: 1, reason: "Error", startedAt: f.now(s1), finishedAt: f.now(s1 + QUICK), containerID: cs.containerID } });
    expect(cs.containerID).not.toBe(firstID);
    expect(cs.restartCount).toBe(1);
    // kubectl rounds the 10.95 s since the last exit.
    expect(restart2 - (s1 + QUICK)).toBe(10_950);
    expect(podCells({ epochMs: f.epochMs, nowMs: restart2 }, f.pod("crash")!)).toEqual({ ready: "0/1", status: "CrashLoopBackOff", restarts: "1 (11s ago)" });
    f.advanceTo(seen2 + RESYNC);
    expect(status(f, "crash").state.waiting!.message).toBe(`back-off 20s restarting failed container=app pod=crash_default(${uid})`);
    expect(f.pod("crash")!.status!.phase).toBe("Running");
  });

  it("records BackOff at every refused restart, and Pulled, Created, Started at every restart", () => {
    const f = newKubeletFixture();
    const uid = f.createPod("crash", [exitOne]).metadata.uid!;
    f.advanceTo(s3);
    const backOff = `Warning BackOff: Back-off restarting failed container app in pod crash_default(${uid})`;
    // Repeats are one Event each, counted (in order of their first occurrence).
    expect(f.events("crash")).toEqual([
      'Normal Pulling: Pulling image "busybox:1.36"',
      'Normal Pulled: Successfully pulled image "busybox:1.36" in 2s (2s including waiting). Image size: 2166802 bytes.',
      "Normal Created: Created container: app (x4)",
      "Normal Started: Started container app (x4)",
      'Normal Pulled: Container image "busybox:1.36" already present on machine (x3)',
      `${backOff} (x3)`, // seen1, seen2, and seen2 + 10 s (20 s back-off)
    ]);
    const present = must(f.api.list(ADMIN, "events")).items.find((e) => e.message.includes("already present"))!;
    expect([present.firstTimestamp, present.lastTimestamp]).toEqual([f.now(seen0), f.now(restart3)]);
    const ev = must(f.api.list(ADMIN, "events")).items.find((e) => e.reason === "BackOff")!;
    expect([ev.type, ev.firstTimestamp, ev.lastTimestamp]).toEqual(["Warning", f.now(seen1), f.now(seen2 + RESYNC)]);
  });

  it("is deleted like any pod: no Killing for a dead container, terminated Error to the end", () => {
    const f = newKubeletFixture();
    f.createPod("crash", [exitOne]);
    f.advanceTo(restart2 - 1_000);
    must(f.admin.delete("pods", "default", "crash"));
    f.settle();
    f.advanceTo(restart2 - 1_000 + STOP);
    expect(f.pod("crash")).toBeUndefined();
    expect(f.events("crash").filter((e) => e.includes("Killing"))).toEqual([]);
    const last = f.log.filter((e) => e.object.kind === "Pod" && e.type === "MODIFIED").at(-1)!.object as Pod;
    expect(last.status!.phase).toBe("Failed");
    expect(last.status!.containerStatuses![0]!.state.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
  });
});

describe("restart policies", () => {
  it("OnFailure with exit 0: Succeeded, Completed, never restarted", () => {
    const f = newKubeletFixture();
    f.createPod("job", [{ name: "app", image: "busybox:1.36", command: ["sh", "-c", "exit 0"] }], { restartPolicy: "OnFailure" });
    f.advanceTo(60_000);
    expect(timeline(f, "job")).toEqual([
      [0, "Pending 0"],
      [SANDBOX, "ContainerCreating 0"],
      [FIRST_START + READY, "Completed 0"],
    ]);
    const pod = f.pod("job")!;
    expect(pod.status!.phase).toBe("Succeeded");
    expect(pod.status!.containerStatuses![0]!.state.terminated).toMatchObject({ exitCode: 0, reason: "Completed" });
    expect(pod.status!.conditions!.map((c) => [c.type, c.status, c.reason])).toEqual([
      ["PodReadyToStartContainers", "False", undefined],
      ["Initialized", "True", undefined],
      ["Ready", "False", "PodCompleted"],
      ["ContainersReady", "False", "PodCompleted"],
      ["PodScheduled", "True", undefined],
    ]);
    expect(f.events("job").filter((e) => e.includes("Started"))).toEqual(["Normal Started: Started container app"]);
    expect(f.kubelet.hasWork()).toBe(false);
  });

  it("OnFailure with exit 1: restarted like Always", () => {
    const f = newKubeletFixture();
    f.createPod("retry", [{ ...exitOne }], { restartPolicy: "OnFailure" });
    f.advanceTo(30_000);
    expect(podStatusText(f.pod("retry")!)).toBe("CrashLoopBackOff");
    expect(f.pod("retry")!.status!.phase).toBe("Running");
  });

  it("Never with exit 1: Failed, Error, the sandbox stopped", () => {
    const f = newKubeletFixture();
    f.createPod("once", [exitOne], { restartPolicy: "Never" });
    f.advanceTo(60_000);
    expect(timeline(f, "once")).toEqual([
      [0, "Pending 0"],
      [SANDBOX, "ContainerCreating 0"],
      [FIRST_START + READY, "Error 0"],
    ]);
    const pod = f.pod("once")!;
    expect(pod.status!.phase).toBe("Failed");
    expect(pod.status!.conditions!.find((c) => c.type === "Ready")).toMatchObject({ status: "False", reason: "PodFailed" });
    expect(pod.status!.conditions!.find((c) => c.type === "PodReadyToStartContainers")!.status).toBe("False");
    expect(f.events("once").some((e) => e.includes("BackOff"))).toBe(false);
  });

  it("Never keeps the pod Running while another container still runs", () => {
    const f = newKubeletFixture();
    f.createPod("pair", [exitOne, { name: "web", image: "nginx:1.27" }], { restartPolicy: "Never" });
    f.advanceTo(30_000);
    const pod = f.pod("pair")!;
    expect(pod.status!.phase).toBe("Running");
    expect(pod.status!.containerStatuses!.map((c) => Object.keys(c.state)[0])).toEqual(["terminated", "running"]);
    // First container wins the STATUS column unless it completed: "Error".
    expect(podCells({ epochMs: f.epochMs, nowMs: f.clock.now }, pod)).toMatchObject({ ready: "1/2", status: "Error" });
  });
});

describe("sleep N", () => {
  it("runs N seconds, exits 0 (Completed) and, with Always, is restarted and then backed off", () => {
    const f = newKubeletFixture();
    f.createPod("nap", [{ name: "app", image: "busybox:1.36", command: ["sleep", "30"] }]);
    const s0 = FIRST_START;
    const exit0 = s0 + 30_000;
    const s1 = exit0 + DIED + START; // the first exit restarts at once
    const exit1 = s1 + 30_000;
    const restart2 = exit1 + DIED + RESYNC; // then the 10 s back-off
    f.advanceTo(restart2 + START + READY);
    expect(timeline(f, "nap")).toEqual([
      [0, "Pending 0"],
      [SANDBOX, "ContainerCreating 0"],
      [s0 + READY, "Running 0"],
      [exit0 + DIED, "Completed 0"],
      [s1 + READY, "Running 1"],
      [exit1 + DIED, "Completed 1"],
      [restart2, "CrashLoopBackOff 1"],
      [restart2 + START + READY, "Running 2"],
    ]);
    const cs = status(f, "nap");
    expect(cs.lastState.terminated).toMatchObject({ exitCode: 0, reason: "Completed", startedAt: f.now(s1), finishedAt: f.now(exit1) });
    expect(f.pod("nap")!.status!.conditions!.find((c) => c.type === "Ready")).toMatchObject({ status: "True", lastTransitionTime: f.now(restart2 + START + READY) });
  });

  it("resets the back-off after 10 minutes of clean running: every exit restarts at once", () => {
    const f = newKubeletFixture();
    f.createPod("long", [{ name: "app", image: "busybox:1.36", command: ["sh", "-c", "sleep 660"] }]);
    f.advanceTo(2_100_000);
    // 11 minutes from a restart to the next exit is more than twice the 5 min cap.
    const exits = [FIRST_START + 660_000];
    for (let i = 0; i < 2; i++) exits.push(exits.at(-1)! + DIED + START + 660_000);
    expect(f.events("long").some((e) => e.includes("BackOff"))).toBe(false);
    const cs = status(f, "long");
    expect(cs.restartCount).toBe(3);
    expect(cs.lastState.terminated!.finishedAt).toBe(f.now(exits[2]));
    expect(cs.state.running!.startedAt).toBe(f.now(exits[2]! + DIED + START));
  });

  it("keeps doubling the back-off for a container that runs 5 minutes", () => {
    const f = newKubeletFixture();
    f.createPod("short", [{ name: "app", image: "busybox:1.36", command: ["sh", "-c", "sleep 300"] }]);
    f.advanceTo(2_100_000);
    // Restarts after 0, 10, 20, 40 and 80 s of back-off; the next waits 160 s.
    const cs = status(f, "short");
    expect(cs.restartCount).toBe(5);
    expect(cs.state.waiting).toMatchObject({ reason: "CrashLoopBackOff", message: expect.stringMatching(/^back-off 2m40s restarting failed container=app pod=short_default\(/) });
    expect(podStatusText(f.pod("short")!)).toBe("CrashLoopBackOff");
  });
});

describe("node crash", () => {
  it("keeps the exit code of a container that ended before the machine went down", () => {
    const f = newKubeletFixture();
    f.createPod("once", [{ name: "web", image: "nginx:1.27" }, exitOne], { restartPolicy: "Never" });
    // nginx is pulled and started, then busybox; it exits before any relist reports it.
    f.advanceTo(FIRST_START + PULL + START + QUICK);
    expect(f.pod("once")!.status!.containerStatuses!.map((c) => Object.keys(c.state)[0])).toEqual(["waiting", "waiting"]);
    f.kubelet.crash();
    f.advanceTo(30_000);
    f.kubelet.restart();
    f.settle();
    const states = f.pod("once")!.status!.containerStatuses!.map((c) => c.state.terminated);
    expect(states.map((t) => [t?.exitCode, t?.reason])).toEqual([
      [255, "Unknown"],
      [1, "Error"],
    ]);
    expect(f.pod("once")!.status!.phase).toBe("Failed");
  });
});

function must<T>(r: { ok: true; object: T } | { ok: false; status: { message: string } }): T {
  if (!r.ok) throw new Error(r.status.message);
  return r.object;
}
