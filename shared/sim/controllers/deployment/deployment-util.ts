// Deployment arithmetic and bookkeeping (pkg/controller/deployment/util/
// deployment_util.go): surge and unavailability fenceposts, which ReplicaSet is
// new, how far it may grow, and the revision and replica annotations that
// `kubectl rollout history/undo` read back.

import type { Deployment, ReplicaSet } from "../../api/apps-v1.ts";
import type { PodTemplateSpec } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";
import { deepEqual } from "../../kernel/equal.ts";
import { parseTime } from "../../kernel/time.ts";

export const DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY = "pod-template-hash";
export const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
export const REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
export const DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas";
export const MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas";
export const LAST_APPLIED_CONFIG_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
export const DEPRECATED_ROLLBACK_TO_ANNOTATION = "deprecated.deployment.rollback.to";
/** revision-history keeps at most this many characters (~100 revisions). */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

/** Deployment annotations that are the controller's own and never copied onto a ReplicaSet. */
const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED_CONFIG_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO_ANNOTATION,
]);

type DView = DeepReadonly<Deployment>;
type RSView = DeepReadonly<ReplicaSet>;

export const specReplicas = (o: { readonly spec: { readonly replicas?: number } }): number => o.spec.replicas ?? 1;

/** intstr.GetValueFromIntOrPercent: an int as is, "25%" of total rounded up or down. */
export function getValueFromIntOrPercent(v: number | string | undefined, total: number, roundUp: boolean): number {
  if (v === undefined) return 0;
  if (typeof v === "number") return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return 0;
  const scaled = Number(m[1]) * total;
  return roundUp ? Math.ceil(scaled / 100) : Math.floor(scaled / 100);
}

export const isRollingUpdate = (d: DView): boolean => d.spec.strategy?.type === "RollingUpdate";

/** ResolveFenceposts: surge rounds up, unavailable down, and both 0 would deadlock, so unavailable becomes 1. */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): { surge: number; unavailable: number } {
  const surge = getValueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = getValueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

export function maxSurge(d: DView): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, specReplicas(d)).surge;
}

export function maxUnavailable(d: DView): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec.strategy?.rollingUpdate;
  return Math.min(resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas).unavailable, replicas);
}

export const sumReplicas = (rss: readonly RSView[]): number => rss.reduce((n, rs) => n + specReplicas(rs), 0);
export const sumStatusReplicas = (rss: readonly RSView[]): number => rss.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
export const sumReadyReplicas = (rss: readonly RSView[]): number => rss.reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0);
export const sumAvailableReplicas = (rss: readonly RSView[]): number => rss.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);

/** NewRSNewReplicas: how big the new ReplicaSet may be now. Rolling: up to replicas + surge pods in all. */
export function newRSNewReplicas(d: DView, allRSs: readonly RSView[], newRS: RSView): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d)) return replicas;
  const surge = getValueFromIntOrPercent(d.spec.strategy?.rollingUpdate?.maxSurge, replicas, true);
  const current = sumReplicas(allRSs);
  const maxTotal = replicas + surge;
  if (current >= maxTotal) return specReplicas(newRS);
  return specReplicas(newRS) + Math.min(maxTotal - current, replicas - specReplicas(newRS));
}

/** apiequality.Semantic treats an empty map or list as equal to a missing one. */
function semantic(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map(semantic);
  if (v === null || typeof v !== "object") return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    const s = semantic(x);
    if (s !== undefined) out[k] = s;
  }
  return Object.keys(out).length === 0 ? undefined : out;
}

/** EqualIgnoreHash: the same template once the pod-template-hash label is set aside. */
export function equalIgnoreHash(t1: DeepReadonly<PodTemplateSpec>, t2: DeepReadonly<PodTemplateSpec>): boolean {
  const strip = (t: DeepReadonly<PodTemplateSpec>): unknown => {
    const labels = { ...(t.metadata?.labels ?? {}) };
    delete labels[DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY];
    return semantic({ ...t, metadata: { ...t.metadata, labels } });
  };
  return deepEqual(strip(t1), strip(t2));
}

/** ReplicaSetsByCreationTimestamp: oldest first, name breaks ties. */
export function byCreationTimestamp(a: RSView, b: RSView, epochMs: number): number {
  const ta = parseTime(epochMs, a.metadata.creationTimestamp ?? "");
  const tb = parseTime(epochMs, b.metadata.creationTimestamp ?? "");
  if (ta !== tb) return ta - tb;
  return a.metadata.name! < b.metadata.name! ? -1 : a.metadata.name! > b.metadata.name! ? 1 : 0;
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's. */
export function findNewReplicaSet<T extends RSView>(d: DView, rsList: readonly T[], epochMs: number): T | undefined {
  return [...rsList].sort((a, b) => byCreationTimestamp(a, b, epochMs)).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
}

export const filterActiveReplicaSets = <T extends RSView>(rss: readonly (T | undefined)[]): T[] => rss.filter((rs): rs is T => rs !== undefined && specReplicas(rs) > 0);

/** Revision from the annotation; missing is 0, malformed is skipped (undefined). */
export function revisionOf(o: { readonly metadata: { readonly annotations?: Readonly<Record<string, string>> } }): number | undefined {
  const v = o.metadata.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^\d+$/.test(v) ? Number(v) : undefined;
}

export function maxRevision(rss: readonly RSView[]): number {
  let max = 0;
  for (const rs of rss) max = Math.max(max, revisionOf(rs) ?? 0);
  return max;
}

function copyDeploymentAnnotationsToReplicaSet(d: DView, rs: ReplicaSet): boolean {
  let changed = false;
  const annotations = (rs.metadata.annotations ??= {});
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  return changed;
}

/** SetReplicasAnnotations: desired-replicas and max-replicas, used to scale proportionally later. */
export function setReplicasAnnotations(rs: ReplicaSet, desired: number, max: number): boolean {
  const annotations = (rs.metadata.annotations ??= {});
  let updated = false;
  if (annotations[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    annotations[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    updated = true;
  }
  if (annotations[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    annotations[MAX_REPLICAS_ANNOTATION] = String(max);
    updated = true;
  }
  return updated;
}

export function replicasAnnotationsNeedUpdate(rs: RSView, desired: number, max: number): boolean {
  const a = rs.metadata.annotations;
  return a?.[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a?.[MAX_REPLICAS_ANNOTATION] !== String(max);
}

/**
 * SetNewReplicaSetAnnotations: copies the Deployment's annotations, raises the
 * revision to newRevision and, when an old ReplicaSet is brought back (rollback),
 * remembers its former revisions in revision-history.
 */
export function setNewReplicaSetAnnotations(d: DView, rs: ReplicaSet, newRevision: number, exists: boolean): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
  const annotations = (rs.metadata.annotations ??= {});
  const oldRevision = annotations[REVISION_ANNOTATION];
  const hadRevision = oldRevision !== undefined;
  let oldRevisionInt = 0;
  if (hadRevision && oldRevision !== "") {
    if (!/^\d+$/.test(oldRevision)) return false;
    oldRevisionInt = Number(oldRevision);
  }
  if (oldRevisionInt < newRevision) {
    annotations[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
  }
  if (hadRevision && oldRevisionInt < newRevision) {
    const history = annotations[REVISION_HISTORY_ANNOTATION] ?? "";
    const old = history.split(",");
    if (old[0]!.length === 0) {
      annotations[REVISION_HISTORY_ANNOTATION] = oldRevision;
    } else {
      let totalLen = history.length + oldRevision.length + 1;
      let start = 0;
      while (totalLen > MAX_REV_HISTORY_LENGTH_IN_CHARS && start < old.length) totalLen -= old[start++]!.length + 1;
      if (totalLen <= MAX_REV_HISTORY_LENGTH_IN_CHARS) annotations[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldRevision].join(",");
    }
  }
  if (!exists && setReplicasAnnotations(rs, specReplicas(d), specReplicas(d) + maxSurge(d))) changed = true;
  return changed;
}

/** IsSaturated: the new ReplicaSet runs the full count, all available. */
export function isSaturated(d: DView, rs: RSView | undefined): boolean {
  if (!rs) return false;
  const desired = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
  if (desired === undefined || !/^-?\d+$/.test(desired)) return false;
  const replicas = specReplicas(d);
  return specReplicas(rs) === replicas && Number(desired) === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

/** FindActiveOrLatest: the one ReplicaSet with replicas, or the newest when none has any; undefined when several do. */
export function findActiveOrLatest<T extends RSView>(newRS: T | undefined, oldRSs: readonly T[], epochMs: number): T | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a, epochMs));
  const active = filterActiveReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** GetProportion: this ReplicaSet's share of a scaling step, in proportion to its size. */
export function getProportion(rs: RSView, d: DView, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

function getReplicaSetFraction(rs: RSView, d: DView): number {
  if (specReplicas(d) === 0) return -specReplicas(rs);
  const deploymentReplicas = specReplicas(d) + maxSurge(d);
  const annotated = rs.metadata.annotations?.[MAX_REPLICAS_ANNOTATION];
  const annotatedReplicas = annotated !== undefined && /^-?\d+$/.test(annotated) ? Number(annotated) : (d.status?.replicas ?? 0);
  // integer.RoundToInt32 of replicas × deploymentReplicas / annotatedReplicas, rounding halves away from zero.
  const num = specReplicas(rs) * deploymentReplicas;
  const rounded = annotatedReplicas === 0 ? 0 : Math.sign(num) * Math.floor((2 * Math.abs(num) + annotatedReplicas) / (2 * annotatedReplicas));
  return rounded - specReplicas(rs);
}
