// JSON Patch (RFC 6902) as the API server applies it (evanphx/json-patch):
// add, remove, replace, move, copy and test over "/"-separated pointers with
// "~1" and "~0" escapes and "-" for the end of an array. Errors carry the
// library's text; the server hides them behind a bare 422 (see patch.ts).

type Json = unknown;
type Container = Record<string, Json> | Json[];

export type JsonPatchResult = { readonly ok: true; readonly doc: Json } | { readonly ok: false; readonly error: string };

const isContainer = (v: Json): v is Container => v !== null && typeof v === "object";

function decodePointer(path: string): string[] | undefined {
  if (path === "") return [];
  if (!path.startsWith("/")) return undefined;
  return path
    .slice(1)
    .split("/")
    .map((p) => p.replaceAll("~1", "/").replaceAll("~0", "~"));
}

function canonical(v: Json): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (isContainer(v)) {
    const o = v as Record<string, Json>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v);
}

/** The container a pointer's last segment lives in, and that segment. */
function parentOf(doc: Json, path: string): { parent: Container; key: string } | string {
  const parts = decodePointer(path);
  if (parts === undefined || parts.length === 0) return `jsonpatch: invalid path: ${JSON.stringify(path)}`;
  let node: Json = doc;
  for (const part of parts.slice(0, -1)) {
    if (Array.isArray(node)) {
      const i = Number(part);
      if (!/^\d+$/.test(part) || i >= node.length) return `unable to access invalid index: ${part}`;
      node = node[i];
    } else if (isContainer(node) && Object.hasOwn(node, part)) node = (node as Record<string, Json>)[part];
    else return `doc is missing path: ${JSON.stringify(path)}`;
  }
  if (!isContainer(node)) return `doc is missing path: ${JSON.stringify(path)}`;
  return { parent: node, key: parts[parts.length - 1]! };
}

function arrayIndex(arr: readonly Json[], key: string, forAdd: boolean): number | undefined {
  if (forAdd && key === "-") return arr.length;
  if (!/^\d+$/.test(key)) return undefined;
  const i = Number(key);
  return i < (forAdd ? arr.length + 1 : arr.length) ? i : undefined;
}

function get(doc: Json, path: string): { value: Json } | string {
  if (path === "") return { value: doc };
  const p = parentOf(doc, path);
  if (typeof p === "string") return p;
  if (Array.isArray(p.parent)) {
    const i = arrayIndex(p.parent, p.key, false);
    return i === undefined ? `unable to access invalid index: ${p.key}` : { value: p.parent[i] };
  }
  return Object.hasOwn(p.parent, p.key) ? { value: p.parent[p.key] } : `doc is missing key: ${path}`;
}

function add(doc: Json, path: string, value: Json): { doc: Json } | { error: string } {
  if (path === "") return { doc: structuredClone(value) };
  const p = parentOf(doc, path);
  if (typeof p === "string") return { error: `add operation does not apply: ${p}` };
  if (Array.isArray(p.parent)) {
    const i = arrayIndex(p.parent, p.key, true);
    if (i === undefined) return { error: `add operation does not apply: unable to access invalid index: ${p.key}` };
    p.parent.splice(i, 0, structuredClone(value));
  } else p.parent[p.key] = structuredClone(value);
  return { doc };
}

function remove(doc: Json, path: string, op: string): { error: string } | undefined {
  const p = parentOf(doc, path);
  if (typeof p === "string") return { error: `${op} operation does not apply: ${p}` };
  if (Array.isArray(p.parent)) {
    const i = arrayIndex(p.parent, p.key, false);
    if (i === undefined) return { error: `${op} operation does not apply: unable to access invalid index: ${p.key}` };
    p.parent.splice(i, 1);
  } else {
    if (!Object.hasOwn(p.parent, p.key)) return { error: `${op} operation does not apply: doc is missing key: ${path}` };
    delete p.parent[p.key];
  }
  return undefined;
}

/** Applies a decoded patch (an array of operations) to a copy of doc. */
export function applyJsonPatch(original: Json, ops: readonly Json[]): JsonPatchResult {
  let doc = structuredClone(original);
  for (const raw of ops) {
    if (!isContainer(raw) || Array.isArray(raw)) return { ok: false, error: "invalid operation" };
    const op = raw.op;
    const path = raw.path;
    if (typeof path !== "string") return { ok: false, error: `${String(op)} operation missing path` };
    switch (op) {
      case "add": {
        if (!Object.hasOwn(raw, "value")) return { ok: false, error: "add operation missing value" };
        const r = add(doc, path, raw.value);
        if ("error" in r) return { ok: false, error: r.error };
        doc = r.doc;
        break;
      }
      case "remove": {
        const e = remove(doc, path, "remove");
        if (e) return { ok: false, error: e.error };
        break;
      }
      case "replace": {
        if (!Object.hasOwn(raw, "value")) return { ok: false, error: "replace operation missing value" };
        if (path === "") {
          doc = structuredClone(raw.value);
          break;
        }
        const e = remove(doc, path, "replace");
        if (e) return { ok: false, error: e.error };
        const r = add(doc, path, raw.value);
        if ("error" in r) return { ok: false, error: r.error };
        doc = r.doc;
        break;
      }
      case "move":
      case "copy": {
        const from = raw.from;
        if (typeof from !== "string") return { ok: false, error: `${op} operation missing from` };
        const v = get(doc, from);
        if (typeof v === "string") return { ok: false, error: `${op} operation does not apply: ${v}` };
        if (op === "move") {
          const e = remove(doc, from, "move");
          if (e) return { ok: false, error: e.error };
        }
        const r = add(doc, path, v.value);
        if ("error" in r) return { ok: false, error: r.error };
        doc = r.doc;
        break;
      }
      case "test": {
        const v = get(doc, path);
        const expected = Object.hasOwn(raw, "value") ? raw.value : null;
        if (typeof v === "string" || canonical(v.value) !== canonical(expected)) return { ok: false, error: `testing value ${path} failed: test failed` };
        break;
      }
      default:
        return { ok: false, error: `Unexpected kind: ${String(op)}` };
    }
  }
  return { ok: true, doc };
}
