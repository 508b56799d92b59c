// LimitRanger (plugin/pkg/admission/limitranger): on pod create, containers
// get the namespace's LimitRange defaults (default → limits, defaultRequest →
// requests, noted in the kubernetes.io/limit-ranger annotation), then every
// container (type Container) and the pod's totals (type Pod) must sit within
// min, max and maxLimitRequestRatio, with upstream's Forbidden texts.

import type { Container, LimitRange, LimitRangeItem, Pod, ResourceList } from "../../api/core-v1.ts";
import { add, toUsage } from "../../api/quota/resources.ts";
import { cmpQuantity, formatQuantity, parseQuantity, quantityMilliValue, quantityValue, ZERO_QUANTITY, type Quantity } from "../../api/exact-quantity.ts";
import type { DeepReadonly } from "../../api/meta.ts";
import { RESOURCES, qualifiedResource } from "../../api/resources.ts";
import { forbidden } from "../errors.ts";
import type { AdmissionAttributes, AdmissionPlugin } from "../types.ts";

type RO<T> = DeepReadonly<T>;

export const LIMIT_RANGER_ANNOTATION = "kubernetes.io/limit-ranger";

/** resource.MaxMilliValue: beyond it, values compare in whole units. */
const MAX_MILLI_VALUE = Number.MAX_SAFE_INTEGER / 1000;

const byteCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const sortedKeys = (list: Readonly<ResourceList> | undefined): string[] => Object.keys(list ?? {}).sort(byteCompare);
const q = (s: string | undefined): Quantity => parseQuantity(s) ?? ZERO_QUANTITY;

/** Only pod creation (no subresource): containers cannot change after it. */
function supports(attrs: AdmissionAttributes): boolean {
  return attrs.operation === "CREATE" && attrs.info.resource === "pods" && !attrs.subresource;
}

/** defaultContainerResourceRequirements: the Container items' defaults, later LimitRange items winning. */
function containerDefaults(lr: RO<LimitRange>): { requests: Record<string, string>; limits: Record<string, string> } {
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  for (const item of lr.spec.limits ?? []) {
    if (item.type !== "Container") continue;
    for (const k of sortedKeys(item.defaultRequest)) requests[k] = item.defaultRequest![k]!;
    for (const k of sortedKeys(item.default)) limits[k] = item.default![k]!;
  }
  return { requests, limits };
}

/** mergeContainerResources: fills what the container leaves unset; returns the annotation parts. */
function mergeContainer(c: Container, defaults: ReturnType<typeof containerDefaults>, fieldName: string): string[] {
  const res = (c.resources ??= {});
  const limits = (res.limits ??= {});
  const requests = (res.requests ??= {});
  const setLimits = sortedKeys(defaults.limits).filter((k) => !(k in limits));
  for (const k of setLimits) limits[k] = defaults.limits[k]!;
  const setRequests = sortedKeys(defaults.requests).filter((k) => !(k in requests));
  for (const k of setRequests) requests[k] = defaults.requests[k]!;
  // Empty maps are omitted on the wire.
  if (Object.keys(limits).length === 0) delete res.limits;
  if (Object.keys(requests).length === 0) delete res.requests;
  const parts: string[] = [];
  if (setRequests.length > 0) parts.push(`${setRequests.join(", ")} request for ${fieldName} ${c.name}`);
  if (setLimits.length > 0) parts.push(`${setLimits.join(", ")} limit for ${fieldName} ${c.name}`);
  return parts;
}

/** requestLimitEnforcedValues: milli-units unless one would overflow them. */
function values(req: Quantity, lim: Quantity, enforced: Quantity): [number, number, number] {
  const whole = [quantityValue(req), quantityValue(lim), quantityValue(enforced)] as [number, number, number];
  if (whole.every((v) => v <= MAX_MILLI_VALUE)) return [quantityMilliValue(req), quantityMilliValue(lim), quantityMilliValue(enforced)];
  return whole;
}

function minConstraint(type: string, name: string, enforced: Quantity, requests: RO<ResourceList>, limits: RO<ResourceList>): string | undefined {
  const [req, lim, enf] = values(q(requests[name]), q(limits[name]), enforced);
  if (!(name in requests)) return `minimum ${name} usage per ${type} is ${formatQuantity(enforced)}.  No request is specified`;
  if (req < enf) return `minimum ${name} usage per ${type} is ${formatQuantity(enforced)}, but request is ${formatQuantity(q(requests[name]))}`;
  if (name in limits && lim < enf) return `minimum ${name} usage per ${type} is ${formatQuantity(enforced)}, but limit is ${formatQuantity(q(limits[name]))}`;
  return undefined;
}

function maxConstraint(type: string, name: string, enforced: Quantity, requests: RO<ResourceList>, limits: RO<ResourceList>): string | undefined {
  const [req, lim, enf] = values(q(requests[name]), q(limits[name]), enforced);
  if (!(name in limits)) return `maximum ${name} usage per ${type} is ${formatQuantity(enforced)}.  No limit is specified`;
  if (lim > enf) return `maximum ${name} usage per ${type} is ${formatQuantity(enforced)}, but limit is ${formatQuantity(q(limits[name]))}`;
  if (name in requests && req > enf) return `maximum ${name} usage per ${type} is ${formatQuantity(enforced)}, but request is ${formatQuantity(q(requests[name]))}`;
  return undefined;
}

function limitRequestRatioConstraint(type: string, name: string, enforced: Quantity, requests: RO<ResourceList>, limits: RO<ResourceList>): string | undefined {
  const [req, lim] = values(q(requests[name]), q(limits[name]), enforced);
  const ratio = formatQuantity(enforced);
  if (!(name in requests) || req === 0) return `${name} max limit to request ratio per ${type} is ${ratio}, but no request is specified or request is 0`;
  if (!(name in limits) || lim === 0) return `${name} max limit to request ratio per ${type} is ${ratio}, but no limit is specified or limit is 0`;
  const observed = lim / req;
  const small = quantityValue(enforced) <= MAX_MILLI_VALUE;
  const max = small ? quantityMilliValue(enforced) : quantityValue(enforced);
  // Go's %f: six decimals.
  if ((small ? observed * 1000 : observed) > max) return `${name} max limit to request ratio per ${type} is ${ratio}, but provided ratio is ${observed.toFixed(6)}`;
  return undefined;
}

/** The item's three checks against one set of requests and limits. */
function checkItem(item: RO<LimitRangeItem>, requests: RO<ResourceList>, limits: RO<ResourceList>): string[] {
  const errs: (string | undefined)[] = [];
  for (const k of sortedKeys(item.min)) errs.push(minConstraint(item.type, k, q(item.min![k]), requests, limits));
  for (const k of sortedKeys(item.max)) errs.push(maxConstraint(item.type, k, q(item.max![k]), requests, limits));
  for (const k of sortedKeys(item.maxLimitRequestRatio)) errs.push(limitRequestRatioConstraint(item.type, k, q(item.maxLimitRequestRatio![k]), requests, limits));
  return errs.filter((e): e is string => e !== undefined);
}

/** resourcehelper.PodRequests/PodLimits as a ResourceList: containers summed, init containers as floors. */
function podTotals(pod: RO<Pod>, field: "requests" | "limits"): ResourceList {
  let sum: Map<string, Quantity> = new Map();
  for (const c of pod.spec.containers ?? []) sum = add(sum, toUsage(c.resources?.[field] as ResourceList | undefined));
  for (const c of pod.spec.initContainers ?? []) {
    for (const [k, v] of toUsage(c.resources?.[field] as ResourceList | undefined)) if (!sum.has(k) || cmpQuantity(v, sum.get(k)!) > 0) sum.set(k, v);
  }
  return Object.fromEntries([...sum].map(([k, v]) => [k, formatQuantity(v)]));
}

/** PodValidateLimitFunc. */
function validatePod(lr: RO<LimitRange>, pod: RO<Pod>): string[] {
  const errs: string[] = [];
  for (const item of lr.spec.limits ?? []) {
    if (item.type === "Container") {
      for (const c of [...(pod.spec.containers ?? []), ...(pod.spec.initContainers ?? [])]) {
        errs.push(...checkItem(item, c.resources?.requests ?? {}, c.resources?.limits ?? {}));
      }
    } else if (item.type === "Pod") {
      errs.push(...checkItem(item, podTotals(pod, "requests"), podTotals(pod, "limits")));
    }
  }
  return errs;
}

/** The LimitRanges of a namespace, in storage order. */
export type LimitRangeLister = (namespace: string) => readonly RO<LimitRange>[];

export function newLimitRanger(listLimitRanges: LimitRangeLister): AdmissionPlugin {
  return {
    name: "LimitRanger",
    admit(attrs) {
      if (!supports(attrs)) return undefined;
      const pod = attrs.object as Pod;
      for (const lr of listLimitRanges(attrs.namespace)) {
        const defaults = containerDefaults(lr);
        const parts = [...pod.spec.containers.flatMap((c) => mergeContainer(c, defaults, "container")), ...(pod.spec.initContainers ?? []).flatMap((c) => mergeContainer(c, defaults, "init container"))];
        if (parts.length > 0) (pod.metadata.annotations ??= {})[LIMIT_RANGER_ANNOTATION] = `LimitRanger plugin set: ${parts.join("; ")}`;
      }
      return undefined;
    },
    validate(attrs) {
      if (!supports(attrs)) return undefined;
      const pod = attrs.object as Pod;
      // The first LimitRange the pod breaks answers, its errors aggregated: one as is, several as "[a, b]".
      for (const lr of listLimitRanges(attrs.namespace)) {
        const errs = validatePod(lr, pod);
        if (errs.length > 0) return forbidden(qualifiedResource(RESOURCES.pods), attrs.name, errs.length === 1 ? errs[0]! : `[${errs.join(", ")}]`);
      }
      return undefined;
    },
  };
}
