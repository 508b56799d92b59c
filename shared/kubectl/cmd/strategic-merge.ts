// The client-side apply patch: a three-way strategic merge (apimachinery
// strategicpatch.CreateThreeWayMergePatch, without retainKeys and element-order
// directives): fields the manifest sets that differ from the live object,
// plus fields the last-applied configuration had and the manifest dropped.
// Lists of containers, volumes, env vars, ports and mounts merge by key.

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (v: Json): v is JsonObject => v !== null && typeof v === "object" && !Array.isArray(v);

/** patchMergeKey of the list fields built-in types merge (k8s.io/api struct tags). */
const MERGE_KEYS: Record<string, string> = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  volumes: "name",
  env: "name",
  volumeMounts: "mountPath",
  volumeDevices: "devicePath",
  imagePullSecrets: "name",
  hostAliases: "ip",
  ownerReferences: "uid",
  topologySpreadConstraints: "topologyKey",
  resourceClaims: "name",
};

function mergeKeyFor(field: string, items: readonly Json[]): string | undefined {
  if (field === "ports") return items.some((i) => isObject(i) && "containerPort" in i) ? "containerPort" : "port";
  return MERGE_KEYS[field];
}

function equal(a: Json, b: Json): boolean {
  return JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
}

function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isObject(v)) return v;
  const out: JsonObject = {};
  for (const k of Object.keys(v).sort()) if (v[k] !== undefined) out[k] = sortKeys(v[k]);
  return out;
}

/** diff(current → modified), ignoring deletions. */
function delta(current: JsonObject, modified: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const [k, m] of Object.entries(modified)) {
    if (m === undefined) continue;
    const c = current[k];
    if (isObject(m) && isObject(c)) {
      const sub = delta(c, m);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else if (Array.isArray(m) && Array.isArray(c) && mergeKeyFor(k, m) !== undefined) {
      const key = mergeKeyFor(k, m)!;
      const items: Json[] = [];
      for (const item of m) {
        if (!isObject(item)) continue;
        const match = c.find((x) => isObject(x) && equal(x[key], item[key]));
        if (!match) items.push(item);
        else {
          const sub = delta(match as JsonObject, item);
          if (Object.keys(sub).length > 0) items.push({ [key]: item[key], ...sub });
        }
      }
      if (items.length > 0) patch[k] = items;
    } else if (!(k in current) || !equal(m, c)) {
      patch[k] = m;
    }
  }
  return patch;
}

/** diff(original → modified), keeping only what was removed. */
function deletions(original: JsonObject, modified: JsonObject): JsonObject {
  const patch: JsonObject = {};
  for (const [k, o] of Object.entries(original)) {
    if (o === undefined) continue;
    const m = modified[k];
    if (m === undefined) patch[k] = null;
    else if (isObject(o) && isObject(m)) {
      const sub = deletions(o, m);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else if (Array.isArray(o) && Array.isArray(m) && mergeKeyFor(k, o) !== undefined) {
      const key = mergeKeyFor(k, o)!;
      const items: Json[] = [];
      for (const item of o) {
        if (!isObject(item)) continue;
        const match = m.find((x) => isObject(x) && equal(x[key], item[key]));
        if (!match) items.push({ [key]: item[key], $patch: "delete" });
        else {
          const sub = deletions(item, match as JsonObject);
          if (Object.keys(sub).length > 0) items.push({ [key]: item[key], ...sub });
        }
      }
      if (items.length > 0) patch[k] = items;
    }
  }
  return patch;
}

function mergePatches(a: JsonObject, b: JsonObject): JsonObject {
  const out: JsonObject = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k];
    if (isObject(cur) && isObject(v)) out[k] = mergePatches(cur, v);
    else if (Array.isArray(cur) && Array.isArray(v)) out[k] = [...cur, ...v];
    else out[k] = v;
  }
  return out;
}

export function threeWayPatch(original: JsonObject, modified: JsonObject, current: JsonObject): JsonObject {
  return mergePatches(deletions(original, modified), delta(current, modified));
}

/** Applies a strategic merge patch from threeWayPatch to an object. */
export function applyStrategicPatch(target: Json, patch: JsonObject): JsonObject {
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, p] of Object.entries(patch)) {
    if (p === null) {
      delete out[k];
      continue;
    }
    const cur = out[k];
    if (isObject(p)) out[k] = applyStrategicPatch(cur, p);
    else if (Array.isArray(p) && mergeKeyFor(k, p) !== undefined && Array.isArray(cur)) {
      const key = mergeKeyFor(k, p)!;
      let list = [...cur];
      for (const item of p) {
        if (!isObject(item)) continue;
        const idx = list.findIndex((x) => isObject(x) && equal(x[key], item[key]));
        if (item.$patch === "delete") {
          if (idx >= 0) list = list.filter((_, i) => i !== idx);
        } else if (idx >= 0) list[idx] = applyStrategicPatch(list[idx], item);
        else list.push(item);
      }
      out[k] = list;
    } else out[k] = p;
  }
  return out;
}

/** A JSON merge patch (RFC 7386) turning current into target: arrays replace wholesale. */
export function mergePatchBetween(current: Json, target: Json): JsonObject {
  const c = isObject(current) ? current : {};
  const t = isObject(target) ? target : {};
  const patch: JsonObject = {};
  for (const [k, v] of Object.entries(t)) {
    if (v === undefined) continue;
    if (!(k in c) || c[k] === undefined) patch[k] = v;
    else if (isObject(v) && isObject(c[k])) {
      const sub = mergePatchBetween(c[k], v);
      if (Object.keys(sub).length > 0) patch[k] = sub;
    } else if (!equal(v, c[k])) patch[k] = v;
  }
  for (const k of Object.keys(c)) if (c[k] !== undefined && !(k in t)) patch[k] = null;
  return patch;
}

/** Go's %v of a decoded JSON value: map[k:v ...] with sorted keys, [a b] for slices. */
function goValue(v: Json): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goValue).join(" ")}]`;
  if (isObject(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goValue(v[k])}`).join(" ")}]`;
  return String(v);
}

/** strategicpatch's error for a merge-key list item without its key, or undefined when every item has one. */
export function missingMergeKey(patch: Json): string | undefined {
  if (Array.isArray(patch)) {
    for (const item of patch) {
      const e = missingMergeKey(item);
      if (e) return e;
    }
    return undefined;
  }
  if (!isObject(patch)) return undefined;
  for (const [k, v] of Object.entries(patch)) {
    if (Array.isArray(v)) {
      const key = mergeKeyFor(k, v);
      const bad = key === undefined ? undefined : v.find((item) => isObject(item) && !(key in item));
      if (bad !== undefined) return `map: ${goValue(bad)} does not contain declared merge key: ${key}`;
    }
    const e = missingMergeKey(v);
    if (e) return e;
  }
  return undefined;
}
