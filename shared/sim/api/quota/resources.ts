// ResourceList arithmetic as pkg/quota/v1/resources.go does it (Add, Mask,
// LessThanOrEqual, RemoveZeros) on exact quantities, and the sorted
// "name=quantity" lists quota messages print (prettyPrint).

import type { ResourceList } from "../core-v1.ts";
import { addQuantity, cmpQuantity, formatQuantity, parseQuantity, ZERO_QUANTITY, type Quantity } from "../exact-quantity.ts";

/** A ResourceList of parsed quantities; unparsable values count as zero, as validation keeps them out. */
export type Usage = ReadonlyMap<string, Quantity>;

const byteCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function toUsage(list: Readonly<ResourceList> | undefined): Map<string, Quantity> {
  return new Map(Object.entries(list ?? {}).map(([k, v]) => [k, parseQuantity(v) ?? ZERO_QUANTITY]));
}

/** The list as stored: canonical quantity strings, keys sorted. */
export function toResourceList(usage: Usage): ResourceList {
  return Object.fromEntries([...usage.keys()].sort(byteCompare).map((k) => [k, formatQuantity(usage.get(k)!)]));
}

/** quota.Add: every key of either, summed. */
export function add(a: Usage, b: Usage): Map<string, Quantity> {
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, addQuantity(out.get(k) ?? ZERO_QUANTITY, v));
  return out;
}

/** quota.Mask: only the named keys. */
export function mask(a: Usage, names: Iterable<string>): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const n of names) if (a.has(n)) out.set(n, a.get(n)!);
  return out;
}

/** quota.LessThanOrEqual: whether a ≤ b for every key of a that b limits, and the keys that are over. */
export function lessThanOrEqual(a: Usage, b: Usage): { allowed: boolean; exceeded: string[] } {
  const exceeded = [...a].filter(([k, v]) => b.has(k) && cmpQuantity(v, b.get(k)!) > 0).map(([k]) => k);
  return { allowed: exceeded.length === 0, exceeded };
}

/** quota.RemoveZeros. */
export function removeZeros(a: Usage): Map<string, Quantity> {
  return new Map([...a].filter(([, v]) => v.mantissa !== 0n));
}

/** quota.Equals. */
export function equals(a: Usage, b: Usage): boolean {
  return a.size === b.size && [...a].every(([k, v]) => b.has(k) && cmpQuantity(v, b.get(k)!) === 0);
}

/** prettyPrint: "requests.cpu=2,pods=1", keys sorted. */
export function prettyPrint(usage: Usage): string {
  return [...usage.keys()]
    .sort(byteCompare)
    .map((k) => `${k}=${formatQuantity(usage.get(k)!)}`)
    .join(",");
}
