// -o json as kubectl prints it: encoding/json's MarshalIndent(obj, "", "    ")
// of the unstructured object, so map keys come out sorted byte-wise and
// <, > and & are escaped as \u003c, \u003e and \u0026.

const HEX = "0123456789abcdef";

/** A JSON string literal as Go's encoding/json writes it (HTML-safe escaping on). */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case "\\":
        out += "\\\\";
        continue;
      case "\n":
        out += "\\n";
        continue;
      case "\r":
        out += "\\r";
        continue;
      case "\t":
        out += "\\t";
        continue;
      case "\b":
        out += "\\b";
        continue;
      case "\f":
        out += "\\f";
        continue;
    }
    if (c < 0x20 || ch === "<" || ch === ">" || ch === "&" || c === 0x2028 || c === 0x2029) {
      out += c > 0xff ? `\\u${c.toString(16)}` : `\\u00${HEX[c >> 4]}${HEX[c & 0xf]}`;
      continue;
    }
    out += ch;
  }
  return `${out}"`;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function encode(v: unknown, indent: string, out: string[]): void {
  if (v === null || v === undefined) {
    out.push("null");
  } else if (typeof v === "string") {
    out.push(goJsonString(v));
  } else if (typeof v === "number" || typeof v === "boolean") {
    out.push(JSON.stringify(v));
  } else if (Array.isArray(v)) {
    if (v.length === 0) {
      out.push("[]");
      return;
    }
    const inner = `${indent}    `;
    out.push("[\n");
    v.forEach((item, i) => {
      out.push(inner);
      encode(item, inner, out);
      out.push(i < v.length - 1 ? ",\n" : "\n");
    });
    out.push(`${indent}]`);
  } else {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort(byteOrder);
    if (keys.length === 0) {
      out.push("{}");
      return;
    }
    const inner = `${indent}    `;
    out.push("{\n");
    keys.forEach((k, i) => {
      out.push(`${inner}${goJsonString(k)}: `);
      encode(obj[k], inner, out);
      out.push(i < keys.length - 1 ? ",\n" : "\n");
    });
    out.push(`${indent}}`);
  }
}

/** MarshalIndent with four spaces, plus the newline the JSON printer appends. */
export function printJson(value: unknown): string {
  const out: string[] = [];
  encode(value, "", out);
  out.push("\n");
  return out.join("");
}

function encodeCompact(v: unknown, out: string[]): void {
  if (v === null || v === undefined) out.push("null");
  else if (typeof v === "string") out.push(goJsonString(v));
  else if (typeof v === "number" || typeof v === "boolean") out.push(JSON.stringify(v));
  else if (Array.isArray(v)) {
    out.push("[");
    v.forEach((item, i) => {
      if (i > 0) out.push(",");
      encodeCompact(item, out);
    });
    out.push("]");
  } else {
    const obj = v as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort(byteOrder);
    out.push("{");
    keys.forEach((k, i) => {
      if (i > 0) out.push(",");
      out.push(`${goJsonString(k)}:`);
      encodeCompact(obj[k], out);
    });
    out.push("}");
  }
}

/** json.Marshal of an unstructured object: compact, keys sorted (used for last-applied-configuration). */
export function marshalCompact(value: unknown): string {
  const out: string[] = [];
  encodeCompact(value, out);
  return out.join("");
}
