import { describe, expect, it } from "vitest";
import { runKubectl } from "../../../kubectl/kubectl.ts";
import { Cluster } from "../../cluster.ts";

function cluster() {
  const c = new Cluster({ seed: 1, nodes: [{ name: "node-1", zone: "zone-a", cpu: "4", memory: "8Gi", index: 1 }] });
  const env = { client: c.admin, clock: c.clock, epochMs: c.epochMs };
  const run = (line: string, stdin?: string) => {
    const r = runKubectl(env, line, stdin);
    c.settle();
    return r;
  };
  return { c, run };
}

const used = (c: Cluster) => {
  const r = c.admin.get("resourcequotas", "default", "compute");
  return r.ok ? r.object.status : undefined;
};

describe("resourcequota controller", () => {
  it("fills hard and used, and follows pods as they come, end and go", () => {
    const { c, run } = cluster();
    run("kubectl run a --image=nginx");
    run("kubectl create quota compute --hard=pods=3,count/pods=5,limits.memory=1Gi,count/deployments.apps=2");
    expect(used(c)).toEqual({ hard: { "count/deployments.apps": "2", "count/pods": "5", "limits.memory": "1Gi", pods: "3" }, used: { "count/deployments.apps": "0", "count/pods": "1", "limits.memory": "0", pods: "1" } });
    // A quota on limits.memory wants every new container to state one.
    expect(run("kubectl run b --image=nginx").stderr).toBe('Error from server (Forbidden): pods "b" is forbidden: failed quota: compute: must specify limits.memory for: b\n');
    run("kubectl create deployment web --image=nginx");
    expect(used(c)?.used).toEqual({ "count/deployments.apps": "1", "count/pods": "1", "limits.memory": "0", pods: "1" });
    run("kubectl create -f -", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: c\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources:\n      limits:\n        memory: 256Mi\n");
    expect(used(c)?.used).toEqual({ "count/deployments.apps": "1", "count/pods": "2", "limits.memory": "256Mi", pods: "2" });
    run("kubectl delete pod a --wait=false");
    c.runFor(60_000);
    expect(used(c)?.used).toEqual({ "count/deployments.apps": "1", "count/pods": "1", "limits.memory": "256Mi", pods: "1" });
  });

  it("shows a Deployment refused by quota as the ReplicaSet's FailedCreate", () => {
    const { run } = cluster();
    run("kubectl create quota compute --hard=pods=1");
    run("kubectl create deployment web --image=nginx --replicas=2");
    const rs = run("kubectl get rs -o jsonpath={.items[0].status.conditions[0].message}").stdout;
    expect(rs).toMatch(/^pods "web-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=1, limited: pods=1$/);
    expect(run("kubectl get quota").stdout).toBe("NAME      AGE   REQUEST     LIMIT\ncompute   0s    pods: 1/1   \n");
  });
});
