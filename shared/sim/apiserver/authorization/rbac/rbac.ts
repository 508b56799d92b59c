// The RBAC authorizer (plugin/pkg/auth/authorizer/rbac): a request is allowed
// when some rule of a role bound to the user allows it. ClusterRoleBindings grant
// everywhere; RoleBindings grant in their namespace. RBAC never denies: without
// a matching rule it has no opinion, and its reason only names bindings whose
// role is missing ("RBAC: role.rbac.authorization.k8s.io \"x\" not found").
//
// The rules that apply to a user in a namespace are gathered once and kept
// until an RBAC object changes (the generation), so an authorization check is a
// scan of that user's few rules, not of every binding in the cluster.

import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, RoleRef, Subject } from "../../../api/rbac-v1.ts";
import { splitServiceAccountUsername } from "../../authentication/user.ts";
import type { UserInfo } from "../../types.ts";
import { NO_OPINION, type Attributes, type AuthorizationResult, type Authorizer, type NonResourceRule, type ResourceRule, type UserRuleInfo } from "../authorizer.ts";
import { ruleAllows } from "./rule-matches.ts";

/** What the authorizer reads: the API server's RBAC objects, and a counter bumped on every change to them. */
export interface RbacObjects {
  readonly generation: number;
  clusterRoleBindings(): readonly ClusterRoleBinding[];
  roleBindings(namespace: string): readonly RoleBinding[];
  role(namespace: string, name: string): Role | undefined;
  clusterRole(name: string): ClusterRole | undefined;
}

/** The rules a user holds in one scope, with the errors met gathering them. */
export interface UserRules {
  readonly rules: readonly PolicyRule[];
  readonly errors: readonly string[];
}

/** appliesToUser: a binding's subject names this user, one of its groups, or its ServiceAccount. */
export function appliesToUser(user: UserInfo, subject: Subject, namespace: string): boolean {
  switch (subject.kind) {
    case "User":
      return user.name === subject.name;
    case "Group":
      return (user.groups ?? []).includes(subject.name);
    case "ServiceAccount": {
      // A RoleBinding's ServiceAccount subject defaults to the binding's namespace.
      const ns = subject.namespace || namespace;
      if (ns === "") return false;
      const sa = splitServiceAccountUsername(user.name);
      return sa !== undefined && sa.namespace === ns && sa.name === subject.name;
    }
    default:
      return false;
  }
}

export class RBACAuthorizer implements Authorizer {
  readonly #objects: RbacObjects;
  #generation = -1;
  // Components present the same authenticated user object on every request, so
  // rules are found by identity first; impersonated users (a new object each
  // time) fall back to their name and groups.
  #byUser = new WeakMap<UserInfo, Map<string, UserRules>>();
  readonly #byKey = new Map<string, UserRules>();

  constructor(objects: RbacObjects) {
    this.#objects = objects;
  }

  authorize(attrs: Attributes): AuthorizationResult {
    const cluster = this.policyRulesFor(attrs.user, "");
    for (const rule of cluster.rules) if (ruleAllows(attrs, rule)) return { decision: "Allow", reason: "" };
    const errors = [...cluster.errors];
    if (attrs.namespace !== "") {
      const ns = this.#namespaceRules(attrs.user, attrs.namespace);
      for (const rule of ns.rules) if (ruleAllows(attrs, rule)) return { decision: "Allow", reason: "" };
      errors.push(...ns.errors);
    }
    if (errors.length === 0) return NO_OPINION;
    return { decision: "NoOpinion", reason: `RBAC: ${errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`}` };
  }

  rulesFor(user: UserInfo, namespace: string): UserRuleInfo {
    const { rules, errors } = this.policyRulesFor(user, namespace);
    const resourceRules: ResourceRule[] = [];
    const nonResourceRules: NonResourceRule[] = [];
    for (const r of rules) {
      if ((r.resources ?? []).length > 0) {
        resourceRules.push({ verbs: [...r.verbs], apiGroups: [...(r.apiGroups ?? [])], resources: [...(r.resources ?? [])], resourceNames: [...(r.resourceNames ?? [])] });
      }
      if ((r.nonResourceURLs ?? []).length > 0) nonResourceRules.push({ verbs: [...r.verbs], nonResourceURLs: [...r.nonResourceURLs!] });
    }
    return { resourceRules, nonResourceRules, incomplete: false, errors };
  }

  /**
   * VisitRulesFor: the rules from ClusterRoleBindings, then (namespace given)
   * those from the namespace's RoleBindings, as SelfSubjectRulesReview lists them.
   */
  policyRulesFor(user: UserInfo, namespace: string): UserRules {
    const cluster = this.#cached(user, "", () => this.#gather(user, "", this.#objects.clusterRoleBindings()));
    if (namespace === "") return cluster;
    const ns = this.#namespaceRules(user, namespace);
    return { rules: [...cluster.rules, ...ns.rules], errors: [...cluster.errors, ...ns.errors] };
  }

  #namespaceRules(user: UserInfo, namespace: string): UserRules {
    return this.#cached(user, namespace, () => this.#gather(user, namespace, this.#objects.roleBindings(namespace)));
  }

  #cached(user: UserInfo, namespace: string, gather: () => UserRules): UserRules {
    if (this.#generation !== this.#objects.generation) {
      this.#byUser = new WeakMap();
      this.#byKey.clear();
      this.#generation = this.#objects.generation;
    }
    let perUser = this.#byUser.get(user);
    let rules = perUser?.get(namespace);
    if (rules) return rules;
    const key = `${namespace}\u0000${user.name}\u0000${(user.groups ?? []).join("\u0000")}`;
    rules = this.#byKey.get(key);
    if (!rules) {
      rules = gather();
      this.#byKey.set(key, rules);
    }
    if (!perUser) this.#byUser.set(user, (perUser = new Map()));
    perUser.set(namespace, rules);
    return rules;
  }

  #gather(user: UserInfo, namespace: string, bindings: readonly (RoleBinding | ClusterRoleBinding)[]): UserRules {
    const rules: PolicyRule[] = [];
    const errors: string[] = [];
    for (const b of bindings) {
      if (!(b.subjects ?? []).some((s) => appliesToUser(user, s, namespace))) continue;
      const got = this.roleRules(b.roleRef, namespace);
      if (typeof got === "string") errors.push(got);
      else rules.push(...got);
    }
    return { rules, errors };
  }

  /** GetRoleReferenceRules: a RoleBinding may name a Role of its namespace or any ClusterRole. */
  roleRules(ref: RoleRef, namespace: string): readonly PolicyRule[] | string {
    if (ref.kind === "Role") {
      const role = namespace === "" ? undefined : this.#objects.role(namespace, ref.name);
      return role ? (role.rules ?? []) : `role.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`;
    }
    const role = this.#objects.clusterRole(ref.name);
    return role ? (role.rules ?? []) : `clusterrole.rbac.authorization.k8s.io ${JSON.stringify(ref.name)} not found`;
  }
}
