// Pod admission on the node (pkg/kubelet/lifecycle/predicate.go): before running
// a pod bound here, the kubelet checks it fits next to the pods it already runs.
// The scheduler normally ensures this; a pod placed by hand (spec.nodeName, a
// player's drag) may not fit, and is then rejected: phase Failed, reason OutOfcpu.

import type { PodSpec } from "../api/core-v1.ts";
import type { DeepReadonly } from "../api/meta.ts";
import { bytes, milliCpu } from "../api/quantity.ts";

/** What the node offers (status.allocatable) in integers: millicores, bytes, pods. */
export interface Allocatable {
  readonly milliCPU: number;
  readonly memory: number;
  readonly ephemeralStorage: number;
  readonly pods: number;
}

/** What a pod requests: millicores and bytes. */
export interface Requests {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
}

export interface Rejection {
  /** The event reason and status.reason: "OutOfcpu", "OutOfmemory", "OutOfpods"... */
  readonly reason: string;
  /** InsufficientResourceError's text; the status message prefixes "Pod was rejected: ". */
  readonly message: string;
}

export const REJECTED_MESSAGE_PREFIX = "Pod was rejected: ";

export const insufficientResourceMessage = (resource: string, requested: number, used: number, capacity: number): string =>
  `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${used}, capacity: ${capacity}`;

/** resourcehelper.PodRequests: app containers add up, an init container needs its own peak. */
export function podRequests(spec: DeepReadonly<PodSpec>): Requests {
  const sum: Requests = { milliCPU: 0, memory: 0, ephemeralStorage: 0 };
  const of = (r: Readonly<Record<string, string>> | undefined): Requests => ({
    milliCPU: milliCpu(r?.cpu),
    memory: bytes(r?.memory),
    ephemeralStorage: bytes(r?.["ephemeral-storage"]),
  });
  for (const c of spec.containers) {
    const r = of(c.resources?.requests);
    sum.milliCPU += r.milliCPU;
    sum.memory += r.memory;
    sum.ephemeralStorage += r.ephemeralStorage;
  }
  for (const c of spec.initContainers ?? []) {
    const r = of(c.resources?.requests);
    sum.milliCPU = Math.max(sum.milliCPU, r.milliCPU);
    sum.memory = Math.max(sum.memory, r.memory);
    sum.ephemeralStorage = Math.max(sum.ephemeralStorage, r.ephemeralStorage);
  }
  return sum;
}

/**
 * noderesources.Fits as the kubelet runs it (generalFilter): the pod count first,
 * then cpu, memory and ephemeral storage against what the active pods request.
 * Only the first shortfall is reported, as the kubelet does.
 */
export function admitPod(want: Requests, active: readonly Requests[], allocatable: Allocatable): Rejection | undefined {
  if (active.length + 1 > allocatable.pods) return outOf("pods", 1, active.length, allocatable.pods);
  const used: Requests = { milliCPU: 0, memory: 0, ephemeralStorage: 0 };
  for (const r of active) {
    used.milliCPU += r.milliCPU;
    used.memory += r.memory;
    used.ephemeralStorage += r.ephemeralStorage;
  }
  if (want.milliCPU > 0 && want.milliCPU > allocatable.milliCPU - used.milliCPU) return outOf("cpu", want.milliCPU, used.milliCPU, allocatable.milliCPU);
  if (want.memory > 0 && want.memory > allocatable.memory - used.memory) return outOf("memory", want.memory, used.memory, allocatable.memory);
  if (want.ephemeralStorage > 0 && want.ephemeralStorage > allocatable.ephemeralStorage - used.ephemeralStorage) {
    return outOf("ephemeral-storage", want.ephemeralStorage, used.ephemeralStorage, allocatable.ephemeralStorage);
  }
  return undefined;
}

function outOf(resource: string, requested: number, used: number, capacity: number): Rejection {
  return { reason: `OutOf${resource}`, message: insufficientResourceMessage(resource, requested, used, capacity) };
}
