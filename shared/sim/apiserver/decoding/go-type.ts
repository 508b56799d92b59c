// The generated Go type table (api/schema/go-types.ts) compiled once into
// linked nodes the decoder walks: one node per Go type, fields in a Map, and
// each node's printed name (reflect.Type.String()) ready for error messages.

import { GO_TYPES } from "../../api/schema/go-types.ts";

/** Types whose UnmarshalJSON Kubernetes writes by hand (Quantity, IntOrString, Time, FieldsV1). */
export type CustomKind = "quantity" | "intOrString" | "time" | "microTime" | "raw";

export type GoType =
  | { readonly k: "string" | "bool" | "float"; readonly go: string }
  | { readonly k: "int"; readonly go: string; readonly min: number; readonly max: number }
  | { readonly k: CustomKind; readonly go: string }
  | { readonly k: "slice" | "map"; readonly go: string; readonly elem: GoType }
  | { readonly k: "struct"; readonly go: string; readonly name: string; readonly fields: ReadonlyMap<string, GoType> };

const INT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [-(2 ** 63), 2 ** 63 - 1],
  int: [-(2 ** 63), 2 ** 63 - 1],
  uint8: [0, 255],
  byte: [0, 255],
  uint16: [0, 65535],
  uint32: [0, 2 ** 32 - 1],
  uint64: [0, 2 ** 64 - 1],
};

const CUSTOM = new Set<string>(["quantity", "intOrString", "time", "microTime", "raw"]);

const compiled = new Map<string, GoType>();

function builtin(name: string): GoType | undefined {
  if (name === "string") return { k: "string", go: name };
  if (name === "bool") return { k: "bool", go: name };
  if (name === "float32" || name === "float64") return { k: "float", go: name };
  const range = INT_RANGES[name];
  return range ? { k: "int", go: name, min: range[0], max: range[1] } : undefined;
}

/** A Go type expression over the table's keys ("[]core/v1.Container", "map[string]string"). */
function compileExpr(expr: string): GoType {
  if (expr.startsWith("[]")) {
    const elem = compileExpr(expr.slice(2));
    return { k: "slice", go: `[]${elem.go}`, elem };
  }
  const map = /^map\[([^\]]+)\](.+)$/.exec(expr);
  if (map) {
    const key = compileExpr(map[1]!);
    const elem = compileExpr(map[2]!);
    return { k: "map", go: `map[${key.go}]${elem.go}`, elem };
  }
  return builtin(expr) ?? goType(expr);
}

/** The node for one named type of the table; struct nodes are shared, so cycles are fine. */
export function goType(key: string): GoType {
  const done = compiled.get(key);
  if (done) return done;
  const entry = GO_TYPES[key];
  if (!entry) throw new Error(`no Go type ${key}`);
  const [go, def] = entry;
  if (typeof def === "string") {
    // A defined type keeps its own name (v1.RestartPolicy) over its underlying kind.
    const node: GoType = CUSTOM.has(def) ? { k: def as CustomKind, go } : { ...compileExpr(def), go };
    compiled.set(key, node);
    return node;
  }
  const fields = new Map<string, GoType>();
  const node: GoType = { k: "struct", go, name: go.slice(go.indexOf(".") + 1), fields };
  compiled.set(key, node);
  for (const [name, expr] of Object.entries(def)) fields.set(name, compileExpr(expr));
  return node;
}
