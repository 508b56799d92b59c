// The taints the node controller owns (k8s.io/api core/v1 well_known_taints.go), which node
// condition maps to which of them, and the taint helpers of pkg/util/taints and
// pkg/controller/controller_utils.go that write them through the API server.

import type { Node, Taint } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";
import { TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE } from "../../apiserver/admission/default-toleration-seconds.ts";
import type { Client } from "../../clientgo/client.ts";
import { deepEqual } from "../../kernel/equal.ts";

export { TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE };
export const TAINT_NODE_MEMORY_PRESSURE = "node.kubernetes.io/memory-pressure";
export const TAINT_NODE_DISK_PRESSURE = "node.kubernetes.io/disk-pressure";
export const TAINT_NODE_PID_PRESSURE = "node.kubernetes.io/pid-pressure";
export const TAINT_NODE_NETWORK_UNAVAILABLE = "node.kubernetes.io/network-unavailable";
export const TAINT_NODE_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

/** NoExecute taint for a node whose Ready condition is Unknown (kubelet silent). */
export const UNREACHABLE_TAINT_TEMPLATE: Readonly<Taint> = { key: TAINT_NODE_UNREACHABLE, effect: "NoExecute" };
/** NoExecute taint for a node whose kubelet reports Ready=False. */
export const NOT_READY_TAINT_TEMPLATE: Readonly<Taint> = { key: TAINT_NODE_NOT_READY, effect: "NoExecute" };

type ConditionStatus = "True" | "False" | "Unknown";

/** nodeConditionToTaintKeyStatusMap: the NoSchedule taint each bad condition gets (TaintNodesByCondition). */
export const NODE_CONDITION_TO_TAINT_KEY: Readonly<Record<string, Partial<Record<ConditionStatus, string>>>> = {
  Ready: { False: TAINT_NODE_NOT_READY, Unknown: TAINT_NODE_UNREACHABLE },
  MemoryPressure: { True: TAINT_NODE_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_NODE_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NODE_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_NODE_PID_PRESSURE },
};

/** taintKeyToNodeConditionMap: the condition taints this controller may remove again. */
export const TAINT_KEY_TO_NODE_CONDITION: Readonly<Record<string, string>> = {
  [TAINT_NODE_NOT_READY]: "Ready",
  [TAINT_NODE_UNREACHABLE]: "Ready",
  [TAINT_NODE_NETWORK_UNAVAILABLE]: "NetworkUnavailable",
  [TAINT_NODE_MEMORY_PRESSURE]: "MemoryPressure",
  [TAINT_NODE_DISK_PRESSURE]: "DiskPressure",
  [TAINT_NODE_PID_PRESSURE]: "PIDPressure",
};

type TaintLike = DeepReadonly<Taint> | Readonly<Taint>;

/** Taint.MatchTaint: same key and effect (value and timeAdded do not matter). */
export function matchTaint(a: TaintLike, b: TaintLike): boolean {
  return a.key === b.key && a.effect === b.effect;
}

export function taintExists(taints: readonly TaintLike[] | undefined, taint: TaintLike): boolean {
  return (taints ?? []).some((t) => matchTaint(t, taint));
}

/** TaintSetDiff: what to add to `current` and what to take away to get `wanted`. */
export function taintSetDiff(wanted: readonly Taint[], current: readonly TaintLike[]): { toAdd: Taint[]; toRemove: Taint[] } {
  const toAdd = wanted.filter((w) => !current.some((c) => matchTaint(c, w)));
  const toRemove = current.filter((c) => !wanted.some((w) => matchTaint(c, w))).map((t) => ({ ...t }) as Taint);
  return { toAdd, toRemove };
}

/** taintutils.AddOrUpdateTaint: replaces a matching taint in place, or appends. */
export function addOrUpdateTaint(taints: readonly Taint[], taint: Taint): { taints: Taint[]; updated: boolean } {
  const out: Taint[] = [];
  let replaced = false;
  for (const t of taints) {
    if (matchTaint(t, taint)) {
      if (deepEqual(t, taint)) return { taints: [...taints], updated: false };
      out.push(taint);
      replaced = true;
      continue;
    }
    out.push(t);
  }
  if (!replaced) out.push(taint);
  return { taints: out, updated: true };
}

function patchNodeTaints(client: Client, node: Node, taints: readonly Taint[]): boolean {
  // PatchNodeTaints sends the whole list with the read resourceVersion as a precondition.
  const res = client.patch("nodes", undefined, node.metadata.name!, {
    metadata: { resourceVersion: node.metadata.resourceVersion },
    spec: { taints: taints.length > 0 ? taints : null },
  });
  return res.ok;
}

// Upstream wraps the next two in RetryOnConflict around a fresh GET. Here the GET and the
// PATCH run in one synchronous call, so nothing can write in between and one try suffices.

/** controller.AddOrUpdateTaintOnNode. */
export function addOrUpdateTaintOnNode(client: Client, nodeName: string, taints: readonly Taint[]): boolean {
  if (taints.length === 0) return true;
  const got = client.get("nodes", undefined, nodeName);
  if (!got.ok) return false;
  let current: Taint[] = [...(got.object.spec.taints ?? [])];
  let updated = false;
  for (const t of taints) {
    const r = addOrUpdateTaint(current, t);
    current = r.taints;
    updated ||= r.updated;
  }
  return !updated || patchNodeTaints(client, got.object, current);
}

/** controller.RemoveTaintOffNode; `node` (a cached copy) short-circuits when none of the taints is there. */
export function removeTaintOffNode(client: Client, nodeName: string, node: DeepReadonly<Node> | undefined, taints: readonly TaintLike[]): boolean {
  if (taints.length === 0) return true;
  if (node && !taints.some((t) => taintExists(node.spec.taints, t))) return true;
  const got = client.get("nodes", undefined, nodeName);
  if (!got.ok) return false;
  const current = got.object.spec.taints ?? [];
  const kept = current.filter((c) => !taints.some((t) => matchTaint(c, t)));
  return kept.length === current.length || patchNodeTaints(client, got.object, kept);
}

/**
 * controllerutil.SwapNodeControllerTaint: stamps timeAdded on the taints to add, adds them,
 * then removes the others: two writes, as upstream, so a watcher may see both for a moment.
 */
export function swapNodeControllerTaint(client: Client, now: string, toAdd: readonly TaintLike[], toRemove: readonly TaintLike[], node: DeepReadonly<Node>): boolean {
  const stamped = toAdd.map((t) => ({ ...t, timeAdded: now }) as Taint);
  if (!addOrUpdateTaintOnNode(client, node.metadata.name!, stamped)) return false;
  return removeTaintOffNode(client, node.metadata.name!, node, toRemove);
}
