// What a quota counts (pkg/quota/v1/evaluator/core/pods.go and the generic
// object count evaluator): a pod's usage (pods, cpu/memory, requests.*,
// limits.*, count/pods), which pods a quota's scopes match, the constraint
// that every container states what a cpu or memory quota tracks, and object
// counts (count/<resource>.<group>, and the legacy names like "pods").

import type { Container, Pod, ResourceList, ResourceQuota } from "../core-v1.ts";
import { cmpQuantity, parseQuantity, type Quantity } from "../exact-quantity.ts";
import type { DeepReadonly } from "../meta.ts";
import { podQOSClass } from "../qos.ts";
import { qualifiedResource, type ResourceInfo } from "../resources.ts";
import { add, toUsage, type Usage } from "./resources.ts";

type RO<T> = DeepReadonly<T>;

const one = (): Quantity => parseQuantity("1")!;

/** Resource names whose usage a pod contributes. */
const POD_COMPUTE = ["pods", "cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory", "ephemeral-storage", "requests.ephemeral-storage", "limits.ephemeral-storage"];

/** validationSet: quota on these requires every container to state them. */
const VALIDATION_SET = ["cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"];

/** Legacy object-count names (the quota predates count/<resource>). */
const LEGACY_COUNT_NAMES: ReadonlySet<string> = new Set(["pods", "services", "secrets", "configmaps", "persistentvolumeclaims", "replicationcontrollers", "resourcequotas"]);

/** count/<resource>[.<group>]: "count/pods", "count/deployments.apps". */
export function objectCountName(info: ResourceInfo): string {
  return `count/${qualifiedResource(info)}`;
}

/** podComputeUsageHelper: what one set of requests and limits charges. */
function computeUsage(requests: Usage, limits: Usage): Map<string, Quantity> {
  const out = new Map<string, Quantity>([["pods", one()]]);
  for (const r of ["cpu", "memory", "ephemeral-storage"]) {
    const req = requests.get(r);
    if (req) {
      out.set(r, req);
      out.set(`requests.${r}`, req);
    }
    const lim = limits.get(r);
    if (lim) out.set(`limits.${r}`, lim);
  }
  return out;
}

/** resourcehelper.PodRequests / PodLimits: containers summed, then each init container as a floor. */
function podTotals(pod: RO<Pod>, field: "requests" | "limits"): Map<string, Quantity> {
  let sum: Map<string, Quantity> = new Map();
  for (const c of pod.spec.containers ?? []) sum = add(sum, toUsage(c.resources?.[field] as ResourceList | undefined));
  for (const c of pod.spec.initContainers ?? []) {
    for (const [k, v] of toUsage(c.resources?.[field] as ResourceList | undefined)) {
      const cur = sum.get(k);
      if (!cur || cmpQuantity(v, cur) > 0) sum.set(k, v);
    }
  }
  return sum;
}

/** QuotaV1Pod: terminal pods (and ones past their grace period) no longer count compute or "pods". */
export function podCountsForCompute(pod: RO<Pod>, nowMs: number, parse: (ts: string) => number): boolean {
  if (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") return false;
  const del = pod.metadata.deletionTimestamp;
  if (del !== undefined && pod.metadata.deletionGracePeriodSeconds !== undefined) {
    if (nowMs > parse(del) + pod.metadata.deletionGracePeriodSeconds * 1000) return false;
  }
  return true;
}

/** PodUsageFunc: count/pods always; the rest while the pod counts. */
export function podUsage(pod: RO<Pod>, countsCompute: boolean): Map<string, Quantity> {
  const usage = new Map<string, Quantity>([["count/pods", one()]]);
  if (!countsCompute) return usage;
  return add(usage, computeUsage(podTotals(pod, "requests"), podTotals(pod, "limits")));
}

/** The hard resources a pod's usage can touch (podEvaluator.MatchingResources). */
export function podMatchingResources(names: Iterable<string>): string[] {
  return [...names].filter((n) => POD_COMPUTE.includes(n) || n === "count/pods" || n.startsWith("requests.") || n.startsWith("limits."));
}

/** podEvaluator.Constraints: `must specify limits.cpu for: web; requests.memory for: a,b`, or undefined. */
export function podConstraints(required: readonly string[], pod: RO<Pod>): string | undefined {
  const requiredSet = required.filter((r) => VALIDATION_SET.includes(r));
  const missing = new Map<string, Set<string>>();
  const check = (c: RO<Container>): void => {
    const have = computeUsage(toUsage(c.resources?.requests as ResourceList | undefined), toUsage(c.resources?.limits as ResourceList | undefined));
    for (const r of requiredSet) {
      if (have.has(r)) continue;
      const names = missing.get(r) ?? new Set<string>();
      names.add(c.name);
      missing.set(r, names);
    }
  };
  for (const c of pod.spec.containers ?? []) check(c);
  for (const c of pod.spec.initContainers ?? []) check(c);
  if (missing.size === 0) return undefined;
  const sorted = (xs: Iterable<string>): string[] => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `must specify ${sorted(missing.keys())
    .map((r) => `${r} for: ${sorted(missing.get(r)!).join(",")}`)
    .join("; ")}`;
}

/** podMatchesScopeFunc for spec.scopes (scopeSelector is not modelled). */
export function podMatchesScopes(quota: RO<ResourceQuota>, pod: RO<Pod>): boolean {
  for (const scope of quota.spec?.scopes ?? []) {
    const bestEffort = podQOSClass(pod.spec as Pod["spec"]) === "BestEffort";
    const terminating = (pod.spec as { activeDeadlineSeconds?: number }).activeDeadlineSeconds !== undefined;
    const ok = scope === "BestEffort" ? bestEffort : scope === "NotBestEffort" ? !bestEffort : scope === "Terminating" ? terminating : scope === "NotTerminating" ? !terminating : false;
    if (!ok) return false;
  }
  return true;
}

/** The generic object count evaluator: what one stored object of this resource charges. */
export function objectCountUsage(info: ResourceInfo): Map<string, Quantity> {
  const usage = new Map<string, Quantity>([[objectCountName(info), one()]]);
  if (info.group === "" && LEGACY_COUNT_NAMES.has(info.resource) && info.resource !== "pods") usage.set(info.resource, one());
  return usage;
}

/** Object-count resources a quota on this resource can limit. */
export function objectCountMatchingResources(info: ResourceInfo, names: Iterable<string>): string[] {
  const mine = objectCountUsage(info);
  return [...names].filter((n) => mine.has(n));
}
