// NodeResourcesFit: a node fits when, per resource, what its pods already request
// plus what this pod requests stays within allocatable, and it has a pod slot
// left. PreFilter works out the pod's requests once; Filter only compares numbers.
// Score is LeastAllocated (weight 1 in the default profile).

import type { Node, Pod } from "../../../api/core-v1.ts";
import type { DeepReadonly } from "../../../api/meta.ts";
import { StateKey, type CycleState } from "../../framework/cycle-state.ts";
import { ActionType, type ClusterEventWithHint, type QueueingHint } from "../../framework/events.ts";
import type {
  EnqueueExtensions,
  FilterPlugin,
  PluginFactory,
  PreFilterPlugin,
  PreFilterReturn,
  PreScorePlugin,
  ScorePlugin,
} from "../../framework/interface.ts";
import { NodeInfo } from "../../framework/node-info.ts";
import { nonZeroRequests, podRequests, type Resource } from "../../framework/resource.ts";
import { Code, newStatus, type Status } from "../../framework/status.ts";
import { Names } from "../names.ts";
import { leastAllocatedScore } from "./least-allocated.ts";

export const Name = Names.NodeResourcesFit;

export const REASON_TOO_MANY_PODS = "Too many pods";
/** "Insufficient cpu", "Insufficient memory", "Insufficient nvidia.com/gpu". */
export function insufficientResourceReason(resourceName: string): string {
  return `Insufficient ${resourceName}`;
}

/**
 * One resource a node lacks. The event text stays exactly Kubernetes' reason,
 * while the figures let the UI say "needs 500m, 200m free": upstream keeps them
 * for the same reason (cluster-autoscaler reads them). Unresolvable: the pod asks
 * for more than the whole node has, so evicting pods would not help.
 */
export interface InsufficientResource {
  readonly resourceName: string;
  readonly reason: string;
  readonly requested: number;
  readonly used: number;
  readonly capacity: number;
  readonly unresolvable: boolean;
}

function insufficient(resourceName: string, reason: string, requested: number, used: number, capacity: number, unresolvable: boolean): InsufficientResource {
  return { resourceName, reason, requested, used, capacity, unresolvable };
}

/** fitsRequest: what the node lacks for these requests; undefined (no allocation) when it fits. */
export function fitsRequest(req: Readonly<Resource>, nodeInfo: NodeInfo): InsufficientResource[] | undefined {
  let out: InsufficientResource[] | undefined;
  const alloc = nodeInfo.allocatable;
  const used = nodeInfo.requested;
  const pods = nodeInfo.pods.size;
  if (pods + 1 > alloc.allowedPodNumber) (out ??= []).push(insufficient("pods", REASON_TOO_MANY_PODS, 1, pods, alloc.allowedPodNumber, false));
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0 && req.scalarResources === undefined) return out;
  if (req.milliCPU > 0 && req.milliCPU > alloc.milliCPU - used.milliCPU) {
    (out ??= []).push(insufficient("cpu", insufficientResourceReason("cpu"), req.milliCPU, used.milliCPU, alloc.milliCPU, req.milliCPU > alloc.milliCPU));
  }
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) {
    (out ??= []).push(insufficient("memory", insufficientResourceReason("memory"), req.memory, used.memory, alloc.memory, req.memory > alloc.memory));
  }
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    const name = "ephemeral-storage";
    (out ??= []).push(insufficient(name, insufficientResourceReason(name), req.ephemeralStorage, used.ephemeralStorage, alloc.ephemeralStorage, req.ephemeralStorage > alloc.ephemeralStorage));
  }
  if (req.scalarResources) {
    // Sorted: Go ranges over a map in random order, we want one answer.
    for (const name of [...req.scalarResources.keys()].sort()) {
      const q = req.scalarResources.get(name)!;
      if (q === 0) continue;
      const capacity = alloc.scalarResources?.get(name) ?? 0;
      const inUse = used.scalarResources?.get(name) ?? 0;
      if (q > capacity - inUse) (out ??= []).push(insufficient(name, insufficientResourceReason(name), q, inUse, capacity, q > capacity));
    }
  }
  return out;
}

/** Fits: everything the node lacks for this pod (empty when it fits), for callers outside a cycle. */
export function fits(pod: DeepReadonly<Pod>, nodeInfo: NodeInfo): InsufficientResource[] {
  return fitsRequest(podRequests(pod), nodeInfo) ?? [];
}

/** The pod's non-zero CPU and memory requests, for LeastAllocated. */
interface PreScoreState {
  readonly milliCPU: number;
  readonly memory: number;
}

const preFilterState = new StateKey<Resource>("PreFilter" + Name);
const preScoreState = new StateKey<PreScoreState>("PreScore" + Name);

export class Fit implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = Name;
  // Statuses are immutable and a full cluster rejects on every node with the same few
  // combinations, so each combination is built once.
  readonly #statuses = new Map<string, Status>();

  preFilter(state: CycleState, pod: DeepReadonly<Pod>): PreFilterReturn | undefined {
    preFilterState.write(state, podRequests(pod));
    return undefined;
  }

  filter(state: CycleState, pod: DeepReadonly<Pod>, nodeInfo: NodeInfo): Status | undefined {
    const req = preFilterState.read(state) ?? podRequests(pod);
    const lacking = fitsRequest(req, nodeInfo);
    if (lacking === undefined || lacking.length === 0) return undefined;
    const code = lacking.some((r) => r.unresolvable) ? Code.UnschedulableAndUnresolvable : Code.Unschedulable;
    const reasons = lacking.map((r) => r.reason);
    const key = `${code}\n${reasons.join("\n")}`;
    let status = this.#statuses.get(key);
    if (status === undefined) this.#statuses.set(key, (status = newStatus(code, reasons, Name)));
    return status;
  }

  preScore(state: CycleState, pod: DeepReadonly<Pod>): Status | undefined {
    preScoreState.write(state, nonZeroRequests(pod));
    return undefined;
  }

  score(state: CycleState, _pod: DeepReadonly<Pod>, nodeInfo: NodeInfo): number {
    const s = preScoreState.read(state)!;
    return leastAllocatedScore(nodeInfo, s.milliCPU, s.memory);
  }

  eventsToRegister(): readonly ClusterEventWithHint[] {
    return [
      { event: { resource: "Pod", actionType: ActionType.Delete, label: "PodDelete" }, hint: isSchedulableAfterPodEvent },
      { event: { resource: "Node", actionType: ActionType.Add | ActionType.UpdateNodeAllocatable, label: "Node" }, hint: isSchedulableAfterNodeChange },
    ];
  }
}

/** Deleting a pod frees resources only if it was on a node. */
function isSchedulableAfterPodEvent(_pod: DeepReadonly<Pod>, oldObj: unknown): QueueingHint {
  const deleted = oldObj as DeepReadonly<Pod>;
  return deleted.spec.nodeName || deleted.status?.nominatedNodeName ? "Queue" : "QueueSkip";
}

function isSchedulableAfterNodeChange(pod: DeepReadonly<Pod>, oldObj: unknown, newObj: unknown): QueueingHint {
  const modified = newObj as DeepReadonly<Node>;
  // Even empty, the node would be too small: nothing to retry.
  if (fits(pod, new NodeInfo(modified.metadata.name!, modified)).length > 0) return "QueueSkip";
  if (oldObj === undefined) return "Queue";
  return haveAnyRequestedResourcesIncreased(pod, oldObj as DeepReadonly<Node>, modified) ? "Queue" : "QueueSkip";
}

function haveAnyRequestedResourcesIncreased(pod: DeepReadonly<Pod>, original: DeepReadonly<Node>, modified: DeepReadonly<Node>): boolean {
  const req = podRequests(pod);
  const before = new NodeInfo(original.metadata.name!, original).allocatable;
  const after = new NodeInfo(modified.metadata.name!, modified).allocatable;
  if (after.allowedPodNumber > before.allowedPodNumber) return true;
  if ((req.milliCPU > 0 && after.milliCPU > before.milliCPU) || (req.memory > 0 && after.memory > before.memory)) return true;
  if (req.ephemeralStorage > 0 && after.ephemeralStorage > before.ephemeralStorage) return true;
  for (const [name, q] of req.scalarResources ?? []) {
    if (q > 0 && (after.scalarResources?.get(name) ?? 0) > (before.scalarResources?.get(name) ?? 0)) return true;
  }
  return false;
}

export const newFit: PluginFactory = () => new Fit();
