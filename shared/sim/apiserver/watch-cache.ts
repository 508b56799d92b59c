// The API server's watch cache: one etcd watch over the storage prefix feeds
// every API watch, filtered by namespace and (for pods) by spec.nodeName through
// an index, and delivered when the cluster asks (dispatch), so a writer never
// sees its own event inside its write, as with a real watch. A watch opened from
// a revision already dispatched catches up from an etcd watch of its own.

import type { Pod } from "../api/core-v1.ts";
import type { KubeObject } from "../api/meta.ts";
import type { ResourceName } from "../api/resources.ts";
import type { EtcdClient, MvccEvent, WatchChan } from "../etcd/kv.ts";
import { expired, fail, ok, type ApiResult } from "./errors.ts";
import { resourceOfKey, storagePrefix } from "./keys.ts";
import { STORAGE_PREFIX } from "./storage.ts";
import type { WatchEvent, WatchHandle, WatchOptions } from "./types.ts";

interface Watcher {
  readonly resource: ResourceName;
  readonly namespace?: string;
  readonly nodeName?: string;
  readonly sinceRevision: number;
  readonly handler: (ev: WatchEvent) => void;
  stopped: boolean;
  /** Opened from a revision already dispatched to others: the events it missed, replayed first. */
  readonly replay: WatchChan | undefined;
}

export class WatchCache {
  readonly #etcd: EtcdClient;
  /** Every write under the storage prefix, from the revision the cache started at. */
  readonly #events: WatchChan;
  readonly #watchers = new Map<ResourceName, Watcher[]>();
  /** Pod watchers by spec.nodeName, so a node's kubelet only sees its own pods. */
  readonly #podWatchersByNode = new Map<string, Watcher[]>();
  /** Watchers opened from an already dispatched revision, waiting for their replay. */
  readonly #replaying: Watcher[] = [];
  #dispatchedRevision: number;

  constructor(etcd: EtcdClient) {
    this.#etcd = etcd;
    const status = etcd.status();
    this.#dispatchedRevision = status.ok ? status.revision : 0;
    this.#events = etcd.watch(STORAGE_PREFIX, { prefix: true, startRevision: this.#dispatchedRevision + 1 });
  }

  /**
   * Opens a watch delivering every change after opts.sinceRevision. It needs the
   * key space at sinceRevision itself, so it is opened on etcd from there: a
   * compacted revision is refused with the watch cache's Expired message (the
   * client relists). A watch from a revision already dispatched gets the events
   * it missed at the next dispatch, before newer ones.
   */
  watch(resource: ResourceName, opts: WatchOptions, handler: (ev: WatchEvent) => void): ApiResult<WatchHandle> {
    const from = this.#etcd.watch(storagePrefix(resource), { prefix: true, startRevision: Math.max(1, opts.sinceRevision) });
    if (from.compactRevision !== 0) return fail(expired(`too old resource version: ${opts.sinceRevision} (${from.compactRevision})`));
    const replay = opts.sinceRevision < this.#dispatchedRevision ? from : undefined;
    if (!replay) from.cancel();
    const w: Watcher = {
      resource,
      namespace: opts.namespace,
      nodeName: opts.nodeName,
      sinceRevision: opts.sinceRevision,
      handler,
      stopped: false,
      replay,
    };
    const list = resource === "pods" && opts.nodeName !== undefined ? getOrInit(this.#podWatchersByNode, opts.nodeName) : getOrInit(this.#watchers, resource);
    list.push(w);
    if (w.replay) this.#replaying.push(w);
    return ok({
      stop: () => {
        w.stopped = true;
        w.replay?.cancel();
        const i = list.indexOf(w);
        if (i >= 0) list.splice(i, 1);
      },
    });
  }

  /** Whether writes are waiting to be delivered to watchers. */
  hasPending(): boolean {
    return this.#events.pending() || this.#replaying.length > 0;
  }

  /**
   * Delivers every write since the last call to its watchers, in revision order
   * and, per revision, in the order the watches were opened. Handlers may write;
   * their events are delivered in the same call.
   */
  dispatch(): number {
    let delivered = 0;
    while (this.#replaying.length > 0) {
      const w = this.#replaying.shift()!;
      const upTo = this.#dispatchedRevision;
      for (let ev = w.replay!.recv(); ev !== undefined && ev.revision <= upTo && !w.stopped; ev = w.replay!.recv()) delivered += this.#deliverTo(w, ev);
      w.replay!.cancel();
    }
    for (let ev = this.#events.recv(); ev !== undefined; ev = this.#events.recv()) {
      this.#dispatchedRevision = ev.revision;
      delivered += this.#deliver(ev);
    }
    // The cache is dispatched every step, long before the compactor reaches its revisions: falling behind it is a bug.
    if (this.#events.compactRevision !== 0) throw new Error(`watch cache fell behind etcd compaction at revision ${this.#events.compactRevision}`);
    return delivered;
  }

  #deliver(ev: MvccEvent): number {
    const resource = resourceOfKey(ev.kv.key);
    if (resource === undefined) return 0;
    let n = 0;
    const all = this.#watchers.get(resource);
    if (all) for (const w of [...all]) n += this.#deliverTo(w, ev);
    if (resource === "pods") {
      const nodes = new Set<string>();
      const now = (ev.kv.value as Pod).spec.nodeName;
      const before = (ev.prevKv?.value as Pod | undefined)?.spec.nodeName;
      if (now) nodes.add(now);
      if (before) nodes.add(before);
      for (const node of nodes) for (const w of [...(this.#podWatchersByNode.get(node) ?? [])]) n += this.#deliverTo(w, ev);
    }
    return n;
  }

  /**
   * One event as one watcher sees it (the watch cache's convertToWatchEvent): a
   * filtered watch gets ADDED when an object starts matching its filter and
   * DELETED, with the last matching state, when it stops.
   */
  #deliverTo(w: Watcher, ev: MvccEvent): number {
    if (w.stopped || ev.revision <= w.sinceRevision) return 0;
    const object = ev.kv.value as KubeObject;
    const previous = ev.prevKv?.value as KubeObject | undefined;
    const curPasses = ev.type !== "DELETE" && passesFilter(w, object);
    const oldPasses = previous !== undefined && passesFilter(w, previous);
    let watchEvent: WatchEvent;
    if (curPasses && !oldPasses) watchEvent = { type: "ADDED", object, revision: ev.revision };
    else if (curPasses) watchEvent = { type: "MODIFIED", object, previous, revision: ev.revision };
    else if (oldPasses) watchEvent = { type: "DELETED", object: withResourceVersion(previous!, ev.revision), previous, revision: ev.revision };
    else return 0;
    w.handler(watchEvent);
    return 1;
  }
}

/** The watch's namespace and spec.nodeName filters. */
function passesFilter(w: Watcher, o: KubeObject): boolean {
  return (w.namespace === undefined || o.metadata.namespace === w.namespace) && (w.nodeName === undefined || (o as Pod).spec.nodeName === w.nodeName);
}

/** A deleted object as watchers get it: its last state, at the revision of the delete. */
function withResourceVersion(obj: KubeObject, revision: number): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, resourceVersion: String(revision) } };
}

function getOrInit<K, V>(map: Map<K, V[]>, key: K): V[] {
  let v = map.get(key);
  if (!v) {
    v = [];
    map.set(key, v);
  }
  return v;
}
