// Every message the room answers, by type, with the roles that may send it.

import type { Client } from "@colyseus/core";
import type { z } from "zod";
import { MessageType, type Role } from "../../../shared/protocol/messages.ts";
import * as bind from "./bind.ts";
import * as complete from "./complete.ts";
import type { RoomContext } from "./context.ts";
import * as drag from "./drag.ts";
import * as kick from "./kick.ts";
import * as kubectl from "./kubectl.ts";
import * as nodeAction from "./node-action.ts";
import * as speed from "./speed.ts";
import * as view from "./view.ts";

export interface MessageModule<T> {
  readonly schema: z.ZodType<T>;
  /** Who may send it: host-only controls say ["host"]. */
  readonly roles: readonly Role[];
  /** What the wrong role is told: "only the host can <does>". */
  readonly does: string;
  handle(ctx: RoomContext, client: Client, msg: T): unknown;
}

/** Checks a module against the contract, then erases its message type for the table. */
const entry = <T>(m: MessageModule<T>): MessageModule<unknown> => m as unknown as MessageModule<unknown>;

export const MESSAGES: Readonly<Record<string, MessageModule<unknown>>> = {
  [MessageType.kubectl]: entry(kubectl),
  [MessageType.complete]: entry(complete),
  [MessageType.bind]: entry(bind),
  [MessageType.drag]: entry(drag),
  [MessageType.nodeAction]: entry(nodeAction),
  [MessageType.speed]: entry(speed),
  [MessageType.kick]: entry(kick),
  [MessageType.view]: entry(view),
};
