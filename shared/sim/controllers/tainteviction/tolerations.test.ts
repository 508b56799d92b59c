import { describe, expect, it } from "vitest";
import type { Taint, Toleration } from "../../api/core-v1.ts";
import { toleratesTaint } from "../../api/toleration.ts";
import { getMatchingTolerations, getMinTolerationTimeMs } from "./tolerations.ts";

const unreachable: Taint = { key: "node.kubernetes.io/unreachable", effect: "NoExecute" };
const gpu: Taint = { key: "dedicated", value: "gpu", effect: "NoExecute" };

describe("tolerations", () => {
  it.each([
    ["Exists on the key", { key: "node.kubernetes.io/unreachable", operator: "Exists" }, unreachable, true],
    ["Exists with no key tolerates everything", { operator: "Exists" }, gpu, true],
    ["the effect must match when set", { key: "dedicated", operator: "Exists", effect: "NoSchedule" }, gpu, false],
    ["Equal needs the value", { key: "dedicated", operator: "Equal", value: "gpu" }, gpu, true],
    ["Equal with another value", { key: "dedicated", operator: "Equal", value: "tpu" }, gpu, false],
    ["no operator means Equal", { key: "dedicated", value: "gpu" }, gpu, true],
    ["Equal with no value matches an empty one", { key: "node.kubernetes.io/unreachable" }, unreachable, true],
    ["another key", { key: "other", operator: "Exists" }, gpu, false],
  ] as [string, Toleration, Taint, boolean][])("%s", (_name, toleration, taint, want) => {
    expect(toleratesTaint(toleration, taint)).toBe(want);
  });

  it("finds the first toleration for each taint, or fails if one taint has none", () => {
    const a: Toleration = { key: "dedicated", operator: "Exists", tolerationSeconds: 60 };
    const b: Toleration = { operator: "Exists" };
    expect(getMatchingTolerations([gpu, unreachable], [a, b])).toEqual({ allTolerated: true, used: [a, b] });
    expect(getMatchingTolerations([gpu, unreachable], [a])).toEqual({ allTolerated: false, used: [] });
    expect(getMatchingTolerations([], [])).toEqual({ allTolerated: true, used: [] });
  });

  it("takes the shortest tolerationSeconds, 0 for none or non-positive, -1 for forever", () => {
    expect(getMinTolerationTimeMs([{ tolerationSeconds: 300 }, { tolerationSeconds: 60 }, {}])).toBe(60_000);
    expect(getMinTolerationTimeMs([{}, {}])).toBe(-1);
    expect(getMinTolerationTimeMs([])).toBe(0);
    expect(getMinTolerationTimeMs([{ tolerationSeconds: 300 }, { tolerationSeconds: -5 }])).toBe(0);
  });
});
