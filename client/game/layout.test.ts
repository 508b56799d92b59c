import { describe, expect, it } from "vitest";
import { CardMetrics, flowPods, layoutCluster, layoutQueue, type GridLayout } from "./layout.ts";

const AREA = { x: 0, y: 0, w: 1200, h: 976 };

describe("layoutCluster", () => {
  it("puts each zone in its own column, sorted, with nodes sorted by name", () => {
    const layout = layoutCluster(
      [
        { name: "node-4", zone: "zone-a", cpuMilli: 1000, hasTaints: true },
        { name: "node-2", zone: "zone-b", cpuMilli: 2000, hasTaints: false },
        { name: "node-1", zone: "zone-a", cpuMilli: 2000, hasTaints: false },
        { name: "node-3", zone: "", cpuMilli: 2000, hasTaints: false },
      ],
      AREA,
    );
    expect(layout.zones.map((z) => [z.zone, z.cards.map((c) => c.name)])).toEqual([
      ["(no zone)", ["node-3"]],
      ["zone-a", ["node-1", "node-4"]],
      ["zone-b", ["node-2"]],
    ]);
    const [first, second, third] = layout.zones;
    expect(second!.x).toBeGreaterThan(first!.x + first!.w);
    expect(third!.x + third!.w).toBeCloseTo(AREA.w);
  });

  it("gives every card a grid of 250m cells, four per core, and stacks cards without overlap", () => {
    const layout = layoutCluster(
      [
        { name: "a", zone: "z", cpuMilli: 2000, hasTaints: false },
        { name: "b", zone: "z", cpuMilli: 1000, hasTaints: true },
      ],
      AREA,
    );
    const [a, b] = layout.zones[0]!.cards;
    expect(a!.grid.cols).toBe(4);
    expect(a!.grid.rows).toBe(2);
    expect(b!.grid.rows).toBe(1);
    expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.h);
    // The taint row pushes the grid down.
    expect(b!.grid.y - b!.y).toBe(CardMetrics.headerH + CardMetrics.taintRowH);
    expect(layout.rowH).toBeLessThanOrEqual(CardMetrics.maxRowH);
  });

  it("fits many large nodes by widening grid rows or splitting columns, never below the minimum row height", () => {
    const nodes = Array.from({ length: 12 }, (_, i) => ({ name: `n${i}`, zone: "z", cpuMilli: 16_000, hasTaints: false }));
    const layout = layoutCluster(nodes, AREA);
    expect(layout.rowH).toBeGreaterThanOrEqual(CardMetrics.minRowH);
    for (const card of layout.zones[0]!.cards) {
      expect(card.x).toBeGreaterThanOrEqual(AREA.x);
      expect(card.x + card.w).toBeLessThanOrEqual(AREA.x + AREA.w + 0.001);
    }
  });
});

describe("flowPods", () => {
  const grid: GridLayout = { x: 10, y: 20, cols: 4, rows: 2, cellW: 50, rowH: 40 };

  it("lays pods end to end, one cell per 250m", () => {
    const out = flowPods(grid, [
      { key: "a", cpuMilli: 500 },
      { key: "b", cpuMilli: 250 },
    ]);
    expect(out.get("a")).toEqual([{ x: 10, y: 20, w: 100, h: 40 }]);
    expect(out.get("b")).toEqual([{ x: 110, y: 20, w: 50, h: 40 }]);
  });

  it("wraps a pod across rows as several segments", () => {
    const out = flowPods(grid, [
      { key: "a", cpuMilli: 750 },
      { key: "b", cpuMilli: 1250 },
    ]);
    expect(out.get("b")).toEqual([
      { x: 160, y: 20, w: 50, h: 40 },
      { x: 10, y: 60, w: 200, h: 40 },
    ]);
  });

  it("still shows a pod that requests no CPU", () => {
    const out = flowPods(grid, [{ key: "a", cpuMilli: 0 }]);
    expect(out.get("a")![0]!.w).toBe(25);
  });
});

describe("layoutQueue", () => {
  it("flows blocks on the node grids' scale and counts those that do not fit", () => {
    const area = { x: 0, y: 0, w: 200, h: 130 };
    const q = layoutQueue(area, [
      { key: "a", cpuMilli: 500 },
      { key: "b", cpuMilli: 250 },
      { key: "c", cpuMilli: 1000 },
      { key: "d", cpuMilli: 2000 },
    ], 50, 60, 10);
    expect(q.blocks.get("a")).toEqual({ x: 0, y: 0, w: 100, h: 60 });
    expect(q.blocks.get("b")).toEqual({ x: 110, y: 0, w: 50, h: 60 });
    expect(q.blocks.get("c")).toEqual({ x: 0, y: 70, w: 200, h: 60 });
    expect(q.blocks.has("d")).toBe(false);
    expect(q.hidden).toBe(1);
  });
});

describe("node order", () => {
  it("counts node names as people do: node-2 before node-10", () => {
    const nodes = ["node-10", "node-2", "node-1"].map((name) => ({ name, zone: "zone-a", cpuMilli: 1000, hasTaints: false }));
    const layout = layoutCluster(nodes, { x: 0, y: 0, w: 1200, h: 900 });
    expect(layout.zones[0]!.cards.map((c) => c.name)).toEqual(["node-1", "node-2", "node-10"]);
  });
});
