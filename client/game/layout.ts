// Where things go on the 1920×1080 cluster screen. Pure geometry, no Phaser:
// zones become columns, nodes become cards whose CPU capacity is a grid of
// 250m cells, and pods flow through those cells in creation order, so a pod's
// width is its CPU request on every card and in the pending queue alike.

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** One cell of a capacity grid. */
export const CELL_MILLI = 250;
/** Cells per core. */
const CELLS_PER_CORE = 1000 / CELL_MILLI;
/** A pod that requests (almost) no CPU still gets a block you can see and point at. */
const MIN_VISUAL_MILLI = 125;

export const CardMetrics = {
  pad: 12,
  /** Name row and status row. */
  headerH: 76,
  /** Extra row when the node has taints. */
  taintRowH: 26,
  footerH: 34,
  gap: 14,
  zoneHeaderH: 44,
  zoneGap: 18,
  minRowH: 30,
  maxRowH: 80,
  minCellW: 34,
} as const;

export interface NodeBox {
  readonly name: string;
  readonly zone: string;
  readonly cpuMilli: number;
  readonly hasTaints: boolean;
}

export interface GridLayout {
  readonly x: number;
  readonly y: number;
  readonly cols: number;
  readonly rows: number;
  readonly cellW: number;
  readonly rowH: number;
}

export interface CardLayout extends Rect {
  readonly name: string;
  readonly grid: GridLayout;
}

export interface ZoneLayout extends Rect {
  readonly zone: string;
  readonly cards: readonly CardLayout[];
}

export interface ClusterLayout {
  readonly zones: readonly ZoneLayout[];
  /** Width of one 250m cell, shared by every card and the pending queue. */
  readonly cellW: number;
  readonly rowH: number;
}

/** Sub-columns per zone × cores per grid row, most readable first. */
const CANDIDATES: ReadonlyArray<readonly [number, number]> = [
  [1, 1], [1, 2], [2, 1], [2, 2], [1, 4], [3, 1], [2, 4], [3, 2], [3, 4], [4, 4],
];

export function zoneOf(node: Pick<NodeBox, "zone">): string {
  return node.zone === "" ? "(no zone)" : node.zone;
}

export function layoutCluster(nodes: readonly NodeBox[], area: Rect): ClusterLayout {
  const M = CardMetrics;
  const byZone = new Map<string, NodeBox[]>();
  for (const node of [...nodes].sort((a, b) => compare(a.name, b.name))) {
    const zone = zoneOf(node);
    byZone.set(zone, [...(byZone.get(zone) ?? []), node]);
  }
  const zones = [...byZone.keys()].sort(compare);
  const columns = Math.max(1, zones.length);
  const colW = (area.w - M.zoneGap * (columns - 1)) / columns;
  const availH = area.h - M.zoneHeaderH;

  let best: { subCols: number; cores: number; rowH: number; cellW: number } | undefined;
  for (const [subCols, cores] of CANDIDATES) {
    const cardW = (colW - M.gap * (subCols - 1)) / subCols;
    const cellW = (cardW - 2 * M.pad) / (cores * CELLS_PER_CORE);
    let rowH: number = M.maxRowH;
    for (const zone of zones) {
      const cards = byZone.get(zone)!;
      for (let sub = 0; sub < subCols; sub++) {
        const mine = cards.filter((_, i) => i % subCols === sub);
        if (mine.length === 0) continue;
        const fixed = mine.reduce((sum, n) => sum + fixedHeight(n), 0) + M.gap * (mine.length - 1);
        const rows = mine.reduce((sum, n) => sum + gridRows(n.cpuMilli, cores * CELLS_PER_CORE), 0);
        rowH = Math.min(rowH, (availH - fixed) / rows);
      }
    }
    const candidate = { subCols, cores, rowH, cellW };
    if (cellW >= M.minCellW && rowH >= M.minRowH) {
      best = candidate;
      break;
    }
    if (!best || rowH > best.rowH) best = candidate;
  }
  const { subCols, cores, cellW } = best!;
  const rowH = Math.floor(Math.max(M.minRowH, Math.min(M.maxRowH, best!.rowH)));
  const cols = cores * CELLS_PER_CORE;
  const cardW = (colW - M.gap * (subCols - 1)) / subCols;

  const zoneLayouts = zones.map((zone, zi): ZoneLayout => {
    const x = area.x + zi * (colW + M.zoneGap);
    const nextY = Array.from({ length: subCols }, () => area.y + M.zoneHeaderH);
    const cards = byZone.get(zone)!.map((node, i): CardLayout => {
      const sub = i % subCols;
      const cardX = x + sub * (cardW + M.gap);
      const cardY = nextY[sub]!;
      const rows = gridRows(node.cpuMilli, cols);
      const top = M.headerH + (node.hasTaints ? M.taintRowH : 0);
      const h = top + rows * rowH + M.footerH + M.pad;
      nextY[sub] = cardY + h + M.gap;
      return {
        name: node.name,
        x: cardX,
        y: cardY,
        w: cardW,
        h,
        grid: { x: cardX + M.pad, y: cardY + top, cols, rows, cellW, rowH },
      };
    });
    return { zone, x, y: area.y, w: colW, h: area.h, cards };
  });
  return { zones: zoneLayouts, cellW, rowH };
}

function fixedHeight(node: NodeBox): number {
  const M = CardMetrics;
  return M.headerH + (node.hasTaints ? M.taintRowH : 0) + M.footerH + M.pad;
}

function gridRows(cpuMilli: number, cols: number): number {
  return Math.max(1, Math.ceil(cpuMilli / (CELL_MILLI * cols)));
}

/** The rectangles one pod covers in a grid: one per grid row it spans. */
export type Segments = readonly Rect[];

export interface FlowItem {
  readonly key: string;
  readonly cpuMilli: number;
}

/**
 * Lays pods end to end through the grid's cells, wrapping at the end of each
 * row, so the filled length is exactly the CPU requested. Pods past the
 * node's capacity continue into rows below the grid (drawn as overflow).
 */
export function flowPods(grid: GridLayout, pods: readonly FlowItem[]): Map<string, Segments> {
  const rowMilli = grid.cols * CELL_MILLI;
  const milliW = grid.cellW / CELL_MILLI;
  const out = new Map<string, Segments>();
  let offset = 0;
  for (const pod of pods) {
    const end = offset + Math.max(pod.cpuMilli, MIN_VISUAL_MILLI);
    const segments: Rect[] = [];
    let start = offset;
    while (start < end) {
      const row = Math.floor(start / rowMilli);
      const segEnd = Math.min(end, (row + 1) * rowMilli);
      segments.push({ x: grid.x + (start - row * rowMilli) * milliW, y: grid.y + row * grid.rowH, w: (segEnd - start) * milliW, h: grid.rowH });
      start = segEnd;
    }
    out.set(pod.key, segments);
    offset = end;
  }
  return out;
}

export interface QueueLayout {
  readonly blocks: Map<string, Rect>;
  /** Pods that did not fit in the panel. */
  readonly hidden: number;
}

/** Pending pods as blocks, widths on the same scale as the node grids. */
export function layoutQueue(area: Rect, pods: readonly FlowItem[], cellW: number, blockH: number, gap = 8): QueueLayout {
  const blocks = new Map<string, Rect>();
  let x = area.x;
  let y = area.y;
  let hidden = 0;
  for (const pod of pods) {
    const w = Math.min(area.w, (Math.max(pod.cpuMilli, MIN_VISUAL_MILLI) / CELL_MILLI) * cellW);
    if (x > area.x && x + w > area.x + area.w) {
      x = area.x;
      y += blockH + gap;
    }
    if (y + blockH > area.y + area.h) {
      hidden++;
      continue;
    }
    blocks.set(pod.key, { x, y, w, h: blockH });
    x += w + gap;
  }
  return { blocks, hidden };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
