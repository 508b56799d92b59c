import { describe, expect, it } from "vitest";
import { bootstrapApiServer } from "../../sim/apiserver/bootstrap.ts";
import { Client } from "../../sim/clientgo/client.ts";
import { runKubectl } from "../kubectl.ts";
import { TestCluster } from "../test-fixture.ts";

function rbacCluster(): TestCluster {
  const c = new TestCluster();
  bootstrapApiServer(c.api, []);
  return c;
}

describe("kubectl auth can-i", () => {
  it("answers yes, or no with exit code 1", () => {
    const c = rbacCluster();
    expect(c.run("kubectl auth can-i create pods")).toEqual({ stdout: "yes\n", stderr: "", exitCode: 0 });
    expect(c.run("kubectl auth can-i create pods --as bob")).toEqual({ stdout: "no\n", stderr: "", exitCode: 1 });
    expect(c.run("kubectl auth can-i create pods --as bob -q")).toEqual({ stdout: "", stderr: "", exitCode: 1 });
  });

  it("follows RoleBindings made with kubectl", () => {
    const c = rbacCluster();
    c.run("kubectl create namespace team-a");
    const rb = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "bob-view", namespace: "default" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "view" },
      subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "bob" }],
    };
    expect(c.run("kubectl apply -f -", JSON.stringify(rb)).stdout).toBe("rolebinding.rbac.authorization.k8s.io/bob-view created\n");
    expect(c.run("kubectl auth can-i list pods --as bob").stdout).toBe("yes\n");
    expect(c.run("kubectl auth can-i get pods/log --as bob --subresource=log").stdout).toBe("yes\n");
    expect(c.run("kubectl auth can-i delete pods --as bob").stdout).toBe("no\n");
    expect(c.run("kubectl auth can-i list pods --as bob -n kube-system").stdout).toBe("no\n");
  });

  it("warns about cluster-scoped resources, unknown types and verbs, as kubectl does", () => {
    const c = rbacCluster();
    expect(c.run("kubectl auth can-i get nodes")).toEqual({ stdout: "yes\n", stderr: "Warning: resource 'nodes' is not namespace scoped\n\n", exitCode: 0 });
    expect(c.run("kubectl auth can-i get foos").stderr).toBe("Warning: the server doesn't have a resource type 'foos'\n\n");
    expect(c.run("kubectl auth can-i frob pods").stderr).toBe("Warning: verb 'frob' is not a known verb\n\n");
    expect(c.run("kubectl auth can-i impersonate users").stderr).toBe("");
    expect(c.run("kubectl auth can-i get /healthz --as bob").stdout).toBe("yes\n");
  });

  it("validates its arguments like kubectl", () => {
    const c = rbacCluster();
    expect(c.run("kubectl auth can-i get").stderr).toBe("error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples\n");
    expect(c.run("kubectl auth can-i --list -q").stderr).toBe("error: --list option must not be specified with --quiet, --all-namespaces or --subresource\n");
    expect(c.run("kubectl auth can-i get pods --no-headers").stderr).toBe("error: --no-headers cannot be set without --list specified\n");
    expect(c.run("kubectl auth can-i get /healthz --subresource=log").stderr).toBe("error: --subresource can not be used with NonResourceURL\n");
  });

  it("lists a user's rules, broken down, compacted and sorted", () => {
    const c = rbacCluster();
    const out = c.run("kubectl auth can-i --list --as bob").stdout.split("\n");
    expect(out.slice(0, 6)).toEqual([
      "Resources                                       Non-Resource URLs   Resource Names   Verbs",
      "selfsubjectreviews.authentication.k8s.io        []                  []               [create]",
      "selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]",
      "selfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]",
      "                                                [/api/*]            []               [get]",
      "                                                [/api]              []               [get]",
    ]);
    expect(c.run("kubectl auth can-i --list").stdout.split("\n").slice(1, 3)).toEqual([
      "*.*                                             []                  []               [*]",
      "                                                [*]                 []               [*]",
    ]);
  });
});

describe("kubectl auth whoami", () => {
  it("prints the user and groups the API server sees", () => {
    const c = rbacCluster();
    expect(c.run("kubectl auth whoami").stdout).toBe("ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [system:masters system:authenticated]\n");
    expect(c.run("kubectl auth whoami --as system:serviceaccount:default:ci").stdout).toBe(
      "ATTRIBUTE   VALUE\nUsername    system:serviceaccount:default:ci\nGroups      [system:serviceaccounts system:serviceaccounts:default system:authenticated]\n",
    );
    expect(c.run("kubectl auth whoami -o yaml").stdout).toContain("kind: SelfSubjectReview\n");
  });

  it("keeps the table without -o (--template alone changes nothing); refuses the template formats", () => {
    const c = rbacCluster();
    expect(c.run("kubectl auth whoami --template={{.kind}}").stdout).toBe("ATTRIBUTE   VALUE\nUsername    kubernetes-admin\nGroups      [system:masters system:authenticated]\n");
    expect(c.run("kubectl auth whoami -o jsonpath={.status} --allow-missing-template-keys=false")).toEqual({
      stdout: "",
      stderr: 'error: output format "jsonpath" is not available in the Pod Pilot console; use -o yaml, -o json, -o name or -o wide\n',
      exitCode: 1,
    });
  });
});

describe("--as and --as-group", () => {
  it("send every request as the impersonated user", () => {
    const c = rbacCluster();
    expect(c.run("kubectl get pods --as bob").stderr).toBe('Error from server (Forbidden): pods is forbidden: User "bob" cannot list resource "pods" in API group "" in the namespace "default"\n');
    expect(c.run("kubectl get pods --as bob --as-group system:masters")).toMatchObject({ exitCode: 0, stderr: "No resources found in default namespace.\n" });
  });

  it("refuse groups without a user before sending anything", () => {
    const c = rbacCluster();
    expect(c.run("kubectl get pods --as-group dev").stderr).toBe("error: invalid configuration: requesting uid, groups or user-extra for kubernetes-admin without impersonating a user\n");
  });

  it("need the impersonate verb", () => {
    const c = rbacCluster();
    // carol may edit default, which lets her impersonate its service accounts but not users.
    c.client.create("rolebindings", "default", {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: { name: "carol-edit" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "edit" },
      subjects: [{ kind: "User", apiGroup: "rbac.authorization.k8s.io", name: "carol" }],
    });
    const carol = { ...c.env, client: new Client(c.api, { name: "carol" }) };
    expect(runKubectl(carol, "kubectl get pods").exitCode).toBe(0);
    expect(runKubectl(carol, "kubectl get pods --as bob").stderr).toBe(
      'Error from server (Forbidden): users "bob" is forbidden: User "carol" cannot impersonate resource "users" in API group "" at the cluster scope\n',
    );
    expect(runKubectl(carol, "kubectl auth whoami --as system:serviceaccount:default:ci").exitCode).toBe(0);
  });
});
