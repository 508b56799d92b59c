// Pod QOS class (pkg/apis/core/helper/qos ComputePodQOS): Guaranteed, Burstable or BestEffort.

import type { PodSpec } from "./core-v1.ts";
import { bytes, milliCpu } from "./quantity.ts";

export type QOSClass = "Guaranteed" | "Burstable" | "BestEffort";

// Summed in integers (millicores, bytes) so that "1" and "1000m" compare equal.
const COMPUTE: ReadonlyMap<string, (q: string) => number> = new Map([
  ["cpu", milliCpu],
  ["memory", bytes],
]);

export function podQOSClass(spec: PodSpec): QOSClass {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    for (const [k, v] of Object.entries(c.resources?.requests ?? {})) {
      const q = COMPUTE.get(k)?.(String(v)) ?? 0;
      if (q > 0) requests.set(k, (requests.get(k) ?? 0) + q);
    }
    const limitsFound = new Set<string>();
    for (const [k, v] of Object.entries(c.resources?.limits ?? {})) {
      const q = COMPUTE.get(k)?.(String(v)) ?? 0;
      if (q > 0) {
        limitsFound.add(k);
        limits.set(k, (limits.get(k) ?? 0) + q);
      }
    }
    if (!limitsFound.has("cpu") || !limitsFound.has("memory")) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed) {
    for (const [k, req] of requests) if (limits.get(k) !== req) guaranteed = false;
  }
  return guaranteed && requests.size === limits.size ? "Guaranteed" : "Burstable";
}
