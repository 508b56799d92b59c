// The admission chain, in kube-apiserver's order of the plugins we model
// (ResourceQuota last, so it charges only what every other plugin let through).

import type { Namespace } from "../../api/core-v1.ts";
import type { AdmissionPlugin } from "../types.ts";
import { defaultTolerationSeconds } from "./default-toleration-seconds.ts";
import { newLimitRanger, type LimitRangeLister } from "./limit-ranger.ts";
import { newNamespaceLifecycle } from "./namespace-lifecycle.ts";
import { nodeRestriction } from "./node-restriction.ts";
import { newResourceQuota, type QuotaAccessor } from "./resource-quota.ts";
import { priority, serviceAccount } from "./service-account.ts";

export function defaultAdmissionChain(getNamespace: (name: string) => Namespace | undefined, listLimitRanges: LimitRangeLister, quotas: QuotaAccessor): AdmissionPlugin[] {
  return [newNamespaceLifecycle(getNamespace), newLimitRanger(listLimitRanges), serviceAccount, nodeRestriction, priority, defaultTolerationSeconds, newResourceQuota(quotas)];
}
