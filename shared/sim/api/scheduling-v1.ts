// scheduling.k8s.io/v1: PriorityClass, the name a pod gives for its priority.

import type { KubeObject } from "./meta.ts";

export interface PriorityClass extends KubeObject {
  apiVersion: "scheduling.k8s.io/v1";
  kind: "PriorityClass";
  value: number;
  globalDefault?: boolean;
  description?: string;
  preemptionPolicy?: "PreemptLowerPriority" | "Never";
}
