import { describe, expect, it } from "vitest";
import type { Deployment, DeploymentSpec, ReplicaSet } from "../../api/apps-v1.ts";
import { parseTime } from "../../kernel/time.ts";
import { computeHash } from "../common/compute-hash.ts";
import { isPodReady } from "../common/pod-util.ts";
import { newControllerFixture, type ControllerFixture, ADMIN, must } from "../common/testing.ts";
import { newReplicaSetController } from "../replicaset/replicaset-controller.ts";
import { newDeploymentController } from "./deployment-controller.ts";

function deployment(name: string, replicas: number, image: string, spec: Partial<DeploymentSpec> = {}): Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: "default" },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: "app", image }] } },
      ...spec,
    },
  };
}

function setup(): ControllerFixture {
  return newControllerFixture([
    ["deployment-controller", newDeploymentController],
    ["replicaset-controller", newReplicaSetController],
  ]);
}

function create(f: ControllerFixture, d: Deployment): void {
  const res = f.admin.create("deployments", "default", d);
  if (!res.ok) throw new Error(res.status.message);
  f.settle();
}

function getDeploy(f: ControllerFixture, name: string): Deployment {
  const res = f.api.get(ADMIN, "deployments", "default", name);
  if (!res.ok) throw new Error(res.status.message);
  return res.object;
}

/** The Deployment's ReplicaSets, oldest first (setImage lets a second pass between templates). */
function replicaSets(f: ControllerFixture, name: string): ReplicaSet[] {
  return must(f.api.list(ADMIN, "replicasets", "default")).items
      .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.name === name))
    .sort((a, b) => parseTime(f.epochMs, a.metadata.creationTimestamp!) - parseTime(f.epochMs, b.metadata.creationTimestamp!));
}

function setImage(f: ControllerFixture, name: string, image: string): void {
  f.advance(1000);
  const d = getDeploy(f, name);
  const res = f.admin.patch("deployments", "default", name, { spec: { template: { spec: { containers: [{ ...d.spec.template.spec.containers[0], image }] } } } });
  if (!res.ok) throw new Error(res.status.message);
  f.settle();
}

/** Plays kubelet for every live pod: Running and Ready now; terminating pods finish. */
function readyAll(f: ControllerFixture): void {
  f.finishTerminating();
  for (const pod of f.pods()) if (pod.metadata.deletionTimestamp === undefined && !isPodReady(pod)) f.markReady(pod);
  f.settle();
}

const conditions = (d: Deployment): string[] => (d.status?.conditions ?? []).map((c) => `${c.type} ${c.status} ${c.reason}: ${c.message}`);

describe("Deployment controller: the new ReplicaSet", () => {
  it("creates <deployment>-<pod-template-hash> with the hash label, revision and replica annotations", () => {
    const f = setup();
    create(f, deployment("web", 3, "nginx:1.27"));
    const d = getDeploy(f, "web");
    const [rs, ...others] = replicaSets(f, "web");
    expect(others).toEqual([]);
    const hash = computeHash(d.spec.template);
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
    expect(rs!.metadata.name).toBe(`web-${hash}`);
    expect(rs!.metadata.labels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(rs!.spec.selector).toEqual({ matchLabels: { app: "web", "pod-template-hash": hash } });
    expect(rs!.spec.template.metadata?.labels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(rs!.spec.replicas).toBe(3);
    expect(rs!.metadata.annotations).toEqual({
      "deployment.kubernetes.io/revision": "1",
      "deployment.kubernetes.io/desired-replicas": "3",
      "deployment.kubernetes.io/max-replicas": "4",
    });
    expect(rs!.metadata.ownerReferences).toEqual([{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(d.metadata.annotations).toEqual({ "deployment.kubernetes.io/revision": "1" });
    expect(f.events("web")).toEqual([`ScalingReplicaSet: Scaled up replica set web-${hash} from 0 to 3`]);
    // Pods carry the hash label too, and belong to the ReplicaSet.
    const pods = f.pods();
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.name!.startsWith(`web-${hash}-`)).toBe(true);
      expect(pod.metadata.labels).toEqual({ app: "web", "pod-template-hash": hash });
    }
  });

  it("reports progress, then availability and completion", () => {
    const f = setup();
    create(f, deployment("web", 3, "nginx:1.27"));
    const rsName = replicaSets(f, "web")[0]!.metadata.name!;
    let d = getDeploy(f, "web");
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, unavailableReplicas: 3 });
    expect(conditions(d)).toEqual([
      "Available False MinimumReplicasUnavailable: Deployment does not have minimum availability.",
      `Progressing True ReplicaSetUpdated: ReplicaSet "${rsName}" is progressing.`,
    ]);
    readyAll(f);
    d = getDeploy(f, "web");
    expect(d.status).toEqual({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      conditions: d.status!.conditions,
    });
    expect(conditions(d)).toEqual([
      "Available True MinimumReplicasAvailable: Deployment has minimum availability.",
      `Progressing True NewReplicaSetAvailable: ReplicaSet "${rsName}" has successfully progressed.`,
    ]);
  });

  it("is idempotent once settled", () => {
    const f = setup();
    create(f, deployment("web", 3, "nginx:1.27"));
    readyAll(f);
    const revision = f.api.revision;
    f.controllers[0]!.queue.add("default/web");
    f.controllers[1]!.queue.add(`default/${replicaSets(f, "web")[0]!.metadata.name}`);
    f.settle();
    expect(f.api.revision).toBe(revision);
  });
});

describe("Deployment controller: RollingUpdate", () => {
  it("rolls 10 replicas within 13 pods and 8 available (maxSurge 25% up, maxUnavailable 25% down)", () => {
    const f = setup();
    create(f, deployment("web", 10, "nginx:1.27"));
    readyAll(f);
    const [oldRS] = replicaSets(f, "web");
    setImage(f, "web", "nginx:1.28");
    const newRS = replicaSets(f, "web")[1]!;
    const sizes = (): [number, number] => {
      const [o, n] = replicaSets(f, "web");
      return [o!.spec.replicas!, n!.spec.replicas!];
    };
    const available = (): number => replicaSets(f, "web").reduce((s, rs) => s + (rs.status?.availableReplicas ?? 0), 0);
    const seen: [number, number][] = [sizes()];
    for (let i = 0; i < 10 && sizes()[0] > 0; i++) {
      readyAll(f);
      seen.push(sizes());
      expect(sizes()[0] + sizes()[1]).toBeLessThanOrEqual(13);
      expect(available()).toBeGreaterThanOrEqual(8);
    }
    expect(seen).toEqual([
      [8, 5],
      [3, 10],
      [0, 10],
    ]);
    const o = oldRS!.metadata.name!;
    const n = newRS.metadata.name!;
    expect(f.events("web")).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${o} from 0 to 10`,
      `ScalingReplicaSet: Scaled up replica set ${n} from 0 to 3`,
      `ScalingReplicaSet: Scaled down replica set ${o} from 10 to 8`,
      `ScalingReplicaSet: Scaled up replica set ${n} from 3 to 5`,
      `ScalingReplicaSet: Scaled down replica set ${o} from 8 to 3`,
      `ScalingReplicaSet: Scaled up replica set ${n} from 5 to 10`,
      `ScalingReplicaSet: Scaled down replica set ${o} from 3 to 0`,
    ]);
    readyAll(f);
    const d = getDeploy(f, "web");
    expect(d.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
    expect(replicaSets(f, "web").map((rs) => rs.metadata.annotations?.["deployment.kubernetes.io/revision"])).toEqual(["1", "2"]);
    expect(d.status).toMatchObject({ replicas: 10, updatedReplicas: 10, readyReplicas: 10, availableReplicas: 10 });
    expect(conditions(d)[1]).toBe(`Progressing True NewReplicaSetAvailable: ReplicaSet "${n}" has successfully progressed.`);
  });

  it("resolves fenceposts as upstream: 3 replicas roll with 4 pods at most and 3 available", () => {
    const f = setup();
    create(f, deployment("api", 3, "app:v1"));
    readyAll(f);
    setImage(f, "api", "app:v2");
    const [o, n] = replicaSets(f, "api");
    // maxSurge ceil(0.75) = 1, maxUnavailable floor(0.75) = 0: one extra pod, never fewer than 3 available.
    expect([o!.spec.replicas, n!.spec.replicas]).toEqual([3, 1]);
    readyAll(f);
    expect(replicaSets(f, "api").map((rs) => rs.spec.replicas)).toEqual([2, 2]);
  });

  it("scales proportionally when resized mid-rollout", () => {
    const f = setup();
    create(f, deployment("web", 10, "nginx:1.27"));
    readyAll(f);
    setImage(f, "web", "nginx:1.28");
    expect(replicaSets(f, "web").map((rs) => rs.spec.replicas)).toEqual([8, 5]);
    const res = f.admin.patch("deployments", "default", "web", { spec: { replicas: 20 } });
    expect(res.ok).toBe(true);
    f.settle();
    // 12 more to reach 20 + surge 5, split 8:5 by max-replicas 13 → +7 and +5.
    const [o, n] = replicaSets(f, "web");
    expect([o!.spec.replicas, n!.spec.replicas]).toEqual([15, 10]);
    expect(f.events("web").slice(-2)).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${o!.metadata.name} from 8 to 15`,
      `ScalingReplicaSet: Scaled up replica set ${n!.metadata.name} from 5 to 10`,
    ]);
    expect(o!.metadata.annotations?.["deployment.kubernetes.io/desired-replicas"]).toBe("20");
    expect(o!.metadata.annotations?.["deployment.kubernetes.io/max-replicas"]).toBe("25");
  });
});

describe("Deployment controller: scaling, history, undo, pause", () => {
  it("scales the only ReplicaSet and updates its annotations", () => {
    const f = setup();
    create(f, deployment("web", 3, "nginx:1.27"));
    readyAll(f);
    f.admin.patch("deployments", "default", "web", { spec: { replicas: 5 } });
    f.settle();
    const [rs] = replicaSets(f, "web");
    expect(rs!.spec.replicas).toBe(5);
    expect(rs!.metadata.annotations?.["deployment.kubernetes.io/desired-replicas"]).toBe("5");
    expect(rs!.metadata.annotations?.["deployment.kubernetes.io/max-replicas"]).toBe("7");
    expect(f.events("web").at(-1)).toBe(`ScalingReplicaSet: Scaled up replica set ${rs!.metadata.name} from 3 to 5`);
    expect(f.pods()).toHaveLength(5);
  });

  it("brings an old ReplicaSet back as the next revision when its template returns (rollout undo)", () => {
    const f = setup();
    create(f, deployment("web", 2, "nginx:1.27"));
    readyAll(f);
    setImage(f, "web", "nginx:1.28");
    for (let i = 0; i < 4; i++) readyAll(f);
    setImage(f, "web", "nginx:1.27");
    for (let i = 0; i < 4; i++) readyAll(f);
    const rss = replicaSets(f, "web");
    expect(rss).toHaveLength(2);
    const [first, second] = rss;
    expect(first!.spec.replicas).toBe(2);
    expect(first!.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
    expect(first!.metadata.annotations?.["deployment.kubernetes.io/revision-history"]).toBe("1");
    expect(second!.spec.replicas).toBe(0);
    expect(getDeploy(f, "web").metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
  });

  it("keeps revisionHistoryLimit old ReplicaSets and deletes older scaled-down ones", () => {
    const f = setup();
    create(f, deployment("web", 1, "app:v1", { revisionHistoryLimit: 1 }));
    readyAll(f);
    for (const v of ["v2", "v3", "v4"]) {
      setImage(f, "web", `app:${v}`);
      for (let i = 0; i < 4; i++) readyAll(f);
    }
    const rss = replicaSets(f, "web");
    expect(rss.map((rs) => rs.spec.template.spec.containers[0]!.image)).toEqual(["app:v3", "app:v4"]);
    expect(rss.map((rs) => rs.metadata.annotations?.["deployment.kubernetes.io/revision"])).toEqual(["3", "4"]);
  });

  it("does not roll out while paused, and says so in Progressing", () => {
    const f = setup();
    create(f, deployment("web", 2, "nginx:1.27"));
    readyAll(f);
    f.admin.patch("deployments", "default", "web", { spec: { paused: true } });
    f.settle();
    setImage(f, "web", "nginx:1.28");
    readyAll(f);
    expect(replicaSets(f, "web")).toHaveLength(1);
    expect(conditions(getDeploy(f, "web"))[1]).toBe("Progressing Unknown DeploymentPaused: Deployment is paused");
    f.admin.patch("deployments", "default", "web", { spec: { paused: false } });
    f.settle();
    expect(replicaSets(f, "web")).toHaveLength(2);
    expect(getDeploy(f, "web").status?.conditions?.find((c) => c.type === "Progressing")?.reason).not.toBe("DeploymentPaused");
  });

  it("marks the rollout timed out after progressDeadlineSeconds without progress", () => {
    const f = setup();
    create(f, deployment("web", 2, "nginx:1.27", { progressDeadlineSeconds: 30 }));
    const rsName = replicaSets(f, "web")[0]!.metadata.name!;
    // No pod ever becomes ready: nothing but the requeue looks at the deadline again.
    f.advance(30_000);
    expect(conditions(getDeploy(f, "web"))[1]).toBe(`Progressing True ReplicaSetUpdated: ReplicaSet "${rsName}" is progressing.`);
    f.advance(2_000);
    expect(conditions(getDeploy(f, "web"))[1]).toBe(`Progressing False ProgressDeadlineExceeded: ReplicaSet "${rsName}" has timed out progressing.`);
  });
});

describe("Deployment controller: Recreate", () => {
  it("scales the old ReplicaSet to zero and waits for its pods before creating the new one", () => {
    const f = setup();
    create(f, deployment("web", 3, "app:v1", { strategy: { type: "Recreate" } }));
    readyAll(f);
    const oldName = replicaSets(f, "web")[0]!.metadata.name!;
    setImage(f, "web", "app:v2");
    // Old pods are terminating (bound, 30 s grace): no new ReplicaSet yet.
    expect(replicaSets(f, "web").map((rs) => rs.spec.replicas)).toEqual([0]);
    expect(f.pods().every((p) => p.metadata.deletionTimestamp !== undefined)).toBe(true);
    f.finishTerminating();
    f.settle();
    const [, created] = replicaSets(f, "web");
    expect(created!.spec.replicas).toBe(3);
    expect(f.events("web")).toEqual([
      `ScalingReplicaSet: Scaled up replica set ${oldName} from 0 to 3`,
      `ScalingReplicaSet: Scaled down replica set ${oldName} from 3 to 0`,
      `ScalingReplicaSet: Scaled up replica set ${created!.metadata.name} from 0 to 3`,
    ]);
  });
});
