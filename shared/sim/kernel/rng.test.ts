import { describe, expect, it } from "vitest";
import { fnv1a32, Rng, RngStreams } from "./rng.ts";

const draw = (rng: Rng, n: number): number[] => Array.from({ length: n }, () => rng.int(0, 1_000_000));

describe("Rng", () => {
  it("is reproducible for a seed", () => {
    expect(draw(new Rng(42), 50)).toEqual(draw(new Rng(42), 50));
    expect(draw(new Rng(42), 50)).not.toEqual(draw(new Rng(43), 50));
  });

  it("draws integers within [from, to], both ends reachable", () => {
    const rng = new Rng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.int(-2, 2);
      expect(v).toBeGreaterThanOrEqual(-2);
      expect(v).toBeLessThanOrEqual(2);
      expect(Number.isInteger(v)).toBe(true);
      seen.add(v);
    }
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
  });

  it("fills bytes and returns the same array", () => {
    const bytes = new Uint8Array(64);
    const out = new Rng(1).fill(bytes);
    expect(out).toBe(bytes);
    expect([...bytes].every((b) => b >= 0 && b <= 255)).toBe(true);
    expect(new Set(bytes).size).toBeGreaterThan(20);
  });

  it("exposes its state, which moves with every draw", () => {
    const rng = new Rng(5);
    const before = [...rng.state()];
    rng.int(0, 10);
    expect([...rng.state()]).not.toEqual(before);
    expect([...new Rng(5).state()]).toEqual(before);
  });
});

describe("RngStreams", () => {
  it("gives each name its own stream, the same object on every call", () => {
    const streams = new RngStreams(1);
    expect(streams.stream("scheduler")).toBe(streams.stream("scheduler"));
    expect(streams.stream("scheduler")).not.toBe(streams.stream("kubelet"));
    expect(streams.seed).toBe(1);
  });

  it("keeps streams independent: draining one never shifts another", () => {
    const quiet = new RngStreams(99);
    const busy = new RngStreams(99);
    for (let i = 0; i < 1000; i++) busy.stream("faults").int(0, 100);
    expect(draw(busy.stream("scheduler"), 20)).toEqual(draw(quiet.stream("scheduler"), 20));
  });

  it("does not depend on the order streams are first asked for", () => {
    const a = new RngStreams(3);
    const b = new RngStreams(3);
    a.stream("kubelet");
    const fromA = draw(a.stream("apiserver"), 10);
    const fromB = draw(b.stream("apiserver"), 10);
    expect(fromA).toEqual(fromB);
  });

  it("draws different numbers per stream and per seed", () => {
    const s = new RngStreams(10);
    expect(draw(s.stream("scheduler"), 10)).not.toEqual(draw(s.stream("kubelet"), 10));
    expect(draw(new RngStreams(10).stream("scheduler"), 10)).not.toEqual(draw(new RngStreams(11).stream("scheduler"), 10));
  });

  it("snapshots every stream's state in name order", () => {
    const s = new RngStreams(4);
    s.stream("scheduler");
    s.stream("apiserver");
    const snap = s.snapshot();
    expect(Object.keys(snap)).toEqual(["apiserver", "scheduler"]);
    expect(snap.apiserver).toEqual(s.stream("apiserver").state());
  });
});

describe("fnv1a32", () => {
  it("matches the published FNV-1a test vectors", () => {
    expect(fnv1a32("")).toBe(0x811c9dc5);
    expect(fnv1a32("a")).toBe(0xe40c292c);
    expect(fnv1a32("foobar")).toBe(0xbf9cf968);
  });
});
