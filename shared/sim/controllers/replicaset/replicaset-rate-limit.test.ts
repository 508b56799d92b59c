import { describe, expect, it } from "vitest";
import type { ReplicaSet } from "../../api/apps-v1.ts";
import { RATE_LIMITS } from "../../clientgo/rate-limiter.ts";
import { ADMIN, must, newControllerFixture } from "../common/testing.ts";
import { newReplicaSetController } from "./replicaset-controller.ts";

function replicaSet(replicas: number): ReplicaSet {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "web", namespace: "default" },
    spec: { replicas, selector: { matchLabels: { app: "web" } }, template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "nginx", image: "nginx:1.27" }] } } },
  };
}

const setup = () => newControllerFixture([["replicaset-controller", newReplicaSetController]], 1, RATE_LIMITS.kubeControllerManager);

describe("ReplicaSet controller under kube-controller-manager's client rate limit (20 qps, burst 30)", () => {
  it("sends its burst at the client's pace, writes status when the burst is sent, and never reports a failure", () => {
    const f = setup();
    must(f.admin.create("replicasets", "default", replicaSet(100)));
    f.settle();
    // The bucket's 30 tokens: slow-start batches 1, 2, 4, 8 and 15 of the 16.
    expect(f.pods()).toHaveLength(30);
    expect(must(f.api.get(ADMIN, "replicasets", "default", "web")).status).toEqual({ replicas: 0 });
    f.advance(1_000);
    expect(f.pods()).toHaveLength(50);
    f.advance(2_500);
    expect(f.pods()).toHaveLength(100);
    f.advance(500);
    expect(must(f.api.get(ADMIN, "replicasets", "default", "web")).status?.replicas).toBe(100);
    // The event correlator merges the creates' events; nothing but creates is reported.
    expect(f.events("web").filter((e) => !e.startsWith("SuccessfulCreate"))).toEqual([]);
  });

  it("keeps 2^31-1 replicas to 20 pods a simulated second", () => {
    const f = setup();
    must(f.admin.create("replicasets", "default", replicaSet(2_147_483_647)));
    f.settle();
    f.advance(10_000);
    expect(f.pods()).toHaveLength(30 + 10 * 20);
  });

  it("deletes at the same pace when scaled down", () => {
    const f = setup();
    must(f.admin.create("replicasets", "default", replicaSet(60)));
    f.advance(10_000);
    expect(f.pods()).toHaveLength(60);
    must(f.admin.patch("replicasets", "default", "web", { spec: { replicas: 0 } }));
    f.settle();
    // Pods never bound to a node go at once, so what is left is what the limiter has not let through yet.
    expect(f.pods()).toHaveLength(30);
    f.advance(1_000);
    expect(f.pods()).toHaveLength(10);
    f.advance(1_000);
    expect(f.pods()).toHaveLength(0);
  });
});
