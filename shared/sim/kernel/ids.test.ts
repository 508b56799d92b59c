import { describe, expect, it } from "vitest";
import { GENERATED_SUFFIX_LENGTH, generateName, MAX_GENERATED_BASE, NAME_ALPHABET, newIdSource } from "./ids.ts";
import { Rng, RngStreams } from "./rng.ts";

describe("NAME_ALPHABET", () => {
  it("is apimachinery's: 27 characters, no vowels, no 0, 1 or 3", () => {
    expect(NAME_ALPHABET).toBe("bcdfghjklmnpqrstvwxz2456789");
    expect(NAME_ALPHABET.length).toBe(27);
    expect(NAME_ALPHABET).not.toMatch(/[aeiou013]/);
    expect(GENERATED_SUFFIX_LENGTH).toBe(5);
    expect(MAX_GENERATED_BASE).toBe(58);
  });
});

describe("newIdSource", () => {
  it("draws 5-character suffixes from the alphabet, every character used", () => {
    const ids = newIdSource(new Rng(1));
    const used = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const s = ids.suffix();
      expect(s).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      for (const ch of s) used.add(ch);
    }
    expect(used.size).toBe(27);
  });

  it("makes version 4 UUIDs", () => {
    const ids = newIdSource(new Rng(2));
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const uid = ids.uid();
      expect(uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      seen.add(uid);
    }
    expect(seen.size).toBe(200);
  });

  it("is reproducible for a seed and differs between seeds", () => {
    const run = (seed: number) => {
      const ids = newIdSource(new RngStreams(seed).stream("apiserver"));
      return [ids.suffix(), ids.uid(), ids.suffix(), ids.uid()];
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });
});

describe("generateName", () => {
  it("appends a suffix to the base", () => {
    const name = generateName(newIdSource(new Rng(3)), "web-7b9f6c5d48-");
    expect(name).toMatch(/^web-7b9f6c5d48-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it("cuts the base to 58 characters so the name fits a 63-character label", () => {
    const base = "a".repeat(70);
    const name = generateName(newIdSource(new Rng(4)), base);
    expect(name.length).toBe(63);
    expect(name.slice(0, 58)).toBe("a".repeat(58));
  });
});
