// The admission chain, in kube-apiserver's order of the plugins we model.

import type { Namespace } from "../../api/core-v1.ts";
import type { AdmissionPlugin } from "../types.ts";
import { defaultTolerationSeconds } from "./default-toleration-seconds.ts";
import { newNamespaceLifecycle } from "./namespace-lifecycle.ts";
import { nodeRestriction } from "./node-restriction.ts";
import { priority, serviceAccount } from "./service-account.ts";

export function defaultAdmissionChain(getNamespace: (name: string) => Namespace | undefined): AdmissionPlugin[] {
  return [newNamespaceLifecycle(getNamespace), serviceAccount, nodeRestriction, priority, defaultTolerationSeconds];
}
