// Pod predicates the workload controllers share (pkg/api/v1/pod/util.go and
// controller_utils.go): active, ready, available after minReadySeconds.

import type { Pod } from "../../api/core-v1.ts";
import type { Condition, DeepReadonly } from "../../api/meta.ts";
import { parseTime } from "../../kernel/time.ts";

type PodView = DeepReadonly<Pod>;

/** Counts toward a controller's replicas: not finished and not being deleted (IsPodActive). */
export function isPodActive(pod: PodView): boolean {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && pod.metadata.deletionTimestamp === undefined;
}

export function podReadyCondition(pod: PodView): DeepReadonly<Condition> | undefined {
  return pod.status?.conditions?.find((c) => c.type === "Ready");
}

export function isPodReady(pod: PodView): boolean {
  return podReadyCondition(pod)?.status === "True";
}

/**
 * Simulated ms from which a ready pod counts as available: Ready since
 * lastTransitionTime, and strictly more than minReadySeconds ago (IsPodAvailable
 * uses Time.Before). undefined when not ready.
 */
export function podAvailableAt(pod: PodView, minReadySeconds: number, epochMs: number): number | undefined {
  const ready = podReadyCondition(pod);
  if (ready?.status !== "True") return undefined;
  if (minReadySeconds === 0) return Number.NEGATIVE_INFINITY;
  const since = ready.lastTransitionTime === undefined ? Number.NaN : parseTime(epochMs, ready.lastTransitionTime);
  // A ready pod without a transition time never becomes available when minReadySeconds is set.
  if (Number.isNaN(since)) return undefined;
  return since + minReadySeconds * 1000 + 1;
}
