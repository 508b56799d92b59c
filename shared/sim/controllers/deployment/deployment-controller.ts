// The Deployment controller (pkg/controller/deployment/deployment_controller.go):
// watches Deployments, their ReplicaSets and (for Recreate) their pods, and
// turns each Deployment into ReplicaSets: one per pod template, named
// <deployment>-<pod-template-hash>, rolled from old to new by its strategy.
//
// `kubectl rollout undo` needs nothing here: it writes an old template back and
// getNewReplicaSet finds the matching ReplicaSet and gives it the next revision
// (keeping the old numbers in revision-history). A paused Deployment only scales.

import type { Deployment, ReplicaSet } from "../../api/apps-v1.ts";
import type { Pod } from "../../api/core-v1.ts";
import { labelSelectorMatches } from "../../api/labels.ts";
import type { DeepReadonly, OwnerReference } from "../../api/meta.ts";
import { INDEX_NAMESPACE, namespaceIndex } from "../../clientgo/informer.ts";
import { WorkQueue } from "../../clientgo/workqueue.ts";
import { clone, deepEqual } from "../../kernel/equal.ts";
import { DONE, REQUEUE, type Controller, type ControllerDeps, type SyncResult } from "../controller.ts";
import { claimObjects, recheckDeletionTimestamp } from "../common/controller-ref-manager.ts";
import { INDEX_CONTROLLER_UID, INDEX_ORPHAN_NAMESPACE, controllerUidIndex, orphanNamespaceIndex } from "../common/indexes.ts";
import { controllerOf, keyOf } from "../common/object-key.ts";
import {
  DEPLOYMENT_PAUSED_MESSAGE,
  DEPLOYMENT_PROGRESSING,
  DEPLOYMENT_RESUMED_MESSAGE,
  PAUSED_DEPLOY_REASON,
  RESUMED_DEPLOY_REASON,
  TIMED_OUT_REASON,
  getDeploymentCondition,
  newDeploymentCondition,
  setDeploymentCondition,
} from "./conditions.ts";
import { byCreationTimestamp } from "./deployment-util.ts";
import { rolloutRecreate, type PodMap } from "./recreate.ts";
import { rolloutRolling } from "./rolling.ts";
import { hasProgressDeadline, isScalingEvent, nowString, syncScaleOnly, syncStatusOnly, updateDeploymentStatus, type DeploymentSyncContext, type SyncError } from "./sync.ts";

export { SCALING_REPLICA_SET_REASON, scaledReplicaSetMessage } from "./sync.ts";
export { FAILED_RS_CREATE_REASON } from "./conditions.ts";

export const DEPLOYMENT_CONTROLLER_NAME = "deployment-controller";

const DEPLOYMENT_KIND = { apiVersion: "apps/v1", kind: "Deployment" } as const;

type DView = DeepReadonly<Deployment>;
type RSView = DeepReadonly<ReplicaSet>;

export function newDeploymentController(deps: ControllerDeps): Controller {
  const { client, clock, epochMs } = deps;
  const queue = new WorkQueue(DEPLOYMENT_CONTROLLER_NAME, clock);
  const dInformer = deps.informers.informer("deployments");
  const rsInformer = deps.informers.informer("replicasets");
  const podInformer = deps.informers.informer("pods");
  dInformer.addIndexer(INDEX_NAMESPACE, namespaceIndex);
  rsInformer.addIndexer(INDEX_CONTROLLER_UID, controllerUidIndex);
  rsInformer.addIndexer(INDEX_ORPHAN_NAMESPACE, orphanNamespaceIndex);
  podInformer.addIndexer(INDEX_CONTROLLER_UID, controllerUidIndex);
  const ctx: DeploymentSyncContext = { client, recorder: deps.recorder, clock, epochMs, rsInformer };

  const resolveControllerRef = (namespace: string | undefined, ref: DeepReadonly<OwnerReference>): DView | undefined => {
    if (ref.kind !== DEPLOYMENT_KIND.kind) return undefined;
    const d = dInformer.get(`${namespace}/${ref.name}`);
    return d?.metadata.uid === ref.uid ? d : undefined;
  };

  const enqueueOwner = (rs: RSView, ref = controllerOf(rs)): void => {
    const d = ref && resolveControllerRef(rs.metadata.namespace, ref);
    if (d) queue.add(keyOf(d));
  };

  /** Deployments whose selector matches an orphan ReplicaSet: they may adopt it. */
  const enqueueMatchingDeployments = (rs: RSView): void => {
    const labels = rs.metadata.labels ?? {};
    for (const d of dInformer.byIndex(INDEX_NAMESPACE, rs.metadata.namespace ?? "")) {
      if (labelSelectorMatches(d.spec.selector as Deployment["spec"]["selector"], labels)) queue.add(keyOf(d));
    }
  };

  dInformer.addEventHandler({
    onAdd: (d) => queue.add(keyOf(d)),
    onUpdate: (_old, cur) => queue.add(keyOf(cur)),
    onDelete: (d) => queue.add(keyOf(d)),
  });

  rsInformer.addEventHandler({
    onAdd: (rs) => {
      const ref = controllerOf(rs);
      if (ref) enqueueOwner(rs, ref);
      else enqueueMatchingDeployments(rs);
    },
    onUpdate: (oldRS, curRS) => {
      if (curRS.metadata.resourceVersion === oldRS.metadata.resourceVersion) return;
      const curRef = controllerOf(curRS);
      const oldRef = controllerOf(oldRS);
      const refChanged = !deepEqual(curRef, oldRef);
      if (refChanged && oldRef) enqueueOwner(oldRS, oldRef);
      if (curRef) return enqueueOwner(curRS, curRef);
      if (refChanged || !deepEqual(curRS.metadata.labels ?? {}, oldRS.metadata.labels ?? {})) enqueueMatchingDeployments(curRS);
    },
    onDelete: (rs) => enqueueOwner(rs),
  });

  // A Recreate rollout waits for the old pods to be gone: their deletion is what wakes it.
  podInformer.addEventHandler({
    onDelete: (pod) => {
      const podRef = controllerOf(pod);
      if (podRef?.kind !== "ReplicaSet") return;
      const rs = rsInformer.get(`${pod.metadata.namespace}/${podRef.name}`);
      if (rs?.metadata.uid !== podRef.uid) return;
      const ref = controllerOf(rs);
      const d = ref && resolveControllerRef(rs.metadata.namespace, ref);
      if (d?.spec.strategy?.type === "Recreate") queue.add(keyOf(d));
    },
  });

  /** getReplicaSetsForDeployment: its ReplicaSets after adoption and release, as clones, oldest first. */
  const getReplicaSetsForDeployment = (d: Deployment): ReplicaSet[] | undefined => {
    const candidates = [...rsInformer.byIndex(INDEX_CONTROLLER_UID, d.metadata.uid!), ...rsInformer.byIndex(INDEX_ORPHAN_NAMESPACE, d.metadata.namespace!)].sort((a, b) =>
      a.metadata.name! < b.metadata.name! ? -1 : 1,
    );
    const { claimed, failed } = claimObjects({
      client,
      resource: "replicasets",
      owner: d,
      ownerKind: DEPLOYMENT_KIND,
      candidates,
      match: (rs) => labelSelectorMatches(d.spec.selector, rs.metadata.labels ?? {}),
      canAdopt: recheckDeletionTimestamp(client, "deployments", d),
    });
    if (failed) return undefined;
    return claimed.map((rs) => clone(rs) as ReplicaSet).sort((a, b) => byCreationTimestamp(a, b, epochMs));
  };

  const getPodMapForDeployment = (rsList: readonly ReplicaSet[]): PodMap =>
    new Map(rsList.map((rs) => [rs.metadata.uid!, podInformer.byIndex(INDEX_CONTROLLER_UID, rs.metadata.uid!) as readonly DeepReadonly<Pod>[]]));

  /** checkPausedConditions: pausing and resuming show in Progressing, so a long pause is not a timeout. */
  const checkPausedConditions = (d: Deployment): SyncError | undefined => {
    if (!hasProgressDeadline(d)) return undefined;
    const cond = getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING);
    if (cond?.reason === TIMED_OUT_REASON) return undefined;
    const pausedCondExists = cond?.reason === PAUSED_DEPLOY_REASON;
    const now = nowString(ctx);
    if (d.spec.paused && !pausedCondExists) {
      setDeploymentCondition((d.status ??= {}), newDeploymentCondition(DEPLOYMENT_PROGRESSING, "Unknown", PAUSED_DEPLOY_REASON, DEPLOYMENT_PAUSED_MESSAGE, now));
    } else if (!d.spec.paused && pausedCondExists) {
      setDeploymentCondition((d.status ??= {}), newDeploymentCondition(DEPLOYMENT_PROGRESSING, "Unknown", RESUMED_DEPLOY_REASON, DEPLOYMENT_RESUMED_MESSAGE, now));
    } else {
      return undefined;
    }
    return updateDeploymentStatus(ctx, d);
  };

  const result = (err: SyncError | undefined): SyncResult => (err ? REQUEUE : DONE);

  const sync = (key: string): SyncResult => {
    const cached = dInformer.get(key);
    if (!cached) return DONE;
    const d = clone(cached) as Deployment;

    const rsList = getReplicaSetsForDeployment(d);
    if (!rsList) return REQUEUE;

    if (d.metadata.deletionTimestamp !== undefined) return result(syncStatusOnly(ctx, d, rsList));
    if (checkPausedConditions(d)) return REQUEUE;
    if (d.spec.paused) return result(syncScaleOnly(ctx, d, rsList));

    const scalingEvent = isScalingEvent(ctx, d, rsList);
    if (typeof scalingEvent === "object") return REQUEUE;
    if (scalingEvent) return result(syncScaleOnly(ctx, d, rsList));

    if (d.spec.strategy?.type === "Recreate") return rolloutRecreate(ctx, d, rsList, getPodMapForDeployment(rsList));
    return rolloutRolling(ctx, d, rsList);
  };

  return { name: DEPLOYMENT_CONTROLLER_NAME, queue, sync };
}
