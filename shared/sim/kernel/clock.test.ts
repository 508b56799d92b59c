import { describe, expect, it } from "vitest";
import { SimClock, STEP_MS } from "./clock.ts";

describe("SimClock", () => {
  it("starts at 0 and steps 100 ms", () => {
    const clock = new SimClock();
    expect(clock.now).toBe(0);
    expect(STEP_MS).toBe(100);
    clock.advanceTo(STEP_MS);
    expect(clock.now).toBe(100);
  });

  it("fires timers by due time, then by the order they were set", () => {
    const clock = new SimClock();
    const fired: string[] = [];
    clock.after(300, () => fired.push("c@300"));
    clock.after(100, () => fired.push("a@100"));
    clock.at(200, () => fired.push("b1@200"));
    clock.after(200, () => fired.push("b2@200"));
    clock.at(100, () => fired.push("a2@100"));
    clock.advanceTo(1000);
    expect(fired).toEqual(["a@100", "a2@100", "b1@200", "b2@200", "c@300"]);
  });

  it("keeps insertion order among many timers due at the same instant", () => {
    const clock = new SimClock();
    const fired: number[] = [];
    for (let i = 0; i < 100; i++) clock.at(50, () => fired.push(i));
    clock.advanceTo(50);
    expect(fired).toEqual([...Array(100).keys()]);
  });

  it("shows each timer the clock at its own due time while firing", () => {
    const clock = new SimClock();
    const seen: number[] = [];
    clock.after(30, () => seen.push(clock.now));
    clock.after(70, () => seen.push(clock.now));
    clock.advanceTo(100);
    expect(seen).toEqual([30, 70]);
    expect(clock.now).toBe(100);
  });

  it("runs a timer set while firing in the same advance when it is due", () => {
    const clock = new SimClock();
    const fired: string[] = [];
    clock.after(10, () => {
      fired.push(`outer@${clock.now}`);
      clock.after(0, () => fired.push(`zero@${clock.now}`));
      clock.after(20, () => fired.push(`inner@${clock.now}`));
      clock.after(500, () => fired.push(`late@${clock.now}`));
    });
    clock.at(10, () => fired.push(`sibling@${clock.now}`));
    clock.advanceTo(100);
    // The zero-delay timer is due at 10 too but was set after the sibling.
    expect(fired).toEqual(["outer@10", "sibling@10", "zero@10", "inner@30"]);
    clock.advanceTo(600);
    expect(fired.at(-1)).toBe("late@510");
  });

  it("does not fire a cancelled timer", () => {
    const clock = new SimClock();
    const fired: string[] = [];
    const a = clock.after(10, () => fired.push("a"));
    clock.after(20, () => fired.push("b"));
    a.cancel();
    a.cancel(); // idempotent
    clock.advanceTo(100);
    expect(fired).toEqual(["b"]);
  });

  it("lets a timer cancel a later one due at the same instant", () => {
    const clock = new SimClock();
    const fired: string[] = [];
    let second: { cancel(): void } | undefined;
    clock.at(10, () => {
      fired.push("first");
      second?.cancel();
    });
    second = clock.at(10, () => fired.push("second"));
    clock.advanceTo(10);
    expect(fired).toEqual(["first"]);
  });

  it("reports the earliest live due time, skipping cancelled timers", () => {
    const clock = new SimClock();
    expect(clock.nextDue()).toBeUndefined();
    const t = clock.after(5, () => {});
    clock.after(9, () => {});
    expect(clock.nextDue()).toBe(5);
    t.cancel();
    expect(clock.nextDue()).toBe(9);
    expect(clock.pending).toBe(1);
  });

  it("leaves timers due after the target for a later advance", () => {
    const clock = new SimClock();
    const fired: number[] = [];
    clock.after(150, () => fired.push(clock.now));
    clock.advanceTo(100);
    expect(fired).toEqual([]);
    expect(clock.pending).toBe(1);
    clock.advanceTo(200);
    expect(fired).toEqual([150]);
  });

  it("fires a timer due exactly at the target", () => {
    const clock = new SimClock();
    let fired = false;
    clock.at(100, () => (fired = true));
    clock.advanceTo(100);
    expect(fired).toBe(true);
  });

  it("clamps negative delays to now and truncates fractions", () => {
    const clock = new SimClock();
    clock.advanceTo(50);
    const seen: number[] = [];
    clock.after(-10, () => seen.push(clock.now));
    clock.after(2.9, () => seen.push(clock.now));
    expect(clock.nextDue()).toBe(50);
    clock.advanceTo(60);
    expect(seen).toEqual([50, 52]);
  });

  it("fires a timer set in the past at the current time without moving the clock back", () => {
    const clock = new SimClock();
    clock.advanceTo(1000);
    const seen: number[] = [];
    clock.at(10, () => seen.push(clock.now));
    clock.advanceTo(1100);
    expect(seen).toEqual([1000]);
  });

  it("refuses to go back in time", () => {
    const clock = new SimClock();
    clock.advanceTo(100);
    expect(() => clock.advanceTo(99)).toThrow("clock cannot go back from 100 to 99");
    clock.advanceTo(100); // staying put is fine
    expect(clock.now).toBe(100);
  });

  it("orders a large random workload exactly like a sort by (due, seq)", () => {
    const clock = new SimClock();
    const expected: [number, number][] = [];
    const fired: [number, number][] = [];
    let x = 12345;
    for (let seq = 0; seq < 2000; seq++) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      const due = x % 500;
      expected.push([due, seq]);
      clock.at(due, () => fired.push([due, seq]));
    }
    clock.advanceTo(500);
    expected.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(fired).toEqual(expected);
  });
});
