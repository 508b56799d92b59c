// PrioritySort: the activeQ's order. Higher spec.priority first; among equals,
// the pod that entered the queue earlier (its last failure time, once it has
// failed), so a pod that keeps failing does not starve newer ones.

import type { PluginFactory, QueueSortPlugin } from "../../framework/interface.ts";
import { podPriority, type QueuedPodInfo } from "../../framework/queued-pod-info.ts";
import { Names } from "../names.ts";

export const Name = Names.PrioritySort;

export class PrioritySort implements QueueSortPlugin {
  readonly name = Name;

  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
    const p1 = podPriority(a.pod);
    const p2 = podPriority(b.pod);
    return p1 > p2 || (p1 === p2 && a.timestamp < b.timestamp);
  }
}

export const newPrioritySort: PluginFactory = () => new PrioritySort();
