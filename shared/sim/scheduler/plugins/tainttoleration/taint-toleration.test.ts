import { describe, expect, it } from "vitest";
import type { Taint, Toleration } from "../../../api/core-v1.ts";
import { CycleState } from "../../framework/cycle-state.ts";
import { makeNode, makePod, nodeInfoWith } from "../../testing/wrappers.ts";
import { TaintToleration, untoleratedTaintReason } from "./taint-toleration.ts";

const GPU: Taint = { key: "dedicated", value: "gpu", effect: "NoSchedule" };
const CONTROL_PLANE: Taint = { key: "node-role.kubernetes.io/control-plane", effect: "NoSchedule" };
const NOT_READY_NO_EXECUTE: Taint = { key: "node.kubernetes.io/not-ready", effect: "NoExecute" };
const PREFER_SPOT: Taint = { key: "spot", value: "true", effect: "PreferNoSchedule" };

describe("TaintToleration filter", () => {
  const plugin = new TaintToleration();
  const cases: { name: string; taints: Taint[]; tolerations?: Toleration[]; reason?: string }[] = [
    { name: "no taints", taints: [] },
    { name: "untolerated NoSchedule taint names key and value", taints: [GPU], reason: "node(s) had untolerated taint {dedicated: gpu}" },
    { name: "empty value prints as nothing", taints: [CONTROL_PLANE], reason: "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }" },
    { name: "NoExecute taints are enforced too", taints: [NOT_READY_NO_EXECUTE], reason: "node(s) had untolerated taint {node.kubernetes.io/not-ready: }" },
    { name: "PreferNoSchedule is only a preference", taints: [PREFER_SPOT] },
    { name: "Equal toleration with the value", taints: [GPU], tolerations: [{ key: "dedicated", operator: "Equal", value: "gpu", effect: "NoSchedule" }] },
    { name: "empty operator means Equal", taints: [GPU], tolerations: [{ key: "dedicated", value: "gpu" }] },
    { name: "Equal with another value", taints: [GPU], tolerations: [{ key: "dedicated", operator: "Equal", value: "tpu" }], reason: "node(s) had untolerated taint {dedicated: gpu}" },
    { name: "Exists on the key, any effect", taints: [GPU], tolerations: [{ key: "dedicated", operator: "Exists" }] },
    { name: "empty key with Exists tolerates everything", taints: [GPU, CONTROL_PLANE], tolerations: [{ operator: "Exists" }] },
    { name: "toleration for another effect", taints: [GPU], tolerations: [{ key: "dedicated", operator: "Exists", effect: "NoExecute" }], reason: "node(s) had untolerated taint {dedicated: gpu}" },
    {
      name: "the first untolerated taint is the reason",
      taints: [GPU, CONTROL_PLANE],
      tolerations: [{ key: "dedicated", operator: "Exists" }],
      reason: "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }",
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const status = plugin.filter(new CycleState(), makePod("p", { tolerations: c.tolerations }), nodeInfoWith(makeNode("n", { taints: c.taints })));
      if (c.reason === undefined) expect(status).toBeUndefined();
      else expect(status).toEqual({ code: "UnschedulableAndUnresolvable", reasons: [c.reason], plugin: "TaintToleration" });
    });
  }

  it("builds the reason from the taint", () => {
    expect(untoleratedTaintReason({ key: "k", value: "v", effect: "NoSchedule" })).toBe("node(s) had untolerated taint {k: v}");
  });
});

describe("TaintToleration score", () => {
  const plugin = new TaintToleration();
  const nodes = [
    makeNode("clean"),
    makeNode("one", { taints: [PREFER_SPOT] }),
    makeNode("two", { taints: [PREFER_SPOT, { key: "old-kernel", effect: "PreferNoSchedule" }, GPU] }),
  ].map((n) => nodeInfoWith(n));

  const score = (tolerations?: Toleration[]): number[] => {
    const state = new CycleState();
    const pod = makePod("p", { tolerations });
    plugin.preScore(state, pod);
    const scores = Float64Array.from(nodes.map((n) => plugin.score(state, pod, n)));
    const raw = [...scores];
    plugin.normalizeScore(state, pod, scores);
    return [...raw, ...scores];
  };

  it("counts intolerable PreferNoSchedule taints, fewer is better", () => {
    // Raw 0, 1, 2; reversed: 100 − 100×count/max.
    expect(score()).toEqual([0, 1, 2, 100, 50, 0]);
  });

  it("a toleration without effect covers PreferNoSchedule", () => {
    expect(score([{ key: "spot", operator: "Exists" }])).toEqual([0, 0, 1, 100, 100, 0]);
  });

  it("NoSchedule tolerations do not count for scoring", () => {
    expect(score([{ key: "spot", operator: "Exists", effect: "NoSchedule" }])).toEqual([0, 1, 2, 100, 50, 0]);
  });

  it("all nodes equal scores 100 each", () => {
    expect(score([{ operator: "Exists" }])).toEqual([0, 0, 0, 100, 100, 100]);
  });
});

describe("TaintToleration queueing hints", () => {
  const events = new TaintToleration().eventsToRegister();
  const nodeHint = events[0]!.hint!;
  const podHint = events[1]!.hint!;
  const pod = makePod("p");

  it("registers node add/taint updates and toleration updates", () => {
    expect(events.map((e) => [e.event.resource, e.event.actionType])).toEqual([
      ["Node", 1 | 16],
      ["Pod", 256],
    ]);
  });

  const cases: { name: string; old?: Taint[]; now: Taint[]; hint: "Queue" | "QueueSkip" }[] = [
    { name: "new node without taints", now: [], hint: "Queue" },
    { name: "new node with an untolerated taint", now: [GPU], hint: "QueueSkip" },
    { name: "taint removed", old: [GPU], now: [], hint: "Queue" },
    { name: "taint still there", old: [GPU], now: [GPU, PREFER_SPOT], hint: "QueueSkip" },
    { name: "was already tolerated", old: [PREFER_SPOT], now: [], hint: "QueueSkip" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const old = c.old === undefined ? undefined : makeNode("n", { taints: c.old });
      expect(nodeHint(pod, old, makeNode("n", { taints: c.now }))).toBe(c.hint);
    });
  }

  it("an added toleration may help", () => {
    const withToleration = makePod("p", { tolerations: [{ key: "dedicated", operator: "Exists" }] });
    expect(podHint(pod, pod, withToleration)).toBe("Queue");
    expect(podHint(pod, pod, pod)).toBe("QueueSkip");
  });
});
