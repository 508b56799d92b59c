// "drag": whose hand is on what. A pod being dragged shows who drags it on
// every screen; letting go (pod: null) clears it. Nothing in the cluster changes.

import type { Client } from "@colyseus/core";
import { DragRequest } from "../../../shared/protocol/messages.ts";
import type { RoomContext } from "./context.ts";

export const roles = ["host", "player"] as const;
export const does = "drag pods";
export const schema = DragRequest;

export function handle(ctx: RoomContext, client: Client, msg: DragRequest): { ok: true } {
  ctx.setHolding(client, msg.pod === null ? "" : `${msg.namespace}/${msg.pod}`);
  return { ok: true };
}
