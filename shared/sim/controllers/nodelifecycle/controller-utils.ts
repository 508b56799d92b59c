// pkg/controller/util/node/controller_utils.go: the node controller's events and MarkPodsNotReady,
// which flips the Ready condition of every pod on a silent node to False so endpoints drop them
// long before the pods are evicted.

import type { Pod } from "../../api/core-v1.ts";
import type { Condition, DeepReadonly } from "../../api/meta.ts";
import type { Client } from "../../clientgo/client.ts";
import type { EventRecorder, EventType } from "../../clientgo/events.ts";
import { clone } from "../../kernel/equal.ts";

/** The event source kube-controller-manager's node lifecycle controller records as. */
export const NODE_CONTROLLER_EVENT_SOURCE = "node-controller";

export const REASON_REGISTERED_NODE = "RegisteredNode";
export const REASON_REMOVING_NODE = "RemovingNode";
export const REASON_NODE_NOT_READY = "NodeNotReady";
export const POD_NODE_NOT_READY_MESSAGE = "Node is not ready";

export const registeredNodeEvent = (node: string): string => `Registered Node ${node} in Controller`;
export const removingNodeEvent = (node: string): string => `Removing Node ${node} from Controller`;
/** RecordNodeEvent's wrapper: `Node n1 event: Registered Node n1 in Controller`. */
export const nodeEventMessage = (node: string, event: string): string => `Node ${node} event: ${event}`;
/** RecordNodeStatusChange: `Node n1 status is now: NodeNotReady`. */
export const nodeStatusChangeMessage = (node: string, status: string): string => `Node ${node} status is now: ${status}`;

// Node events reference the node by name and uid only (no resourceVersion), as upstream's ObjectReference does.
function nodeRef(name: string, uid: string | undefined): { apiVersion: string; kind: string; metadata: { name: string; uid?: string } } {
  return { apiVersion: "v1", kind: "Node", metadata: { name, uid } };
}

export function recordNodeEvent(recorder: EventRecorder, nodeName: string, nodeUid: string | undefined, type: EventType, reason: string, event: string): void {
  recorder.event(nodeRef(nodeName, nodeUid), type, reason, nodeEventMessage(nodeName, event));
}

export function recordNodeStatusChange(recorder: EventRecorder, node: DeepReadonly<{ metadata: { name?: string; uid?: string } }>, newStatus: string): void {
  recorder.event(nodeRef(node.metadata.name!, node.metadata.uid), "Normal", newStatus, nodeStatusChangeMessage(node.metadata.name!, newStatus));
}

/**
 * utilpod.UpdatePodCondition: sets the condition, keeping lastTransitionTime when the status
 * did not change; returns whether anything changed.
 */
export function updatePodCondition(conditions: Condition[], condition: Condition, now: string): boolean {
  const i = conditions.findIndex((c) => c.type === condition.type);
  const next: Condition = { ...condition, lastTransitionTime: now };
  if (i < 0) {
    conditions.push(next);
    return true;
  }
  const old = conditions[i]!;
  if (next.status === old.status) next.lastTransitionTime = old.lastTransitionTime;
  const same =
    next.status === old.status &&
    next.reason === old.reason &&
    next.message === old.message &&
    (next.lastProbeTime ?? null) === (old.lastProbeTime ?? null) &&
    next.lastTransitionTime === old.lastTransitionTime;
  conditions[i] = next;
  return !same;
}

/**
 * MarkPodsNotReady: Ready=False on each pod of the node that has a Ready condition, then a
 * Warning NodeNotReady event on it. Returns whether every write succeeded.
 */
export function markPodsNotReady(client: Client, recorder: EventRecorder, pods: readonly DeepReadonly<Pod>[], nodeName: string, now: string): boolean {
  let ok = true;
  for (const cached of pods) {
    if (cached.spec.nodeName !== nodeName) continue;
    const ready = cached.status?.conditions?.find((c) => c.type === "Ready");
    if (ready === undefined) continue;
    const pod = clone(cached) as Pod;
    const conditions = pod.status!.conditions!;
    if (!updatePodCondition(conditions, { ...(ready as Condition), status: "False" }, now)) continue;
    const res = client.updateStatus("pods", pod);
    if (!res.ok) {
      if (res.status.code === 404) continue; // already gone: nothing left to do
      ok = false;
    }
    // Recorded after the write, so the pod still existed (upstream records it on other errors too).
    recorder.event(pod, "Warning", REASON_NODE_NOT_READY, POD_NODE_NOT_READY_MESSAGE);
  }
  return ok;
}
