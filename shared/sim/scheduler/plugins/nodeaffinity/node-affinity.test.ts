import { describe, expect, it } from "vitest";
import type { Affinity, NodeSelectorRequirement, NodeSelectorTerm } from "../../../api/core-v1.ts";
import { CycleState } from "../../framework/cycle-state.ts";
import { makeNode, makePod, nodeInfoWith } from "../../testing/wrappers.ts";
import { ERR_REASON_CONFLICT, ERR_REASON_POD, NodeAffinity } from "./node-affinity.ts";

const required = (...terms: NodeSelectorTerm[]): Affinity => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } });
const expr = (key: string, operator: NodeSelectorRequirement["operator"], values?: string[]): NodeSelectorTerm => ({ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] });

const NODE_LABELS = { zone: "a", disk: "ssd", cores: "16" };

describe("NodeAffinity filter", () => {
  const plugin = new NodeAffinity();
  const cases: { name: string; nodeSelector?: Record<string, string>; affinity?: Affinity; fits: boolean }[] = [
    { name: "nodeSelector matches", nodeSelector: { zone: "a" }, fits: true },
    { name: "nodeSelector value differs", nodeSelector: { zone: "b" }, fits: false },
    { name: "nodeSelector key missing", nodeSelector: { gpu: "true" }, fits: false },
    { name: "In", affinity: required(expr("zone", "In", ["b", "a"])), fits: true },
    { name: "In, no value matches", affinity: required(expr("zone", "In", ["b"])), fits: false },
    { name: "NotIn", affinity: required(expr("zone", "NotIn", ["b"])), fits: true },
    { name: "NotIn on a missing label matches", affinity: required(expr("gpu", "NotIn", ["true"])), fits: true },
    { name: "NotIn excludes", affinity: required(expr("disk", "NotIn", ["ssd"])), fits: false },
    { name: "Exists", affinity: required(expr("disk", "Exists")), fits: true },
    { name: "DoesNotExist", affinity: required(expr("disk", "DoesNotExist")), fits: false },
    { name: "Gt", affinity: required(expr("cores", "Gt", ["8"])), fits: true },
    { name: "Gt, equal is not greater", affinity: required(expr("cores", "Gt", ["16"])), fits: false },
    { name: "Lt", affinity: required(expr("cores", "Lt", ["32"])), fits: true },
    { name: "Gt on a non-integer label", affinity: required(expr("zone", "Gt", ["1"])), fits: false },
    { name: "Gt with two values is malformed", affinity: required(expr("cores", "Gt", ["1", "2"])), fits: false },
    { name: "In without values is malformed", affinity: required(expr("zone", "In", [])), fits: false },
    { name: "terms are ORed", affinity: required(expr("zone", "In", ["b"]), expr("disk", "In", ["ssd"])), fits: true },
    { name: "requirements in a term are ANDed", affinity: required({ matchExpressions: [{ key: "zone", operator: "In", values: ["a"] }, { key: "disk", operator: "In", values: ["hdd"] }] }), fits: false },
    { name: "an empty term matches nothing", affinity: required({}), fits: false },
    { name: "matchFields metadata.name", affinity: required({ matchFields: [{ key: "metadata.name", operator: "In", values: ["n1"] }] }), fits: true },
    { name: "matchFields another name", affinity: required({ matchFields: [{ key: "metadata.name", operator: "In", values: ["n2"] }] }), fits: false },
    { name: "nodeSelector and affinity must both match", nodeSelector: { zone: "b" }, affinity: required(expr("disk", "Exists")), fits: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const pod = makePod("p", { nodeSelector: c.nodeSelector, affinity: c.affinity });
      const state = new CycleState();
      plugin.preFilter(state, pod);
      const status = plugin.filter(state, pod, nodeInfoWith(makeNode("n1", { labels: NODE_LABELS })));
      expect(status).toEqual(c.fits ? undefined : { code: "UnschedulableAndUnresolvable", reasons: [ERR_REASON_POD], plugin: "NodeAffinity" });
    });
  }

  it("pins the reason text", () => {
    expect(ERR_REASON_POD).toBe("node(s) didn't match Pod's node affinity/selector");
  });
});

describe("NodeAffinity PreFilter", () => {
  const plugin = new NodeAffinity();
  const pre = (affinity?: Affinity, nodeSelector?: Record<string, string>) => plugin.preFilter(new CycleState(), makePod("p", { affinity, nodeSelector }));
  const names = (...values: string[]): NodeSelectorTerm => ({ matchFields: [{ key: "metadata.name", operator: "In", values }] });

  it("skips pods without selector or required affinity", () => {
    expect(pre()?.status?.code).toBe("Skip");
  });
  it("does not narrow for label selectors", () => {
    expect(pre(undefined, { zone: "a" })).toBeUndefined();
    expect(pre(required(expr("zone", "In", ["a"])))).toBeUndefined();
  });
  it("narrows to the nodes named by every term", () => {
    expect([...pre(required(names("n1", "n2"), names("n3")))!.result!.nodeNames]).toEqual(["n1", "n2", "n3"]);
  });
  it("a term without a name field keeps every node", () => {
    expect(pre(required(names("n1"), expr("zone", "Exists")))).toBeUndefined();
  });
  it("conflicting names in one term reject the pod", () => {
    const term: NodeSelectorTerm = { matchFields: [{ key: "metadata.name", operator: "In", values: ["n1"] }, { key: "metadata.name", operator: "In", values: ["n2"] }] };
    expect(pre(required(term))?.status).toEqual({ code: "UnschedulableAndUnresolvable", reasons: [ERR_REASON_CONFLICT], plugin: "NodeAffinity" });
    expect(ERR_REASON_CONFLICT).toBe("pod affinity terms conflict");
  });
});

describe("NodeAffinity score", () => {
  const plugin = new NodeAffinity();
  const affinity: Affinity = {
    nodeAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 5, preference: expr("disk", "In", ["ssd"]) },
        { weight: 3, preference: expr("zone", "In", ["a"]) },
        { weight: 7, preference: {} },
      ],
    },
  };
  const nodes = [
    makeNode("both", { labels: { disk: "ssd", zone: "a" } }),
    makeNode("zone-only", { labels: { zone: "a" } }),
    makeNode("neither"),
  ].map((n) => nodeInfoWith(n));

  it("sums matching weights, then normalizes the best to 100", () => {
    const pod = makePod("p", { affinity });
    const state = new CycleState();
    expect(plugin.preScore(state, pod)).toBeUndefined();
    const scores = Float64Array.from(nodes.map((n) => plugin.score(state, pod, n)));
    // Empty preference terms count for nothing.
    expect([...scores]).toEqual([8, 3, 0]);
    plugin.normalizeScore(state, pod, scores);
    // 3 × 100 / 8 = 37.5, truncated.
    expect([...scores]).toEqual([100, 37, 0]);
  });

  it("skips pods without preferences", () => {
    expect(plugin.preScore(new CycleState(), makePod("p"))?.code).toBe("Skip");
  });
});

describe("NodeAffinity queueing hint", () => {
  const hint = new NodeAffinity().eventsToRegister()[0]!.hint!;
  const pod = makePod("p", { nodeSelector: { zone: "a" } });
  it("queues when a node starts matching", () => {
    expect(hint(pod, undefined, makeNode("n", { labels: { zone: "a" } }))).toBe("Queue");
    expect(hint(pod, makeNode("n"), makeNode("n", { labels: { zone: "a" } }))).toBe("Queue");
    expect(hint(pod, makeNode("n", { labels: { zone: "a" } }), makeNode("n", { labels: { zone: "a", x: "y" } }))).toBe("QueueSkip");
    expect(hint(pod, undefined, makeNode("n"))).toBe("QueueSkip");
  });
});
