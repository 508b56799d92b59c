// TaintToleration: Filter rejects a node with a NoSchedule or NoExecute taint the
// pod does not tolerate (naming the first such taint); Score counts the
// PreferNoSchedule taints it does not tolerate, reversed on normalizing so fewer
// is better. Weight 3 in the default profile.

import type { Node, Pod, Taint, Toleration } from "../../../api/core-v1.ts";
import type { DeepReadonly } from "../../../api/meta.ts";
import { StateKey, type CycleState } from "../../framework/cycle-state.ts";
import { ActionType, type ClusterEventWithHint, type QueueingHint } from "../../framework/events.ts";
import {
  MAX_NODE_SCORE,
  type EnqueueExtensions,
  type FilterPlugin,
  type PluginFactory,
  type PreScorePlugin,
  type ScorePlugin,
} from "../../framework/interface.ts";
import type { NodeInfo } from "../../framework/node-info.ts";
import { defaultNormalizeScore } from "../../framework/normalize-score.ts";
import { Code, newStatus, type Status } from "../../framework/status.ts";
import { findMatchingUntoleratedTaint, isDoNotScheduleTaint, tolerationsTolerateTaint } from "../helper/taints.ts";
import { Names } from "../names.ts";

export const Name = Names.TaintToleration;

/** "node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }": an empty value prints as nothing. */
export function untoleratedTaintReason(taint: DeepReadonly<Taint>): string {
  return `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ""}}`;
}

interface PreScoreState {
  readonly tolerationsPreferNoSchedule: readonly DeepReadonly<Toleration>[];
}

const preScoreState = new StateKey<PreScoreState>("PreScore" + Name);

export class TaintToleration implements FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = Name;
  // One status per taint object (stable until its node changes): tainted nodes reject every pod alike.
  readonly #statuses = new WeakMap<DeepReadonly<Taint>, Status>();

  filter(_state: CycleState, pod: DeepReadonly<Pod>, nodeInfo: NodeInfo): Status | undefined {
    const taint = findMatchingUntoleratedTaint(nodeInfo.node!.spec.taints, pod.spec.tolerations, isDoNotScheduleTaint);
    if (taint === undefined) return undefined;
    let status = this.#statuses.get(taint);
    if (status === undefined) this.#statuses.set(taint, (status = newStatus(Code.UnschedulableAndUnresolvable, [untoleratedTaintReason(taint)], Name)));
    return status;
  }

  preScore(state: CycleState, pod: DeepReadonly<Pod>): Status | undefined {
    // Tolerations with no effect also tolerate PreferNoSchedule taints.
    const tolerationsPreferNoSchedule = (pod.spec.tolerations ?? []).filter((t) => !t.effect || t.effect === "PreferNoSchedule");
    preScoreState.write(state, { tolerationsPreferNoSchedule });
    return undefined;
  }

  score(state: CycleState, _pod: DeepReadonly<Pod>, nodeInfo: NodeInfo): number {
    const s = preScoreState.read(state)!;
    const taints = nodeInfo.node!.spec.taints;
    if (taints === undefined) return 0;
    let intolerable = 0;
    for (let i = 0; i < taints.length; i++) {
      const taint = taints[i]!;
      if (taint.effect === "PreferNoSchedule" && !tolerationsTolerateTaint(s.tolerationsPreferNoSchedule, taint)) intolerable++;
    }
    return intolerable;
  }

  normalizeScore(_state: CycleState, _pod: DeepReadonly<Pod>, scores: Float64Array): Status | undefined {
    defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
    return undefined;
  }

  eventsToRegister(): readonly ClusterEventWithHint[] {
    return [
      { event: { resource: "Node", actionType: ActionType.Add | ActionType.UpdateNodeTaint, label: "Node" }, hint: isSchedulableAfterNodeChange },
      { event: { resource: "Pod", actionType: ActionType.UpdatePodToleration, label: "PodTolerationChange" }, hint: isSchedulableAfterPodTolerationChange },
    ];
  }
}

/** Queue when the node went from having an untolerated taint (or not existing) to having none. */
function isSchedulableAfterNodeChange(pod: DeepReadonly<Pod>, oldObj: unknown, newObj: unknown): QueueingHint {
  const original = oldObj as DeepReadonly<Node> | undefined;
  const modified = newObj as DeepReadonly<Node>;
  const wasUntolerated = original === undefined || findMatchingUntoleratedTaint(original.spec.taints, pod.spec.tolerations, isDoNotScheduleTaint) !== undefined;
  const isUntolerated = findMatchingUntoleratedTaint(modified.spec.taints, pod.spec.tolerations, isDoNotScheduleTaint) !== undefined;
  return wasUntolerated && !isUntolerated ? "Queue" : "QueueSkip";
}

/** Tolerations can only be added, so a new length means a new toleration, which may help. */
function isSchedulableAfterPodTolerationChange(pod: DeepReadonly<Pod>, oldObj: unknown, newObj: unknown): QueueingHint {
  const original = oldObj as DeepReadonly<Pod>;
  const modified = newObj as DeepReadonly<Pod>;
  return pod.metadata.uid === modified.metadata.uid && (original.spec.tolerations?.length ?? 0) !== (modified.spec.tolerations?.length ?? 0) ? "Queue" : "QueueSkip";
}

export const newTaintToleration: PluginFactory = () => new TaintToleration();
