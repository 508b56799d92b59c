// kubectl describe for kinds without a describer of their own, such as leases
// and events (the generic describer, which walks the object's fields with
// "smart" labels).

import type { Event } from "../../../sim/api/core-v1.ts";
import type { DeepReadonly, KubeObject } from "../../../sim/api/meta.ts";
import type { Now } from "../age.ts";
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from "./common.ts";
import { LEVEL_0, tabbedString, type PrefixWriter } from "./writer.ts";

type RO<T> = DeepReadonly<T>;

const ACRONYMS = ["API", "URL", "UID", "OSB", "GUID"];

/** fatih/camelcase.Split: runs of lower case, upper case, digits and other characters. */
function camelSplit(s: string): string[] {
  const kind = (c: string): number => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const k = kind(c);
    if (k === last) runs[runs.length - 1]!.push(c);
    else runs.push([c]);
    last = k;
  }
  // An upper-case run followed by a lower-case one gives its last letter to the next word ("HTTPServer").
  for (let i = 0; i < runs.length - 1; i++) {
    if (kind(runs[i]![0]!) === 2 && kind(runs[i + 1]![0]!) === 1) {
      runs[i + 1]!.unshift(runs[i]!.pop()!);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(""));
}

/** smartLabelFor: "holderIdentity" → "Holder Identity", "apiVersion" → "API Version". */
export function smartLabelFor(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  return camelSplit(field)
    .filter((p) => p !== "_")
    .map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(" ");
}

function goValue(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  return String(v);
}

function printUnstructured(w: PrefixWriter, level: number, content: Record<string, unknown>, skipPrefix: string, skip: readonly string[]): void {
  const fields = Object.keys(content).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const field of fields) {
    const value = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (skip.includes(skipExpr)) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === "object" && !Array.isArray(child)) printUnstructured(w, level + 1, child as Record<string, unknown>, skipExpr, skip);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else if (value !== null && typeof value === "object") {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructured(w, level + 1, value as Record<string, unknown>, skipExpr, skip);
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

export function describeGeneric(now: Now, obj: RO<KubeObject>, events: readonly RO<Event>[] | undefined): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${obj.metadata.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
    printLabelsMultiline(w, "Labels", obj.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", obj.metadata.annotations);
    printUnstructured(w, LEVEL_0, JSON.parse(JSON.stringify(obj)) as Record<string, unknown>, "", [
      ".metadata.managedFields",
      ".metadata.name",
      ".metadata.namespace",
      ".metadata.labels",
      ".metadata.annotations",
    ]);
    if (events) describeEvents(now, w, events);
  });
}
