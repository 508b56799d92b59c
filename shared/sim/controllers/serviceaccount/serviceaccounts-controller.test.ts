import { describe, expect, it } from "vitest";
import { deployment, namespace } from "../../apiserver/test-fixture.ts";
import { Cluster } from "../../cluster.ts";

const nodes = [{ name: "node-1", zone: "zone-a", cpu: "4", memory: "8Gi", index: 1 }];

describe("serviceaccount controller", () => {
  it("gives every namespace, old and new, its default ServiceAccount, and brings it back when deleted", () => {
    const c = new Cluster({ seed: 7, nodes });
    expect(c.admin.create("namespaces", undefined, namespace("team-a")).ok).toBe(true);
    c.settle();
    const listed = c.admin.list("serviceaccounts");
    // kube-system also holds the controllers' own accounts, which kube-controller-manager makes.
    const names = (listed.ok ? listed.object.items : []).filter((s) => s.metadata.name === "default").map((s) => `${s.metadata.namespace}/${s.metadata.name}`);
    expect(names).toEqual(["default/default", "kube-node-lease/default", "kube-public/default", "kube-system/default", "team-a/default"]);
    // Pods in the new namespace are admitted at once.
    expect(c.admin.create("deployments", "team-a", deployment("web")).ok).toBe(true);
    expect(c.admin.delete("serviceaccounts", "team-a", "default").ok).toBe(true);
    c.settle();
    expect(c.admin.get("serviceaccounts", "team-a", "default").ok).toBe(true);
  });

  it("makes nothing in a namespace being deleted", () => {
    const c = new Cluster({ seed: 7, nodes });
    expect(c.admin.create("namespaces", undefined, namespace("team-a")).ok).toBe(true);
    c.settle();
    expect(c.admin.delete("namespaces", undefined, "team-a").ok).toBe(true);
    expect(c.admin.delete("serviceaccounts", "team-a", "default").ok).toBe(true);
    c.settle();
    expect(c.admin.get("serviceaccounts", "team-a", "default").ok).toBe(false);
  });
});
