// Pod strategy (pkg/registry/core/pod/strategy.go): defaults, a fresh Pending
// status on create, an immutable spec on update, graceful deletion.

import type { Pod } from "../../api/core-v1.ts";
import { RESOURCES } from "../../api/resources.ts";
import { deepEqual } from "../../kernel/equal.ts";
import { field, type FieldError } from "../errors.ts";
import type { Strategy } from "../types.ts";
import { defaultPodSpec, defaultRequestsFromLimits } from "./pod-defaults.ts";
import { validatePodSpec } from "./pod-validation.ts";
import { podQOSClass } from "../../api/qos.ts";

export const POD_UPDATE_FORBIDDEN =
  "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";

export const podStrategy: Strategy<Pod> = {
  info: RESOURCES.pods,
  hasStatus: true,
  applyDefaults(pod) {
    pod.spec ??= { containers: [] };
    defaultPodSpec(pod.spec);
    defaultRequestsFromLimits(pod.spec);
    pod.spec.enableServiceLinks ??= true;
  },
  prepareForCreate(pod) {
    pod.status = { phase: "Pending", qosClass: podQOSClass(pod.spec) };
  },
  prepareForStatusUpdate(pod, old) {
    // Old kubelets corrupted owner references through pods/status, so it may not touch them.
    pod.metadata.ownerReferences = old.metadata.ownerReferences;
    if (pod.metadata.ownerReferences === undefined) delete pod.metadata.ownerReferences;
    // The QOS class is fixed at creation.
    if (pod.status && !pod.status.qosClass && old.status?.qosClass) pod.status.qosClass = old.status.qosClass;
  },
  validate(pod) {
    return validatePodSpec(pod.spec, "spec");
  },
  validateUpdate(pod, old) {
    const errs: FieldError[] = [];
    // Everything but images and added tolerations is fixed once the pod exists.
    const strip = (p: Pod) => ({
      ...p.spec,
      containers: (p.spec.containers ?? []).map((c) => ({ ...c, image: "" })),
      initContainers: p.spec.initContainers?.map((c) => ({ ...c, image: "" })),
      tolerations: undefined,
    });
    if (!deepEqual(strip(pod), strip(old))) errs.push(field.forbidden("spec", POD_UPDATE_FORBIDDEN));
    const oldTolerations = old.spec.tolerations ?? [];
    const newTolerations = pod.spec.tolerations ?? [];
    if (!oldTolerations.every((t) => newTolerations.some((n) => deepEqual(n, t)))) errs.push(field.forbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds"));
    return errs;
  },
  defaultGracePeriodSeconds(pod) {
    return pod.spec.terminationGracePeriodSeconds ?? 30;
  },
  deletesImmediately(pod) {
    // Nothing runs an unscheduled or finished pod, so nothing needs to stop it.
    return !pod.spec.nodeName || pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
  },
};
