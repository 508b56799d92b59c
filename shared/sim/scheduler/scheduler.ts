// kube-scheduler for one simulated cluster: the default-scheduler profile, its
// cache and queue, wired to the shared informers. The cluster drives it: after
// each watch delivery, runOnce() pops pods and runs one scheduling cycle each.
// With `active` off (players are the scheduler) the cache and queue stay current
// and checkFit() answers for drag-and-drop binding, but nothing is popped.

import type { Pod } from "../api/core-v1.ts";
import type { DeepReadonly } from "../api/meta.ts";
import type { Client } from "../clientgo/client.ts";
import type { EventRecorder } from "../clientgo/events.ts";
import type { SharedInformerFactory } from "../clientgo/informer.ts";
import type { SimClock } from "../kernel/clock.ts";
import type { Rng } from "../kernel/rng.ts";
import { Cache } from "./cache/cache.ts";
import { DEFAULT_PROFILE } from "./default-profile.ts";
import { addAllEventHandlers } from "./event-handlers.ts";
import { CycleState } from "./framework/cycle-state.ts";
import { Framework } from "./framework/runtime.ts";
import { isSuccess } from "./framework/status.ts";
import { IN_TREE_REGISTRY } from "./plugins/registry.ts";
import { SchedulingQueue } from "./queue/scheduling-queue.ts";
import { fits, Name as FIT_NAME, type InsufficientResource } from "./plugins/noderesources/fit.ts";
import { didNotSatisfyPluginsReason, scheduleOne, type SchedulingContext } from "./schedule-one.ts";

/**
 * A manual binding's preview: the Filter Status the scheduler would give this
 * node, with NodeResourcesFit's figures (requested, used, capacity) when it is
 * the resources that do not fit.
 */
export type FitPreview =
  | { readonly fits: true }
  | { readonly fits: false; readonly reasons: readonly string[]; readonly plugin?: string; readonly insufficient?: readonly InsufficientResource[] };

export interface SchedulerDeps {
  client: Client;
  informers: SharedInformerFactory;
  recorder: EventRecorder;
  clock: SimClock;
  rng: Rng;
  epochMs: number;
}

export interface Scheduler {
  /** Schedules up to `budget` pods from the active queue; returns how many cycles ran. */
  runOnce(budget?: number): number;
  hasWork(): boolean;
  /** When false (level 1: "you are the scheduler") the cache stays current but no pod is popped. */
  active: boolean;
  /** Runs PreFilter+Filter of the default profile for one pod against one node, for manual (drag) binding. */
  checkFit(pod: DeepReadonly<Pod>, nodeName: string): FitPreview;
}

class KubeScheduler implements Scheduler {
  active = true;
  readonly #ctx: SchedulingContext;

  constructor(deps: SchedulerDeps) {
    const cache = new Cache();
    const fw = new Framework(DEFAULT_PROFILE, IN_TREE_REGISTRY, { client: deps.client, snapshot: cache });
    const queue = new SchedulingQueue({ clock: deps.clock, less: (a, b) => fw.queueSort.less(a, b), hints: fw.queueingHints });
    this.#ctx = {
      fw,
      cache,
      queue,
      client: deps.client,
      recorder: deps.recorder,
      clock: deps.clock,
      rng: deps.rng,
      epochMs: deps.epochMs,
      pods: deps.informers.informer("pods"),
      nextStartNodeIndex: 0,
    };
    addAllEventHandlers({ cache, queue, schedulerName: DEFAULT_PROFILE.schedulerName }, deps.informers);
  }

  runOnce(budget = Number.POSITIVE_INFINITY): number {
    if (!this.active) return 0;
    let cycles = 0;
    while (cycles < budget) {
      // Throttled: the pods wait in the queue for a step with a token (a cycle's bind needs one).
      if (!this.hasWork()) break;
      const qp = this.#ctx.queue.pop();
      if (qp === undefined) break;
      scheduleOne(this.#ctx, qp);
      cycles++;
    }
    return cycles;
  }

  /** Whether a cycle could run now: a pod to pop and a token to bind it with. */
  hasWork(): boolean {
    const limiter = this.#ctx.client.rateLimiter;
    return this.active && this.#ctx.queue.hasPoppable() && (limiter === undefined || limiter.available() > 0);
  }

  checkFit(pod: DeepReadonly<Pod>, nodeName: string): FitPreview {
    const { fw, cache } = this.#ctx;
    const nodeInfo = cache.get(nodeName);
    if (nodeInfo === undefined) return { fits: false, reasons: [`nodeinfo not found for node name ${JSON.stringify(nodeName)}`] };
    const state = new CycleState();
    const pre = fw.runPreFilterPlugins(state, pod, cache.list());
    if (!isSuccess(pre.status)) return { fits: false, reasons: [...pre.status!.reasons] };
    if (pre.result !== undefined && !pre.result.nodeNames.has(nodeName)) return { fits: false, reasons: [didNotSatisfyPluginsReason(pre.pluginsWithNodes)] };
    const status = fw.runFilterPlugins(state, pod, nodeInfo);
    if (status === undefined) return { fits: true };
    const insufficient = status.plugin === FIT_NAME ? fits(pod, nodeInfo) : undefined;
    return { fits: false, reasons: [...status.reasons], ...(status.plugin ? { plugin: status.plugin } : {}), ...(insufficient ? { insufficient } : {}) };
  }
}

export function newScheduler(deps: SchedulerDeps): Scheduler {
  return new KubeScheduler(deps);
}
