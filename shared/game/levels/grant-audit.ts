// The over-broad grant audit behind a level's noOverBroadGrants star: every
// RoleBinding and ClusterRoleBinding that names the reviewed user or one of its
// groups, read by the game's checker. A finding is a ClusterRoleBinding for them
// (it grants in every namespace, today's and tomorrow's) or a "*" in the verbs,
// apiGroups or resources of a role they are bound to (it grows with every new
// verb and resource the API server learns). No finding, no over-broad grant.

import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, RoleRef, Subject } from "../../sim/api/rbac-v1.ts";
import { API_GROUP_ALL, RESOURCE_ALL, VERB_ALL } from "../../sim/apiserver/authorization/rbac/rule-matches.ts";
import type { Client } from "../../sim/clientgo/client.ts";
import type { ReviewedUser } from "../scenarios/scenario.ts";

/**
 * Only the user and the groups the level names count: the system groups every
 * user is in (system:authenticated) are bound by the bootstrap policy.
 */
function namesUser(user: ReviewedUser, subject: Subject): boolean {
  if (subject.kind === "User") return subject.name === user.name;
  if (subject.kind === "Group") return user.groups.includes(subject.name);
  return false;
}

function subjectsNamed(user: ReviewedUser, subjects: readonly Subject[] | undefined): string {
  return (subjects ?? []).filter((s) => namesUser(user, s)).map((s) => s.name).join(", ");
}

function wildcards(rules: readonly PolicyRule[] | undefined): string[] {
  const fields: string[] = [];
  const has = (values: readonly string[] | undefined, all: string) => (values ?? []).includes(all);
  for (const rule of rules ?? []) {
    if (has(rule.verbs, VERB_ALL) && !fields.includes("verbs")) fields.push("verbs");
    if (has(rule.apiGroups, API_GROUP_ALL) && !fields.includes("apiGroups")) fields.push("apiGroups");
    if (has(rule.resources, RESOURCE_ALL) && !fields.includes("resources")) fields.push("resources");
  }
  return fields;
}

/** What makes the grants to `user` over-broad, one sentence each; empty when none does. */
export function auditGrants(checker: Client, user: ReviewedUser): string[] {
  const crbs = checker.list("clusterrolebindings");
  const rbs = checker.list("rolebindings");
  const roles = checker.list("roles");
  const clusterRoles = checker.list("clusterroles");
  if (!crbs.ok || !rbs.ok || !roles.ok || !clusterRoles.ok) {
    const refused = [crbs, rbs, roles, clusterRoles].find((r) => !r.ok);
    return [`the checker could not read the grants: ${refused && !refused.ok ? refused.status.message : ""}`];
  }
  const roleByKey = new Map(roles.object.items.map((r: Role) => [`${r.metadata.namespace}/${r.metadata.name}`, r]));
  const clusterRoleByName = new Map(clusterRoles.object.items.map((r: ClusterRole) => [r.metadata.name!, r]));
  const findings: string[] = [];
  const checkRole = (binding: string, ref: RoleRef, namespace: string | undefined) => {
    const role = ref.kind === "Role" ? roleByKey.get(`${namespace}/${ref.name}`) : clusterRoleByName.get(ref.name);
    const fields = wildcards(role?.rules);
    if (fields.length > 0) findings.push(`${ref.kind} ${ref.kind === "Role" ? `${namespace}/` : ""}${ref.name} (bound by ${binding}) has "*" in ${fields.join(", ")}`);
  };
  for (const b of crbs.object.items as ClusterRoleBinding[]) {
    const named = subjectsNamed(user, b.subjects);
    if (named === "") continue;
    findings.push(`ClusterRoleBinding ${b.metadata.name} grants ${b.roleRef.kind} ${b.roleRef.name} to ${named} in every namespace`);
    checkRole(`ClusterRoleBinding ${b.metadata.name}`, b.roleRef, undefined);
  }
  for (const b of rbs.object.items as RoleBinding[]) {
    if (subjectsNamed(user, b.subjects) === "") continue;
    checkRole(`RoleBinding ${b.metadata.namespace}/${b.metadata.name}`, b.roleRef, b.metadata.namespace);
  }
  return findings;
}
