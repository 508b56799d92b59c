// "bind": a pod dropped on a node. The scheduler's Filter plugins judge it and the
// reply carries their reasons verbatim ("Insufficient cpu").

import type { Client } from "@colyseus/core";
import { BindRequest, type BindResponse } from "../../../shared/protocol/messages.ts";
import type { RoomContext } from "./context.ts";

export const roles = ["host", "player"] as const;
export const does = "place pods";
export const schema = BindRequest;

export function handle(ctx: RoomContext, client: Client, msg: BindRequest): BindResponse {
  const outcome = ctx.session.apply(ctx.userOf(client), { type: "bind", namespace: msg.namespace, pod: msg.pod, node: msg.node });
  ctx.flush();
  if (outcome.ok) return { ok: true };
  return { ok: false, reasons: outcome.kind === "unschedulable" ? outcome.reasons : [], message: outcome.message };
}
