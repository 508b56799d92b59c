// Label sets and selectors as kubectl prints them: labels.FormatLabels here;
// selectors (Selector.String, metav1.FormatLabelSelector) live with the API types.

/** labels.FormatLabels: "a=1,b=2" sorted by key, "<none>" when empty. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${labels![k]}`).join(",");
}

export { formatLabelSelector, selectorString } from "../../sim/api/labels.ts";
