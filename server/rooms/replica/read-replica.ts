// A room's handle on its read replica: forwards what changes the room's session
// (each logged action, each advance of its tick) and asks the replica to run
// reads at the room's current tick. Replies come back as promises; a line the
// replica finds writing after all comes back as undefined, for the room to run.

import type { ActionLog, LoggedAction } from "../../../shared/game/actions/action.ts";
import type { Scenario } from "../../../shared/game/scenarios/scenario.ts";
import type { KubectlResult } from "../../../shared/kubectl/kubectl.ts";
import type { Kubeconfig } from "../../../shared/kubectl/kubeconfig.ts";
import type { UserInfo } from "../../../shared/sim/apiserver/types.ts";
import type { PoolWorker } from "./pool-worker.ts";
import type { FromReplica, ReplicaValue } from "./protocol.ts";

export class ReadReplica {
  readonly #worker: PoolWorker;
  readonly #id: number;
  readonly #scenario: Scenario;
  readonly #log: (line: string) => void;

  constructor(worker: PoolWorker, id: number, scenario: Scenario, log: ActionLog, logLine: (line: string) => void) {
    this.#worker = worker;
    this.#id = id;
    this.#scenario = scenario;
    this.#log = logLine;
    worker.post({ type: "open", replica: id, scenario, log });
  }

  /** False once its worker stopped: the room runs everything itself. */
  get live(): boolean {
    return this.#worker.live;
  }

  action(entry: LoggedAction): void {
    this.#worker.post({ type: "action", replica: this.#id, entry });
  }

  advance(tick: number): void {
    this.#worker.post({ type: "advance", replica: this.#id, tick });
  }

  /** Runs a read-only line as `user` with (a copy of) their kubeconfig; undefined if it would write. */
  async kubectl(user: UserInfo, kubeconfig: Kubeconfig, line: string, stdin?: string): Promise<KubectlResult | undefined> {
    const reply = await this.#worker.request(this.#id, { type: "kubectl", user, kubeconfig, line, ...(stdin !== undefined ? { stdin } : {}) });
    if (!reply.ok && reply.wrote) return undefined;
    return value(reply) as KubectlResult;
  }

  async complete(user: UserInfo, line: string): Promise<string[]> {
    return [...(value(await this.#worker.request(this.#id, { type: "complete", user, line })) as readonly string[])];
  }

  /** The replica's state hash at the room's current tick. */
  async stateHash(): Promise<string> {
    return value(await this.#worker.request(this.#id, { type: "hash" })) as string;
  }

  /**
   * Compares the replica with the room's `expected` hash at this tick; if they
   * differ, says so in one line and rebuilds the replica from the room's log
   * (taken when the answer arrives, so later forwards follow it in order).
   */
  async verify(expected: string, tick: number, roomLog: () => ActionLog): Promise<boolean> {
    const reply = await this.#worker.request(this.#id, { type: "hash" });
    // A stopped worker has nothing to compare; the room already runs everything itself.
    if (!reply.ok || reply.value === expected) return reply.ok;
    const actual = reply.value as string;
    this.#log(`read replica ${this.#id} diverged at tick ${tick} (${actual.slice(0, 12)} != ${expected.slice(0, 12)}); rebuilt from the log`);
    this.#worker.post({ type: "open", replica: this.#id, scenario: this.#scenario, log: roomLog() });
    return false;
  }

  close(): void {
    this.#worker.post({ type: "close", replica: this.#id });
  }
}

function value(reply: FromReplica): ReplicaValue {
  if (!reply.ok) throw new Error(reply.message);
  return reply.value;
}
