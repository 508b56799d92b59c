// The etcd cluster behind the API server's client (kv.ts). One member for now,
// serving every request from its MVCC store; a later issue grows this into a
// Raft group behind the same interface. Writes, compactions, lease grants and
// linearizable reads need a majority of members up; serializable reads and
// status are the member's own answer. As etcd's --quota-backend-bytes, a write
// that would take the database past the quota is refused and raises the NOSPACE
// alarm, and while the alarm stands only reads and deletes are served (etcd's
// capped applier), until an operator disarms it.

import type { SimClock } from "../kernel/clock.ts";
import {
  ERR_LEASE_NOT_FOUND,
  ERR_NO_SPACE,
  ERR_TIMEOUT,
  ERR_TOO_MANY_OPS,
  type Compare,
  type DeleteResponse,
  type EtcdClient,
  type EtcdFailure,
  type EtcdResult,
  type KeyValue,
  type LeaseGrantResponse,
  type Op,
  type OpResponse,
  type PutResponse,
  type RangeOptions,
  type RangeResponse,
  type TxnRequest,
  type TxnResponse,
  type WatchChan,
  type WatchOptions,
} from "./kv.ts";
import { Lessor } from "./lease.ts";
import { EtcdError, MvccStore, sizeOf } from "./mvcc.ts";
import { MvccWatch } from "./watch.ts";

export interface EtcdMember {
  readonly name: string;
  readonly id: string;
  healthy: boolean;
}

/** etcd's default --quota-backend-bytes (0 means this too): 2 GiB. */
export const DEFAULT_QUOTA_BACKEND_BYTES = 2 * 1024 ** 3;

/** An alarm a member raised (etcdctl alarm list: memberID:<id> alarm:NOSPACE). */
export interface AlarmMember {
  readonly memberID: string;
  readonly alarm: "NOSPACE";
}

export interface EtcdOptions {
  readonly memberNames?: readonly string[];
  /** --quota-backend-bytes; 0 or absent is etcd's default. */
  readonly quotaBackendBytes?: number;
}

const TIMED_OUT: EtcdFailure = Object.freeze({ ok: false, error: ERR_TIMEOUT });
const NO_SPACE: EtcdFailure = Object.freeze({ ok: false, error: ERR_NO_SPACE });
const LEASE_OVERHEAD = 64;
const NO_KVS: readonly KeyValue[] = Object.freeze([]);

export class EtcdCluster implements EtcdClient {
  readonly #store = new MvccStore();
  readonly #lessor: Lessor;
  readonly members: EtcdMember[];
  readonly quotaBackendBytes: number;
  readonly #alarms: AlarmMember[] = [];

  constructor(clock: SimClock, options: EtcdOptions = {}) {
    this.#lessor = new Lessor(this.#store, clock);
    this.members = (options.memberNames ?? ["etcd-0"]).map((name, i) => ({ name, id: (0x8e9e05c52164694dn + BigInt(i)).toString(16), healthy: true }));
    this.quotaBackendBytes = options.quotaBackendBytes || DEFAULT_QUOTA_BACKEND_BYTES;
  }

  /** The database's size as the quota sees it (the backend's size, approximately). */
  get dbSize(): number {
    return this.#store.dbSize;
  }

  /** Maintenance.AlarmList. */
  alarms(): readonly AlarmMember[] {
    return this.#alarms;
  }

  /**
   * BackendQuota.Available and the capped applier: a request that writes `cost`
   * bytes fits only below the quota, and nothing writes while NOSPACE stands.
   * Deletes cost nothing, so they go through and free space at the next compaction.
   */
  #fits(cost: number): boolean {
    if (cost === 0) return true;
    if (this.#alarms.length > 0) return false;
    if (this.#store.dbSize + cost < this.quotaBackendBytes) return true;
    this.#alarms.push({ memberID: this.members[0]!.id, alarm: "NOSPACE" });
    return false;
  }

  /** Whether a majority of voting members is up: without it nothing commits. */
  hasQuorum(): boolean {
    const up = this.members.filter((m) => m.healthy).length;
    return up >= Math.floor(this.members.length / 2) + 1;
  }

  range(key: string, opts: RangeOptions = {}): EtcdResult<RangeResponse> {
    if (opts.serializable !== true && !this.hasQuorum()) return TIMED_OUT;
    const store = this.#store;
    const at = opts.revision ?? 0;
    try {
      if (opts.prefix === true) return { ok: true, ...store.range(key, at) };
      if (at > 0 && at !== store.revision) {
        const { kvs, revision } = store.range(key, at);
        return { ok: true, kvs: kvs.filter((kv) => kv.key === key), revision };
      }
    } catch (e) {
      return failure(e);
    }
    const kv = store.get(key);
    return { ok: true, kvs: kv ? [kv] : NO_KVS, revision: store.revision };
  }

  put(key: string, value: unknown, opts: { readonly lease?: number } = {}): EtcdResult<PutResponse> {
    const r = this.txn({ compare: [], success: [{ type: "put", key, value, lease: opts.lease ?? 0 }], failure: [] });
    return r.ok ? { ok: true, revision: r.revision, prevKv: (r.responses[0] as PutResponse).prevKv } : r;
  }

  delete(key: string): EtcdResult<DeleteResponse> {
    const r = this.txn({ compare: [], success: [{ type: "delete", key }], failure: [] });
    return r.ok ? { ok: true, revision: r.revision, ...(r.responses[0] as DeleteResponse) } : r;
  }

  txn(req: TxnRequest): EtcdResult<TxnResponse> {
    if (!this.hasQuorum()) return TIMED_OUT;
    const succeeded = req.compare.every((c) => this.#holds(c));
    const ops = succeeded ? req.success : req.failure;
    let writes = 0;
    for (const op of ops) {
      if (op.type !== "range") writes++;
      if (op.type === "put" && op.lease !== 0 && !this.#lessor.has(op.lease)) return { ok: false, error: ERR_LEASE_NOT_FOUND };
    }
    if (writes > 1) return { ok: false, error: ERR_TOO_MANY_OPS };
    // The quota is charged for every put of both branches, as etcd's costTxn does.
    let cost = 0;
    for (const op of [...req.success, ...req.failure]) if (op.type === "put") cost += sizeOf(op.key, op.value);
    if (!this.#fits(cost)) return NO_SPACE;
    const responses = ops.map((op) => this.#apply(op));
    return { ok: true, succeeded, responses, revision: this.#store.revision };
  }

  compact(revision: number): EtcdResult<object> {
    if (!this.hasQuorum()) return TIMED_OUT;
    try {
      this.#store.compact(revision);
    } catch (e) {
      return failure(e);
    }
    return { ok: true, revision: this.#store.revision };
  }

  watch(key: string, opts: WatchOptions): WatchChan {
    return new MvccWatch(this.#store, key, opts);
  }

  grant(ttlSeconds: number): EtcdResult<LeaseGrantResponse> {
    if (!this.hasQuorum()) return TIMED_OUT;
    // A lease costs etcd's LeaseGrant a fixed entry (quota.go's leaseOverhead, 64 bytes).
    if (!this.#fits(LEASE_OVERHEAD)) return NO_SPACE;
    return { ok: true, id: this.#lessor.grant(ttlSeconds), ttl: ttlSeconds, revision: this.#store.revision };
  }

  status(): EtcdResult<object> {
    return { ok: true, revision: this.#store.revision };
  }

  #holds(c: Compare): boolean {
    const kv = this.#store.get(c.key);
    const actual = kv === undefined ? 0 : c.target === "mod" ? kv.modRevision : c.target === "create" ? kv.createRevision : kv.version;
    switch (c.result) {
      case "=":
        return actual === c.value;
      case "!=":
        return actual !== c.value;
      case "<":
        return actual < c.value;
      case ">":
        return actual > c.value;
    }
  }

  #apply(op: Op): OpResponse {
    const store = this.#store;
    switch (op.type) {
      case "range": {
        const kv = store.get(op.key);
        return { type: "range", kvs: kv ? [kv] : NO_KVS };
      }
      case "put": {
        const { prevKv } = store.put(op.key, op.value, op.lease);
        if (op.lease !== 0) this.#lessor.attach(op.lease, op.key);
        return { type: "put", prevKv };
      }
      case "delete": {
        const { prevKv } = store.delete(op.key);
        return { type: "delete", deleted: prevKv ? 1 : 0, prevKv };
      }
    }
  }
}

/** The store's refusals (compacted, future revision) as etcd answers them. */
function failure(e: unknown): EtcdFailure {
  if (e instanceof EtcdError) return { ok: false, error: e.message };
  throw e;
}
