// Taint helpers of the scheduler (v1helper): which taints Filter enforces and the
// first one a pod does not tolerate. Matching itself is api/toleration.ts.

import type { Taint, Toleration } from "../../../api/core-v1.ts";
import type { DeepReadonly } from "../../../api/meta.ts";
import { toleratesTaint } from "../../../api/toleration.ts";

export function tolerationsTolerateTaint(tolerations: readonly DeepReadonly<Toleration>[] | undefined, taint: DeepReadonly<Taint>): boolean {
  if (tolerations === undefined) return false;
  for (let i = 0; i < tolerations.length; i++) if (toleratesTaint(tolerations[i]!, taint)) return true;
  return false;
}

/** helper.DoNotScheduleTaintsFilterFunc: the taints Filter enforces. */
export function isDoNotScheduleTaint(taint: DeepReadonly<Taint>): boolean {
  return taint.effect === "NoSchedule" || taint.effect === "NoExecute";
}

/** v1helper.FindMatchingUntoleratedTaint: the first taint passing `inclusion` that no toleration covers. */
export function findMatchingUntoleratedTaint(
  taints: readonly DeepReadonly<Taint>[] | undefined,
  tolerations: readonly DeepReadonly<Toleration>[] | undefined,
  inclusion: (taint: DeepReadonly<Taint>) => boolean,
): DeepReadonly<Taint> | undefined {
  if (taints === undefined) return undefined;
  for (let i = 0; i < taints.length; i++) {
    const taint = taints[i]!;
    if (inclusion(taint) && !tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}
