// resource.Quantity as Kubernetes handles it: exact values (a BigInt mantissa
// and a base-10 exponent), the format remembered from the suffix, addition
// and comparison, and the canonical String() describe prints ("1536Mi",
// "100m", "1k"). The simulation's float helpers are not exact enough for
// describe's summed requests and percentages.

export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

export interface Quantity {
  readonly mantissa: bigint;
  readonly exp: number;
  readonly format: QuantityFormat;
}

export const ZERO_QUANTITY: Quantity = { mantissa: 0n, exp: 0, format: "DecimalSI" };

const BINARY_SUFFIX: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const DECIMAL_BY_EXP = new Map(Object.entries(DECIMAL_SUFFIX).map(([s, e]) => [e, s]));
const BINARY_BY_EXP = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];

const QUANTITY_RE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

export function parseQuantity(input: string | number | undefined): Quantity | undefined {
  if (input === undefined) return undefined;
  const s = String(input).trim();
  const m = QUANTITY_RE.exec(s);
  if (!m || (m[2] === "" && (m[3] ?? "") === "")) return undefined;
  const frac = m[3] ?? "";
  let mantissa = BigInt(`${m[2] || "0"}${frac}`);
  if (m[1] === "-") mantissa = -mantissa;
  let exp = -frac.length;
  const suffix = m[4] ?? "";
  let format: QuantityFormat = "DecimalSI";
  if (suffix in BINARY_SUFFIX) {
    mantissa *= 1024n ** BigInt(BINARY_SUFFIX[suffix]!);
    format = "BinarySI";
  } else if (suffix in DECIMAL_SUFFIX) {
    exp += DECIMAL_SUFFIX[suffix]!;
  } else {
    exp += Number(suffix.slice(1));
    format = "DecimalExponent";
  }
  return { mantissa, exp, format };
}

function align(a: Quantity, b: Quantity): [bigint, bigint, number] {
  const e = Math.min(a.exp, b.exp);
  return [a.mantissa * 10n ** BigInt(a.exp - e), b.mantissa * 10n ** BigInt(b.exp - e), e];
}

/** Quantity.Add: a zero receiver takes the other's format. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const [x, y, e] = align(a, b);
  return { mantissa: x + y, exp: e, format: a.mantissa === 0n ? b.format : a.format };
}

export function cmpQuantity(a: Quantity, b: Quantity): number {
  const [x, y] = align(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** ScaledValue(scale): rounded up, as Value() (scale 0) and MilliValue() (scale -3) do. */
function scaledValue(q: Quantity, scale: number): bigint {
  const shift = q.exp - scale;
  if (shift >= 0) return q.mantissa * 10n ** BigInt(shift);
  const div = 10n ** BigInt(-shift);
  const quotient = q.mantissa / div;
  return q.mantissa % div !== 0n && q.mantissa > 0n ? quotient + 1n : quotient;
}

export function quantityValue(q: Quantity): number {
  return Number(scaledValue(q, 0));
}

export function quantityMilliValue(q: Quantity): number {
  return Number(scaledValue(q, -3));
}

/** Quantity.String(): CanonicalizeBytes. */
export function formatQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return "0";
  let format = q.format;
  let integral: bigint | undefined;
  if (format === "BinarySI") {
    if (cmpQuantity(q, { mantissa: -1024n, exp: 0, format }) > 0 && cmpQuantity(q, { mantissa: 1024n, exp: 0, format }) < 0) format = "DecimalSI";
    else {
      const div = q.exp < 0 ? 10n ** BigInt(-q.exp) : 1n;
      const scaled = q.exp >= 0 ? q.mantissa * 10n ** BigInt(q.exp) : q.mantissa;
      if (scaled % div !== 0n) format = "DecimalSI";
      else integral = scaled / div;
    }
  }
  if (format === "BinarySI" && integral !== undefined) {
    let value = integral;
    let exp = 0;
    while (value % 1024n === 0n && exp < BINARY_BY_EXP.length - 1) {
      value /= 1024n;
      exp++;
    }
    return `${value}${BINARY_BY_EXP[exp]}`;
  }
  let mantissa = q.mantissa;
  let exp = q.exp;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp++;
  }
  const r = ((exp % 3) + 3) % 3;
  mantissa *= 10n ** BigInt(r);
  exp -= r;
  if (format === "DecimalExponent") return exp === 0 ? `${mantissa}` : `${mantissa}e${exp}`;
  const suffix = DECIMAL_BY_EXP.get(exp);
  return suffix !== undefined ? `${mantissa}${suffix}` : `${mantissa}e${exp}`;
}

/** A stored quantity string printed the way kubectl re-serialises it. */
export function canonicalQuantity(s: string | number | undefined): string {
  const q = parseQuantity(s);
  return q ? formatQuantity(q) : String(s ?? "");
}
