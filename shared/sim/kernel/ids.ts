// Generated names and uids, drawn from a seeded stream so they replay bit for bit.

import { customRandom } from "nanoid";
import type { Rng } from "./rng.ts";

/** Kubernetes' alphabet for generated suffixes: no vowels, no 0, 1 or 3 (apimachinery util/rand). */
export const NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
export const GENERATED_SUFFIX_LENGTH = 5;
/** generateName bases are cut so the result stays a valid 63-character label. */
export const MAX_GENERATED_BASE = 58;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export interface IdSource {
  suffix(): string;
  uid(): string;
}

export function newIdSource(rng: Rng): IdSource {
  const suffix = customRandom(NAME_ALPHABET, GENERATED_SUFFIX_LENGTH, (size) => rng.fill(new Uint8Array(size)));
  return {
    suffix,
    uid(): string {
      // A version 4 UUID built from the stream's bytes.
      const b = rng.fill(new Uint8Array(16));
      b[6] = (b[6]! & 0x0f) | 0x40;
      b[8] = (b[8]! & 0x3f) | 0x80;
      let h = "";
      for (const x of b) h += HEX[x]!;
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}

export function generateName(ids: IdSource, base: string): string {
  return base.slice(0, MAX_GENERATED_BASE) + ids.suffix();
}
