// ServiceAccount and Priority admission, the parts that show in a pod's spec:
// serviceAccountName defaults to "default", priority to 0 without a class.

import type { Pod } from "../../api/core-v1.ts";
import type { AdmissionPlugin } from "../types.ts";

export const serviceAccount: AdmissionPlugin = {
  name: "ServiceAccount",
  admit(attrs) {
    if (attrs.operation !== "CREATE" || attrs.info.resource !== "pods" || attrs.subresource) return undefined;
    const pod = attrs.object as Pod;
    pod.spec.serviceAccountName ??= "default";
    return undefined;
  },
};

export const priority: AdmissionPlugin = {
  name: "Priority",
  admit(attrs) {
    if (attrs.operation !== "CREATE" || attrs.info.resource !== "pods" || attrs.subresource) return undefined;
    const pod = attrs.object as Pod;
    pod.spec.priority ??= 0;
    return undefined;
  },
};
