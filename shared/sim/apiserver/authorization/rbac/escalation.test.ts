import { describe, expect, it } from "vitest";
import type { ClusterRole, PolicyRule, Role, RoleBinding } from "../../../api/rbac-v1.ts";
import { bootstrapApiServer } from "../../bootstrap.ts";
import { ADMIN, must, namespace, newTestApiServer } from "../../test-fixture.ts";
import type { UserInfo } from "../../types.ts";
import { compactString, uncovered } from "./escalation.ts";

const alice: UserInfo = { name: "alice", groups: ["team-a-admins"] };

function setup() {
  const t = newTestApiServer();
  bootstrapApiServer(t.api, []);
  must(t.api.create(ADMIN, "namespaces", undefined, namespace("team-a")));
  // alice administers team-a (the admin ClusterRole through a RoleBinding), nothing else.
  must(t.api.create(ADMIN, "rolebindings", "team-a", binding("alice-admin", "ClusterRole", "admin")));
  return t;
}

function role(name: string, rules: PolicyRule[]): Role {
  return { apiVersion: "rbac.authorization.k8s.io/v1", kind: "Role", metadata: { name }, rules };
}

function binding(name: string, kind: "Role" | "ClusterRole", roleName: string, subject = "alice"): RoleBinding {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind, name: roleName },
    subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: subject }],
  };
}

const msg = (r: { ok: boolean; status?: { code: number; message: string } }): string => (r.ok ? "allowed" : `${r.status!.code} ${r.status!.message}`);

describe("RBAC escalation prevention", () => {
  it("lets a namespace admin grant what they hold", () => {
    const t = setup();
    expect(msg(t.api.create(alice, "roles", "team-a", role("reader", [{ verbs: ["get", "list"], apiGroups: [""], resources: ["pods", "pods/log"] }])))).toBe("allowed");
    expect(msg(t.api.create(alice, "rolebindings", "team-a", binding("dana-reads", "Role", "reader", "dana")))).toBe("allowed");
    expect(msg(t.api.create(alice, "rolebindings", "team-a", binding("dana-edit", "ClusterRole", "edit", "dana")))).toBe("allowed");
  });

  it("refuses a Role that grants what the writer lacks, naming the missing rules as kube-apiserver does", () => {
    const t = setup();
    const r = t.api.create(alice, "roles", "team-a", role("nodes", [{ verbs: ["list", "get"], apiGroups: [""], resources: ["nodes"] }, { verbs: ["get"], apiGroups: [""], resources: ["pods"] }]));
    expect(msg(r)).toBe(
      '403 roles.rbac.authorization.k8s.io "nodes" is forbidden: user "alice" (groups=["team-a-admins" "system:authenticated"]) is attempting to grant RBAC permissions not currently held:\n' +
        '{APIGroups:[""], Resources:["nodes"], Verbs:["list" "get"]}',
    );
  });

  it("refuses binding a role that grants more than the writer holds, unless they may bind it", () => {
    const t = setup();
    const r = t.api.create(alice, "rolebindings", "team-a", binding("dana-root", "ClusterRole", "cluster-admin", "dana"));
    expect(msg(r)).toMatch(/^403 rolebindings\.rbac\.authorization\.k8s\.io "dana-root" is forbidden: user "alice" \(groups=\["team-a-admins" "system:authenticated"\]\) is attempting to grant RBAC permissions not currently held:\n\{APIGroups:\["\*"\], Resources:\["\*"\], Verbs:\["\*"\]\}\n\{NonResourceURLs:\["\*"\], Verbs:\["\*"\]\}$/);
    const binder: ClusterRole = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "ClusterRole",
      metadata: { name: "binder" },
      rules: [{ verbs: ["bind"], apiGroups: ["rbac.authorization.k8s.io"], resources: ["clusterroles"], resourceNames: ["cluster-admin"] }],
    };
    must(t.api.create(ADMIN, "clusterroles", undefined, binder));
    must(t.api.create(ADMIN, "rolebindings", "team-a", binding("alice-binder", "ClusterRole", "binder")));
    expect(msg(t.api.create(alice, "rolebindings", "team-a", binding("dana-root", "ClusterRole", "cluster-admin", "dana")))).toBe("allowed");
  });

  it("answers a binding to a missing role with BadRequest", () => {
    const t = setup();
    expect(msg(t.api.create(alice, "rolebindings", "team-a", binding("x", "Role", "ghost", "dana")))).toBe('400 role.rbac.authorization.k8s.io "ghost" not found');
  });

  it("lets system:masters and the escalate verb through", () => {
    const t = setup();
    expect(msg(t.api.create(ADMIN, "roles", "team-a", role("nodes", [{ verbs: ["list"], apiGroups: [""], resources: ["nodes"] }])))).toBe("allowed");
  });
});

describe("Covers", () => {
  it.each<[string, PolicyRule[], PolicyRule, string[]]>([
    ["* covers everything", [{ verbs: ["*"], apiGroups: ["*"], resources: ["*"] }], { verbs: ["get"], apiGroups: ["apps"], resources: ["deployments/scale"] }, []],
    ["*/scale covers a scale subresource", [{ verbs: ["update"], apiGroups: ["apps"], resources: ["*/scale"] }], { verbs: ["update"], apiGroups: ["apps"], resources: ["deployments/scale"] }, []],
    ["a named grant does not cover all names", [{ verbs: ["get"], apiGroups: [""], resources: ["pods"], resourceNames: ["web"] }], { verbs: ["get"], apiGroups: [""], resources: ["pods"] }, ['{APIGroups:[""], Resources:["pods"], Verbs:["get"]}']],
    ["a wildcard verb is not covered by a list of verbs", [{ verbs: ["get", "list"], apiGroups: [""], resources: ["pods"] }], { verbs: ["*"], apiGroups: [""], resources: ["pods"] }, ['{APIGroups:[""], Resources:["pods"], Verbs:["*"]}']],
    ["non-resource URLs by prefix", [{ verbs: ["get"], nonResourceURLs: ["/api/*"] }], { verbs: ["get"], nonResourceURLs: ["/api/v1"] }, []],
  ])("%s", (_name, owner, requested, missing) => {
    expect(uncovered(owner, [requested]).map(compactString)).toEqual(missing);
  });
});
