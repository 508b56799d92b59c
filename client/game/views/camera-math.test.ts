import { describe, expect, it } from "vitest";
import { clampView, fitAll, lookAt, MAX_ZOOM, panBy, reveal, screenToWorld, visibleWorld, worldToScreen, zoomAt, type CameraLimits } from "./camera-math.ts";
import { detailFor, readable } from "./level-of-detail.ts";

const viewport = { x: 356, y: 88, w: 1000, h: 500 };
const small: CameraLimits = { viewport, world: { x: 0, y: 0, w: 1000, h: 500 } };
const big: CameraLimits = { viewport, world: { x: 0, y: 0, w: 4000, h: 2000 } };

describe("camera math", () => {
  it("fits a small world at zoom 1 and a big one at the zoom that shows it all", () => {
    expect(fitAll(small)).toEqual({ cx: 500, cy: 250, zoom: 1 });
    expect(fitAll(big)).toEqual({ cx: 2000, cy: 1000, zoom: 0.25 });
  });

  it("maps world to screen and back through the viewport", () => {
    const view = { cx: 1000, cy: 500, zoom: 0.5 };
    const r = worldToScreen(view, viewport, { x: 1000, y: 500, w: 100, h: 40 });
    expect(r).toEqual({ x: 856, y: 338, w: 50, h: 20 });
    expect(screenToWorld(view, viewport, r.x, r.y)).toEqual({ x: 1000, y: 500 });
    expect(visibleWorld(view, viewport)).toEqual({ x: 0, y: 0, w: 2000, h: 1000 });
  });

  it("zooms about the pointer, between fit-all and the maximum", () => {
    const view = fitAll(big);
    const zoomed = zoomAt(view, big, 2, 356, 88);
    expect(zoomed.zoom).toBe(0.5);
    expect(screenToWorld(zoomed, viewport, 356, 88)).toEqual({ x: 0, y: 0 });
    expect(zoomAt(view, big, 0.5, 500, 300).zoom).toBe(0.25);
    expect(zoomAt({ cx: 100, cy: 100, zoom: 2 }, big, 4, 500, 300).zoom).toBe(MAX_ZOOM);
  });

  it("keeps the view over the world when panning", () => {
    expect(panBy({ cx: 500, cy: 250, zoom: 1 }, big, -10_000, 0)).toEqual({ cx: 500, cy: 250, zoom: 1 });
    expect(panBy({ cx: 500, cy: 250, zoom: 1 }, big, 100, 50)).toEqual({ cx: 600, cy: 300, zoom: 1 });
    expect(clampView({ cx: 0, cy: 0, zoom: 1 }, small)).toEqual({ cx: 500, cy: 250, zoom: 1 });
  });

  it("looks at a card close up, and reveals one with the smallest move", () => {
    const card = { x: 3000, y: 1500, w: 200, h: 100 };
    expect(lookAt(fitAll(big), big, card, 1)).toEqual({ cx: 3100, cy: 1550, zoom: 1 });
    expect(reveal({ cx: 500, cy: 250, zoom: 1 }, big, { x: 1100, y: 100, w: 200, h: 100 })).toEqual({ cx: 800, cy: 250, zoom: 1 });
    expect(reveal({ cx: 500, cy: 250, zoom: 1 }, big, { x: 100, y: 100, w: 200, h: 100 })).toEqual({ cx: 500, cy: 250, zoom: 1 });
  });
});

describe("levels of detail", () => {
  it("collapses cards as the camera zooms out, and hides text too small to read", () => {
    expect([1, 0.6, 0.4, 0.22, 0.1].map(detailFor)).toEqual(["full", "full", "compact", "compact", "overview"]);
    expect(readable(22, 0.5)).toBe(true);
    expect(readable(22, 0.3)).toBe(false);
  });
});
