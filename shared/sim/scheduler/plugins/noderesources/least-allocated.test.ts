import { describe, expect, it } from "vitest";
import { leastRequestedScore } from "./least-allocated.ts";

describe("leastRequestedScore", () => {
  const cases: [string, number, number, number][] = [
    ["empty node", 0, 4000, 100],
    ["a quarter used", 1000, 4000, 75],
    ["integer maths truncates", 1, 3, 66],
    ["full", 4000, 4000, 0],
    ["over-committed", 5000, 4000, 0],
    ["no capacity", 0, 0, 0],
  ];
  for (const [name, requested, capacity, want] of cases) it(name, () => expect(leastRequestedScore(requested, capacity)).toBe(want));
});
