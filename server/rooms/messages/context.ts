// What a message handler may touch: the session (through actions and kubectl),
// the sender's identity and seat, and the room's own controls. Handlers never
// edit the cluster or the synced state directly.

import type { Client } from "@colyseus/core";
import type { UserInfo } from "../../../shared/sim/apiserver/types.ts";
import type { Session } from "../../../shared/game/session.ts";
import type { ReadReplica } from "../replica/read-replica.ts";
import type { Speed } from "../../../shared/protocol/messages.ts";

export interface RoomContext {
  readonly session: Session;
  /** The session's read replica, where console reads run off the event loop (none: they run on the session). */
  readonly replica: ReadReplica | undefined;
  userOf(client: Client): UserInfo;
  setSpeed(speed: Speed): void;
  /** Marks what the sender's hand is on ("namespace/pod", or "" to let go). */
  setHolding(client: Client, key: string): void;
  /** Removes a player from the room; the reason is shown to them. Undefined when done, else why not. */
  kick(name: string, by: Client): string | undefined;
  /** Adds a line to the activity feed that no logged action made (a console write refused before its request). */
  feed(client: Client, text: string, refused: boolean): void;
  /** The nodes the sender's screen shows: their pods are sent to it in detail. */
  setViewport(client: Client, nodes: readonly string[]): void;
  /** Pushes changed objects to clients now, so a reply and its effect arrive together. */
  flush(): void;
}
