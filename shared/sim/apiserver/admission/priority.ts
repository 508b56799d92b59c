// Priority admission (plugin/pkg/admission/priority): a new pod's
// priorityClassName resolves to its PriorityClass's value and preemptionPolicy
// (the globalDefault class, or 0 and PreemptLowerPriority, when it names none);
// an unknown class or a hand-set priority that disagrees is refused; updates
// keep the priority set on create. For PriorityClasses it allows one
// globalDefault only.

import type { Pod } from "../../api/core-v1.ts";
import { RESOURCES, qualifiedResource } from "../../api/resources.ts";
import type { PriorityClass } from "../../api/scheduling-v1.ts";
import { forbidden } from "../errors.ts";
import type { AdmissionAttributes, AdmissionPlugin } from "../types.ts";
import { admissionName } from "./admission-name.ts";

/** scheduling.DefaultPriorityWhenNoDefaultClassExists. */
export const DEFAULT_PRIORITY = 0;
export const DEFAULT_PREEMPTION_POLICY = "PreemptLowerPriority";

export const noPriorityClassMessage = (name: string): string => `no PriorityClass with name ${name} was found`;
export const prioritySetMessage = (set: number, computed: number): string =>
  `the integer value of priority (${set}) must not be provided in pod spec; priority admission controller computed ${computed} from the given PriorityClass name`;
export const preemptionPolicyMismatchMessage = (set: string, computed: string): string =>
  `the string value of PreemptionPolicy (${set}) must match the priority class object value (${computed})`;
export const alreadyDefaultMessage = (name: string): string => `PriorityClass ${name} is already marked as default. Only one default can exist`;

export interface PriorityClassLookup {
  getPriorityClass(name: string): PriorityClass | undefined;
  listPriorityClasses(): readonly PriorityClass[];
}

export function newPriority(lookup: PriorityClassLookup): AdmissionPlugin {
  /** getDefaultPriorityClass: should a race leave two defaults, the lower value wins. */
  const defaultClass = (): PriorityClass | undefined => {
    let found: PriorityClass | undefined;
    for (const pc of lookup.listPriorityClasses()) if (pc.globalDefault && (found === undefined || found.value > pc.value)) found = pc;
    return found;
  };
  return {
    name: "Priority",
    admit(attrs) {
      if (attrs.info.resource !== "pods" || attrs.subresource) return undefined;
      const pod = attrs.object as Pod;
      if (attrs.operation === "UPDATE") {
        const old = attrs.oldObject as Pod;
        if (pod.spec.priority === undefined && old.spec.priority !== undefined) pod.spec.priority = old.spec.priority;
        if (pod.spec.preemptionPolicy === undefined && old.spec.preemptionPolicy !== undefined) pod.spec.preemptionPolicy = old.spec.preemptionPolicy;
        return undefined;
      }
      if (attrs.operation !== "CREATE") return undefined;
      let value = DEFAULT_PRIORITY;
      let policy: string | undefined = DEFAULT_PREEMPTION_POLICY;
      if (!pod.spec.priorityClassName) {
        const dpc = defaultClass();
        if (dpc) {
          pod.spec.priorityClassName = dpc.metadata.name;
          value = dpc.value;
          policy = dpc.preemptionPolicy;
        }
      } else {
        const pc = lookup.getPriorityClass(pod.spec.priorityClassName);
        if (!pc) return refuse(attrs, noPriorityClassMessage(pod.spec.priorityClassName));
        value = pc.value;
        policy = pc.preemptionPolicy;
      }
      if (pod.spec.priority !== undefined && pod.spec.priority !== value) return refuse(attrs, prioritySetMessage(pod.spec.priority, value));
      pod.spec.priority = value;
      if (policy !== undefined) {
        if (pod.spec.preemptionPolicy !== undefined && pod.spec.preemptionPolicy !== policy) {
          return refuse(attrs, preemptionPolicyMismatchMessage(pod.spec.preemptionPolicy, policy));
        }
        pod.spec.preemptionPolicy = policy;
      }
      return undefined;
    },
    validate(attrs) {
      if (attrs.info.resource !== "priorityclasses" || attrs.subresource) return undefined;
      if (attrs.operation !== "CREATE" && attrs.operation !== "UPDATE") return undefined;
      const pc = attrs.object as PriorityClass;
      if (!pc.globalDefault) return undefined;
      const dpc = defaultClass();
      if (dpc && (attrs.operation === "CREATE" || dpc.metadata.name !== pc.metadata.name)) {
        return forbidden(qualifiedResource(attrs.info), admissionName(attrs), alreadyDefaultMessage(dpc.metadata.name!));
      }
      return undefined;
    },
  };
}

function refuse(attrs: AdmissionAttributes, message: string) {
  return forbidden(qualifiedResource(RESOURCES.pods), admissionName(attrs), message);
}
