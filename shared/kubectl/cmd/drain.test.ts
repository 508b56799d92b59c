import { describe, expect, it } from "vitest";
import type { KubeObject } from "../../sim/api/meta.ts";
import { TestCluster, blocking, webCluster } from "../test-fixture.ts";

/** What the kubelet does once a pod's containers have stopped: the graceful delete finishes. */
function finish(c: TestCluster, name: string, namespace = "default"): void {
  c.must(c.client.delete("pods", namespace, name, { gracePeriodSeconds: 0 }));
}

const daemonSet: KubeObject = { apiVersion: "apps/v1", kind: "DaemonSet", metadata: { name: "kube-proxy", namespace: "kube-system", uid: "9c1f2a55-0d4e-4c3b-9a6f-1e2d3c4b5a69" } };

describe("kubectl cordon and uncordon", () => {
  it("cordons once, then says already", () => {
    const { c } = webCluster();
    expect(c.run("kubectl cordon n1")).toEqual({ stdout: "node/n1 cordoned\n", stderr: "", exitCode: 0 });
    expect(c.run("kubectl cordon n1").stdout).toBe("node/n1 already cordoned\n");
    expect(c.run("kubectl get node n1 --no-headers").stdout).toBe("n1    Ready,SchedulingDisabled   control-plane   6m35s   v1.34.10\n");
    expect(c.run("kubectl uncordon n1 worker-2").stdout).toBe("node/n1 uncordoned\nnode/worker-2 uncordoned\n");
    expect(c.run("kubectl uncordon node/n1").stdout).toBe("node/n1 already uncordoned\n");
    const n1 = c.client.get("nodes", undefined, "n1");
    expect(n1.ok && n1.object.spec.unschedulable).toBeUndefined();
  });

  it("needs a node", () => {
    const { c } = webCluster();
    expect(c.run("kubectl cordon")).toEqual({ stdout: "", stderr: "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n", exitCode: 1 });
    expect(c.run("kubectl cordon nope")).toEqual({ stdout: "", stderr: 'Error from server (NotFound): nodes "nope" not found\n', exitCode: 1 });
  });
});

describe("kubectl drain", () => {
  it("cordons, evicts the node's pods, says evicted as each is gone, then drained", () => {
    const { c } = webCluster();
    // The kubelet stops x2kqp's containers after 2 s, ab3cd's after 3 s.
    const con = blocking(c, (t) => {
      if (t === 2000) finish(c, "web-7b9f6c5d48-x2kqp");
      if (t === 3000) finish(c, "web-7b9f6c5d48-ab3cd");
    });
    expect(con.run("kubectl drain n1")).toEqual({
      stdout:
        "node/n1 cordoned\n" +
        "evicting pod default/web-7b9f6c5d48-ab3cd\n" +
        "evicting pod default/web-7b9f6c5d48-x2kqp\n" +
        "pod/web-7b9f6c5d48-x2kqp evicted\n" +
        "pod/web-7b9f6c5d48-ab3cd evicted\n" +
        "node/n1 drained\n",
      stderr: "",
      exitCode: 0,
    });
    expect(con.waited()).toBe(3000);
    expect(c.run("kubectl get pods").stderr).toBe("No resources found in default namespace.\n");
  });

  it("in the shared room, says which pods are still terminating; a second drain does not restart their grace period", () => {
    const { c } = webCluster();
    expect(c.run("kubectl drain n1")).toEqual({
      stdout: "node/n1 cordoned\nevicting pod default/web-7b9f6c5d48-ab3cd\nevicting pod default/web-7b9f6c5d48-x2kqp\n",
      stderr: 'error: "kubectl drain" cannot block in the shared game console; still terminating: default/web-7b9f6c5d48-ab3cd, default/web-7b9f6c5d48-x2kqp\n',
      exitCode: 1,
    });
    expect(c.run("kubectl get pods --no-headers").stdout).toBe(
      "web-7b9f6c5d48-ab3cd   1/1   Terminating   0     95s\nweb-7b9f6c5d48-x2kqp   1/1   Terminating   0     95s\n",
    );
    const before = c.must(c.client.get("pods", "default", "web-7b9f6c5d48-ab3cd")).metadata;
    c.advance(5000);
    expect(c.run("kubectl drain n1").stdout).toBe("node/n1 already cordoned\nevicting pod default/web-7b9f6c5d48-ab3cd\nevicting pod default/web-7b9f6c5d48-x2kqp\n");
    const after = c.must(c.client.get("pods", "default", "web-7b9f6c5d48-ab3cd")).metadata;
    expect([after.deletionTimestamp, after.resourceVersion]).toEqual([before.deletionTimestamp, before.resourceVersion]);
  });

  it("stops at DaemonSet pods until --ignore-daemonsets (reference 8.6)", () => {
    const { c } = webCluster();
    c.pod("kube-proxy-8zqvt", { namespace: "kube-system", node: "n1", owner: daemonSet });
    expect(c.run("kubectl drain n1")).toEqual({
      stdout: "node/n1 cordoned\n",
      stderr:
        'error: unable to drain node "n1" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-8zqvt, continuing command...\n' +
        "There are pending nodes to be drained:\n n1\n" +
        "cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/kube-proxy-8zqvt\n",
      exitCode: 1,
    });
    const con = blocking(c, (t) => {
      if (t === 1000) for (const p of ["web-7b9f6c5d48-ab3cd", "web-7b9f6c5d48-x2kqp"]) finish(c, p);
    });
    expect(con.run("kubectl drain n1 --ignore-daemonsets")).toEqual({
      stdout:
        "node/n1 already cordoned\n" +
        "evicting pod default/web-7b9f6c5d48-ab3cd\n" +
        "evicting pod default/web-7b9f6c5d48-x2kqp\n" +
        "pod/web-7b9f6c5d48-ab3cd evicted\n" +
        "pod/web-7b9f6c5d48-x2kqp evicted\n" +
        "node/n1 drained\n",
      stderr: "Warning: ignoring DaemonSet-managed Pods: kube-system/kube-proxy-8zqvt\n",
      exitCode: 0,
    });
    expect(c.run("kubectl get pod kube-proxy-8zqvt -n kube-system --no-headers").stdout).toBe("kube-proxy-8zqvt   1/1   Running   0     1s\n");
  });

  it("needs --force for bare pods and --delete-emptydir-data for emptyDir pods", () => {
    const c = new TestCluster();
    c.node("n1");
    const bare = c.pod("bare", { node: "n1" });
    void bare;
    const owner: KubeObject = { apiVersion: "apps/v1", kind: "ReplicaSet", metadata: { name: "cache-5d8f9", namespace: "default", uid: "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9" } };
    const scratch = c.create("pods", {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "cache-5d8f9-q7w2x", namespace: "default", ownerReferences: [{ apiVersion: "apps/v1", kind: "ReplicaSet", name: owner.metadata.name!, uid: owner.metadata.uid!, controller: true }] },
      spec: { nodeName: "n1", containers: [{ name: "redis", image: "redis:7" }], volumes: [{ name: "scratch", emptyDir: {} }] },
    });
    void scratch;
    expect(c.run("kubectl drain n1")).toEqual({
      stdout: "node/n1 cordoned\n",
      stderr:
        'error: unable to drain node "n1" due to error: [cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare, cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache-5d8f9-q7w2x], continuing command...\n' +
        "There are pending nodes to be drained:\n n1\n" +
        "cannot delete cannot delete Pods that declare no controller (use --force to override): default/bare\n" +
        "cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache-5d8f9-q7w2x\n",
      exitCode: 1,
    });
    const con = blocking(c, (t) => {
      if (t === 1000) for (const p of ["bare", "cache-5d8f9-q7w2x"]) finish(c, p);
    });
    expect(con.run("kubectl drain n1 --force --delete-emptydir-data")).toEqual({
      stdout: "node/n1 already cordoned\nevicting pod default/bare\nevicting pod default/cache-5d8f9-q7w2x\npod/bare evicted\npod/cache-5d8f9-q7w2x evicted\nnode/n1 drained\n",
      stderr: "Warning: deleting Pods that declare no controller: default/bare\n",
      exitCode: 0,
    });
  });

  it("leaves finished pods alone in its checks and evicts them", () => {
    const c = new TestCluster();
    c.node("n1");
    c.pod("job-done", { node: "n1", phase: "Succeeded", statuses: [{ state: { terminated: { exitCode: 0, reason: "Completed" } }, ready: false }] });
    expect(c.run("kubectl drain n1").stdout).toBe("node/n1 cordoned\nevicting pod default/job-done\npod/job-done evicted\nnode/n1 drained\n");
    expect(c.run("kubectl get pods").stderr).toBe("No resources found in default namespace.\n");
  });

  it("needs a node", () => {
    const { c } = webCluster();
    expect(c.run("kubectl drain")).toEqual({ stdout: "", stderr: "error: USAGE: drain NODE [flags]\nSee 'kubectl drain -h' for help and examples\n", exitCode: 1 });
  });
});
