import { describe, expect, it } from "vitest";
import { stageMatches } from "../pod-worker.ts";
import { IMAGE_TABLE } from "./images.ts";
import { POD_STAGES } from "./pod-stages.ts";
import { DELETIONS, loadImageTable, loadPodStages, RESTART_POLICIES, StageTableError, WORKER_STATES, type StageInput, type WorkerState } from "./schema.ts";

const BOOL = [false, true] as const;

/** Every combination of facts a pod worker can present. */
function* allFacts() {
  for (const state of WORKER_STATES)
    for (const deletion of DELETIONS)
      for (const restartPolicy of RESTART_POLICIES)
        for (const imagePresent of BOOL)
          for (const imageCached of BOOL)
            for (const needsPull of BOOL)
              for (const inPullBackOff of BOOL)
                for (const pullable of BOOL)
                  for (const retrying of BOOL)
                    for (const moreContainers of BOOL)
                      for (const fits of BOOL)
                        for (const containerDied of BOOL)
                          for (const restartable of BOOL)
                            for (const inRestartBackOff of BOOL)
                              for (const containersRunning of BOOL)
                                yield { state, deletion, restartPolicy, imagePresent, imageCached, needsPull, inPullBackOff, pullable, retrying, moreContainers, fits, containerDied, restartable, inRestartBackOff, containersRunning };
}

type Facts = ReturnType<typeof allFacts> extends Generator<infer F> ? F : never;

/** Where a pod worker rests until something changes. */
const IDLE: Record<string, readonly WorkerState[]> = {
  none: ["Finished", "Rejected", "Gone", "Stopping"],
  graceful: ["Gone"],
  removed: ["Gone"],
};

/** Running rests while its containers run and none waits to be noticed or restarted. */
function idle(f: Facts): boolean {
  if (f.state === "Running" && f.deletion === "none") return !f.containerDied && !f.restartable && !f.inRestartBackOff && f.containersRunning;
  return IDLE[f.deletion]!.includes(f.state);
}

describe("pod stage table", () => {
  it("selects exactly one stage for every state and fact, except where a worker rests", () => {
    for (const facts of allFacts()) {
      const matching = POD_STAGES.filter((s) => stageMatches(s.when, facts)).map((s) => s.name);
      if (matching.length !== (idle(facts) ? 0 : 1)) throw new Error(`${JSON.stringify(facts)} matches [${matching.join(", ")}]`);
    }
  });

  it("only moves to states some stage leaves (or where workers rest)", () => {
    const leaving = new Set(POD_STAGES.flatMap((s) => s.when.state));
    for (const s of POD_STAGES) expect(leaving.has(s.next) || ["Gone", "Running", "Finished", "Rejected"].includes(s.next), `${s.name} → ${s.next}`).toBe(true);
  });

  it("never chains zero-delay stages in a loop", () => {
    const instant = POD_STAGES.filter((s) => s.delay.ms === 0 && s.delay.jitterMs === 0 && !s.serialImagePull);
    const next = new Map<WorkerState, WorkerState[]>();
    for (const s of instant) for (const from of s.when.state) next.set(from, [...(next.get(from) ?? []), s.next]);
    const visit = (state: WorkerState, path: WorkerState[]): void => {
      if (path.includes(state)) throw new Error(`zero-delay loop: ${[...path, state].join(" → ")}`);
      for (const to of next.get(state) ?? []) visit(to, [...path, state]);
    };
    for (const state of WORKER_STATES) visit(state, []);
  });

  it("defaults `deletion` to pods not being deleted", () => {
    expect(POD_STAGES.find((s) => s.name === "pod-ready")!.when.deletion).toEqual(["none"]);
  });

  it("names the file, the stage and the field of an invalid table", () => {
    const bad = [{ name: "pod-ready", appliesTo: "pod", when: { state: ["ContainerStarted"] }, delay: { ms: -1, jitterMs: 0 }, steps: [{ event: "Nope" }], next: "Running" }] as unknown as StageInput[];
    let message = "";
    try {
      loadPodStages("stages/bad.ts", bad);
    } catch (e) {
      expect(e).toBeInstanceOf(StageTableError);
      message = (e as Error).message;
    }
    expect(message).toContain("stages/bad.ts: 0(pod-ready).delay.ms: ");
    expect(message).toContain("stages/bad.ts: 0(pod-ready).steps.0: ");
  });

  it("refuses duplicate stage names", () => {
    const stage: StageInput = { name: "x", appliesTo: "pod", when: { state: ["New"] }, delay: { ms: 0, jitterMs: 0 }, steps: [], next: "Running" };
    expect(() => loadPodStages("f.ts", [stage, stage])).toThrow('f.ts: 1(x).name: duplicate stage name "x"');
  });
});

describe("image table", () => {
  it("keeps the pull-failure rules as data", () => {
    expect(IMAGE_TABLE.pullFailures.map((r) => [r.name, r.match])).toEqual([
      ["tag-not-found", { tag: "doesnotexist" }],
      ["repository-not-found", { imagePrefix: "invalid/" }],
    ]);
  });

  it("names the file and the field of an invalid table", () => {
    expect(() => loadImageTable("images.ts", { ...IMAGE_TABLE, pullFailures: [{ name: "r", match: {}, error: { code: "NotFound", message: "x" } }] })).toThrow("images.ts: pullFailures.0.match: give tag or imagePrefix");
    expect(() => loadImageTable("images.ts", { ...IMAGE_TABLE, unknownSize: { minBytes: 10, maxBytes: 5 } })).toThrow("images.ts: unknownSize: minBytes must not exceed maxBytes");
  });
});
