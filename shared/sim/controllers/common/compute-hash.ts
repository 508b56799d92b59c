// ComputeHash (pkg/controller/controller_utils.go): the pod-template-hash that
// names a Deployment's ReplicaSets ("web-7b9f6c5d48").
//
// Upstream feeds FNV-32a with a spew dump of the Go PodTemplateSpec struct, which
// cannot be reproduced byte for byte outside Go. We hash the canonical JSON of
// the template instead (same template → same hash, any change → a new one), then
// append the collision count and encode exactly as upstream does: the decimal
// uint32 passed through apimachinery's rand.SafeEncodeString. The hashes differ
// from a real cluster's, their shape does not (digits map to "456789bcdf").

import type { PodTemplateSpec } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";
import { canonicalJson } from "../../kernel/hash.ts";
import { NAME_ALPHABET } from "../../kernel/ids.ts";

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

/** FNV-1a, 32 bit (hash/fnv New32a), continuing from `hash`. */
export function fnv32a(bytes: Uint8Array, hash = FNV32_OFFSET): number {
  let h = hash;
  for (const b of bytes) h = Math.imul(h ^ b, FNV32_PRIME) >>> 0;
  return h;
}

/** rand.SafeEncodeString: each character c becomes alphanums[c mod 27]. */
export function safeEncodeString(s: string): string {
  let out = "";
  for (const ch of s) out += NAME_ALPHABET[ch.codePointAt(0)! % NAME_ALPHABET.length];
  return out;
}

export function computeHash(template: DeepReadonly<PodTemplateSpec>, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJson(template)));
  if (collisionCount !== undefined) {
    // binary.LittleEndian.PutUint32 into an 8-byte buffer: the upper 4 bytes stay zero.
    const buf = new Uint8Array(8);
    new DataView(buf.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(buf, h);
  }
  return safeEncodeString(String(h));
}
