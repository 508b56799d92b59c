// The PriorityClasses every cluster has: kube-apiserver's post-start hook
// "scheduling/bootstrap-system-priority-classes" creates them
// (pkg/apis/scheduling/types.go SystemPriorityClasses).

import type { PriorityClass } from "../../api/scheduling-v1.ts";

export const SYSTEM_PRIORITY_CLASS_PREFIX = "system-";
/** scheduling.SystemCriticalPriority: 2 × HighestUserDefinablePriority. */
export const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;

export const SYSTEM_PRIORITY_CLASSES: readonly PriorityClass[] = [
  {
    apiVersion: "scheduling.k8s.io/v1",
    kind: "PriorityClass",
    metadata: { name: "system-node-critical" },
    value: SYSTEM_CRITICAL_PRIORITY + 1000,
    description: "Used for system critical pods that must not be moved from their current node.",
  },
  {
    apiVersion: "scheduling.k8s.io/v1",
    kind: "PriorityClass",
    metadata: { name: "system-cluster-critical" },
    value: SYSTEM_CRITICAL_PRIORITY,
    description: "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.",
  },
];
