import { describe, expect, it } from "vitest";
import type { Node } from "../../api/core-v1.ts";
import { computeZoneState, getZoneKey, isNodeExcludedFromDisruptionChecks } from "./zones.ts";

const node = (labels?: Record<string, string>): Node => ({ apiVersion: "v1", kind: "Node", metadata: { name: "n", labels }, spec: {} });

describe("zones", () => {
  it.each([
    ["no labels", undefined, ""],
    ["unrelated labels", { app: "x" }, ""],
    ["zone only", { "topology.kubernetes.io/zone": "eu-1a" }, ":\u0000:eu-1a"],
    ["region and zone", { "topology.kubernetes.io/region": "eu", "topology.kubernetes.io/zone": "eu-1a" }, "eu:\u0000:eu-1a"],
    ["beta labels", { "failure-domain.beta.kubernetes.io/region": "us", "failure-domain.beta.kubernetes.io/zone": "us-1b" }, "us:\u0000:us-1b"],
  ])("zone key with %s", (_name, labels, key) => {
    expect(getZoneKey(node(labels))).toBe(key);
  });

  it("honours the disruption exclusion label", () => {
    expect(isNodeExcludedFromDisruptionChecks(node({ "node.kubernetes.io/exclude-disruption": "" }))).toBe(true);
    expect(isNodeExcludedFromDisruptionChecks(node())).toBe(false);
  });

  it.each([
    ["all ready", ["True", "True"], 0, "Normal"],
    ["none ready", ["Unknown", "False", undefined], 3, "FullDisruption"],
    ["two of three down is not enough nodes", ["True", "Unknown", "Unknown"], 2, "Normal"],
    ["three of four down", ["True", "Unknown", "Unknown", "False"], 3, "PartialDisruption"],
    ["exactly 55%", [...Array(9).fill("True"), ...Array(11).fill("Unknown")], 11, "PartialDisruption"],
    ["just under 55%", [...Array(10).fill("True"), ...Array(12).fill("Unknown")], 12, "Normal"],
    ["no nodes", [], 0, "Normal"],
  ] as const)("zone state: %s", (_name, statuses, unhealthy, state) => {
    expect(computeZoneState(statuses, 0.55)).toEqual({ unhealthy, state });
  });
});
