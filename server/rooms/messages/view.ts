// "view": the nodes the player's screen shows now. Their pods are sent in
// detail; the rest of the cluster arrives as node-level aggregates (see
// server/rooms/views/). Nothing in the cluster changes and nothing is logged.

import type { Client } from "@colyseus/core";
import { ViewRequest } from "../../../shared/protocol/messages.ts";
import type { RoomContext } from "./context.ts";

export const roles = ["host", "player"] as const;
export const does = "choose what the screen shows";
export const schema = ViewRequest;

export function handle(ctx: RoomContext, client: Client, msg: ViewRequest): { ok: true } {
  ctx.setViewport(client, msg.nodes);
  return { ok: true };
}
