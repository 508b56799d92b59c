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

describe("clusterrole aggregation controller", () => {
  it("keeps an aggregated role's rules the union of the labelled roles', by name", () => {
    const { c, run } = cluster();
    run("kubectl create clusterrole monitoring --aggregation-rule=team=a");
    run("kubectl create clusterrole b-list --verb=list --resource=pods,deployments.apps");
    run("kubectl create clusterrole a-get --verb=get --resource=pods");
    run("kubectl label clusterrole b-list a-get team=a");
    const rules = () => {
      const r = c.admin.get("clusterroles", undefined, "monitoring");
      return r.ok ? r.object.rules : undefined;
    };
    expect(rules()).toEqual([
      { verbs: ["get"], apiGroups: [""], resources: ["pods"] },
      { verbs: ["list"], apiGroups: [""], resources: ["pods"] },
      { verbs: ["list"], apiGroups: ["apps"], resources: ["deployments"] },
    ]);
    run("kubectl label clusterrole a-get team-");
    expect(rules()).toEqual([
      { verbs: ["list"], apiGroups: [""], resources: ["pods"] },
      { verbs: ["list"], apiGroups: ["apps"], resources: ["deployments"] },
    ]);
  });
});
