// The scheduler's informer handlers (eventhandlers.go). Pods split in two views:
// bound, non-terminal pods feed the cache; unbound pods this profile schedules
// feed the queue. A pod moving from one view to the other (bound, or finished)
// leaves one and enters the other. Node changes and freed room become cluster
// events offered to the pods waiting in unschedulablePods.

import type { Pod } from "../api/core-v1.ts";
import type { DeepReadonly } from "../api/meta.ts";
import type { SharedInformerFactory } from "../clientgo/informer.ts";
import type { Cache } from "./cache/cache.ts";
import { EVENT_ASSIGNED_POD_DELETE, EVENT_NODE_ADD, nodeSchedulingPropertiesChange } from "./framework/events.ts";
import type { SchedulingQueue } from "./queue/scheduling-queue.ts";

export interface EventHandlerTargets {
  readonly cache: Cache;
  readonly queue: SchedulingQueue;
  readonly schedulerName: string;
}

/** Succeeded and Failed pods hold no resources; upstream's pod informer does not even list them. */
function isTerminal(pod: DeepReadonly<Pod>): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

export function addAllEventHandlers(t: EventHandlerTargets, informers: SharedInformerFactory): void {
  const { cache, queue } = t;
  const assigned = (pod: DeepReadonly<Pod>): boolean => Boolean(pod.spec.nodeName) && !isTerminal(pod);
  const pending = (pod: DeepReadonly<Pod>): boolean => !pod.spec.nodeName && pod.spec.schedulerName === t.schedulerName && !isTerminal(pod);

  const deleteFromCache = (pod: DeepReadonly<Pod>): void => {
    cache.removePod(pod);
    queue.moveAllToActiveOrBackoffQueue(EVENT_ASSIGNED_POD_DELETE, pod, undefined);
  };

  informers.informer("pods").addEventHandler({
    onAdd(pod) {
      if (assigned(pod)) cache.addPod(pod);
      else if (pending(pod)) queue.add(pod);
    },
    onUpdate(oldPod, newPod) {
      const wasAssigned = assigned(oldPod);
      const isAssigned = assigned(newPod);
      if (isAssigned) {
        if (wasAssigned) cache.updatePod(newPod);
        else cache.addPod(newPod);
      } else if (wasAssigned) {
        deleteFromCache(oldPod);
      }

      const wasPending = pending(oldPod);
      const isPending = pending(newPod);
      if (isPending) {
        if (!wasPending) queue.add(newPod);
        // Same resourceVersion: a resync, nothing changed (kubernetes#96071).
        else if (oldPod.metadata.resourceVersion !== newPod.metadata.resourceVersion && !cache.isAssumedPod(newPod.metadata.uid!)) queue.update(oldPod, newPod);
      } else if (wasPending) {
        queue.delete(oldPod);
      }
    },
    onDelete(pod) {
      if (assigned(pod)) deleteFromCache(pod);
      else if (pending(pod)) queue.delete(pod);
    },
  });

  informers.informer("nodes").addEventHandler({
    onAdd(node) {
      cache.addNode(node);
      queue.moveAllToActiveOrBackoffQueue(EVENT_NODE_ADD, undefined, node);
    },
    onUpdate(oldNode, newNode) {
      cache.updateNode(oldNode, newNode);
      for (const event of nodeSchedulingPropertiesChange(newNode, oldNode)) queue.moveAllToActiveOrBackoffQueue(event, oldNode, newNode);
    },
    onDelete(node) {
      cache.removeNode(node);
    },
  });
}
