// NodeUnschedulable: a cordoned node (spec.unschedulable) takes no new pods,
// unless the pod tolerates the node.kubernetes.io/unschedulable:NoSchedule taint
// (DaemonSet pods do). Evicting pods cannot uncordon a node, hence Unresolvable.

import type { Node, Pod, Taint } from "../../../api/core-v1.ts";
import type { DeepReadonly } from "../../../api/meta.ts";
import type { CycleState } from "../../framework/cycle-state.ts";
import { ActionType, type ClusterEventWithHint, type QueueingHint } from "../../framework/events.ts";
import type { EnqueueExtensions, FilterPlugin, PluginFactory } from "../../framework/interface.ts";
import type { NodeInfo } from "../../framework/node-info.ts";
import { Code, newStatus, type Status } from "../../framework/status.ts";
import { tolerationsTolerateTaint } from "../helper/taints.ts";
import { Names } from "../names.ts";

export const Name = Names.NodeUnschedulable;
export const ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";
/** v1.TaintNodeUnschedulable. */
export const TAINT_NODE_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";

const UNSCHEDULABLE_TAINT: Taint = { key: TAINT_NODE_UNSCHEDULABLE, effect: "NoSchedule" };
const REJECTED = newStatus(Code.UnschedulableAndUnresolvable, [ERR_REASON_UNSCHEDULABLE], Name);

export class NodeUnschedulable implements FilterPlugin, EnqueueExtensions {
  readonly name = Name;

  filter(_state: CycleState, pod: DeepReadonly<Pod>, nodeInfo: NodeInfo): Status | undefined {
    if (!nodeInfo.node!.spec.unschedulable) return undefined;
    return tolerationsTolerateTaint(pod.spec.tolerations, UNSCHEDULABLE_TAINT) ? undefined : REJECTED;
  }

  eventsToRegister(): readonly ClusterEventWithHint[] {
    return [
      { event: { resource: "Node", actionType: ActionType.Add | ActionType.UpdateNodeTaint, label: "Node" }, hint: isSchedulableAfterNodeChange },
      // A pod can become schedulable on a cordoned node by tolerating the cordon.
      { event: { resource: "Pod", actionType: ActionType.UpdatePodToleration, label: "PodTolerationChange" }, hint: isSchedulableAfterPodTolerationChange },
    ];
  }
}

function isSchedulableAfterNodeChange(_pod: DeepReadonly<Pod>, oldObj: unknown, newObj: unknown): QueueingHint {
  const original = oldObj as DeepReadonly<Node> | undefined;
  const modified = newObj as DeepReadonly<Node>;
  const wasSchedulable = original !== undefined && !original.spec.unschedulable;
  return !wasSchedulable && !modified.spec.unschedulable ? "Queue" : "QueueSkip";
}

function isSchedulableAfterPodTolerationChange(pod: DeepReadonly<Pod>, _old: unknown, newObj: unknown): QueueingHint {
  const modified = newObj as DeepReadonly<Pod>;
  return modified.metadata.uid === pod.metadata.uid && tolerationsTolerateTaint(modified.spec.tolerations, UNSCHEDULABLE_TAINT) ? "Queue" : "QueueSkip";
}

export const newNodeUnschedulable: PluginFactory = () => new NodeUnschedulable();
