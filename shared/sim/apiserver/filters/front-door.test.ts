import { describe, expect, it } from "vitest";
import type { RoleBinding } from "../../api/rbac-v1.ts";
import { bootstrapApiServer } from "../bootstrap.ts";
import { ADMIN, deployment, must, namespace, newTestApiServer, pod } from "../test-fixture.ts";
import type { UserInfo } from "../types.ts";

const alice: UserInfo = { name: "alice" };

function setup() {
  const t = newTestApiServer();
  bootstrapApiServer(t.api, ["kube-system"]);
  must(t.api.create(ADMIN, "namespaces", undefined, namespace("team-a")));
  must(t.api.create(ADMIN, "pods", "default", pod("web")));
  return t;
}

function grant(t: ReturnType<typeof setup>, ns: string, clusterRole: string, subject: string): void {
  const b: RoleBinding = {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "RoleBinding",
    metadata: { name: `${subject}-${clusterRole}` },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: clusterRole },
    subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: subject }],
  };
  must(t.api.create(ADMIN, "rolebindings", ns, b));
}

const message = (r: { ok: boolean; status?: { message: string; reason: string; code: number } }): string => (r.ok ? "allowed" : `${r.status!.code} ${r.status!.reason}: ${r.status!.message}`);

describe("the front door's Forbidden", () => {
  it.each([
    ["a list", (t: ReturnType<typeof setup>) => t.api.list(alice, "pods", "default"), 'pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"'],
    ["a named get", (t: ReturnType<typeof setup>) => t.api.get(alice, "pods", "default", "web"), 'pods "web" is forbidden: User "alice" cannot get resource "pods" in API group "" in the namespace "default"'],
    ["a create names no object", (t: ReturnType<typeof setup>) => t.api.create(alice, "deployments", "default", deployment()), 'deployments.apps is forbidden: User "alice" cannot create resource "deployments" in API group "apps" in the namespace "default"'],
    ["the cluster scope", (t: ReturnType<typeof setup>) => t.api.list(alice, "nodes"), 'nodes is forbidden: User "alice" cannot list resource "nodes" in API group "" at the cluster scope'],
    ["a list across namespaces", (t: ReturnType<typeof setup>) => t.api.list(alice, "pods"), 'pods is forbidden: User "alice" cannot list resource "pods" in API group "" at the cluster scope'],
    ["a subresource", (t: ReturnType<typeof setup>) => t.api.getLogs(alice, "default", "web"), 'pods "web" is forbidden: User "alice" cannot get resource "pods/log" in API group "" in the namespace "default"'],
    ["a binding", (t: ReturnType<typeof setup>) => t.api.bind(alice, "default", "web", "node-1"), 'pods "web" is forbidden: User "alice" cannot create resource "pods/binding" in API group "" in the namespace "default"'],
    ["a status patch", (t: ReturnType<typeof setup>) => t.api.patch(alice, "pods", "default", "web", {}, "status"), 'pods "web" is forbidden: User "alice" cannot patch resource "pods/status" in API group "" in the namespace "default"'],
  ])("%s", (_name, request, text) => {
    expect(message(request(setup()) as never)).toBe(`403 Forbidden: ${text}`);
  });

  it("lets the edit role write workloads in its namespace, and not RBAC or other namespaces", () => {
    const t = setup();
    grant(t, "default", "edit", "alice");
    expect(message(t.api.create(alice, "deployments", "default", deployment()))).toBe("allowed");
    expect(message(t.api.list(alice, "pods", "team-a"))).toBe('403 Forbidden: pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "team-a"');
    expect(message(t.api.list(alice, "rolebindings", "default"))).toBe(
      '403 Forbidden: rolebindings.rbac.authorization.k8s.io is forbidden: User "alice" cannot list resource "rolebindings" in API group "rbac.authorization.k8s.io" in the namespace "default"',
    );
  });

  it("lets view read pods and their logs, but not write", () => {
    const t = setup();
    grant(t, "default", "view", "alice");
    expect(message(t.api.list(alice, "pods", "default"))).toBe("allowed");
    expect(t.api.getLogs(alice, "default", "web").ok).toBe(true);
    expect(message(t.api.delete(alice, "pods", "default", "web"))).toBe('403 Forbidden: pods "web" is forbidden: User "alice" cannot delete resource "pods" in API group "" in the namespace "default"');
  });

  it("refuses dry runs exactly as the real request", () => {
    const t = setup();
    const r = t.api.request(alice, { verb: "create", resource: "deployments", namespace: "default", body: deployment(), dryRun: true });
    expect(r.ok ? "" : r.status.reason).toBe("Forbidden");
  });

  it("counts refusals by user", () => {
    const t = setup();
    t.api.list(alice, "pods");
    t.api.list(alice, "nodes");
    expect(t.api.refusals).toEqual({ alice: 2 });
  });
});

describe("impersonation", () => {
  it("needs the impersonate verb on users, and says so like kube-apiserver", () => {
    const t = setup();
    const r = t.api.list(alice, "pods", "default", { impersonate: { user: "bob" } });
    expect(message(r)).toBe('403 Forbidden: users "bob" is forbidden: User "alice" cannot impersonate resource "users" in API group "" at the cluster scope');
  });

  it("checks each group, and service accounts in their namespace", () => {
    const t = setup();
    const sa = t.api.list(alice, "pods", "default", { impersonate: { user: "system:serviceaccount:team-a:ci" } });
    expect(message(sa)).toBe('403 Forbidden: serviceaccounts "ci" is forbidden: User "alice" cannot impersonate resource "serviceaccounts" in API group "" in the namespace "team-a"');
    grant(t, "team-a", "edit", "alice"); // edit may impersonate the namespace's service accounts
    const asSa = t.api.selfSubjectReview(alice, { impersonate: { user: "system:serviceaccount:team-a:ci" } });
    expect(must(asSa).userInfo).toEqual({ username: "system:serviceaccount:team-a:ci", groups: ["system:serviceaccounts", "system:serviceaccounts:team-a", "system:authenticated"] });
  });

  it("acts as the impersonated user, who is authenticated", () => {
    const t = setup();
    const who = must(t.api.selfSubjectReview(ADMIN, { impersonate: { user: "bob", groups: ["dev"] } }));
    expect(who.userInfo).toEqual({ username: "bob", groups: ["dev", "system:authenticated"] });
    const r = t.api.list(ADMIN, "pods", "default", { impersonate: { user: "bob" } });
    expect(message(r)).toBe('403 Forbidden: pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "default"');
  });

  it("refuses groups without a user", () => {
    const t = setup();
    const r = t.api.list(ADMIN, "pods", "default", { impersonate: { groups: ["dev"] } });
    expect(r.ok ? "" : r.status.reason).toBe("BadRequest");
  });
});

describe("self reviews", () => {
  it("answer can-i for anyone authenticated (system:basic-user)", () => {
    const t = setup();
    expect(must(t.api.selfSubjectAccessReview(alice, { resourceAttributes: { verb: "list", resource: "pods", namespace: "default" } }))).toEqual({ allowed: false });
    grant(t, "default", "view", "alice");
    expect(must(t.api.selfSubjectAccessReview(alice, { resourceAttributes: { verb: "list", resource: "pods", namespace: "default" } }))).toEqual({ allowed: true });
    expect(must(t.api.selfSubjectAccessReview(alice, { nonResourceAttributes: { verb: "get", path: "/healthz" } }))).toEqual({ allowed: true });
  });

  it("say who the caller is, with the groups authentication added", () => {
    const t = setup();
    expect(must(t.api.selfSubjectReview(alice)).userInfo).toEqual({ username: "alice", groups: ["system:authenticated"] });
  });
});

describe("the Node authorizer", () => {
  it("lets a kubelet do what NodeRules allow, and nothing else", () => {
    const t = setup();
    const kubelet: UserInfo = { name: "system:node:node-1", groups: ["system:nodes"] };
    expect(t.api.list(kubelet, "pods").ok).toBe(true);
    expect(message(t.api.list(kubelet, "deployments", "default"))).toBe(
      '403 Forbidden: deployments.apps is forbidden: User "system:node:node-1" cannot list resource "deployments" in API group "apps" in the namespace "default"',
    );
  });

  it("knows nothing of a node user without a node name", () => {
    const t = setup();
    const r = t.api.list({ name: "system:node:", groups: ["system:nodes"] }, "pods");
    expect(message(r)).toBe('403 Forbidden: pods is forbidden: User "system:node:" cannot list resource "pods" in API group "" at the cluster scope: unknown node');
  });
});

describe("a namespace is its own namespace", () => {
  it("so a RoleBinding in it can grant reading it, and refusals name it", () => {
    const t = setup();
    expect(message(t.api.get(alice, "namespaces", undefined, "team-a"))).toBe(
      '403 Forbidden: namespaces "team-a" is forbidden: User "alice" cannot get resource "namespaces" in API group "" in the namespace "team-a"',
    );
    grant(t, "team-a", "view", "alice");
    expect(message(t.api.get(alice, "namespaces", undefined, "team-a"))).toBe("allowed");
    expect(message(t.api.list(alice, "namespaces"))).toBe('403 Forbidden: namespaces is forbidden: User "alice" cannot list resource "namespaces" in API group "" at the cluster scope');
  });
});
