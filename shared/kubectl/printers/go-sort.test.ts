import { describe, expect, it } from "vitest";
import { goSort } from "./go-sort.ts";

describe("goSort (Go's pdqsort)", () => {
  it("is stable for twelve or fewer elements (insertion sort)", () => {
    const items = [3, 1, 2, 1, 3, 2].map((k, i) => ({ k, i }));
    expect(goSort(items, (a, b) => a.k < b.k).map((x) => x.i)).toEqual([1, 3, 2, 5, 0, 4]);
  });

  it("sorts larger inputs completely, deterministically", () => {
    const input = Array.from({ length: 200 }, (_, i) => (i * 7919) % 211);
    const a = goSort([...input], (x, y) => x < y);
    const b = goSort([...input], (x, y) => x < y);
    expect(a).toEqual([...input].sort((x, y) => x - y));
    expect(a).toEqual(b);
    const descending = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(goSort(descending, (x, y) => x < y)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });
});
