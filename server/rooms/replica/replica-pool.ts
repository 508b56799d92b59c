// The server's read replicas: one pool of worker threads, as many as the
// machine has cores, each holding the replicas of many rooms (assigned round
// robin). Console reads run there, so the heaviest `get -o yaml` of one room
// holds a worker, never the event loop every room's patches go out on.

import { availableParallelism } from "node:os";
import type { ActionLog } from "../../../shared/game/actions/action.ts";
import type { Scenario } from "../../../shared/game/scenarios/scenario.ts";
import { PoolWorker } from "./pool-worker.ts";
import { ReadReplica } from "./read-replica.ts";

export class ReplicaPool {
  readonly size: number;
  readonly #log: (line: string) => void;
  /** Started on first use: a server with one room starts one worker. */
  readonly #workers: (PoolWorker | undefined)[];
  #next = 0;
  #ids = 0;

  constructor(log: (line: string) => void, size = availableParallelism()) {
    this.size = Math.max(1, size);
    this.#log = log;
    this.#workers = new Array<PoolWorker | undefined>(this.size).fill(undefined);
  }

  /** A replica of a room whose session has run `log` so far. */
  open(scenario: Scenario, log: ActionLog): ReadReplica {
    const slot = this.#next++ % this.size;
    let worker = this.#workers[slot];
    if (!worker?.live) worker = this.#workers[slot] = new PoolWorker(this.#log);
    return new ReadReplica(worker, ++this.#ids, scenario, log, this.#log);
  }

  async close(): Promise<void> {
    await Promise.all(this.#workers.map((w) => w?.terminate()));
  }
}
