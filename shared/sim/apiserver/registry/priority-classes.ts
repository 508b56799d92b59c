// scheduling.k8s.io PriorityClass strategy (pkg/registry/scheduling/priorityclass
// and pkg/apis/scheduling/validation): preemptionPolicy defaults to
// PreemptLowerPriority; values above one billion belong to the system classes,
// whose "system-" prefix is reserved; value and preemptionPolicy never change.

import { RESOURCES } from "../../api/resources.ts";
import type { PriorityClass } from "../../api/scheduling-v1.ts";
import { field, type FieldError } from "../errors.ts";
import type { Strategy } from "../types.ts";
import { SYSTEM_PRIORITY_CLASSES, SYSTEM_PRIORITY_CLASS_PREFIX } from "./system-priority-classes.ts";

/** scheduling.HighestUserDefinablePriority: larger values are reserved for system classes. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;

const PREEMPTION_POLICIES = ["PreemptLowerPriority", "Never"];

/** IsKnownSystemPriorityClass: the reason a "system-" class is refused, or undefined when it is one of the two. */
function unknownSystemClassReason(pc: PriorityClass): string | undefined {
  const name = pc.metadata.name ?? "";
  const spc = SYSTEM_PRIORITY_CLASSES.find((c) => c.metadata.name === name);
  if (!spc) return `${name} is not a known system priority class`;
  if (spc.value !== pc.value) return `value of ${name} PriorityClass must be ${spc.value}`;
  if ((spc.globalDefault ?? false) !== (pc.globalDefault ?? false)) return `globalDefault of ${name} PriorityClass must be ${spc.globalDefault ?? false}`;
  return undefined;
}

export const priorityClassStrategy: Strategy<PriorityClass> = {
  info: RESOURCES.priorityclasses,
  hasStatus: false,
  applyDefaults(pc) {
    pc.preemptionPolicy ??= "PreemptLowerPriority";
  },
  prepareForCreate(pc) {
    delete pc.metadata.generation;
  },
  validate(pc) {
    const errs: FieldError[] = [];
    if ((pc.metadata.name ?? "").startsWith(SYSTEM_PRIORITY_CLASS_PREFIX)) {
      const reason = unknownSystemClassReason(pc);
      if (reason) {
        errs.push(field.forbidden("metadata.name", `priority class names with '${SYSTEM_PRIORITY_CLASS_PREFIX}' prefix are reserved for system use only. error: ${reason}`));
      }
    } else if (pc.value > HIGHEST_USER_DEFINABLE_PRIORITY) {
      errs.push(field.forbidden("value", `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
    }
    if (pc.preemptionPolicy !== undefined) {
      if (pc.preemptionPolicy === ("" as string)) errs.push(field.required("preemptionPolicy"));
      else if (!PREEMPTION_POLICIES.includes(pc.preemptionPolicy)) errs.push(field.notSupported("preemptionPolicy", pc.preemptionPolicy, PREEMPTION_POLICIES));
    }
    return errs;
  },
  validateUpdate(pc, old) {
    const errs: FieldError[] = [];
    if (pc.value !== old.value) errs.push(field.forbidden("value", "may not be changed in an update."));
    if (pc.preemptionPolicy !== old.preemptionPolicy) errs.push(field.invalid("preemptionPolicy", pc.preemptionPolicy, "field is immutable"));
    return errs;
  },
};
