// The etcd client API the API server stores through, and nothing else of etcd:
// clientv3's KV (Range, Put, Delete, Txn, Compact), Watch, Lease (Grant) and
// Maintenance (Status), as kube-apiserver's storage layer uses them
// (staging/src/k8s.io/apiserver/pkg/storage/etcd3). One member implements it
// today (etcd.ts); a Raft group of members can stand behind the same calls.
// Failures are values carrying etcd's own error text, as the gRPC client
// reports them: without quorum every write (and a linearizable read) answers
// "etcdserver: request timed out".

import type { KeyValue, MvccEvent } from "./mvcc.ts";

export type { KeyValue, MvccEvent } from "./mvcc.ts";
export { ERR_COMPACTED, ERR_FUTURE_REV } from "./mvcc.ts";

/** rpctypes.ErrTimeout: the request could not commit (no quorum). */
export const ERR_TIMEOUT = "etcdserver: request timed out";
/** rpctypes.ErrLeaseNotFound. */
export const ERR_LEASE_NOT_FOUND = "etcdserver: requested lease not found";
/** rpctypes.ErrNoSpace: a write past --quota-backend-bytes, or any write while the NOSPACE alarm is raised. */
export const ERR_NO_SPACE = "etcdserver: mvcc: database space exceeded";
/** rpctypes.ErrTooManyOps: here a txn branch may hold one write, since every write is its own revision (mvcc.ts). */
export const ERR_TOO_MANY_OPS = "etcdserver: too many operations in txn request";

export interface EtcdFailure {
  readonly ok: false;
  readonly error: string;
}

/** A response, or etcd's error. Every response carries the header's revision: the store's revision after the request. */
export type EtcdResult<T> = (T & { readonly ok: true; readonly revision: number }) | EtcdFailure;

export interface RangeOptions {
  /** Every key starting with `key` (clientv3.WithPrefix). */
  readonly prefix?: boolean;
  /** The key space as it was at this revision; absent or 0 means now. */
  readonly revision?: number;
  /** Served by the member alone, without a quorum round (clientv3.WithSerializable). */
  readonly serializable?: boolean;
}

export interface RangeResponse {
  /** Live keys in key order. */
  readonly kvs: readonly KeyValue[];
}

export interface PutResponse {
  readonly prevKv?: KeyValue;
}

export interface DeleteResponse {
  readonly deleted: number;
  readonly prevKv?: KeyValue;
}

/** clientv3.Compare on a key's mod revision, create revision or version; a missing key has 0 for all three. */
export interface Compare {
  readonly key: string;
  readonly target: "mod" | "create" | "version";
  readonly result: "=" | "!=" | "<" | ">";
  readonly value: number;
}

export type Op =
  | { readonly type: "range"; readonly key: string }
  | { readonly type: "put"; readonly key: string; readonly value: unknown; readonly lease: number }
  | { readonly type: "delete"; readonly key: string };

export type OpResponse =
  | ({ readonly type: "range" } & RangeResponse)
  | ({ readonly type: "put" } & PutResponse)
  | ({ readonly type: "delete" } & DeleteResponse);

/** If every compare holds, Then the success ops, Else the failure ops; atomically, in one revision. */
export interface TxnRequest {
  readonly compare: readonly Compare[];
  readonly success: readonly Op[];
  readonly failure: readonly Op[];
}

export interface TxnResponse {
  readonly succeeded: boolean;
  /** One per op of the branch that ran. */
  readonly responses: readonly OpResponse[];
}

export interface LeaseGrantResponse {
  readonly id: number;
  readonly ttl: number;
}

export interface WatchOptions {
  readonly prefix?: boolean;
  /** The first revision to deliver; 0 means the next write. */
  readonly startRevision: number;
}

/**
 * A watch's event stream (clientv3.WatchChan). Events wait in the stream until
 * received, so a receiver takes them when it chooses (the API server's dispatch)
 * and never inside the write that made them.
 */
export interface WatchChan {
  /** The next event, in revision order; undefined when caught up or canceled. */
  recv(): MvccEvent | undefined;
  /** Whether recv() has an event to give. */
  pending(): boolean;
  /** Non-zero once etcd canceled the watch because revisions it still had to send were compacted (WatchResponse.CompactRevision). */
  readonly compactRevision: number;
  cancel(): void;
}

export interface EtcdClient {
  range(key: string, opts?: RangeOptions): EtcdResult<RangeResponse>;
  put(key: string, value: unknown, opts?: { readonly lease?: number }): EtcdResult<PutResponse>;
  delete(key: string): EtcdResult<DeleteResponse>;
  txn(req: TxnRequest): EtcdResult<TxnResponse>;
  /** Drops history below `revision`: reads and watches from older revisions fail with ERR_COMPACTED from then on. */
  compact(revision: number): EtcdResult<object>;
  watch(key: string, opts: WatchOptions): WatchChan;
  /** A lease of ttl seconds: when it runs out, every key whose latest put carried it is deleted. */
  grant(ttlSeconds: number): EtcdResult<LeaseGrantResponse>;
  /** Maintenance.Status: the member's view, answered without quorum. */
  status(): EtcdResult<object>;
}

/** clientv3.Compare(clientv3.ModRevision(key), result, value). */
export function compareModRevision(key: string, result: Compare["result"], value: number): Compare {
  return { key, target: "mod", result, value };
}

export function opGet(key: string): Op {
  return { type: "range", key };
}

export function opPut(key: string, value: unknown, lease = 0): Op {
  return { type: "put", key, value, lease };
}

export function opDelete(key: string): Op {
  return { type: "delete", key };
}
