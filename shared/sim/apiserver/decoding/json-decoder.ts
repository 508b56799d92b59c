// Decoding a request body into a kind's Go type, the way kube-apiserver's
// serializer does it (sigs.k8s.io/json UnmarshalStrict, case-sensitive, over
// Go's encoding/json): the first type mismatch wins ("json: cannot unmarshal
// string into Go struct field DeploymentSpec.spec.replicas of type int32"), a
// custom unmarshaler's error (Quantity, IntOrString, Time) ends decoding at
// once, and unknown fields are collected with their paths, at most 100, each
// once. The body arrives already parsed, so the decoder checks it in place and
// leaves it as Go would read it back: nulls become absent fields or zero
// values, numeric quantities become strings.
//
// Cost: one walk over the object on every write. Only when that walk finds a
// problem is it repeated in sorted key order, the order kubectl's JSON (a Go
// map marshalled) puts fields in, so the error named first is the one a real
// API server names first; that second pass also drops the unknown fields.

import { isQuantity, QUANTITY_FORMAT_ERROR } from "../../api/quantity.ts";
import type { GoType } from "./go-type.ts";
import { RFC3339, RFC3339_MICRO, goTimeParseError } from "./go-time.ts";

/** UnmarshalStrict's two answers: the error that ends decoding, and the strict errors it only collects. */
export interface DecodeResult {
  /** The type error ("json: cannot unmarshal ..."), which fails the request at every field validation level. */
  readonly error?: string;
  /** Each unknown field, as `unknown field "spec.replica"`, in sorted key order; the fields themselves are dropped. */
  readonly strictErrors: readonly string[];
}

const MAX_STRICT_ERRORS = 100;
const INT_TEXT = /^-?\d+$/;

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** What encoding/json calls a JSON value in its type errors. */
function jsonKind(v: unknown): string {
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "number";
  return Array.isArray(v) ? "array" : "object";
}

/** The literal Go's JSON encoder writes for a float64 (what kubectl sends for a YAML number). */
function numberText(n: number): string {
  return Object.is(n, -0) ? "-0" : String(n);
}

/** Sets a key as an own property, even "__proto__". */
function setOwn(obj: Json, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

/** The zero value Go leaves for a JSON null in a slice element or map value. */
function zeroValue(t: GoType): unknown {
  switch (t.k) {
    case "string":
      return "";
    case "bool":
      return false;
    case "int":
    case "float":
    case "intOrString":
      return 0;
    case "quantity":
      return "0";
    case "struct":
      return {};
    default:
      return null;
  }
}

class Decoder {
  readonly #sorted: boolean;
  /** errorContext: the struct holding the current field and the JSON names of the struct fields entered. */
  #struct = "";
  readonly #fieldStack: string[] = [];
  /** strictFieldStack: every key entered and every index (a number), joined only for an error. */
  readonly #strictStack: (string | number)[] = [];
  #saved: string | undefined;
  #fatal: string | undefined;
  readonly #strict: string[] = [];

  constructor(sorted: boolean) {
    this.#sorted = sorted;
  }

  get problem(): boolean {
    return this.#fatal !== undefined || this.#saved !== undefined || this.#strict.length > 0;
  }

  get error(): string | undefined {
    return this.#fatal ?? this.#saved;
  }

  get strictErrors(): readonly string[] {
    return this.#strict;
  }

  #typeError(value: string, goType: string): string {
    if (this.#struct === "" && this.#fieldStack.length === 0) return `json: cannot unmarshal ${value} into Go value of type ${goType}`;
    return `json: cannot unmarshal ${value} into Go struct field ${this.#struct}.${this.#fieldStack.join(".")} of type ${goType}`;
  }

  #save(value: string, goType: string): void {
    this.#saved ??= this.#typeError(value, goType);
  }

  #unknown(key: string): void {
    if (this.#strict.length >= MAX_STRICT_ERRORS) return;
    let path = "";
    for (const seg of this.#strictStack) path += typeof seg === "number" ? `[${seg}]` : path === "" ? seg : `.${seg}`;
    const msg = `unknown field ${JSON.stringify(path === "" ? key : `${path}.${key}`)}`;
    if (!this.#strict.includes(msg)) this.#strict.push(msg);
  }

  /** Go reads kubectl's JSON in sorted key order; the clean first pass may take any order. */
  #keys(obj: Json): string[] {
    const keys = Object.keys(obj);
    return this.#sorted ? keys.sort() : keys;
  }

  /** Decodes v (not null) as t; returns the value Go would hold, v itself unless it changed. */
  value(t: GoType, v: unknown): unknown {
    switch (t.k) {
      case "struct":
        if (!isObject(v)) this.#save(jsonKind(v), t.go);
        else this.#structFields(t, v);
        return v;
      case "slice":
        if (!Array.isArray(v)) this.#save(jsonKind(v), t.go);
        else this.#elements(t.elem, v);
        return v;
      case "map":
        if (!isObject(v)) this.#save(jsonKind(v), t.go);
        else this.#entries(t.elem, v);
        return v;
      case "string":
        if (typeof v !== "string") this.#save(jsonKind(v), t.go);
        return v;
      case "bool":
        if (typeof v !== "boolean") this.#save(jsonKind(v), t.go);
        return v;
      case "float":
        if (typeof v !== "number") this.#save(jsonKind(v), t.go);
        return v;
      case "int":
        if (typeof v !== "number") this.#save(jsonKind(v), t.go);
        else if (!INT_TEXT.test(numberText(v)) || v < t.min || v > t.max) this.#save(`number ${numberText(v)}`, t.go);
        return v;
      case "quantity": {
        // Quantity.UnmarshalJSON parses the raw text: a bool, object or array never matches.
        const text = typeof v === "string" ? v.trim() : typeof v === "number" ? numberText(v) : undefined;
        if (text === undefined || !isQuantity(text)) this.#fatal = QUANTITY_FORMAT_ERROR;
        return typeof v === "number" ? text : v;
      }
      case "intOrString":
        // IntOrString.UnmarshalJSON: a string, else json.Unmarshal into an int32.
        if (typeof v === "string") return v;
        if (typeof v !== "number") this.#fatal = this.#typeError(jsonKind(v), "int32");
        else if (!INT_TEXT.test(numberText(v)) || v < -(2 ** 31) || v > 2 ** 31 - 1) this.#fatal = this.#typeError(`number ${numberText(v)}`, "int32");
        return v;
      case "time":
      case "microTime":
        // metav1.Time.UnmarshalJSON: json.Unmarshal into a string, then time.Parse.
        if (typeof v !== "string") this.#fatal = this.#typeError(jsonKind(v), "string");
        else this.#fatal = goTimeParseError(t.k === "time" ? RFC3339 : RFC3339_MICRO, v);
        return v;
      case "raw":
        return v;
    }
  }

  #structFields(t: Extract<GoType, { k: "struct" }>, obj: Json): void {
    for (const key of this.#keys(obj)) {
      const f = t.fields.get(key);
      if (f === undefined) {
        this.#unknown(key);
        // Go has no field to put it in, so the decoded object lacks it; only the
        // ordered pass drops it, after the fast pass has merely noticed it.
        if (this.#sorted) delete obj[key];
        continue;
      }
      const v = obj[key];
      if (v === null || v === undefined) {
        // null leaves Go's zero value, which the object's JSON then omits; a
        // zero metav1.Time is the exception, written back as null.
        if (v === undefined || (f.k !== "time" && f.k !== "microTime")) delete obj[key];
        continue;
      }
      const struct = this.#struct;
      this.#struct = t.name;
      this.#fieldStack.push(key);
      this.#strictStack.push(key);
      const nv = this.value(f, v);
      if (nv !== v) obj[key] = nv;
      this.#struct = struct;
      this.#fieldStack.pop();
      this.#strictStack.pop();
      if (this.#fatal !== undefined) return;
    }
  }

  #elements(elem: GoType, arr: unknown[]): void {
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      if (v === null || v === undefined) {
        arr[i] = zeroValue(elem);
        continue;
      }
      this.#strictStack.push(i);
      arr[i] = this.value(elem, v);
      this.#strictStack.pop();
      if (this.#fatal !== undefined) return;
    }
  }

  #entries(elem: GoType, obj: Json): void {
    for (const key of this.#keys(obj)) {
      const v = obj[key];
      if (v === null || v === undefined) {
        setOwn(obj, key, zeroValue(elem));
        continue;
      }
      this.#strictStack.push(key);
      const nv = this.value(elem, v);
      if (nv !== v) setOwn(obj, key, nv);
      this.#strictStack.pop();
      if (this.#fatal !== undefined) return;
    }
  }
}

/**
 * Decodes obj (a parsed JSON object) as the Go type t, normalizing it in place
 * and dropping unknown fields. The answers are those of sigs.k8s.io/json's
 * UnmarshalStrict; the caller's field validation level decides what the strict
 * errors mean.
 */
export function decodeStrict(t: GoType, obj: unknown): DecodeResult {
  const fast = new Decoder(false);
  fast.value(t, obj);
  if (!fast.problem) return { strictErrors: [] };
  const ordered = new Decoder(true);
  ordered.value(t, obj);
  return { error: ordered.error, strictErrors: ordered.strictErrors };
}
