// Checks shared by workload strategies: the selector must select the template.

import type { LabelSelector } from "../../api/meta.ts";
import { field, type FieldError } from "../errors.ts";
import { labelSelectorMatches } from "../../api/labels.ts";

/** Go prints a label map as map[string]string{"app":"web"}: the message quotes that form. */
export function goMap(m: Readonly<Record<string, string>>): string {
  return `map[string]string{${Object.keys(m)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`)
    .join(", ")}}`;
}

export function validateSelectorMatchesTemplate(selector: LabelSelector | undefined, templateLabels: Record<string, string> | undefined, path: string): FieldError[] {
  if (!selector || (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0)) {
    return [field.required(`${path}.selector`)];
  }
  if (!labelSelectorMatches(selector, templateLabels ?? {})) {
    // %#v of a nil map is map[string]string(nil).
    const value = templateLabels === undefined ? "map[string]string(nil)" : goMap(templateLabels);
    return [{ type: "Invalid value", field: `${path}.template.metadata.labels`, value, detail: "`selector` does not match template `labels`", hasValue: true, raw: true }];
  }
  return [];
}

export function validateNonNegative(value: number | undefined, path: string): FieldError[] {
  if (value === undefined) return [];
  if (!Number.isInteger(value)) return [field.invalid(path, value, "must be an integer")];
  return value < 0 ? [field.invalid(path, value, "must be greater than or equal to 0")] : [];
}
