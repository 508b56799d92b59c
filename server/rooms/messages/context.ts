// What a message handler may touch: the session (through actions and kubectl),
// the player's identity and the room's speed. Handlers never edit the cluster.

import type { Client } from "@colyseus/core";
import type { UserInfo } from "../../../shared/sim/apiserver/types.ts";
import type { Session } from "../../../shared/game/session.ts";
import type { Speed } from "../../../shared/protocol/messages.ts";

export interface RoomContext {
  readonly session: Session;
  userOf(client: Client): UserInfo;
  setSpeed(speed: Speed): void;
  /** Pushes changed objects to clients now, so a reply and its effect arrive together. */
  flush(): void;
}
