// Who is in the room: seats by display name. A seat outlives its connection —
// a dropped player, or everyone after a server restart, gets the same name back
// with the seat token from their welcome — and the host is whoever presents
// the room's host token. Names are unique (case-insensitive) and never a
// Kubernetes identity's.

import { PLAYER_NAME, type Role } from "../../../shared/protocol/messages.ts";
import type { SeatRecord } from "../../persistence/run-store.ts";
import { hashToken, newToken, tokenMatches } from "./tokens.ts";

export interface Seat {
  readonly name: string;
  role: Role;
  readonly seatHash: string;
  /** The connected client's session, or undefined while the seat waits for its player. */
  sessionId: string | undefined;
}

export type Admission =
  | { readonly ok: true; readonly seat: Seat; readonly token: string; readonly reclaimed: boolean }
  | { readonly ok: false; readonly message: string };

/** Names people must not take: Kubernetes' own identities and the game's. */
const RESERVED = new Set(["kubernetes-admin", "admin", "system", "anonymous", "observer"]);

export function nameProblem(name: string): string | undefined {
  if (name.toLowerCase().startsWith("system:")) return `the name "${name}" is reserved: names starting with "system:" belong to Kubernetes components`;
  if (!PLAYER_NAME.test(name)) return `a display name is 1 to 32 letters, digits, ".", "_" or "-", starting with a letter or digit`;
  if (RESERVED.has(name.toLowerCase())) return `the name "${name}" is reserved; pick another`;
  return undefined;
}

export class Seats {
  readonly #byName = new Map<string, Seat>();
  #generated = 0;

  constructor(restored: readonly SeatRecord[] = []) {
    for (const r of restored) this.#byName.set(r.name.toLowerCase(), { name: r.name, role: r.role, seatHash: r.seatHash, sessionId: undefined });
  }

  /**
   * Seats a client. `seatToken` reclaims an existing seat by name (after a drop or a
   * restart); without it, a taken name is refused. `isHost` is whether the client
   * presented the host token.
   */
  admit(request: { readonly name?: string; readonly seatToken?: string; readonly isHost: boolean }): Admission {
    const name = request.name?.trim() || this.#generatedName();
    const problem = nameProblem(name);
    if (problem) return { ok: false, message: problem };
    const existing = this.#byName.get(name.toLowerCase());
    if (existing) {
      if (!tokenMatches(request.seatToken, existing.seatHash)) {
        return { ok: false, message: `the name "${existing.name}" is taken in this room; pick another` };
      }
      // The seat's own token: the same person, back. A host stays host; the host token can promote.
      if (request.isHost) existing.role = "host";
      return { ok: true, seat: existing, token: request.seatToken!, reclaimed: true };
    }
    const token = newToken();
    const seat: Seat = { name, role: request.isHost ? "host" : "player", seatHash: hashToken(token), sessionId: undefined };
    this.#byName.set(name.toLowerCase(), seat);
    return { ok: true, seat, token, reclaimed: false };
  }

  get(name: string): Seat | undefined {
    return this.#byName.get(name.toLowerCase());
  }

  bySession(sessionId: string): Seat | undefined {
    for (const seat of this.#byName.values()) if (seat.sessionId === sessionId) return seat;
    return undefined;
  }

  /** Frees a seat for good (the player left, or was removed). */
  release(name: string): void {
    this.#byName.delete(name.toLowerCase());
  }

  all(): Seat[] {
    return [...this.#byName.values()];
  }

  connectedCount(): number {
    let n = 0;
    for (const seat of this.#byName.values()) if (seat.sessionId !== undefined) n++;
    return n;
  }

  #generatedName(): string {
    let name: string;
    do name = `player-${++this.#generated}`;
    while (this.#byName.has(name));
    return name;
  }
}
