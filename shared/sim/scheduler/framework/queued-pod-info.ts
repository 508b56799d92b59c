// QueuedPodInfo: a pending pod as the scheduling queue tracks it, with the
// bookkeeping that decides when it is tried again.

import type { Pod } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";
import { objectKey } from "../../api/meta.ts";

export interface QueuedPodInfo {
  pod: DeepReadonly<Pod>;
  /** namespace/name: the queue's key, as upstream's podInfoKeyFunc. */
  readonly key: string;
  /** Simulated ms the pod was last added to the queue (first seen, or last failed). */
  timestamp: number;
  /** Scheduling cycles the pod has been popped for. */
  attempts: number;
  /** Consecutive rejections by plugins; drives the normal backoff. */
  unschedulableCount: number;
  /** Consecutive errors (API failures); drives the error backoff while non-zero. */
  consecutiveErrorsCount: number;
  /** Cached backoff expiry in simulated ms; cleared whenever the pod is popped or re-added. */
  backoffExpiration: number | undefined;
  /** Plugins that rejected the pod last time: only their events can requeue it. */
  unschedulablePlugins: ReadonlySet<string>;
  /** Insertion order, so equal pods leave a heap in the order they came (Go's heap leaves it open). */
  readonly seq: number;
  /** Position in whichever heap holds it, -1 when none (maintained by Heap). */
  heapIndex: number;
}

export function newQueuedPodInfo(pod: DeepReadonly<Pod>, now: number, seq: number): QueuedPodInfo {
  return {
    pod,
    key: objectKey(pod as Pod),
    timestamp: now,
    attempts: 0,
    unschedulableCount: 0,
    consecutiveErrorsCount: 0,
    backoffExpiration: undefined,
    unschedulablePlugins: new Set(),
    seq,
    heapIndex: -1,
  };
}

/** corev1helpers.PodPriority: spec.priority, 0 when unset. */
export function podPriority(pod: DeepReadonly<Pod>): number {
  return pod.spec.priority ?? 0;
}
