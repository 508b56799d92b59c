// Deployment and ReplicaSet strategies (pkg/registry/apps/*): defaults from
// apps/v1, status cleared on create, an immutable selector.

import type { Deployment, DeploymentStrategy, ReplicaSet } from "../../api/apps-v1.ts";
import { RESOURCES } from "../../api/resources.ts";
import { deepEqual } from "../../kernel/equal.ts";
import { field, type FieldError } from "../errors.ts";
import type { Strategy } from "../types.ts";
import { defaultPodSpec } from "./pod-defaults.ts";
import { validatePodSpec } from "./pod-validation.ts";
import { goMap, validateNonNegative, validateSelectorMatchesTemplate } from "./selector-validation.ts";

export const DEFAULT_MAX_SURGE = "25%";
export const DEFAULT_MAX_UNAVAILABLE = "25%";
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

function validateIntOrPercent(v: number | string | undefined, path: string): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === "number") return validateNonNegative(v, path);
  const m = /^(\d+)%$/.exec(v);
  if (!m) return [field.invalid(path, v, "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')")];
  return Number(m[1]) > 100 ? [field.invalid(path, v, "must not be greater than 100%")] : [];
}

function validateRollingUpdate(ru: NonNullable<DeploymentStrategy["rollingUpdate"]>): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...validateIntOrPercent(ru.maxUnavailable, "spec.strategy.rollingUpdate.maxUnavailable"));
  errs.push(...validateIntOrPercent(ru.maxSurge, "spec.strategy.rollingUpdate.maxSurge"));
  if ((ru.maxSurge === 0 || ru.maxSurge === "0%") && (ru.maxUnavailable === 0 || ru.maxUnavailable === "0%")) {
    errs.push(field.invalid("spec.strategy.rollingUpdate.maxUnavailable", ru.maxUnavailable, "may not be 0 when `maxSurge` is 0"));
  }
  return errs;
}

/** ValidateDeploymentStrategy (pkg/apis/apps/validation). */
function validateDeploymentStrategy(strategy: DeploymentStrategy): FieldError[] {
  switch (strategy.type) {
    case "Recreate":
      return strategy.rollingUpdate ? [field.forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'")] : [];
    case "RollingUpdate":
      return strategy.rollingUpdate ? validateRollingUpdate(strategy.rollingUpdate) : [field.required("spec.strategy.rollingUpdate", "this should be defaulted and never be nil")];
    default: {
      // The whole internal apps.DeploymentStrategy is the value, printed with json.Marshal (Go field names, no tags).
      const ru = strategy.rollingUpdate;
      const value = JSON.stringify({ Type: strategy.type ?? "", RollingUpdate: ru ? { MaxUnavailable: ru.maxUnavailable ?? 0, MaxSurge: ru.maxSurge ?? 0 } : null });
      return [{ ...field.notSupported("spec.strategy", value, ["Recreate", "RollingUpdate"]), raw: true }];
    }
  }
}

function selectorImmutable(next: { spec: { selector: unknown } }, old: { spec: { selector: unknown } }): FieldError[] {
  if (deepEqual(next.spec.selector, old.spec.selector)) return [];
  const sel = next.spec.selector as { matchLabels?: Record<string, string> };
  return [{ type: "Invalid value", field: "spec.selector", value: `v1.LabelSelector{MatchLabels:${goMap(sel?.matchLabels ?? {})}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}`, detail: "field is immutable", hasValue: true, raw: true }];
}

export const deploymentStrategy: Strategy<Deployment> = {
  info: RESOURCES.deployments,
  hasStatus: true,
  applyDefaults(d) {
    d.spec ??= {} as Deployment["spec"];
    d.spec.replicas ??= 1;
    d.spec.strategy ??= {};
    d.spec.strategy.type ??= "RollingUpdate";
    if (d.spec.strategy.type === "RollingUpdate") {
      d.spec.strategy.rollingUpdate ??= {};
      d.spec.strategy.rollingUpdate.maxSurge ??= DEFAULT_MAX_SURGE;
      d.spec.strategy.rollingUpdate.maxUnavailable ??= DEFAULT_MAX_UNAVAILABLE;
    }
    d.spec.revisionHistoryLimit ??= DEFAULT_REVISION_HISTORY_LIMIT;
    d.spec.progressDeadlineSeconds ??= DEFAULT_PROGRESS_DEADLINE_SECONDS;
    if (d.spec.template?.spec) defaultPodSpec(d.spec.template.spec);
    d.spec.template && (d.spec.template.metadata ??= {});
  },
  prepareForCreate(d) {
    d.status = {};
  },
  prepareForUpdate(d, old) {
    // Annotations are copied to the ReplicaSets, so changing them is a new generation too.
    if (!deepEqual(d.metadata.annotations ?? {}, old.metadata.annotations ?? {})) d.metadata.generation = (old.metadata.generation ?? 0) + 1;
  },
  prepareForStatusUpdate(d, old) {
    d.metadata.labels = old.metadata.labels;
    if (d.metadata.labels === undefined) delete d.metadata.labels;
  },
  validate(d) {
    const errs: FieldError[] = [];
    errs.push(...validateNonNegative(d.spec.replicas, "spec.replicas"));
    errs.push(...validateSelectorMatchesTemplate(d.spec.selector, d.spec.template?.metadata?.labels, "spec"));
    errs.push(...validatePodSpec(d.spec.template?.spec, "spec.template.spec"));
    if (d.spec.template?.spec?.restartPolicy && d.spec.template.spec.restartPolicy !== "Always") {
      errs.push(field.notSupported("spec.template.spec.restartPolicy", d.spec.template.spec.restartPolicy, ["Always"]));
    }
    errs.push(...validateDeploymentStrategy(d.spec.strategy ?? {}));
    errs.push(...validateNonNegative(d.spec.minReadySeconds, "spec.minReadySeconds"));
    errs.push(...validateNonNegative(d.spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
    const deadline = d.spec.progressDeadlineSeconds;
    if (deadline !== undefined) {
      errs.push(...validateNonNegative(deadline, "spec.progressDeadlineSeconds"));
      if (deadline <= (d.spec.minReadySeconds ?? 0)) errs.push(field.invalid("spec.progressDeadlineSeconds", deadline, "must be greater than minReadySeconds"));
    }
    return errs;
  },
  validateUpdate(d, old) {
    return selectorImmutable(d, old);
  },
};

export const replicaSetStrategy: Strategy<ReplicaSet> = {
  info: RESOURCES.replicasets,
  hasStatus: true,
  applyDefaults(rs) {
    rs.spec ??= {} as ReplicaSet["spec"];
    rs.spec.replicas ??= 1;
    if (rs.spec.template?.spec) defaultPodSpec(rs.spec.template.spec);
  },
  prepareForCreate(rs) {
    rs.status = { replicas: 0 };
  },
  validate(rs) {
    const errs: FieldError[] = [];
    errs.push(...validateNonNegative(rs.spec.replicas, "spec.replicas"));
    errs.push(...validateSelectorMatchesTemplate(rs.spec.selector, rs.spec.template?.metadata?.labels, "spec"));
    errs.push(...validatePodSpec(rs.spec.template?.spec, "spec.template.spec"));
    return errs;
  },
  validateUpdate(rs, old) {
    return selectorImmutable(rs, old);
  },
};
