// LeastAllocated, NodeResourcesFit's default scoring strategy: prefers the node
// with the most room left. Per resource (allocatable − requested) × 100 /
// allocatable in integer maths, 0 when over-committed, then the mean over cpu and
// memory (weight 1 each). "Requested" includes the incoming pod, and counts
// non-zero requests (100m, 200 MiB for containers that name none).

import { MAX_NODE_SCORE } from "../../framework/interface.ts";
import type { NodeInfo } from "../../framework/node-info.ts";

export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** The pod's non-zero requests against the node's non-zero requested sums. */
export function leastAllocatedScore(nodeInfo: NodeInfo, podMilliCPU: number, podMemory: number): number {
  const alloc = nodeInfo.allocatable;
  const used = nodeInfo.nonZeroRequested;
  let nodeScore = 0;
  let weightSum = 0;
  if (alloc.milliCPU !== 0) {
    nodeScore += leastRequestedScore(used.milliCPU + podMilliCPU, alloc.milliCPU);
    weightSum++;
  }
  if (alloc.memory !== 0) {
    nodeScore += leastRequestedScore(used.memory + podMemory, alloc.memory);
    weightSum++;
  }
  return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
}
