import { describe, expect, it } from "vitest";
import type { ReplicaSet } from "../../api/apps-v1.ts";
import type { Pod } from "../../api/core-v1.ts";
import { forbidden, fail } from "../../apiserver/errors.ts";
import type { Client } from "../../clientgo/client.ts";
import type { ControllerDeps } from "../controller.ts";
import { newControllerFixture, type ControllerFixture, ADMIN } from "../common/testing.ts";
import { BURST_REPLICAS, newReplicaSetController } from "./replicaset-controller.ts";

function replicaSet(name: string, replicas: number, minReadySeconds?: number): ReplicaSet {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name, namespace: "default" },
    spec: {
      replicas,
      minReadySeconds,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name, tier: "front" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } },
    },
  };
}

function setup(): ControllerFixture {
  return newControllerFixture([["replicaset-controller", newReplicaSetController]]);
}

function createRS(f: ControllerFixture, rs: ReplicaSet): ReplicaSet {
  const res = f.admin.create("replicasets", "default", rs);
  if (!res.ok) throw new Error(res.status.message);
  f.settle();
  return getRS(f, rs.metadata.name!);
}

function getRS(f: ControllerFixture, name: string): ReplicaSet {
  const res = f.api.get(ADMIN, "replicasets", "default", name);
  if (!res.ok) throw new Error(res.status.message);
  return res.object;
}

function scale(f: ControllerFixture, name: string, replicas: number): void {
  const res = f.admin.patch("replicasets", "default", name, { spec: { replicas } });
  if (!res.ok) throw new Error(res.status.message);
  f.settle();
}

const names = (pods: readonly Pod[]): string[] => pods.map((p) => p.metadata.name!);

describe("ReplicaSet controller: creating pods", () => {
  it("creates spec.replicas pods from the template, owned by the ReplicaSet", () => {
    const f = setup();
    const rs = createRS(f, replicaSet("web", 3));
    const pods = f.pods();
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata.generateName).toBe("web-");
      expect(pod.metadata.labels).toEqual({ app: "web", tier: "front" });
      expect(pod.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web", uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
      expect(pod.spec.containers[0]!.image).toBe("nginx:1.27");
    }
    expect([...f.events("web")].sort()).toEqual(names(pods).map((n) => `SuccessfulCreate: Created pod: ${n}`));
    expect(rs.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
  });

  it("is idempotent: syncing a settled ReplicaSet again writes nothing", () => {
    const f = setup();
    createRS(f, replicaSet("web", 3));
    const revision = f.api.revision;
    f.controllers[0]!.queue.add("default/web");
    f.settle();
    expect(f.api.revision).toBe(revision);
  });

  it("creates at most burstReplicas pods per sync and the rest after observing them", () => {
    const f = setup();
    const res = f.admin.create("replicasets", "default", replicaSet("big", 600));
    expect(res.ok).toBe(true);
    f.api.dispatchWatches();
    f.manager.runOnce(1);
    expect(f.pods()).toHaveLength(BURST_REPLICAS);
    f.settle();
    expect(f.pods()).toHaveLength(600);
    expect(getRS(f, "big").status?.replicas).toBe(600);
  });

  it("creates in slow-start batches 1, 2, 4 and stops after a failing batch", () => {
    // Let three creates through, then refuse the rest the way a full quota would.
    let allowed = 3;
    const refusal = 'pods "web-" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=3, limited: pods=3';
    const limited = (client: Client): Client =>
      new Proxy(client, {
        get(target, prop) {
          if (prop === "create") return (...args: Parameters<Client["create"]>) => (allowed-- > 0 ? target.create(...args) : fail(forbidden("pods", "web-", "exceeded quota: compute, requested: pods=1, used: pods=3, limited: pods=3")));
          const v = Reflect.get(target, prop) as unknown;
          return typeof v === "function" ? v.bind(target) : v;
        },
      });
    const f = newControllerFixture([["replicaset-controller", (deps: ControllerDeps) => newReplicaSetController({ ...deps, client: limited(deps.client) })]]);
    f.admin.create("replicasets", "default", replicaSet("web", 10));
    f.api.dispatchWatches();
    f.manager.runOnce(1);
    // One sync: batches of 1 and 2 succeed, all 4 of the third batch fail, nothing more is tried.
    expect(f.pods()).toHaveLength(3);
    const events = f.events("web");
    expect(events.filter((e) => e.startsWith("SuccessfulCreate"))).toHaveLength(3);
    expect(events.filter((e) => e.startsWith("FailedCreate"))).toEqual([`FailedCreate: Error creating: ${refusal} (x4)`]);
    // Status reports the pods seen before this sync's creates: they are not observed yet.
    const status = getRS(f, "web").status!;
    expect(status.replicas).toBe(0);
    expect(status.conditions).toEqual([{ type: "ReplicaFailure", status: "True", lastTransitionTime: f.now(), reason: "FailedCreate", message: refusal }]);
    // Every later attempt starts again at a batch of one: one refusal per sync.
    f.settle();
    expect(getRS(f, "web").status?.replicas).toBe(3);
    const failures = (): number => Number(/\(x(\d+)\)$/.exec(f.events("web").find((e) => e.startsWith("FailedCreate"))!)![1]);
    const before = failures();
    f.controllers[0]!.queue.add("default/web");
    f.api.dispatchWatches();
    f.manager.runOnce(1);
    expect(failures()).toBe(before + 1);
    // Once creates succeed again the condition goes away.
    allowed = 100;
    f.advance(2000);
    expect(f.pods()).toHaveLength(10);
    expect(getRS(f, "web").status?.conditions).toBeUndefined();
  });
});

describe("ReplicaSet controller: deleting and replacing pods", () => {
  it("scales down by deleting the least established pods first", () => {
    const f = setup();
    createRS(f, replicaSet("web", 5));
    const [unscheduled, pending, notReady, readyOld, readyNew] = names(f.pods());
    // pending: bound but not started; notReady: running, not ready; two ready, one 10 min longer.
    f.admin.bind("default", pending!, "node-1");
    f.admin.bind("default", notReady!, "node-2");
    f.admin.patchStatus("pods", "default", notReady!, { status: { phase: "Running" } });
    f.markReady(readyOld!, "node-3");
    f.advance(600_000);
    f.markReady(readyNew!, "node-4");
    f.settle();

    scale(f, "web", 2);
    expect(f.events("web").slice(5)).toEqual([`SuccessfulDelete: Deleted pod: ${unscheduled}`, `SuccessfulDelete: Deleted pod: ${pending}`, `SuccessfulDelete: Deleted pod: ${notReady}`]);
    scale(f, "web", 1);
    expect(f.events("web").slice(8)).toEqual([`SuccessfulDelete: Deleted pod: ${readyNew}`]);
  });

  it("does not count terminating pods and replaces them at once", () => {
    const f = setup();
    createRS(f, replicaSet("web", 3));
    for (const pod of f.pods()) f.markReady(pod);
    f.settle();
    const victim = f.pods()[0]!.metadata.name!;
    // A graceful delete: the bound pod stays, terminating, for its 30 s grace period.
    f.admin.delete("pods", "default", victim);
    f.settle();
    const pods = f.pods();
    expect(pods).toHaveLength(4);
    expect(pods.filter((p) => p.metadata.deletionTimestamp !== undefined).map((p) => p.metadata.name)).toEqual([victim]);
    expect(getRS(f, "web").status).toMatchObject({ replicas: 3, readyReplicas: 2, availableReplicas: 2 });
    expect(f.finishTerminating()).toBe(1);
    f.settle();
    expect(f.pods()).toHaveLength(3);
  });

  it("scaling to zero deletes every pod", () => {
    const f = setup();
    createRS(f, replicaSet("web", 2));
    scale(f, "web", 0);
    expect(f.pods()).toEqual([]);
    expect(getRS(f, "web").status).toEqual({ replicas: 0, observedGeneration: 2 });
  });
});

describe("ReplicaSet controller: status", () => {
  it("counts ready and, after minReadySeconds, available replicas", () => {
    const f = setup();
    createRS(f, replicaSet("web", 2, 10));
    for (const pod of f.pods()) f.markReady(pod);
    f.settle();
    expect(getRS(f, "web").status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, observedGeneration: 1 });
    // Available only once Ready for strictly more than 10 s: nothing marks that moment but a requeue.
    f.advance(10_000);
    expect(getRS(f, "web").status?.availableReplicas).toBeUndefined();
    f.advance(100);
    expect(getRS(f, "web").status).toEqual({ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 });
  });

  it("counts fully labeled replicas against the template's labels", () => {
    const f = setup();
    createRS(f, replicaSet("web", 2));
    const pod = f.pods()[0]!.metadata.name!;
    // Still selected (app=web) but missing the template's tier label.
    f.admin.patch("pods", "default", pod, { metadata: { labels: { tier: null } } });
    f.settle();
    expect(getRS(f, "web").status).toEqual({ replicas: 2, fullyLabeledReplicas: 1, observedGeneration: 1 });
  });
});

describe("ReplicaSet controller: controllerRef", () => {
  it("adopts a matching orphan instead of creating a pod", () => {
    const f = setup();
    const orphan: Pod = { apiVersion: "v1", kind: "Pod", metadata: { name: "stray", labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } };
    f.admin.create("pods", "default", orphan);
    const rs = createRS(f, replicaSet("web", 2));
    const pods = f.pods();
    expect(pods).toHaveLength(2);
    const stray = pods.find((p) => p.metadata.name === "stray")!;
    expect(stray.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web", uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(f.events("web")).toHaveLength(1);
  });

  it("releases a pod whose labels stop matching and replaces it", () => {
    const f = setup();
    createRS(f, replicaSet("web", 2));
    const pod = f.pods()[0]!.metadata.name!;
    f.admin.patch("pods", "default", pod, { metadata: { labels: { app: "debug" } } });
    f.settle();
    const pods = f.pods();
    expect(pods).toHaveLength(3);
    expect(pods.find((p) => p.metadata.name === pod)!.metadata.ownerReferences).toBeUndefined();
    expect(getRS(f, "web").status?.replicas).toBe(2);
  });

  it("ignores pods whose controllerRef names another ReplicaSet of the same name", () => {
    const f = setup();
    createRS(f, replicaSet("web", 1));
    const foreign: Pod = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "foreign", labels: { app: "web" }, ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: "web", uid: "00000000-0000-4000-8000-000000000000", controller: true }] },
      spec: { containers: [{ name: "c", image: "nginx" }] },
    };
    f.admin.create("pods", "default", foreign);
    f.settle();
    expect(f.pods()).toHaveLength(2);
    expect(getRS(f, "web").status?.replicas).toBe(1);
  });
});
