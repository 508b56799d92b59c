// resource.Quantity: parsing and printing the way Kubernetes does, in integers.
// CPU is kept in millicores, everything else in whole units (bytes for memory).

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

const QUANTITY_RE = /^([+-]?(?:\d+\.?\d*|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

/** The message Kubernetes gives for a malformed quantity. */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

export function isQuantity(s: string): boolean {
  return QUANTITY_RE.test(s.trim());
}

/** Parses a quantity to a float in base units; undefined when malformed. */
export function parseQuantity(s: string | number): number | undefined {
  if (typeof s === "number") return s;
  const m = QUANTITY_RE.exec(s.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const suffix = m[2] ?? "";
  if (suffix in BINARY) return n * BINARY[suffix]!;
  if (suffix in DECIMAL) return n * DECIMAL[suffix]!;
  return n * 10 ** Number(suffix.slice(1));
}

/** CPU quantity in millicores, rounded up as Kubernetes does for MilliValue. */
export function milliCpu(s: string | number | undefined): number {
  if (s === undefined) return 0;
  const v = parseQuantity(s);
  return v === undefined ? 0 : Math.ceil(Math.round(v * 1e6) / 1e3);
}

/** Byte-like quantity (memory, storage) as an integer, rounded up. */
export function bytes(s: string | number | undefined): number {
  if (s === undefined) return 0;
  const v = parseQuantity(s);
  return v === undefined ? 0 : Math.ceil(v);
}

/** Integer count (pods). */
export function count(s: string | number | undefined): number {
  if (s === undefined) return 0;
  const v = parseQuantity(s);
  return v === undefined ? 0 : Math.trunc(v);
}

/** Prints millicores the way Quantity.String does: "250m", "2", "1500m". */
export function formatMilliCpu(m: number): string {
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

/** Prints bytes in the largest binary suffix that divides them exactly: "128Mi", "8Gi", "1000". */
export function formatBytes(b: number): string {
  if (b === 0) return "0";
  for (const suffix of ["Ei", "Pi", "Ti", "Gi", "Mi", "Ki"]) {
    const unit = BINARY[suffix]!;
    if (b % unit === 0) return `${b / unit}${suffix}`;
  }
  return String(b);
}
