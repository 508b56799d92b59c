// etcd's MVCC key space: one cluster-wide revision that every write bumps, per-key
// create/mod revisions and versions, prefix ranges, history for watches and reads
// at older revisions, and compaction. Values are stored by reference and never
// mutated after a put: the API server hands in a fresh object on every write.

export interface KeyValue {
  readonly key: string;
  readonly value: unknown;
  readonly createRevision: number;
  readonly modRevision: number;
  readonly version: number;
}

export interface MvccEvent {
  readonly type: "PUT" | "DELETE";
  readonly revision: number;
  /** For DELETE: the key with the tombstone's revision and the last value. */
  readonly kv: KeyValue;
  readonly prevKv?: KeyValue;
}

export const ERR_COMPACTED = "etcdserver: mvcc: required revision has been compacted";
export const ERR_FUTURE_REV = "etcdserver: mvcc: required revision is a future revision";

export class EtcdError extends Error {}

export interface RangeResult {
  readonly kvs: readonly KeyValue[];
  readonly revision: number;
}

export interface PutResult {
  readonly revision: number;
  readonly kv: KeyValue;
  readonly prevKv?: KeyValue;
}

export class MvccStore {
  #revision = 1; // etcd starts at revision 1 with an empty key space
  #compactRevision = 0;
  readonly #live = new Map<string, KeyValue>();
  readonly #sortedKeys: string[] = [];
  /** Every event from the compacted revision on; history[i].revision === historyBase + i. */
  #history: MvccEvent[] = [];
  #historyBase = 2;

  get revision(): number {
    return this.#revision;
  }

  get compactRevision(): number {
    return this.#compactRevision;
  }

  get keyCount(): number {
    return this.#live.size;
  }

  get(key: string): KeyValue | undefined {
    return this.#live.get(key);
  }

  /** Every live key under prefix, in key order, at the current revision or at `atRevision` (0 means current, as in etcd). */
  range(prefix: string, atRevision?: number): RangeResult {
    if (atRevision !== undefined && atRevision > 0 && atRevision !== this.#revision) return this.#rangeAt(prefix, atRevision);
    const kvs: KeyValue[] = [];
    const keys = this.#sortedKeys;
    for (let i = lowerBound(keys, prefix); i < keys.length && keys[i]!.startsWith(prefix); i++) kvs.push(this.#live.get(keys[i]!)!);
    return { kvs, revision: this.#revision };
  }

  put(key: string, value: unknown): PutResult {
    const prev = this.#live.get(key);
    const revision = ++this.#revision;
    const kv: KeyValue = {
      key,
      value,
      createRevision: prev ? prev.createRevision : revision,
      modRevision: revision,
      version: prev ? prev.version + 1 : 1,
    };
    if (!prev) insertSorted(this.#sortedKeys, key);
    this.#live.set(key, kv);
    this.#history.push({ type: "PUT", revision, kv, prevKv: prev });
    return { revision, kv, prevKv: prev };
  }

  delete(key: string): { revision: number; prevKv?: KeyValue } {
    const prev = this.#live.get(key);
    if (!prev) return { revision: this.#revision };
    const revision = ++this.#revision;
    this.#live.delete(key);
    removeSorted(this.#sortedKeys, key);
    const tombstone: KeyValue = { key, value: prev.value, createRevision: 0, modRevision: revision, version: 0 };
    this.#history.push({ type: "DELETE", revision, kv: tombstone, prevKv: prev });
    return { revision, prevKv: prev };
  }

  /** Events with revision >= fromRevision (and <= the current one), in order. */
  eventsSince(fromRevision: number): readonly MvccEvent[] {
    if (fromRevision < this.#compactRevision) throw new EtcdError(ERR_COMPACTED);
    const start = Math.max(0, fromRevision - this.#historyBase);
    return start === 0 ? this.#history : this.#history.slice(start);
  }

  /** The event at exactly `revision`, if history still holds it. */
  eventAt(revision: number): MvccEvent | undefined {
    return this.#history[revision - this.#historyBase];
  }

  /**
   * Drops history below `revision`: reads and watches from earlier revisions fail
   * from now on. As in etcd, the key space at `revision` itself stays readable.
   */
  compact(revision: number): void {
    if (revision <= this.#compactRevision) throw new EtcdError(ERR_COMPACTED);
    if (revision > this.#revision) throw new EtcdError(ERR_FUTURE_REV);
    const drop = revision - this.#historyBase;
    if (drop > 0) {
      this.#history = this.#history.slice(drop);
      this.#historyBase += drop;
    }
    this.#compactRevision = revision;
  }

  #rangeAt(prefix: string, atRevision: number): RangeResult {
    if (atRevision < this.#compactRevision) throw new EtcdError(ERR_COMPACTED);
    if (atRevision > this.#revision) throw new EtcdError(ERR_FUTURE_REV);
    // Undo, newest first, every event after atRevision to recover the key space then.
    const state = new Map<string, KeyValue>();
    for (const k of this.#sortedKeys) if (k.startsWith(prefix)) state.set(k, this.#live.get(k)!);
    for (let i = this.#history.length - 1; i >= 0; i--) {
      const ev = this.#history[i]!;
      if (ev.revision <= atRevision) break;
      if (!ev.kv.key.startsWith(prefix)) continue;
      if (ev.prevKv) state.set(ev.kv.key, ev.prevKv);
      else state.delete(ev.kv.key);
    }
    const kvs = [...state.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { kvs, revision: atRevision };
  }
}

function lowerBound(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(keys: string[], key: string): void {
  keys.splice(lowerBound(keys, key), 0, key);
}

function removeSorted(keys: string[], key: string): void {
  const i = lowerBound(keys, key);
  if (keys[i] === key) keys.splice(i, 1);
}
