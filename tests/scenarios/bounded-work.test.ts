// One console line must not take a room down: scaling the sandbox's Deployment to
// 2^31-1 replicas is paced by kube-controller-manager's client rate limit (20
// creates a simulated second) and, at the end, stopped by etcd's quota, whose
// refusal the player sees as kube-apiserver answers it. Reads keep working.

import { describe, expect, it } from "vitest";
import { loadCatalog } from "../../server/scenarios.ts";
import { playerUser } from "../../shared/game/players.ts";
import { Session } from "../../shared/game/session.ts";

const catalog = loadCatalog();
const alice = playerUser("alice");

describe("kubectl scale deployment web --replicas=2147483647", () => {
  it("creates pods at the controller's client rate, not all at once", () => {
    const s = new Session(catalog.get("sandbox")!);
    expect(s.kubectl(alice, "kubectl scale deployment web --replicas=2147483647").stdout).toBe("deployment.apps/web scaled\n");
    s.runFor(60_000);
    const pods = s.kubectl(alice, "kubectl get pods --no-headers | wc -l").stdout;
    // The ReplicaSet's first 30 from the bucket, then 20 a second (a few ms of slack for the step boundaries).
    expect(Number(pods)).toBeGreaterThanOrEqual(6 + 30 + 59 * 20);
    expect(Number(pods)).toBeLessThanOrEqual(6 + 30 + 60 * 20);
  });

  it("ends in etcd refusing writes past --quota-backend-bytes, with the NOSPACE alarm raised", () => {
    const s = new Session({ ...catalog.get("sandbox")!, quotaBackendBytes: 4 * 1024 ** 2 });
    s.kubectl(alice, "kubectl scale deployment web --replicas=2147483647");
    s.runFor(120_000);
    expect(s.cluster.etcd.alarms()).toEqual([{ memberID: s.cluster.etcd.members[0]!.id, alarm: "NOSPACE" }]);
    expect(s.kubectl(alice, "kubectl scale deployment web --replicas=3")).toMatchObject({
      stdout: "",
      stderr: "Error from server: etcdserver: mvcc: database space exceeded\n",
      exitCode: 1,
    });
    const pods = s.kubectl(alice, "kubectl get pods --no-headers | wc -l");
    expect(pods.exitCode).toBe(0);
    // Nothing is created any more.
    s.runFor(10_000);
    expect(s.kubectl(alice, "kubectl get pods --no-headers | wc -l").stdout).toBe(pods.stdout);
  });
});
