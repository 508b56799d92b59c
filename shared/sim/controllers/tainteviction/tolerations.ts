// Toleration matching as the taint eviction controller uses it: v1helper.GetMatchingTolerations
// and getMinTolerationTime of taint_eviction.go (ToleratesTaint itself is api/toleration.ts).

import type { Taint, Toleration } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";
import { toleratesTaint } from "../../api/toleration.ts";

type T<X> = DeepReadonly<X> | Readonly<X>;

/** Whether every taint is tolerated, and the first toleration that tolerates each. */
export function getMatchingTolerations(taints: readonly T<Taint>[], tolerations: readonly T<Toleration>[]): { allTolerated: boolean; used: T<Toleration>[] } {
  const used: T<Toleration>[] = [];
  for (const taint of taints) {
    const match = tolerations.find((t) => toleratesTaint(t, taint));
    if (match === undefined) return { allTolerated: false, used: [] };
    used.push(match);
  }
  return { allTolerated: true, used };
}

/**
 * The shortest tolerationSeconds among the used tolerations, in ms: 0 when there are none or
 * one is ≤ 0 (evict now), -1 when none sets tolerationSeconds (tolerated forever).
 */
export function getMinTolerationTimeMs(tolerations: readonly T<Toleration>[]): number {
  if (tolerations.length === 0) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (const t of tolerations) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return Number.isFinite(min) ? min * 1000 : -1;
}
