// DefaultPreemption, as far as Pod Pilot goes: the PostFilter that runs when a pod
// fits nowhere and adds preemption's verdict to the FailedScheduling message.
// Evicting victims is not simulated, so every node where preemption could have
// been tried (rejected as Unschedulable, e.g. short of CPU) reports what
// SelectVictimsOnNode reports for a node with no lower-priority pods, and every
// other node that preemption is not helpful there.

import type { Pod } from "../../../api/core-v1.ts";
import type { DeepReadonly } from "../../../api/meta.ts";
import type { CycleState } from "../../framework/cycle-state.ts";
import { fitErrorMessage, newDiagnosis, NodeToStatus } from "../../framework/diagnosis.ts";
import type { NodeInfoLister, PluginFactory, PostFilterPlugin } from "../../framework/interface.ts";
import { Code, newStatus, type Status } from "../../framework/status.ts";
import { Names } from "../names.ts";

export const Name = Names.DefaultPreemption;
export const REASON_PREEMPTION_NOT_HELPFUL = "Preemption is not helpful for scheduling";
export const REASON_NO_VICTIMS = "No preemption victims found for incoming pod";
/** PodEligibleToPreemptOthers' answer for preemptionPolicy: Never. */
export const REASON_NOT_ELIGIBLE_NEVER = "not eligible due to preemptionPolicy=Never.";
/** Prefix DefaultPreemption puts before its message. */
export const PREEMPTION_PREFIX = "preemption: ";

const NO_VICTIMS = newStatus(Code.UnschedulableAndUnresolvable, [REASON_NO_VICTIMS]);
const NOT_HELPFUL = newStatus(Code.UnschedulableAndUnresolvable, [REASON_PREEMPTION_NOT_HELPFUL]);

export class DefaultPreemption implements PostFilterPlugin {
  readonly name = Name;
  readonly #snapshot: NodeInfoLister;

  constructor(snapshot: NodeInfoLister) {
    this.#snapshot = snapshot;
  }

  postFilter(_state: CycleState, pod: DeepReadonly<Pod>, nodeToStatus: NodeToStatus): Status | undefined {
    if (pod.spec.preemptionPolicy === "Never") return newStatus(Code.Unschedulable, [PREEMPTION_PREFIX + REASON_NOT_ELIGIBLE_NEVER], Name);
    const nodes = this.#snapshot.list();
    // Nodes rejected as UnschedulableAndUnresolvable are not candidates; they count as absent.
    const candidates = new NodeToStatus(NOT_HELPFUL);
    for (const nodeInfo of nodes) if (nodeToStatus.get(nodeInfo.name).code === Code.Unschedulable) candidates.set(nodeInfo.name, NO_VICTIMS);
    const diagnosis = { ...newDiagnosis(), nodeToStatus: candidates };
    return newStatus(Code.Unschedulable, [PREEMPTION_PREFIX + fitErrorMessage(nodes.length, diagnosis)], Name);
  }
}

export const newDefaultPreemption: PluginFactory = (handle) => new DefaultPreemption(handle.snapshot);
