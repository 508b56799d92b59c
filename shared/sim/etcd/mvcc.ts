// etcd's MVCC key space: one cluster-wide revision that every write bumps, per-key
// create/mod revisions and versions, prefix ranges, history for watches and reads
// at older revisions, and compaction. Values are stored by reference and never
// mutated after a put: the API server hands in a fresh object on every write.
// The store keeps an approximate database size, what etcd's --quota-backend-bytes
// is checked against: the bytes of every key and value it still holds, live or
// in history (superseded versions and tombstones until a compaction drops them).

export interface KeyValue {
  readonly key: string;
  readonly value: unknown;
  readonly createRevision: number;
  readonly modRevision: number;
  readonly version: number;
  /** The lease the key's latest put attached it to; 0 for none. */
  readonly lease: number;
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
  /** Keys grouped by their first two path segments ("/registry/pods/"), each sorted lazily. */
  readonly #index = new KeyIndex();
  /** Every event from the compacted revision on; history[i].revision === historyBase + i. */
  #history: MvccEvent[] = [];
  #historyBase = 2;
  #dbSize = 0;
  /** Each stored version's size, measured once when it is put. */
  readonly #sizes = new WeakMap<KeyValue, number>();

  get revision(): number {
    return this.#revision;
  }

  get compactRevision(): number {
    return this.#compactRevision;
  }

  /** Bytes of keys and values held, history included (the backend's size, approximately). */
  get dbSize(): number {
    return this.#dbSize;
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
    for (const key of this.#index.withPrefix(prefix)) kvs.push(this.#live.get(key)!);
    return { kvs, revision: this.#revision };
  }

  put(key: string, value: unknown, lease = 0): PutResult {
    const prev = this.#live.get(key);
    const revision = ++this.#revision;
    const kv: KeyValue = {
      key,
      value,
      createRevision: prev ? prev.createRevision : revision,
      modRevision: revision,
      version: prev ? prev.version + 1 : 1,
      lease,
    };
    if (!prev) this.#index.add(key);
    const size = sizeOf(key, value);
    this.#sizes.set(kv, size);
    this.#dbSize += size;
    this.#live.set(key, kv);
    this.#history.push({ type: "PUT", revision, kv, prevKv: prev });
    return { revision, kv, prevKv: prev };
  }

  delete(key: string): { revision: number; prevKv?: KeyValue } {
    const prev = this.#live.get(key);
    if (!prev) return { revision: this.#revision };
    const revision = ++this.#revision;
    this.#live.delete(key);
    this.#index.delete(key);
    const tombstone: KeyValue = { key, value: prev.value, createRevision: 0, modRevision: revision, version: 0, lease: 0 };
    this.#dbSize += KV_OVERHEAD + key.length;
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
      // Every version an event below `revision` superseded is gone now, and so is a dropped tombstone.
      for (const ev of this.#history.slice(0, drop)) {
        if (ev.prevKv !== undefined) this.#dbSize -= this.#sizes.get(ev.prevKv) ?? 0;
        if (ev.type === "DELETE") this.#dbSize -= KV_OVERHEAD + ev.kv.key.length;
      }
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
    for (const k of this.#index.withPrefix(prefix)) state.set(k, this.#live.get(k)!);
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

/** etcd quota.go's kvOverhead: the estimated cost of a key's metadata. */
export const KV_OVERHEAD = 256;

/** A key and its value as stored bytes, approximately: the value's JSON length, plus etcd's per-key overhead. */
export function sizeOf(key: string, value: unknown): number {
  return KV_OVERHEAD + key.length + (JSON.stringify(value)?.length ?? 0);
}

/**
 * The ordered key index behind range(). A single sorted array made every new key
 * an O(n) splice (30,000 pods bring 100,000+ event keys); instead keys are kept
 * per group ("/registry/events/", "/registry/pods/"...) in a set, and a group is
 * sorted only when a range reads it after it changed. Lists of one resource then
 * never pay for churn in another.
 */
class KeyIndex {
  readonly #groups = new Map<string, { readonly keys: Set<string>; sorted: string[] | undefined }>();

  add(key: string): void {
    const g = this.#group(groupOf(key));
    g.keys.add(key);
    g.sorted = undefined;
  }

  delete(key: string): void {
    const g = this.#groups.get(groupOf(key));
    if (g?.keys.delete(key)) g.sorted = undefined;
  }

  /** Keys starting with prefix, in byte order. */
  withPrefix(prefix: string): string[] {
    const group = groupOf(prefix);
    // A prefix that names (or lies inside) one group reads only that group.
    if (prefix.length >= group.length && group !== "") return this.#slice(this.#sortedGroup(group), prefix);
    const names = [...this.#groups.keys()].filter((n) => n.startsWith(prefix) || prefix.startsWith(n)).sort();
    const out: string[] = [];
    // One push per key: spreading a group of 100,000 keys as arguments overflows the stack.
    for (const n of names) for (const key of this.#slice(this.#sortedGroup(n), prefix)) out.push(key);
    // Group "" holds keys of any shape, so merge by sorting the result.
    return out.sort();
  }

  #sortedGroup(name: string): readonly string[] {
    const g = this.#groups.get(name);
    if (!g) return [];
    g.sorted ??= [...g.keys].sort();
    return g.sorted;
  }

  #slice(keys: readonly string[], prefix: string): string[] {
    const out: string[] = [];
    for (let i = lowerBound(keys, prefix); i < keys.length && keys[i]!.startsWith(prefix); i++) out.push(keys[i]!);
    return out;
  }

  #group(name: string): { readonly keys: Set<string>; sorted: string[] | undefined } {
    let g = this.#groups.get(name);
    if (!g) this.#groups.set(name, (g = { keys: new Set(), sorted: undefined }));
    return g;
  }
}

/** "/registry/pods/default/web" → "/registry/pods/"; keys of other shapes share the group "". */
function groupOf(key: string): string {
  if (!key.startsWith("/")) return "";
  const second = key.indexOf("/", 1);
  if (second < 0) return "";
  const third = key.indexOf("/", second + 1);
  return third < 0 ? "" : key.slice(0, third + 1);
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
