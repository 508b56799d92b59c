// The per-zone NoExecute tainter queue (pkg/controller/nodelifecycle/scheduler/rate_limited_queue.go)
// on simulated time: nodes waiting for their NoExecute taint, unique by name, drained through a
// token bucket of burst 1, so a zone taints at most `qps` nodes per second (0.1 by default: one
// node every 10 s) and none at all while its limiter is swapped to 0 (disruption modes).

/**
 * flowcontrol.NewTokenBucketRateLimiter(qps, EvictionRateLimiterBurst = 1), or
 * NewFakeNeverRateLimiter for qps 0. With a burst of one the bucket holds a whole token or
 * none, so "when is the next token" is all its state.
 */
export class TokenBucket {
  readonly qps: number;
  readonly #intervalMs: number;
  #readyAt = Number.NEGATIVE_INFINITY; // starts full, as golang.org/x/time/rate does

  constructor(qps: number) {
    this.qps = qps;
    this.#intervalMs = qps > 0 ? Math.round(1000 / qps) : Number.POSITIVE_INFINITY;
  }

  tryAccept(now: number): boolean {
    if (this.qps <= 0 || now < this.#readyAt) return false;
    this.#readyAt = now + this.#intervalMs;
    return true;
  }

  /** When tryAccept can next succeed (+Infinity for a never-limiter). */
  get readyAt(): number {
    return this.qps > 0 ? this.#readyAt : Number.POSITIVE_INFINITY;
  }
}

export interface TimedValue {
  readonly value: string;
  processAt: number;
}

/** Returns whether the value is done with; otherwise it is retried after `waitMs`. */
export type ActionFunc = (value: TimedValue) => { readonly ok: boolean; readonly waitMs: number };

export class RateLimitedTimedQueue {
  // UniqueQueue: the set outlives the queue entry (RemoveFromQueue), so a node tainted once
  // is not queued again until Remove (markNodeAsReachable, or a taint that went missing).
  readonly #set = new Set<string>();
  #queue: TimedValue[] = [];
  #seq = 0;
  readonly #order = new Map<string, number>();
  #limiter: TokenBucket;

  constructor(limiter: TokenBucket) {
    this.#limiter = limiter;
  }

  get qps(): number {
    return this.#limiter.qps;
  }

  get length(): number {
    return this.#queue.length;
  }

  /** Queues a value unless it is already in the set; returns whether it was added. */
  add(value: string, now: number): boolean {
    if (this.#set.has(value)) return false;
    this.#set.add(value);
    this.#order.set(value, this.#seq++);
    this.#queue.push({ value, processAt: now });
    this.#sort();
    return true;
  }

  /** Removes a value from the set and the queue; returns whether it was in the set. */
  remove(value: string): boolean {
    if (!this.#set.delete(value)) return false;
    this.#queue = this.#queue.filter((v) => v.value !== value);
    this.#order.delete(value);
    return true;
  }

  /** Processes due values while the limiter allows, oldest first. */
  try(now: number, fn: ActionFunc): void {
    let head = this.#queue[0];
    while (head !== undefined) {
      // As upstream, a token is spent before looking whether the head is due.
      if (!this.#limiter.tryAccept(now)) break;
      if (now < head.processAt) break;
      const { ok, waitMs } = fn(head);
      if (ok) this.#queue.shift();
      else {
        head.processAt = now + waitMs + 1;
        this.#sort();
      }
      head = this.#queue[0];
    }
  }

  /**
   * When a try could next do something: the later of the head's processAt and the next
   * token. +Infinity when empty or when the limiter never accepts.
   */
  nextTryAt(): number {
    const head = this.#queue[0];
    if (head === undefined) return Number.POSITIVE_INFINITY;
    return Math.max(head.processAt, this.#limiter.readyAt);
  }

  /** SwapLimiter: a new bucket at the new rate, drained if the old one was empty. */
  swapLimiter(qps: number, now: number): void {
    if (this.#limiter.qps === qps) return;
    const next = new TokenBucket(qps);
    if (qps > 0 && !this.#limiter.tryAccept(now)) next.tryAccept(now);
    this.#limiter = next;
  }

  #sort(): void {
    // Heap order by processAt; equal times keep insertion order so runs are reproducible.
    this.#queue.sort((a, b) => a.processAt - b.processAt || this.#order.get(a.value)! - this.#order.get(b.value)!);
  }
}
