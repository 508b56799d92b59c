// ServiceAccount and Priority admission, the parts that show in a pod's spec:
// serviceAccountName defaults to "default"; priority comes from the pod's
// PriorityClass (only the two built-in system classes exist here), 0 without one,
// and preemptionPolicy from the class, PreemptLowerPriority by default.

import type { Pod } from "../../api/core-v1.ts";
import { RESOURCES } from "../../api/resources.ts";
import { forbidden } from "../errors.ts";
import type { AdmissionPlugin } from "../types.ts";

export const serviceAccount: AdmissionPlugin = {
  name: "ServiceAccount",
  admit(attrs) {
    if (attrs.operation !== "CREATE" || attrs.info.resource !== "pods" || attrs.subresource) return undefined;
    const pod = attrs.object as Pod;
    pod.spec.serviceAccountName ||= "default";
    return undefined;
  },
};

/** The PriorityClasses every cluster has (scheduling.k8s.io SystemPriorityClasses). */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  "system-node-critical": 2_000_001_000,
  "system-cluster-critical": 2_000_000_000,
};
/** scheduling.DefaultPriorityWhenNoDefaultClassExists. */
export const DEFAULT_PRIORITY = 0;
export const DEFAULT_PREEMPTION_POLICY = "PreemptLowerPriority";

export const priority: AdmissionPlugin = {
  name: "Priority",
  admit(attrs) {
    if (attrs.operation !== "CREATE" || attrs.info.resource !== "pods" || attrs.subresource) return undefined;
    const pod = attrs.object as Pod;
    const name = attrs.name || pod.metadata.name || pod.metadata.generateName || "Unknown";
    const className = pod.spec.priorityClassName;
    let value = DEFAULT_PRIORITY;
    if (className) {
      if (!Object.hasOwn(SYSTEM_PRIORITY_CLASSES, className)) {
        return forbidden(RESOURCES.pods.resource, name, `no PriorityClass with name ${className} was found`);
      }
      value = SYSTEM_PRIORITY_CLASSES[className]!;
    }
    if (pod.spec.priority !== undefined && pod.spec.priority !== value) {
      return forbidden(
        RESOURCES.pods.resource,
        name,
        `the integer value of priority (${pod.spec.priority}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`,
      );
    }
    pod.spec.priority = value;
    if (pod.spec.preemptionPolicy !== undefined && pod.spec.preemptionPolicy !== DEFAULT_PREEMPTION_POLICY) {
      return forbidden(
        RESOURCES.pods.resource,
        name,
        `the string value of PreemptionPolicy (${pod.spec.preemptionPolicy}) must match the priority class object value (${DEFAULT_PREEMPTION_POLICY})`,
      );
    }
    pod.spec.preemptionPolicy = DEFAULT_PREEMPTION_POLICY;
    return undefined;
  },
};
