// Generates shared/sim/api/schema/go-docs.ts: the OpenAPI description of every
// type and field in go-types.ts, which fields are required and which string
// types are enums, computed from the Go doc comments the way k8s.io/kube-openapi's
// openapi-gen does (generateDescription, isOptional, enum.go), so `kubectl
// explain` prints what a v1.34 kube-apiserver's OpenAPI v3 document says.
//
//   node tools/gen-api-docs.ts --api DIR --apimachinery DIR > shared/sim/api/schema/go-docs.ts
//
// DIR are checkouts of kubernetes/api and kubernetes/apimachinery at v0.34.10.

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { GO_TYPES } from "../shared/sim/api/schema/go-types.ts";

const { values } = parseArgs({ options: { api: { type: "string" }, apimachinery: { type: "string" } } });
if (!values.api || !values.apimachinery) throw new Error("usage: gen-api-docs.ts --api DIR --apimachinery DIR");

const PACKAGES: Readonly<Record<string, { readonly importPath: string; readonly dir: string }>> = {
  "core/v1": { importPath: "k8s.io/api/core/v1", dir: join(values.api, "core/v1") },
  "apps/v1": { importPath: "k8s.io/api/apps/v1", dir: join(values.api, "apps/v1") },
  "coordination/v1": { importPath: "k8s.io/api/coordination/v1", dir: join(values.api, "coordination/v1") },
  "rbac/v1": { importPath: "k8s.io/api/rbac/v1", dir: join(values.api, "rbac/v1") },
  "scheduling/v1": { importPath: "k8s.io/api/scheduling/v1", dir: join(values.api, "scheduling/v1") },
  "meta/v1": { importPath: "k8s.io/apimachinery/pkg/apis/meta/v1", dir: join(values.apimachinery, "pkg/apis/meta/v1") },
  types: { importPath: "k8s.io/apimachinery/pkg/types", dir: join(values.apimachinery, "pkg/types") },
  resource: { importPath: "k8s.io/apimachinery/pkg/api/resource", dir: join(values.apimachinery, "pkg/api/resource") },
  intstr: { importPath: "k8s.io/apimachinery/pkg/util/intstr", dir: join(values.apimachinery, "pkg/util/intstr") },
};

interface Member {
  readonly name: string;
  readonly tag: string;
  /** The type expression over package keys, pointer stripped. */
  readonly type: string;
  readonly comments: readonly string[];
}
interface GoType {
  readonly comments: readonly string[];
  readonly members?: readonly Member[];
  readonly underlying?: string;
}
interface Constant {
  readonly name: string;
  readonly type: string;
  readonly value: string;
  readonly comment: string;
}

const types = new Map<string, GoType>();
const constants: Constant[] = [];

for (const [key, pkg] of Object.entries(PACKAGES)) {
  for (const file of readdirSync(pkg.dir).sort()) {
    if (!file.endsWith(".go") || file.endsWith("_test.go") || file.startsWith("zz_generated") || file.startsWith("generated") || file.includes("swagger_doc")) continue;
    parseFile(key, readFileSync(join(pkg.dir, file), "utf8"));
  }
}

/** go/ast CommentGroup.Text, split into lines as gengo does: the doc comment ending just above line `at`. */
function docComment(lines: readonly string[], at: number): string[] {
  const out: string[] = [];
  for (let i = at - 1; i >= 0; i--) {
    const t = lines[i]!.trim();
    if (!t.startsWith("//")) break;
    let c = t.slice(2);
    // Directives (//go:generate, //nolint:x) are not part of the text.
    if (/^(line |extern |export |[a-z0-9]+:[a-z0-9])/.test(c)) continue;
    if (c.startsWith(" ")) c = c.slice(1);
    out.unshift(c.replace(/\s+$/, ""));
  }
  while (out.length > 0 && out[0] === "") out.shift();
  while (out.length > 0 && out[out.length - 1] === "") out.pop();
  return out.filter((l, i) => !(l === "" && out[i - 1] === ""));
}

function parseFile(key: string, src: string): void {
  const aliases = new Map<string, string>();
  for (const m of src.matchAll(/^\s*(?:(\w+)\s+)?"([^"]+)"\s*$/gm)) {
    const target = Object.entries(PACKAGES).find(([, p]) => p.importPath === m[2]);
    if (target) aliases.set(m[1] ?? m[2]!.split("/").pop()!, target[0]);
  }
  const resolve = (expr: string): string => {
    const t = expr.replace(/^\*/, "");
    if (t.startsWith("[]") || t.startsWith("map[") || /^[a-z]\w*$/.test(t)) return t;
    const dot = t.indexOf(".");
    return dot < 0 ? `${key}.${t}` : `${aliases.get(t.slice(0, dot)) ?? "?"}.${t.slice(dot + 1)}`;
  };
  const lines = src.split("\n");
  let inConst = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const struct = /^type (\w+) struct \{\s*$/.exec(line);
    if (struct) {
      const comments = docComment(lines, i);
      const members: Member[] = [];
      for (i++; i < lines.length && lines[i] !== "}"; i++) {
        const f = lines[i]!.trim();
        if (f === "" || f.startsWith("//") || f.startsWith("/*") || f.startsWith("*/") || !/^\w/.test(f)) continue;
        const tag = /`(.*)`/.exec(f)?.[1] ?? "";
        const decl = f.replace(/`.*`/, "").replace(/\/\/.*$/, "").trim().split(/\s+/);
        const embedded = decl.length === 1;
        members.push({ name: embedded ? decl[0]!.replace(/^\*?(\w+\.)?/, "") : decl[0]!, tag, type: resolve(embedded ? decl[0]! : decl.slice(1).join(" ")), comments: docComment(lines, i) });
      }
      types.set(`${key}.${struct[1]}`, { comments, members });
      continue;
    }
    const named = /^type (\w+) (?:=\s*)?([^{]+?)\s*(\/\/.*)?$/.exec(line);
    if (named && !named[2]!.startsWith("interface")) {
      types.set(`${key}.${named[1]}`, { comments: docComment(lines, i), underlying: resolve(named[2]!) });
      continue;
    }
    if (/^const \($/.test(line)) inConst = true;
    else if (inConst && line === ")") inConst = false;
    const c = (inConst ? /^\t(\w+)\s+([\w.]+)\s*=\s*"([^"]*)"/ : /^const (\w+)\s+([\w.]+)\s*=\s*"([^"]*)"/).exec(line);
    if (c) constants.push({ name: c[1]!, type: resolve(c[2]!), value: c[3]!, comment: docComment(lines, i).join(" ") });
  }
}

/** gengo.ExtractCommentTags("+", lines)[name] != nil. */
const hasTag = (comments: readonly string[], name: string): boolean => comments.some((l) => new RegExp(`^\\+${name.replace(/[.]/g, "\\.")}(=|$)`).test(l.trim()));

/** enum.go: named string types marked +enum, with their constants (the longer comment wins a tie of values). */
const enums = new Map<string, Constant[]>();
for (const [k, t] of types) if (t.underlying === "string" && hasTag(t.comments, "enum")) enums.set(k, []);
for (const c of constants) {
  const values = enums.get(c.type);
  if (!values) continue;
  const i = values.findIndex((v) => v.value === c.value);
  if (i < 0) values.push(c);
  else if (values[i]!.comment.length < c.comment.length || (values[i]!.comment.length === c.comment.length && values[i]!.comment > c.comment)) values[i] = c;
}

/** enumType.DescriptionLines: a new paragraph listing each value. */
function enumLines(key: string): string[] {
  const values = enums.get(key);
  if (!values || values.length === 0) return [];
  const lines = values.map((v) => {
    const comment = v.comment.trim().replace(new RegExp(`^${v.name}`), "").trim().replace(/\s+/g, " ");
    return ` - \`${JSON.stringify(v.value)}\` ${comment}`;
  });
  return ["", "Possible enum values:", ...lines.sort()];
}

/** openapi-gen's generateDescription, line for line. */
function description(commentLines: readonly string[]): string {
  let buf = "";
  for (const raw of commentLines) {
    if (raw === "---") break;
    const line = raw.replace(/ +$/, "");
    const leading = line.replace(/^ +/, "");
    if (line.length === 0) buf = `${buf.slice(0, -1)}\n\n`;
    else if (leading.startsWith("TODO") || leading.startsWith("+")) continue;
    else if (line.startsWith(" ") || line.startsWith("\t")) buf = `${buf.slice(0, -1)}\n${line}\n`;
    else buf += `${line} `;
  }
  return buf.trim();
}

function jsonTags(m: Member): string[] {
  const tag = /json:"([^"]*)"/.exec(m.tag)?.[1];
  return tag === undefined || tag === "" ? [] : tag.split(",");
}

interface Doc {
  readonly fields: [string, string][];
  readonly required: string[];
}

/** generateMembers: each property's description, and the required list, with inline members flattened. */
function members(key: string, doc: Doc): void {
  for (const m of types.get(key)!.members!) {
    if (hasTag(m.comments, "k8s:openapi-gen=false")) continue;
    const tags = jsonTags(m);
    if (tags[1] === "inline") {
      members(m.type, doc);
      continue;
    }
    const name = tags.length === 0 ? m.name : tags[0]!;
    if (name === "-") continue;
    const optional = hasTag(m.comments, "required") ? false : hasTag(m.comments, "optional") ? true : tags.includes("omitempty");
    if (!optional) doc.required.push(name);
    doc.fields.push([name, description([...m.comments, ...enumLines(m.type)])]);
  }
}

const q = JSON.stringify;
let text = `// Generated by tools/gen-api-docs.ts from the Go doc comments of kubernetes/api and
// kubernetes/apimachinery v0.34.10 (Kubernetes v1.34), processed as openapi-gen does:
// the OpenAPI description of each type in go-types.ts and of each of its fields,
// its required fields, and each enum type's values. Do not edit; regenerate.

export interface GoDoc {
  readonly description: string;
  readonly fields?: Readonly<Record<string, string>>;
  readonly required?: readonly string[];
  /** The values of a string type marked +enum, sorted. */
  readonly enum?: readonly string[];
}

export const GO_DOCS: Readonly<Record<string, GoDoc>> = {\n`;
for (const key of Object.keys(GO_TYPES).sort()) {
  const t = types.get(key);
  if (!t) throw new Error(`type ${key} not found`);
  const parts = [`description: ${q(description(t.comments))}`];
  if (t.members && typeof GO_TYPES[key]![1] !== "string") {
    const doc: Doc = { fields: [], required: [] };
    members(key, doc);
    parts.push(`fields: { ${doc.fields.map(([n, d]) => `${/^[A-Za-z_$][\w$]*$/.test(n) ? n : q(n)}: ${q(d)}`).join(", ")} }`);
    if (doc.required.length > 0) parts.push(`required: ${q(doc.required)}`);
  }
  const e = enums.get(key);
  if (e && e.length > 0) parts.push(`enum: ${q(e.map((v) => v.value).sort())}`);
  text += `  ${q(key)}: { ${parts.join(", ")} },\n`;
}
text += "};\n";
process.stdout.write(text);
