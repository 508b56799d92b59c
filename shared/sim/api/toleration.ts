// core/v1 Toleration.ToleratesTaint (k8s.io/api/core/v1/toleration.go): shared by
// the scheduler's TaintToleration plugin and the taint eviction controller.

import type { Taint, Toleration } from "./core-v1.ts";
import type { DeepReadonly } from "./meta.ts";

/** An empty key (with Exists) matches every key, an empty effect every effect; an empty operator means Equal. */
export function toleratesTaint(toleration: DeepReadonly<Toleration>, taint: DeepReadonly<Taint>): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? "") {
    case "":
    case "Equal":
      return (toleration.value ?? "") === (taint.value ?? "");
    case "Exists":
      return true;
    default:
      return false;
  }
}
