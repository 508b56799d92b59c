import { describe, expect, it } from "vitest";
import { SimClock } from "../kernel/clock.ts";
import { Backoff, BACK_OFF_PERIOD_MS, MAX_CONTAINER_BACK_OFF_MS } from "./backoff.ts";

describe("Backoff (flowcontrol.Backoff as the kubelet configures it)", () => {
  it("starts at 10 s and doubles to the 300 s cap: 10, 20, 40, 80, 160, 300, 300", () => {
    const clock = new SimClock();
    const b = new Backoff(clock);
    const seen: number[] = [];
    for (let i = 0; i < 7; i++) {
      b.next("c", clock.now);
      seen.push(b.get("c"));
      clock.advanceTo(clock.now + b.get("c"));
    }
    expect(seen).toEqual([10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(BACK_OFF_PERIOD_MS).toBe(10_000);
    expect(MAX_CONTAINER_BACK_OFF_MS).toBe(300_000);
  });

  it("starts over after 10 min without a failure (twice the cap)", () => {
    const clock = new SimClock();
    const b = new Backoff(clock);
    for (let i = 0; i < 4; i++) b.next("c", clock.now);
    expect(b.get("c")).toBe(80_000);
    clock.advanceTo(600_000);
    b.next("c", clock.now);
    expect(b.get("c")).toBe(80_000 * 2); // exactly 10 min: not yet stable
    clock.advanceTo(1_200_001);
    b.next("c", clock.now);
    expect(b.get("c")).toBe(10_000);
  });

  it("measures a restart from the container's finish (isInBackOffSince)", () => {
    const clock = new SimClock();
    const b = new Backoff(clock);
    expect(b.isInBackOffSince("c", 0)).toBe(false);
    b.next("c", 0);
    clock.advanceTo(9_999);
    expect(b.isInBackOffSince("c", 0)).toBe(true);
    clock.advanceTo(10_000);
    expect(b.isInBackOffSince("c", 0)).toBe(false);
  });

  it("measures a pull from the last failure (isInBackOffSinceUpdate)", () => {
    const clock = new SimClock();
    const b = new Backoff(clock);
    clock.advanceTo(5_000);
    b.next("img", clock.now);
    expect(b.isInBackOffSinceUpdate("img", 14_999)).toBe(true);
    expect(b.isInBackOffSinceUpdate("img", 15_000)).toBe(false);
  });

  it("forgets entries quiet for more than 10 min on gc", () => {
    const clock = new SimClock();
    const b = new Backoff(clock);
    b.next("old", 0);
    clock.advanceTo(300_000);
    b.next("new", clock.now);
    clock.advanceTo(600_001);
    b.gc();
    expect(b.get("old")).toBe(0);
    expect(b.get("new")).toBe(10_000);
  });
});
