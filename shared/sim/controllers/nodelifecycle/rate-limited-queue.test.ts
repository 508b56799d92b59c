import { describe, expect, it } from "vitest";
import { RateLimitedTimedQueue, TokenBucket } from "./rate-limited-queue.ts";

const ok = { ok: true, waitMs: 0 };

describe("TokenBucket (burst 1)", () => {
  it("starts full and refills one token every 1/qps seconds", () => {
    const b = new TokenBucket(0.1);
    expect(b.tryAccept(0)).toBe(true);
    expect(b.tryAccept(9_999)).toBe(false);
    expect(b.readyAt).toBe(10_000);
    expect(b.tryAccept(10_000)).toBe(true);
    // Idle time does not bank more than one token.
    expect(b.tryAccept(100_000)).toBe(true);
    expect(b.tryAccept(100_001)).toBe(false);
  });

  it("never accepts at qps 0", () => {
    const b = new TokenBucket(0);
    expect(b.tryAccept(0)).toBe(false);
    expect(b.readyAt).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("RateLimitedTimedQueue", () => {
  it("processes one value per token, oldest first", () => {
    const q = new RateLimitedTimedQueue(new TokenBucket(0.1));
    const seen: string[] = [];
    expect(q.add("b", 0)).toBe(true);
    expect(q.add("a", 0)).toBe(true);
    expect(q.add("c", 5)).toBe(true);
    q.try(5, (v) => (seen.push(v.value), ok));
    expect(seen).toEqual(["b"]);
    expect(q.nextTryAt()).toBe(10_005);
    q.try(10_005, (v) => (seen.push(v.value), ok));
    q.try(20_005, (v) => (seen.push(v.value), ok));
    expect(seen).toEqual(["b", "a", "c"]);
    expect(q.nextTryAt()).toBe(Number.POSITIVE_INFINITY);
  });

  it("keeps a processed value in its set until removed", () => {
    const q = new RateLimitedTimedQueue(new TokenBucket(1));
    q.add("n1", 0);
    q.try(0, () => ok);
    expect(q.length).toBe(0);
    expect(q.add("n1", 1_000)).toBe(false);
    expect(q.remove("n1")).toBe(true);
    expect(q.remove("n1")).toBe(false);
    expect(q.add("n1", 1_000)).toBe(true);
  });

  it("retries a failed value after its wait", () => {
    const q = new RateLimitedTimedQueue(new TokenBucket(1000));
    q.add("n1", 0);
    q.try(0, () => ({ ok: false, waitMs: 50 }));
    expect(q.nextTryAt()).toBe(51);
    const seen: number[] = [];
    q.try(51, (v) => (seen.push(v.processAt), ok));
    expect(seen).toEqual([51]);
  });

  it("swaps limiters, carrying an empty bucket over", () => {
    const q = new RateLimitedTimedQueue(new TokenBucket(0.1));
    q.add("n1", 0);
    q.add("n2", 0);
    q.try(0, () => ok);
    q.swapLimiter(0, 1_000);
    expect(q.nextTryAt()).toBe(Number.POSITIVE_INFINITY);
    q.swapLimiter(0.01, 2_000);
    // The old limiter was empty, so the new one starts drained: next token 100 s later.
    expect(q.qps).toBe(0.01);
    expect(q.nextTryAt()).toBe(102_000);
  });
});
