// The Deployment controller's shared steps (pkg/controller/deployment/sync.go):
// find or create the new ReplicaSet and keep revisions straight, scale
// ReplicaSets with a ScalingReplicaSet event, scale proportionally while paused
// or resized mid-rollout, prune old revisions, and compute status.
//
// Every step works on clones: `d` is the Deployment as this sync sees it, and
// each write's result lands in the clone so later writes carry the fresh
// resourceVersion. As upstream, the revision annotation travels with status
// updates (the status strategy keeps annotations and leaves generation alone).

import type { Deployment, DeploymentStatus, ReplicaSet } from "../../api/apps-v1.ts";
import type { Status } from "../../api/meta.ts";
import type { Client } from "../../clientgo/client.ts";
import type { EventRecorder } from "../../clientgo/events.ts";
import type { Informer } from "../../clientgo/informer.ts";
import type { SimClock } from "../../kernel/clock.ts";
import { clone, deepEqual } from "../../kernel/equal.ts";
import { rfc3339 } from "../../kernel/time.ts";
import { computeHash } from "../common/compute-hash.ts";
import { newControllerRef } from "../common/controller-ref-manager.ts";
import { controllerOf } from "../common/object-key.ts";
import {
  DEPLOYMENT_AVAILABLE,
  DEPLOYMENT_PROGRESSING,
  FAILED_RS_CREATE_REASON,
  FOUND_NEW_RS_REASON,
  MINIMUM_AVAILABILITY_MESSAGE,
  MINIMUM_REPLICAS_AVAILABLE,
  MINIMUM_REPLICAS_UNAVAILABLE,
  NEW_REPLICA_SET_REASON,
  NO_MINIMUM_AVAILABILITY_MESSAGE,
  createdNewReplicaSetMessage,
  failedCreateReplicaSetMessage,
  foundNewReplicaSetMessage,
  getDeploymentCondition,
  newDeploymentCondition,
  setDeploymentCondition,
} from "./conditions.ts";
import {
  DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY,
  DESIRED_REPLICAS_ANNOTATION,
  REVISION_ANNOTATION,
  byCreationTimestamp,
  equalIgnoreHash,
  filterActiveReplicaSets,
  findActiveOrLatest,
  findNewReplicaSet,
  getProportion,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newRSNewReplicas,
  replicasAnnotationsNeedUpdate,
  revisionOf,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  specReplicas,
  sumAvailableReplicas,
  sumReadyReplicas,
  sumReplicas,
  sumStatusReplicas,
} from "./deployment-util.ts";

export const SCALING_REPLICA_SET_REASON = "ScalingReplicaSet";
export const scaledReplicaSetMessage = (direction: "up" | "down", rs: string, from: number, to: number): string =>
  `Scaled ${direction} replica set ${rs} from ${from} to ${to}`;

/** A failed write; the sync is retried with backoff. */
export type SyncError = Status;

export interface DeploymentSyncContext {
  readonly client: Client;
  readonly recorder: EventRecorder;
  readonly clock: SimClock;
  readonly epochMs: number;
  readonly rsInformer: Informer<"replicasets">;
}

const DEPLOYMENT_KIND = { apiVersion: "apps/v1", kind: "Deployment" } as const;
/** math.MaxInt32: the "no deadline" / "keep every revision" sentinel. */
const MAX_INT32 = 2147483647;

export const nowString = (ctx: DeploymentSyncContext): string => rfc3339(ctx.epochMs, ctx.clock.now);
export const hasProgressDeadline = (d: Deployment): boolean => d.spec.progressDeadlineSeconds !== undefined && d.spec.progressDeadlineSeconds !== MAX_INT32;
const hasRevisionHistoryLimit = (d: Deployment): boolean => d.spec.revisionHistoryLimit !== undefined && d.spec.revisionHistoryLimit !== MAX_INT32;

export function updateDeploymentStatus(ctx: DeploymentSyncContext, d: Deployment): SyncError | undefined {
  const res = ctx.client.updateStatus("deployments", d);
  if (!res.ok) return res.status;
  d.metadata.resourceVersion = res.object.metadata.resourceVersion;
  return undefined;
}

/** SetDeploymentRevision: true when the annotation changed (the next status update writes it). */
function setDeploymentRevision(d: Deployment, revision: string): boolean {
  if (d.metadata.annotations?.[REVISION_ANNOTATION] === revision) return false;
  (d.metadata.annotations ??= {})[REVISION_ANNOTATION] = revision;
  return true;
}

/** Takes a write's result into the sync's own clone, so every list holding it sees the update. */
function refresh(rs: ReplicaSet, written: ReplicaSet): void {
  Object.assign(rs, written);
}

export interface ReplicaSets {
  newRS: ReplicaSet | undefined;
  /** Every ReplicaSet of the Deployment but the new one. */
  oldRSs: ReplicaSet[];
}

/**
 * getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created when asked and
 * missing) with its revision raised above every old one, and the old ones.
 * What it writes lands in rsList's clones (a created ReplicaSet is appended).
 */
export function getAllReplicaSetsAndSyncRevision(ctx: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[], createIfNotExisted: boolean): ReplicaSets | SyncError {
  const existing = findNewReplicaSet(d, rsList, ctx.epochMs);
  const oldRSs = rsList.filter((rs) => rs !== existing);
  const newRS = getNewReplicaSet(ctx, d, rsList, existing, oldRSs, createIfNotExisted);
  if (newRS !== undefined && "code" in newRS) return newRS;
  return { newRS, oldRSs };
}

function getNewReplicaSet(
  ctx: DeploymentSyncContext,
  d: Deployment,
  rsList: ReplicaSet[],
  existing: ReplicaSet | undefined,
  oldRSs: readonly ReplicaSet[],
  createIfNotExisted: boolean,
): ReplicaSet | SyncError | undefined {
  const newRevision = maxRevision(oldRSs) + 1;

  if (existing) {
    const rsCopy = clone(existing);
    const annotationsUpdated = setNewReplicaSetAnnotations(d, rsCopy, newRevision, true);
    if (annotationsUpdated || (rsCopy.spec.minReadySeconds ?? 0) !== (d.spec.minReadySeconds ?? 0)) {
      rsCopy.spec.minReadySeconds = d.spec.minReadySeconds;
      const res = ctx.client.update("replicasets", rsCopy);
      if (!res.ok) return res.status;
      refresh(existing, res.object);
      return existing;
    }
    // The revision the new ReplicaSet already carries is the Deployment's.
    let needsUpdate = setDeploymentRevision(d, existing.metadata.annotations?.[REVISION_ANNOTATION] ?? "");
    // A Deployment that never recorded progress starts counting from the moment its new ReplicaSet is noticed.
    if (hasProgressDeadline(d) && !getDeploymentCondition(d.status, DEPLOYMENT_PROGRESSING)) {
      setDeploymentCondition((d.status ??= {}), newDeploymentCondition(DEPLOYMENT_PROGRESSING, "True", FOUND_NEW_RS_REASON, foundNewReplicaSetMessage(existing.metadata.name!), nowString(ctx)));
      needsUpdate = true;
    }
    if (needsUpdate) {
      const err = updateDeploymentStatus(ctx, d);
      if (err) return err;
    }
    return existing;
  }

  if (!createIfNotExisted) return undefined;

  const hash = computeHash(d.spec.template, d.status?.collisionCount);
  const template = clone(d.spec.template);
  template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, [DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY]: hash } };
  const selector = clone(d.spec.selector);
  selector.matchLabels = { ...selector.matchLabels, [DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY]: hash };
  const newRS: ReplicaSet = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      // Deterministic, so a retried create finds the ReplicaSet instead of making a second one.
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [newControllerRef(d, DEPLOYMENT_KIND)],
    },
    spec: { replicas: 0, selector, template },
  };
  if (d.spec.minReadySeconds !== undefined) newRS.spec.minReadySeconds = d.spec.minReadySeconds;
  const newReplicasCount = newRSNewReplicas(d, [...oldRSs, newRS], newRS);
  newRS.spec.replicas = newReplicasCount;
  setNewReplicaSetAnnotations(d, newRS, newRevision, false);

  let created: ReplicaSet;
  let alreadyExists = false;
  const res = ctx.client.create("replicasets", d.metadata.namespace, newRS);
  if (res.ok) {
    created = res.object;
  } else if (res.status.reason === "AlreadyExists") {
    const found = ctx.rsInformer.get(`${d.metadata.namespace}/${newRS.metadata.name}`);
    if (!found) return res.status;
    const ref = controllerOf(found);
    if (!(ref && ref.uid === d.metadata.uid && equalIgnoreHash(d.spec.template, found.spec.template))) {
      // Another template hashed to the same name: bump collisionCount and try a new name next sync.
      (d.status ??= {}).collisionCount = (d.status.collisionCount ?? 0) + 1;
      updateDeploymentStatus(ctx, d);
      return res.status;
    }
    created = clone(found) as ReplicaSet;
    alreadyExists = true;
  } else {
    const msg = failedCreateReplicaSetMessage(newRS.metadata.name!, res.status.message);
    if (hasProgressDeadline(d)) {
      setDeploymentCondition((d.status ??= {}), newDeploymentCondition(DEPLOYMENT_PROGRESSING, "False", FAILED_RS_CREATE_REASON, msg, nowString(ctx)));
      // The create failure is the bigger news; a failed status write here changes nothing.
      updateDeploymentStatus(ctx, d);
    }
    ctx.recorder.event(d, "Warning", FAILED_RS_CREATE_REASON, msg);
    return res.status;
  }
  rsList.push(created);
  if (!alreadyExists && newReplicasCount > 0) {
    ctx.recorder.event(d, "Normal", SCALING_REPLICA_SET_REASON, scaledReplicaSetMessage("up", created.metadata.name!, 0, newReplicasCount));
  }

  let needsUpdate = setDeploymentRevision(d, String(newRevision));
  if (!alreadyExists && hasProgressDeadline(d)) {
    setDeploymentCondition((d.status ??= {}), newDeploymentCondition(DEPLOYMENT_PROGRESSING, "True", NEW_REPLICA_SET_REASON, createdNewReplicaSetMessage(created.metadata.name!), nowString(ctx)));
    needsUpdate = true;
  }
  if (needsUpdate) {
    const err = updateDeploymentStatus(ctx, d);
    if (err) return err;
  }
  return created;
}

interface ScaleResult {
  readonly scaled: boolean;
  readonly err?: SyncError;
}

/**
 * scaleReplicaSet: writes the size and the desired/max annotations (into `rs`
 * too, once written); a size change is a ScalingReplicaSet event.
 */
function scaleReplicaSet(ctx: DeploymentSyncContext, rs: ReplicaSet, newScale: number, d: Deployment, direction: "up" | "down" | undefined): ScaleResult {
  const sizeNeedsUpdate = specReplicas(rs) !== newScale;
  const desired = specReplicas(d);
  const max = desired + maxSurge(d);
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, desired, max)) return { scaled: false };
  const oldScale = specReplicas(rs);
  const rsCopy = clone(rs);
  rsCopy.spec.replicas = newScale;
  setReplicasAnnotations(rsCopy, desired, max);
  const res = ctx.client.update("replicasets", rsCopy);
  if (!res.ok) return { scaled: false, err: res.status };
  refresh(rs, res.object);
  if (sizeNeedsUpdate && direction) {
    ctx.recorder.event(d, "Normal", SCALING_REPLICA_SET_REASON, scaledReplicaSetMessage(direction, rs.metadata.name!, oldScale, newScale));
  }
  return { scaled: sizeNeedsUpdate };
}

export function scaleReplicaSetAndRecordEvent(ctx: DeploymentSyncContext, rs: ReplicaSet, newScale: number, d: Deployment): ScaleResult {
  if (specReplicas(rs) === newScale) return { scaled: false };
  return scaleReplicaSet(ctx, rs, newScale, d, specReplicas(rs) < newScale ? "up" : "down");
}

/**
 * scale: a resize outside a rollout. One active ReplicaSet takes the new count;
 * a saturated new one means the old ones go to zero; otherwise, mid rollout,
 * the change is spread over the active ReplicaSets in proportion to their size.
 */
export function scale(ctx: DeploymentSyncContext, d: Deployment, newRS: ReplicaSet | undefined, oldRSs: ReplicaSet[]): SyncError | undefined {
  const replicas = specReplicas(d);
  // FindActiveOrLatest sorts oldRSs newest first in place, and the loops below follow that order.
  oldRSs.sort((a, b) => byCreationTimestamp(b, a, ctx.epochMs));
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs, ctx.epochMs);
  if (activeOrLatest) {
    if (specReplicas(activeOrLatest) === replicas) return undefined;
    return scaleReplicaSetAndRecordEvent(ctx, activeOrLatest, replicas, d).err;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs)) {
      const r = scaleReplicaSetAndRecordEvent(ctx, old, 0, d);
      if (r.err) return r.err;
    }
    return undefined;
  }
  if (!isRollingUpdate(d)) return undefined;

  const allRSs = filterActiveReplicaSets([...oldRSs, newRS]);
  const allowedSize = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowedSize - sumReplicas(allRSs);
  let direction: "up" | "down" | undefined;
  if (toAdd > 0) {
    // ReplicaSetsBySizeNewer: larger first, newer first among equals.
    allRSs.sort((a, b) => specReplicas(b) - specReplicas(a) || byCreationTimestamp(b, a, ctx.epochMs));
    direction = "up";
  } else if (toAdd < 0) {
    // ReplicaSetsBySizeOlder: larger first, older first among equals.
    allRSs.sort((a, b) => specReplicas(b) - specReplicas(a) || byCreationTimestamp(a, b, ctx.epochMs));
    direction = "down";
  }
  let added = 0;
  const sizes = allRSs.map((rs) => {
    if (toAdd === 0) return specReplicas(rs);
    const proportion = getProportion(rs, d, toAdd, added);
    added += proportion;
    return specReplicas(rs) + proportion;
  });
  for (let i = 0; i < allRSs.length; i++) {
    // Leftovers of the rounding go to the largest ReplicaSet.
    if (i === 0 && toAdd !== 0) sizes[0] = Math.max(0, sizes[0]! + toAdd - added);
    const r = scaleReplicaSet(ctx, allRSs[i]!, sizes[i]!, d, direction);
    if (r.err) return r.err;
  }
  return undefined;
}

/** cleanupDeployment: delete the oldest fully scaled-down ReplicaSets beyond revisionHistoryLimit. */
export function cleanupDeployment(ctx: DeploymentSyncContext, oldRSs: readonly ReplicaSet[], d: Deployment): SyncError | undefined {
  if (!hasRevisionHistoryLimit(d)) return undefined;
  const cleanable = oldRSs.filter((rs) => rs.metadata.deletionTimestamp === undefined);
  const diff = cleanable.length - d.spec.revisionHistoryLimit!;
  if (diff <= 0) return undefined;
  // ReplicaSetsByRevision: lowest revision first, creation time when equal or unreadable.
  cleanable.sort((a, b) => {
    const ra = revisionOf(a);
    const rb = revisionOf(b);
    if (ra === undefined || rb === undefined || ra === rb) return byCreationTimestamp(a, b, ctx.epochMs);
    return ra - rb;
  });
  for (const rs of cleanable.slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || specReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    const res = ctx.client.delete("replicasets", rs.metadata.namespace, rs.metadata.name!);
    if (!res.ok && res.status.reason !== "NotFound") return res.status;
  }
  return undefined;
}

/** calculateStatus: counts summed over the ReplicaSets, with Available judged against maxUnavailable. */
export function calculateStatus(ctx: DeploymentSyncContext, allRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment): DeploymentStatus {
  const available = sumAvailableReplicas(allRSs);
  const total = sumReplicas(allRSs);
  // More available than desired happens while scaling down: that is not negative unavailability.
  const unavailable = Math.max(0, total - available);
  const counts: [keyof DeploymentStatus, number][] = [
    ["observedGeneration", d.metadata.generation ?? 0],
    ["replicas", sumStatusReplicas(allRSs)],
    ["updatedReplicas", newRS ? sumStatusReplicas([newRS]) : 0],
    ["readyReplicas", sumReadyReplicas(allRSs)],
    ["availableReplicas", available],
    ["unavailableReplicas", unavailable],
  ];
  // Go's omitempty: zero counts are not written.
  const status: DeploymentStatus = {};
  for (const [k, v] of counts) if (v !== 0) (status as Record<string, number>)[k] = v;
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  if (d.status?.conditions) status.conditions = clone(d.status.conditions);
  const now = nowString(ctx);
  if (available >= specReplicas(d) - maxUnavailable(d)) {
    setDeploymentCondition(status, newDeploymentCondition(DEPLOYMENT_AVAILABLE, "True", MINIMUM_REPLICAS_AVAILABLE, MINIMUM_AVAILABILITY_MESSAGE, now));
  } else {
    setDeploymentCondition(status, newDeploymentCondition(DEPLOYMENT_AVAILABLE, "False", MINIMUM_REPLICAS_UNAVAILABLE, NO_MINIMUM_AVAILABILITY_MESSAGE, now));
  }
  return status;
}

function syncDeploymentStatus(ctx: DeploymentSyncContext, allRSs: readonly ReplicaSet[], newRS: ReplicaSet | undefined, d: Deployment): SyncError | undefined {
  const next = calculateStatus(ctx, allRSs, newRS, d);
  if (deepEqual(d.status ?? {}, next)) return undefined;
  d.status = next;
  return updateDeploymentStatus(ctx, d);
}

/** isScalingEvent: an active ReplicaSet was sized for a different replica count than the Deployment's. */
export function isScalingEvent(ctx: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[]): boolean | SyncError {
  const got = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  if ("code" in got) return got;
  for (const rs of filterActiveReplicaSets([...got.oldRSs, got.newRS])) {
    const desired = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
    if (desired === undefined || !/^-?\d+$/.test(desired)) continue;
    if (Number(desired) !== specReplicas(d)) return true;
  }
  return false;
}

/** What a sync does outside a rollout (a resize, or a paused Deployment): scale, prune, report. */
export function syncScaleOnly(ctx: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[]): SyncError | undefined {
  const got = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  if ("code" in got) return got;
  const { newRS, oldRSs } = got;
  const err = scale(ctx, d, newRS, oldRSs);
  if (err) return err;
  if (d.spec.paused) {
    const cleanupErr = cleanupDeployment(ctx, oldRSs, d);
    if (cleanupErr) return cleanupErr;
  }
  return syncDeploymentStatus(ctx, present([...oldRSs, newRS]), newRS, d);
}

/** syncStatusOnly: a Deployment being deleted only reports. */
export function syncStatusOnly(ctx: DeploymentSyncContext, d: Deployment, rsList: ReplicaSet[]): SyncError | undefined {
  const got = getAllReplicaSetsAndSyncRevision(ctx, d, rsList, false);
  if ("code" in got) return got;
  return syncDeploymentStatus(ctx, present([...got.oldRSs, got.newRS]), got.newRS, d);
}

export const present = (rss: readonly (ReplicaSet | undefined)[]): ReplicaSet[] => rss.filter((rs): rs is ReplicaSet => rs !== undefined);
