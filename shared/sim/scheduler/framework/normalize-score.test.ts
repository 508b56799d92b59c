import { describe, expect, it } from "vitest";
import { defaultNormalizeScore } from "./normalize-score.ts";

describe("DefaultNormalizeScore", () => {
  const cases: { name: string; reverse: boolean; raw: number[]; want: number[] }[] = [
    { name: "scales the highest to 100, truncating", reverse: false, raw: [8, 3, 0], want: [100, 37, 0] },
    { name: "reversed: the lowest gets 100", reverse: true, raw: [0, 1, 2], want: [100, 50, 0] },
    { name: "all zero stays zero", reverse: false, raw: [0, 0], want: [0, 0] },
    { name: "all zero reversed is all 100", reverse: true, raw: [0, 0], want: [100, 100] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const scores = Float64Array.from(c.raw);
      defaultNormalizeScore(100, c.reverse, scores);
      expect([...scores]).toEqual(c.want);
    });
  }
});
