import { describe, expect, it } from "vitest";
import { assignWorkloadColors, labelColorOn } from "./theme.ts";

describe("assignWorkloadColors", () => {
  it("gives distinct workloads distinct colours while the palette lasts", () => {
    const names = ["api", "batch", "cache", "trainer", "web-1", "web-2", "web"];
    const colors = assignWorkloadColors(names);
    expect(new Set(colors.values()).size).toBe(names.length);
  });

  it("does not depend on the order names arrive in", () => {
    const a = assignWorkloadColors(["web", "api", "cache"]);
    const b = assignWorkloadColors(["cache", "web", "api", "web"]);
    expect([...a.entries()].sort()).toEqual([...b.entries()].sort());
  });
});

describe("labelColorOn", () => {
  it("picks dark text on light fills and white on dark ones", () => {
    expect(labelColorOn(0xf0e442)).toBe(0x0b1220);
    expect(labelColorOn(0x0072b2)).toBe(0xffffff);
  });
});
