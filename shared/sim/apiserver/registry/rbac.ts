// rbac.authorization.k8s.io strategies (pkg/registry/rbac and
// pkg/apis/rbac/validation): no status, no generation; names are path segments
// (object-meta.ts); a rule needs verbs and either resources with API groups or
// non-resource URLs; a binding's roleRef is fixed once created.

import { RBAC_GROUP, type ClusterRole, type ClusterRoleBinding, type PolicyRule, type Role, type RoleBinding, type Subject } from "../../api/rbac-v1.ts";
import { RESOURCES } from "../../api/resources.ts";
import { deepEqual } from "../../kernel/equal.ts";
import { field, type FieldError } from "../errors.ts";
import type { Strategy } from "../types.ts";
import { isDNS1123Subdomain } from "../validation/names.ts";
import { isValidPathSegmentName } from "../validation/object-meta.ts";

/** ValidatePolicyRule. */
export function validatePolicyRule(rule: PolicyRule, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if ((rule.verbs ?? []).length === 0) errs.push(field.required(`${path}.verbs`, "verbs must contain at least one value"));
  const urls = rule.nonResourceURLs ?? [];
  if (urls.length > 0) {
    const printed = `[]string{${urls.map((u) => JSON.stringify(u)).join(", ")}}`;
    if (namespaced) errs.push({ ...field.invalid(`${path}.nonResourceURLs`, printed, "namespaced rules cannot apply to non-resource URLs"), raw: true });
    if ((rule.apiGroups ?? []).length > 0 || (rule.resources ?? []).length > 0 || (rule.resourceNames ?? []).length > 0) {
      errs.push({ ...field.invalid(`${path}.nonResourceURLs`, printed, "rules cannot apply to both regular resources and non-resource URLs"), raw: true });
    }
    return errs;
  }
  if ((rule.apiGroups ?? []).length === 0) errs.push(field.required(`${path}.apiGroups`, "resource rules must supply at least one api group"));
  if ((rule.resources ?? []).length === 0) errs.push(field.required(`${path}.resources`, "resource rules must supply at least one resource"));
  return errs;
}

const validateRules = (rules: readonly PolicyRule[] | undefined, namespaced: boolean): FieldError[] =>
  (rules ?? []).flatMap((r, i) => validatePolicyRule(r, namespaced, `rules[${i}]`));

/** validateRoleBindingSubject. */
function validateSubjects(subjects: readonly Subject[] | undefined, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = [];
  (subjects ?? []).forEach((s, i) => {
    const path = `subjects[${i}]`;
    if (!s.name) errs.push(field.required(`${path}.name`));
    switch (s.kind) {
      case "ServiceAccount":
        if (s.name) for (const msg of isDNS1123Subdomain(s.name)) errs.push(field.invalid(`${path}.name`, s.name, msg));
        if (s.apiGroup) errs.push(field.notSupported(`${path}.apiGroup`, s.apiGroup, [""]));
        if (!namespaced && !s.namespace) errs.push(field.required(`${path}.namespace`));
        break;
      case "User":
      case "Group":
        if (!s.name) errs.push(field.invalid(`${path}.name`, "", `${s.kind.toLowerCase()} name cannot be empty`));
        if (s.apiGroup !== RBAC_GROUP) errs.push(field.notSupported(`${path}.apiGroup`, s.apiGroup ?? "", [RBAC_GROUP]));
        break;
      default:
        errs.push(field.notSupported(`${path}.kind`, s.kind, ["ServiceAccount", "User", "Group"]));
    }
  });
  return errs;
}

function validateRoleRef(binding: RoleBinding | ClusterRoleBinding, kinds: readonly string[]): FieldError[] {
  const errs: FieldError[] = [];
  const ref = binding.roleRef ?? ({} as RoleBinding["roleRef"]);
  if (ref.apiGroup !== RBAC_GROUP) errs.push(field.notSupported("roleRef.apiGroup", ref.apiGroup ?? "", [RBAC_GROUP]));
  if (!kinds.includes(ref.kind)) errs.push(field.notSupported("roleRef.kind", ref.kind ?? "", kinds));
  if (!ref.name) errs.push(field.required("roleRef.name"));
  else for (const msg of isValidPathSegmentName(ref.name)) errs.push(field.invalid("roleRef.name", ref.name, msg));
  return errs;
}

/** ValidateRoleBindingUpdate: the role a binding grants cannot change (delete and recreate instead). */
function validateRoleRefUnchanged(obj: RoleBinding | ClusterRoleBinding, old: RoleBinding | ClusterRoleBinding): FieldError[] {
  if (deepEqual(obj.roleRef, old.roleRef)) return [];
  const r = obj.roleRef;
  const printed = `rbac.RoleRef{APIGroup:${JSON.stringify(r.apiGroup)}, Kind:${JSON.stringify(r.kind)}, Name:${JSON.stringify(r.name)}}`;
  return [{ ...field.invalid("roleRef", printed, "cannot change roleRef"), raw: true }];
}

const noGeneration = (o: { metadata: { generation?: number } }): void => {
  delete o.metadata.generation;
};

export const roleStrategy: Strategy<Role> = {
  info: RESOURCES.roles,
  hasStatus: false,
  applyDefaults() {},
  prepareForCreate: noGeneration,
  validate: (role) => validateRules(role.rules, true),
};

export const clusterRoleStrategy: Strategy<ClusterRole> = {
  info: RESOURCES.clusterroles,
  hasStatus: false,
  applyDefaults() {},
  prepareForCreate: noGeneration,
  validate: (role) => validateRules(role.rules, false),
};

export const roleBindingStrategy: Strategy<RoleBinding> = {
  info: RESOURCES.rolebindings,
  hasStatus: false,
  applyDefaults() {},
  prepareForCreate: noGeneration,
  validate: (b) => [...validateRoleRef(b, ["Role", "ClusterRole"]), ...validateSubjects(b.subjects, true)],
  validateUpdate: validateRoleRefUnchanged,
};

export const clusterRoleBindingStrategy: Strategy<ClusterRoleBinding> = {
  info: RESOURCES.clusterrolebindings,
  hasStatus: false,
  applyDefaults() {},
  prepareForCreate: noGeneration,
  validate: (b) => [...validateRoleRef(b, ["ClusterRole"]), ...validateSubjects(b.subjects, false)],
  validateUpdate: validateRoleRefUnchanged,
};
