// Zones and their disruption states (node_lifecycle_controller.go ComputeZoneState and friends):
// the node controller taints nodes zone by zone, slowing down when much of a zone is unhealthy
// and stopping entirely when every node of every zone is, on the theory that the control plane,
// not the whole fleet, is what broke.

import type { Node } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";

export type ZoneState = "Initial" | "Normal" | "FullDisruption" | "PartialDisruption";

export const LABEL_TOPOLOGY_ZONE = "topology.kubernetes.io/zone";
export const LABEL_TOPOLOGY_REGION = "topology.kubernetes.io/region";
const LABEL_FAILURE_DOMAIN_BETA_ZONE = "failure-domain.beta.kubernetes.io/zone";
const LABEL_FAILURE_DOMAIN_BETA_REGION = "failure-domain.beta.kubernetes.io/region";
/** Nodes with this label never count towards a zone's health. */
export const LABEL_NODE_DISRUPTION_EXCLUSION = "node.kubernetes.io/exclude-disruption";

/** nodetopology.GetZoneKey: "" without topology labels, else region + ":\0:" + zone. */
export function getZoneKey(node: DeepReadonly<Node>): string {
  const labels = node.metadata.labels;
  if (!labels) return "";
  const zone = labels[LABEL_TOPOLOGY_ZONE] ?? labels[LABEL_FAILURE_DOMAIN_BETA_ZONE] ?? "";
  const region = labels[LABEL_TOPOLOGY_REGION] ?? labels[LABEL_FAILURE_DOMAIN_BETA_REGION] ?? "";
  if (region === "" && zone === "") return "";
  return `${region}:\u0000:${zone}`;
}

export function isNodeExcludedFromDisruptionChecks(node: DeepReadonly<Node>): boolean {
  return node.metadata.labels?.[LABEL_NODE_DISRUPTION_EXCLUSION] !== undefined;
}

/**
 * ComputeZoneState from the Ready statuses of a zone's nodes (undefined: no Ready condition):
 * no Ready node is a full disruption; more than 2 and at least `unhealthyZoneThreshold` of them
 * not Ready is a partial one.
 */
export function computeZoneState(readyStatuses: readonly (string | undefined)[], unhealthyZoneThreshold: number): { unhealthy: number; state: ZoneState } {
  let ready = 0;
  let notReady = 0;
  for (const s of readyStatuses) {
    if (s === "True") ready++;
    else notReady++;
  }
  if (ready === 0 && notReady > 0) return { unhealthy: notReady, state: "FullDisruption" };
  // float32 in upstream, so a ratio equal to the threshold compares as it does there.
  if (notReady > 2 && Math.fround(notReady / (notReady + ready)) >= Math.fround(unhealthyZoneThreshold)) return { unhealthy: notReady, state: "PartialDisruption" };
  return { unhealthy: notReady, state: "Normal" };
}
