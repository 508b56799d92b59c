// ClusterHost: everything that hosts one shared cluster, whatever the mode —
// the session and its fixed timestep, the projector, the journal on disk,
// presence (seats, the player list, whose hand is on what), the activity feed
// and the session's read replica (console reads run there, off the event loop).
// A mode's room (Sandbox/Level today; Workshop and Versus next) composes one
// and adds only its own messages and rules.

import { ServerError, type Client, type Room } from "@colyseus/core";
import { performance } from "node:perf_hooks";
import type { LoggedAction } from "../../../shared/game/actions/action.ts";
import type { ActionOutcome } from "../../../shared/game/actions/apply.ts";
import { playerUser } from "../../../shared/game/players.ts";
import { replay } from "../../../shared/game/replay.ts";
import type { ScenarioCatalog } from "../../../shared/game/scenarios/catalog.ts";
import { Session } from "../../../shared/game/session.ts";
import { CLOSE_CODES, JoinOptions, MessageType, type Speed, type WelcomeMessage } from "../../../shared/protocol/messages.ts";
import type { RoomInfo } from "../../../shared/protocol/rooms.ts";
import type { UserInfo } from "../../../shared/sim/apiserver/types.ts";
import type { LiveRun, RunStore } from "../../persistence/run-store.ts";
import type { RoomContext } from "../messages/context.ts";
import type { ReadReplica } from "../replica/read-replica.ts";
import type { ReplicaPool } from "../replica/replica-pool.ts";
import type { MessageModule } from "../messages/index.ts";
import { Projector } from "../projector.ts";
import { ClusterState } from "../schema/cluster-state.ts";
import { PlayerView } from "../schema/presence-state.ts";
import { ClientViews } from "../views/client-views.ts";
import { setViewState } from "../views/view-serializer.ts";
import { recordActivity, recordDeed } from "./activity-feed.ts";
import { registerMessages } from "./dispatch.ts";
import type { RateLimiter } from "./rate-limiter.ts";
import { Seats, type Seat } from "./seats.ts";
import { tokenMatches } from "./tokens.ts";

/** Wall ticks per second; each runs `speed` simulation steps of 100 ms. */
export const TICK_RATE = 10;
/**
 * Wall ms one tick may spend stepping. Past it the rest of the tick's steps are
 * skipped (the room runs slower than its speed) so no room holds the event loop
 * long enough to delay another room's patches.
 */
const STEP_BUDGET_MS = 40;
/** How often a running room writes where it is (a crash loses at most this much wall time). */
const PROGRESS_MS = 1_000;
/** Players connected at once; seats held for dropped players never count. */
export const MAX_PLAYERS = 40;
/** A room nobody is in closes after this long (wall ms). */
const IDLE_CLOSE_MS = 15 * 60_000;
/** A dropped connection keeps its seat this long for an automatic reconnection (s). */
const RECONNECT_SECONDS = 60;

export interface HostDeps {
  readonly catalog: ScenarioCatalog;
  readonly runs?: RunStore;
  /** One line per caught problem (bad input, refused join). */
  readonly log: (line: string) => void;
  /** True while the server shuts down: rooms stay live on disk to come back on restart. */
  readonly shuttingDown: () => boolean;
  /** Where the room's read replica lives; without one every line runs on the room's session. */
  readonly replicas?: ReplicaPool;
}

/** How a room begins: new (from POST /api/rooms) or rebuilt from its log after a restart. */
export interface HostInit {
  readonly code: string;
  readonly runId: string;
  readonly scenario: string;
  readonly seed?: number;
  readonly hostTokenHash: string;
  readonly restore?: LiveRun;
}

type State = InstanceType<typeof ClusterState>;

export class ClusterHost {
  readonly code: string;
  readonly runId: string;
  readonly session: Session;
  readonly state: State;
  readonly #room: Room<{ state: State }>;
  readonly #deps: HostDeps;
  readonly #hostTokenHash: string;
  readonly #projector: Projector;
  readonly #views: ClientViews;
  readonly #seats: Seats;
  readonly #replica: ReadReplica | undefined;
  #limiter: RateLimiter | undefined;
  #seq = 0;
  #savedTick = -1;
  #savedSpeed = -1;
  #idleSince: number;

  constructor(room: Room<{ state: State }>, deps: HostDeps, init: HostInit) {
    this.#room = room;
    this.#deps = deps;
    this.code = init.code;
    this.runId = init.runId;
    this.#hostTokenHash = init.hostTokenHash;
    const scenario = deps.catalog.get(init.scenario);
    if (!scenario) throw new ServerError(404, `unknown scenario "${init.scenario}"; known: ${deps.catalog.names().join(", ")}`);

    const state = new ClusterState();
    state.code = init.code;
    state.scenario = scenario.name;
    state.title = scenario.title;
    state.speed = init.restore?.speed ?? 1;
    state.level.mode = scenario.mode;
    state.level.status = scenario.mode === "level" ? "playing" : "sandbox";
    state.level.timeLimitMs = (scenario.level?.timeLimitSeconds ?? 0) * 1000;
    state.level.objectives = scenario.level ? [...scenario.level.objectives, ...scenario.level.hints.map((h) => `Hint: ${h}`)].join("\n") : scenario.description;
    this.state = state;

    const onActivity = (entry: LoggedAction, outcome: ActionOutcome) => recordActivity(state.activity, entry, outcome);
    if (init.restore) {
      // The same log gives the same cluster: replay it, feed included, to where the room was.
      this.session = replay(init.restore.log, deps.catalog, onActivity);
      this.#seq = init.restore.log.actions.length;
    } else {
      this.session = new Session(scenario, init.seed ?? scenario.seed);
      this.session.onAction(onActivity);
      deps.runs?.open({ id: this.runId, joinCode: this.code, scenario: scenario.name, seed: this.session.seed, simVersion: this.session.log().simVersion, hostTokenHash: init.hostTokenHash });
    }
    // Journal: on disk before the reply that acknowledges it is sent.
    this.session.onAction((entry) => deps.runs?.append(this.runId, this.#seq++, entry));
    // The replica starts from the log so far (a restored room's too) and hears every action after it.
    const replica = deps.replicas?.open(scenario, this.session.log());
    if (replica) this.session.onAction((entry) => replica.action(entry));
    this.#replica = replica;

    this.#seats = new Seats(init.restore?.seats ?? []);
    for (const seat of this.#seats.all()) this.#showSeat(seat);
    this.#views = new ClientViews(this.session.cluster, state);
    this.#projector = new Projector(this.session.cluster, state, this.#views);
    this.#projector.flush(this.session.level());
    this.#idleSince = performance.now();
  }

  /** Starts the clock and the message handlers. Call once from the room's onCreate. */
  start(modules: Readonly<Record<string, MessageModule<unknown>>>): void {
    const room = this.#room;
    setViewState(room, this.state);
    room.autoDispose = false;
    room.maxClients = MAX_PLAYERS * 4;
    const ctx: RoomContext = {
      session: this.session,
      replica: this.#replica,
      userOf: (client) => this.userOf(client),
      setSpeed: (speed) => this.#setSpeed(speed),
      setHolding: (client, key) => {
        const seat = this.#seats.bySession(client.sessionId);
        const view = seat && this.state.players.get(seat.name);
        if (view) view.holding = key;
      },
      kick: (name, by) => this.#kick(name, by),
      feed: (client, text, refused) => {
        const seat = this.#seats.bySession(client.sessionId);
        if (seat) recordDeed(this.state.activity, this.session.tick, { actor: seat.name, text, refused });
      },
      setViewport: (client, nodes) => this.#views.setViewport(client.sessionId, nodes),
      flush: () => this.#projector.flush(this.session.level()),
    };
    this.#limiter = registerMessages(room, modules, ctx, {
      roleOf: (client) => this.#seats.bySession(client.sessionId)?.role,
      log: this.#deps.log,
      now: () => performance.now(),
    });

    room.setFixedTimestep(() => this.#tick(), TICK_RATE);
    room.clock.setInterval(() => this.#saveProgress(false), PROGRESS_MS);
    room.clock.setInterval(() => this.#closeIfIdle(), 10_000);
  }

  /** onAuth: seats the client or refuses with the reason they are shown. */
  admit(options: unknown): Seat & { token: string } {
    const parsed = JoinOptions.safeParse(options ?? {});
    if (!parsed.success) throw new ServerError(400, `invalid join options: ${parsed.error.issues[0]?.message ?? "bad input"}`);
    if (this.#seats.connectedCount() >= MAX_PLAYERS) throw new ServerError(409, `the room is full (${MAX_PLAYERS} players)`);
    const isHost = tokenMatches(parsed.data.hostToken, this.#hostTokenHash);
    const admission = this.#seats.admit({ name: parsed.data.name, seatToken: parsed.data.seat, isHost });
    if (!admission.ok) throw new ServerError(409, admission.message);
    if (admission.seat.sessionId !== undefined) {
      // The same person in a second tab, or a connection the server has not seen close yet: the newest wins.
      this.#room.clients.get(admission.seat.sessionId)?.leave(CLOSE_CODES.replaced, "this seat was taken by a newer connection");
    }
    this.#deps.runs?.seat(this.runId, { name: admission.seat.name, role: admission.seat.role, seatHash: admission.seat.seatHash });
    return Object.assign(admission.seat, { token: admission.token });
  }

  /** onJoin: the seat is taken by this connection; the player gets their welcome. */
  join(client: Client, seat: Seat & { token: string }): void {
    seat.sessionId = client.sessionId;
    this.#showSeat(seat);
    this.#views.attach(client, this.userOf(client));
    const welcome: WelcomeMessage = { name: seat.name, role: seat.role, seat: seat.token, code: this.code };
    client.send(MessageType.welcome, welcome);
  }

  /** A connection dropped: the seat waits for it. */
  async drop(client: Client): Promise<void> {
    const seat = this.#seats.bySession(client.sessionId);
    if (seat) this.#showSeat(seat, false);
    try {
      await this.#room.allowReconnection(client, RECONNECT_SECONDS);
    } catch {
      // Not back in time: onLeave keeps the seat for a rejoin by seat token.
    }
  }

  reconnect(client: Client): void {
    const seat = this.#seats.bySession(client.sessionId);
    if (seat) this.#showSeat(seat);
  }

  /** The connection is gone: a consented leave frees the seat, anything else keeps it for its token. */
  leave(client: Client, consented: boolean): void {
    this.#limiter?.forget(client.sessionId);
    this.#views.detach(client.sessionId);
    const seat = this.#seats.bySession(client.sessionId);
    if (!seat) return;
    seat.sessionId = undefined;
    if (consented) this.#release(seat.name);
    else this.#showSeat(seat, false);
  }

  dispose(): void {
    this.#projector.dispose();
    this.#replica?.close();
    this.#saveProgress(true);
    // A server shutting down keeps its rooms: they come back on restart.
    if (!this.#deps.shuttingDown()) this.#deps.runs?.end(this.runId, { endTick: this.session.tick, stateHash: this.session.cluster.stateHash() });
  }

  userOf(client: Client): UserInfo {
    const seat = this.#seats.bySession(client.sessionId);
    return seat ? playerUser(seat.name, seat.role) : { name: "system:anonymous", groups: ["system:unauthenticated"] };
  }

  info(mode: string): RoomInfo {
    return {
      code: this.code,
      mode,
      scenario: this.state.scenario,
      title: this.state.title,
      tick: this.session.tick,
      speed: this.state.speed as Speed,
      stateHash: this.session.cluster.stateHash(),
      players: this.#seats.all().map((s) => ({ name: s.name, role: s.role, connected: s.sessionId !== undefined })),
    };
  }

  #tick(): void {
    // Views with more to send than one patch holds go on, paused or not.
    this.#views.catchUp();
    const steps = this.state.speed;
    if (steps === 0) return;
    const start = performance.now();
    for (let i = 0; i < steps; i++) {
      this.session.step();
      if (performance.now() - start > STEP_BUDGET_MS) break;
    }
    this.#replica?.advance(this.session.tick);
    this.#projector.flush(this.session.level());
  }

  #setSpeed(speed: Speed): void {
    this.state.speed = speed;
    // A pause is where a restart must find the room: written now, hash and all.
    const hash = this.#saveProgress(speed === 0);
    // It is also where the replica is checked: a state hash costs ~100 ms at 1,500 pods, too much to take while running.
    if (hash !== undefined) void this.#replica?.verify(hash, this.session.tick, () => this.session.log());
  }

  /** Writes where the room is; returns the state hash when asked to write it. */
  #saveProgress(withHash: boolean): string | undefined {
    const tick = this.session.tick;
    const hash = withHash ? this.session.cluster.stateHash() : undefined;
    const runs = this.#deps.runs;
    if (!runs) return hash;
    if (!withHash && tick === this.#savedTick && this.state.speed === this.#savedSpeed) return hash;
    runs.progress(this.runId, { endTick: tick, speed: this.state.speed as Speed, ...(hash !== undefined ? { stateHash: hash } : {}) });
    this.#savedTick = tick;
    this.#savedSpeed = this.state.speed;
    return hash;
  }

  #kick(name: string, by: Client): string | undefined {
    const seat = this.#seats.get(name);
    if (!seat) return `no player named "${name}" in this room`;
    if (seat.sessionId === by.sessionId) return "you cannot remove yourself; leave the room instead";
    const client = seat.sessionId !== undefined ? this.#room.clients.get(seat.sessionId) : undefined;
    this.#release(seat.name);
    client?.leave(CLOSE_CODES.removed, "removed from the room by the host");
    return undefined;
  }

  #release(name: string): void {
    this.#seats.release(name);
    this.state.players.delete(name);
    this.#deps.runs?.unseat(this.runId, name);
  }

  #showSeat(seat: Seat, connected = seat.sessionId !== undefined): void {
    let view = this.state.players.get(seat.name);
    if (!view) {
      view = new PlayerView();
      view.name = seat.name;
      this.state.players.set(seat.name, view);
    }
    view.role = seat.role;
    view.connected = connected;
    if (!connected) view.holding = "";
  }

  #closeIfIdle(): void {
    const now = performance.now();
    if (this.#room.clients.length > 0 || this.#seats.all().some((s) => s.sessionId !== undefined)) {
      this.#idleSince = now;
      return;
    }
    if (now - this.#idleSince > IDLE_CLOSE_MS) void this.#room.disconnect();
  }
}
