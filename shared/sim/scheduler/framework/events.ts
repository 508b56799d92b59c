// Cluster events and queueing hints (framework.ClusterEvent, QueueingHintFn): a
// pod that failed sits in unschedulablePods until an event arrives that one of
// the plugins that rejected it says might help. Plugins register the events they
// care about in EventsToRegister; the queue asks their hints.

import type { Node, Pod } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";
import { deepEqual } from "../../kernel/equal.ts";

/** ActionType bits (framework.ActionType). */
export const ActionType = {
  Add: 1 << 0,
  Delete: 1 << 1,
  UpdateNodeAllocatable: 1 << 2,
  UpdateNodeLabel: 1 << 3,
  UpdateNodeTaint: 1 << 4,
  UpdateNodeCondition: 1 << 5,
  UpdateNodeAnnotation: 1 << 6,
  UpdatePodLabel: 1 << 7,
  UpdatePodToleration: 1 << 8,
  /** Any other pod update (framework.updatePodOther): only plugins registering every Update see it. */
  UpdatePodOther: 1 << 9,
  All: (1 << 10) - 1,
} as const;

/** "Pod" in a registration matches both assigned and unscheduled pod events. */
export type EventResource = "Node" | "Pod" | "AssignedPod" | "UnschedulablePod" | "*";

export interface ClusterEvent {
  readonly resource: EventResource;
  readonly actionType: number;
  readonly label: string;
}

export type QueueingHint = "Queue" | "QueueSkip";

/** Whether `event` (old → new object) may make `pod`, rejected by this plugin, schedulable. */
export type QueueingHintFn = (pod: DeepReadonly<Pod>, oldObj: unknown, newObj: unknown) => QueueingHint;

export interface ClusterEventWithHint {
  readonly event: ClusterEvent;
  /** No hint means Queue. */
  readonly hint?: QueueingHintFn;
}

export function isWildCard(event: ClusterEvent): boolean {
  return event.resource === "*" && event.actionType === ActionType.All;
}

/** ClusterEvent.Match: does a registered event cover an incoming one? */
export function eventMatches(registered: ClusterEvent, incoming: ClusterEvent): boolean {
  if (isWildCard(registered)) return true;
  const r = registered.resource;
  const resourceMatches =
    r === "*" || r === incoming.resource || (r === "Pod" && (incoming.resource === "AssignedPod" || incoming.resource === "UnschedulablePod"));
  return resourceMatches && (registered.actionType & incoming.actionType) !== 0;
}

export const EVENT_NODE_ADD: ClusterEvent = { resource: "Node", actionType: ActionType.Add, label: "NodeAdd" };
export const EVENT_ASSIGNED_POD_DELETE: ClusterEvent = { resource: "AssignedPod", actionType: ActionType.Delete, label: "AssignedPodDelete" };
/** A pod waited in unschedulablePods for podMaxInUnschedulablePodsDuration. */
export const EVENT_UNSCHEDULABLE_TIMEOUT: ClusterEvent = { resource: "*", actionType: ActionType.All, label: "UnschedulableTimeout" };

const nodeUpdate = (actionType: number, label: string): ClusterEvent => ({ resource: "Node", actionType, label });
const NODE_TAINT_CHANGE = nodeUpdate(ActionType.UpdateNodeTaint, "NodeTaintChange");
const NODE_ALLOCATABLE_CHANGE = nodeUpdate(ActionType.UpdateNodeAllocatable, "NodeAllocatableChange");
const NODE_LABEL_CHANGE = nodeUpdate(ActionType.UpdateNodeLabel, "NodeLabelChange");
const NODE_CONDITION_CHANGE = nodeUpdate(ActionType.UpdateNodeCondition, "NodeConditionChange");
const NODE_ANNOTATION_CHANGE = nodeUpdate(ActionType.UpdateNodeAnnotation, "NodeAnnotationChange");

function conditionStatuses(node: DeepReadonly<Node>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of node.status?.conditions ?? []) out[c.type] = c.status;
  return out;
}

/** framework.NodeSchedulingPropertiesChange: the events a node update amounts to. */
export function nodeSchedulingPropertiesChange(newNode: DeepReadonly<Node>, oldNode: DeepReadonly<Node>): ClusterEvent[] {
  const events: ClusterEvent[] = [];
  // Only uncordoning is an event: cordoning cannot make a pending pod schedulable.
  if (Boolean(newNode.spec.unschedulable) !== Boolean(oldNode.spec.unschedulable) && !newNode.spec.unschedulable) events.push(NODE_TAINT_CHANGE);
  if (!deepEqual(newNode.status?.allocatable, oldNode.status?.allocatable)) events.push(NODE_ALLOCATABLE_CHANGE);
  if (!deepEqual(newNode.metadata.labels, oldNode.metadata.labels)) events.push(NODE_LABEL_CHANGE);
  if (!deepEqual(newNode.spec.taints, oldNode.spec.taints)) events.push(NODE_TAINT_CHANGE);
  if (!deepEqual(conditionStatuses(newNode), conditionStatuses(oldNode))) events.push(NODE_CONDITION_CHANGE);
  if (!deepEqual(newNode.metadata.annotations, oldNode.metadata.annotations)) events.push(NODE_ANNOTATION_CHANGE);
  return events;
}

const UNSCHEDULED_POD_LABEL_CHANGE: ClusterEvent = { resource: "UnschedulablePod", actionType: ActionType.UpdatePodLabel, label: "UnscheduledPodUpdate" };
const UNSCHEDULED_POD_TOLERATION_CHANGE: ClusterEvent = { resource: "UnschedulablePod", actionType: ActionType.UpdatePodToleration, label: "UnscheduledPodUpdate" };
const UNSCHEDULED_POD_OTHER_UPDATE: ClusterEvent = { resource: "UnschedulablePod", actionType: ActionType.UpdatePodOther, label: "UnscheduledPodUpdate" };

/** framework.PodSchedulingPropertiesChange for an unscheduled pod's update. */
export function podSchedulingPropertiesChange(newPod: DeepReadonly<Pod>, oldPod: DeepReadonly<Pod>): ClusterEvent[] {
  const events: ClusterEvent[] = [];
  if (!deepEqual(newPod.metadata.labels, oldPod.metadata.labels)) events.push(UNSCHEDULED_POD_LABEL_CHANGE);
  // Validation only lets tolerations be added, so a length change is the whole story.
  if ((newPod.spec.tolerations?.length ?? 0) !== (oldPod.spec.tolerations?.length ?? 0)) events.push(UNSCHEDULED_POD_TOLERATION_CHANGE);
  if (events.length === 0) events.push(UNSCHEDULED_POD_OTHER_UPDATE);
  return events;
}
