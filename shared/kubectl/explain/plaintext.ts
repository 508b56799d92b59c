// kubectl v1.34's "plaintext" explain template (pkg/explain/v2/templates/
// plaintext.tmpl), template by template: the GROUP/KIND/VERSION header, the
// field path walk through properties, array items, map values and allOf, the
// DESCRIPTION and FIELDS sections, type guesses ("<DeploymentSpec>",
// "<[]Container>", "<map[string]Quantity>") and enum lists. Blank lines and
// trailing spaces are the template's own.

import { componentSchema, type Schema } from "./openapi.ts";
import { wrapString } from "./wordwrap.ts";

export interface ExplainTarget {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** The GO_TYPES key of the kind's schema. */
  readonly type: string;
}

export type Rendered = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** The template's indent: pads the first line and every line after a newline. */
function indent(amount: number, s: string): string {
  const pad = " ".repeat(amount);
  return pad + s.replaceAll("\n", `\n${pad}`);
}

function resolve(s: Schema): Schema {
  return s.$ref === undefined ? s : componentSchema(s.$ref);
}

function typeGuess(s: Schema): string {
  if (s.items) return `[]${typeGuess(s.items)}`;
  if (s.additionalProperties) return `map[string]${typeGuess(s.additionalProperties)}`;
  if (s.allOf && !s.properties && s.allOf.length === 1) return typeGuess(s.allOf[0]!);
  if (s.$ref !== undefined) {
    const ref = componentSchema(s.$ref);
    if (!ref.type || ref.type === "object") return s.$ref.split(".").pop() || "Object";
    return ref.type;
  }
  return s.type === "object" ? "Object" : s.type || "Object";
}

function extractEnum(s: Schema, longView: boolean, limit: number, indentAmount: number): string {
  if (!s.enum || s.enum.length === 0) return "";
  let out = longView ? "ENUM:" : `\n${" ".repeat(indentAmount)}enum: `;
  for (const [i, e] of s.enum.entries()) {
    if (limit > -1 && i >= limit) {
      out += ", ....";
      break;
    }
    if (i > 0 && !longView) out += ", ";
    else if (longView) out += "\n    ";
    out += e === "" ? '""' : e;
  }
  return out;
}

function description(s: Schema): string {
  const r = resolve(s);
  let out = r.description ? `${r.description}\n` : "";
  for (const a of r.allOf ?? []) out += description(a);
  if (r.items) out += description(r.items);
  if (r.additionalProperties) out += description(r.additionalProperties);
  return out;
}

function fieldDetail(name: string, s: Schema, short: boolean, level: number): string {
  const indentAmount = level * 2;
  const field = s.properties![name]!;
  let out = `${indent(indentAmount, name)}\t<${typeGuess(field)}>`;
  if (s.required?.includes(name)) out += " -required-";
  out += `${extractEnum(field, false, 4, indentAmount)}\n`;
  if (!short) out += `${indent(indentAmount + 2, wrapString(field.description || "<no description>", 78 - indentAmount))}\n\n`;
  return out;
}

/** The fields of a schema; with recursive, their fields too, stopping at a type already on the path. */
function fieldList(s: Schema, level: number, recursive: boolean, history: ReadonlySet<string>): string {
  if (s.$ref !== undefined && history.has(s.$ref)) return "";
  const next = s.$ref === undefined ? history : new Set([...history, s.$ref]);
  const r = resolve(s);
  let out = "";
  for (const name of Object.keys(r.properties ?? {}).sort()) {
    out += fieldDetail(name, r, recursive, level);
    if (recursive) out += fieldList(r.properties![name]!, level + 1, recursive, next);
  }
  for (const a of r.allOf ?? []) out += fieldList(a, level, recursive, next);
  if (r.items) out += fieldList(r.items, level, recursive, next);
  if (r.additionalProperties) out += fieldList(r.additionalProperties, level, recursive, next);
  return out;
}

/** Follows the field path; prints nothing when a field is missing. */
function output(s: Schema, path: readonly string[], recursive: boolean, history: ReadonlySet<string>): string {
  const r = resolve(s);
  if (path.length === 0) {
    let out = `DESCRIPTION:\n${indent(4, wrapString(description(r) || "<empty>", 76))}\n`;
    const fields = fieldList(r, 1, recursive, new Set());
    if (fields !== "") out += `FIELDS:\n${fields}`;
    return out;
  }
  if (s.$ref !== undefined && history.has(s.$ref)) return "";
  const next = s.$ref === undefined ? history : new Set([...history, s.$ref]);
  const field = r.properties?.[path[0]!];
  if (field) {
    const head = path.length === 1 ? `FIELD: ${path[0]} <${typeGuess(field)}>\n${extractEnum(field, true, -1, 0)}\n\n` : "";
    return head + output(field, path.slice(1), recursive, new Set());
  }
  if (r.items) return output(r.items, path, recursive, next);
  if (r.additionalProperties) return output(r.additionalProperties, path, recursive, next);
  for (const a of r.allOf ?? []) {
    const out = output(a, path, recursive, next);
    if (out !== "") return out;
  }
  return "";
}

/** The whole plaintext template for one kind and field path. */
export function renderPlaintext(target: ExplainTarget, path: readonly string[], recursive: boolean): Rendered {
  const body = output(componentSchema(target.type), path, recursive, new Set());
  if (body === "") return { ok: false, message: `error: field ${JSON.stringify(path[path.length - 1])} does not exist` };
  const group = target.group === "" ? "" : `GROUP:      ${target.group}\n`;
  return { ok: true, text: `${group}KIND:       ${target.kind}\nVERSION:    ${target.version}\n\n${body}\n` };
}
