// "kubectl": one console line (and, for `apply -f -`, the editor's text), run as
// the player; the reply is exactly what kubectl would print.

import type { Client } from "@colyseus/core";
import { KubectlRequest, type KubectlResponse } from "../../../shared/protocol/messages.ts";
import type { RoomContext } from "./context.ts";

export const schema = KubectlRequest;

export function handle(ctx: RoomContext, client: Client, msg: KubectlRequest): KubectlResponse {
  const result = ctx.session.kubectl(ctx.userOf(client), msg.line, msg.stdin);
  ctx.flush();
  return result;
}
