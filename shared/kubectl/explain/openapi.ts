// The OpenAPI v3 schemas a v1.34 kube-apiserver publishes for the served kinds,
// rebuilt from the generated Go types and doc comments: a struct field refers
// to its type's component schema (wrapped in allOf when it has a description,
// as kube-openapi's builder3 does), named string types inline as strings (with
// their enum values), and Quantity, IntOrString, Time and FieldsV1 keep the
// custom schemas their OpenAPI methods declare.

import { GO_DOCS } from "../../sim/api/schema/go-docs.ts";
import { GO_TYPES } from "../../sim/api/schema/go-types.ts";

export interface Schema {
  readonly type?: string;
  readonly description?: string;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly items?: Schema;
  readonly additionalProperties?: Schema;
  readonly allOf?: readonly Schema[];
  /** A key of GO_TYPES naming a component schema. */
  readonly $ref?: string;
  readonly enum?: readonly string[];
}

const INTEGERS = new Set(["int", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]);

/** openapi.OpenAPITypeFormat's type for a Go builtin. */
function builtinType(t: string): string | undefined {
  if (t === "string" || t === "[]byte" || t === "[]uint8") return "string";
  if (t === "bool") return "boolean";
  if (INTEGERS.has(t)) return "integer";
  if (t === "float32" || t === "float64") return "number";
  return undefined;
}

/** The types whose OpenAPI methods declare their own schema (no properties). */
const CUSTOM: Readonly<Record<string, string | undefined>> = {
  // OpenAPIV3OneOfTypes: a oneOf without a type.
  quantity: undefined,
  intOrString: undefined,
  time: "string",
  microTime: "string",
  raw: "object",
};

/** The schema of a property of Go type `expr` (generateProperty and its map and slice forms). */
export function propertySchema(expr: string, description?: string): Schema {
  const d = description === undefined || description === "" ? {} : { description };
  const builtin = builtinType(expr);
  if (builtin) return { type: builtin, ...d };
  if (expr.startsWith("[]")) return { type: "array", items: propertySchema(expr.slice(2)), ...d };
  const map = /^map\[[^\]]+\](.+)$/.exec(expr);
  if (map) return { type: "object", additionalProperties: propertySchema(map[1]!), ...d };
  const t = GO_TYPES[expr];
  if (!t) throw new Error(`no Go type ${expr}`);
  const [, shape] = t;
  if (typeof shape === "string" && !(shape in CUSTOM)) {
    const enumValues = GO_DOCS[expr]?.enum;
    return { ...propertySchema(shape), ...d, ...(enumValues ? { enum: enumValues } : {}) };
  }
  return description ? { allOf: [{ $ref: expr }], ...d } : { $ref: expr };
}

const components = new Map<string, Schema>();

/** resolveRef: the component schema of a struct or custom type. */
export function componentSchema(key: string): Schema {
  const cached = components.get(key);
  if (cached) return cached;
  const [, shape] = GO_TYPES[key]!;
  const doc = GO_DOCS[key]!;
  const d = doc.description === "" ? {} : { description: doc.description };
  let s: Schema;
  if (typeof shape === "string") {
    const type = CUSTOM[shape];
    s = { ...d, ...(type ? { type } : {}) };
  } else {
    const properties: Record<string, Schema> = {};
    for (const [name, expr] of Object.entries(shape)) properties[name] = propertySchema(expr, doc.fields?.[name]);
    s = { type: "object", ...d, properties, ...(doc.required ? { required: doc.required } : {}) };
  }
  components.set(key, s);
  return s;
}
