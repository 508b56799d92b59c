// The simulated clock and its timer heap. Simulated time is an integer number of
// milliseconds since the scenario's epoch; it only moves when the kernel steps,
// so nothing in the simulation ever reads a wall clock.

export type TimerCallback = () => void;

interface Timer {
  readonly due: number;
  readonly seq: number;
  readonly fn: TimerCallback;
  cancelled: boolean;
}

export interface TimerHandle {
  cancel(): void;
}

/** Fixed simulation step: every tick advances the clock by exactly this much. */
export const STEP_MS = 100;

export class SimClock {
  #now = 0;
  #seq = 0;
  // Binary min-heap ordered by (due, seq): timers due at the same instant fire in
  // the order they were set, which keeps runs reproducible.
  readonly #heap: Timer[] = [];

  /** Milliseconds since the scenario epoch. */
  get now(): number {
    return this.#now;
  }

  /** Number of timers waiting (cancelled ones included until they surface). */
  get pending(): number {
    return this.#heap.length;
  }

  /** Runs fn once the clock reaches now + delayMs (at the earliest on the next advance). */
  after(delayMs: number, fn: TimerCallback): TimerHandle {
    return this.at(this.#now + Math.max(0, Math.trunc(delayMs)), fn);
  }

  /** Runs fn once the clock reaches dueMs. */
  at(dueMs: number, fn: TimerCallback): TimerHandle {
    const timer: Timer = { due: Math.trunc(dueMs), seq: this.#seq++, fn, cancelled: false };
    this.#push(timer);
    return { cancel: () => { timer.cancelled = true; } };
  }

  /** Due time of the earliest live timer, or undefined. */
  nextDue(): number | undefined {
    while (this.#heap.length > 0 && this.#heap[0]!.cancelled) this.#pop();
    return this.#heap[0]?.due;
  }

  /**
   * Moves the clock to `to` and fires every timer due by then, in (due, seq)
   * order. A timer set while firing runs in the same advance if it is due.
   */
  advanceTo(to: number): void {
    if (to < this.#now) throw new Error(`clock cannot go back from ${this.#now} to ${to}`);
    for (;;) {
      const top = this.#heap[0];
      if (top === undefined || top.due > to) break;
      this.#pop();
      if (top.cancelled) continue;
      if (top.due > this.#now) this.#now = top.due;
      top.fn();
    }
    this.#now = to;
  }

  #push(timer: Timer): void {
    const heap = this.#heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  #pop(): Timer | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last !== undefined) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.due < b.due || (a.due === b.due && a.seq < b.seq);
}
