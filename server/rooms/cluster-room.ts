// The cluster room: one session of a scenario. It is thin by design: messages
// become actions on the session, a fixed 10 Hz timestep runs `speed` simulation
// steps per tick, and the projector copies what changed into the synced state.

import { Room, ServerError, type Client } from "@colyseus/core";
import { customAlphabet, nanoid } from "nanoid";
import type { UserInfo } from "../../shared/sim/apiserver/types.ts";
import { Session } from "../../shared/game/session.ts";
import type { ScenarioCatalog } from "../../shared/game/scenarios/catalog.ts";
import { JoinOptions, MessageType, type Speed } from "../../shared/protocol/messages.ts";
import type { RunStore } from "../persistence/run-store.ts";
import type { RoomContext } from "./messages/context.ts";
import { MESSAGES } from "./messages/index.ts";
import { Projector } from "./projector.ts";
import { playerUser } from "../../shared/game/players.ts";
import { ClusterState } from "./schema/cluster-state.ts";

/** Wall ticks per second; each runs `speed` simulation steps of 100 ms. */
const TICK_RATE = 10;
/** Save the run's log this often (wall ms), so a crash loses little. */
const CHECKPOINT_MS = 15_000;
/** Join codes: short, unambiguous when read from a projector. */
const joinCode = customAlphabet("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", 6);

export interface ClusterRoomDeps {
  readonly catalog: ScenarioCatalog;
  readonly runs?: RunStore;
}

/** A room class bound to its dependencies (options from clients can never carry them). */
export function clusterRoomWith(deps: ClusterRoomDeps): typeof ClusterRoom {
  return class extends ClusterRoom {
    protected override readonly deps = deps;
  };
}

export class ClusterRoom extends Room<{ state: InstanceType<typeof ClusterState> }> {
  maxClients = 40;
  // A person types a few lines a second; a flood is cut off, not queued.
  maxMessagesPerSecond = 40;

  /** Set by clusterRoomWith(); never from client options. */
  protected declare readonly deps: ClusterRoomDeps;
  #session!: Session;
  #projector!: Projector;
  #runId = "";
  readonly #users = new Map<string, UserInfo>();

  onCreate(options: unknown): void {
    const deps = this.deps;
    const parsed = JoinOptions.safeParse(options);
    if (!parsed.success) throw new ServerError(400, `invalid room options: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
    const scenario = deps.catalog.get(parsed.data.scenario);
    if (!scenario) throw new ServerError(404, `unknown scenario "${parsed.data.scenario}"; known: ${deps.catalog.names().join(", ")}`);

    this.roomId = joinCode();
    // The run's own id: join codes are short and come back, runs must never overwrite each other.
    this.#runId = nanoid();
    this.#session = new Session(scenario, parsed.data.seed ?? scenario.seed);
    const state = new ClusterState();
    state.scenario = scenario.name;
    state.title = scenario.title;
    state.speed = 1;
    state.level.mode = scenario.mode;
    state.level.status = scenario.mode === "level" ? "playing" : "sandbox";
    state.level.timeLimitMs = (scenario.level?.timeLimitSeconds ?? 0) * 1000;
    state.level.objectives = scenario.level ? [...scenario.level.objectives, ...scenario.level.hints.map((h) => `Hint: ${h}`)].join("\n") : scenario.description;
    this.state = state;
    this.#projector = new Projector(this.#session.cluster, state);
    this.#projector.flush(this.#session.level());

    const ctx: RoomContext = {
      session: this.#session,
      userOf: (client) => this.#userOf(client),
      setSpeed: (speed: Speed) => {
        this.state.speed = speed;
      },
      flush: () => this.#projector.flush(this.#session.level()),
    };
    for (const [type, message] of Object.entries(MESSAGES)) {
      this.onMessage(type, message.schema, (client, msg) => message.handle(ctx, client, msg));
    }

    this.setFixedTimestep(() => {
      const steps = this.state.speed;
      if (steps === 0) return;
      for (let i = 0; i < steps; i++) this.#session.step();
      this.#projector.flush(this.#session.level());
    }, TICK_RATE);
    if (deps.runs) this.clock.setInterval(() => this.#checkpoint(), CHECKPOINT_MS);
  }

  onJoin(client: Client, options: unknown): void {
    const name = JoinOptions.safeParse(options).data?.name?.replace(/[^A-Za-z0-9_.-]/g, "").slice(0, 32);
    this.#users.set(client.sessionId, playerUser(name || `player-${client.sessionId.slice(0, 5).toLowerCase()}`));
  }

  async onDrop(client: Client): Promise<void> {
    // A flaky laptop gets a minute to come back with its seat and name.
    try {
      await this.allowReconnection(client, 60);
    } catch {
      // It did not come back: onLeave cleans up. Not an error of the room.
    }
  }

  onLeave(client: Client): void {
    this.#users.delete(client.sessionId);
  }

  onDispose(): void {
    // onCreate may have refused the room (bad options) before a session existed.
    if (!this.#session) return;
    this.#checkpoint();
    this.#projector.dispose();
  }

  onUncaughtException(error: Error, method: string): void {
    // A bug in one handler must not take the room down; the client gets an ERROR reply.
    console.error(`[cluster-room ${this.roomId}] ${method}:`, error);
    this.broadcast(MessageType.error, { message: "internal error; the room keeps running" });
  }

  #userOf(client: Client): UserInfo {
    return this.#users.get(client.sessionId) ?? { name: "system:anonymous", groups: ["system:unauthenticated"] };
  }

  #checkpoint(): void {
    this.deps.runs?.save({ id: this.#runId, joinCode: this.roomId }, this.#session.log(), this.#session.cluster.stateHash());
  }
}
