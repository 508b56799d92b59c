// One worker thread of the replica pool, seen from the main thread: posts
// messages in order and matches each reply to its request. A worker that stops
// (a bug, out of memory) answers its pending requests with an error and is
// never posted to again; its rooms run every line on their own sessions.

import { Worker } from "node:worker_threads";
import type { FromReplica, ReplicaRequest, ToReplica } from "./protocol.ts";

const WORKER_URL = new URL("./replica-worker.ts", import.meta.url);

export class PoolWorker {
  readonly #worker: Worker;
  readonly #pending = new Map<number, (reply: FromReplica) => void>();
  #ids = 0;
  #live = true;
  #closing = false;

  constructor(log: (line: string) => void) {
    this.#worker = new Worker(WORKER_URL);
    // Rooms keep the server alive, not their replicas.
    this.#worker.unref();
    this.#worker.on("message", (reply: FromReplica) => {
      const resolve = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      resolve?.(reply);
    });
    this.#worker.on("error", (error) => this.#stop(`read replica worker failed: ${error.message.split("\n")[0]}`, log));
    this.#worker.on("exit", (code) => this.#stop(`read replica worker exited with code ${code}`, log));
  }

  get live(): boolean {
    return this.#live;
  }

  post(msg: ToReplica): void {
    if (this.#live) this.#worker.postMessage(msg);
  }

  request(replica: number, request: ReplicaRequest): Promise<FromReplica> {
    const id = ++this.#ids;
    if (!this.#live) return Promise.resolve({ id, ok: false, message: "the read replica is not running" });
    return new Promise((resolve) => {
      this.#pending.set(id, resolve);
      this.#worker.postMessage({ ...request, replica, id });
    });
  }

  async terminate(): Promise<void> {
    this.#closing = true;
    await this.#worker.terminate();
  }

  #stop(reason: string, log: (line: string) => void): void {
    if (!this.#live) return;
    this.#live = false;
    if (!this.#closing) log(`${reason}; its rooms run console reads on the main thread`);
    for (const [id, resolve] of this.#pending) resolve({ id, ok: false, message: "the read replica stopped" });
    this.#pending.clear();
  }
}
