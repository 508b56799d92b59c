// NodeName: a pod that names its node (spec.nodeName) fits only there.

import type { Node, Pod } from "../../../api/core-v1.ts";
import type { DeepReadonly } from "../../../api/meta.ts";
import type { CycleState } from "../../framework/cycle-state.ts";
import { ActionType, type ClusterEventWithHint, type QueueingHint } from "../../framework/events.ts";
import type { EnqueueExtensions, FilterPlugin, PluginFactory } from "../../framework/interface.ts";
import type { NodeInfo } from "../../framework/node-info.ts";
import { Code, newStatus, type Status } from "../../framework/status.ts";
import { Names } from "../names.ts";

export const Name = Names.NodeName;
export const ERR_REASON = "node(s) didn't match the requested node name";

const REJECTED = newStatus(Code.UnschedulableAndUnresolvable, [ERR_REASON], Name);

export function fits(pod: DeepReadonly<Pod>, nodeName: string): boolean {
  return !pod.spec.nodeName || pod.spec.nodeName === nodeName;
}

export class NodeName implements FilterPlugin, EnqueueExtensions {
  readonly name = Name;

  filter(_state: CycleState, pod: DeepReadonly<Pod>, nodeInfo: NodeInfo): Status | undefined {
    return fits(pod, nodeInfo.name) ? undefined : REJECTED;
  }

  eventsToRegister(): readonly ClusterEventWithHint[] {
    return [{ event: { resource: "Node", actionType: ActionType.Add, label: "NodeAdd" }, hint: isSchedulableAfterNodeAdd }];
  }
}

function isSchedulableAfterNodeAdd(pod: DeepReadonly<Pod>, _old: unknown, newObj: unknown): QueueingHint {
  return fits(pod, (newObj as DeepReadonly<Node>).metadata.name!) ? "Queue" : "QueueSkip";
}

export const newNodeName: PluginFactory = () => new NodeName();
