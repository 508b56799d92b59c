// DefaultTolerationSeconds: pods that do not say otherwise tolerate a not-ready or
// unreachable node for 300 s before the taint eviction controller removes them.

import type { Pod, Toleration } from "../../api/core-v1.ts";
import type { AdmissionPlugin } from "../types.ts";

export const DEFAULT_NOT_READY_TOLERATION_SECONDS = 300;
export const DEFAULT_UNREACHABLE_TOLERATION_SECONDS = 300;
export const TAINT_NODE_NOT_READY = "node.kubernetes.io/not-ready";
export const TAINT_NODE_UNREACHABLE = "node.kubernetes.io/unreachable";

/** Whether some toleration already covers the taint's NoExecute effect (an empty key or effect matches all). */
function tolerates(tolerations: readonly Toleration[], key: string): boolean {
  return tolerations.some((t) => (t.key === key || !t.key) && (t.effect === "NoExecute" || !t.effect));
}

export const defaultTolerationSeconds: AdmissionPlugin = {
  name: "DefaultTolerationSeconds",
  admit(attrs) {
    if (attrs.operation !== "CREATE" || attrs.info.resource !== "pods" || attrs.subresource) return undefined;
    const pod = attrs.object as Pod;
    const tolerations = (pod.spec.tolerations ??= []);
    if (!tolerates(tolerations, TAINT_NODE_NOT_READY)) {
      tolerations.push({ key: TAINT_NODE_NOT_READY, operator: "Exists", effect: "NoExecute", tolerationSeconds: DEFAULT_NOT_READY_TOLERATION_SECONDS });
    }
    if (!tolerates(tolerations, TAINT_NODE_UNREACHABLE)) {
      tolerations.push({ key: TAINT_NODE_UNREACHABLE, operator: "Exists", effect: "NoExecute", tolerationSeconds: DEFAULT_UNREACHABLE_TOLERATION_SECONDS });
    }
    return undefined;
  },
};
