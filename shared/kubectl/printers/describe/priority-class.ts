// kubectl describe priorityclass (describePriorityClass): value, default flag,
// policy and description, then annotations on one line (labels.FormatLabels).

import type { Event } from "../../../sim/api/core-v1.ts";
import type { DeepReadonly } from "../../../sim/api/meta.ts";
import type { PriorityClass } from "../../../sim/api/scheduling-v1.ts";
import type { Now } from "../age.ts";
import { formatLabels } from "../selector.ts";
import { describeEvents } from "./common.ts";
import { LEVEL_0, tabbedString } from "./writer.ts";

type RO<T> = DeepReadonly<T>;

export function describePriorityClass(now: Now, pc: RO<PriorityClass>, events: readonly RO<Event>[] | undefined): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${pc.metadata.name}\n`);
    w.write(LEVEL_0, `Value:\t${pc.value}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? ""}\n`);
    w.write(LEVEL_0, `Description:\t${pc.description ?? ""}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`);
    if (events) describeEvents(now, w, events);
  });
}
