// NodeResourcesBalancedAllocation: prefers the node whose CPU and memory would be
// used in the same proportion after placing the pod. Per resource the fraction
// real requested / allocatable (capped at 1, the incoming pod included); for two
// resources std = |f_cpu − f_mem| / 2 (one resource: 0); score = ⌊(1 − std) × 100⌋.
// Pods requesting neither are skipped (kubernetes#129138): scoring them would
// pile best-effort pods onto one node. Weight 1 in the default profile.

import type { Pod } from "../../../api/core-v1.ts";
import type { DeepReadonly } from "../../../api/meta.ts";
import { StateKey, type CycleState } from "../../framework/cycle-state.ts";
import { MAX_NODE_SCORE, type PluginFactory, type PreScorePlugin, type ScorePlugin } from "../../framework/interface.ts";
import type { NodeInfo } from "../../framework/node-info.ts";
import { podRequests } from "../../framework/resource.ts";
import { SKIP, type Status } from "../../framework/status.ts";
import { Names } from "../names.ts";

export const Name = Names.NodeResourcesBalancedAllocation;

interface PreScoreState {
  readonly milliCPU: number;
  readonly memory: number;
}

const preScoreState = new StateKey<PreScoreState>("PreScore" + Name);

export function balancedAllocationScore(nodeInfo: NodeInfo, podMilliCPU: number, podMemory: number): number {
  const alloc = nodeInfo.allocatable;
  const used = nodeInfo.requested;
  // Only with both resources reported is there a spread to measure.
  if (alloc.milliCPU === 0 || alloc.memory === 0) return MAX_NODE_SCORE;
  const cpu = Math.min(1, (used.milliCPU + podMilliCPU) / alloc.milliCPU);
  const memory = Math.min(1, (used.memory + podMemory) / alloc.memory);
  const std = Math.abs((cpu - memory) / 2);
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export class BalancedAllocation implements PreScorePlugin, ScorePlugin {
  readonly name = Name;

  preScore(state: CycleState, pod: DeepReadonly<Pod>): Status | undefined {
    const req = podRequests(pod);
    if (req.milliCPU === 0 && req.memory === 0) return SKIP;
    preScoreState.write(state, { milliCPU: req.milliCPU, memory: req.memory });
    return undefined;
  }

  score(state: CycleState, _pod: DeepReadonly<Pod>, nodeInfo: NodeInfo): number {
    const s = preScoreState.read(state)!;
    return balancedAllocationScore(nodeInfo, s.milliCPU, s.memory);
  }
}

export const newBalancedAllocation: PluginFactory = () => new BalancedAllocation();
