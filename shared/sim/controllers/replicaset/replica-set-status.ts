// ReplicaSet status from the pods it owns (replica_set_utils.go calculateStatus
// and updateReplicaSetStatus): counts, the ReplicaFailure condition, and whether
// a write is needed at all.

import type { ReplicaSet, ReplicaSetStatus } from "../../api/apps-v1.ts";
import type { Pod } from "../../api/core-v1.ts";
import type { Condition, DeepReadonly } from "../../api/meta.ts";
import { clone, deepEqual } from "../../kernel/equal.ts";
import { isPodReady, podAvailableAt } from "../common/pod-util.ts";

export const REPLICA_FAILURE = "ReplicaFailure";
export const FAILED_CREATE_REASON = "FailedCreate";
export const FAILED_DELETE_REASON = "FailedDelete";

export interface CalculatedStatus {
  readonly status: ReplicaSetStatus;
  /** Earliest sim ms at which a ready pod becomes available (minReadySeconds), if any. */
  readonly nextAvailableAt?: number;
}

export interface ManageReplicasError {
  readonly message: string;
}

/**
 * status as Go serialises it: replicas always, the other counts only when non-zero
 * (omitempty), conditions only when there are some.
 */
export function calculateStatus(
  rs: DeepReadonly<ReplicaSet>,
  filteredPods: readonly DeepReadonly<Pod>[],
  manageReplicasErr: ManageReplicasError | undefined,
  nowMs: number,
  now: string,
  epochMs: number,
): CalculatedStatus {
  const templateLabels = rs.spec.template.metadata?.labels ?? {};
  const minReadySeconds = rs.spec.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  let nextAvailableAt: number | undefined;
  for (const pod of filteredPods) {
    const labels = pod.metadata.labels ?? {};
    if (Object.entries(templateLabels).every(([k, v]) => labels[k] === v)) fullyLabeled++;
    if (!isPodReady(pod)) continue;
    ready++;
    const at = podAvailableAt(pod, minReadySeconds, epochMs);
    if (at === undefined) continue;
    if (at <= nowMs) available++;
    else if (nextAvailableAt === undefined || at < nextAvailableAt) nextAvailableAt = at;
  }

  let conditions = clone((rs.status?.conditions ?? []) as Condition[]);
  const failure = conditions.find((c) => c.type === REPLICA_FAILURE);
  if (manageReplicasErr && !failure) {
    const diff = filteredPods.length - (rs.spec.replicas ?? 1);
    const reason = diff < 0 ? FAILED_CREATE_REASON : diff > 0 ? FAILED_DELETE_REASON : "";
    conditions.push({ type: REPLICA_FAILURE, status: "True", lastTransitionTime: now, reason, message: manageReplicasErr.message });
  } else if (!manageReplicasErr && failure) {
    conditions = conditions.filter((c) => c.type !== REPLICA_FAILURE);
  }

  const status: ReplicaSetStatus = { replicas: filteredPods.length };
  if (fullyLabeled > 0) status.fullyLabeledReplicas = fullyLabeled;
  if (ready > 0) status.readyReplicas = ready;
  if (available > 0) status.availableReplicas = available;
  if (rs.status?.observedGeneration) status.observedGeneration = rs.status.observedGeneration;
  if (conditions.length > 0) status.conditions = conditions;
  return { status, nextAvailableAt };
}

/** updateReplicaSetStatus's steady-state check: nothing to write. */
export function statusUnchanged(rs: DeepReadonly<ReplicaSet>, next: ReplicaSetStatus): boolean {
  const cur = rs.status;
  return (
    (cur?.replicas ?? 0) === next.replicas &&
    (cur?.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0) &&
    (cur?.readyReplicas ?? 0) === (next.readyReplicas ?? 0) &&
    (cur?.availableReplicas ?? 0) === (next.availableReplicas ?? 0) &&
    rs.metadata.generation === cur?.observedGeneration &&
    deepEqual(cur?.conditions ?? [], next.conditions ?? [])
  );
}
