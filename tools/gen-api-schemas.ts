// Generates shared/sim/api/schema/go-types.ts: the Go types of every served kind,
// read from Kubernetes' own sources, so the API server's decoder knows each
// kind's fields, their JSON names and Go types exactly as kube-apiserver does.
//
//   node tools/gen-api-schemas.ts --api DIR --apimachinery DIR > shared/sim/api/schema/go-types.ts
//
// DIR are checkouts of kubernetes/api and kubernetes/apimachinery at the tag the
// simulation targets (v0.34.10). Only the types reachable from the served kinds
// are written.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { api: { type: "string" }, apimachinery: { type: "string" } } });
if (!values.api || !values.apimachinery) throw new Error("usage: gen-api-schemas.ts --api DIR --apimachinery DIR");

interface Package {
  readonly key: string;
  readonly name: string;
  readonly importPath: string;
  readonly files: readonly string[];
}

const PACKAGES: readonly Package[] = [
  { key: "core/v1", name: "v1", importPath: "k8s.io/api/core/v1", files: [join(values.api, "core/v1/types.go")] },
  { key: "apps/v1", name: "v1", importPath: "k8s.io/api/apps/v1", files: [join(values.api, "apps/v1/types.go")] },
  { key: "coordination/v1", name: "v1", importPath: "k8s.io/api/coordination/v1", files: [join(values.api, "coordination/v1/types.go")] },
  { key: "rbac/v1", name: "v1", importPath: "k8s.io/api/rbac/v1", files: [join(values.api, "rbac/v1/types.go")] },
  { key: "scheduling/v1", name: "v1", importPath: "k8s.io/api/scheduling/v1", files: [join(values.api, "scheduling/v1/types.go")] },
  { key: "meta/v1", name: "v1", importPath: "k8s.io/apimachinery/pkg/apis/meta/v1", files: [join(values.apimachinery, "pkg/apis/meta/v1/types.go")] },
  { key: "types", name: "types", importPath: "k8s.io/apimachinery/pkg/types", files: [join(values.apimachinery, "pkg/types/uid.go")] },
  { key: "resource", name: "resource", importPath: "k8s.io/apimachinery/pkg/api/resource", files: [] },
  { key: "intstr", name: "intstr", importPath: "k8s.io/apimachinery/pkg/util/intstr", files: [] },
];

/** Types with their own UnmarshalJSON: the decoder implements each by hand. */
const CUSTOM: Readonly<Record<string, string>> = {
  "resource.Quantity": "quantity",
  "intstr.IntOrString": "intOrString",
  "meta/v1.Time": "time",
  "meta/v1.MicroTime": "microTime",
  "meta/v1.FieldsV1": "raw",
};

const ROOTS = [
  "core/v1.Namespace",
  "core/v1.Node",
  "core/v1.Pod",
  "core/v1.Event",
  "core/v1.ServiceAccount",
  "core/v1.ResourceQuota",
  "core/v1.LimitRange",
  "apps/v1.Deployment",
  "apps/v1.ReplicaSet",
  "coordination/v1.Lease",
  "rbac/v1.Role",
  "rbac/v1.RoleBinding",
  "rbac/v1.ClusterRole",
  "rbac/v1.ClusterRoleBinding",
  "scheduling/v1.PriorityClass",
];

const BUILTIN = new Set(["string", "bool", "int", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64", "byte"]);

interface RawField {
  readonly json: string;
  readonly type: string;
  readonly inline: boolean;
}
type RawType = { readonly kind: "struct"; readonly fields: RawField[] } | { readonly kind: "named"; readonly type: string };

const raw = new Map<string, RawType>();
const imports = new Map<string, Map<string, string>>();

for (const pkg of PACKAGES) {
  for (const file of pkg.files) parseFile(pkg, readFileSync(file, "utf8"));
}

function parseFile(pkg: Package, src: string): void {
  const aliases = new Map<string, string>();
  for (const m of src.matchAll(/^\s*(?:(\w+)\s+)?"([^"]+)"\s*$/gm)) {
    const target = PACKAGES.find((p) => p.importPath === m[2]);
    if (target) aliases.set(m[1] ?? m[2]!.split("/").pop()!, target.key);
  }
  imports.set(pkg.key, aliases);
  const lines = src.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const struct = /^type (\w+) struct \{\s*$/.exec(line);
    if (struct) {
      const fields: RawField[] = [];
      for (i++; i < lines.length && lines[i] !== "}"; i++) {
        const f = lines[i]!.trim();
        if (f.startsWith("/*")) {
          while (i < lines.length && !lines[i]!.includes("*/")) i++;
          continue;
        }
        if (f === "" || f.startsWith("//")) continue;
        const tag = /`(.*)`/.exec(f)?.[1] ?? "";
        const jsonTag = /json:"([^"]*)"/.exec(tag)?.[1];
        const decl = f.replace(/`.*`/, "").replace(/\/\/.*$/, "").trim().split(/\s+/);
        if (jsonTag === "-") continue;
        const jsonName = jsonTag?.split(",")[0] ?? "";
        const inline = decl.length === 1 || (jsonTag ?? "").split(",").includes("inline");
        const type = resolve(pkg, decl.length === 1 ? decl[0]! : decl.slice(1).join(" "), aliases);
        fields.push({ json: jsonName === "" ? decl[0]! : jsonName, type, inline: inline && jsonName === "" });
      }
      raw.set(`${pkg.key}.${struct[1]}`, { kind: "struct", fields });
      continue;
    }
    const named = /^type (\w+) (=\s*)?([^{]+?)\s*(\/\/.*)?$/.exec(line);
    if (named && !named[3]!.startsWith("interface")) raw.set(`${pkg.key}.${named[1]}`, { kind: "named", type: resolve(pkg, named[3]!, aliases) });
  }
}

/** Rewrites a Go type expression with package keys: "[]Container" → "[]core/v1.Container". */
function resolve(pkg: Package, expr: string, aliases: Map<string, string>): string {
  const t = expr.replace(/^\*/, "");
  if (t.startsWith("[]")) return `[]${resolve(pkg, t.slice(2), aliases)}`;
  const map = /^map\[([^\]]+)\](.+)$/.exec(t);
  if (map) return `map[${resolve(pkg, map[1]!, aliases)}]${resolve(pkg, map[2]!, aliases)}`;
  if (BUILTIN.has(t)) return t;
  const dot = t.indexOf(".");
  if (dot < 0) return `${pkg.key}.${t}`;
  const alias = t.slice(0, dot);
  const key = aliases.get(alias);
  // A package outside PACKAGES fails only if a served kind reaches it (visit).
  if (!key) return `?${t}`;
  return `${key}.${t.slice(dot + 1)}`;
}

/** What the generated table holds for one type: its Go name and fields, or its underlying type. */
type OutType = { readonly go: string; readonly fields: [string, string][] } | { readonly go: string; readonly underlying: string };
const out = new Map<string, OutType>();

function goName(key: string): string {
  const dot = key.lastIndexOf(".");
  const pkg = PACKAGES.find((p) => p.key === key.slice(0, dot))!;
  return `${pkg.name}.${key.slice(dot + 1)}`;
}

function visitExpr(expr: string): void {
  if (expr.startsWith("[]")) return visitExpr(expr.slice(2));
  const map = /^map\[([^\]]+)\](.+)$/.exec(expr);
  if (map) {
    visitExpr(map[1]!);
    return visitExpr(map[2]!);
  }
  if (!BUILTIN.has(expr)) visit(expr);
}

function flatten(key: string): [string, string][] {
  const t = raw.get(key);
  if (!t || t.kind !== "struct") throw new Error(`inline of a non-struct ${key}`);
  const fields: [string, string][] = [];
  for (const f of t.fields) {
    if (f.inline) fields.push(...flatten(f.type));
    else {
      fields.push([f.json, f.type]);
      visitExpr(f.type);
    }
  }
  return fields;
}

function visit(key: string): void {
  if (out.has(key)) return;
  if (CUSTOM[key] !== undefined) {
    out.set(key, { go: goName(key), underlying: CUSTOM[key] });
    return;
  }
  const t = raw.get(key);
  if (!t) throw new Error(`type ${key} not found`);
  if (t.kind === "named") {
    // An alias (type A = B) prints as B; a defined type keeps its own name.
    out.set(key, { go: goName(key), underlying: t.type });
    visitExpr(t.type);
    return;
  }
  out.set(key, { go: goName(key), fields: [] });
  out.set(key, { go: goName(key), fields: flatten(key) });
}

for (const r of ROOTS) visit(r);

const keys = [...out.keys()].sort();
let text = `// Generated by tools/gen-api-schemas.ts from kubernetes/api and kubernetes/apimachinery
// v0.34.10 (Kubernetes v1.34): the Go type of every field of every served kind, with
// its JSON name, in source order. Do not edit; regenerate.
// A type is [Go name, fields] for a struct, or [Go name, underlying type] otherwise;
// field types are Go type expressions over these keys ("[]core/v1.Container").

export const GO_TYPES: Readonly<Record<string, readonly [string, string | Readonly<Record<string, string>>]>> = {\n`;
for (const k of keys) {
  const t = out.get(k)!;
  if ("underlying" in t) text += `  ${JSON.stringify(k)}: [${JSON.stringify(t.go)}, ${JSON.stringify(t.underlying)}],\n`;
  else text += `  ${JSON.stringify(k)}: [${JSON.stringify(t.go)}, { ${t.fields.map(([n, ty]) => `${/^[A-Za-z_$][\w$]*$/.test(n) ? n : JSON.stringify(n)}: ${JSON.stringify(ty)}`).join(", ")} }],\n`;
}
text += "};\n";
process.stdout.write(text);
