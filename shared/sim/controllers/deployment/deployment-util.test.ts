import { describe, expect, it } from "vitest";
import type { Deployment, ReplicaSet } from "../../api/apps-v1.ts";
import { getValueFromIntOrPercent, maxSurge, maxUnavailable, newRSNewReplicas, resolveFenceposts, setNewReplicaSetAnnotations } from "./deployment-util.ts";

function deploy(replicas: number, surge?: number | string, unavailable?: number | string, type: "RollingUpdate" | "Recreate" = "RollingUpdate"): Deployment {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", annotations: { "kubernetes.io/change-cause": "kubectl set image", "deployment.kubernetes.io/revision": "9" } },
    spec: {
      replicas,
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "c", image: "nginx" }] } },
      strategy: type === "Recreate" ? { type } : { type, rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
    },
  };
}

function rs(replicas: number, annotations?: Record<string, string>): ReplicaSet {
  return { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: `rs-${replicas}`, annotations }, spec: { replicas, selector: {}, template: { spec: { containers: [] } } } };
}

describe("rolling update fenceposts", () => {
  const table: [string, number, number | string, number | string, number, number][] = [
    ["3 replicas, 25%/25%: 4 max, 3 available", 3, "25%", "25%", 1, 0],
    ["10 replicas, 25%/25%: 13 max, 8 available", 10, "25%", "25%", 3, 2],
    ["1 replica, 25%/25%", 1, "25%", "25%", 1, 0],
    ["both round to 0: unavailable becomes 1", 10, 0, "5%", 0, 1],
    ["absolute numbers", 10, 2, 4, 2, 4],
    ["unavailable capped at replicas", 2, 0, 5, 0, 2],
  ];
  for (const [name, replicas, surge, unavailable, wantSurge, wantUnavailable] of table) {
    it(name, () => {
      const d = deploy(replicas, surge, unavailable);
      expect(maxSurge(d)).toBe(wantSurge);
      expect(maxUnavailable(d)).toBe(wantUnavailable);
    });
  }

  it("rounds percentages up for surge and down for unavailability", () => {
    expect(getValueFromIntOrPercent("25%", 10, true)).toBe(3);
    expect(getValueFromIntOrPercent("25%", 10, false)).toBe(2);
    expect(resolveFenceposts(undefined, undefined, 5)).toEqual({ surge: 0, unavailable: 1 });
  });

  it("Recreate has neither surge nor unavailability budget", () => {
    const d = deploy(4, undefined, undefined, "Recreate");
    expect([maxSurge(d), maxUnavailable(d)]).toEqual([0, 0]);
  });
});

describe("newRSNewReplicas", () => {
  it("grows the new ReplicaSet up to replicas + surge pods in all", () => {
    const d = deploy(10, "25%", "25%");
    const newRS = rs(0);
    expect(newRSNewReplicas(d, [rs(10), newRS], newRS)).toBe(3);
    const grown = rs(3);
    expect(newRSNewReplicas(d, [rs(8), grown], grown)).toBe(5);
    const full = rs(5);
    expect(newRSNewReplicas(d, [rs(8), full], full)).toBe(5);
    expect(newRSNewReplicas(deploy(10, undefined, undefined, "Recreate"), [newRS], newRS)).toBe(10);
  });
});

describe("setNewReplicaSetAnnotations", () => {
  it("copies the Deployment's own annotations but not the controller's, and sets the replica annotations on create", () => {
    const target = rs(0);
    expect(setNewReplicaSetAnnotations(deploy(10, "25%", "25%"), target, 3, false)).toBe(true);
    expect(target.metadata.annotations).toEqual({
      "kubernetes.io/change-cause": "kubectl set image",
      "deployment.kubernetes.io/revision": "3",
      "deployment.kubernetes.io/desired-replicas": "10",
      "deployment.kubernetes.io/max-replicas": "13",
    });
  });

  it("records former revisions when an old ReplicaSet becomes the newest again", () => {
    const d = deploy(1, "25%", "25%");
    const target = rs(0, { "deployment.kubernetes.io/revision": "1" });
    setNewReplicaSetAnnotations(d, target, 3, true);
    expect(target.metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("3");
    expect(target.metadata.annotations?.["deployment.kubernetes.io/revision-history"]).toBe("1");
    setNewReplicaSetAnnotations(d, target, 5, true);
    expect(target.metadata.annotations?.["deployment.kubernetes.io/revision-history"]).toBe("1,3");
    // Never lowers a revision.
    expect(setNewReplicaSetAnnotations(d, target, 4, true)).toBe(false);
  });
});
