import { describe, expect, it } from "vitest";
import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding, Subject } from "../../../api/rbac-v1.ts";
import type { UserInfo } from "../../types.ts";
import type { Attributes } from "../authorizer.ts";
import { RBACAuthorizer, type RbacObjects } from "./rbac.ts";
import { ruleAllows } from "./rule-matches.ts";

const alice: UserInfo = { name: "alice", groups: ["dev", "system:authenticated"] };

function attrs(verb: string, resource: string, extra: Partial<Attributes> = {}): Attributes {
  return { user: alice, verb, resourceRequest: true, apiGroup: "", apiVersion: "v1", resource, subresource: "", namespace: "team-a", name: "", path: "", ...extra };
}
const url = (verb: string, path: string): Attributes => ({ ...attrs(verb, ""), resourceRequest: false, path });

describe("RuleAllows", () => {
  const cases: [string, PolicyRule, Attributes, boolean][] = [
    ["exact verb, group and resource", { verbs: ["get"], apiGroups: [""], resources: ["pods"] }, attrs("get", "pods"), true],
    ["another verb", { verbs: ["get"], apiGroups: [""], resources: ["pods"] }, attrs("delete", "pods"), false],
    ["* verbs", { verbs: ["*"], apiGroups: [""], resources: ["pods"] }, attrs("deletecollection", "pods"), true],
    ["another group", { verbs: ["get"], apiGroups: [""], resources: ["deployments"] }, attrs("get", "deployments", { apiGroup: "apps" }), false],
    ["* groups", { verbs: ["get"], apiGroups: ["*"], resources: ["deployments"] }, attrs("get", "deployments", { apiGroup: "apps" }), true],
    ["* resources", { verbs: ["get"], apiGroups: [""], resources: ["*"] }, attrs("get", "pods", { subresource: "log" }), true],
    ["a resource does not cover its subresources", { verbs: ["get"], apiGroups: [""], resources: ["pods"] }, attrs("get", "pods", { subresource: "log" }), false],
    ["resource/subresource", { verbs: ["get"], apiGroups: [""], resources: ["pods/log"] }, attrs("get", "pods", { subresource: "log" }), true],
    ["*/subresource", { verbs: ["update"], apiGroups: ["apps"], resources: ["*/scale"] }, attrs("update", "deployments", { apiGroup: "apps", subresource: "scale" }), true],
    ["resource/* is not a wildcard", { verbs: ["get"], apiGroups: [""], resources: ["pods/*"] }, attrs("get", "pods", { subresource: "log" }), false],
    ["resourceNames match the name", { verbs: ["get"], apiGroups: [""], resources: ["pods"], resourceNames: ["web"] }, attrs("get", "pods", { name: "web" }), true],
    ["resourceNames refuse other names", { verbs: ["get"], apiGroups: [""], resources: ["pods"], resourceNames: ["web"] }, attrs("get", "pods", { name: "db" }), false],
    ["resourceNames refuse a list", { verbs: ["list"], apiGroups: [""], resources: ["pods"], resourceNames: ["web"] }, attrs("list", "pods"), false],
    ["non-resource URL exact", { verbs: ["get"], nonResourceURLs: ["/healthz"] }, url("get", "/healthz"), true],
    ["non-resource URL prefix *", { verbs: ["get"], nonResourceURLs: ["/api/*"] }, url("get", "/api/v1"), true],
    ["non-resource URL other", { verbs: ["get"], nonResourceURLs: ["/healthz"] }, url("get", "/metrics"), false],
    ["resource rules do not cover URLs", { verbs: ["*"], apiGroups: ["*"], resources: ["*"] }, url("get", "/healthz"), false],
  ];
  it.each(cases)("%s", (_name, rule, a, allowed) => {
    expect(ruleAllows(a, rule)).toBe(allowed);
  });
});

function objects(init: { roles?: Role[]; clusterRoles?: ClusterRole[]; roleBindings?: RoleBinding[]; clusterRoleBindings?: ClusterRoleBinding[] }): RbacObjects & { bump(): void } {
  let generation = 0;
  return {
    get generation() {
      return generation;
    },
    bump() {
      generation++;
    },
    clusterRoleBindings: () => init.clusterRoleBindings ?? [],
    roleBindings: (ns) => (init.roleBindings ?? []).filter((b) => b.metadata.namespace === ns),
    role: (ns, name) => (init.roles ?? []).find((r) => r.metadata.namespace === ns && r.metadata.name === name),
    clusterRole: (name) => (init.clusterRoles ?? []).find((r) => r.metadata.name === name),
  };
}
const role = (ns: string, name: string, rules: PolicyRule[]): Role => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { namespace: ns, name }, rules });
const clusterRole = (name: string, rules: PolicyRule[]): ClusterRole => ({ apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", metadata: { name }, rules });
const rb = (ns: string, name: string, kind: "Role" | "ClusterRole", roleName: string, subjects: Subject[]): RoleBinding => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "RoleBinding",
  metadata: { namespace: ns, name },
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind, name: roleName },
  subjects,
});
const crb = (name: string, roleName: string, subjects: Subject[]): ClusterRoleBinding => ({
  apiVersion: "rbac.authorization.k8s.io/v1",
  kind: "ClusterRoleBinding",
  metadata: { name },
  roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: roleName },
  subjects,
});
const user = (name: string): Subject => ({ kind: "User", apiGroup: "rbac.authorization.k8s.io", name });
const group = (name: string): Subject => ({ kind: "Group", apiGroup: "rbac.authorization.k8s.io", name });
const readPods: PolicyRule = { verbs: ["get", "list", "watch"], apiGroups: [""], resources: ["pods"] };

describe("RBACAuthorizer", () => {
  it("grants a Role's rules in its RoleBinding's namespace only", () => {
    const rbac = new RBACAuthorizer(objects({ roles: [role("team-a", "pod-reader", [readPods])], roleBindings: [rb("team-a", "alice-reads", "Role", "pod-reader", [user("alice")])] }));
    expect(rbac.authorize(attrs("list", "pods")).decision).toBe("Allow");
    expect(rbac.authorize(attrs("list", "pods", { namespace: "team-b" })).decision).toBe("NoOpinion");
    expect(rbac.authorize(attrs("list", "pods", { namespace: "" })).decision).toBe("NoOpinion");
  });

  it("grants a ClusterRole through a RoleBinding in that namespace, and everywhere through a ClusterRoleBinding", () => {
    const inNs = new RBACAuthorizer(objects({ clusterRoles: [clusterRole("view", [readPods])], roleBindings: [rb("team-a", "v", "ClusterRole", "view", [group("dev")])] }));
    expect(inNs.authorize(attrs("get", "pods")).decision).toBe("Allow");
    expect(inNs.authorize(attrs("get", "pods", { namespace: "team-b" })).decision).toBe("NoOpinion");
    const everywhere = new RBACAuthorizer(objects({ clusterRoles: [clusterRole("view", [readPods])], clusterRoleBindings: [crb("v", "view", [group("dev")])] }));
    expect(everywhere.authorize(attrs("get", "pods", { namespace: "team-b" })).decision).toBe("Allow");
    expect(everywhere.authorize(attrs("list", "pods", { namespace: "" })).decision).toBe("Allow");
  });

  it("matches ServiceAccount subjects, defaulting their namespace to the RoleBinding's", () => {
    const ci: UserInfo = { name: "system:serviceaccount:team-a:ci", groups: ["system:serviceaccounts", "system:serviceaccounts:team-a"] };
    const rbac = new RBACAuthorizer(
      objects({ roles: [role("team-a", "r", [readPods])], roleBindings: [rb("team-a", "b", "Role", "r", [{ kind: "ServiceAccount", name: "ci" }])] }),
    );
    expect(rbac.authorize({ ...attrs("get", "pods"), user: ci }).decision).toBe("Allow");
    expect(rbac.authorize({ ...attrs("get", "pods"), user: { name: "system:serviceaccount:team-b:ci" } }).decision).toBe("NoOpinion");
  });

  it("never denies, and names a binding whose role is missing", () => {
    const rbac = new RBACAuthorizer(objects({ roleBindings: [rb("team-a", "b", "Role", "pod-reader", [user("alice")])] }));
    expect(rbac.authorize(attrs("get", "pods"))).toEqual({ decision: "NoOpinion", reason: 'RBAC: role.rbac.authorization.k8s.io "pod-reader" not found' });
    const two = new RBACAuthorizer(objects({ clusterRoleBindings: [crb("x", "gone", [user("alice")])], roleBindings: [rb("team-a", "b", "Role", "pod-reader", [user("alice")])] }));
    expect(two.authorize(attrs("get", "pods")).reason).toBe('RBAC: [clusterrole.rbac.authorization.k8s.io "gone" not found, role.rbac.authorization.k8s.io "pod-reader" not found]');
  });

  it("sees a new binding once the RBAC generation moves", () => {
    const bindings: RoleBinding[] = [];
    const objs = objects({ roles: [role("team-a", "r", [readPods])], roleBindings: bindings });
    const rbac = new RBACAuthorizer(objs);
    expect(rbac.authorize(attrs("get", "pods")).decision).toBe("NoOpinion");
    bindings.push(rb("team-a", "b", "Role", "r", [user("alice")]));
    objs.bump();
    expect(rbac.authorize(attrs("get", "pods")).decision).toBe("Allow");
  });

  it("lists a user's rules for a rules review: cluster-wide first, then the namespace's", () => {
    const rbac = new RBACAuthorizer(
      objects({
        clusterRoles: [clusterRole("urls", [{ verbs: ["get"], nonResourceURLs: ["/healthz"] }])],
        clusterRoleBindings: [crb("u", "urls", [group("system:authenticated")])],
        roles: [role("team-a", "r", [readPods])],
        roleBindings: [rb("team-a", "b", "Role", "r", [user("alice")])],
      }),
    );
    expect(rbac.rulesFor(alice, "team-a")).toEqual({
      resourceRules: [{ verbs: ["get", "list", "watch"], apiGroups: [""], resources: ["pods"], resourceNames: [] }],
      nonResourceRules: [{ verbs: ["get"], nonResourceURLs: ["/healthz"] }],
      incomplete: false,
      errors: [],
    });
  });
});
