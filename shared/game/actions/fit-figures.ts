// The figures behind "Insufficient cpu", as a player needs them on a refused
// drop: what the pod asks for and what the node has left ("needs 500m, 200m
// free"). The reasons stay kube-scheduler's words; these only follow them.

import type { InsufficientResource } from "../../sim/scheduler/plugins/noderesources/fit.ts";

const GI = 1024 ** 3;
const MI = 1024 ** 2;
const KI = 1024;

/** A quantity as people write it: cores or millicores, binary-suffixed bytes, plain counts. */
export function formatAmount(resourceName: string, value: number): string {
  if (resourceName === "cpu") return value % 1000 === 0 ? String(value / 1000) : `${value}m`;
  if (resourceName === "memory" || resourceName === "ephemeral-storage") {
    if (value !== 0 && value % GI === 0) return `${value / GI}Gi`;
    if (value !== 0 && value % MI === 0) return `${value / MI}Mi`;
    if (value !== 0 && value % KI === 0) return `${value / KI}Ki`;
  }
  return String(value);
}

/** "Insufficient cpu (needs 500m, 200m free)"; a pod bigger than the node says so. */
export function describeInsufficient(r: InsufficientResource): string {
  const free = Math.max(0, r.capacity - r.used);
  const needs = formatAmount(r.resourceName, r.requested);
  if (r.unresolvable) return `${r.reason} (needs ${needs}, the node has ${formatAmount(r.resourceName, r.capacity)} in all)`;
  return `${r.reason} (needs ${needs}, ${formatAmount(r.resourceName, free)} free)`;
}
