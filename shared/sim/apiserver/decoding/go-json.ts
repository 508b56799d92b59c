// json.Marshal of a decoded map, as Go writes it: keys sorted at every level,
// and <, >, &, U+2028 and U+2029 escaped (Go's HTML-safe default). Error
// messages that quote a patched object (patch: Invalid value: "{...}") use it.

const HTML_UNSAFE = /[<>&\u2028\u2029]/g;

function sortKeys(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    Object.defineProperty(out, k, { value: (value as Record<string, unknown>)[k], enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function goJson(v: unknown): string {
  return JSON.stringify(v, sortKeys).replace(HTML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
