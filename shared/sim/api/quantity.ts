// resource.Quantity: parsing and printing the way Kubernetes does, in integers.
// CPU is kept in millicores, everything else in whole units (bytes for memory).
// A quantity is read as digits × 10^scale × 2^bin and scaled with one exact
// multiplication or division, so "7m" is 7 millicores, not 7.000000000000001.

const BINARY: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const QUANTITY_RE = /^([+-]?)(\d*)(?:\.(\d*))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

/** The message Kubernetes gives for a malformed quantity. */
export const QUANTITY_FORMAT_ERROR = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

/** value = digits × 10^scale × 2^bin */
interface Parsed {
  readonly digits: number;
  readonly scale: number;
  readonly bin: number;
}

function parse(s: string | number): Parsed | undefined {
  if (typeof s === "number") return Number.isFinite(s) ? { digits: s, scale: 0, bin: 0 } : undefined;
  const m = QUANTITY_RE.exec(s.trim());
  if (!m) return undefined;
  const whole = m[2]!;
  const frac = m[3] ?? "";
  if (whole === "" && frac === "") return undefined; // "", ".", "Mi"
  const sign = m[1] === "-" ? -1 : 1;
  const digits = sign * Number(whole + frac);
  const suffix = m[4] ?? "";
  if (suffix in BINARY) return { digits, scale: -frac.length, bin: BINARY[suffix]! };
  const exp = suffix in DECIMAL ? DECIMAL[suffix]! : Number(suffix.slice(1));
  return { digits, scale: exp - frac.length, bin: 0 };
}

/** The quantity × 10^shift, exact whenever the result fits a double's integers. */
function scaled(p: Parsed, shift: number): number {
  const n = p.bin === 0 ? p.digits : p.digits * 2 ** p.bin;
  const e = p.scale + shift;
  return e >= 0 ? n * 10 ** e : n / 10 ** -e;
}

export function isQuantity(s: string): boolean {
  return parse(s) !== undefined;
}

/** Parses a quantity to a float in base units; undefined when malformed. */
export function parseQuantity(s: string | number): number | undefined {
  const p = parse(s);
  return p === undefined ? undefined : scaled(p, 0);
}

/** CPU quantity in millicores, rounded up as Quantity.MilliValue does ("100n" is 1m). */
export function milliCpu(s: string | number | undefined): number {
  const p = s === undefined ? undefined : parse(s);
  return p === undefined ? 0 : Math.ceil(scaled(p, 3));
}

/** Byte-like quantity (memory, storage) as an integer, rounded up as Quantity.Value does. */
export function bytes(s: string | number | undefined): number {
  const p = s === undefined ? undefined : parse(s);
  return p === undefined ? 0 : Math.ceil(scaled(p, 0));
}

/** Integer count (pods). */
export function count(s: string | number | undefined): number {
  const p = s === undefined ? undefined : parse(s);
  return p === undefined ? 0 : Math.trunc(scaled(p, 0));
}

const SI_SUFFIXES = ["", "k", "M", "G", "T", "P", "E"];

/** Whole units in DecimalSI canonical form: trailing zeros move into k, M, G... ("1k", "1500"). */
function formatDecimal(v: number): string {
  let i = 0;
  while (v !== 0 && v % 1000 === 0 && i < SI_SUFFIXES.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v}${SI_SUFFIXES[i]}`;
}

/** Prints millicores the way Quantity.String does: "250m", "2", "1500m" (and "1k" for 1000 cores). */
export function formatMilliCpu(m: number): string {
  return m % 1000 === 0 ? formatDecimal(m / 1000) : `${m}m`;
}

/**
 * Prints bytes as a BinarySI quantity does: the largest binary suffix that divides
 * them exactly ("128Mi", "8Gi"), else the plain number ("1500"); below 1024 the
 * quantity prints as DecimalSI, so 1000 is "1k".
 */
export function formatBytes(b: number): string {
  if (b > -1024 && b < 1024) return formatDecimal(b);
  for (const suffix of ["Ei", "Pi", "Ti", "Gi", "Mi", "Ki"]) {
    const unit = 2 ** BINARY[suffix]!;
    if (b % unit === 0) return `${b / unit}${suffix}`;
  }
  return String(b);
}
