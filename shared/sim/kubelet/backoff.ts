// Per-key exponential back-off on simulated time: client-go's flowcontrol.Backoff
// as the kubelet builds it, without jitter, for image pulls and for container
// restarts (CrashLoopBackOff). Both start at 10 s, double each time and stop at
// 300 s; an entry untouched for twice the maximum (10 min) starts over.

import type { SimClock } from "../kernel/clock.ts";

/** The kubelet's backOffPeriod: the first delay of both back-offs. */
export const BACK_OFF_PERIOD_MS = 10_000;
/** MaxContainerBackOff: the cap of both back-offs. */
export const MAX_CONTAINER_BACK_OFF_MS = 300_000;

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

export class Backoff {
  readonly #clock: SimClock;
  readonly #initialMs: number;
  readonly #maxMs: number;
  readonly #entries = new Map<string, Entry>();

  constructor(clock: SimClock, initialMs = BACK_OFF_PERIOD_MS, maxMs = MAX_CONTAINER_BACK_OFF_MS) {
    this.#clock = clock;
    this.#initialMs = initialMs;
    this.#maxMs = maxMs;
  }

  /** The current delay of `id`, 0 when it has none. */
  get(id: string): number {
    return this.#entries.get(id)?.backoffMs ?? 0;
  }

  /** Records a failure at `eventTime`: the first (or first after a quiet spell) gets the initial delay, later ones double it. */
  next(id: string, eventTime: number): void {
    const entry = this.#entries.get(id);
    const backoffMs = entry === undefined || this.#expired(eventTime, entry) ? this.#initialMs : Math.min(entry.backoffMs * 2, this.#maxMs);
    // Upstream stamps the entry with the clock, not with eventTime.
    this.#entries.set(id, { backoffMs, lastUpdate: this.#clock.now });
  }

  reset(id: string): void {
    this.#entries.delete(id);
  }

  /** Whether less than the delay has passed since `eventTime` (a container's finish, for restarts). */
  isInBackOffSince(id: string, eventTime: number): boolean {
    const entry = this.#entries.get(id);
    if (entry === undefined || this.#expired(eventTime, entry)) return false;
    return this.#clock.now - eventTime < entry.backoffMs;
  }

  /** Whether less than the delay separates `eventTime` from the last failure (image pulls). */
  isInBackOffSinceUpdate(id: string, eventTime: number): boolean {
    const entry = this.#entries.get(id);
    if (entry === undefined || this.#expired(eventTime, entry)) return false;
    return eventTime - entry.lastUpdate < entry.backoffMs;
  }

  /** Drops entries quiet for twice the maximum; the kubelet calls this after a successful pull. */
  gc(): void {
    const now = this.#clock.now;
    for (const [id, entry] of this.#entries) if (now - entry.lastUpdate > 2 * this.#maxMs) this.#entries.delete(id);
  }

  // "Consider stable if it's ok for twice the maxDuration."
  #expired(eventTime: number, entry: Entry): boolean {
    return eventTime - entry.lastUpdate > 2 * this.#maxMs;
  }
}
