// Label selectors: matching (metav1.LabelSelectorAsSelector) and the string form
// kubectl accepts with -l and prints in SELECTOR columns.

import type { LabelSelector } from "./meta.ts";

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

/** "app=web,tier=front" from matchLabels (+ expressions), as kubectl prints a selector. */
export function formatLabelSelector(sel: LabelSelector | undefined): string {
  if (!sel) return "<none>";
  const parts: string[] = [];
  for (const k of Object.keys(sel.matchLabels ?? {}).sort()) parts.push(`${k}=${sel.matchLabels![k]}`);
  for (const r of sel.matchExpressions ?? []) {
    const vals = [...(r.values ?? [])].sort().join(",");
    if (r.operator === "In") parts.push(`${r.key} in (${vals})`);
    else if (r.operator === "NotIn") parts.push(`${r.key} notin (${vals})`);
    else if (r.operator === "Exists") parts.push(r.key);
    else parts.push(`!${r.key}`);
  }
  return parts.length === 0 ? "<none>" : parts.join(",");
}

export type SelectorRequirement =
  | { key: string; op: "=" | "!="; value: string }
  | { key: string; op: "in" | "notin"; values: string[] }
  | { key: string; op: "exists" | "!" };

/** Parses kubectl's -l syntax: "a=b,c!=d,e in (x,y),f,!g". Returns an error string when malformed. */
export function parseSelector(text: string): SelectorRequirement[] | string {
  const reqs: SelectorRequirement[] = [];
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  if (cur !== "" || parts.length > 0) parts.push(cur);
  for (const raw of parts) {
    const p = raw.trim();
    if (p === "") return `unable to parse requirement: found '', expected: identifier`;
    let m: RegExpExecArray | null;
    if ((m = /^([^\s!=()]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p))) {
      reqs.push({ key: m[1]!, op: m[2] as "in" | "notin", values: m[3]!.split(",").map((s) => s.trim()).filter((s) => s !== "") });
    } else if ((m = /^([^\s!=()]+)\s*!=\s*([^\s,()]*)$/.exec(p))) {
      reqs.push({ key: m[1]!, op: "!=", value: m[2]! });
    } else if ((m = /^([^\s!=()]+)\s*==?\s*([^\s,()]*)$/.exec(p))) {
      reqs.push({ key: m[1]!, op: "=", value: m[2]! });
    } else if ((m = /^!\s*([^\s!=()]+)$/.exec(p))) {
      reqs.push({ key: m[1]!, op: "!" });
    } else if ((m = /^([^\s!=()]+)$/.exec(p))) {
      reqs.push({ key: m[1]!, op: "exists" });
    } else {
      return `unable to parse requirement: ${JSON.stringify(p)}`;
    }
  }
  return reqs;
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
    }
  }
  return true;
}
