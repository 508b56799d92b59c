import { describe, expect, it } from "vitest";
import { formatClock, formatCpu, formatMemory } from "./format.ts";

describe("formatClock", () => {
  it.each([
    [0, "00:00:00"],
    [83_400, "00:01:23"],
    [3_600_000, "01:00:00"],
    [360_000_000, "100:00:00"],
    [Number.NaN, "00:00:00"],
  ])("%d ms → %s", (ms, text) => expect(formatClock(ms)).toBe(text));
});

describe("formatCpu / formatMemory", () => {
  it("prints millicores and binary memory units", () => {
    expect(formatCpu(1250)).toBe("1250m");
    expect(formatMemory(512)).toBe("512Mi");
    expect(formatMemory(2048)).toBe("2Gi");
    expect(formatMemory(1536)).toBe("1.5Gi");
  });
});
