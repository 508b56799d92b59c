// RollingUpdate (pkg/controller/deployment/rolling.go): grow the new ReplicaSet
// while all pods stay within replicas + maxSurge, shrink old ones while at least
// replicas − maxUnavailable stay available, one step per sync; the next step
// waits for the ReplicaSet controller's status to show the pods.

import type { Deployment, ReplicaSet } from "../../api/apps-v1.ts";
import type { SyncResult } from "../controller.ts";
import { REQUEUE } from "../controller.ts";
import { byCreationTimestamp, filterActiveReplicaSets, maxUnavailable, newRSNewReplicas, specReplicas, sumAvailableReplicas, sumReplicas } from "./deployment-util.ts";
import { deploymentComplete, syncRolloutStatus } from "./progress.ts";
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent, type DeploymentSyncContext, type SyncError } from "./sync.ts";

type Step = { readonly scaled: boolean; readonly err?: SyncError };

function reconcileNewReplicaSet(ctx: DeploymentSyncContext, allRSs: readonly ReplicaSet[], newRS: ReplicaSet, d: Deployment): Step {
  const replicas = specReplicas(d);
  if (specReplicas(newRS) === replicas) return { scaled: false };
  if (specReplicas(newRS) > replicas) return scaleReplicaSetAndRecordEvent(ctx, newRS, replicas, d);
  return scaleReplicaSetAndRecordEvent(ctx, newRS, newRSNewReplicas(d, allRSs, newRS), d);
}

/** cleanupUnhealthyReplicas: unavailable pods of old ReplicaSets can go without lowering availability. */
function cleanupUnhealthyReplicas(ctx: DeploymentSyncContext, oldRSs: ReplicaSet[], d: Deployment, maxCleanupCount: number): { cleaned: number; err?: SyncError } {
  oldRSs.sort((a, b) => byCreationTimestamp(a, b, ctx.epochMs));
  let total = 0;
  for (const rs of oldRSs) {
    if (total >= maxCleanupCount) break;
    const available = rs.status?.availableReplicas ?? 0;
    if (specReplicas(rs) === 0 || specReplicas(rs) === available) continue;
    const count = Math.min(maxCleanupCount - total, specReplicas(rs) - available);
    const r = scaleReplicaSetAndRecordEvent(ctx, rs, specReplicas(rs) - count, d);
    if (r.err) return { cleaned: total, err: r.err };
    total += count;
  }
  return { cleaned: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate: oldest first, down to minAvailable available pods. */
function scaleDownOldReplicaSets(ctx: DeploymentSyncContext, allRSs: readonly ReplicaSet[], oldRSs: ReplicaSet[], d: Deployment): { scaledDown: number; err?: SyncError } {
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  const availablePods = sumAvailableReplicas(allRSs);
  if (availablePods <= minAvailable) return { scaledDown: 0 };
  oldRSs.sort((a, b) => byCreationTimestamp(a, b, ctx.epochMs));
  const target = availablePods - minAvailable;
  let total = 0;
  for (const rs of oldRSs) {
    if (total >= target) break;
    if (specReplicas(rs) === 0) continue;
    const count = Math.min(specReplicas(rs), target - total);
    const r = scaleReplicaSetAndRecordEvent(ctx, rs, specReplicas(rs) - count, d);
    if (r.err) return { scaledDown: total, err: r.err };
    total += count;
  }
  return { scaledDown: total };
}

function reconcileOldReplicaSets(ctx: DeploymentSyncContext, allRSs: readonly ReplicaSet[], oldRSs: ReplicaSet[], newRS: ReplicaSet, d: Deployment): Step {
  if (sumReplicas(oldRSs) === 0) return { scaled: false };
  const minAvailable = specReplicas(d) - maxUnavailable(d);
  // Unavailable new pods count against the budget too, or a crashlooping new
  // ReplicaSet would let the old ones shrink below minAvailable.
  const newRSUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = sumReplicas(allRSs) - minAvailable - newRSUnavailable;
  if (maxScaledDown <= 0) return { scaled: false };
  const cleanup = cleanupUnhealthyReplicas(ctx, oldRSs, d, maxScaledDown);
  // Upstream drops these errors and tries again next sync; so do we.
  if (cleanup.err) return { scaled: false };
  const down = scaleDownOldReplicaSets(ctx, [...oldRSs, newRS], oldRSs, d);
  if (down.err) return { scaled: false };
  return { scaled: cleanup.cleaned + down.scaledDown > 0 };
}

export function rolloutRolling(ctx: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[]): SyncResult {
  const got = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
  if ("code" in got) return REQUEUE;
  const newRS = got.newRS!;
  const allRSs = [...got.oldRSs, newRS];

  const up = reconcileNewReplicaSet(ctx, allRSs, newRS, d);
  if (up.err) return REQUEUE;
  if (up.scaled) return syncRolloutStatus(ctx, allRSs, newRS, d);

  const down = reconcileOldReplicaSets(ctx, allRSs, filterActiveReplicaSets(got.oldRSs), newRS, d);
  if (down.scaled) return syncRolloutStatus(ctx, allRSs, newRS, d);

  if (deploymentComplete(d, d.status) && cleanupDeployment(ctx, got.oldRSs, d)) return REQUEUE;
  return syncRolloutStatus(ctx, allRSs, newRS, d);
}
