// "node-action": the failure buttons on a node card (crash, restart).

import type { Client } from "@colyseus/core";
import { NodeActionRequest, type NodeActionResponse } from "../../../shared/protocol/messages.ts";
import type { RoomContext } from "./context.ts";

export const roles = ["host"] as const;
export const does = "crash or restart nodes";
export const schema = NodeActionRequest;

export function handle(ctx: RoomContext, client: Client, msg: NodeActionRequest): NodeActionResponse {
  const fault = msg.action === "crash" ? "node-crash" : "node-restart";
  const outcome = ctx.session.apply(ctx.userOf(client), { type: "fault", fault, node: msg.node });
  ctx.flush();
  return outcome.ok ? { ok: true } : { ok: false, message: outcome.message };
}
