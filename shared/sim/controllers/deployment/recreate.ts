// Recreate (pkg/controller/deployment/recreate.go): scale every old ReplicaSet to
// zero, wait until none of their pods is left running, and only then create or
// scale up the new one, so two versions never serve at once.

import type { Deployment, ReplicaSet } from "../../api/apps-v1.ts";
import type { Pod } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";
import { REQUEUE, type SyncResult } from "../controller.ts";
import { filterActiveReplicaSets, specReplicas, sumStatusReplicas } from "./deployment-util.ts";
import { deploymentComplete, syncRolloutStatus } from "./progress.ts";
import { cleanupDeployment, getAllReplicaSetsAndSyncRevision, scaleReplicaSetAndRecordEvent, type DeploymentSyncContext } from "./sync.ts";

/** Pods of the Deployment, by the uid of the ReplicaSet that controls them. */
export type PodMap = ReadonlyMap<string, readonly DeepReadonly<Pod>[]>;

/** oldPodsRunning: an old ReplicaSet still reports pods, or one of its pods has not finished (Unknown counts as running). */
function oldPodsRunning(newRS: ReplicaSet | undefined, oldRSs: readonly ReplicaSet[], podMap: PodMap): boolean {
  if (sumStatusReplicas(oldRSs) > 0) return true;
  for (const [rsUid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === rsUid) continue;
    if (pods.some((p) => p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed")) return true;
  }
  return false;
}

export function rolloutRecreate(ctx: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[], podMap: PodMap): SyncResult {
  // No new ReplicaSet yet: creating it now would scale up before the old ones are down.
  let got = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  if ("code" in got) return REQUEUE;

  let scaledDown = false;
  for (const rs of filterActiveReplicaSets(got.oldRSs)) {
    const r = scaleReplicaSetAndRecordEvent(ctx, rs, 0, d);
    if (r.err) return REQUEUE;
    scaledDown ||= r.scaled;
  }
  if (scaledDown || oldPodsRunning(got.newRS, got.oldRSs, podMap)) return syncRolloutStatus(ctx, [...got.oldRSs, got.newRS], got.newRS, d);

  if (!got.newRS) {
    got = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, true);
    if ("code" in got) return REQUEUE;
  }
  const newRS = got.newRS!;
  if (scaleReplicaSetAndRecordEvent(ctx, newRS, specReplicas(d), d).err) return REQUEUE;
  if (deploymentComplete(d, d.status) && cleanupDeployment(ctx, got.oldRSs, d)) return REQUEUE;
  return syncRolloutStatus(ctx, [...got.oldRSs, newRS], newRS, d);
}
