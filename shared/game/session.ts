// A game session: one scenario's cluster, its action log and the level's
// progress. The room, the headless tools and replays all drive a Session, so the
// same inputs give the same cluster wherever they run.

import type { UserInfo } from "../sim/apiserver/types.ts";
import { SIM_VERSION, type Cluster } from "../sim/cluster.ts";
import { STEP_MS } from "../sim/kernel/clock.ts";
import { completeKubectl, runKubectl, type KubectlResult } from "../kubectl/kubectl.ts";
import { newKubeconfig, type Kubeconfig } from "../kubectl/kubeconfig.ts";
import { loggedUser, type Action, type ActionLog, type LoggedAction } from "./actions/action.ts";
import { applyAction, applyRequest, outcomeOf, type ActionOutcome } from "./actions/apply.ts";
import { isWon, levelProgress, type LevelProgress } from "./levels/level.ts";
import { buildCluster } from "./scenarios/build.ts";
import type { Scenario } from "./scenarios/scenario.ts";

/** Told of every logged action once it has been applied: a journal, an activity feed. */
export type ActionListener = (entry: LoggedAction, outcome: ActionOutcome) => void;

/** A line run by Session.read tried to write: run it where writes run. */
export class WriteOnReadError extends Error {}

export class Session {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly cluster: Cluster;
  readonly #log: LoggedAction[] = [];
  /** Each player's kubeconfig, by user name: console state, not cluster state (requests carry their namespace). */
  readonly #kubeconfigs = new Map<string, Kubeconfig>();
  readonly #listeners: ActionListener[] = [];
  #refusedDrops = 0;
  #wonAtMs: number | undefined;

  constructor(scenario: Scenario, seed = scenario.seed) {
    this.scenario = scenario;
    this.seed = seed;
    this.cluster = buildCluster(scenario, seed);
  }

  get tick(): number {
    return this.cluster.tick;
  }

  /** Actions logged so far. */
  get actionCount(): number {
    return this.#log.length;
  }

  /** Calls `listener` after each action from now on. */
  onAction(listener: ActionListener): void {
    this.#listeners.push(listener);
  }

  /** Applies and logs one action as `user`. */
  apply(user: UserInfo, action: Action): ActionOutcome {
    const entry: LoggedAction = { tick: this.cluster.tick, user: loggedUser(user), action };
    this.#log.push(entry);
    const outcome = applyAction(this.cluster, user, action);
    if (action.type === "bind" && !outcome.ok) this.#refusedDrops++;
    this.#checkWin();
    this.#tell(entry, outcome);
    return outcome;
  }

  /**
   * Runs one console line as `user`; each write it makes is a logged request action.
   * canWait lets `rollout status` and `wait` step the cluster while they watch (the
   * headless console); the shared room never blocks. Replays stay exact: requests
   * are logged with their ticks and the steps between them are plain steps.
   */
  kubectl(user: UserInfo, line: string, stdin?: string, options: { canWait?: boolean } = {}): KubectlResult {
    // Each write is logged, then applied exactly as a replay will apply it.
    const client = this.cluster.clientFor(user, {
      interceptor: (u, request) => {
        const entry: LoggedAction = { tick: this.cluster.tick, user: loggedUser(u), action: { type: "request", request } as Action };
        this.#log.push(entry);
        const result = applyRequest(this.cluster, u, request);
        this.#tell(entry, outcomeOf(result));
        return result;
      },
    });
    const wait = options.canWait ? (ms: number) => this.runFor(ms) : undefined;
    const result = runKubectl({ client, clock: this.cluster.clock, epochMs: this.cluster.epochMs, kubeconfig: this.kubeconfig(user), ...(wait ? { wait } : {}) }, line, stdin);
    this.#checkWin();
    return result;
  }

  /**
   * Runs a line that only reads (isReadOnlyLine) as `user` with their kubeconfig
   * as given: what a read replica runs for the room. Nothing is logged; a request
   * that would write means the line was misjudged, and throws before it is sent.
   */
  read(user: UserInfo, line: string, kubeconfig: Kubeconfig, stdin?: string): KubectlResult {
    const client = this.cluster.clientFor(user, {
      interceptor: (_u, request) => {
        throw new WriteOnReadError(`a read-only line sent a ${request.verb} request`);
      },
    });
    return runKubectl({ client, clock: this.cluster.clock, epochMs: this.cluster.epochMs, kubeconfig }, line, stdin);
  }

  /** Tab completion for `line`, from what `user` may see of the cluster. */
  complete(user: UserInfo, line: string): string[] {
    return completeKubectl({ client: this.cluster.clientFor(user), clock: this.cluster.clock, epochMs: this.cluster.epochMs }, line);
  }

  /** The player's kubeconfig, made on first use: their user, one context, namespace "default". */
  kubeconfig(user: UserInfo): Kubeconfig {
    let cfg = this.#kubeconfigs.get(user.name);
    if (!cfg) {
      cfg = newKubeconfig(user);
      this.#kubeconfigs.set(user.name, cfg);
    }
    return cfg;
  }

  step(): void {
    this.cluster.step();
    this.#checkWin();
  }

  runFor(ms: number): void {
    const end = this.cluster.tick + Math.ceil(ms / STEP_MS);
    while (this.cluster.tick < end) this.step();
  }

  level(): LevelProgress | undefined {
    if (this.scenario.mode !== "level") return undefined;
    return levelProgress(this.scenario, this.cluster, this.#refusedDrops, this.#wonAtMs);
  }

  /** The run so far, as a replayable log. */
  log(): ActionLog {
    return { simVersion: SIM_VERSION, scenario: this.scenario.name, seed: this.seed, endTick: this.cluster.tick, actions: [...this.#log] };
  }

  #tell(entry: LoggedAction, outcome: ActionOutcome): void {
    for (const listener of this.#listeners) listener(entry, outcome);
  }

  #checkWin(): void {
    if (this.#wonAtMs === undefined && this.scenario.mode === "level" && isWon(this.scenario, this.cluster)) this.#wonAtMs = this.cluster.now;
  }
}
