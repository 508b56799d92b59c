import { describe, expect, it } from "vitest";
import { SimClock } from "../kernel/clock.ts";
import { RATE_LIMITS, TokenBucketRateLimiter } from "./rate-limiter.ts";

describe("TokenBucketRateLimiter", () => {
  it("carries upstream's v1.34 defaults", () => {
    expect(RATE_LIMITS).toEqual({
      kubeControllerManager: { qps: 20, burst: 30 },
      kubeScheduler: { qps: 50, burst: 100 },
      kubelet: { qps: 50, burst: 100 },
    });
  });

  it("starts full, refills at qps per simulated second up to burst, and lends below zero", () => {
    const clock = new SimClock();
    const l = new TokenBucketRateLimiter({ qps: 20, burst: 30 }, clock);
    expect(l.available()).toBe(30);
    for (let i = 0; i < 35; i++) l.accept();
    // Five requests went on credit: the component waits until the debt is paid and a token is whole.
    expect(l.available()).toBe(-5);
    expect(l.delayMs()).toBe(300);
    clock.advanceTo(100);
    expect(l.available()).toBe(-3);
    clock.advanceTo(300);
    expect([l.available(), l.delayMs()]).toEqual([1, 0]);
    clock.advanceTo(60_000);
    expect(l.available()).toBe(30);
  });

  it("counts fractions of a token exactly", () => {
    const clock = new SimClock();
    const l = new TokenBucketRateLimiter({ qps: 3, burst: 1 }, clock);
    l.accept();
    expect(l.delayMs()).toBe(334);
    clock.advanceTo(333);
    expect(l.available()).toBe(0);
    clock.advanceTo(334);
    expect(l.available()).toBe(1);
  });
});
