import { describe, expect, it } from "vitest";
import type { Namespace, Pod } from "../../api/core-v1.ts";
import type { ResourceName, ResourceTypes } from "../../api/resources.ts";
import { deployment, namespace } from "../../apiserver/test-fixture.ts";
import { Cluster } from "../../cluster.ts";

const nodes = [{ name: "node-1", zone: "zone-a", cpu: "4", memory: "8Gi", index: 1 }];

function teamCluster(): Cluster {
  const c = new Cluster({ seed: 7, nodes });
  expect(c.admin.create("namespaces", undefined, namespace("team-a")).ok).toBe(true);
  c.settle();
  expect(c.admin.create("deployments", "team-a", deployment("web")).ok).toBe(true);
  c.runFor(10_000);
  return c;
}

const items = <R extends ResourceName>(c: Cluster, resource: R, namespace?: string): readonly ResourceTypes[R][] => {
  const r = c.admin.list(resource, namespace);
  return r.ok ? r.object.items : [];
};

const ns = (c: Cluster): Namespace | undefined => {
  const r = c.admin.get("namespaces", undefined, "team-a");
  return r.ok ? r.object : undefined;
};

describe("namespace lifecycle", () => {
  it("marks a deleted namespace Terminating, empties it, removes the kubernetes finalizer, and it is gone", () => {
    const c = teamCluster();
    expect((items(c, "pods", "team-a") as Pod[]).map((p) => p.status?.phase)).toEqual(["Running"]);

    const deleted = c.admin.delete("namespaces", undefined, "team-a", { propagationPolicy: "Background" });
    expect(deleted.ok && deleted.object.status).toEqual({ phase: "Terminating" });
    expect(deleted.ok && deleted.object.metadata.deletionTimestamp).toBe(c.timestamp());
    expect(deleted.ok && deleted.object.metadata.deletionGracePeriodSeconds).toBeUndefined();
    expect(deleted.ok && deleted.object.spec).toEqual({ finalizers: ["kubernetes"] });
    // A second delete returns the namespace as it is.
    const again = c.admin.delete("namespaces", undefined, "team-a");
    expect(again.ok && again.object.metadata.resourceVersion).toBe(deleted.ok && deleted.object.metadata.resourceVersion);

    // The controller waits namespaceDeletionGracePeriod (5 s) before it starts.
    c.runFor(4_900);
    expect(items(c, "deployments", "team-a")).toHaveLength(1);
    c.runFor(200);
    expect(items(c, "deployments", "team-a")).toHaveLength(0);
    expect(items(c, "serviceaccounts", "team-a")).toHaveLength(0);
    const terminating = ns(c)!;
    expect(terminating.status?.conditions?.map((x) => [x.type, x.status, x.reason, x.message])).toEqual([
      ["NamespaceDeletionDiscoveryFailure", "False", "ResourcesDiscovered", "All resources successfully discovered"],
      ["NamespaceDeletionGroupVersionParsingFailure", "False", "ParsedGroupVersions", "All legacy kube types successfully parsed"],
      ["NamespaceDeletionContentFailure", "False", "ContentDeleted", "All content successfully deleted, may be waiting on finalization"],
      ["NamespaceContentRemaining", "True", "SomeResourcesRemain", "Some resources are remaining: pods. has 1 resource instances"],
      ["NamespaceFinalizersRemaining", "False", "ContentRemoved", "All content successfully removed"],
    ]);
    // Nothing new may be created in it meanwhile.
    const refused = c.admin.create("serviceaccounts", "team-a", { apiVersion: "v1", kind: "ServiceAccount", metadata: { name: "ci" } });
    expect(refused.ok ? undefined : refused.status.message).toBe(
      'serviceaccounts "ci" is forbidden: unable to create new content in namespace team-a because it is being terminated',
    );

    // The pod's 30 s grace period: the deleter looks again after 30/2+1 = 16 s.
    c.runFor(60_000);
    expect(ns(c)).toBeUndefined();
    expect(items(c, "pods", "team-a")).toHaveLength(0);
  });

  it("keeps a namespace whose other finalizers remain, until they are finalized away too", () => {
    const c = new Cluster({ seed: 1, nodes });
    const held: Namespace = { ...namespace("team-a"), spec: { finalizers: ["example.com/hold"] } };
    const created = c.admin.create("namespaces", undefined, held);
    expect(created.ok && created.object.spec).toEqual({ finalizers: ["example.com/hold", "kubernetes"] });
    c.settle();
    expect(c.admin.delete("namespaces", undefined, "team-a").ok).toBe(true);
    c.runFor(10_000);
    expect(ns(c)?.spec).toEqual({ finalizers: ["example.com/hold"] });
    expect(ns(c)?.status?.phase).toBe("Terminating");
    const finalize = structuredClone(ns(c)!);
    finalize.spec = { finalizers: [] };
    expect(c.admin.finalize(finalize).ok).toBe(true);
    expect(ns(c)).toBeUndefined();
  });

  it("refuses to delete the system namespaces", () => {
    const c = new Cluster({ seed: 1, nodes });
    for (const name of ["default", "kube-system", "kube-public"]) {
      const r = c.admin.delete("namespaces", undefined, name);
      expect(r.ok ? undefined : r.status).toMatchObject({ code: 403, reason: "Forbidden", message: `namespaces "${name}" is forbidden: this namespace may not be deleted` });
    }
  });
});
