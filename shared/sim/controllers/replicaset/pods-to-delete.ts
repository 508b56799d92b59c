// Which pods a ReplicaSet deletes when it has too many (getPodsToDelete and
// controller.ActivePodsWithRanks): the least established go first, so scaling
// down removes what is still starting before what is serving.

import type { Pod } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";
import { parseTime } from "../../kernel/time.ts";
import { isPodActive, isPodReady, podReadyCondition } from "../common/pod-util.ts";

type PodView = DeepReadonly<Pod>;

export const POD_DELETION_COST_ANNOTATION = "controller.kubernetes.io/pod-deletion-cost";

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

/** The int32 in controller.kubernetes.io/pod-deletion-cost; absent or malformed counts as 0. */
export function podDeletionCost(pod: PodView): number {
  const v = pod.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

function maxContainerRestarts(pod: PodView): number {
  let max = 0;
  for (const c of pod.status?.containerStatuses ?? []) max = Math.max(max, c.restartCount);
  return max;
}

/** Ready condition's lastTransitionTime in sim ms when ready, undefined ("zero time") otherwise. */
function readyTime(pod: PodView, epochMs: number): number | undefined {
  const c = podReadyCondition(pod);
  if (c?.status !== "True" || c.lastTransitionTime === undefined) return undefined;
  return parseTime(epochMs, c.lastTransitionTime);
}

function creationTime(pod: PodView, epochMs: number): number | undefined {
  const t = pod.metadata.creationTimestamp;
  return t === undefined ? undefined : parseTime(epochMs, t);
}

/** afterOrZero: a zero time sorts first, otherwise the later time does. */
function afterOrZero(t1: number | undefined, t2: number | undefined): boolean {
  if (t1 === undefined || t2 === undefined) return t1 === undefined;
  return t1 > t2;
}

/** floor(log2(ns)) of a positive duration in ms, in integer steps (no Math.log2 in the sim). */
function log2Bucket(durationMs: number): number {
  if (durationMs <= 0) return -1;
  let x = durationMs * 1_000_000;
  let n = 0;
  while (x >= 2) {
    x /= 2;
    n++;
  }
  return n;
}

/**
 * LogarithmicScaleDown: timestamps in the same power-of-two age bucket count as
 * equal, so an older pod is not kept just for being seconds older; ties go by uid.
 */
function timeLess(a: PodView, ta: number | undefined, b: PodView, tb: number | undefined, nowMs: number): boolean {
  if (ta === undefined || tb === undefined) return afterOrZero(ta, tb);
  const diff = log2Bucket(nowMs - ta) - log2Bucket(nowMs - tb);
  if (diff === 0) return (a.metadata.uid ?? "") < (b.metadata.uid ?? "");
  return diff < 0;
}

interface Ranked {
  readonly pod: PodView;
  /** Active related pods on the same node: a doubled-up pod goes first. */
  readonly rank: number;
}

/** ActivePodsWithRanks.Less: true when a should be deleted before b. */
function less(a: Ranked, b: Ranked, nowMs: number, epochMs: number): boolean {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec.nodeName ?? "";
  const nb = pb.spec.nodeName ?? "";
  if (na !== nb && (na === "" || nb === "")) return na === "";
  const oa = PHASE_ORDINAL[pa.status?.phase ?? ""] ?? 0;
  const ob = PHASE_ORDINAL[pb.status?.phase ?? ""] ?? 0;
  if (oa !== ob) return oa < ob;
  const ra = isPodReady(pa);
  const rb = isPodReady(pb);
  if (ra !== rb) return !ra;
  const ca = podDeletionCost(pa);
  const cb = podDeletionCost(pb);
  if (ca !== cb) return ca < cb;
  if (a.rank !== b.rank) return a.rank > b.rank;
  if (ra && rb) {
    const ta = readyTime(pa, epochMs);
    const tb = readyTime(pb, epochMs);
    if (ta !== tb) return timeLess(pa, ta, pb, tb, nowMs);
  }
  const xa = maxContainerRestarts(pa);
  const xb = maxContainerRestarts(pb);
  if (xa !== xb) return xa > xb;
  const ta = creationTime(pa, epochMs);
  const tb = creationTime(pb, epochMs);
  if (ta !== tb) return timeLess(pa, ta, pb, tb, nowMs);
  return false;
}

/**
 * The `diff` pods of `filteredPods` to delete. `relatedPods` are the pods of every
 * ReplicaSet sharing this one's owner: crowding on a node is judged across them.
 */
export function getPodsToDelete(filteredPods: readonly PodView[], relatedPods: readonly PodView[], diff: number, nowMs: number, epochMs: number): PodView[] {
  if (diff >= filteredPods.length) return [...filteredPods];
  const podsOnNode = new Map<string, number>();
  for (const p of relatedPods) {
    if (!isPodActive(p)) continue;
    const node = p.spec.nodeName ?? "";
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  const ranked: Ranked[] = filteredPods.map((pod) => ({ pod, rank: podsOnNode.get(pod.spec.nodeName ?? "") ?? 0 }));
  // Array.sort is stable, and the input comes in key order, so ties resolve the same way every run.
  ranked.sort((a, b) => (less(a, b, nowMs, epochMs) ? -1 : less(b, a, nowMs, epochMs) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
