// The whole control plane under RBAC: every component acts as its own user, none
// is system:masters, and a run through a node failure and recovery is never
// refused anything.

import { describe, expect, it } from "vitest";
import type { UserInfo } from "./apiserver/types.ts";
import { ADMIN, Cluster } from "./cluster.ts";
import type { KubeObject } from "./api/meta.ts";

const deployment = (replicas: number): KubeObject =>
  ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace: "default" },
    spec: {
      replicas,
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx:1.27", resources: { requests: { cpu: "100m", memory: "64Mi" } } }] } },
    },
  }) as KubeObject;

describe("components under RBAC", () => {
  it("run a failure and recovery as their own users, refused nothing, none of them system:masters", () => {
    const nodes = ["node-1", "node-2", "node-3"].map((name, index) => ({ name, zone: `zone-${index}`, cpu: "4", memory: "8Gi", index }));
    const cluster = new Cluster({ seed: 3, nodes, objects: [deployment(6)] });
    const callers = new Map<string, readonly string[]>();
    const api = cluster.api;
    for (const method of ["request", "get", "list", "watch", "getLogs"] as const) {
      const original = api[method].bind(api) as (user: UserInfo, ...rest: unknown[]) => unknown;
      (api as unknown as Record<string, unknown>)[method] = (user: UserInfo, ...rest: unknown[]) => {
        callers.set(user.name, user.groups ?? []);
        return original(user, ...rest);
      };
    }
    cluster.runFor(30_000);
    expect(cluster.injectFault({ type: "node-crash", node: "node-2" })).toEqual({ ok: true });
    cluster.runFor(400_000); // NotReady, taints, eviction after 300 s, replacements
    expect(cluster.injectFault({ type: "node-restart", node: "node-2" })).toEqual({ ok: true });
    cluster.runFor(60_000);
    cluster.clientFor(ADMIN).patch("deployments", "default", "web", { spec: { replicas: 2 } });
    cluster.runFor(60_000);

    expect(api.refusals).toEqual({});
    expect(cluster.podCounts().Running).toBe(2);
    // The API server's own loopback (admission's and RBAC's lookups) is system:masters, as kube-apiserver's is.
    const components = [...callers.keys()].filter((name) => name !== ADMIN.name && name !== "system:apiserver").sort();
    expect(components).toEqual([
      "pod-pilot:observer",
      "system:kube-scheduler",
      "system:node:node-1",
      "system:node:node-2",
      "system:node:node-3",
      "system:serviceaccount:kube-system:deployment-controller",
      "system:serviceaccount:kube-system:node-controller",
      "system:serviceaccount:kube-system:replicaset-controller",
      "system:serviceaccount:kube-system:taint-eviction-controller",
    ]);
    for (const name of components) expect(callers.get(name), name).not.toContain("system:masters");
  });
});

describe("controller identities", () => {
  it("exist as ServiceAccounts in kube-system, made by kube-controller-manager", () => {
    const cluster = new Cluster({ seed: 1, nodes: [{ name: "node-1", zone: "zone-a", cpu: "4", memory: "8Gi", index: 0 }] });
    const listed = cluster.clientFor(ADMIN).list("serviceaccounts", "kube-system");
    const names = (listed.ok ? listed.object.items : []).map((s) => s.metadata.name);
    expect(names).toEqual(expect.arrayContaining(["deployment-controller", "generic-garbage-collector", "node-controller", "replicaset-controller", "taint-eviction-controller"]));
  });
});
