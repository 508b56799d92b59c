// Toleration matching (core/v1 Toleration.ToleratesTaint and v1helper): an empty
// key with Exists tolerates everything, an empty effect matches every effect, and
// an empty operator means Equal.

import type { Taint, Toleration } from "../../../api/core-v1.ts";
import type { DeepReadonly } from "../../../api/meta.ts";

export function toleratesTaint(t: DeepReadonly<Toleration>, taint: DeepReadonly<Taint>): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? "") {
    case "":
    case "Equal":
      return (t.value ?? "") === (taint.value ?? "");
    case "Exists":
      return true;
    default:
      return false;
  }
}

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
