// Where the cluster camera looks, as plain numbers: the centre of the view in
// world coordinates and a zoom. Phaser's camera is set from this (centerOn,
// setZoom) and every conversion between the page and the world goes through
// here, so drops, the test hook and culling agree with what is drawn.

import type { Rect } from "../layout.ts";

export interface CameraView {
  /** World point at the centre of the viewport. */
  readonly cx: number;
  readonly cy: number;
  readonly zoom: number;
}

export interface CameraLimits {
  /** The camera's viewport on the screen, in logical pixels. */
  readonly viewport: Rect;
  /** The world it looks at. */
  readonly world: Rect;
}

/** Never closer than this: a 16 px pod label at 2.5× is as large as a projector needs. */
export const MAX_ZOOM = 2.5;

/** The zoom that shows the whole world (at most 1: a small cluster is never blown up). */
export function fitZoom({ viewport, world }: CameraLimits): number {
  return Math.min(1, viewport.w / world.w, viewport.h / world.h);
}

export function fitAll(limits: CameraLimits): CameraView {
  const { world } = limits;
  return { cx: world.x + world.w / 2, cy: world.y + world.h / 2, zoom: fitZoom(limits) };
}

/** The zoom kept between fit-all and MAX_ZOOM, and the centre kept so the view stays over the world. */
export function clampView(view: CameraView, limits: CameraLimits): CameraView {
  const { viewport, world } = limits;
  const zoom = Math.min(MAX_ZOOM, Math.max(fitZoom(limits), view.zoom));
  const clampAxis = (c: number, start: number, size: number, visible: number) =>
    visible >= size ? start + size / 2 : Math.min(start + size - visible / 2, Math.max(start + visible / 2, c));
  return {
    zoom,
    cx: clampAxis(view.cx, world.x, world.w, viewport.w / zoom),
    cy: clampAxis(view.cy, world.y, world.h, viewport.h / zoom),
  };
}

/** The part of the world on screen. */
export function visibleWorld(view: CameraView, viewport: Rect): Rect {
  const w = viewport.w / view.zoom;
  const h = viewport.h / view.zoom;
  return { x: view.cx - w / 2, y: view.cy - h / 2, w, h };
}

export function worldToScreen(view: CameraView, viewport: Rect, r: Rect): Rect {
  return {
    x: viewport.x + viewport.w / 2 + (r.x - view.cx) * view.zoom,
    y: viewport.y + viewport.h / 2 + (r.y - view.cy) * view.zoom,
    w: r.w * view.zoom,
    h: r.h * view.zoom,
  };
}

export function screenToWorld(view: CameraView, viewport: Rect, x: number, y: number): { x: number; y: number } {
  return { x: view.cx + (x - viewport.x - viewport.w / 2) / view.zoom, y: view.cy + (y - viewport.y - viewport.h / 2) / view.zoom };
}

/** Zooms by `factor` keeping the world point under the screen point (x, y) where it is. */
export function zoomAt(view: CameraView, limits: CameraLimits, factor: number, x: number, y: number): CameraView {
  const { viewport } = limits;
  const anchor = screenToWorld(view, viewport, x, y);
  const zoom = Math.min(MAX_ZOOM, Math.max(fitZoom(limits), view.zoom * factor));
  const cx = anchor.x - (x - viewport.x - viewport.w / 2) / zoom;
  const cy = anchor.y - (y - viewport.y - viewport.h / 2) / zoom;
  return clampView({ cx, cy, zoom }, limits);
}

/** Moves the view by a distance in screen pixels. */
export function panBy(view: CameraView, limits: CameraLimits, dx: number, dy: number): CameraView {
  return clampView({ ...view, cx: view.cx + dx / view.zoom, cy: view.cy + dy / view.zoom }, limits);
}

/** Centres `target` at `zoom` or, if the view is already closer, at the current zoom. */
export function lookAt(view: CameraView, limits: CameraLimits, target: Rect, zoom: number): CameraView {
  return clampView({ cx: target.x + target.w / 2, cy: target.y + target.h / 2, zoom: Math.max(zoom, view.zoom) }, limits);
}

/** The smallest move that brings `target` fully on screen (or centres it if it cannot fit). */
export function reveal(view: CameraView, limits: CameraLimits, target: Rect): CameraView {
  const seen = visibleWorld(view, limits.viewport);
  const axis = (c: number, start: number, size: number, tStart: number, tSize: number) => {
    if (tSize > size) return tStart + tSize / 2;
    if (tStart < start) return c - (start - tStart);
    if (tStart + tSize > start + size) return c + (tStart + tSize - start - size);
    return c;
  };
  return clampView({ zoom: view.zoom, cx: axis(view.cx, seen.x, seen.w, target.x, target.w), cy: axis(view.cy, seen.y, seen.h, target.y, target.h) }, limits);
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}
