// The scheduling queue (backend/queue PriorityQueue, with queueing hints, as
// v1.34 runs by default). Three places a pending pod can wait:
// - activeQ: ready to be tried, ordered by the QueueSort plugin;
// - backoffQ: moved by an event while still serving its backoff
//   (1 s × 2^(failures−1), at most 10 s, aligned to whole seconds); pods that hit
//   an error (not a rejection) wait in a separate error backoffQ;
// - unschedulablePods: rejected by plugins, waiting for an event one of those
//   plugins' hints says may help, or for 5 minutes, whichever comes first.
// With SchedulerPopFromBackoffQ (beta, on in v1.34) an empty activeQ lends its
// turn to the head of backoffQ. Flushes run on the simulated clock: backoffQ
// every whole second, unschedulablePods every 30 s.

import type { Pod } from "../../api/core-v1.ts";
import { objectKey, type DeepReadonly } from "../../api/meta.ts";
import type { SimClock, TimerHandle } from "../../kernel/clock.ts";
import { EVENT_UNSCHEDULABLE_TIMEOUT, eventMatches, isWildCard, podSchedulingPropertiesChange, type ClusterEvent } from "../framework/events.ts";
import { newQueuedPodInfo, type QueuedPodInfo } from "../framework/queued-pod-info.ts";
import type { QueueingHintEntry } from "../framework/runtime.ts";
import { Heap } from "./heap.ts";

/** podInitialBackoffSeconds. */
export const DEFAULT_POD_INITIAL_BACKOFF_MS = 1_000;
/** podMaxBackoffSeconds. */
export const DEFAULT_POD_MAX_BACKOFF_MS = 10_000;
/** podMaxInUnschedulablePodsDuration. */
export const DEFAULT_POD_MAX_IN_UNSCHEDULABLE_PODS_MS = 5 * 60_000;
/** backoffQOrderingWindowDuration: also how often backoffQ is flushed. */
export const BACKOFF_Q_ORDERING_WINDOW_MS = 1_000;
/** How often unschedulablePods is checked for pods that waited too long. */
export const UNSCHEDULABLE_PODS_FLUSH_INTERVAL_MS = 30_000;

export type QueueName = "activeQ" | "backoffQ" | "errorBackoffQ" | "unschedulablePods";
type QueueingStrategy = "queueSkip" | "queueAfterBackoff";

const NO_PLUGINS: ReadonlySet<string> = new Set();

export interface SchedulingQueueOptions {
  readonly clock: SimClock;
  /** The profile's QueueSort plugin. */
  readonly less: (a: QueuedPodInfo, b: QueuedPodInfo) => boolean;
  readonly hints: readonly QueueingHintEntry[];
  /** SchedulerPopFromBackoffQ feature gate. */
  readonly popFromBackoffQ?: boolean;
  readonly podInitialBackoffMs?: number;
  readonly podMaxBackoffMs?: number;
  readonly podMaxInUnschedulablePodsMs?: number;
}

export class SchedulingQueue {
  readonly #clock: SimClock;
  readonly #hints: readonly QueueingHintEntry[];
  readonly #popFromBackoffQ: boolean;
  readonly #initialBackoff: number;
  readonly #maxBackoff: number;
  readonly #maxInUnschedulable: number;
  readonly #activeQ: Heap<QueuedPodInfo>;
  readonly #backoffQ: Heap<QueuedPodInfo>;
  readonly #errorBackoffQ: Heap<QueuedPodInfo>;
  readonly #unschedulablePods = new Map<string, QueuedPodInfo>();
  /** Every queued (not in-flight) pod by key, and where it waits. */
  readonly #queued = new Map<string, QueuedPodInfo>();
  readonly #where = new Map<string, QueueName>();
  /** Phase of the 30 s unschedulablePods ticker: when the queue started. */
  readonly #startMs: number;
  #seq = 0;
  #backoffFlush: TimerHandle | undefined;
  #unschedulableFlush: TimerHandle | undefined;

  constructor(opts: SchedulingQueueOptions) {
    this.#clock = opts.clock;
    this.#hints = opts.hints;
    this.#popFromBackoffQ = opts.popFromBackoffQ ?? true;
    this.#initialBackoff = opts.podInitialBackoffMs ?? DEFAULT_POD_INITIAL_BACKOFF_MS;
    this.#maxBackoff = opts.podMaxBackoffMs ?? DEFAULT_POD_MAX_BACKOFF_MS;
    this.#maxInUnschedulable = opts.podMaxInUnschedulablePodsMs ?? DEFAULT_POD_MAX_IN_UNSCHEDULABLE_PODS_MS;
    this.#startMs = opts.clock.now;
    // Go's heap leaves equal items in no particular order; insertion order keeps replays identical.
    const activeLess = (a: QueuedPodInfo, b: QueuedPodInfo): boolean => opts.less(a, b) || (!opts.less(b, a) && a.seq < b.seq);
    const byBackoff = (a: QueuedPodInfo, b: QueuedPodInfo): number => this.#backoffTime(a) - this.#backoffTime(b);
    this.#activeQ = new Heap(activeLess);
    // Within one ordering window, backoffQ pops in activeQ order, since it may stand in for activeQ.
    this.#backoffQ = new Heap((a, b) => {
      const d = byBackoff(a, b);
      return d !== 0 ? d < 0 : this.#popFromBackoffQ ? activeLess(a, b) : a.seq < b.seq;
    });
    this.#errorBackoffQ = new Heap((a, b) => {
      const d = byBackoff(a, b);
      return d !== 0 ? d < 0 : a.seq < b.seq;
    });
  }

  get length(): { readonly activeQ: number; readonly backoffQ: number; readonly unschedulablePods: number } {
    return { activeQ: this.#activeQ.length, backoffQ: this.#backoffQ.length + this.#errorBackoffQ.length, unschedulablePods: this.#unschedulablePods.size };
  }

  /** Whether pop() would return a pod now. */
  hasPoppable(): boolean {
    return this.#activeQ.length > 0 || (this.#popFromBackoffQ && this.#backoffQ.length > 0);
  }

  /** Where a pod waits; undefined when it is not queued (unknown, or being scheduled). */
  locationOf(key: string): QueueName | undefined {
    return this.#where.get(key);
  }

  /** A new pending pod goes straight to activeQ. */
  add(pod: DeepReadonly<Pod>): void {
    if (this.#where.has(objectKey(pod as Pod))) {
      this.update(pod, pod);
      return;
    }
    this.#moveToActiveQ(newQueuedPodInfo(pod, this.#clock.now, this.#seq++));
  }

  /**
   * A pending pod changed. Waiting in activeQ or backoffQ, it only gets the new
   * object; in unschedulablePods it moves if the rejecting plugins' hints say the
   * change may help; not queued at all, it is added.
   */
  update(oldPod: DeepReadonly<Pod>, newPod: DeepReadonly<Pod>): void {
    const key = objectKey(newPod as Pod);
    const where = this.#where.get(key);
    if (where === undefined) {
      this.#moveToActiveQ(newQueuedPodInfo(newPod, this.#clock.now, this.#seq++));
      return;
    }
    const qp = this.#queued.get(key)!;
    qp.pod = newPod;
    if (where !== "unschedulablePods") {
      this.#heapOf(where).fix(qp);
      return;
    }
    for (const event of podSchedulingPropertiesChange(newPod, oldPod)) {
      if (this.#isPodWorthRequeuing(qp, event, oldPod, newPod) === "queueSkip") continue;
      this.#unschedulablePods.delete(key);
      this.#requeue(qp, "queueAfterBackoff");
      return;
    }
  }

  delete(pod: DeepReadonly<Pod>): void {
    const key = objectKey(pod as Pod);
    const where = this.#where.get(key);
    if (where === undefined) return;
    const qp = this.#queued.get(key)!;
    this.#forget(qp);
    if (where === "unschedulablePods") this.#unschedulablePods.delete(key);
    else this.#heapOf(where).remove(qp);
  }

  /** The next pod to schedule: activeQ's head, or backoffQ's when activeQ is empty (SchedulerPopFromBackoffQ). */
  pop(): QueuedPodInfo | undefined {
    let qp = this.#activeQ.pop();
    if (qp === undefined && this.#popFromBackoffQ) qp = this.#backoffQ.pop();
    if (qp === undefined) return undefined;
    this.#forget(qp);
    qp.attempts++;
    qp.backoffExpiration = undefined;
    // Each attempt records its own rejectors; an error leaves none, so it backs off as an error.
    qp.unschedulablePlugins = NO_PLUGINS;
    return qp;
  }

  /**
   * AddUnschedulableIfNotPresent: a pod whose cycle failed comes back. Rejected by
   * plugins, it waits in unschedulablePods (no event can have arrived while it was
   * being scheduled: cycles run between watch deliveries). Failed on an error, it
   * is retried after backoff.
   */
  addUnschedulableIfNotPresent(qp: QueuedPodInfo): void {
    if (this.#where.has(qp.key)) return;
    qp.timestamp = this.#clock.now;
    qp.backoffExpiration = undefined;
    this.#requeue(qp, qp.unschedulablePlugins.size === 0 ? "queueAfterBackoff" : "queueSkip");
  }

  /** MoveAllToActiveOrBackoffQueue: offers a cluster event to every pod in unschedulablePods. */
  moveAllToActiveOrBackoffQueue(event: ClusterEvent, oldObj: unknown, newObj: unknown, preCheck?: (pod: DeepReadonly<Pod>) => boolean): void {
    if (!this.#isEventOfInterest(event)) return;
    this.#movePodsToActiveOrBackoffQueue(this.#unschedulablePods.values(), event, oldObj, newObj, preCheck);
  }

  /** Moving never puts a pod back into unschedulablePods, so `pods` may iterate that very map. */
  #movePodsToActiveOrBackoffQueue(
    pods: Iterable<QueuedPodInfo>,
    event: ClusterEvent,
    oldObj: unknown,
    newObj: unknown,
    preCheck?: (pod: DeepReadonly<Pod>) => boolean,
  ): void {
    for (const qp of pods) {
      if (preCheck !== undefined && !preCheck(qp.pod)) continue;
      const strategy = this.#isPodWorthRequeuing(qp, event, oldObj, newObj);
      if (strategy === "queueSkip") continue;
      this.#unschedulablePods.delete(qp.key);
      this.#requeue(qp, strategy);
    }
  }

  #isEventOfInterest(event: ClusterEvent): boolean {
    return isWildCard(event) || this.#hints.some((h) => eventMatches(h.event, event));
  }

  /** isPodWorthRequeuing: any hint of a plugin that rejected the pod answering Queue. */
  #isPodWorthRequeuing(qp: QueuedPodInfo, event: ClusterEvent, oldObj: unknown, newObj: unknown): QueueingStrategy {
    if (qp.unschedulablePlugins.size === 0) return "queueAfterBackoff";
    if (isWildCard(event)) return "queueAfterBackoff";
    for (const h of this.#hints) {
      if (!qp.unschedulablePlugins.has(h.plugin) || !eventMatches(h.event, event)) continue;
      if ((h.hint?.(qp.pod, oldObj, newObj) ?? "Queue") === "Queue") return "queueAfterBackoff";
    }
    return "queueSkip";
  }

  #requeue(qp: QueuedPodInfo, strategy: QueueingStrategy): void {
    if (strategy === "queueSkip") {
      this.#unschedulablePods.set(qp.key, qp);
      this.#track(qp, "unschedulablePods");
      this.#armUnschedulableFlush();
    } else if (this.#isBackingOff(qp)) {
      const where = qp.unschedulablePlugins.size === 0 ? "errorBackoffQ" : "backoffQ";
      this.#heapOf(where).push(qp);
      this.#track(qp, where);
      this.#armBackoffFlush();
    } else {
      this.#moveToActiveQ(qp);
    }
  }

  #moveToActiveQ(qp: QueuedPodInfo): void {
    this.#activeQ.push(qp);
    this.#track(qp, "activeQ");
  }

  #track(qp: QueuedPodInfo, where: QueueName): void {
    this.#queued.set(qp.key, qp);
    this.#where.set(qp.key, where);
  }

  #forget(qp: QueuedPodInfo): void {
    this.#queued.delete(qp.key);
    this.#where.delete(qp.key);
  }

  #heapOf(where: Exclude<QueueName, "unschedulablePods">): Heap<QueuedPodInfo> {
    return where === "activeQ" ? this.#activeQ : where === "backoffQ" ? this.#backoffQ : this.#errorBackoffQ;
  }

  #alignToWindow(ms: number): number {
    return this.#popFromBackoffQ ? Math.floor(ms / BACKOFF_Q_ORDERING_WINDOW_MS) * BACKOFF_Q_ORDERING_WINDOW_MS : ms;
  }

  /** Backoff duration for the pod's failure count: 1 s doubling, capped at 10 s. */
  backoffDuration(count: number): number {
    if (count === 0) return 0;
    let duration = this.#initialBackoff;
    for (let i = 1; i < count; i++) {
      if (duration > this.#maxBackoff - duration) return this.#maxBackoff;
      duration += duration;
    }
    return duration;
  }

  #backoffTime(qp: QueuedPodInfo): number {
    // Errors back off on their own count, so past rejections do not inflate a passing API error.
    const count = qp.consecutiveErrorsCount > 0 ? qp.consecutiveErrorsCount : qp.unschedulableCount;
    if (count === 0 || this.#maxBackoff === 0) return Number.NEGATIVE_INFINITY;
    qp.backoffExpiration ??= this.#alignToWindow(qp.timestamp + this.backoffDuration(count));
    return qp.backoffExpiration;
  }

  /** Still backing off while its expiry is not before the current ordering window. */
  #isBackingOff(qp: QueuedPodInfo): boolean {
    return !(this.#backoffTime(qp) < this.#alignToWindow(this.#clock.now));
  }

  #armBackoffFlush(): void {
    if (this.#backoffFlush !== undefined) return;
    const due = (Math.floor(this.#clock.now / BACKOFF_Q_ORDERING_WINDOW_MS) + 1) * BACKOFF_Q_ORDERING_WINDOW_MS;
    this.#backoffFlush = this.#clock.at(due, () => {
      this.#backoffFlush = undefined;
      this.#flushBackoffQCompleted();
      if (this.#backoffQ.length + this.#errorBackoffQ.length > 0) this.#armBackoffFlush();
    });
  }

  #flushBackoffQCompleted(): void {
    for (const heap of [this.#backoffQ, this.#errorBackoffQ]) {
      for (let head = heap.peek(); head !== undefined && !this.#isBackingOff(head); head = heap.peek()) {
        heap.pop();
        this.#moveToActiveQ(head);
      }
    }
  }

  #armUnschedulableFlush(): void {
    if (this.#unschedulableFlush !== undefined) return;
    const period = UNSCHEDULABLE_PODS_FLUSH_INTERVAL_MS;
    const due = this.#startMs + (Math.floor((this.#clock.now - this.#startMs) / period) + 1) * period;
    this.#unschedulableFlush = this.#clock.at(due, () => {
      this.#unschedulableFlush = undefined;
      this.#flushUnschedulablePodsLeftover();
      if (this.#unschedulablePods.size > 0) this.#armUnschedulableFlush();
    });
  }

  #flushUnschedulablePodsLeftover(): void {
    const now = this.#clock.now;
    const stale = [...this.#unschedulablePods.values()].filter((qp) => now - qp.timestamp > this.#maxInUnschedulable);
    if (stale.length > 0) this.#movePodsToActiveOrBackoffQueue(stale, EVENT_UNSCHEDULABLE_TIMEOUT, undefined, undefined);
  }
}
