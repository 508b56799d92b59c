// The API server: the only component that touches etcd. Every request runs the
// same pipeline as kube-apiserver's generic registry: decode → defaulting →
// mutating admission → validation → validating admission → optimistic
// concurrency against the stored resourceVersion → etcd. Watches are served
// from etcd's history and delivered when the cluster calls dispatchWatches(), so
// writers never see their own events synchronously (as with a real watch).

import type { Binding, DeleteOptions, Pod } from "../api/core-v1.ts";
import { RESOURCES, apiVersionOf, qualifiedResource, type ResourceInfo, type ResourceName, type ResourceTypes } from "../api/resources.ts";
import type { KubeObject, ObjectMeta, Status } from "../api/meta.ts";
import type { EtcdCluster } from "../etcd/etcd.ts";
import { EtcdError, type KeyValue, type MvccEvent } from "../etcd/mvcc.ts";
import type { SimClock } from "../kernel/clock.ts";
import { clone, deepEqual } from "../kernel/equal.ts";
import { generateName, type IdSource } from "../kernel/ids.ts";
import { rfc3339 } from "../kernel/time.ts";
import {
  OPTIMISTIC_LOCK_ERROR_MSG,
  alreadyExists,
  badRequest,
  conflict,
  expired,
  fail,
  field,
  invalid,
  notFound,
  ok,
  serviceUnavailable,
  type ApiResult,
  type FieldError,
} from "./errors.ts";
import { applyMergePatch } from "./merge-patch.ts";
import type {
  AdmissionAttributes,
  AdmissionOperation,
  AdmissionPlugin,
  ApiRequest,
  Strategy,
  StrategyContext,
  UserInfo,
  WatchEvent,
  WatchHandle,
  WatchOptions,
} from "./types.ts";
import { validateObjectMeta } from "./validation/object-meta.ts";

export interface ListResult<T> {
  readonly items: readonly T[];
  readonly resourceVersion: string;
}

export interface ListOptions {
  readonly labelSelector?: (labels: Readonly<Record<string, string>>) => boolean;
}

interface Watcher {
  readonly resource: ResourceName;
  readonly namespace?: string;
  readonly nodeName?: string;
  readonly sinceRevision: number;
  readonly handler: (ev: WatchEvent) => void;
  stopped: boolean;
}

export interface ApiServerDeps {
  readonly etcd: EtcdCluster;
  readonly clock: SimClock;
  readonly ids: IdSource;
  readonly epochMs: number;
  readonly strategies: { readonly [R in ResourceName]: Strategy<ResourceTypes[R]> };
  readonly admission: readonly AdmissionPlugin[];
}

/** etcd key prefix per resource; nodes live under "minions", as in kube-apiserver. */
const KEY_SEGMENT: Record<ResourceName, string> = {
  namespaces: "namespaces",
  nodes: "minions",
  pods: "pods",
  events: "events",
  deployments: "deployments",
  replicasets: "replicasets",
  leases: "leases",
};
const RESOURCE_BY_SEGMENT = new Map(Object.entries(KEY_SEGMENT).map(([r, s]) => [s, r as ResourceName]));

export class ApiServer {
  readonly #deps: ApiServerDeps;
  readonly #watchers = new Map<ResourceName, Watcher[]>();
  /** Pod watchers by spec.nodeName, so a node's kubelet only sees its own pods. */
  readonly #podWatchersByNode = new Map<string, Watcher[]>();
  #dispatchedRevision: number;
  /** Requests served, by verb; read by benchmarks and the debrief. */
  readonly requestCounts: Record<string, number> = {};

  constructor(deps: ApiServerDeps) {
    this.#deps = deps;
    this.#dispatchedRevision = deps.etcd.store.revision;
  }

  get revision(): number {
    return this.#deps.etcd.store.revision;
  }

  #now(): string {
    return rfc3339(this.#deps.epochMs, this.#deps.clock.now);
  }

  #ctx(): StrategyContext {
    return { now: this.#now() };
  }

  #count(verb: string): void {
    this.requestCounts[verb] = (this.requestCounts[verb] ?? 0) + 1;
  }

  static key(resource: ResourceName, namespace: string | undefined, name: string): string {
    const info: ResourceInfo = RESOURCES[resource];
    return info.namespaced ? `/registry/${KEY_SEGMENT[resource]}/${namespace}/${name}` : `/registry/${KEY_SEGMENT[resource]}/${name}`;
  }

  static prefix(resource: ResourceName, namespace?: string): string {
    const info: ResourceInfo = RESOURCES[resource];
    return info.namespaced && namespace ? `/registry/${KEY_SEGMENT[resource]}/${namespace}/` : `/registry/${KEY_SEGMENT[resource]}/`;
  }

  // --- the generic entry point the action log replays ------------------------

  request(user: UserInfo, req: ApiRequest): ApiResult<KubeObject> {
    switch (req.verb) {
      case "create":
        return this.create(user, req.resource, req.namespace, req.body);
      case "update":
        return this.update(user, req.resource, req.namespace, req.body, req.subresource);
      case "patch":
        return this.patch(user, req.resource, req.namespace, req.name, req.patch, req.subresource);
      case "delete":
        return this.delete(user, req.resource, req.namespace, req.name, req.options);
      case "bind":
        return this.bind(user, req.namespace, req.name, req.node);
      case "evict":
        return this.evict(user, req.namespace, req.name, req.options);
    }
  }

  // --- reads -------------------------------------------------------------------

  get<R extends ResourceName>(resource: R, namespace: string | undefined, name: string): ApiResult<ResourceTypes[R]> {
    this.#count("get");
    const kv = this.#deps.etcd.store.get(ApiServer.key(resource, namespace, name));
    if (!kv) return fail(notFound(RESOURCES[resource], name));
    return ok(kv.value as ResourceTypes[R]);
  }

  /** Lists a resource in one namespace, or across all when namespace is undefined. */
  list<R extends ResourceName>(resource: R, namespace?: string, opts: ListOptions = {}): ListResult<ResourceTypes[R]> {
    this.#count("list");
    const { kvs, revision } = this.#deps.etcd.store.range(ApiServer.prefix(resource, namespace));
    const items: ResourceTypes[R][] = [];
    for (const kv of kvs) {
      const obj = kv.value as ResourceTypes[R];
      if (opts.labelSelector && !opts.labelSelector(obj.metadata.labels ?? {})) continue;
      items.push(obj);
    }
    return { items, resourceVersion: String(revision) };
  }

  // --- writes ------------------------------------------------------------------

  create<R extends ResourceName>(user: UserInfo, resource: R, namespace: string | undefined, body: KubeObject): ApiResult<ResourceTypes[R]> {
    this.#count("create");
    const strategy = this.#deps.strategies[resource] as unknown as Strategy;
    const info: ResourceInfo = strategy.info;
    const obj = clone(body) as KubeObject;
    const typeErr = checkTypeMeta(info, obj);
    if (typeErr) return fail(typeErr);
    obj.metadata ??= {};
    const meta = obj.metadata;
    const nsResult = this.#resolveNamespace(info, namespace, meta);
    if (typeof nsResult !== "string") return fail(nsResult);
    if (!meta.name && meta.generateName) meta.name = generateName(this.#deps.ids, meta.generateName);
    const name = meta.name ?? "";

    // Fields only the server sets.
    meta.uid = this.#deps.ids.uid();
    meta.creationTimestamp = this.#now();
    meta.generation = 1;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;

    strategy.applyDefaults(obj);
    strategy.prepareForCreate(obj, this.#ctx());
    const attrs = this.#attrs("CREATE", info, nsResult, name, user, obj);
    const admitErr = this.#admit(attrs);
    if (admitErr) return fail(admitErr);
    const errs = [...validateObjectMeta(info, meta), ...strategy.validate(obj)];
    if (errs.length > 0) return fail(invalid(info, name, errs));
    const valErr = this.#validateAdmission(attrs);
    if (valErr) return fail(valErr);
    if (!this.#deps.etcd.hasQuorum()) return fail(etcdUnavailable());

    const key = ApiServer.key(resource, nsResult, name);
    if (this.#deps.etcd.store.get(key)) return fail(alreadyExists(info, name));
    return ok(this.#put(key, obj) as ResourceTypes[R]);
  }

  update<R extends ResourceName>(
    user: UserInfo,
    resource: R,
    namespace: string | undefined,
    body: KubeObject,
    subresource?: "status",
  ): ApiResult<ResourceTypes[R]> {
    this.#count(subresource ? "update/status" : "update");
    const strategy = this.#deps.strategies[resource] as unknown as Strategy;
    const info: ResourceInfo = strategy.info;
    const typeErr = checkTypeMeta(info, body);
    if (typeErr) return fail(typeErr);
    const name = body.metadata?.name ?? "";
    if (name === "") return fail(badRequest("name is required"));
    const ns = info.namespaced ? (namespace ?? body.metadata.namespace ?? "default") : undefined;
    if (info.namespaced && body.metadata.namespace && body.metadata.namespace !== ns) {
      return fail(badRequest("the namespace of the provided object does not match the namespace sent on the request"));
    }
    const key = ApiServer.key(resource, ns, name);
    const current = this.#deps.etcd.store.get(key);
    if (!current) return fail(notFound(info, name));
    const old = current.value as KubeObject;
    const rv = body.metadata.resourceVersion;
    if (rv !== undefined && rv !== "" && rv !== String(current.modRevision)) {
      return fail(conflict(qualifiedResource(info), name, OPTIMISTIC_LOCK_ERROR_MSG, info));
    }
    const obj = this.#mergeForUpdate(strategy, clone(body), old, subresource);
    return this.#finishUpdate(user, resource, strategy, key, obj, old, subresource) as ApiResult<ResourceTypes[R]>;
  }

  patch<R extends ResourceName>(
    user: UserInfo,
    resource: R,
    namespace: string | undefined,
    name: string,
    patch: Record<string, unknown>,
    subresource?: "status",
  ): ApiResult<ResourceTypes[R]> {
    this.#count(subresource ? "patch/status" : "patch");
    const strategy = this.#deps.strategies[resource] as unknown as Strategy;
    const info: ResourceInfo = strategy.info;
    const ns = info.namespaced ? (namespace ?? "default") : undefined;
    const key = ApiServer.key(resource, ns, name);
    const current = this.#deps.etcd.store.get(key);
    if (!current) return fail(notFound(info, name));
    const old = current.value as KubeObject;
    const patched = applyMergePatch(clone(old), patch) as KubeObject;
    if (typeof patched !== "object" || patched === null || Array.isArray(patched)) return fail(badRequest("patch must produce an object"));
    const rv = (patch.metadata as ObjectMeta | undefined)?.resourceVersion;
    if (rv !== undefined && rv !== String(current.modRevision)) {
      return fail(conflict(qualifiedResource(info), name, OPTIMISTIC_LOCK_ERROR_MSG, info));
    }
    patched.metadata ??= {};
    if (patched.metadata.name !== name) return fail(badRequest(`the name of the object (${patched.metadata.name}) does not match the name on the URL (${name})`));
    const obj = this.#mergeForUpdate(strategy, patched, old, subresource);
    return this.#finishUpdate(user, resource, strategy, key, obj, old, subresource) as ApiResult<ResourceTypes[R]>;
  }

  delete<R extends ResourceName>(
    user: UserInfo,
    resource: R,
    namespace: string | undefined,
    name: string,
    options: DeleteOptions = {},
  ): ApiResult<ResourceTypes[R]> {
    this.#count("delete");
    const strategy = this.#deps.strategies[resource] as unknown as Strategy;
    const info: ResourceInfo = strategy.info;
    const ns = info.namespaced ? (namespace ?? "default") : undefined;
    const key = ApiServer.key(resource, ns, name);
    const current = this.#deps.etcd.store.get(key);
    if (!current) return fail(notFound(info, name));
    const old = current.value as KubeObject;
    const pre = options.preconditions;
    if (pre?.uid !== undefined && pre.uid !== old.metadata.uid) {
      return fail(conflict(qualifiedResource(info), name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`, info));
    }
    if (pre?.resourceVersion !== undefined && pre.resourceVersion !== String(current.modRevision)) {
      return fail(conflict(qualifiedResource(info), name, OPTIMISTIC_LOCK_ERROR_MSG, info));
    }
    const attrs = this.#attrs("DELETE", info, ns ?? "", name, user, undefined, old);
    const admitErr = this.#admit(attrs) ?? this.#validateAdmission(attrs);
    if (admitErr) return fail(admitErr);
    if (!this.#deps.etcd.hasQuorum()) return fail(etcdUnavailable());

    // Graceful deletion (rest.BeforeDelete): a grace period or finalizers keep the
    // object, marked with deletionTimestamp, until its owner of cleanup is done.
    let grace = options.gracePeriodSeconds ?? strategy.defaultGracePeriodSeconds?.(old) ?? 0;
    if (strategy.deletesImmediately?.(old)) grace = 0;
    const policy = options.propagationPolicy;
    const finalizers = [...(old.metadata.finalizers ?? [])];
    if (policy === "Foreground" && !finalizers.includes("foregroundDeletion")) finalizers.push("foregroundDeletion");
    if (policy === "Orphan" && !finalizers.includes("orphan")) finalizers.push("orphan");

    const alreadyDeleting = old.metadata.deletionTimestamp !== undefined;
    if (finalizers.length === 0 && grace === 0) {
      this.#deps.etcd.store.delete(key);
      return ok(old as ResourceTypes[R]);
    }
    if (alreadyDeleting) {
      // A second delete may only shorten the grace period (and finish it at 0).
      const prevGrace = old.metadata.deletionGracePeriodSeconds ?? 0;
      if (grace >= prevGrace && deepEqual(finalizers, old.metadata.finalizers ?? [])) return ok(old as ResourceTypes[R]);
      if (grace === 0 && finalizers.length === 0) {
        this.#deps.etcd.store.delete(key);
        return ok(old as ResourceTypes[R]);
      }
    }
    const obj = clone(old);
    obj.metadata.finalizers = finalizers.length > 0 ? finalizers : undefined;
    if (!alreadyDeleting || grace < (old.metadata.deletionGracePeriodSeconds ?? 0)) {
      obj.metadata.deletionTimestamp = rfc3339(this.#deps.epochMs, this.#deps.clock.now + grace * 1000);
      obj.metadata.deletionGracePeriodSeconds = grace;
    }
    // Real kube-apiserver bumps generation when deletionTimestamp is first set.
    if (!alreadyDeleting) obj.metadata.generation = (obj.metadata.generation ?? 0) + 1;
    return ok(this.#put(key, obj) as ResourceTypes[R]);
  }

  /** POST pods/NAME/binding: the scheduler's (and a player's drag's) way to place a pod. */
  bind(user: UserInfo, namespace: string, name: string, nodeName: string): ApiResult<Pod> {
    this.#count("create/binding");
    const info = RESOURCES.pods;
    const key = ApiServer.key("pods", namespace, name);
    const current = this.#deps.etcd.store.get(key);
    if (!current) return fail(notFound(info, name));
    const pod = current.value as Pod;
    const binding: Binding = { apiVersion: "v1", kind: "Binding", metadata: { name, namespace }, target: { kind: "Node", name: nodeName } };
    const attrs = this.#attrs("CREATE", info, namespace, name, user, binding, undefined, "binding");
    const admitErr = this.#admit(attrs) ?? this.#validateAdmission(attrs);
    if (admitErr) return fail(admitErr);
    if (nodeName === "") return fail(invalid({ kind: "Binding", group: "" }, name, [field.required("target.name")]));
    if (pod.metadata.deletionTimestamp !== undefined) {
      return fail(conflict("pods/binding", name, `pod ${name} is being deleted, cannot be assigned to a host`, info));
    }
    if (pod.spec.nodeName) {
      return fail(conflict("pods/binding", name, `pod ${name} is already assigned to node ${JSON.stringify(pod.spec.nodeName)}`, info));
    }
    if (!this.#deps.etcd.hasQuorum()) return fail(etcdUnavailable());
    const obj = clone(pod);
    obj.spec.nodeName = nodeName;
    obj.status ??= {};
    const conditions = (obj.status.conditions ??= []).filter((c) => c.type !== "PodScheduled");
    conditions.unshift({ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime: this.#now() });
    obj.status.conditions = conditions;
    return ok(this.#put(key, obj) as Pod);
  }

  /** POST pods/NAME/eviction: a graceful delete that disruption budgets may refuse. */
  evict(user: UserInfo, namespace: string, name: string, options?: DeleteOptions): ApiResult<Pod> {
    this.#count("create/eviction");
    const info = RESOURCES.pods;
    const current = this.#deps.etcd.store.get(ApiServer.key("pods", namespace, name));
    if (!current) return fail(notFound(info, name));
    const attrs = this.#attrs("CREATE", info, namespace, name, user, current.value as KubeObject, undefined, "eviction");
    const admitErr = this.#admit(attrs) ?? this.#validateAdmission(attrs);
    if (admitErr) return fail(admitErr);
    // No PodDisruptionBudgets exist yet, so every eviction is allowed.
    return this.delete(user, "pods", namespace, name, options ?? {}) as ApiResult<Pod>;
  }

  // --- watches -----------------------------------------------------------------

  watch(resource: ResourceName, opts: WatchOptions, handler: (ev: WatchEvent) => void): WatchHandle {
    if (opts.sinceRevision < this.#deps.etcd.store.compactRevision) throw new EtcdError(expired(`too old resource version: ${opts.sinceRevision} (${this.#deps.etcd.store.compactRevision})`).message);
    const w: Watcher = { resource, namespace: opts.namespace, nodeName: opts.nodeName, sinceRevision: opts.sinceRevision, handler, stopped: false };
    const list = resource === "pods" && opts.nodeName !== undefined ? getOrInit(this.#podWatchersByNode, opts.nodeName) : getOrInit(this.#watchers, resource);
    list.push(w);
    return {
      stop: () => {
        w.stopped = true;
        const i = list.indexOf(w);
        if (i >= 0) list.splice(i, 1);
      },
    };
  }

  /** Whether writes are waiting to be delivered to watchers. */
  hasPendingWatchEvents(): boolean {
    return this.#dispatchedRevision < this.#deps.etcd.store.revision;
  }

  /**
   * Delivers every write since the last call to its watchers, in revision order
   * and, per revision, in the order the watches were opened. Handlers may write;
   * their events are delivered in the same call.
   */
  dispatchWatches(): number {
    const store = this.#deps.etcd.store;
    let delivered = 0;
    while (this.#dispatchedRevision < store.revision) {
      const rev = ++this.#dispatchedRevision;
      const ev = store.eventAt(rev);
      if (ev) delivered += this.#deliver(ev);
    }
    return delivered;
  }

  #deliver(ev: MvccEvent): number {
    const segEnd = ev.kv.key.indexOf("/", 10);
    const resource = RESOURCE_BY_SEGMENT.get(ev.kv.key.slice(10, segEnd));
    if (resource === undefined) return 0;
    const object = ev.kv.value as KubeObject;
    const previous = ev.prevKv?.value as KubeObject | undefined;
    const type = ev.type === "DELETE" ? "DELETED" : previous ? "MODIFIED" : "ADDED";
    const watchEvent: WatchEvent = { type, object, previous, revision: ev.revision };
    let n = 0;
    const ns = object.metadata.namespace;
    const all = this.#watchers.get(resource);
    if (all) {
      for (const w of [...all]) {
        if (w.stopped || ev.revision <= w.sinceRevision || (w.namespace !== undefined && w.namespace !== ns)) continue;
        w.handler(watchEvent);
        n++;
      }
    }
    if (resource === "pods") {
      const nodes = new Set<string>();
      const now = (object as Pod).spec.nodeName;
      const before = (previous as Pod | undefined)?.spec.nodeName;
      if (now) nodes.add(now);
      if (before) nodes.add(before);
      for (const node of nodes) {
        for (const w of [...(this.#podWatchersByNode.get(node) ?? [])]) {
          if (w.stopped || ev.revision <= w.sinceRevision) continue;
          w.handler(watchEvent);
          n++;
        }
      }
    }
    return n;
  }

  // --- internals ---------------------------------------------------------------

  #resolveNamespace(info: ResourceInfo, namespace: string | undefined, meta: ObjectMeta): string | Status {
    if (!info.namespaced) {
      delete meta.namespace;
      return "";
    }
    const ns = namespace ?? meta.namespace ?? "default";
    if (meta.namespace && meta.namespace !== ns) {
      return badRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
    meta.namespace = ns;
    return ns;
  }

  /** Keeps what the verb may not change: status on main updates, everything else on status updates. */
  #mergeForUpdate(strategy: Strategy, obj: KubeObject, old: KubeObject, subresource?: "status"): KubeObject {
    const meta = obj.metadata;
    // Immutable and server-owned metadata always comes from the stored object.
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    meta.namespace = old.metadata.namespace;
    meta.deletionTimestamp = old.metadata.deletionTimestamp;
    meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    meta.generation = old.metadata.generation;
    if (meta.deletionTimestamp === undefined) delete meta.deletionTimestamp;
    if (meta.deletionGracePeriodSeconds === undefined) delete meta.deletionGracePeriodSeconds;
    if (!strategy.hasStatus) return obj;
    const o = obj as KubeObject & { status?: unknown; spec?: unknown };
    const prev = old as KubeObject & { status?: unknown; spec?: unknown };
    if (subresource === "status") {
      const status = o.status;
      const merged = clone(prev);
      merged.metadata.resourceVersion = o.metadata.resourceVersion;
      merged.status = status;
      return merged;
    }
    o.status = clone(prev.status);
    if (o.status === undefined) delete o.status;
    return o;
  }

  #finishUpdate(
    user: UserInfo,
    resource: ResourceName,
    strategy: Strategy,
    key: string,
    obj: KubeObject,
    old: KubeObject,
    subresource?: "status",
  ): ApiResult<KubeObject> {
    const info = strategy.info;
    const name = old.metadata.name!;
    strategy.applyDefaults(obj);
    strategy.prepareForUpdate?.(obj, old);
    // generation counts spec changes only.
    const spec = (obj as { spec?: unknown }).spec;
    const oldSpec = (old as { spec?: unknown }).spec;
    if (!deepEqual(spec, oldSpec)) obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
    const attrs = this.#attrs("UPDATE", info, old.metadata.namespace ?? "", name, user, obj, old, subresource);
    const admitErr = this.#admit(attrs);
    if (admitErr) return fail(admitErr);
    const errs: FieldError[] = [...validateObjectMeta(info, obj.metadata), ...strategy.validate(obj), ...(strategy.validateUpdate?.(obj, old) ?? [])];
    if (errs.length > 0) return fail(invalid(info, name, errs));
    const valErr = this.#validateAdmission(attrs);
    if (valErr) return fail(valErr);
    if (!this.#deps.etcd.hasQuorum()) return fail(etcdUnavailable());

    // A deleted object whose last finalizer is gone, and whose grace is over, goes.
    const finalizersLeft = (obj.metadata.finalizers?.length ?? 0) > 0;
    if (obj.metadata.deletionTimestamp !== undefined && !finalizersLeft && (obj.metadata.deletionGracePeriodSeconds ?? 0) === 0) {
      this.#deps.etcd.store.delete(key);
      return ok(obj);
    }
    if (obj.metadata.finalizers?.length === 0) delete obj.metadata.finalizers;
    // A write that changes nothing is not written: no new resourceVersion, no event.
    const { resourceVersion: _rv, ...metaNoRv } = obj.metadata;
    const { resourceVersion: _orv, ...oldMetaNoRv } = old.metadata;
    if (deepEqual(metaNoRv, oldMetaNoRv) && deepEqual({ ...obj, metadata: undefined }, { ...old, metadata: undefined })) return ok(old);
    void resource;
    return ok(this.#put(key, obj));
  }

  #put(key: string, obj: KubeObject): KubeObject {
    // resourceVersion is the revision this write will get: etcd's next one.
    obj.metadata.resourceVersion = String(this.#deps.etcd.store.revision + 1);
    const { kv } = this.#deps.etcd.store.put(key, obj);
    void (kv satisfies KeyValue);
    return obj;
  }

  #attrs(
    operation: AdmissionOperation,
    info: ResourceInfo,
    namespace: string,
    name: string,
    user: UserInfo,
    object?: KubeObject,
    oldObject?: KubeObject,
    subresource?: string,
  ): AdmissionAttributes {
    return { operation, info, namespace, name, user, object, oldObject, subresource };
  }

  #admit(attrs: AdmissionAttributes): Status | undefined {
    for (const p of this.#deps.admission) {
      const err = p.admit?.(attrs);
      if (err) return err;
    }
    return undefined;
  }

  #validateAdmission(attrs: AdmissionAttributes): Status | undefined {
    for (const p of this.#deps.admission) {
      const err = p.validate?.(attrs);
      if (err) return err;
    }
    return undefined;
  }
}

function checkTypeMeta(info: ResourceInfo, obj: KubeObject): Status | undefined {
  if (obj === null || typeof obj !== "object") return badRequest("Object 'Kind' is missing in request body");
  const apiVersion = apiVersionOf(info);
  if (obj.kind !== undefined && obj.kind !== info.kind) {
    return badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersion})`);
  }
  if (obj.apiVersion !== undefined && obj.apiVersion !== apiVersion) {
    return badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${apiVersion})`);
  }
  (obj as { apiVersion: string }).apiVersion = apiVersion;
  (obj as { kind: string }).kind = info.kind;
  return undefined;
}

function etcdUnavailable(): Status {
  return serviceUnavailable("etcdserver: request timed out");
}

function getOrInit<K, V>(map: Map<K, V[]>, key: K): V[] {
  let v = map.get(key);
  if (!v) {
    v = [];
    map.set(key, v);
  }
  return v;
}
