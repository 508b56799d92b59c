// How much a node card shows at a zoom. Close up: every word, the capacity
// grid, a label on each pod and the crash button. Further out the card keeps
// its name (in larger type) and draws pods as plain blocks; furthest out it
// is a capacity bar with a mark per pod. Text that would be too small to read
// is hidden, never shrunk or cut to nothing.

export type Detail = "full" | "compact" | "overview";

/** At and above this zoom cards show everything. */
export const FULL_ZOOM = 0.6;
/** Below this, cards are capacity bars and pods are marks. */
export const OVERVIEW_ZOOM = 0.22;
/** Smaller text than this many screen pixels is not drawn. */
export const MIN_TEXT_PX = 9;

export function detailFor(zoom: number): Detail {
  return zoom >= FULL_ZOOM ? "full" : zoom >= OVERVIEW_ZOOM ? "compact" : "overview";
}

/** Whether text of `fontPx` world pixels reads at `zoom`. */
export function readable(fontPx: number, zoom: number): boolean {
  return fontPx * zoom >= MIN_TEXT_PX;
}
