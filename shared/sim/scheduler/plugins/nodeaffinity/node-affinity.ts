// NodeAffinity: Filter enforces spec.nodeSelector and the required node affinity;
// PreFilter narrows the nodes to those named by a metadata.name matchField; Score
// sums the weights of the preferred terms a node matches, normalized so the best
// node gets 100. Weight 2 in the default profile.

import type { Node, Pod } from "../../../api/core-v1.ts";
import type { DeepReadonly } from "../../../api/meta.ts";
import { StateKey, type CycleState } from "../../framework/cycle-state.ts";
import { ActionType, type ClusterEventWithHint, type QueueingHint } from "../../framework/events.ts";
import {
  MAX_NODE_SCORE,
  type EnqueueExtensions,
  type FilterPlugin,
  type PluginFactory,
  type PreFilterPlugin,
  type PreFilterReturn,
  type PreScorePlugin,
  type ScorePlugin,
} from "../../framework/interface.ts";
import type { NodeInfo } from "../../framework/node-info.ts";
import { defaultNormalizeScore } from "../../framework/normalize-score.ts";
import { Code, newStatus, SKIP, type Status } from "../../framework/status.ts";
import { PreferredSchedulingTerms, RequiredNodeAffinity } from "../helper/node-affinity.ts";
import { Names } from "../names.ts";

export const Name = Names.NodeAffinity;

/** ErrReasonPod. */
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
/** errReasonConflict: every required term names nodes, and none of them can match. */
export const ERR_REASON_CONFLICT = "pod affinity terms conflict";

const REJECTED = newStatus(Code.UnschedulableAndUnresolvable, [ERR_REASON_POD], Name);
const CONFLICT: PreFilterReturn = { status: newStatus(Code.UnschedulableAndUnresolvable, [ERR_REASON_CONFLICT], Name) };
const SKIPPED: PreFilterReturn = { status: SKIP };

interface PreFilterState {
  readonly required: RequiredNodeAffinity;
}

interface PreScoreState {
  readonly preferred: PreferredSchedulingTerms;
}

const preFilterState = new StateKey<PreFilterState>("PreFilter" + Name);
const preScoreState = new StateKey<PreScoreState>("PreScore" + Name);

export class NodeAffinity implements PreFilterPlugin, FilterPlugin, PreScorePlugin, ScorePlugin, EnqueueExtensions {
  readonly name = Name;

  preFilter(state: CycleState, pod: DeepReadonly<Pod>): PreFilterReturn | undefined {
    const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
    if (required === undefined && pod.spec.nodeSelector === undefined) return SKIPPED;
    preFilterState.write(state, { required: new RequiredNodeAffinity(pod) });
    if (required === undefined || required.nodeSelectorTerms.length === 0) return undefined;

    // Terms are ORed: only if every term pins metadata.name can the node set shrink.
    let nodeNames: Set<string> | undefined;
    for (const term of required.nodeSelectorTerms) {
      let termNames: Set<string> | undefined;
      for (const r of term.matchFields ?? []) {
        if (r.key !== "metadata.name" || r.operator !== "In") continue;
        const s = new Set(r.values ?? []);
        termNames = termNames === undefined ? s : new Set([...termNames].filter((n) => s.has(n)));
      }
      if (termNames === undefined) return undefined;
      nodeNames = new Set([...(nodeNames ?? []), ...termNames]);
    }
    if (nodeNames !== undefined && nodeNames.size === 0) return CONFLICT;
    return nodeNames === undefined ? undefined : { result: { nodeNames } };
  }

  filter(state: CycleState, pod: DeepReadonly<Pod>, nodeInfo: NodeInfo): Status | undefined {
    const required = preFilterState.read(state)?.required ?? new RequiredNodeAffinity(pod);
    return required.match(nodeInfo.node!) ? undefined : REJECTED;
  }

  preScore(state: CycleState, pod: DeepReadonly<Pod>): Status | undefined {
    const preferred = pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
    if (preferred === undefined) return SKIP;
    preScoreState.write(state, { preferred: new PreferredSchedulingTerms(preferred) });
    return undefined;
  }

  score(state: CycleState, _pod: DeepReadonly<Pod>, nodeInfo: NodeInfo): number {
    return preScoreState.read(state)!.preferred.score(nodeInfo.node!);
  }

  normalizeScore(_state: CycleState, _pod: DeepReadonly<Pod>, scores: Float64Array): Status | undefined {
    defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
    return undefined;
  }

  eventsToRegister(): readonly ClusterEventWithHint[] {
    return [{ event: { resource: "Node", actionType: ActionType.Add | ActionType.UpdateNodeLabel, label: "Node" }, hint: isSchedulableAfterNodeChange }];
  }
}

/** Queue when the node now matches the pod's required affinity and did not before (or is new). */
function isSchedulableAfterNodeChange(pod: DeepReadonly<Pod>, oldObj: unknown, newObj: unknown): QueueingHint {
  const required = new RequiredNodeAffinity(pod);
  if (!required.match(newObj as DeepReadonly<Node>)) return "QueueSkip";
  if (oldObj === undefined) return "Queue";
  return required.match(oldObj as DeepReadonly<Node>) ? "QueueSkip" : "Queue";
}

export const newNodeAffinity: PluginFactory = () => new NodeAffinity();
