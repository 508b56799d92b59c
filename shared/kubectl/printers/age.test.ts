import { describe, expect, it } from "vitest";
import { humanDuration, since } from "./age.ts";

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;

describe("humanDuration (duration.HumanDuration, reference 8.2)", () => {
  it.each([
    [-2500, "<invalid>"],
    [-2000, "<invalid>"],
    [-1999, "0s"],
    [-1000, "0s"],
    [0, "0s"],
    [999, "0s"],
    [45 * s, "45s"],
    [119 * s + 999, "119s"],
    [2 * m, "2m"],
    [3 * m + 12 * s, "3m12s"],
    [5 * m, "5m"],
    [9 * m + 59 * s, "9m59s"],
    [10 * m, "10m"],
    [95 * m, "95m"],
    [3 * h - 1, "179m"],
    [3 * h, "3h"],
    [5 * h, "5h"],
    [7 * h + 59 * m, "7h59m"],
    [8 * h, "8h"],
    [47 * h + 59 * m, "47h"],
    [48 * h, "2d"],
    [2 * d + 3 * h, "2d3h"],
    [8 * d - 1, "7d23h"],
    [8 * d, "8d"],
    [90 * d, "90d"],
    [730 * d - 1, "729d"],
    [730 * d, "2y"],
    [3 * 365 * d + 12 * d, "3y12d"],
    [8 * 365 * d - 1, "7y364d"],
    [8 * 365 * d, "8y"],
    [9 * 365 * d + 100 * d, "9y"],
  ])("%d ms → %s", (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it("reads RFC 3339 timestamps against the simulated clock, <unknown> when absent", () => {
    const now = { epochMs: 0, nowMs: 95 * s };
    expect(since(now, "1970-01-01T00:00:00Z")).toBe("95s");
    expect(since(now, undefined)).toBe("<unknown>");
    expect(since(now, null)).toBe("<unknown>");
    expect(since(now, "1970-01-01T00:10:00Z")).toBe("<invalid>");
  });
});
