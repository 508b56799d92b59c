// kubectl describe namespace (describeNamespace): name, labels, annotations,
// phase, the namespace deleter's conditions while it terminates, then the
// namespace's quotas and limit ranges (DescribeResourceQuotas and
// DescribeLimitRanges, in policy.ts).

import type { LimitRange, Namespace, ResourceQuota } from "../../../sim/api/core-v1.ts";
import type { DeepReadonly } from "../../../sim/api/meta.ts";
import type { Now } from "../age.ts";
import { formatTime, printAnnotationsMultiline, printLabelsMultiline } from "./common.ts";
import { describeLimitRanges, describeResourceQuotas } from "./policy.ts";
import { LEVEL_0, LEVEL_1, tabbedString } from "./writer.ts";

type RO<T> = DeepReadonly<T>;

export function describeNamespace(now: Now, ns: RO<Namespace>, quotas: readonly RO<ResourceQuota>[], limitRanges: readonly RO<LimitRange>[]): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata.name}\n`);
    printLabelsMultiline(w, "Labels", ns.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ""}\n`);
    const conditions = ns.status?.conditions ?? [];
    if (conditions.length > 0) {
      w.write(LEVEL_0, "Conditions:\n");
      w.write(LEVEL_1, "Type\tStatus\tLastTransitionTime\tReason\tMessage\n");
      w.write(LEVEL_1, "----\t------\t------------------\t------\t-------\n");
      for (const c of conditions) w.write(LEVEL_1, `${c.type}\t${c.status}\t${formatTime(now, c.lastTransitionTime)}\t${c.reason ?? ""}\t${c.message ?? ""}\n`);
    }
    w.write(LEVEL_0, "\n");
    describeResourceQuotas(w, quotas);
    w.write(LEVEL_0, "\n");
    describeLimitRanges(w, limitRanges);
  });
}
