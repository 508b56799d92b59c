// ResourceQuota admission (plugin/pkg/admission/resourcequota, validating, last
// in the chain): a create is measured against every quota of its namespace that
// tracks what it uses. A pod that does not state a tracked cpu or memory figure
// is refused ("failed quota"), so is one that would push usage past hard
// ("exceeded quota"); otherwise the new usage is written to the quotas' status at
// once, so two quick creates cannot both squeeze under a limit. The quota
// controller later reconciles the figures with what is really stored.

import type { Pod, ResourceQuota } from "../../api/core-v1.ts";
import { podConstraints, podMatchesScopes, podMatchingResources, podUsage, objectCountMatchingResources, objectCountUsage } from "../../api/quota/evaluator.ts";
import { add, lessThanOrEqual, mask, prettyPrint, removeZeros, toResourceList, toUsage, type Usage } from "../../api/quota/resources.ts";
import type { DeepReadonly, Status } from "../../api/meta.ts";
import { qualifiedResource } from "../../api/resources.ts";
import { forbidden } from "../errors.ts";
import type { AdmissionPlugin } from "../types.ts";

type RO<T> = DeepReadonly<T>;

/** How the plugin reads a namespace's quotas and charges them (the quota accessor). */
export interface QuotaAccessor {
  list(namespace: string): readonly RO<ResourceQuota>[];
  /** UpdateQuotaStatus; an error refuses the request. */
  updateStatus(quota: ResourceQuota): Status | undefined;
}

const byteCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function exceededQuotaMessage(quota: string, requested: Usage, used: Usage, hard: Usage): string {
  return `exceeded quota: ${quota}, requested: ${prettyPrint(requested)}, used: ${prettyPrint(used)}, limited: ${prettyPrint(hard)}`;
}

export function newResourceQuota(quotas: QuotaAccessor): AdmissionPlugin {
  return {
    name: "ResourceQuota",
    validate(attrs) {
      // Creates are what this simulation charges; subresources and cluster-scoped objects never count.
      if (attrs.operation !== "CREATE" || attrs.subresource || !attrs.info.namespaced || !attrs.object) return undefined;
      const all = quotas.list(attrs.namespace);
      if (all.length === 0) return undefined;
      const isPod = attrs.info.resource === "pods";
      const pod = attrs.object as Pod;
      const refuse = (reason: string): Status => forbidden(qualifiedResource(attrs.info), attrs.name, reason);

      const interesting: RO<ResourceQuota>[] = [];
      for (const quota of all) {
        if (isPod ? !podMatchesScopes(quota, pod) : (quota.spec?.scopes ?? []).length > 0) continue;
        const hardNames = Object.keys(quota.status?.hard ?? {});
        const restricted = isPod ? podMatchingResources(hardNames) : objectCountMatchingResources(attrs.info, hardNames);
        if (restricted.length === 0) continue;
        if (isPod) {
          const missing = podConstraints(restricted, pod);
          if (missing) return refuse(`failed quota: ${quota.metadata.name}: ${missing}`);
        }
        const unknown = restricted.filter((r) => !(r in (quota.status?.used ?? {})));
        if (unknown.length > 0) return refuse(`status unknown for quota: ${quota.metadata.name}, resources: ${restricted.sort(byteCompare).join(",")}`);
        interesting.push(quota);
      }
      if (interesting.length === 0) return undefined;

      const delta = removeZeros(isPod ? podUsage(pod, true) : objectCountUsage(attrs.info));
      if (delta.size === 0) return undefined;
      const charged: ResourceQuota[] = [];
      for (const quota of interesting) {
        const hard = toUsage(quota.status?.hard);
        const used = toUsage(quota.status?.used);
        const requested = mask(delta, hard.keys());
        const newUsage = add(used, requested);
        const { allowed, exceeded } = lessThanOrEqual(mask(newUsage, requested.keys()), hard);
        if (!allowed) return refuse(exceededQuotaMessage(quota.metadata.name ?? "", mask(requested, exceeded), mask(used, exceeded), mask(hard, exceeded)));
        charged.push({ ...(quota as ResourceQuota), status: { hard: { ...quota.status?.hard }, used: toResourceList(newUsage) } });
      }
      // A dry run is checked against the quota but charges nothing.
      if (attrs.dryRun) return undefined;
      for (const quota of charged) {
        const err = quotas.updateStatus(quota);
        if (err) return err;
      }
      return undefined;
    },
  };
}
