// RBAC's escalation prevention (pkg/registry/rbac/*/policybased and
// pkg/registry/rbac/validation/rule.go): writing a Role or ClusterRole, or a
// binding to one, grants permissions; the writer must hold every one of them
// already (in the object's namespace), unless they are system:masters or are
// allowed the `escalate` verb on roles (`bind` on the role, for a binding). So a
// namespace admin can hand out what they have, and no more.

import type { ClusterRoleBinding, PolicyRule, RoleBinding } from "../../../api/rbac-v1.ts";
import type { Status } from "../../../api/meta.ts";
import { SYSTEM_PRIVILEGED_GROUP } from "../../authentication/user.ts";
import { forbidden } from "../../errors.ts";
import type { AdmissionAttributes } from "../../types.ts";
import type { Authorizer } from "../authorizer.ts";
import type { RBACAuthorizer } from "./rbac.ts";
import { apiGroupMatches, nonResourceURLMatches, resourceMatches, resourceNameMatches, verbMatches } from "./rule-matches.ts";

const RBAC_GROUP = "rbac.authorization.k8s.io";

/** BreakdownRule: one rule per verb, group, resource and name (or per verb and URL). */
function breakdown(rule: PolicyRule): PolicyRule[] {
  const out: PolicyRule[] = [];
  for (const verb of rule.verbs) {
    for (const group of rule.apiGroups ?? []) {
      for (const resource of rule.resources ?? []) {
        if ((rule.resourceNames ?? []).length > 0) for (const n of rule.resourceNames!) out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [n] });
        else out.push({ verbs: [verb], apiGroups: [group], resources: [resource] });
      }
    }
    for (const url of rule.nonResourceURLs ?? []) out.push({ verbs: [verb], nonResourceURLs: [url] });
  }
  return out;
}

/** ruleCovers: owner covers one broken-down rule. */
function ruleCovers(owner: PolicyRule, sub: PolicyRule): boolean {
  if (!verbMatches(owner, sub.verbs[0]!)) return false;
  if ((sub.nonResourceURLs ?? []).length > 0) return nonResourceURLMatches(owner, sub.nonResourceURLs![0]!);
  const resource = sub.resources![0]!;
  const slash = resource.indexOf("/");
  const subresource = slash < 0 ? "" : resource.slice(slash + 1);
  // A requested "*" is covered only by an owner "*" (resourceMatches treats the owner's wildcards).
  if (sub.apiGroups![0] === "*" && !(owner.apiGroups ?? []).includes("*")) return false;
  if (resource === "*" && !(owner.resources ?? []).includes("*")) return false;
  if (sub.verbs[0] === "*" && !owner.verbs.includes("*")) return false;
  const names = sub.resourceNames ?? [];
  if (names.length === 0 && (owner.resourceNames ?? []).length > 0) return false;
  return apiGroupMatches(owner, sub.apiGroups![0]!) && resourceMatches(owner, resource, subresource) && (names.length === 0 || resourceNameMatches(owner, names[0]!));
}

/** Covers: the requested rules not covered by any owner rule. */
export function uncovered(owner: readonly PolicyRule[], requested: readonly PolicyRule[]): PolicyRule[] {
  return requested.flatMap(breakdown).filter((sub) => !owner.some((o) => ruleCovers(o, sub)));
}

/** Go's %q of a []string: ["a" "b"]. */
const quoted = (xs: readonly string[]): string => `[${xs.map((x) => JSON.stringify(x)).join(" ")}]`;

/** rbacv1helpers.CompactString. */
export function compactString(r: PolicyRule): string {
  const parts: string[] = [];
  if ((r.apiGroups ?? []).length > 0) parts.push(`APIGroups:${quoted(r.apiGroups!)}`);
  if ((r.resources ?? []).length > 0) parts.push(`Resources:${quoted(r.resources!)}`);
  if ((r.nonResourceURLs ?? []).length > 0) parts.push(`NonResourceURLs:${quoted(r.nonResourceURLs!)}`);
  if ((r.resourceNames ?? []).length > 0) parts.push(`ResourceNames:${quoted(r.resourceNames!)}`);
  if (r.verbs.length > 0) parts.push(`Verbs:${quoted(r.verbs)}`);
  return `{${parts.join(", ")}}`;
}

/** CompactRules: rules of one group, resource and (at most one) name merge their verbs. */
function compact(rules: readonly PolicyRule[]): PolicyRule[] {
  const out: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const r of rules) {
    if ((r.nonResourceURLs ?? []).length > 0) {
      out.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups![0], r.resources![0], r.resourceNames?.[0] ?? null]);
    const had = simple.get(key);
    if (!had) simple.set(key, { ...r, verbs: [...r.verbs] });
    else for (const v of r.verbs) if (!had.verbs.includes(v)) had.verbs.push(v);
  }
  return [...out, ...simple.values()];
}

export interface EscalationDeps {
  readonly authorizer: Authorizer;
  readonly rbac: RBACAuthorizer;
  /** The rules a binding's roleRef grants, or a message when the role does not exist. */
  roleRules(ref: RoleBinding["roleRef"], namespace: string): readonly PolicyRule[] | string;
}

/**
 * The policy-based storage's check on creating or updating an RBAC object; a
 * Status refuses it (403, or 400 for a binding to a missing role).
 */
export function checkEscalation(deps: EscalationDeps, a: AdmissionAttributes): Status | undefined {
  const resource = a.info.resource;
  if (resource !== "roles" && resource !== "clusterroles" && resource !== "rolebindings" && resource !== "clusterrolebindings") return undefined;
  if (a.operation !== "CREATE" && a.operation !== "UPDATE") return undefined;
  const user = a.user;
  if ((user.groups ?? []).includes(SYSTEM_PRIVILEGED_GROUP)) return undefined;
  const obj = a.object!;
  const name = obj.metadata.name || obj.metadata.generateName || a.name;
  const namespace = a.namespace;
  const allowed = (verb: string, res: string, objectName = ""): boolean =>
    deps.authorizer.authorize({ user, verb, resourceRequest: true, apiGroup: RBAC_GROUP, apiVersion: "v1", resource: res, subresource: "", namespace, name: objectName, path: "" }).decision === "Allow";
  let rules: readonly PolicyRule[];
  if (resource === "roles" || resource === "clusterroles") {
    // RoleEscalationAuthorized: the escalate verb on the role's kind.
    if (allowed("escalate", resource)) return undefined;
    rules = (obj as { rules?: PolicyRule[] }).rules ?? [];
  } else {
    const ref = (obj as RoleBinding | ClusterRoleBinding).roleRef;
    // BindingAuthorized: the bind verb on the role it names.
    if (allowed("bind", ref.kind === "Role" ? "roles" : "clusterroles", ref.name)) return undefined;
    const got = deps.roleRules(ref, namespace);
    if (typeof got === "string") return { apiVersion: "v1", kind: "Status", status: "Failure", message: got, reason: "BadRequest", code: 400 };
    rules = got;
  }
  const owner = deps.rbac.policyRulesFor(user, namespace).rules;
  const missing = uncovered(owner, rules);
  if (missing.length === 0) return undefined;
  const lines = [...new Set(compact(missing).map(compactString))].sort();
  const message = `user ${JSON.stringify(user.name)} (groups=${quoted(user.groups ?? [])}) is attempting to grant RBAC permissions not currently held:\n${lines.join("\n")}`;
  const qualified = `${resource}.${RBAC_GROUP}`;
  return forbidden(qualified, name, message);
}
