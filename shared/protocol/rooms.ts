// The rooms HTTP API: how a cluster room is made and looked up. Rooms are
// created only here (never by a client's create/join), so a join always needs
// the room's code.

import { z } from "zod";
import type { Role, Speed } from "./messages.ts";

/** Join codes: 6 characters a projector cannot make ambiguous (no 0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const JOIN_CODE = /^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/;

/** POST /api/rooms */
export const CreateRoomRequest = z.strictObject({
  scenario: z.string().regex(/^[a-z0-9-]{1,64}$/, "scenario must be a scenario name such as \"sandbox\""),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
});
export type CreateRoomRequest = z.infer<typeof CreateRoomRequest>;

export interface CreateRoomResponse {
  readonly code: string;
  /** The link to share: "/?join=CODE" on this server. */
  readonly url: string;
  /** Only the creator's browser keeps it: joining with it makes one the host. */
  readonly hostToken: string;
}

/** GET /api/rooms/CODE: what anyone may know about a room (no secrets). */
export interface RoomInfo {
  readonly code: string;
  readonly mode: string;
  readonly scenario: string;
  readonly title: string;
  readonly tick: number;
  readonly speed: Speed;
  readonly stateHash: string;
  readonly players: readonly { readonly name: string; readonly role: Role; readonly connected: boolean }[];
}

/** Every error answer of the HTTP API. */
export interface ApiErrorBody {
  readonly error: string;
}

/** The link to a room on the page's own origin. */
export function joinUrl(origin: string, code: string): string {
  return `${origin}/?join=${code}`;
}
