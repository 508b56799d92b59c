// kubectl describe for ResourceQuotas and LimitRanges (describeQuota,
// describeLimitRange), and the "Resource Quotas" / "Resource Limits" sections
// describe namespace adds (DescribeResourceQuotas, DescribeLimitRanges).

import type { LimitRange, LimitRangeItem, ResourceQuota } from "../../../sim/api/core-v1.ts";
import type { DeepReadonly } from "../../../sim/api/meta.ts";
import { formatQuantity, parseQuantity, quantityValue, ZERO_QUANTITY, type Quantity } from "../quantity.ts";
import { LEVEL_0, LEVEL_1, tabbedString, type PrefixWriter } from "./writer.ts";

type RO<T> = DeepReadonly<T>;

const byteCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** helpTextForResourceQuotaScope. */
const SCOPE_HELP: Readonly<Record<string, string>> = {
  Terminating: "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.",
  NotTerminating: "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.",
  BestEffort: "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.",
  NotBestEffort: "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.",
};

const quantity = (s: string | undefined): Quantity => parseQuantity(s) ?? ZERO_QUANTITY;

function writeScopes(w: PrefixWriter, level: number, q: RO<ResourceQuota>, bullet: string): void {
  const scopes = [...(q.spec?.scopes ?? [])].sort(byteCompare);
  if (scopes.length === 0) return;
  w.write(level, `Scopes:\t${scopes.join(", ")}\n`);
  for (const s of scopes) if (SCOPE_HELP[s]) w.write(level, `${bullet}${SCOPE_HELP[s]}\n`);
}

export function describeQuota(q: RO<ResourceQuota>): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${q.metadata.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${q.metadata.namespace ?? ""}\n`);
    writeScopes(w, LEVEL_0, q, " * ");
    w.write(LEVEL_0, "Resource\tUsed\tHard\n");
    w.write(LEVEL_0, "--------\t----\t----\n");
    const hard = q.status?.hard ?? {};
    for (const name of Object.keys(hard).sort(byteCompare)) {
      const h = quantity(hard[name]);
      let used = quantity(q.status?.used?.[name]);
      // A used figure in another format is re-expressed in the hard one, from its (rounded up) value.
      if (used.format !== h.format || q.status?.used?.[name] === undefined) used = { mantissa: BigInt(quantityValue(used)), exp: 0, format: h.format };
      w.write(LEVEL_0, `${name}\t${formatQuantity(used)}\t${formatQuantity(h)}\n`);
    }
  });
}

/** DescribeResourceQuotas: every quota of a namespace, by name. */
export function describeResourceQuotas(w: PrefixWriter, quotas: readonly RO<ResourceQuota>[]): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, "No resource quota.\n");
    return;
  }
  w.write(LEVEL_0, "Resource Quotas\n");
  for (const q of [...quotas].sort((a, b) => byteCompare(a.metadata.name ?? "", b.metadata.name ?? ""))) {
    w.write(LEVEL_1, `Name:\t${q.metadata.name ?? ""}\n`);
    writeScopes(w, LEVEL_1, q, "* ");
    w.write(LEVEL_1, "Resource\tUsed\tHard\n");
    w.write(LEVEL_1, "--------\t---\t---\n");
    const hard = q.status?.hard ?? {};
    for (const name of Object.keys(hard).sort(byteCompare)) {
      w.write(LEVEL_1, `${name}\t${formatQuantity(quantity(q.status?.used?.[name]))}\t${formatQuantity(quantity(hard[name]))}\n`);
    }
  }
}

/**
 * describeLimitRangeSpec: a row per item and resource, "-" where unset. kubectl
 * walks the resources in Go map order (a different order each run); here they
 * come sorted.
 */
function describeLimitRangeSpec(w: PrefixWriter, limits: readonly RO<LimitRangeItem>[], prefix: string): void {
  for (const item of limits) {
    const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
    const names = [...new Set(lists.flatMap((l) => Object.keys(l ?? {})))].sort(byteCompare);
    for (const name of names) {
      const cells = lists.map((l) => (l?.[name] === undefined ? "-" : formatQuantity(quantity(l[name]))));
      w.write(LEVEL_0, `${prefix}${item.type}\t${name}\t${cells.join("\t")}\n`);
    }
  }
}

export function describeLimitRange(lr: RO<LimitRange>): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${lr.metadata.name ?? ""}\n`);
    w.write(LEVEL_0, `Namespace:\t${lr.metadata.namespace ?? ""}\n`);
    w.write(LEVEL_0, "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n");
    w.write(LEVEL_0, "----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
    describeLimitRangeSpec(w, lr.spec.limits ?? [], "");
  });
}

/** DescribeLimitRanges: every LimitRange of a namespace in one table. */
export function describeLimitRanges(w: PrefixWriter, limitRanges: readonly RO<LimitRange>[]): void {
  if (limitRanges.length === 0) {
    w.write(LEVEL_0, "No LimitRange resource.\n");
    return;
  }
  w.write(LEVEL_0, "Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n");
  w.write(LEVEL_0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
  for (const lr of limitRanges) describeLimitRangeSpec(w, lr.spec.limits ?? [], " ");
}
