import { describe, expect, it } from "vitest";
import { apiVersionOf, qualifiedKind, qualifiedResource, RESOURCE_NAMES, RESOURCES, resolveResource, resourceForKind } from "./resources.ts";

describe("resolveResource", () => {
  const forms: Record<string, string[]> = {
    namespaces: ["namespaces", "namespace", "ns", "Namespace"],
    nodes: ["nodes", "node", "no", "Node", "NODES"],
    pods: ["pods", "pod", "po", "Pod", "PODS"],
    events: ["events", "event", "ev", "Event"],
    deployments: ["deployments", "deployment", "deploy", "Deployment", "deployments.apps", "deployment.apps", "Deployment.apps"],
    replicasets: ["replicasets", "replicaset", "rs", "ReplicaSet", "replicasets.apps", "replicaset.apps"],
    leases: ["leases", "lease", "Lease", "leases.coordination.k8s.io", "lease.coordination.k8s.io"],
    serviceaccounts: ["serviceaccounts", "serviceaccount", "sa", "ServiceAccount"],
    resourcequotas: ["resourcequotas", "resourcequota", "quota", "ResourceQuota"],
    limitranges: ["limitranges", "limitrange", "limits", "LimitRange"],
    roles: ["roles", "role", "Role", "roles.rbac.authorization.k8s.io", "role.rbac.authorization.k8s.io"],
    rolebindings: ["rolebindings", "rolebinding", "RoleBinding", "rolebindings.rbac.authorization.k8s.io"],
    clusterroles: ["clusterroles", "clusterrole", "ClusterRole", "clusterroles.rbac.authorization.k8s.io"],
    clusterrolebindings: ["clusterrolebindings", "clusterrolebinding", "ClusterRoleBinding"],
    priorityclasses: ["priorityclasses", "priorityclass", "pc", "PriorityClass", "priorityclasses.scheduling.k8s.io"],
  };

  it("covers every served resource", () => {
    expect(Object.keys(forms).sort()).toEqual([...RESOURCE_NAMES].sort());
  });

  for (const [resource, typed] of Object.entries(forms)) {
    it.each(typed)(`resolves %s to ${resource}`, (t) => {
      expect(resolveResource(t)?.resource).toBe(resource);
    });
  }

  it("knows nothing of unserved or misspelt resources", () => {
    for (const t of ["svc", "services", "deploymnt", "pods.apps", "deployments.batch", "", "p"]) expect(resolveResource(t)).toBeUndefined();
  });
});

describe("resource names", () => {
  it("qualifies resources the way API errors name them", () => {
    expect(qualifiedResource(RESOURCES.pods)).toBe("pods");
    expect(qualifiedResource(RESOURCES.deployments)).toBe("deployments.apps");
    expect(qualifiedResource(RESOURCES.leases)).toBe("leases.coordination.k8s.io");
  });

  it("qualifies kinds the way kubectl's success lines do", () => {
    expect(qualifiedKind(RESOURCES.pods)).toBe("pod");
    expect(qualifiedKind(RESOURCES.deployments)).toBe("deployment.apps");
    expect(qualifiedKind(RESOURCES.replicasets)).toBe("replicaset.apps");
    expect(qualifiedKind(RESOURCES.nodes)).toBe("node");
  });

  it("gives each resource its apiVersion", () => {
    expect(apiVersionOf(RESOURCES.pods)).toBe("v1");
    expect(apiVersionOf(RESOURCES.deployments)).toBe("apps/v1");
    expect(apiVersionOf(RESOURCES.leases)).toBe("coordination.k8s.io/v1");
  });

  it("scopes namespaces, nodes, cluster RBAC and priority classes to the cluster, the rest to namespaces", () => {
    const cluster = RESOURCE_NAMES.filter((r) => !RESOURCES[r].namespaced).sort();
    expect(cluster.sort()).toEqual(["clusterrolebindings", "clusterroles", "namespaces", "nodes", "priorityclasses"]);
  });

  it("finds a resource by kind", () => {
    expect(resourceForKind("ReplicaSet")?.resource).toBe("replicasets");
    expect(resourceForKind("replicaset")).toBeUndefined();
  });
});
