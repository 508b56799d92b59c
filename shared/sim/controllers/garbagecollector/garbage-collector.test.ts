import { describe, expect, it } from "vitest";
import type { Deployment, ReplicaSet } from "../../api/apps-v1.ts";
import type { Lease } from "../../api/coordination-v1.ts";
import type { DeleteOptions, Pod } from "../../api/core-v1.ts";
import { newControllerFixture, type ControllerFixture, ADMIN, must } from "../common/testing.ts";
import { newDeploymentController } from "../deployment/deployment-controller.ts";
import { newReplicaSetController } from "../replicaset/replicaset-controller.ts";
import { newGarbageCollector } from "./garbage-collector.ts";

function setup(): ControllerFixture {
  return newControllerFixture([
    ["deployment-controller", newDeploymentController],
    ["replicaset-controller", newReplicaSetController],
    ["garbage-collector-controller", newGarbageCollector],
  ]);
}

const web: Deployment = {
  apiVersion: "apps/v1",
  kind: "Deployment",
  metadata: { name: "web", namespace: "default" },
  spec: { replicas: 3, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "app", image: "nginx" }] } } },
};

/** A Deployment with 3 running pods, bound so that deleting them is graceful. */
function running(f: ControllerFixture): void {
  expect(f.admin.create("deployments", "default", web).ok).toBe(true);
  f.settle();
  for (const pod of f.pods()) f.markReady(pod);
  f.settle();
}

const replicaSets = (f: ControllerFixture): ReplicaSet[] => [...must(f.api.list(ADMIN, "replicasets", "default")).items];
const deployments = (f: ControllerFixture): Deployment[] => [...must(f.api.list(ADMIN, "deployments", "default")).items];

function remove(f: ControllerFixture, resource: "deployments" | "replicasets" | "pods", name: string, options?: DeleteOptions): void {
  const res = f.admin.delete(resource, "default", name, options);
  if (!res.ok) throw new Error(res.status.message);
  f.settle();
}

describe("garbage collector: background deletion", () => {
  it("deleting a Deployment cascades to its ReplicaSet and pods", () => {
    const f = setup();
    running(f);
    remove(f, "deployments", "web");
    expect(deployments(f)).toEqual([]);
    expect(replicaSets(f)).toEqual([]);
    // Bound pods terminate gracefully; once the kubelet finishes them, nothing is left.
    expect(f.pods().map((p) => p.metadata.deletionTimestamp !== undefined)).toEqual([true, true, true]);
    f.finishTerminating();
    f.settle();
    expect(f.pods()).toEqual([]);
  });

  it("deletes an object whose only owner never existed", () => {
    const f = setup();
    const pod: Pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "lost", ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "gone", uid: "00000000-0000-4000-8000-000000000001" }] },
      spec: { containers: [{ name: "c", image: "nginx" }] },
    };
    f.admin.create("pods", "default", pod);
    f.settle();
    expect(f.pods()).toEqual([]);
  });

  it("keeps a dependent with another live owner and drops the dangling reference", () => {
    const f = setup();
    running(f);
    const rs = replicaSets(f)[0]!;
    const extra = { apiVersion: "apps/v1", kind: "ReplicaSet", name: "gone", uid: "00000000-0000-4000-8000-000000000002" };
    const pod = f.pods()[0]!;
    f.admin.patch("pods", "default", pod.metadata.name!, { metadata: { ownerReferences: [...pod.metadata.ownerReferences!, extra] } });
    f.settle();
    const after = f.api.get(ADMIN, "pods", "default", pod.metadata.name!);
    expect(after.ok && after.object.metadata.ownerReferences?.map((r) => r.name)).toEqual([rs.metadata.name]);
  });

  it("works for any resource: a Lease owned by a Node goes with the Node", () => {
    const f = setup();
    const node = f.admin.create("nodes", undefined, { apiVersion: "v1", kind: "Node", metadata: { name: "node-1" }, spec: {} });
    if (!node.ok) throw new Error(node.status.message);
    const lease: Lease = {
      apiVersion: "coordination.k8s.io/v1",
      kind: "Lease",
      metadata: { name: "node-1", ownerReferences: [{ apiVersion: "v1", kind: "Node", name: "node-1", uid: node.object.metadata.uid! }] },
      spec: { holderIdentity: "node-1" },
    };
    expect(f.admin.create("leases", "default", lease).ok).toBe(true);
    f.settle();
    expect(must(f.api.list(ADMIN, "leases", "default")).items).toHaveLength(1);
    f.admin.delete("nodes", undefined, "node-1");
    f.settle();
    expect(must(f.api.list(ADMIN, "leases", "default")).items).toEqual([]);
  });
});

describe("garbage collector: foreground deletion", () => {
  it("deletes dependents first and the owner only when no blocking dependent is left", () => {
    const f = setup();
    running(f);
    const rsName = replicaSets(f)[0]!.metadata.name!;
    remove(f, "deployments", "web", { propagationPolicy: "Foreground" });
    // The Deployment waits on its ReplicaSet, which waits (foreground too) on its terminating pods.
    const [d] = deployments(f);
    expect(d?.metadata.finalizers).toEqual(["foregroundDeletion"]);
    expect(d?.metadata.deletionTimestamp).toBeDefined();
    const [rs] = replicaSets(f);
    expect(rs?.metadata.name).toBe(rsName);
    expect(rs?.metadata.finalizers).toEqual(["foregroundDeletion"]);
    expect(f.pods()).toHaveLength(3);
    expect(f.pods().every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true);
    // The ReplicaSet controller does not replace pods of a ReplicaSet being deleted.
    f.advance(1000);
    expect(f.pods()).toHaveLength(3);
    f.finishTerminating();
    f.settle();
    expect(f.pods()).toEqual([]);
    expect(replicaSets(f)).toEqual([]);
    expect(deployments(f)).toEqual([]);
  });
});

describe("garbage collector: orphan deletion", () => {
  it("strips the owner reference from dependents, then lets the owner go", () => {
    const f = setup();
    running(f);
    const rs = replicaSets(f)[0]!;
    const before = f.pods().map((p) => p.metadata.name);
    remove(f, "replicasets", rs.metadata.name!, { propagationPolicy: "Orphan" });
    // The pods outlive their ReplicaSet. The Deployment then makes a new ReplicaSet of the
    // same name (same template, same hash), which adopts them instead of creating pods.
    const [replacement] = replicaSets(f);
    expect(replacement?.metadata.name).toBe(rs.metadata.name);
    expect(replacement?.metadata.uid).not.toBe(rs.metadata.uid);
    const pods = f.pods();
    expect(pods.map((p) => p.metadata.name)).toEqual(before);
    expect(pods.every((p) => p.metadata.deletionTimestamp === undefined)).toBe(true);
    expect(pods.map((p) => p.metadata.ownerReferences?.map((r) => r.uid))).toEqual(pods.map(() => [replacement!.metadata.uid]));
  });

  it("orphaning a Deployment leaves its ReplicaSet running without an owner", () => {
    const f = setup();
    running(f);
    remove(f, "deployments", "web", { propagationPolicy: "Orphan" });
    expect(deployments(f)).toEqual([]);
    const [rs] = replicaSets(f);
    expect(rs?.metadata.ownerReferences).toBeUndefined();
    expect(rs?.metadata.deletionTimestamp).toBeUndefined();
    expect(f.pods()).toHaveLength(3);
    // Still managed by the ReplicaSet controller: a deleted pod is replaced.
    remove(f, "pods", f.pods()[0]!.metadata.name!, { gracePeriodSeconds: 0 });
    expect(f.pods()).toHaveLength(3);
  });
});
