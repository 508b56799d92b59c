import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../api/meta.ts";
import type { ResourceName } from "../../api/resources.ts";
import { ADMIN, must, newTestApiServer } from "../test-fixture.ts";

const RBAC = "rbac.authorization.k8s.io/v1";
const role = (name: string, rules: unknown): KubeObject => ({ apiVersion: RBAC, kind: "Role", metadata: { name }, rules }) as KubeObject;
const clusterRole = (name: string, rules: unknown): KubeObject => ({ apiVersion: RBAC, kind: "ClusterRole", metadata: { name }, rules }) as KubeObject;
const binding = (kind: "RoleBinding" | "ClusterRoleBinding", roleRef: unknown, subjects: unknown): KubeObject =>
  ({ apiVersion: RBAC, kind, metadata: { name: "b" }, roleRef, subjects }) as KubeObject;
const ref = (kind: string, name: string): unknown => ({ apiGroup: "rbac.authorization.k8s.io", kind, name });

describe("RBAC validation (pkg/apis/rbac/validation)", () => {
  it.each<[string, ResourceName, KubeObject, string]>([
    ["rule without verbs", "roles", role("r", [{ apiGroups: [""], resources: ["pods"], verbs: [] }]), 'Role.rbac.authorization.k8s.io "r" is invalid: rules[0].verbs: Required value: verbs must contain at least one value'],
    [
      "resource rule without groups or resources",
      "roles",
      role("r", [{ verbs: ["get"] }]),
      'Role.rbac.authorization.k8s.io "r" is invalid: [rules[0].apiGroups: Required value: resource rules must supply at least one api group, rules[0].resources: Required value: resource rules must supply at least one resource]',
    ],
    [
      "namespaced non-resource URL",
      "roles",
      role("r", [{ verbs: ["get"], nonResourceURLs: ["/healthz"] }]),
      'Role.rbac.authorization.k8s.io "r" is invalid: rules[0].nonResourceURLs: Invalid value: []string{"/healthz"}: namespaced rules cannot apply to non-resource URLs',
    ],
    [
      "URLs mixed with resources",
      "clusterroles",
      clusterRole("c", [{ verbs: ["get"], nonResourceURLs: ["/healthz", "/version"], resources: ["pods"] }]),
      'ClusterRole.rbac.authorization.k8s.io "c" is invalid: rules[0].nonResourceURLs: Invalid value: []string{"/healthz", "/version"}: rules cannot apply to both regular resources and non-resource URLs',
    ],
    ["name with a slash", "clusterroles", clusterRole("a/b", []), `ClusterRole.rbac.authorization.k8s.io "a/b" is invalid: metadata.name: Invalid value: "a/b": may not contain '/'`],
    ["name ..", "roles", role("..", []), `Role.rbac.authorization.k8s.io ".." is invalid: metadata.name: Invalid value: "..": may not be '..'`],
    [
      "roleRef to a Pod",
      "rolebindings",
      binding("RoleBinding", { apiGroup: "", kind: "Pod", name: "" }, []),
      'RoleBinding.rbac.authorization.k8s.io "b" is invalid: [roleRef.apiGroup: Unsupported value: "": supported values: "rbac.authorization.k8s.io", roleRef.kind: Unsupported value: "Pod": supported values: "Role", "ClusterRole", roleRef.name: Required value]',
    ],
    [
      "cluster binding to a Role",
      "clusterrolebindings",
      binding("ClusterRoleBinding", ref("Role", "r"), []),
      'ClusterRoleBinding.rbac.authorization.k8s.io "b" is invalid: roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
    ],
    ["roleRef name with %", "rolebindings", binding("RoleBinding", ref("Role", "a%b"), []), `RoleBinding.rbac.authorization.k8s.io "b" is invalid: roleRef.name: Invalid value: "a%b": may not contain '%'`],
    [
      "user without a name or group",
      "rolebindings",
      binding("RoleBinding", ref("Role", "r"), [{ kind: "User", name: "" }]),
      'RoleBinding.rbac.authorization.k8s.io "b" is invalid: [subjects[0].name: Required value, subjects[0].name: Invalid value: "": user name cannot be empty, subjects[0].apiGroup: Unsupported value: "": supported values: "rbac.authorization.k8s.io"]',
    ],
    [
      "service account with a bad name and group",
      "rolebindings",
      binding("RoleBinding", ref("Role", "r"), [{ kind: "ServiceAccount", name: "CI", apiGroup: "rbac.authorization.k8s.io" }]),
      `RoleBinding.rbac.authorization.k8s.io "b" is invalid: [subjects[0].name: Invalid value: "CI": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*'), subjects[0].apiGroup: Unsupported value: "rbac.authorization.k8s.io": supported values: ""]`,
    ],
    [
      "cluster binding to a service account without namespace",
      "clusterrolebindings",
      binding("ClusterRoleBinding", ref("ClusterRole", "view"), [{ kind: "ServiceAccount", name: "ci" }]),
      'ClusterRoleBinding.rbac.authorization.k8s.io "b" is invalid: subjects[0].namespace: Required value',
    ],
    [
      "unknown subject kind",
      "rolebindings",
      binding("RoleBinding", ref("Role", "r"), [{ kind: "Robot", name: "r2" }]),
      'RoleBinding.rbac.authorization.k8s.io "b" is invalid: subjects[0].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"',
    ],
  ])("%s", (_name, resource, obj, message) => {
    const { api } = newTestApiServer();
    const r = api.create(ADMIN, resource, "default", obj);
    expect(r.ok ? "accepted" : r.status.message).toBe(message);
  });

  it("accepts system: names and refuses a roleRef change", () => {
    const { api } = newTestApiServer();
    must(api.create(ADMIN, "clusterroles", undefined, clusterRole("system:aggregate-to-view", [{ verbs: ["get"], apiGroups: [""], resources: ["pods"] }])));
    const b = must(api.create(ADMIN, "rolebindings", "default", binding("RoleBinding", ref("ClusterRole", "system:aggregate-to-view"), [])));
    const r = api.update(ADMIN, "rolebindings", "default", { ...b, roleRef: ref("ClusterRole", "edit") } as KubeObject);
    expect(r.ok ? "accepted" : r.status.message).toBe(
      'RoleBinding.rbac.authorization.k8s.io "b" is invalid: roleRef: Invalid value: rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"ClusterRole", Name:"edit"}: cannot change roleRef',
    );
  });
});
