// Turns a validated scenario into a running cluster.

import { Cluster, type ClusterNodeConfig } from "../../sim/cluster.ts";
import type { Scenario } from "./scenario.ts";
import { hostsBinding, playersBinding } from "../players.ts";

export function nodeConfigs(scenario: Scenario): ClusterNodeConfig[] {
  return scenario.nodes.map((n, index) => ({
    name: n.name,
    zone: n.zone,
    cpu: n.cpu,
    memory: n.memory,
    pods: n.pods,
    labels: n.labels,
    taints: n.taints,
    unschedulable: n.unschedulable,
    index,
  }));
}

/** A fresh cluster for the scenario; `seed` overrides the scenario's own. */
export function buildCluster(scenario: Scenario, seed = scenario.seed): Cluster {
  return new Cluster({
    seed,
    epochMs: scenario.epochMs,
    nodes: nodeConfigs(scenario),
    schedulerActive: scenario.schedulerActive,
    quotaBackendBytes: scenario.quotaBackendBytes,
    // Players act as themselves; in the scenarios so far they run the cluster, and the host always does.
    objects: [hostsBinding(), playersBinding("cluster-admin"), ...scenario.objects],
  });
}
