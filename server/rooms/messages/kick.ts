// "kick": the host removes a player. Their seat is freed (the name too) and
// their connection closed with a reason they are shown.

import type { Client } from "@colyseus/core";
import { KickRequest } from "../../../shared/protocol/messages.ts";
import type { RoomContext } from "./context.ts";

export const roles = ["host"] as const;
export const does = "remove players";
export const schema = KickRequest;

export function handle(ctx: RoomContext, client: Client, msg: KickRequest): { ok: true } | { ok: false; message: string } {
  const problem = ctx.kick(msg.name, client);
  return problem === undefined ? { ok: true } : { ok: false, message: problem };
}
