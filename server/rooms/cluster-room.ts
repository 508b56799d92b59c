// The Sandbox/Level room: a ClusterHost and nothing more yet (levels judge
// themselves inside the session). Rooms are made only by the server — POST
// /api/rooms, or a restart bringing a live room back — never by a client's
// create/join: onCreate refuses options without the server's key, and the room
// is private, so only its join code (joinById) gets anyone in.

import { CloseCode, Room, ServerError, type AuthContext, type Client } from "@colyseus/core";
import { ClusterHost, type HostDeps, type HostInit } from "./host/cluster-host.ts";
import type { Seat } from "./host/seats.ts";
import { MESSAGES } from "./messages/index.ts";
import type { ClusterState } from "./schema/cluster-state.ts";

/** What the server passes to onCreate; a client cannot forge `key`. */
export interface CreateOptions extends HostInit {
  readonly key: string;
}

export interface ClusterRoomDeps extends HostDeps {
  /** A secret of this server process: only its own createRoom calls carry it. */
  readonly createKey: string;
  /** Rooms by join code, for GET /api/rooms/CODE. */
  readonly registry: Map<string, ClusterRoom>;
  /** Join rate limit per address: false refuses this join. */
  readonly admitAddress: (ip: string | undefined) => boolean;
}

/** A room class bound to its dependencies (options from clients can never carry them). */
export function clusterRoomWith(deps: ClusterRoomDeps): typeof ClusterRoom {
  return class extends ClusterRoom {
    protected override readonly deps = deps;
  };
}

export class ClusterRoom extends Room<{ state: InstanceType<typeof ClusterState> }> {
  /** Set by clusterRoomWith(); never from client options. */
  protected declare readonly deps: ClusterRoomDeps;
  #host: ClusterHost | undefined;

  get host(): ClusterHost | undefined {
    return this.#host;
  }

  onCreate(options: CreateOptions): void {
    if (options?.key !== this.deps.createKey) throw new ServerError(403, "rooms are created with POST /api/rooms; join one with its code");
    this.roomId = options.code;
    this.#host = new ClusterHost(this, this.deps, options);
    this.#host.start(MESSAGES);
    void this.setPrivate(true);
    this.deps.registry.set(this.roomId, this);
  }

  onAuth(_client: Client, options: unknown, context: AuthContext): Seat & { token: string } {
    if (!this.deps.admitAddress(context?.ip)) throw new ServerError(429, "too many joins from this address; wait a few seconds");
    return this.#host!.admit(options);
  }

  onJoin(client: Client, _options: unknown, auth: Seat & { token: string }): void {
    this.#host!.join(client, auth);
  }

  async onDrop(client: Client): Promise<void> {
    await this.#host!.drop(client);
  }

  onReconnect(client: Client): void {
    this.#host!.reconnect(client);
  }

  onLeave(client: Client, code?: number): void {
    this.#host!.leave(client, code === CloseCode.CONSENTED);
  }

  onDispose(): void {
    // onCreate may have refused the room (bad options) before a host existed.
    if (!this.#host) return;
    this.deps.registry.delete(this.roomId);
    this.#host.dispose();
  }

  onUncaughtException(error: Error, method: string): void {
    // A bug in one handler must not take the room down; dispatch answers the sender itself.
    this.deps.log(`[cluster-room ${this.roomId}] ${method}: ${error.message.split("\n")[0]}`);
  }
}
