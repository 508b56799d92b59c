// client-go's client-side rate limit (flowcontrol.NewTokenBucketRateLimiter,
// golang.org/x/time/rate underneath): a bucket of `burst` tokens, refilled at
// `qps` per second of SIMULATED time, one token per request. Upstream's Wait
// blocks the caller until its token comes; a step cannot block, so a request
// without a token is served on credit (x/time/rate's Reserve: the bucket goes
// below zero), and the component does no more work until the bucket is above
// zero again: it asks available() before each piece of work and leaves the rest
// for a later step. Over time it sends exactly what the limit lets through.

import type { SimClock } from "../kernel/clock.ts";

/** The defaults each component starts its clients with (v1.34). */
export const RATE_LIMITS = {
  /** kube-controller-manager --kube-api-qps / --kube-api-burst, one bucket per controller's client. */
  kubeControllerManager: { qps: 20, burst: 30 },
  /** KubeSchedulerConfiguration clientConnection.qps / burst. */
  kubeScheduler: { qps: 50, burst: 100 },
  /** KubeletConfiguration kubeAPIQPS / kubeAPIBurst. */
  kubelet: { qps: 50, burst: 100 },
} as const;

export interface RateLimit {
  readonly qps: number;
  readonly burst: number;
}

// Tokens are counted in thousandths, so that qps tokens per second is exactly qps per millisecond.
const MILLI = 1000;

export class TokenBucketRateLimiter {
  readonly qps: number;
  readonly burst: number;
  readonly #clock: SimClock;
  #milliTokens: number;
  #last: number;

  constructor(limit: RateLimit, clock: SimClock) {
    this.qps = limit.qps;
    this.burst = limit.burst;
    this.#clock = clock;
    // x/time/rate starts a limiter with a full bucket.
    this.#milliTokens = limit.burst * MILLI;
    this.#last = clock.now;
  }

  #refill(): void {
    const now = this.#clock.now;
    if (now > this.#last) this.#milliTokens = Math.min(this.burst * MILLI, this.#milliTokens + (now - this.#last) * this.qps);
    this.#last = now;
  }

  /** Whole tokens available now; zero or less while the component waits. */
  available(): number {
    this.#refill();
    return Math.floor(this.#milliTokens / MILLI);
  }

  /** Takes a token for a request being sent, on credit when the bucket is empty. */
  accept(): void {
    this.#refill();
    this.#milliTokens -= MILLI;
  }

  /** Simulated milliseconds until a whole token is available (0: now). */
  delayMs(): number {
    this.#refill();
    const missing = MILLI - this.#milliTokens;
    return missing <= 0 ? 0 : Math.ceil(missing / this.qps);
  }
}
