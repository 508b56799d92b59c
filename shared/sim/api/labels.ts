// Label selectors: matching (metav1.LabelSelectorAsSelector) and the string form
// kubectl accepts with -l and prints in SELECTOR columns.

import type { DeepReadonly, LabelSelector } from "./meta.ts";
import { parseLabelSelector } from "./selector-parser.ts";

export type Labels = Readonly<Record<string, string>>;

export function labelSelectorMatches(sel: LabelSelector | undefined, labels: Labels): boolean {
  if (!sel) return false;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const r of sel.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, r.key);
    const v = labels[r.key];
    switch (r.operator) {
      case "In":
        if (!has || !(r.values ?? []).includes(v!)) return false;
        break;
      case "NotIn":
        if (has && (r.values ?? []).includes(v!)) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
    }
  }
  return true;
}

/**
 * labels.Selector.String() of metav1.LabelSelectorAsSelector(sel): every
 * requirement sorted by key, set values sorted; "" selects everything.
 */
export function selectorString(sel: DeepReadonly<LabelSelector> | undefined): string {
  if (!sel) return "";
  const reqs: { key: string; text: string }[] = [];
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${v}` });
  for (const r of sel.matchExpressions ?? []) {
    const vals = [...(r.values ?? [])].sort().join(",");
    if (r.operator === "In") reqs.push({ key: r.key, text: `${r.key} in (${vals})` });
    else if (r.operator === "NotIn") reqs.push({ key: r.key, text: `${r.key} notin (${vals})` });
    else if (r.operator === "Exists") reqs.push({ key: r.key, text: r.key });
    else reqs.push({ key: r.key, text: `!${r.key}` });
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(",");
}

/** metav1.FormatLabelSelector: "app=web,tier=front", or "<none>" when it selects everything. */
export function formatLabelSelector(sel: DeepReadonly<LabelSelector> | undefined): string {
  const s = selectorString(sel);
  return s === "" ? "<none>" : s;
}

export type SelectorRequirement =
  | { key: string; op: "=" | "!="; value: string }
  | { key: string; op: "in" | "notin"; values: string[] }
  | { key: string; op: "exists" | "!" }
  | { key: string; op: "gt" | "lt"; value: string };

/**
 * Parses kubectl's -l syntax ("a=b,c!=d,e in (x,y),f,!g") the way labels.Parse
 * does: requirements sorted by key, set values sorted and deduplicated. Returns
 * apimachinery's error text when malformed.
 */
export function parseSelector(text: string): SelectorRequirement[] | string {
  return parseLabelSelector(text);
}
export function selectorMatches(reqs: readonly SelectorRequirement[], labels: Labels): boolean {
  for (const r of reqs) {
    const has = Object.hasOwn(labels, r.key);
    const v = labels[r.key];
    switch (r.op) {
      case "=":
        if (v !== r.value) return false;
        break;
      case "!=":
        if (v === r.value) return false;
        break;
      case "in":
        if (!has || !r.values.includes(v!)) return false;
        break;
      case "notin":
        if (has && r.values.includes(v!)) return false;
        break;
      case "exists":
        if (!has) return false;
        break;
      case "!":
        if (has) return false;
        break;
      case "gt":
      case "lt": {
        if (!has || !/^[+-]?\d+$/.test(v!)) return false;
        const n = Number(v);
        const limit = Number(r.value);
        if (r.op === "gt" ? !(n > limit) : !(n < limit)) return false;
        break;
      }
    }
  }
  return true;
}
