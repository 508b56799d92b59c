// "complete": tab completion for the console, from the player's view of the
// cluster; it only reads, so it runs on the room's read replica when there is one.

import type { Client } from "@colyseus/core";
import { CompleteRequest, type CompleteResponse } from "../../../shared/protocol/messages.ts";
import type { RoomContext } from "./context.ts";

export const roles = ["host", "player"] as const;
export const does = "complete console lines";
export const schema = CompleteRequest;

export function handle(ctx: RoomContext, client: Client, msg: CompleteRequest): CompleteResponse | Promise<CompleteResponse> {
  const user = ctx.userOf(client);
  if (ctx.replica?.live) return ctx.replica.complete(user, msg.line).then((candidates) => ({ candidates }));
  return { candidates: ctx.session.complete(user, msg.line) };
}
