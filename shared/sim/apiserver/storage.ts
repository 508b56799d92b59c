// kube-apiserver's etcd3 storage (staging/src/k8s.io/apiserver/pkg/storage/etcd3/store.go)
// and its dry-run wrapper (registry/generic/registry/dryrun.go): how the registry's
// reads and writes become etcd requests, through the client interface alone
// (etcd/kv.ts). Writes are transactions on the key's mod revision, as etcd's
// client/v3/kubernetes OptimisticPut and OptimisticDelete: a create is
// If(ModRevision(key) = 0) Then(Put), an update or delete If(ModRevision(key) = rev)
// with the revision it read, each Else(Get(key)) so a lost compare says what it
// found. etcd's errors (no quorum: "etcdserver: request timed out") come back as
// the ServiceUnavailable kube-apiserver answers with; a write past etcd's quota
// ("etcdserver: mvcc: database space exceeded") is no storage error it knows, so
// responsewriters.ErrorToAPIStatus answers it as a 500 with no reason.

import { ERR_NO_SPACE, compareModRevision, opDelete, opGet, opPut, type EtcdClient, type EtcdFailure, type KeyValue, type TxnResponse } from "../etcd/kv.ts";
import { fail, ok, serviceUnavailable, unknownError, type ApiResult } from "./errors.ts";

/** The compare of a write (or a dry run's check) did not hold: the key is not at the revision expected. */
export interface CompareFailed {
  readonly ok: false;
  readonly compareFailed: true;
  /** What the key holds now. */
  readonly current: KeyValue | undefined;
}

export type StorageResult<T> = ApiResult<T> | CompareFailed;

/** The API server's storage prefix (--etcd-prefix): every object key lives under it. */
export const STORAGE_PREFIX = "/registry/";

/** Reads without quorum: the simulation's reads are served by the member, and only writes stop when etcd loses quorum. */
const SERIALIZABLE = { serializable: true } as const;
const SERIALIZABLE_PREFIX = { serializable: true, prefix: true } as const;

export class Etcd3Storage {
  readonly #etcd: EtcdClient;

  constructor(etcd: EtcdClient) {
    this.#etcd = etcd;
  }

  /** The store's revision now (the header of etcd's answer). */
  get revision(): number {
    const r = this.#etcd.status();
    return r.ok ? r.revision : 0;
  }

  get(key: string): ApiResult<KeyValue | undefined> {
    const r = this.#etcd.range(key, SERIALIZABLE);
    return r.ok ? ok(r.kvs[0]) : unavailable(r);
  }

  list(prefix: string): ApiResult<{ readonly kvs: readonly KeyValue[]; readonly revision: number }> {
    const r = this.#etcd.range(prefix, SERIALIZABLE_PREFIX);
    return r.ok ? ok(r) : unavailable(r);
  }

  /**
   * Puts value at key if the key's mod revision is still `expected` (0: the key
   * must not exist), under a lease of ttlSeconds when given (the strategy's TTL,
   * --event-ttl for events); the result is the write's revision.
   */
  put(key: string, value: unknown, expected: number, ttlSeconds?: number): StorageResult<number> {
    let lease = 0;
    if (ttlSeconds !== undefined) {
      const granted = this.#etcd.grant(ttlSeconds);
      if (!granted.ok) return unavailable(granted);
      lease = granted.id;
    }
    return written(this.#etcd.txn({ compare: [compareModRevision(key, "=", expected)], success: [opPut(key, value, lease)], failure: [opGet(key)] }));
  }

  /** Deletes key if its mod revision is still `expected`; the result is the delete's revision. */
  delete(key: string, expected: number): StorageResult<number> {
    return written(this.#etcd.txn({ compare: [compareModRevision(key, "=", expected)], success: [opDelete(key)], failure: [opGet(key)] }));
  }

  /**
   * A quorum read that key is still at `expected`, what a request confirms when
   * it ends up writing nothing: a dry run (dryrun.go reads the key from etcd) or
   * an update that changes nothing (GuaranteedUpdate re-reads the current state).
   */
  check(key: string, expected: number): StorageResult<number> {
    const r = this.#etcd.range(key);
    if (!r.ok) return unavailable(r);
    const current = r.kvs[0];
    return (current?.modRevision ?? 0) === expected ? ok(expected) : { ok: false, compareFailed: true, current };
  }
}

function written(r: ReturnType<EtcdClient["txn"]>): StorageResult<number> {
  if (!r.ok) return unavailable(r);
  if (r.succeeded) return ok(r.revision);
  return { ok: false, compareFailed: true, current: currentOf(r) };
}

/** The Else(Get(key)) answer of a lost compare. */
function currentOf(r: TxnResponse): KeyValue | undefined {
  const get = r.responses[0];
  return get?.type === "range" ? get.kvs[0] : undefined;
}

function unavailable(r: EtcdFailure): ApiResult<never> {
  if (r.error === ERR_NO_SPACE) return fail(unknownError(r.error));
  return fail(serviceUnavailable(r.error));
}
