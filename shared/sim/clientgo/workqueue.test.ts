import { describe, expect, it } from "vitest";
import { SimClock } from "../kernel/clock.ts";
import { DEFAULT_BASE_DELAY_MS, DEFAULT_MAX_DELAY_MS, WorkQueue } from "./workqueue.ts";

const drain = (q: WorkQueue): string[] => {
  const out: string[] = [];
  for (let k = q.get(); k !== undefined; k = q.get()) {
    out.push(k);
    q.done(k);
  }
  return out;
};

describe("WorkQueue", () => {
  it("hands keys out in order, each once while waiting", () => {
    const q = new WorkQueue("test", new SimClock());
    q.add("a");
    q.add("b");
    q.add("a");
    expect(q.length).toBe(2);
    expect(drain(q)).toEqual(["a", "b"]);
    expect(q.get()).toBeUndefined();
  });

  it("does not hand out a key being processed; re-adds it once done", () => {
    const q = new WorkQueue("test", new SimClock());
    q.add("a");
    const k = q.get()!;
    q.add("a");
    q.add("a");
    expect(q.get()).toBeUndefined();
    expect(q.length).toBe(0);
    q.done(k);
    expect(q.length).toBe(1);
    expect(drain(q)).toEqual(["a"]);
  });

  it("does not re-add a processed key nobody added again", () => {
    const q = new WorkQueue("test", new SimClock());
    q.add("a");
    q.done(q.get()!);
    expect(q.length).toBe(0);
  });

  it("adds after a delay on the simulated clock", () => {
    const clock = new SimClock();
    const q = new WorkQueue("test", clock);
    q.addAfter("a", 1000);
    q.addAfter("now", 0);
    expect(drain(q)).toEqual(["now"]);
    clock.advanceTo(999);
    expect(q.length).toBe(0);
    clock.advanceTo(1000);
    expect(drain(q)).toEqual(["a"]);
  });

  it("keeps only the earliest pending addAfter per key", () => {
    const clock = new SimClock();
    const q = new WorkQueue("test", clock);
    q.addAfter("a", 5000);
    q.addAfter("a", 1000);
    q.addAfter("a", 3000);
    expect(clock.nextDue()).toBe(1000);
    clock.advanceTo(1000);
    expect(drain(q)).toEqual(["a"]);
    clock.advanceTo(10_000);
    expect(q.length).toBe(0);
    expect(clock.nextDue()).toBeUndefined();
  });

  it("backs off rate-limited keys from 5 ms, doubling, per key", () => {
    const clock = new SimClock();
    const q = new WorkQueue("test", clock);
    expect(DEFAULT_BASE_DELAY_MS).toBe(5);
    expect(DEFAULT_MAX_DELAY_MS).toBe(1_000_000);
    const delays: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = clock.now;
      q.addRateLimited("a");
      expect(q.numRequeues("a")).toBe(i + 1);
      clock.advanceTo(clock.nextDue()!);
      delays.push(clock.now - start);
      expect(drain(q)).toEqual(["a"]);
    }
    expect(delays).toEqual([5, 10, 20, 40, 80]);
    q.addRateLimited("b");
    expect(clock.nextDue()).toBe(clock.now + 5);
  });

  it("caps the backoff at 1000 s", () => {
    const clock = new SimClock();
    const q = new WorkQueue("test", clock);
    // 5 ms × 2^17 = 655 s; the 19th failure would be 1311 s.
    for (let i = 0; i < 18; i++) {
      q.addRateLimited("a");
      clock.advanceTo(clock.nextDue()!);
      drain(q);
    }
    const start = clock.now;
    q.addRateLimited("a");
    expect(clock.nextDue()! - start).toBe(1_000_000);
  });

  it("forgets failures", () => {
    const clock = new SimClock();
    const q = new WorkQueue("test", clock);
    q.addRateLimited("a");
    q.addRateLimited("a");
    q.forget("a");
    expect(q.numRequeues("a")).toBe(0);
    clock.advanceTo(clock.nextDue()!);
    drain(q);
    q.addRateLimited("a");
    expect(clock.nextDue()).toBe(clock.now + 5);
  });

  it("stays correct across many keys (internal compaction)", () => {
    const q = new WorkQueue("test", new SimClock());
    for (let i = 0; i < 5000; i++) q.add(`k${i}`);
    const got = drain(q);
    expect(got).toHaveLength(5000);
    expect(got[4999]).toBe("k4999");
    q.add("again");
    expect(drain(q)).toEqual(["again"]);
  });
});
