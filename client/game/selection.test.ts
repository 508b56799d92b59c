import { describe, expect, it } from "vitest";
import { hint, prune, step } from "./selection.ts";

describe("step", () => {
  const list = ["a", "b", "c"];
  it("starts at either end when nothing is chosen", () => {
    expect(step(list, undefined, 1)).toBe("a");
    expect(step(list, undefined, -1)).toBe("c");
    expect(step(list, "gone", 1)).toBe("a");
  });
  it("wraps around", () => {
    expect(step(list, "c", 1)).toBe("a");
    expect(step(list, "a", -1)).toBe("c");
    expect(step(list, "a", 1)).toBe("b");
  });
  it("has nothing to choose from an empty list", () => {
    expect(step([], "a", 1)).toBeUndefined();
  });
});

describe("prune", () => {
  it("keeps a valid selection as the same object", () => {
    const selection = { pod: "default/a", node: "n1" };
    expect(prune(selection, new Set(["default/a"]), new Set(["n1"]))).toBe(selection);
  });
  it("drops a pod that was bound and a node that went away", () => {
    expect(prune({ pod: "default/a", node: "n1" }, new Set(), new Set(["n2"]))).toEqual({ pod: undefined, node: undefined });
  });
});

describe("hint", () => {
  it("says what Enter does", () => {
    expect(hint("web-1", "node-2")).toBe("web-1 → node-2\nEnter binds · Esc clears");
    expect(hint("web-1", undefined)).toContain("Pick a node");
    expect(hint(undefined, "node-2")).toBe("");
  });
});
