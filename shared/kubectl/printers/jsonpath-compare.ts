// The comparisons a JSONPath filter ([?(@.x < 3)]) applies: client-go's fork
// of text/template's eq/ne/lt/le/gt/ge. Operands must be of the same basic
// kind (ints with ints, floats with floats, strings with strings, bools only
// for equality); anything else is an error that aborts the whole template.

import { GoFloat } from "./go-fmt.ts";

type Kind = "bool" | "int" | "float" | "string";

export const ERR_BAD_COMPARISON_TYPE = "invalid type for comparison";
export const ERR_BAD_COMPARISON = "incompatible types for comparison";

/** A comparison failure; the message is text/template's. */
export class CompareError {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

function basicKind(v: unknown): { kind: Kind; value: string | number | boolean } {
  if (typeof v === "boolean") return { kind: "bool", value: v };
  if (typeof v === "string") return { kind: "string", value: v };
  if (typeof v === "number") return { kind: Number.isInteger(v) ? "int" : "float", value: v };
  if (v instanceof GoFloat) return { kind: "float", value: v.value };
  throw new CompareError(ERR_BAD_COMPARISON_TYPE);
}

export function goEqual(a: unknown, b: unknown): boolean {
  const x = basicKind(a);
  const y = basicKind(b);
  if (x.kind !== y.kind) throw new CompareError(ERR_BAD_COMPARISON);
  return x.value === y.value;
}

export function goLess(a: unknown, b: unknown): boolean {
  const x = basicKind(a);
  const y = basicKind(b);
  if (x.kind !== y.kind) throw new CompareError(ERR_BAD_COMPARISON);
  if (x.kind === "bool") throw new CompareError(ERR_BAD_COMPARISON_TYPE);
  return x.value < y.value;
}

/** The filter operators; undefined for one template does not know ("<>", "="). */
export function compare(op: string, a: unknown, b: unknown): boolean | undefined {
  switch (op) {
    case "<":
      return goLess(a, b);
    case ">":
      return !(goLess(a, b) || goEqual(a, b));
    case "==":
      return goEqual(a, b);
    case "!=":
      return !goEqual(a, b);
    case "<=":
      return goLess(a, b) || goEqual(a, b);
    case ">=":
      return !goLess(a, b);
  }
  return undefined;
}
