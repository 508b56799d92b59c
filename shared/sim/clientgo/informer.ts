// Shared informers: one list+watch per resource, a local cache (the indexer) and
// event handlers. Handlers only enqueue keys; the cache is read-only to everyone.

import type { KubeObject } from "../api/meta.ts";
import { objectKey, type DeepReadonly } from "../api/meta.ts";
import type { ResourceName, ResourceTypes } from "../api/resources.ts";
import type { Client } from "./client.ts";
import type { WatchEvent, WatchHandle } from "../apiserver/types.ts";

export interface ResourceEventHandler<T> {
  onAdd?(obj: DeepReadonly<T>): void;
  onUpdate?(oldObj: DeepReadonly<T>, newObj: DeepReadonly<T>): void;
  /** Receives the last known state of the deleted object. */
  onDelete?(obj: DeepReadonly<T>): void;
}

export type IndexFunc<T> = (obj: DeepReadonly<T>) => readonly string[];

/** A read-only view of an informer's cache (client-go's Lister). */
export interface Lister<T> {
  get(key: string): DeepReadonly<T> | undefined;
  /** All cached objects, in key order. */
  list(): DeepReadonly<T>[];
  byIndex(indexName: string, value: string): DeepReadonly<T>[];
  readonly size: number;
}

export class Informer<R extends ResourceName> implements Lister<ResourceTypes[R]> {
  readonly resource: R;
  readonly #cache = new Map<string, DeepReadonly<ResourceTypes[R]>>();
  readonly #handlers: ResourceEventHandler<ResourceTypes[R]>[] = [];
  readonly #indexers = new Map<string, IndexFunc<ResourceTypes[R]>>();
  readonly #indices = new Map<string, Map<string, Set<string>>>();
  #sortedKeys: string[] | undefined;
  #started = false;
  #watch: WatchHandle | undefined;

  constructor(resource: R) {
    this.resource = resource;
  }

  addEventHandler(handler: ResourceEventHandler<ResourceTypes[R]>): void {
    this.#handlers.push(handler);
    // Late handlers get a synthetic add for what is already cached, as in client-go.
    if (this.#started) for (const obj of this.list()) handler.onAdd?.(obj);
  }

  addIndexer(name: string, fn: IndexFunc<ResourceTypes[R]>): void {
    if (this.#started) throw new Error(`informer for ${this.resource} already started: add indexers first`);
    this.#indexers.set(name, fn);
    this.#indices.set(name, new Map());
  }

  /**
   * Lists, fills the cache, then watches from the list's revision, as the
   * client's user. A component whose own role does not let it list and watch
   * what it needs is a wiring bug, not a game state, so that throws.
   */
  start(client: Client, opts: { namespace?: string; nodeName?: string } = {}): void {
    if (this.#started) return;
    this.#started = true;
    const result = client.list(this.resource, opts.namespace);
    if (!result.ok) throw new Error(`informer for ${this.resource} as ${client.user.name}: ${result.status.message}`);
    const listed = result.object;
    for (const obj of listed.items) {
      if (opts.nodeName !== undefined && (obj as { spec?: { nodeName?: string } }).spec?.nodeName !== opts.nodeName) continue;
      this.#store(obj as DeepReadonly<ResourceTypes[R]>);
      for (const h of this.#handlers) h.onAdd?.(obj as DeepReadonly<ResourceTypes[R]>);
    }
    const watch = client.watch(this.resource, { namespace: opts.namespace, nodeName: opts.nodeName, sinceRevision: Number(listed.resourceVersion) }, (ev) => this.#onEvent(ev, opts.nodeName));
    if (!watch.ok) throw new Error(`informer for ${this.resource} as ${client.user.name}: ${watch.status.message}`);
    this.#watch = watch.object;
  }

  /** Stops watching (its component died); handlers hear nothing more and the cache stays as it was. */
  stop(): void {
    this.#watch?.stop();
    this.#watch = undefined;
  }

  #onEvent(ev: WatchEvent, nodeName: string | undefined): void {
    const obj = ev.object as DeepReadonly<ResourceTypes[R]>;
    const key = objectKey(obj as KubeObject);
    const old = this.#cache.get(key);
    // A node-filtered pod watch sees a pod leave its node as a delete.
    const gone = ev.type === "DELETED" || (nodeName !== undefined && (obj as { spec?: { nodeName?: string } }).spec?.nodeName !== nodeName);
    if (gone) {
      if (!old) return;
      this.#remove(key, old);
      for (const h of this.#handlers) h.onDelete?.(obj);
      return;
    }
    this.#store(obj);
    if (old) for (const h of this.#handlers) h.onUpdate?.(old, obj);
    else for (const h of this.#handlers) h.onAdd?.(obj);
  }

  #store(obj: DeepReadonly<ResourceTypes[R]>): void {
    const key = objectKey(obj as KubeObject);
    const old = this.#cache.get(key);
    if (old) this.#unindex(key, old);
    else this.#sortedKeys = undefined;
    this.#cache.set(key, obj);
    for (const [name, fn] of this.#indexers) {
      const index = this.#indices.get(name)!;
      for (const v of fn(obj)) {
        let set = index.get(v);
        if (!set) index.set(v, (set = new Set()));
        set.add(key);
      }
    }
  }

  #remove(key: string, old: DeepReadonly<ResourceTypes[R]>): void {
    this.#unindex(key, old);
    this.#cache.delete(key);
    this.#sortedKeys = undefined;
  }

  #unindex(key: string, old: DeepReadonly<ResourceTypes[R]>): void {
    for (const [name, fn] of this.#indexers) {
      const index = this.#indices.get(name)!;
      for (const v of fn(old)) {
        const set = index.get(v);
        set?.delete(key);
        if (set?.size === 0) index.delete(v);
      }
    }
  }

  get size(): number {
    return this.#cache.size;
  }

  get(key: string): DeepReadonly<ResourceTypes[R]> | undefined {
    return this.#cache.get(key);
  }

  list(): DeepReadonly<ResourceTypes[R]>[] {
    this.#sortedKeys ??= [...this.#cache.keys()].sort();
    return this.#sortedKeys.map((k) => this.#cache.get(k)!);
  }

  byIndex(indexName: string, value: string): DeepReadonly<ResourceTypes[R]>[] {
    const index = this.#indices.get(indexName);
    if (!index) throw new Error(`no index ${indexName} on ${this.resource}`);
    const keys = [...(index.get(value) ?? [])].sort();
    return keys.map((k) => this.#cache.get(k)!);
  }
}

/** Common indexes. */
export const INDEX_NAMESPACE = "namespace";
export const INDEX_NODE_NAME = "spec.nodeName";
export const INDEX_OWNER_UID = "ownerUID";

export const namespaceIndex: IndexFunc<KubeObject> = (o) => (o.metadata.namespace ? [o.metadata.namespace] : []);
export const ownerUidIndex: IndexFunc<KubeObject> = (o) => (o.metadata.ownerReferences ?? []).map((r) => r.uid);

/**
 * One informer per resource, listing and watching as one client's user. The
 * cluster shares one factory between kube-controller-manager and the scheduler
 * (upstream each has its own): one cache and one watch fan-out per resource is
 * what lets 30,000 pods fit the bench; both identities may list and watch it all.
 */
export class SharedInformerFactory {
  readonly #client: Client;
  // Informers of different resources share one map; informer() restores the type.
  readonly #informers = new Map<ResourceName, { start(client: Client): void }>();

  constructor(client: Client) {
    this.#client = client;
  }

  informer<R extends ResourceName>(resource: R): Informer<R> {
    let inf = this.#informers.get(resource) as Informer<R> | undefined;
    if (!inf) {
      inf = new Informer(resource);
      this.#informers.set(resource, inf);
    }
    return inf;
  }

  /** Starts every informer asked for so far, in resource-name order. */
  start(): void {
    for (const name of [...this.#informers.keys()].sort()) this.#informers.get(name)!.start(this.#client);
  }
}
