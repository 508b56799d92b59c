// kubectl get --sort-by (pkg/cmd/get/sorter.go): the relaxed JSONPath's first
// value orders the objects. Tables sort the rows of each server response on
// their own (TableSorter); -o yaml/json/name/jsonpath/custom-columns sort the
// List's items (SortingPrinter). Objects without the field go first; ints,
// floats and strings compare as such, strings that both parse as quantities
// by value (so "500m" < "2"), timestamps as the strings they are. The sort
// is Go's sort.Sort, which is not stable. Values of other types end kubectl
// through klog.Exitf, exit status 255.

import type { KubeObject } from "../../sim/api/meta.ts";
import { rfc3339Micro } from "../../sim/kernel/time.ts";
import { plainError, type KubectlError } from "../errors.ts";
import type { Now } from "../printers/age.ts";
import { relaxedJsonPathExpression } from "../printers/custom-columns.ts";
import { goQuote, goSharpV, goTypeName } from "../printers/go-fmt.ts";
import { goSort } from "../printers/go-sort.ts";
import { JsonPath } from "../printers/jsonpath.ts";
import { cmpQuantity, parseQuantity, ZERO_QUANTITY, type Quantity } from "../printers/quantity.ts";
import { kubectlPid } from "./klog.ts";

export type SortResult =
  | { readonly kind: "sorted"; readonly objects: KubeObject[] }
  | { readonly kind: "error"; readonly error: KubectlError }
  /** klog.Exitf / Fatalf: the log line on stderr, exit status 255, nothing else printed. */
  | { readonly kind: "exit"; readonly stderr: string };

export const fieldNotFound = (field: string): string => `couldn't find any field with path ${goQuote(field)} in the list of objects`;

/** A klog.Exitf/Fatalf line (severity F): "F0101 09:01:35.000000    1095 sorter.go:329] message". */
function klogFatal(now: Now, line: number, message: string): string {
  const ts = rfc3339Micro(now.epochMs, now.nowMs);
  const header = `F${ts.slice(5, 7)}${ts.slice(8, 10)} ${ts.slice(11, 26)} ${String(kubectlPid(now.nowMs)).padStart(7, " ")} sorter.go:${line}]`;
  return `${header} ${message}\n`;
}

/** Thrown out of Less, as klog.Exitf/Fatalf leaves the sort: the message to log. */
class Unsortable {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

/** resource.ParseQuantity, which also takes a bare suffix or sign ("m", "-") as zero. */
function goQuantity(s: string): Quantity | undefined {
  if (s === "" || s.trim() !== s) return undefined;
  const q = parseQuantity(s);
  if (q) return q;
  return /^[+-]?\.?(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/.test(s) ? ZERO_QUANTITY : undefined;
}

/** isLess for two values out of unstructured content (reflect kind "interface"). */
export function isLess(i: unknown, j: unknown): boolean {
  const iNil = i === null || i === undefined;
  const jNil = j === null || j === undefined;
  if (iNil && jNil) return false;
  if (iNil) return true;
  if (jNil) return false;
  if (typeof i === "number") {
    if (typeof j === "number" && Number.isInteger(i) === Number.isInteger(j)) return i < j;
  } else if (typeof i === "string") {
    if (typeof j === "string") {
      const qi = goQuantity(i);
      const qj = qi && goQuantity(j);
      return qi && qj ? cmpQuantity(qi, qj) < 0 : i < j;
    }
  } else throw new Unsortable(`unsortable type: ${goTypeName(i)}`);
  throw new Unsortable("unsortable interface: interface");
}

type Values = { readonly ok: true; readonly first: unknown; readonly found: boolean } | { readonly ok: false; readonly error: string };

function valuesOf(parser: JsonPath, obj: KubeObject): Values {
  const r = parser.findResults(obj);
  if (!r.ok) return r;
  const first = r.results[0];
  return first && first.length > 0 ? { ok: true, first: first[0], found: true } : { ok: true, first: undefined, found: false };
}

/** TableSorter.Less over the rows' precomputed values: missing first, then isLess. */
function sortRows(objects: readonly KubeObject[], values: readonly Values[]): KubeObject[] {
  const rows = objects.map((object, k) => ({ object, v: values[k] as Extract<Values, { ok: true }> }));
  goSort(rows, (a, b) => {
    if (!a.v.found) return true;
    if (!b.v.found) return false;
    return isLess(a.v.first, b.v.first);
  });
  return rows.map((r) => r.object);
}

/** NewTableSorter + Sort: the rows of one table (one list or one GET), by the raw or relaxed field. */
export function sortTableRows(objects: readonly KubeObject[], sortByFlag: string, now: Now): SortResult {
  const relaxed = relaxedJsonPathExpression(sortByFlag);
  const field = relaxed.ok ? relaxed.value : sortByFlag;
  const parser = JsonPath.parse(field);
  if (typeof parser === "string") return { kind: "error", error: plainError(`sorting error: ${parser}`) };
  parser.setAllowMissingKeys(true);
  const values: Values[] = [];
  for (const o of objects) {
    const v = valuesOf(parser, o);
    if (!v.ok) return { kind: "error", error: plainError(`Failed to get values for [][]reflect.Value(nil) using ${field} (&errors.errorString{s:${goQuote(v.error)}})`) };
    values.push(v);
  }
  if (objects.length > 0 && !values.some((v) => v.ok && v.found)) return { kind: "error", error: plainError(fieldNotFound(field)) };
  try {
    return { kind: "sorted", objects: sortRows(objects, values) };
  } catch (e) {
    if (!(e instanceof Unsortable)) throw e;
    return { kind: "exit", stderr: klogFatal(now, 375, `Field ${field} in [][][]reflect.Value is an unsortable type: interface, err: ${e.message}`) };
  }
}

/** SortObjects: a List's items, for the printers that take whole objects. */
export function sortObjects(objects: readonly KubeObject[], sortByFlag: string, now: Now): SortResult {
  if (objects.length === 0) return { kind: "sorted", objects: [] };
  const relaxed = relaxedJsonPathExpression(sortByFlag);
  if (!relaxed.ok) return { kind: "error", error: plainError(relaxed.error) };
  const field = relaxed.value;
  const parser = JsonPath.parse(field);
  if (typeof parser === "string") return { kind: "error", error: plainError(parser) };
  parser.setAllowMissingKeys(true);
  // Only objects up to the first that has the field are checked here; Less meets the rest.
  let foundOnce = false;
  for (const o of objects) {
    const v = valuesOf(parser, o);
    if (!v.ok) return { kind: "error", error: plainError(v.error) };
    if (v.found) {
      foundOnce = true;
      break;
    }
  }
  if (!foundOnce) return { kind: "error", error: plainError(fieldNotFound(field)) };
  const pairs = objects.map((object) => ({ object, v: undefined as Values | undefined }));
  const valueOf = (p: (typeof pairs)[number], which: "i" | "j"): Extract<Values, { ok: true }> => {
    p.v ??= valuesOf(parser, p.object);
    if (p.v.ok) return p.v;
    const how = which === "i" ? `(&errors.errorString{s:${goQuote(p.v.error)}})` : `(${p.v.error})`;
    throw new Unsortable(`Failed to get ${which} values for &unstructured.Unstructured{Object:${goSharpV(p.object)}} using ${field} ${how}`);
  };
  try {
    goSort(pairs, (a, b) => {
      const x = valueOf(a, "i");
      const y = valueOf(b, "j");
      if (!x.found) return true;
      if (!y.found) return false;
      try {
        return isLess(x.first, y.first);
      } catch (e) {
        if (e instanceof Unsortable) throw new Unsortable(`Field ${field} in *unstructured.Unstructured is an unsortable type: interface, err: ${e.message}`);
        throw e;
      }
    });
  } catch (e) {
    if (!(e instanceof Unsortable)) throw e;
    const line = e.message.startsWith("Failed to get i") ? 310 : e.message.startsWith("Failed to get j") ? 315 : 329;
    return { kind: "exit", stderr: klogFatal(now, line, e.message) };
  }
  return { kind: "sorted", objects: pairs.map((p) => p.object) };
}
