import { describe, expect, it } from "vitest";
import type { Pod } from "../../api/core-v1.ts";
import { DEFAULT_EPOCH_MS, rfc3339 } from "../../kernel/time.ts";
import { getPodsToDelete } from "./pods-to-delete.ts";

const NOW = 3_600_000;
const at = (ms: number): string => rfc3339(DEFAULT_EPOCH_MS, ms);

interface Spec {
  node?: string;
  phase?: "Pending" | "Running" | "Unknown";
  readySince?: number;
  cost?: string;
  restarts?: number;
  created?: number;
  uid?: string;
}

function pod(name: string, s: Spec): Pod {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "default",
      uid: s.uid ?? name,
      creationTimestamp: at(s.created ?? 0),
      annotations: s.cost === undefined ? undefined : { "controller.kubernetes.io/pod-deletion-cost": s.cost },
    },
    spec: { containers: [{ name: "c", image: "nginx" }], nodeName: s.node },
    status: {
      phase: s.phase ?? "Running",
      conditions: s.readySince === undefined ? [] : [{ type: "Ready", status: "True", lastTransitionTime: at(s.readySince) }],
      containerStatuses: [{ name: "c", state: {}, lastState: {}, ready: s.readySince !== undefined, restartCount: s.restarts ?? 0, image: "nginx", imageID: "" }],
    },
  };
}

const ready = { node: "n1", readySince: 0 };

// Each case: two pods; `first` is the one deleted when only one must go.
const cases: { name: string; first: Spec; second: Spec; related?: Pod[] }[] = [
  { name: "unscheduled before scheduled", first: { phase: "Pending" }, second: { node: "n1", phase: "Pending" } },
  { name: "Pending before Unknown", first: { node: "n1", phase: "Pending" }, second: { node: "n1", phase: "Unknown" } },
  { name: "Unknown before Running", first: { node: "n1", phase: "Unknown" }, second: { node: "n1", phase: "Running" } },
  { name: "not ready before ready", first: { node: "n1" }, second: ready },
  { name: "lower pod-deletion-cost first", first: { ...ready, cost: "-5" }, second: { ...ready, cost: "10" } },
  { name: "malformed deletion cost counts as 0", first: { ...ready, cost: "cheap" }, second: { ...ready, cost: "1" } },
  {
    name: "doubled up on a node before alone",
    first: { node: "crowded", readySince: 0 },
    second: { node: "alone", readySince: 0 },
    related: [pod("sibling", { node: "crowded", readySince: 0 })],
  },
  { name: "ready for less time first (log2 buckets)", first: { ...ready, readySince: NOW - 60_000 }, second: { ...ready, readySince: NOW - 1_800_000 } },
  { name: "same ready bucket: lower uid first", first: { ...ready, readySince: NOW - 40_000, uid: "a" }, second: { ...ready, readySince: NOW - 50_000, uid: "b" } },
  { name: "more restarts first", first: { ...ready, restarts: 3 }, second: { ...ready, restarts: 1 } },
  { name: "newer first", first: { ...ready, created: NOW - 10_000 }, second: { ...ready, created: NOW - 3_000_000 } },
];

describe("getPodsToDelete", () => {
  for (const c of cases) {
    it(c.name, () => {
      const a = pod("a-first", { uid: "a", ...c.first });
      const b = pod("b-second", { uid: "b", ...c.second });
      const related = [a, b, ...(c.related ?? [])];
      expect(getPodsToDelete([b, a], related, 1, NOW, DEFAULT_EPOCH_MS).map((p) => p.metadata.name)).toEqual(["a-first"]);
      expect(getPodsToDelete([a, b], related, 1, NOW, DEFAULT_EPOCH_MS).map((p) => p.metadata.name)).toEqual(["a-first"]);
    });
  }

  it("returns every pod when all must go", () => {
    const pods = [pod("x", ready), pod("y", {})];
    expect(getPodsToDelete(pods, pods, 2, NOW, DEFAULT_EPOCH_MS)).toHaveLength(2);
  });
});
