// Where things go on the cluster screen. Pure geometry, no Phaser: the
// cluster is a world the camera looks at (layoutWorld), zones become columns,
// nodes become cards whose CPU capacity is a grid of 250m cells, and pods flow through those cells in creation order, so a pod's
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
  return placeCards(groupByZone(nodes), area, bestFitIn(groupByZone(nodes), area));
}

/** How a layout shapes its cards: sub-columns per zone, cores per grid row, and the grid's cell size. */
interface CardShape {
  readonly subCols: number;
  readonly cores: number;
  readonly rowH: number;
  readonly cellW: number;
}

/** The most readable shape that fits `area` (the first candidate at the minimum sizes, else the roomiest). */
function bestFitIn(byZone: ReadonlyMap<string, readonly NodeBox[]>, area: Rect): CardShape & { fits: boolean } {
  const M = CardMetrics;
  const columns = Math.max(1, byZone.size);
  const colW = (area.w - M.zoneGap * (columns - 1)) / columns;
  const availH = area.h - M.zoneHeaderH;
  let best: (CardShape & { fits: boolean }) | undefined;
  for (const [subCols, cores] of CANDIDATES) {
    const cardW = (colW - M.gap * (subCols - 1)) / subCols;
    const cellW = (cardW - 2 * M.pad) / (cores * CELLS_PER_CORE);
    let rowH: number = M.maxRowH;
    for (const cards of byZone.values()) {
      for (let sub = 0; sub < subCols; sub++) {
        const mine = cards.filter((_, i) => i % subCols === sub);
        if (mine.length === 0) continue;
        const fixed = mine.reduce((sum, n) => sum + fixedHeight(n), 0) + M.gap * (mine.length - 1);
        const rows = mine.reduce((sum, n) => sum + gridRows(n.cpuMilli, cores * CELLS_PER_CORE), 0);
        rowH = Math.min(rowH, (availH - fixed) / rows);
      }
    }
    const fits = cellW >= M.minCellW && rowH >= M.minRowH;
    const candidate = { subCols, cores, rowH: Math.floor(Math.max(M.minRowH, Math.min(M.maxRowH, rowH))), cellW, fits };
    if (fits) return candidate;
    if (!best || rowH > best.rowH) best = { ...candidate, rowH };
  }
  return { ...best!, rowH: Math.floor(Math.max(M.minRowH, Math.min(M.maxRowH, best!.rowH))) };
}

/** A cluster laid out in world coordinates, larger than the screen when it must be. */
export interface WorldLayout extends ClusterLayout {
  readonly world: Rect;
}

/** Grid sizes of a cluster too big for one screen: cards stay readable when zoomed in. */
const WORLD_CELL_W = 40;
const WORLD_ROW_H = 44;
/** Sub-columns per zone × cores per grid row. Two cores at least: a narrower card cuts its name and figures short. */
const WORLD_SHAPES: ReadonlyArray<readonly [number, number]> = [
  [1, 2], [1, 4], [2, 2], [2, 4], [3, 2], [3, 4], [4, 2], [4, 4], [6, 2], [6, 4], [8, 2], [8, 4], [12, 4], [16, 4], [24, 4], [32, 4], [48, 4], [64, 4],
];
/**
 * The whole cluster as a world for a camera whose viewport is `view`. When the
 * cluster fits the viewport at readable sizes, the world is the viewport
 * (zoom 1, as a small cluster always looked); otherwise cards keep a fixed,
 * readable size and take the shape that a fit-all zoom shows largest.
 */
export function layoutWorld(nodes: readonly NodeBox[], view: { readonly w: number; readonly h: number }): WorldLayout {
  const byZone = groupByZone(nodes);
  const screen = { x: 0, y: 0, w: view.w, h: view.h };
  const fitted = bestFitIn(byZone, screen);
  if (fitted.fits || nodes.length === 0) return { ...placeCards(byZone, screen, fitted), world: screen };
  const M = CardMetrics;
  const columns = Math.max(1, byZone.size);
  let best: { shape: CardShape; w: number; h: number; zoom: number } | undefined;
  for (const [subCols, cores] of WORLD_SHAPES) {
    const cardW = 2 * M.pad + cores * CELLS_PER_CORE * WORLD_CELL_W;
    const colW = subCols * cardW + M.gap * (subCols - 1);
    const w = columns * colW + M.zoneGap * (columns - 1);
    let tallest = 0;
    for (const cards of byZone.values()) {
      const heights = Array.from({ length: subCols }, () => 0);
      cards.forEach((n, i) => (heights[i % subCols]! += cardHeight(n, cores * CELLS_PER_CORE, WORLD_ROW_H) + M.gap));
      tallest = Math.max(tallest, ...heights);
    }
    const h = M.zoneHeaderH + tallest;
    const zoom = Math.min(view.w / w, view.h / h);
    if (!best || zoom > best.zoom) best = { shape: { subCols, cores, rowH: WORLD_ROW_H, cellW: WORLD_CELL_W }, w, h, zoom };
  }
  // Stretch the world to the viewport's proportions so fit-all centres it.
  const world = { x: 0, y: 0, w: Math.max(best!.w, view.w / best!.zoom), h: Math.max(best!.h, view.h / best!.zoom) };
  const area = { x: (world.w - best!.w) / 2, y: 0, w: best!.w, h: world.h };
  return { ...placeCards(byZone, area, best!.shape), world };
}

function groupByZone(nodes: readonly NodeBox[]): Map<string, NodeBox[]> {
  const byZone = new Map<string, NodeBox[]>();
  for (const node of [...nodes].sort((a, b) => compare(a.name, b.name))) {
    const zone = zoneOf(node);
    const list = byZone.get(zone);
    if (list) list.push(node);
    else byZone.set(zone, [node]);
  }
  return new Map([...byZone.entries()].sort(([a], [b]) => compare(a, b)));
}

function placeCards(byZone: ReadonlyMap<string, readonly NodeBox[]>, area: Rect, shape: CardShape): ClusterLayout {
  const M = CardMetrics;
  const { subCols, cores, cellW, rowH } = shape;
  const columns = Math.max(1, byZone.size);
  const colW = (area.w - M.zoneGap * (columns - 1)) / columns;
  const cols = cores * CELLS_PER_CORE;
  const cardW = (colW - M.gap * (subCols - 1)) / subCols;
  const zoneLayouts = [...byZone.entries()].map(([zone, nodes], zi): ZoneLayout => {
    const x = area.x + zi * (colW + M.zoneGap);
    const nextY = Array.from({ length: subCols }, () => area.y + M.zoneHeaderH);
    const cards = nodes.map((node, i): CardLayout => {
      const sub = i % subCols;
      const cardX = x + sub * (cardW + M.gap);
      const cardY = nextY[sub]!;
      const top = M.headerH + (node.hasTaints ? M.taintRowH : 0);
      const h = cardHeight(node, cols, rowH);
      nextY[sub] = cardY + h + M.gap;
      return {
        name: node.name,
        x: cardX,
        y: cardY,
        w: cardW,
        h,
        grid: { x: cardX + M.pad, y: cardY + top, cols, rows: gridRows(node.cpuMilli, cols), cellW, rowH },
      };
    });
    return { zone, x, y: area.y, w: colW, h: area.h, cards };
  });
  return { zones: zoneLayouts, cellW, rowH };
}

function cardHeight(node: NodeBox, cols: number, rowH: number): number {
  return fixedHeight(node) + gridRows(node.cpuMilli, cols) * rowH;
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

/** Names in the order people count them: node-2 before node-10. */
const NATURAL = new Intl.Collator("en", { numeric: true });

function compare(a: string, b: string): number {
  return NATURAL.compare(a, b);
}
