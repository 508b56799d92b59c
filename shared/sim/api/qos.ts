// Pod QoS class (pkg/apis/core/helper/qos): Guaranteed, Burstable or BestEffort.

import type { PodSpec } from "./core-v1.ts";
import { parseQuantity } from "./quantity.ts";

export type QOSClass = "Guaranteed" | "Burstable" | "BestEffort";

const COMPUTE = ["cpu", "memory"];

export function podQOSClass(spec: PodSpec): QOSClass {
  const requests: Record<string, number> = {};
  const limits: Record<string, number> = {};
  let zeroQuantity = true;
  let guaranteed = true;
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const seenLimits = new Set<string>();
    for (const [k, v] of Object.entries(c.resources?.requests ?? {})) {
      if (!COMPUTE.includes(k)) continue;
      const q = parseQuantity(v) ?? 0;
      if (q !== 0) {
        zeroQuantity = false;
        requests[k] = (requests[k] ?? 0) + q;
      }
    }
    for (const [k, v] of Object.entries(c.resources?.limits ?? {})) {
      if (!COMPUTE.includes(k)) continue;
      const q = parseQuantity(v) ?? 0;
      if (q !== 0) {
        zeroQuantity = false;
        seenLimits.add(k);
        limits[k] = (limits[k] ?? 0) + q;
      }
    }
    if (!COMPUTE.every((r) => seenLimits.has(r))) guaranteed = false;
  }
  if (zeroQuantity) return "BestEffort";
  if (guaranteed) {
    for (const [k, v] of Object.entries(requests)) if (limits[k] !== v) guaranteed = false;
  }
  return guaranteed ? "Guaranteed" : "Burstable";
}
