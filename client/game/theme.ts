// Colours and type for a projector: dark ground, high-contrast text, large
// sizes, and a colour-blind-safe palette for workloads (Okabe–Ito first).
// Colour never carries meaning alone: every pod also shows an icon and a word.

export const Colors = {
  background: 0x0b1220,
  panel: 0x111a2e,
  card: 0x1a2540,
  cardCrashed: 0x3a1620,
  border: 0x4a5a7a,
  gridLine: 0x2c3a58,
  gridCell: 0x15203a,
  text: 0xf1f5f9,
  textDim: 0xa8b3c7,
  accent: 0x38bdf8,
  focus: 0xfacc15,
  danger: 0xf87171,
  warning: 0xfbbf24,
  ok: 0x4ade80,
  toastBg: 0x7f1d1d,
  toastInfoBg: 0x17325a,
} as const;

export function css(color: number): string {
  return `#${color.toString(16).padStart(6, "0")}`;
}

export const Fonts = {
  sans: '"Inter", "Segoe UI", system-ui, "DejaVu Sans", Roboto, Arial, sans-serif',
  mono: 'ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace',
} as const;

/** Okabe–Ito, then Paul Tol's muted set: distinguishable with most colour-vision types. */
const WORKLOAD_PALETTE = [
  0xe69f00, 0x56b4e9, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7,
  0x88ccee, 0x44aa99, 0xddcc77, 0xaa4499, 0x117733, 0x999933, 0x882255,
] as const;

function preferredSlot(workload: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < workload.length; i++) {
    hash ^= workload.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % WORKLOAD_PALETTE.length;
}

/**
 * Colours for the workloads on screen. Each name starts from a slot picked by
 * its hash and probes to the next free one, in name order, so two workloads
 * never share a colour while there are colours left, and every client that
 * sees the same workloads paints them the same.
 */
export function assignWorkloadColors(workloads: Iterable<string>): Map<string, number> {
  const names = [...new Set(workloads)].sort();
  const taken = new Set<number>();
  const out = new Map<string, number>();
  for (const name of names) {
    let slot = preferredSlot(name);
    for (let probe = 0; probe < WORKLOAD_PALETTE.length && taken.has(slot); probe++) slot = (slot + 1) % WORKLOAD_PALETTE.length;
    if (taken.size < WORKLOAD_PALETTE.length) taken.add(slot);
    out.set(name, WORKLOAD_PALETTE[slot]!);
  }
  return out;
}

/** Black or white, whichever reads better on `background` (WCAG relative luminance). */
export function labelColorOn(background: number): number {
  const channel = (shift: number) => {
    const c = ((background >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
  return luminance > 0.22 ? 0x0b1220 : 0xffffff;
}
