// Seeded randomness. Each subsystem draws from its own named stream, so a change
// in how often one of them draws never shifts another's numbers. Streams are
// xoroshiro128+ generators from pure-rand, seeded from (run seed, stream name).

import { xoroshiro128plus, unsafeUniformIntDistribution, type RandomGenerator } from "pure-rand";

export type StreamName = "apiserver" | "scheduler" | "kubelet" | "controllers" | "faults" | "scenario";

export class Rng {
  readonly #gen: RandomGenerator;

  constructor(seed: number) {
    this.#gen = xoroshiro128plus(seed | 0);
  }

  /** Uniform integer in [from, to], both inclusive. */
  int(from: number, to: number): number {
    return unsafeUniformIntDistribution(from, to, this.#gen);
  }

  /** Fills `bytes` with uniform random bytes (for nanoid's customRandom and uids). */
  fill(bytes: Uint8Array): Uint8Array {
    for (let i = 0; i < bytes.length; i++) bytes[i] = this.int(0, 255);
    return bytes;
  }

  /** Generator state, for the state hash. */
  state(): readonly number[] {
    return this.#gen.getState();
  }
}

export class RngStreams {
  readonly #seed: number;
  readonly #streams = new Map<StreamName, Rng>();

  constructor(seed: number) {
    this.#seed = seed | 0;
  }

  get seed(): number {
    return this.#seed;
  }

  stream(name: StreamName): Rng {
    let rng = this.#streams.get(name);
    if (rng === undefined) {
      rng = new Rng(this.#seed ^ fnv1a32(name));
      this.#streams.set(name, rng);
    }
    return rng;
  }

  /** Every stream's state in name order, for the state hash. */
  snapshot(): Record<string, readonly number[]> {
    const out: Record<string, readonly number[]> = {};
    for (const name of [...this.#streams.keys()].sort()) out[name] = this.#streams.get(name)!.state();
    return out;
  }
}

/** FNV-1a, 32 bit, over the UTF-16 code units of s (ASCII in practice). */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
