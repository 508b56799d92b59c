// A 1920×1080 DOM layer laid exactly over the canvas and scaled with it, so
// HTML panels line up with what Phaser draws at any window size (Scale.FIT).
// The layer lets pointer events through except on its own controls.

export const LOGICAL_W = 1920;
export const LOGICAL_H = 1080;

export interface Overlay {
  readonly root: HTMLElement;
}

export function createOverlay(canvas: HTMLCanvasElement, host: HTMLElement): Overlay {
  const root = document.createElement("div");
  root.id = "overlay";
  host.append(root);
  const align = () => {
    const rect = canvas.getBoundingClientRect();
    if (rect.width === 0) return;
    root.style.transform = `translate(${rect.left + window.scrollX}px, ${rect.top + window.scrollY}px) scale(${rect.width / LOGICAL_W})`;
  };
  // Phaser resizes the canvas on window resize; its position follows the window.
  new ResizeObserver(align).observe(canvas);
  window.addEventListener("resize", align);
  align();
  return { root };
}
