// TimedWorkerQueue (pkg/controller/tainteviction/timed_workers.go) on the simulated clock: one
// pending eviction per pod key, fired by a kernel timer. A worker that has fired stays behind
// as a marker (upstream's nil entry), so later node or pod updates do not schedule the same pod
// again until the marker is cancelled.

import type { SimClock, TimerHandle } from "../../kernel/clock.ts";

export interface TimedWorker {
  readonly fireAt: number;
  readonly timer: TimerHandle | undefined;
}

export class TimedWorkerQueue {
  readonly #clock: SimClock;
  /** null: fired (done); the key stays so AddWork skips it. */
  readonly #workers = new Map<string, TimedWorker | null>();
  readonly #onFire: (key: string) => void;

  /** `onFire` runs from the timer (or at once when already due); it should only enqueue. */
  constructor(clock: SimClock, onFire: (key: string) => void) {
    this.#clock = clock;
    this.#onFire = onFire;
  }

  /** Schedules work for key unless some (pending or fired) is already there. */
  addWork(key: string, fireAt: number): void {
    if (this.#workers.has(key)) return;
    const due = fireAt <= this.#clock.now;
    const timer = due ? undefined : this.#clock.at(fireAt, () => this.#onFire(key));
    this.#workers.set(key, { fireAt, timer });
    if (due) this.#onFire(key);
  }

  /** Drops key's work; true only if it was still pending (so a cancellation event is due). */
  cancelWork(key: string): boolean {
    if (!this.#workers.has(key)) return false;
    const worker = this.#workers.get(key);
    this.#workers.delete(key);
    if (!worker) return false;
    worker.timer?.cancel();
    return true;
  }

  /** The pending worker for key, if any (a fired one reads as undefined, like upstream's nil). */
  getWorkerUnsafe(key: string): TimedWorker | undefined {
    return this.#workers.get(key) ?? undefined;
  }

  /** Marks key's work as having run successfully. */
  markDone(key: string): void {
    this.#workers.set(key, null);
  }

  /** Forgets key after its work failed, so a later update may schedule it afresh. */
  forget(key: string): void {
    this.#workers.delete(key);
  }
}
