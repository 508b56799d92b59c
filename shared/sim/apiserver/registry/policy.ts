// core/v1 ServiceAccount, ResourceQuota and LimitRange strategies: the
// namespace-level policy objects admission reads.

import type { LimitRange, LimitRangeItem, ResourceQuota, ServiceAccount } from "../../api/core-v1.ts";
import { RESOURCES } from "../../api/resources.ts";
import { field, type FieldError } from "../errors.ts";
import type { Strategy } from "../types.ts";

const noGeneration = (o: { metadata: { generation?: number } }): void => {
  delete o.metadata.generation;
};

export const serviceAccountStrategy: Strategy<ServiceAccount> = {
  info: RESOURCES.serviceaccounts,
  hasStatus: false,
  applyDefaults() {},
  prepareForCreate: noGeneration,
  validate: () => [],
};

export const resourceQuotaStrategy: Strategy<ResourceQuota> = {
  info: RESOURCES.resourcequotas,
  hasStatus: true,
  applyDefaults(q) {
    q.spec ??= {};
  },
  prepareForCreate(q) {
    noGeneration(q);
    delete q.status;
  },
  validate: () => [],
};

/**
 * SetDefaults_LimitRangeItem, for Container items: the default limit falls back
 * to max, the default request to the default limit, then to min.
 */
function defaultLimitRangeItem(item: LimitRangeItem): void {
  if (item.type !== "Container") return;
  const def = (item.default ??= {});
  const req = (item.defaultRequest ??= {});
  for (const [k, v] of Object.entries(item.max ?? {})) def[k] ??= v;
  for (const [k, v] of Object.entries(def)) req[k] ??= v;
  for (const [k, v] of Object.entries(item.min ?? {})) req[k] ??= v;
  if (Object.keys(def).length === 0) delete item.default;
  if (Object.keys(req).length === 0) delete item.defaultRequest;
}

export const limitRangeStrategy: Strategy<LimitRange> = {
  info: RESOURCES.limitranges,
  hasStatus: false,
  applyDefaults(lr) {
    lr.spec ??= { limits: [] };
    lr.spec.limits ??= [];
    for (const item of lr.spec.limits) defaultLimitRangeItem(item);
  },
  prepareForCreate: noGeneration,
  validate: (lr) => lr.spec.limits.flatMap((l, i): FieldError[] => (["Container", "Pod", "PersistentVolumeClaim"].includes(l.type) ? [] : [field.notSupported(`spec.limits[${i}].type`, l.type, ["Container", "Pod", "PersistentVolumeClaim"])])),
};
