// ValidatePodSpec, for Pods and pod templates: the checks a player's manifest
// is most likely to trip, with Kubernetes' field paths and messages.

import type { Container, PodSpec } from "../../api/core-v1.ts";
import { isQuantity, QUANTITY_FORMAT_ERROR, parseQuantity } from "../../api/quantity.ts";
import { field, type FieldError } from "../errors.ts";
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from "../validation/names.ts";

const RESTART_POLICIES = ["Always", "OnFailure", "Never"];
const PULL_POLICIES = ["Always", "IfNotPresent", "Never"];
const TAINT_EFFECTS = ["NoExecute", "NoSchedule", "PreferNoSchedule"];
export const RELAXED_ENV_VAR_NAME_ERROR = "a valid environment variable name must consist only of printable ASCII characters other than '='";

/** ValidateEnv's name check: IsRelaxedEnvVarName, the rule since RelaxedEnvironmentVariableValidation went GA (v1.34). */
function validateEnvVarName(name: string, path: string): FieldError[] {
  if (name === "") return [field.required(path), field.invalid(path, name, "environment variable name must be non-empty")];
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x20 || c > 0x7e || c === 0x3d) return [field.invalid(path, name, RELAXED_ENV_VAR_NAME_ERROR)];
  }
  return [];
}

function validateContainer(c: Container, path: string, names: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  if (!c.name) errs.push(field.required(`${path}.name`));
  else {
    for (const msg of isDNS1123Label(c.name)) errs.push(field.invalid(`${path}.name`, c.name, msg));
    if (names.has(c.name)) errs.push(field.duplicate(`${path}.name`, c.name));
    names.add(c.name);
  }
  if (!c.image || c.image.trim() === "") errs.push(field.required(`${path}.image`));
  (c.env ?? []).forEach((e, i) => errs.push(...validateEnvVarName(e.name ?? "", `${path}.env[${i}].name`)));
  if (c.imagePullPolicy !== undefined && !PULL_POLICIES.includes(c.imagePullPolicy)) {
    errs.push(field.notSupported(`${path}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  }
  const res = c.resources ?? {};
  for (const kind of ["requests", "limits"] as const) {
    for (const [k, v] of Object.entries(res[kind] ?? {})) {
      const p = `${path}.resources.${kind}[${k}]`;
      if (!isQuantity(String(v))) errs.push(field.invalid(p, v, QUANTITY_FORMAT_ERROR));
      else if ((parseQuantity(String(v)) ?? 0) < 0) errs.push(field.invalid(p, v, "must be greater than or equal to 0"));
    }
  }
  for (const [k, v] of Object.entries(res.requests ?? {})) {
    const limit = res.limits?.[k];
    if (limit !== undefined && isQuantity(String(v)) && isQuantity(String(limit)) && parseQuantity(String(v))! > parseQuantity(String(limit))!) {
      errs.push(field.invalid(`${path}.resources.requests`, v, `must be less than or equal to ${k} limit of ${limit}`));
    }
  }
  (c.ports ?? []).forEach((p, i) => {
    if (!Number.isInteger(p.containerPort) || p.containerPort < 1 || p.containerPort > 65535) {
      errs.push(field.invalid(`${path}.ports[${i}].containerPort`, p.containerPort, "must be between 1 and 65535, inclusive"));
    }
  });
  return errs;
}

export function validatePodSpec(spec: PodSpec | undefined, path: string): FieldError[] {
  if (!spec || typeof spec !== "object") return [field.required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  if (!Array.isArray(spec.containers) || spec.containers.length === 0) errs.push(field.required(`${path}.containers`));
  else spec.containers.forEach((c, i) => errs.push(...validateContainer(c, `${path}.containers[${i}]`, names)));
  (spec.initContainers ?? []).forEach((c, i) => errs.push(...validateContainer(c, `${path}.initContainers[${i}]`, names)));
  if (spec.restartPolicy !== undefined && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    errs.push(field.notSupported(`${path}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  }
  if (spec.terminationGracePeriodSeconds !== undefined && spec.terminationGracePeriodSeconds < 0) {
    errs.push(field.invalid(`${path}.terminationGracePeriodSeconds`, spec.terminationGracePeriodSeconds, "must be greater than or equal to 0"));
  }
  // ValidateLabels: each key, then its value.
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(field.invalid(`${path}.nodeSelector`, k, msg));
    for (const msg of isValidLabelValue(v)) errs.push(field.invalid(`${path}.nodeSelector`, v, msg));
  }
  (spec.tolerations ?? []).forEach((t, i) => {
    const p = `${path}.tolerations[${i}]`;
    if (t.operator !== undefined && t.operator !== "Exists" && t.operator !== "Equal") errs.push(field.notSupported(`${p}.operator`, t.operator, ["Equal", "Exists"]));
    if (t.operator === "Exists" && t.value) errs.push(field.invalid(`${p}.operator`, t.operator, "value must be empty when `operator` is 'Exists'"));
    if (!t.key && t.operator !== "Exists") errs.push(field.invalid(`${p}.operator`, t.operator ?? "", "operator must be Exists when `key` is empty, which means \"match all values and all keys\""));
    if (t.effect !== undefined && !TAINT_EFFECTS.includes(t.effect)) errs.push(field.notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS));
    if (t.tolerationSeconds !== undefined && t.effect !== "NoExecute") {
      errs.push(field.invalid(`${p}.effect`, t.effect ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
  });
  return errs;
}
