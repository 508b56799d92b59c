// Label sets and selectors as kubectl prints them: labels.FormatLabels,
// labels.Selector.String() (requirements sorted by key) and
// metav1.FormatLabelSelector ("<none>" when empty).

import type { DeepReadonly, LabelSelector } from "../../sim/api/meta.ts";

/** labels.FormatLabels: "a=1,b=2" sorted by key, "<none>" when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${labels![k]}`).join(",");
}

/** labels.Selector.String() of metav1.LabelSelectorAsSelector(sel); "" selects everything. */
export function selectorString(sel: DeepReadonly<LabelSelector> | undefined): string {
  if (!sel) return "";
  const reqs: { key: string; text: string }[] = [];
  for (const k of Object.keys(sel.matchLabels ?? {})) reqs.push({ key: k, text: `${k}=${sel.matchLabels![k]}` });
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

/** metav1.FormatLabelSelector. */
export function formatLabelSelector(sel: DeepReadonly<LabelSelector> | undefined): string {
  const s = selectorString(sel);
  return s === "" ? "<none>" : s;
}
