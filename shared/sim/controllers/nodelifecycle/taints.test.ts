import { describe, expect, it } from "vitest";
import type { Taint } from "../../api/core-v1.ts";
import { addOrUpdateTaint, NODE_CONDITION_TO_TAINT_KEY, taintExists, taintSetDiff } from "./taints.ts";

const t = (key: string, effect: Taint["effect"], extra: Partial<Taint> = {}): Taint => ({ key, effect, ...extra });

describe("node controller taints", () => {
  it("maps conditions to the well-known taint keys", () => {
    expect(NODE_CONDITION_TO_TAINT_KEY).toEqual({
      Ready: { False: "node.kubernetes.io/not-ready", Unknown: "node.kubernetes.io/unreachable" },
      MemoryPressure: { True: "node.kubernetes.io/memory-pressure" },
      DiskPressure: { True: "node.kubernetes.io/disk-pressure" },
      NetworkUnavailable: { True: "node.kubernetes.io/network-unavailable" },
      PIDPressure: { True: "node.kubernetes.io/pid-pressure" },
    });
  });

  it("matches taints by key and effect only", () => {
    expect(taintExists([t("a", "NoExecute", { value: "x", timeAdded: "2026-01-01T09:00:00Z" })], t("a", "NoExecute"))).toBe(true);
    expect(taintExists([t("a", "NoSchedule")], t("a", "NoExecute"))).toBe(false);
    expect(taintExists(undefined, t("a", "NoExecute"))).toBe(false);
  });

  it("adds, replaces in place, or leaves an identical taint alone", () => {
    const base = [t("a", "NoSchedule"), t("b", "NoExecute", { timeAdded: "2026-01-01T09:00:00Z" })];
    expect(addOrUpdateTaint(base, t("c", "NoSchedule"))).toEqual({ taints: [...base, t("c", "NoSchedule")], updated: true });
    const newer = t("b", "NoExecute", { timeAdded: "2026-01-01T09:05:00Z" });
    expect(addOrUpdateTaint(base, newer)).toEqual({ taints: [base[0], newer], updated: true });
    expect(addOrUpdateTaint(base, { ...base[1]! })).toEqual({ taints: base, updated: false });
  });

  it("diffs wanted against current taint sets", () => {
    expect(taintSetDiff([t("a", "NoSchedule"), t("b", "NoSchedule")], [t("b", "NoSchedule", { timeAdded: "x" }), t("c", "NoSchedule")])).toEqual({
      toAdd: [t("a", "NoSchedule")],
      toRemove: [t("c", "NoSchedule")],
    });
  });
});
