// framework.Resource and the pod requests the scheduler counts (component-helpers
// resource.PodRequests): containers run together, so their requests add up; init
// containers run one at a time, so only the largest counts; a pod needs the larger
// of the two, per resource. "Non-zero" requests stand in 100m CPU and 200 MiB of
// memory for a container that names neither, so that pods without requests still
// spread out when scoring; Filter always uses the real requests.

import type { ResourceList } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";
import type { Pod } from "../../api/core-v1.ts";
import { bytes, count, milliCpu } from "../../api/quantity.ts";

/** schedutil.DefaultMilliCPURequest. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** schedutil.DefaultMemoryRequest: 200 MiB. */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export interface Resource {
  milliCPU: number;
  /** Bytes. */
  memory: number;
  /** Bytes. */
  ephemeralStorage: number;
  allowedPodNumber: number;
  /** Extended resources (nvidia.com/gpu), hugepages-*, attachable-volumes-*; undefined when none. */
  scalarResources: Map<string, number> | undefined;
}

export function newResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalarResources: undefined };
}

/**
 * schedutil.IsScalarResourceName: extended resources (a domain-prefixed name such
 * as nvidia.com/gpu, not a quota "requests." name), prefixed native resources,
 * hugepages and attachable volumes. Other unknown names are ignored, as upstream.
 */
export function isScalarResourceName(name: string): boolean {
  return (name.includes("/") && !name.startsWith("requests.")) || name.startsWith("hugepages-") || name.startsWith("attachable-volumes-");
}

/** Resource.Add: adds a ResourceList (CPU in millicores, the rest in whole units). */
export function addResourceList(r: Resource, list: DeepReadonly<ResourceList> | undefined): void {
  if (list === undefined) return;
  for (const name in list) {
    const q = list[name]!;
    switch (name) {
      case "cpu":
        r.milliCPU += milliCpu(q);
        break;
      case "memory":
        r.memory += bytes(q);
        break;
      case "pods":
        r.allowedPodNumber += count(q);
        break;
      case "ephemeral-storage":
        r.ephemeralStorage += bytes(q);
        break;
      default:
        if (isScalarResourceName(name)) (r.scalarResources ??= new Map()).set(name, (r.scalarResources.get(name) ?? 0) + bytes(q));
    }
  }
}

function maxInto(r: Resource, other: Resource): void {
  r.milliCPU = Math.max(r.milliCPU, other.milliCPU);
  r.memory = Math.max(r.memory, other.memory);
  r.ephemeralStorage = Math.max(r.ephemeralStorage, other.ephemeralStorage);
  if (other.scalarResources) {
    for (const [name, v] of other.scalarResources) {
      const map = (r.scalarResources ??= new Map());
      map.set(name, Math.max(map.get(name) ?? 0, v));
    }
  }
}

/** What a pod asks of a node: real requests for Filter, non-zero CPU and memory for scoring. */
export interface PodResource {
  readonly requests: Readonly<Resource>;
  readonly nonZeroMilliCPU: number;
  readonly nonZeroMemory: number;
}

/** resource.PodRequests(pod): Σ containers, raised per resource to the largest init container. */
export function podRequests(pod: DeepReadonly<Pod>): Resource {
  const sum = newResource();
  for (const c of pod.spec.containers) addResourceList(sum, c.resources?.requests);
  const initMax = newResource();
  for (const c of pod.spec.initContainers ?? []) {
    const one = newResource();
    addResourceList(one, c.resources?.requests);
    maxInto(initMax, one);
  }
  maxInto(sum, initMax);
  return sum;
}

/**
 * CPU and memory with NonMissingContainerRequests: a container that does not name
 * cpu (or memory) counts 100m (or 200 MiB); one that names it, even as 0, counts that.
 */
export function nonZeroRequests(pod: DeepReadonly<Pod>): { milliCPU: number; memory: number } {
  let cpu = 0;
  let mem = 0;
  for (const c of pod.spec.containers) {
    const req = c.resources?.requests;
    cpu += req?.cpu === undefined ? DEFAULT_MILLI_CPU_REQUEST : milliCpu(req.cpu);
    mem += req?.memory === undefined ? DEFAULT_MEMORY_REQUEST : bytes(req.memory);
  }
  for (const c of pod.spec.initContainers ?? []) {
    const req = c.resources?.requests;
    cpu = Math.max(cpu, req?.cpu === undefined ? DEFAULT_MILLI_CPU_REQUEST : milliCpu(req.cpu));
    mem = Math.max(mem, req?.memory === undefined ? DEFAULT_MEMORY_REQUEST : bytes(req.memory));
  }
  return { milliCPU: cpu, memory: mem };
}

/** PodInfo.CalculateResource: computed once when a pod enters the cache. */
export function calculatePodResource(pod: DeepReadonly<Pod>): PodResource {
  const nz = nonZeroRequests(pod);
  return { requests: podRequests(pod), nonZeroMilliCPU: nz.milliCPU, nonZeroMemory: nz.memory };
}
