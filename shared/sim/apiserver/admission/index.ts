// The admission chain, in kube-apiserver's order of the plugins we model
// (ResourceQuota last, so it charges only what every other plugin let through).
// The plugins read what they need through the API server's own lookups
// (kube-apiserver's plugins use its informers and loopback client).

import type { Namespace } from "../../api/core-v1.ts";
import type { AdmissionPlugin } from "../types.ts";
import { defaultTolerationSeconds } from "./default-toleration-seconds.ts";
import { newLimitRanger, type LimitRangeLister } from "./limit-ranger.ts";
import { newNamespaceLifecycle } from "./namespace-lifecycle.ts";
import { nodeRestriction } from "./node-restriction.ts";
import { newPriority, type PriorityClassLookup } from "./priority.ts";
import { newResourceQuota, type QuotaAccessor } from "./resource-quota.ts";
import { newServiceAccount, type ServiceAccountLookup } from "./service-account.ts";

export interface AdmissionLookups extends ServiceAccountLookup, PriorityClassLookup {
  getNamespace(name: string): Namespace | undefined;
  readonly listLimitRanges: LimitRangeLister;
  readonly quotas: QuotaAccessor;
}

export function defaultAdmissionChain(lookups: AdmissionLookups): AdmissionPlugin[] {
  return [
    newNamespaceLifecycle(lookups.getNamespace),
    newLimitRanger(lookups.listLimitRanges),
    newServiceAccount(lookups),
    nodeRestriction,
    newPriority(lookups),
    defaultTolerationSeconds,
    newResourceQuota(lookups.quotas),
  ];
}
