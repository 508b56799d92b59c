// A token bucket per client, in wall time: a burst of typing goes through, a
// flood is answered "slow down" one message at a time and the seat is kept
// (Colyseus' own maxMessagesPerSecond would close the socket instead).

import { RATE_LIMIT } from "../../../shared/protocol/messages.ts";

export class RateLimiter {
  readonly #perMs: number;
  readonly #burst: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(perSecond: number = RATE_LIMIT.perSecond, burst: number = RATE_LIMIT.burst) {
    this.#perMs = perSecond / 1000;
    this.#burst = burst;
  }

  /** Takes one token for `key` at wall time `nowMs`; false when the bucket is empty. */
  take(key: string, nowMs: number): boolean {
    const bucket = this.#buckets.get(key) ?? { tokens: this.#burst, at: nowMs };
    bucket.tokens = Math.min(this.#burst, bucket.tokens + (nowMs - bucket.at) * this.#perMs);
    bucket.at = nowMs;
    const ok = bucket.tokens >= 1;
    if (ok) bucket.tokens -= 1;
    this.#buckets.set(key, bucket);
    return ok;
  }

  forget(key: string): void {
    this.#buckets.delete(key);
  }
}

export function slowDownMessage(): string {
  return `slow down: more than ${RATE_LIMIT.burst} messages in a burst or ${RATE_LIMIT.perSecond} a second; this one was not run`;
}
