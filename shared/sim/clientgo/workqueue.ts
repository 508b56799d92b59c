// client-go's rate-limited work queue on simulated time: keys are deduplicated
// while waiting, a key being processed is not handed out twice, failures back off
// exponentially per key (5 ms doubling to 1000 s, DefaultControllerRateLimiter's
// per-item part), and AddAfter uses the kernel's timer heap, keeping only the
// earliest pending time per key as the delaying queue does.

import type { SimClock, TimerHandle } from "../kernel/clock.ts";

export const DEFAULT_BASE_DELAY_MS = 5;
export const DEFAULT_MAX_DELAY_MS = 1_000_000;

export class WorkQueue {
  readonly name: string;
  readonly #clock: SimClock;
  readonly #queue: string[] = [];
  #head = 0;
  readonly #dirty = new Set<string>();
  readonly #processing = new Set<string>();
  readonly #failures = new Map<string, number>();
  /** Keys waiting for an addAfter timer: one timer per key, the earliest wins (client-go's waitingForQueue). */
  readonly #waiting = new Map<string, { readonly due: number; readonly timer: TimerHandle }>();
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;

  constructor(name: string, clock: SimClock, opts: { baseDelayMs?: number; maxDelayMs?: number } = {}) {
    this.name = name;
    this.#clock = clock;
    this.#baseDelayMs = opts.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
    this.#maxDelayMs = opts.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  }

  get length(): number {
    return this.#queue.length - this.#head;
  }

  add(key: string): void {
    if (this.#dirty.has(key)) return;
    this.#dirty.add(key);
    // A key being processed is re-queued when done() is called for it.
    if (this.#processing.has(key)) return;
    this.#queue.push(key);
  }

  addAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) {
      this.add(key);
      return;
    }
    const due = this.#clock.now + Math.trunc(delayMs);
    const waiting = this.#waiting.get(key);
    if (waiting !== undefined) {
      if (waiting.due <= due) return;
      waiting.timer.cancel();
    }
    const timer = this.#clock.at(due, () => {
      this.#waiting.delete(key);
      this.add(key);
    });
    this.#waiting.set(key, { due, timer });
  }

  addRateLimited(key: string): void {
    const n = this.#failures.get(key) ?? 0;
    this.#failures.set(key, n + 1);
    this.addAfter(key, Math.min(this.#maxDelayMs, this.#baseDelayMs * 2 ** n));
  }

  forget(key: string): void {
    this.#failures.delete(key);
  }

  numRequeues(key: string): number {
    return this.#failures.get(key) ?? 0;
  }

  /** Next key to process, or undefined when empty. Call done(key) afterwards. */
  get(): string | undefined {
    if (this.#head >= this.#queue.length) return undefined;
    const key = this.#queue[this.#head++]!;
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue.splice(0, this.#head);
      this.#head = 0;
    }
    this.#dirty.delete(key);
    this.#processing.add(key);
    return key;
  }

  done(key: string): void {
    this.#processing.delete(key);
    if (this.#dirty.has(key)) this.#queue.push(key);
  }
}
