import { describe, expect, it } from "vitest";
import { Cluster } from "../../sim/cluster.ts";
import { runKubectl, type KubectlResult } from "../kubectl.ts";

/** A console that can block, on a whole cluster: each command settles it, as the session does. */
function console(canWait: boolean): { c: Cluster; run: (line: string) => KubectlResult } {
  const c = new Cluster({ seed: 3, nodes: [{ name: "node-1", zone: "zone-a", cpu: "4", memory: "8Gi", index: 1 }] });
  const env = { client: c.admin, clock: c.clock, epochMs: c.epochMs, ...(canWait ? { wait: (ms: number) => c.runFor(ms) } : {}) };
  return {
    c,
    run: (line) => {
      const r = runKubectl(env, line);
      c.settle();
      return r;
    },
  };
}

describe("kubectl delete namespace", () => {
  it("shows Terminating with the deleter's conditions, then the namespace is gone", () => {
    const { c, run } = console(false);
    expect(run("kubectl create ns team-a").stdout).toBe("namespace/team-a created\n");
    expect(run("kubectl get sa -n team-a").stdout).toMatch(/^NAME\s+SECRETS\s+AGE\ndefault\s+0\s+0s\n$/);
    run("kubectl create deployment web --image=nginx:1.27 -n team-a");
    c.runFor(20_000);
    expect(run("kubectl delete ns team-a")).toMatchObject({ stdout: 'namespace "team-a" deleted\n', stderr: "", exitCode: 0 });
    expect(run("kubectl get ns team-a").stdout).toMatch(/^NAME\s+STATUS\s+AGE\nteam-a\s+Terminating\s+20s\n$/);
    expect(run("kubectl run tmp --image=busybox -n team-a")).toMatchObject({
      stdout: "",
      stderr: 'Error from server (Forbidden): pods "tmp" is forbidden: unable to create new content in namespace team-a because it is being terminated\n',
      exitCode: 1,
    });
    c.runFor(6_000);
    const described = run("kubectl describe ns team-a").stdout;
    expect(described).toContain("Status:       Terminating\nConditions:\n");
    expect(described).toMatch(/NamespaceContentRemaining\s+True\s+.*SomeResourcesRemain\s+Some resources are remaining: pods\. has 1 resource instances\n/);
    expect(described).toMatch(/NamespaceDeletionDiscoveryFailure\s+False\s+.*ResourcesDiscovered\s+All resources successfully discovered\n/);
    c.runFor(30_000);
    expect(run("kubectl get ns team-a")).toMatchObject({ stdout: "", stderr: 'Error from server (NotFound): namespaces "team-a" not found\n', exitCode: 1 });
  });

  it("waits for the namespace to be gone where the console can block, and refuses the system namespaces", () => {
    const { c, run } = console(true);
    run("kubectl create ns team-a");
    run("kubectl create deployment web --image=nginx:1.27 -n team-a");
    c.runFor(20_000);
    const before = c.now;
    expect(run("kubectl delete ns team-a")).toMatchObject({ stdout: 'namespace "team-a" deleted\n', stderr: "", exitCode: 0 });
    expect(c.admin.get("namespaces", undefined, "team-a").ok).toBe(false);
    expect(c.now - before).toBeGreaterThan(5_000);
    expect(run("kubectl delete ns kube-system --wait=false")).toMatchObject({
      stdout: "",
      stderr: 'Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted\n',
      exitCode: 1,
    });
  });
});
