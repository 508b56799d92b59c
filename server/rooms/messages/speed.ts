// "speed": pause, 1x, 5x or 20x. Speed only changes how many fixed steps run per
// wall tick, never what a step computes, so it is not part of the action log.

import type { Client } from "@colyseus/core";
import { SpeedRequest } from "../../../shared/protocol/messages.ts";
import type { RoomContext } from "./context.ts";

export const roles = ["host"] as const;
export const does = "pause or change the speed";
export const schema = SpeedRequest;

export function handle(ctx: RoomContext, _client: Client, msg: SpeedRequest): { speed: number } {
  ctx.setSpeed(msg.speed);
  return { speed: msg.speed };
}
