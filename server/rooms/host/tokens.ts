// Secrets a room hands out (the host token, seat tokens) and how it keeps them:
// only their SHA-256 is held and stored, so a leaked database seats nobody.

import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";
import { customAlphabet, nanoid } from "nanoid";
import { JOIN_CODE_ALPHABET } from "../../../shared/protocol/rooms.ts";

/** 6 characters of 31: about 887 million codes, read aloud without 0/O or 1/I/L mix-ups. */
export const newJoinCode = customAlphabet(JOIN_CODE_ALPHABET, 6);

/** Unguessable (126 bits). */
export function newToken(): string {
  return nanoid(21);
}

export function hashToken(token: string): string {
  return bytesToHex(sha256(utf8ToBytes(token)));
}

/** True when `token` is the one whose hash is `hash` (an empty hash matches nothing). */
export function tokenMatches(token: string | undefined, hash: string): boolean {
  return token !== undefined && hash !== "" && hashToken(token) === hash;
}
