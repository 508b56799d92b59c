// "complete": tab completion for the console, from the player's view of the cluster.

import type { Client } from "@colyseus/core";
import { completeKubectl } from "../../../shared/kubectl/kubectl.ts";
import { CompleteRequest, type CompleteResponse } from "../../../shared/protocol/messages.ts";
import type { RoomContext } from "./context.ts";

export const roles = ["host", "player"] as const;
export const does = "complete console lines";
export const schema = CompleteRequest;

export function handle(ctx: RoomContext, client: Client, msg: CompleteRequest): CompleteResponse {
  const cluster = ctx.session.cluster;
  const kubectlClient = cluster.clientFor(ctx.userOf(client));
  return { candidates: completeKubectl({ client: kubectlClient, clock: cluster.clock, epochMs: cluster.epochMs }, msg.line) };
}
