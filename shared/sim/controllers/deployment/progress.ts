// Rollout progress (pkg/controller/deployment/progress.go): the Progressing
// condition moves with every sign of progress, turns NewReplicaSetAvailable when
// the rollout completes and ProgressDeadlineExceeded when nothing has moved for
// progressDeadlineSeconds. A stalled rollout has no event to wake it, so the
// sync asks to be run again when its deadline falls due.

import type { Deployment, DeploymentStatus, ReplicaSet } from "../../api/apps-v1.ts";
import type { Condition } from "../../api/meta.ts";
import { deepEqual } from "../../kernel/equal.ts";
import { parseTime } from "../../kernel/time.ts";
import { DONE, REQUEUE, requeueAfter, type SyncResult } from "../controller.ts";
import {
  DEPLOYMENT_PROGRESSING,
  DEPLOYMENT_REPLICA_FAILURE,
  NEW_RS_AVAILABLE_REASON,
  REPLICA_SET_UPDATED_REASON,
  TIMED_OUT_REASON,
  getDeploymentCondition,
  newDeploymentCondition,
  progressedMessage,
  progressingMessage,
  removeDeploymentCondition,
  setDeploymentCondition,
  timedOutMessage,
} from "./conditions.ts";
import { specReplicas } from "./deployment-util.ts";
import { calculateStatus, hasProgressDeadline, nowString, present, updateDeploymentStatus, type DeploymentSyncContext } from "./sync.ts";

/** DeploymentComplete: every replica updated and available, and the latest spec observed. */
export function deploymentComplete(d: Deployment, status: DeploymentStatus | undefined): boolean {
  const replicas = specReplicas(d);
  return (
    (status?.updatedReplicas ?? 0) === replicas &&
    (status?.replicas ?? 0) === replicas &&
    (status?.availableReplicas ?? 0) === replicas &&
    (status?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** DeploymentProgressing: more updated, fewer old, more ready or more available pods than last time. */
function deploymentProgressing(d: Deployment, next: DeploymentStatus): boolean {
  const cur = d.status ?? {};
  const oldReplicas = (cur.replicas ?? 0) - (cur.updatedReplicas ?? 0);
  const newOldReplicas = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (cur.updatedReplicas ?? 0) ||
    newOldReplicas < oldReplicas ||
    (next.readyReplicas ?? 0) > (cur.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (cur.availableReplicas ?? 0)
  );
}

/** Sim ms at which the Progressing condition's deadline passes (Time.Before: strictly after). */
function progressDeadline(ctx: DeploymentSyncContext, d: Deployment, cond: Condition): number {
  return parseTime(ctx.epochMs, cond.lastUpdateTime ?? "") + d.spec.progressDeadlineSeconds! * 1000;
}

function deploymentTimedOut(ctx: DeploymentSyncContext, d: Deployment, next: DeploymentStatus): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getDeploymentCondition(next, DEPLOYMENT_PROGRESSING);
  if (!cond || cond.reason === NEW_RS_AVAILABLE_REASON) return false;
  if (cond.reason === TIMED_OUT_REASON) return true;
  return progressDeadline(ctx, d, cond) < ctx.clock.now;
}

/** ReplicaFailure conditions of the new ReplicaSet, else of the old ones, as Deployment conditions. */
function getReplicaFailures(allRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined): Condition[] {
  const failures = (rss: readonly ReplicaSet[]): Condition[] =>
    rss.flatMap((rs) =>
      (rs.status?.conditions ?? [])
        .filter((c) => c.type === DEPLOYMENT_REPLICA_FAILURE)
        .map((c) => ({ type: c.type, status: c.status, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime, reason: c.reason, message: c.message })),
    );
  const fromNew = newRS ? failures([newRS]) : [];
  return fromNew.length > 0 ? fromNew : failures(allRSs);
}

/** requeueStuckDeployment: when to look again for a deadline that no event will announce. */
function requeueStuckDeployment(ctx: DeploymentSyncContext, d: Deployment, next: DeploymentStatus): SyncResult {
  const cond = getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING);
  if (!hasProgressDeadline(d) || !cond) return DONE;
  if (deploymentComplete(d, next) || cond.reason === TIMED_OUT_REASON) return DONE;
  const after = progressDeadline(ctx, d, cond) - ctx.clock.now;
  // Under a second away: look now, rate limited. Otherwise a second late, against skew, as upstream.
  if (after < 1000) return REQUEUE;
  return requeueAfter(after + 1000);
}

/** syncRolloutStatus: status plus the Progressing and ReplicaFailure conditions. */
export function syncRolloutStatus(ctx: DeploymentSyncContext, allRSs: readonly (ReplicaSet | undefined)[], newRS: ReplicaSet | undefined, d: Deployment): SyncResult {
  const rss = present(allRSs);
  const next = calculateStatus(ctx, rss, newRS, d);
  const now = nowString(ctx);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(next, DEPLOYMENT_PROGRESSING);

  const current = getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING);
  const isCompleteDeployment = next.replicas === next.updatedReplicas && current?.reason === NEW_RS_AVAILABLE_REASON;
  if (hasProgressDeadline(d) && !isCompleteDeployment) {
    const rsName = newRS?.metadata.name;
    if (deploymentComplete(d, next)) {
      setDeploymentCondition(next, newDeploymentCondition(DEPLOYMENT_PROGRESSING, "True", NEW_RS_AVAILABLE_REASON, progressedMessage(d.metadata.name!, rsName), now));
    } else if (deploymentProgressing(d, next)) {
      // Same reason again still refreshes lastUpdateTime: that is what the deadline counts from.
      const condition = newDeploymentCondition(DEPLOYMENT_PROGRESSING, "True", REPLICA_SET_UPDATED_REASON, progressingMessage(d.metadata.name!, rsName), now);
      if (current) {
        if (current.status === "True") condition.lastTransitionTime = current.lastTransitionTime;
        removeDeploymentCondition(next, DEPLOYMENT_PROGRESSING);
      }
      setDeploymentCondition(next, condition);
    } else if (deploymentTimedOut(ctx, d, next)) {
      setDeploymentCondition(next, newDeploymentCondition(DEPLOYMENT_PROGRESSING, "False", TIMED_OUT_REASON, timedOutMessage(d.metadata.name!, rsName), now));
    }
  }

  const failures = getReplicaFailures(rss, newRS);
  if (failures.length > 0) setDeploymentCondition(next, failures[0]!);
  else removeDeploymentCondition(next, DEPLOYMENT_REPLICA_FAILURE);

  if (deepEqual(d.status ?? {}, next)) return requeueStuckDeployment(ctx, d, next);
  d.status = next;
  return updateDeploymentStatus(ctx, d) ? REQUEUE : DONE;
}
