// The ReplicaSet controller (pkg/controller/replicaset/replica_set.go): keeps
// spec.replicas active pods for each ReplicaSet, creating them from its template
// and deleting the least established when there are too many, then reports what
// it saw in status.

import type { ReplicaSet } from "../../api/apps-v1.ts";
import type { Pod } from "../../api/core-v1.ts";
import { labelSelectorMatches } from "../../api/labels.ts";
import type { DeepReadonly, KubeObject, OwnerReference } from "../../api/meta.ts";
import { INDEX_NAMESPACE, namespaceIndex } from "../../clientgo/informer.ts";
import { WorkQueue } from "../../clientgo/workqueue.ts";
import { clone, deepEqual } from "../../kernel/equal.ts";
import { rfc3339 } from "../../kernel/time.ts";
import { DONE, REQUEUE, requeueAfter, type Controller, type ControllerDeps, type SyncResult } from "../controller.ts";
import { claimObjects, newControllerRef, recheckDeletionTimestamp } from "../common/controller-ref-manager.ts";
import { ControllerExpectations } from "../common/expectations.ts";
import { INDEX_CONTROLLER_UID, INDEX_ORPHAN_NAMESPACE, controllerUidIndex, orphanNamespaceIndex } from "../common/indexes.ts";
import { controllerOf, keyOf } from "../common/object-key.ts";
import { podFromTemplate } from "../common/pod-template.ts";
import { isPodActive } from "../common/pod-util.ts";
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from "../common/slow-start.ts";
import { getPodsToDelete } from "./pods-to-delete.ts";
import { FAILED_CREATE_REASON, FAILED_DELETE_REASON, calculateStatus, statusUnchanged, type ManageReplicasError } from "./replica-set-status.ts";

export const REPLICASET_CONTROLLER_NAME = "replicaset-controller";

// FailedCreate and FailedDelete are also the ReplicaFailure condition's reasons, as upstream.
export { FAILED_CREATE_REASON, FAILED_DELETE_REASON };
export const SUCCESSFUL_CREATE_REASON = "SuccessfulCreate";
export const SUCCESSFUL_DELETE_REASON = "SuccessfulDelete";
export const createdPodMessage = (pod: string): string => `Created pod: ${pod}`;
export const errorCreatingMessage = (err: string): string => `Error creating: ${err}`;
export const deletedPodMessage = (pod: string): string => `Deleted pod: ${pod}`;
export const errorDeletingMessage = (err: string): string => `Error deleting: ${err}`;

/** Most pods created or deleted in one sync (BurstReplicas). */
export const BURST_REPLICAS = 500;

const RS_KIND = { apiVersion: "apps/v1", kind: "ReplicaSet" } as const;

/**
 * A create or delete the client's rate limiter would hold back. Upstream's call
 * waits in the limiter, so pods appear at the client's QPS while the sync that
 * sends them is blocked; here it is not made yet: the rest of the burst is
 * remembered, and the next sync, once a token is due, goes on sending it. Its
 * status is written when the burst is done, as upstream writes it when the
 * blocked sync returns. No event and no ReplicaFailure: nothing failed.
 */
const THROTTLED = { message: "throttled" } as const;

type RSView = DeepReadonly<ReplicaSet>;
type PodView = DeepReadonly<Pod>;

export function newReplicaSetController(deps: ControllerDeps): Controller {
  const { client, recorder, clock, epochMs } = deps;
  const queue = new WorkQueue(REPLICASET_CONTROLLER_NAME, clock);
  const expectations = new ControllerExpectations(clock);
  /** What is still to send of a burst the rate limiter interrupted, by ReplicaSet key. */
  const unfinishedBursts = new Map<string, { readonly kind: "create"; readonly left: number } | { readonly kind: "delete"; readonly pods: readonly PodView[] }>();
  const rsInformer = deps.informers.informer("replicasets");
  const podInformer = deps.informers.informer("pods");
  rsInformer.addIndexer(INDEX_NAMESPACE, namespaceIndex);
  rsInformer.addIndexer(INDEX_CONTROLLER_UID, controllerUidIndex);
  podInformer.addIndexer(INDEX_CONTROLLER_UID, controllerUidIndex);
  podInformer.addIndexer(INDEX_ORPHAN_NAMESPACE, orphanNamespaceIndex);

  /** The ReplicaSet a controllerRef points to, if it is still the same object. */
  const resolveControllerRef = (namespace: string | undefined, ref: DeepReadonly<OwnerReference>): RSView | undefined => {
    if (ref.kind !== RS_KIND.kind) return undefined;
    const rs = rsInformer.get(`${namespace}/${ref.name}`);
    return rs?.metadata.uid === ref.uid ? rs : undefined;
  };

  /** ReplicaSets whose selector matches an orphan pod: they may want to adopt it. */
  const enqueueMatchingReplicaSets = (pod: PodView): void => {
    const labels = pod.metadata.labels ?? {};
    for (const rs of rsInformer.byIndex(INDEX_NAMESPACE, pod.metadata.namespace ?? "")) {
      if (labelSelectorMatches(rs.spec.selector as ReplicaSet["spec"]["selector"], labels)) queue.add(keyOf(rs));
    }
  };

  const deletePod = (pod: PodView): void => {
    const ref = controllerOf(pod);
    if (!ref) return;
    const rs = resolveControllerRef(pod.metadata.namespace, ref);
    if (!rs) return;
    const rsKey = keyOf(rs);
    expectations.deletionObserved(rsKey, keyOf(pod));
    queue.add(rsKey);
  };

  rsInformer.addEventHandler({
    onAdd: (rs) => queue.add(keyOf(rs)),
    onUpdate: (oldRS, curRS) => {
      // Same name, new object: the old one's expectations must not leak into the new one.
      if (oldRS.metadata.uid !== curRS.metadata.uid) expectations.deleteExpectations(keyOf(oldRS));
      queue.add(keyOf(curRS));
    },
    onDelete: (rs) => {
      expectations.deleteExpectations(keyOf(rs));
      queue.add(keyOf(rs));
    },
  });

  podInformer.addEventHandler({
    onAdd: (pod) => {
      // Already terminating when first seen (say after a restart): not a creation to count.
      if (pod.metadata.deletionTimestamp !== undefined) return deletePod(pod);
      const ref = controllerOf(pod);
      if (ref) {
        const rs = resolveControllerRef(pod.metadata.namespace, ref);
        if (!rs) return;
        const rsKey = keyOf(rs);
        expectations.creationObserved(rsKey);
        queue.add(rsKey);
        return;
      }
      enqueueMatchingReplicaSets(pod);
    },
    onUpdate: (oldPod, curPod) => {
      if (curPod.metadata.resourceVersion === oldPod.metadata.resourceVersion) return;
      const labelChanged = !deepEqual(curPod.metadata.labels ?? {}, oldPod.metadata.labels ?? {});
      // A graceful delete shows up as an update: the ReplicaSet may replace the pod right away.
      if (curPod.metadata.deletionTimestamp !== undefined) {
        deletePod(curPod);
        if (labelChanged) deletePod(oldPod);
        return;
      }
      const curRef = controllerOf(curPod);
      const oldRef = controllerOf(oldPod);
      const refChanged = !deepEqual(curRef, oldRef);
      if (refChanged && oldRef) {
        const old = resolveControllerRef(oldPod.metadata.namespace, oldRef);
        if (old) queue.add(keyOf(old));
      }
      if (curRef) {
        const rs = resolveControllerRef(curPod.metadata.namespace, curRef);
        if (rs) queue.add(keyOf(rs));
        return;
      }
      if (labelChanged || refChanged) enqueueMatchingReplicaSets(curPod);
    },
    onDelete: deletePod,
  });

  /** Active pods this ReplicaSet controls, after adopting matching orphans and releasing strays. */
  const claimPods = (rs: RSView): { pods: PodView[]; failed: boolean } => {
    const candidates = [
      ...podInformer.byIndex(INDEX_CONTROLLER_UID, rs.metadata.uid!),
      ...podInformer.byIndex(INDEX_ORPHAN_NAMESPACE, rs.metadata.namespace!),
    ].filter(isPodActive);
    candidates.sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1));
    const selector = rs.spec.selector as ReplicaSet["spec"]["selector"];
    const { claimed, failed } = claimObjects({
      client,
      resource: "pods",
      owner: rs,
      ownerKind: RS_KIND,
      candidates,
      match: (pod) => labelSelectorMatches(selector, pod.metadata.labels ?? {}),
      canAdopt: recheckDeletionTimestamp(client, "replicasets", rs),
    });
    return { pods: claimed, failed };
  };

  /** Pods of every ReplicaSet that shares this one's controller (getIndirectlyRelatedPods). */
  const relatedPods = (rs: RSView): PodView[] => {
    const ref = controllerOf(rs);
    if (!ref) return [];
    const out: PodView[] = [];
    for (const sibling of rsInformer.byIndex(INDEX_CONTROLLER_UID, ref.uid)) out.push(...podInformer.byIndex(INDEX_CONTROLLER_UID, sibling.metadata.uid!));
    return out;
  };

  const waitsForToken = (): boolean => client.rateLimiter !== undefined && client.rateLimiter.available() <= 0;

  const createPod = (rs: RSView): ManageReplicasError | undefined => {
    if (waitsForToken()) return THROTTLED;
    const res = client.create("pods", rs.metadata.namespace, podFromTemplate(rs.spec.template, rs, newControllerRef(rs, RS_KIND)));
    if (!res.ok) {
      recorder.event(rs as KubeObject, "Warning", FAILED_CREATE_REASON, errorCreatingMessage(res.status.message));
      return { message: res.status.message };
    }
    recorder.event(rs as KubeObject, "Normal", SUCCESSFUL_CREATE_REASON, createdPodMessage(res.object.metadata.name!));
    return undefined;
  };

  /**
   * Sends `count` creates in slow-start batches. Throttled, the rest of the burst
   * is remembered and its expectations stay raised (upstream's calls are still
   * waiting to be sent); stopped by an error, the creates never sent are
   * lowered from the expectations, since they will not be observed either.
   */
  const sendCreates = (rs: RSView, rsKey: string, count: number): ManageReplicasError | undefined => {
    const { successes, error } = slowStartBatch(count, SLOW_START_INITIAL_BATCH_SIZE, () => createPod(rs));
    if (error === THROTTLED) {
      unfinishedBursts.set(rsKey, { kind: "create", left: count - successes });
      return THROTTLED;
    }
    unfinishedBursts.delete(rsKey);
    for (let skipped = count - successes; skipped > 0; skipped--) expectations.creationObserved(rsKey);
    return error;
  };

  /** Deletes these pods in order, remembering the rest of the burst when throttled. */
  const sendDeletes = (rs: RSView, rsKey: string, toDelete: readonly PodView[]): ManageReplicasError | undefined => {
    let firstError: ManageReplicasError | undefined;
    for (const [i, pod] of toDelete.entries()) {
      if (waitsForToken()) {
        unfinishedBursts.set(rsKey, { kind: "delete", pods: toDelete.slice(i) });
        return THROTTLED;
      }
      const name = pod.metadata.name!;
      const res = client.delete("pods", rs.metadata.namespace, name);
      if (res.ok) {
        recorder.event(rs as KubeObject, "Normal", SUCCESSFUL_DELETE_REASON, deletedPodMessage(name));
        continue;
      }
      expectations.deletionObserved(rsKey, keyOf(pod));
      if (res.status.reason === "NotFound") continue;
      recorder.event(rs as KubeObject, "Warning", FAILED_DELETE_REASON, errorDeletingMessage(res.status.message));
      firstError ??= { message: `unable to delete pods: ${res.status.message}` };
    }
    unfinishedBursts.delete(rsKey);
    return firstError;
  };

  const manageReplicas = (rs: RSView, rsKey: string, filteredPods: readonly PodView[]): ManageReplicasError | undefined => {
    const diff = filteredPods.length - (rs.spec.replicas ?? 1);
    if (diff < 0) {
      const toCreate = Math.min(-diff, BURST_REPLICAS);
      expectations.expectCreations(rsKey, toCreate);
      return sendCreates(rs, rsKey, toCreate);
    }
    if (diff > 0) {
      const toDelete = getPodsToDelete(filteredPods, relatedPods(rs), Math.min(diff, BURST_REPLICAS), clock.now, epochMs);
      expectations.expectDeletions(rsKey, toDelete.map((p) => keyOf(p)));
      return sendDeletes(rs, rsKey, toDelete);
    }
    return undefined;
  };

  const sync = (key: string): SyncResult => {
    const rs = rsInformer.get(key);
    if (!rs) {
      expectations.deleteExpectations(key);
      unfinishedBursts.delete(key);
      return DONE;
    }
    const untilToken = (): SyncResult => requeueAfter(client.rateLimiter?.delayMs() || 1);
    // Upstream's sync is still blocked in the limiter, sending the burst it decided on: it neither
    // claims nor counts again, and writes status when the burst is sent.
    const burst = unfinishedBursts.get(key);
    if (burst !== undefined) {
      const sent = burst.kind === "create" ? sendCreates(rs, key, burst.left) : sendDeletes(rs, key, burst.pods);
      if (sent === THROTTLED) return untilToken();
    }
    const rsNeedsSync = expectations.satisfiedExpectations(key);
    const { pods, failed } = claimPods(rs);
    if (failed) return REQUEUE;

    const managed = rsNeedsSync && rs.metadata.deletionTimestamp === undefined ? manageReplicas(rs, key, pods) : undefined;
    if (managed === THROTTLED) return untilToken();
    const manageErr = managed;
    const { status, nextAvailableAt } = calculateStatus(rs, pods, manageErr, clock.now, rfc3339(epochMs, clock.now), epochMs);
    if (!statusUnchanged(rs, status)) {
      status.observedGeneration = rs.metadata.generation;
      const res = client.updateStatus("replicasets", { ...(clone(rs) as ReplicaSet), status });
      if (!res.ok) return REQUEUE;
    }
    if (manageErr) return REQUEUE;
    // A ready pod turns available minReadySeconds later, with no event to mark it.
    if (nextAvailableAt !== undefined) return requeueAfter(nextAvailableAt - clock.now);
    return DONE;
  };

  return { name: REPLICASET_CONTROLLER_NAME, queue, sync };
}
