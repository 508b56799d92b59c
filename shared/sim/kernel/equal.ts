// Structural equality of plain JSON-like values. The API server uses it to skip
// no-op writes, as the real one does (no new resourceVersion, no watch event).

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  let na = 0;
  for (const k in ao) {
    if (ao[k] === undefined) continue;
    na++;
    if (!deepEqual(ao[k], bo[k])) return false;
  }
  let nb = 0;
  for (const k in bo) if (bo[k] !== undefined) nb++;
  return na === nb;
}

/**
 * Deep copy of a JSON-like value (objects handed to or from the store). Objects
 * here are plain data (no Dates, Maps or cycles), so a direct copy does: it is
 * about 5× cheaper than structuredClone, which dominated cluster bring-up.
 */
export function clone<T>(v: T): T {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = clone(v[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const k in v) {
    // "__proto__" is a key like any other in a label map; assigning it would set the prototype instead.
    if (k === "__proto__") Object.defineProperty(out, k, { value: clone((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
    else out[k] = clone((v as Record<string, unknown>)[k]);
  }
  return out as T;
}
