// metav1.LabelSelectorAsSelector(sel).Matches(labels) for describers; an
// empty selector matches everything, a missing one nothing.

import { labelSelectorMatches } from "../../sim/api/labels.ts";
import type { DeepReadonly, LabelSelector } from "../../sim/api/meta.ts";

export function selectorMatchesLabels(sel: DeepReadonly<LabelSelector> | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (!sel) return false;
  return labelSelectorMatches(sel as LabelSelector, labels ?? {});
}
