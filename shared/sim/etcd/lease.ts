// etcd's lessor: leases granted with a TTL, keys attached by the puts that
// carry them, and on expiry the deletion of every key still attached (whose
// latest put carried this lease; a later put moved it to another lease or none).
// Expiry runs on the simulated clock, one timer per lease. etcd revokes a
// lease's keys in one transaction; here each delete is its own revision, which
// is the same thing for the API server's leases (one key each).

import type { SimClock } from "../kernel/clock.ts";
import type { MvccStore } from "./mvcc.ts";

export class Lessor {
  readonly #store: MvccStore;
  readonly #clock: SimClock;
  /** Live leases and the keys put with each. */
  readonly #leases = new Map<number, string[]>();
  #nextId = 1;

  constructor(store: MvccStore, clock: SimClock) {
    this.#store = store;
    this.#clock = clock;
  }

  grant(ttlSeconds: number): number {
    const id = this.#nextId++;
    this.#leases.set(id, []);
    this.#clock.after(ttlSeconds * 1000, () => this.#expire(id));
    return id;
  }

  has(id: number): boolean {
    return this.#leases.has(id);
  }

  /** Records a put of key with lease id (which has()); the store keeps the lease on the key itself. */
  attach(id: number, key: string): void {
    this.#leases.get(id)!.push(key);
  }

  #expire(id: number): void {
    const keys = this.#leases.get(id)!;
    this.#leases.delete(id);
    for (const key of keys) if (this.#store.get(key)?.lease === id) this.#store.delete(key);
  }
}
