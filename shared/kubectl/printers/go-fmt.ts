// Go's fmt and strconv renderings of decoded JSON values (an unstructured
// object's map[string]interface{}, []interface{}, string, int64, float64,
// bool and nil), for the printers that hand such values to fmt: jsonpath
// prints with Fprint (%v), custom-columns with Sprint, and the jsonpath error
// dumps the object with %#v. Integral JS numbers are int64 (as the
// unstructured JSON decoder makes them); others are float64.

const HEX = "0123456789abcdef";

/** A float64 that came from a template literal ({1.0}): float even when integral. */
export class GoFloat {
  readonly value: number;
  constructor(value: number) {
    this.value = value;
  }
}

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(ch: string): boolean {
  return ch === " " || !/[\p{C}\p{Z}]/u.test(ch);
}

/** strconv.Quote. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += `\\${ch}`;
    else if (isPrint(ch)) out += ch;
    else if (ch === "\x07") out += "\\a";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\v") out += "\\v";
    else if (c < 0x20 || c === 0x7f) out += `\\x${HEX[c >> 4]}${HEX[c & 0xf]}`;
    else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += `\\U${c.toString(16).padStart(8, "0")}`;
  }
  return `${out}"`;
}

/** %#U of a rune: "U+007B '{'" (the quoted rune only when printable). */
export function goRune(r: number): string {
  const hex = `U+${r.toString(16).toUpperCase().padStart(4, "0")}`;
  const ch = String.fromCodePoint(r);
  return isPrint(ch) ? `${hex} '${ch}'` : hex;
}

/** %v of a float64: strconv 'g' with the shortest digits, %e below 1e-4 and from 1e+06 ("1e+06", "19.95"). */
export function goFloat(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "+Inf";
  if (v === -Infinity) return "-Inf";
  if (v === 0) return Object.is(v, -0) ? "-0" : "0";
  const [digits, e] = v.toExponential().split("e") as [string, string];
  const exp = Number(e);
  if (exp < -4 || exp >= 6) {
    const abs = Math.abs(exp);
    return `${digits}e${exp < 0 ? "-" : "+"}${abs < 10 ? `0${abs}` : abs}`;
  }
  return String(v);
}

/** A JS number as Go prints the int64 or float64 it stands for. */
export function goNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : goFloat(v);
}

/** fmt.Sprint (%v) of a decoded value: maps as map[k:v ...] with sorted keys, slices as [a b], nil as <nil>. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  if (v instanceof GoFloat) return goFloat(v.value);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(" ")}]`;
  const obj = v as Record<string, unknown>;
  return `map[${sortedKeys(obj)
    .map((k) => `${k}:${goSprint(obj[k])}`)
    .join(" ")}]`;
}

/** fmt's %#v of a decoded value held in an interface{}: map[string]interface {}{"k":v, ...}. */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return goNumber(v);
  if (typeof v === "boolean") return String(v);
  if (v instanceof GoFloat) return goFloat(v.value);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(", ")}}`;
  const obj = v as Record<string, unknown>;
  return `map[string]interface {}{${sortedKeys(obj)
    .map((k) => `${goQuote(k)}:${goSharpV(obj[k])}`)
    .join(", ")}}`;
}

/** Go sorts map keys when printing them (byte order). */
export function sortedKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The reflect type name of a decoded value, as error messages print it. */
export function goTypeName(v: unknown): string {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  if (typeof v === "boolean") return "bool";
  if (v instanceof GoFloat) return "float64";
  if (Array.isArray(v)) return "[]interface {}";
  return "map[string]interface {}";
}
