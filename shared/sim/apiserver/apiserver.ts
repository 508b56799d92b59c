// The API server: the only component that touches etcd. Every request runs the
// same pipeline as kube-apiserver's generic registry: decode → defaulting →
// mutating admission → validation → validating admission → optimistic
// concurrency against the stored resourceVersion → etcd, through etcd's client
// interface alone (storage.ts). Watches are served from an etcd watch and
// delivered when the cluster calls dispatchWatches(), so writers never see their
// own events synchronously (watch-cache.ts). Keys follow kube-apiserver's layout
// (keys.ts); the compactor trims etcd's history (compactor.ts).

import type { Binding, DeleteOptions, Node, Pod } from "../api/core-v1.ts";
import { RESOURCES, apiVersionOf, qualifiedResource, type ResourceInfo, type ResourceName, type ResourceTypes } from "../api/resources.ts";
import type { KubeObject, ObjectMeta, Status } from "../api/meta.ts";
import type { EtcdClient, KeyValue } from "../etcd/kv.ts";
import type { SimClock } from "../kernel/clock.ts";
import { clone, deepEqual } from "../kernel/equal.ts";
import { generateName, type IdSource } from "../kernel/ids.ts";
import { parseTime, rfc3339 } from "../kernel/time.ts";
import {
  OPTIMISTIC_LOCK_ERROR_MSG,
  alreadyExists,
  badRequest,
  conflict,
  fail,
  field,
  invalid,
  notFound,
  ok,
  type ApiResult,
  type FieldError,
} from "./errors.ts";
import { decodeBody, decodePatched, type Decoded } from "./decoding/decode.ts";
import { applyMergePatch } from "./merge-patch.ts";
import { podLogs, type ContainerLogProvider, type PodLogOptions } from "./pod-logs.ts";
import type {
  AdmissionAttributes,
  AdmissionOperation,
  AdmissionPlugin,
  ApiRequest,
  FieldValidation,
  Strategy,
  StrategyContext,
  UpdateSubresource,
  UserInfo,
  WatchEvent,
  WatchHandle,
  WatchOptions,
} from "./types.ts";
import { validateObjectMeta } from "./validation/object-meta.ts";
import { isRbacKey, storageKey, storagePrefix } from "./keys.ts";
import type { Authorizer } from "./authorization/authorizer.ts";
import { newHandlerChain, type FilterResult } from "./filters/chain.ts";
import type { Impersonation } from "./filters/impersonation.ts";
import { resourceRequest, type RequestInfo } from "./filters/request-info.ts";
import {
  accessReview,
  rulesReview,
  whoAmI,
  type SelfSubjectAccessReviewSpec,
  type SelfSubjectAccessReviewStatus,
  type SelfSubjectReviewStatus,
  type SubjectRulesReviewStatus,
} from "./reviews.ts";
import { WatchCache } from "./watch-cache.ts";
import { startCompactor } from "./compactor.ts";
import { Etcd3Storage, type StorageResult } from "./storage.ts";
import { getScale, patchScale, updateScale, type ScaleStore } from "./scale.ts";
import type { Scale } from "../api/autoscaling-v1.ts";

export interface ListResult<T> {
  readonly items: readonly T[];
  readonly resourceVersion: string;
}

/** What a read carries besides its target: whom the caller acts as (kubectl --as). */
export interface ReadOptions {
  readonly impersonate?: Impersonation;
}

export interface ListOptions extends ReadOptions {
  readonly labelSelector?: (labels: Readonly<Record<string, string>>) => boolean;
}

export interface ApiServerDeps {
  readonly etcd: EtcdClient;
  readonly clock: SimClock;
  readonly ids: IdSource;
  readonly epochMs: number;
  readonly strategies: { readonly [R in ResourceName]: Strategy<ResourceTypes[R]> };
  readonly admission: readonly AdmissionPlugin[];
  /** Decides every request (new-apiserver.ts: system:masters, then Node, then RBAC). */
  readonly authorizer: Authorizer;
  /** RBAC's policy-based storage: writing a role or binding may not grant what the writer lacks. */
  readonly escalationCheck?: (attrs: AdmissionAttributes) => Status | undefined;
}

const PROTOBUF = "application/vnd.kubernetes.protobuf";

/** The review resources: created, answered, never stored. */
const AUTHORIZATION_REVIEWS = {
  selfsubjectaccessreviews: { group: "authorization.k8s.io", version: "v1", resource: "selfsubjectaccessreviews" },
  selfsubjectrulesreviews: { group: "authorization.k8s.io", version: "v1", resource: "selfsubjectrulesreviews" },
  selfsubjectreviews: { group: "authentication.k8s.io", version: "v1", resource: "selfsubjectreviews" },
} as const;

/** metav1.FinalizerOrphanDependents and FinalizerDeleteDependents. */
export const ORPHAN_FINALIZER = "orphan";
export const FOREGROUND_FINALIZER = "foregroundDeletion";

export class ApiServer {
  readonly #deps: ApiServerDeps;
  readonly #storage: Etcd3Storage;
  readonly #watchCache: WatchCache;
  /** Requests served, by verb; read by benchmarks and the debrief. */
  readonly requestCounts: Record<string, number> = {};
  /** Requests the front door refused (403), by the credentials' user name. */
  readonly refusals: Record<string, number> = {};
  /** Each node's kubelet, which serves its containers' logs (pods/log). */
  readonly #logProviders = new Map<string, ContainerLogProvider>();
  /** Set while a dry-run request is served. */
  #dryRun = false;
  /** Set while a protobuf-encoded request (a control-plane component's) is served: nothing to decode strictly. */
  #protobuf = false;
  /** The fieldValidation of the request being served; Warn when it names none. */
  #fieldValidation: FieldValidation = "Warn";
  /** The warnings the request being served has added (warning.AddWarning), answered with it. */
  #warnings: string[] = [];
  readonly #chain: ReturnType<typeof newHandlerChain>;
  #rbacGeneration = 0;

  constructor(deps: ApiServerDeps) {
    this.#deps = deps;
    this.#storage = new Etcd3Storage(deps.etcd);
    this.#watchCache = new WatchCache(deps.etcd);
    startCompactor(deps.etcd, deps.clock);
    this.#chain = newHandlerChain(deps.authorizer);
  }

  /** Bumped by every write to an RBAC object: the RBAC authorizer's rule cache is keyed on it. */
  get rbacGeneration(): number {
    return this.#rbacGeneration;
  }

  get revision(): number {
    return this.#storage.revision;
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
    return storageKey(resource, namespace, name);
  }

  static prefix(resource: ResourceName, namespace?: string): string {
    return storagePrefix(resource, namespace);
  }

  // --- the generic entry point the action log replays ------------------------

  /**
   * Every mutating request enters here and walks the front door first
   * (authentication → impersonation → authorization), then its handler:
   * decoding → defaulting → mutating admission → validation → validating
   * admission → storage. dryRun=All runs it all but storage (#put, #remove).
   */
  request(credentials: UserInfo, req: ApiRequest): ApiResult<KubeObject> {
    const door = this.#frontDoor(credentials, req.impersonate, this.#requestInfo(req));
    if (!door.ok) return fail(door.status);
    this.#dryRun = req.dryRun === true;
    this.#protobuf = req.contentType === PROTOBUF;
    this.#fieldValidation = req.fieldValidation ?? "Warn";
    this.#warnings = [];
    try {
      const r = this.#serve(door.user, req);
      return this.#warnings.length === 0 ? r : { ...r, warnings: this.#warnings };
    } finally {
      this.#dryRun = false;
      this.#protobuf = false;
      this.#fieldValidation = "Warn";
      this.#warnings = [];
    }
  }

  #serve(user: UserInfo, req: ApiRequest): ApiResult<KubeObject> {
    switch (req.verb) {
      case "create":
        return this.#create(user, req.resource, req.namespace, req.body);
      case "update":
        if (req.subresource === "scale") return updateScale(this.#scaleStore, user, req.resource, req.namespace, req.body);
        return this.#update(user, req.resource, req.namespace, req.body, req.subresource);
      case "patch":
        if (req.subresource === "scale") return patchScale(this.#scaleStore, user, req.resource, req.namespace, req.name, req.patch);
        return this.#patch(user, req.resource, req.namespace, req.name, req.patch, req.subresource);
      case "delete":
        return this.#delete(user, req.resource, req.namespace, req.name, req.options);
      case "deletecollection":
        return this.#deleteCollection(user, req.resource, req.namespace, req.options);
      case "bind":
        return this.#bind(user, req.namespace, req.name, req.node);
      case "evict":
        return this.#evict(user, req.namespace, req.name, req.options);
    }
  }

  /** The attributes a write is authorized on (RequestInfo): a create names no object; subresources are bindings and evictions. */
  #requestInfo(req: ApiRequest): RequestInfo {
    switch (req.verb) {
      case "create": {
        const info: ResourceInfo = RESOURCES[req.resource];
        return resourceRequest("create", info, info.namespaced ? (req.namespace ?? req.body?.metadata?.namespace ?? "default") : "");
      }
      case "update": {
        const info: ResourceInfo = RESOURCES[req.resource];
        const ns = info.namespaced ? (req.namespace ?? req.body?.metadata?.namespace ?? "default") : "";
        return resourceRequest("update", info, ns, req.body?.metadata?.name ?? "", req.subresource ?? "");
      }
      case "patch":
      case "delete": {
        const info: ResourceInfo = RESOURCES[req.resource];
        const sub = req.verb === "patch" ? (req.subresource ?? "") : "";
        return resourceRequest(req.verb, info, info.namespaced ? (req.namespace ?? "default") : "", req.name, sub);
      }
      case "deletecollection": {
        const info: ResourceInfo = RESOURCES[req.resource];
        return resourceRequest("deletecollection", info, info.namespaced ? (req.namespace ?? "default") : "");
      }
      case "bind":
        return resourceRequest("create", RESOURCES.pods, req.namespace, req.name, "binding");
      case "evict":
        return resourceRequest("create", RESOURCES.pods, req.namespace, req.name, "eviction");
    }
  }

  #frontDoor(credentials: UserInfo, impersonate: Impersonation | undefined, info: RequestInfo): FilterResult {
    const r = this.#chain(credentials, impersonate, info);
    if (!r.ok && r.status.code === 403) this.refusals[credentials.name] = (this.refusals[credentials.name] ?? 0) + 1;
    return r;
  }

  // --- typed verbs: each is a request through the same door ------------------

  create<R extends ResourceName>(user: UserInfo, resource: R, namespace: string | undefined, body: KubeObject): ApiResult<ResourceTypes[R]> {
    return this.request(user, { verb: "create", resource, namespace, body }) as ApiResult<ResourceTypes[R]>;
  }

  update<R extends ResourceName>(user: UserInfo, resource: R, namespace: string | undefined, body: KubeObject, subresource?: UpdateSubresource): ApiResult<ResourceTypes[R]> {
    return this.request(user, { verb: "update", resource, namespace, body, subresource }) as ApiResult<ResourceTypes[R]>;
  }

  patch<R extends ResourceName>(
    user: UserInfo,
    resource: R,
    namespace: string | undefined,
    name: string,
    patch: Record<string, unknown>,
    subresource?: "status",
  ): ApiResult<ResourceTypes[R]> {
    return this.request(user, { verb: "patch", resource, namespace, name, patch, subresource }) as ApiResult<ResourceTypes[R]>;
  }

  delete<R extends ResourceName>(user: UserInfo, resource: R, namespace: string | undefined, name: string, options?: DeleteOptions): ApiResult<ResourceTypes[R]> {
    return this.request(user, { verb: "delete", resource, namespace, name, options }) as ApiResult<ResourceTypes[R]>;
  }

  bind(user: UserInfo, namespace: string, name: string, node: string): ApiResult<Pod> {
    return this.request(user, { verb: "bind", namespace, name, node }) as ApiResult<Pod>;
  }

  evict(user: UserInfo, namespace: string, name: string, options?: DeleteOptions): ApiResult<Pod> {
    return this.request(user, { verb: "evict", namespace, name, options }) as ApiResult<Pod>;
  }

  // --- reads -------------------------------------------------------------------

  get<R extends ResourceName>(credentials: UserInfo, resource: R, namespace: string | undefined, name: string, opts: ReadOptions = {}): ApiResult<ResourceTypes[R]> {
    this.#count("get");
    const ns = RESOURCES[resource].namespaced ? (namespace ?? "default") : undefined;
    const door = this.#frontDoor(credentials, opts.impersonate, resourceRequest("get", RESOURCES[resource], ns ?? "", name));
    if (!door.ok) return fail(door.status);
    const kv = this.#read(ApiServer.key(resource, ns, name), RESOURCES[resource], name);
    return kv.ok ? ok(kv.object.value as ResourceTypes[R]) : kv;
  }

  /** GET deployments/NAME/scale (and replicasets): scale.ts. */
  getScale(credentials: UserInfo, resource: ResourceName, namespace: string | undefined, name: string, opts: ReadOptions = {}): ApiResult<Scale> {
    this.#count("get/scale");
    const info: ResourceInfo = RESOURCES[resource];
    const door = this.#frontDoor(credentials, opts.impersonate, resourceRequest("get", info, info.namespaced ? (namespace ?? "default") : "", name, "scale"));
    if (!door.ok) return fail(door.status);
    return getScale(this.#scaleStore, resource, namespace, name);
  }

  /** What the scale subresource reaches once the front door has authorized it on "scale": the stored parent and its update handler. */
  readonly #scaleStore: ScaleStore = {
    stored: (resource, namespace, name) => {
      const kv = this.#read(ApiServer.key(resource, RESOURCES[resource].namespaced ? (namespace ?? "default") : undefined, name), RESOURCES[resource], name);
      return kv.ok ? ok(kv.object.value as KubeObject) : kv;
    },
    update: (user, resource, namespace, body) => this.#update(user, resource, namespace, body),
  };

  /** GET pods/NAME/log: read-only, proxied to the kubelet of the pod's node (pod-logs.ts). */
  getLogs(credentials: UserInfo, namespace: string, name: string, opts: PodLogOptions & ReadOptions = {}): ApiResult<string> {
    this.#count("get/log");
    const door = this.#frontDoor(credentials, opts.impersonate, resourceRequest("get", RESOURCES.pods, namespace, name, "log"));
    if (!door.ok) return fail(door.status);
    const read = this.#read(ApiServer.key("pods", namespace, name), RESOURCES.pods, name);
    if (!read.ok) return read;
    const pod = read.object.value as Pod;
    const nodeName = pod.spec.nodeName;
    if (nodeName === undefined || nodeName === "") return podLogs(pod, opts, undefined, undefined);
    const node = this.#read(ApiServer.key("nodes", undefined, nodeName), RESOURCES.nodes, nodeName);
    if (!node.ok) return node;
    return podLogs(pod, opts, node.object.value as Node, this.#logProviders.get(nodeName));
  }

  /** The cluster registers each kubelet as the log provider for its node. */
  registerLogProvider(nodeName: string, provider: ContainerLogProvider): void {
    this.#logProviders.set(nodeName, provider);
  }

  /** Lists a resource in one namespace, or across all when namespace is undefined. */
  list<R extends ResourceName>(credentials: UserInfo, resource: R, namespace?: string, opts: ListOptions = {}): ApiResult<ListResult<ResourceTypes[R]>> {
    this.#count("list");
    const info: ResourceInfo = RESOURCES[resource];
    const door = this.#frontDoor(credentials, opts.impersonate, resourceRequest("list", info, info.namespaced ? (namespace ?? "") : ""));
    if (!door.ok) return fail(door.status);
    const listed = this.#storage.list(ApiServer.prefix(resource, namespace));
    if (!listed.ok) return listed;
    const { kvs, revision } = listed.object;
    const items: ResourceTypes[R][] = [];
    for (const kv of kvs) {
      const obj = kv.value as ResourceTypes[R];
      if (opts.labelSelector && !opts.labelSelector(obj.metadata.labels ?? {})) continue;
      items.push(obj);
    }
    return ok({ items, resourceVersion: String(revision) });
  }

  // --- writes ------------------------------------------------------------------

  /**
   * Store.DeleteCollection: each object of the collection is deleted as a delete
   * of its own would (admission, grace periods, finalizers), in key order; the
   * first failure ends it. The answer lists what was deleted, as a <Kind>List.
   */
  #deleteCollection(user: UserInfo, resource: ResourceName, namespace: string | undefined, options: DeleteOptions = {}): ApiResult<KubeObject> {
    this.#count("deletecollection");
    const info: ResourceInfo = RESOURCES[resource];
    const ns = info.namespaced ? (namespace ?? "default") : undefined;
    const listed = this.#storage.list(ApiServer.prefix(resource, ns));
    if (!listed.ok) return listed;
    const items: KubeObject[] = [];
    for (const kv of listed.object.kvs) {
      const name = (kv.value as KubeObject).metadata.name!;
      const r = this.#delete(user, resource, ns, name, options);
      if (!r.ok) {
        if (r.status.reason === "NotFound") continue;
        return r;
      }
      items.push(r.object);
    }
    const list = { apiVersion: apiVersionOf(info), kind: `${info.kind}List`, metadata: { resourceVersion: String(this.#storage.revision) }, items };
    return ok(list as unknown as KubeObject);
  }


  #create<R extends ResourceName>(user: UserInfo, resource: R, namespace: string | undefined, body: KubeObject): ApiResult<ResourceTypes[R]> {
    this.#count("create");
    const strategy = this.#deps.strategies[resource] as unknown as Strategy;
    const info: ResourceInfo = strategy.info;
    const obj = clone(body) as KubeObject;
    const typeErr = checkTypeMeta(info, obj) ?? this.#decode(info, obj);
    if (typeErr) return fail(typeErr);
    obj.metadata ??= {};
    const meta = obj.metadata;
    const nsResult = this.#resolveNamespace(info, namespace, meta);
    if (typeof nsResult !== "string") return fail(nsResult);

    strategy.applyDefaults(obj);
    // Mutating admission sees the request as sent: no name generated yet.
    const createAttrs = this.#attrs("CREATE", info, nsResult, meta.name ?? "", user, obj);
    const admitErr = this.#admit(createAttrs) ?? this.#deps.escalationCheck?.(createAttrs);
    if (admitErr) return fail(admitErr);

    // Fields only the server sets (rest.FillObjectMetaSystemFields, BeforeCreate).
    if (!meta.name && meta.generateName) meta.name = generateName(this.#deps.ids, meta.generateName);
    const name = meta.name ?? "";
    meta.uid = this.#deps.ids.uid();
    meta.creationTimestamp = this.#now();
    meta.generation = 1;
    delete meta.resourceVersion;
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    strategy.prepareForCreate(obj, this.#ctx());
    const errs = [...validateObjectMeta(info, meta), ...strategy.validate(obj)];
    if (errs.length > 0) return fail(invalid(info, name, errs));
    const valErr = this.#validateAdmission(this.#attrs("CREATE", info, nsResult, name, user, obj));
    if (valErr) return fail(valErr);

    const key = ApiServer.key(resource, nsResult, name);
    // If(ModRevision(key) = 0): a taken name is the compare that failed.
    const written = this.#put(key, obj, 0, strategy);
    if (written.ok) return ok(obj as ResourceTypes[R]);
    if (!("compareFailed" in written)) return fail(written.status);
    const err = alreadyExists(info, name);
    // store.create tells a client racing a deletion why its name is still taken.
    if ((written.current?.value as KubeObject | undefined)?.metadata.deletionTimestamp !== undefined) err.message = `object is being deleted: ${err.message}`;
    return fail(err);
  }

  #update<R extends ResourceName>(
    user: UserInfo,
    resource: R,
    namespace: string | undefined,
    body: KubeObject,
    subresource?: UpdateSubresource,
  ): ApiResult<ResourceTypes[R]> {
    this.#count(subresource ? `update/${subresource}` : "update");
    const strategy = this.#deps.strategies[resource] as unknown as Strategy;
    const info: ResourceInfo = strategy.info;
    if (subresource === "finalize" && strategy.prepareForFinalizeUpdate === undefined) return fail(notFound(info, body.metadata?.name ?? ""));
    const decoded = clone(body);
    const typeErr = checkTypeMeta(info, decoded) ?? this.#decode(info, decoded);
    if (typeErr) return fail(typeErr);
    body = decoded;
    const name = body.metadata?.name ?? "";
    if (name === "") return fail(badRequest("name is required"));
    const ns = info.namespaced ? (namespace ?? body.metadata.namespace ?? "default") : undefined;
    if (info.namespaced && body.metadata.namespace && body.metadata.namespace !== ns) {
      return fail(badRequest("the namespace of the provided object does not match the namespace sent on the request"));
    }
    const key = ApiServer.key(resource, ns, name);
    const read = this.#read(key, info, name);
    if (!read.ok) return read;
    const current = read.object;
    const old = current.value as KubeObject;
    const rv = body.metadata.resourceVersion;
    if (rv !== undefined && rv !== "" && rv !== String(current.modRevision)) {
      return fail(conflict(qualifiedResource(info), name, OPTIMISTIC_LOCK_ERROR_MSG, info));
    }
    const obj = this.#mergeForUpdate(strategy, body, old, subresource);
    return this.#finishUpdate(user, strategy, key, current.modRevision, obj, old, subresource) as ApiResult<ResourceTypes[R]>;
  }

  #patch<R extends ResourceName>(
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
    const read = this.#read(key, info, name);
    if (!read.ok) return read;
    const current = read.object;
    const old = current.value as KubeObject;
    const patched = applyMergePatch(clone(old), patch) as KubeObject;
    if (typeof patched !== "object" || patched === null || Array.isArray(patched)) return fail(badRequest("patch must produce an object"));
    const decodeErr = this.#protobuf ? undefined : this.#decoded(decodePatched(info, patched, this.#fieldValidation));
    if (decodeErr) return fail(decodeErr);
    const rv = (patch.metadata as ObjectMeta | undefined)?.resourceVersion;
    if (rv !== undefined && rv !== String(current.modRevision)) {
      return fail(conflict(qualifiedResource(info), name, OPTIMISTIC_LOCK_ERROR_MSG, info));
    }
    patched.metadata ??= {};
    if (patched.metadata.name !== name) return fail(badRequest(`the name of the object (${patched.metadata.name}) does not match the name on the URL (${name})`));
    const obj = this.#mergeForUpdate(strategy, patched, old, subresource);
    return this.#finishUpdate(user, strategy, key, current.modRevision, obj, old, subresource) as ApiResult<ResourceTypes[R]>;
  }

  /**
   * DELETE, as the generic registry's Store.Delete with rest.BeforeDelete: a kind
   * with a grace period (pods) is first marked with deletionTimestamp = now +
   * grace; finalizers (and the propagation policy's GC finalizers) keep any object
   * until they are removed. A later delete may only shorten a pending grace period.
   */
  #delete<R extends ResourceName>(
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
    const read = this.#read(key, info, name);
    if (!read.ok) return read;
    const current = read.object;
    const rev = current.modRevision;
    const old = current.value as KubeObject;
    // BeforeDelete checks preconditions early and names the kind, not the resource.
    const kindQualified = info.group === "" ? info.kind : `${info.kind}.${info.group}`;
    const pre = options.preconditions;
    if (pre?.uid !== undefined && pre.uid !== old.metadata.uid) {
      return fail(
        conflict(kindQualified, name, `the UID in the precondition (${pre.uid}) does not match the UID in record (${old.metadata.uid}). The object might have been deleted and then recreated`, info),
      );
    }
    if (pre?.resourceVersion !== undefined && pre.resourceVersion !== String(current.modRevision)) {
      return fail(
        conflict(kindQualified, name, `the ResourceVersion in the precondition (${pre.resourceVersion}) does not match the ResourceVersion in record (${current.modRevision}). The object might have been modified`, info),
      );
    }
    const attrs = this.#attrs("DELETE", info, ns ?? "", name, user, undefined, old);
    const admitErr = this.#admit(attrs) ?? this.#validateAdmission(attrs);
    if (admitErr) return fail(admitErr);

    // A kind with its own REST.Delete (namespaces): the first request marks the
    // object, later ones return it until its own finalizers are gone.
    if (strategy.deletion !== undefined && (old.metadata.deletionTimestamp === undefined || strategy.deletion.finalizers(old).length > 0)) {
      if (old.metadata.deletionTimestamp !== undefined) return this.#unchanged(key, rev, info, name, old as ResourceTypes[R]);
      const marked = clone(old);
      strategy.deletion.mark(marked, this.#now());
      return this.#stored(this.#put(key, marked, rev), info, name, marked as ResourceTypes[R]);
    }

    // Negative grace periods count as 1 s on the delete path.
    const requested = options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds < 0 ? 1 : options.gracePeriodSeconds;
    const obj = clone(old);
    const meta = obj.metadata;
    let graceful = false;
    if (strategy.defaultGracePeriodSeconds !== undefined) {
      if (meta.deletionTimestamp !== undefined) {
        const pending = meta.deletionGracePeriodSeconds ?? 0;
        if (pending > 0) {
          // Only a shorter grace period is taken, counted from the first request.
          if (requested === undefined || requested >= pending) return this.#unchanged(key, rev, info, name, old as ResourceTypes[R]);
          const requestedAt = parseTime(this.#deps.epochMs, meta.deletionTimestamp) - pending * 1000;
          meta.deletionTimestamp = rfc3339(this.#deps.epochMs, requestedAt + requested * 1000);
          meta.deletionGracePeriodSeconds = requested;
          graceful = true;
        }
      } else {
        const period = strategy.deletesImmediately?.(old) ? 0 : (requested ?? strategy.defaultGracePeriodSeconds(old) ?? 0);
        meta.deletionTimestamp = rfc3339(this.#deps.epochMs, this.#deps.clock.now + period * 1000);
        meta.deletionGracePeriodSeconds = period;
        if ((meta.generation ?? 0) > 0) meta.generation = meta.generation! + 1;
        graceful = true;
      }
    }
    const hadFinalizers = (old.metadata.finalizers?.length ?? 0) > 0;
    const gcFinalizers = finalizersForPropagation(old.metadata.finalizers ?? [], options.propagationPolicy);
    if (!graceful && !hadFinalizers && gcFinalizers === undefined) return this.#stored(this.#remove(key, rev), info, name, old as ResourceTypes[R]);
    if (gcFinalizers !== undefined) {
      if (gcFinalizers.length > 0) meta.finalizers = gcFinalizers;
      else delete meta.finalizers;
    }
    const pendingFinalizers = (meta.finalizers?.length ?? 0) > 0;
    if (!graceful) {
      if (!pendingFinalizers) return this.#stored(this.#remove(key, rev), info, name, old as ResourceTypes[R]);
      // markAsDeleting: finalizers get their signal, with no grace period.
      if (meta.deletionTimestamp === undefined) {
        if ((meta.generation ?? 0) > 0) meta.generation = meta.generation! + 1;
        meta.deletionTimestamp = this.#now();
      } else if (parseTime(this.#deps.epochMs, meta.deletionTimestamp) > this.#deps.clock.now) {
        meta.deletionTimestamp = this.#now();
      }
      meta.deletionGracePeriodSeconds = 0;
      if (deepEqual(obj, old)) return this.#unchanged(key, rev, info, name, old as ResourceTypes[R]);
      return this.#stored(this.#put(key, obj, rev), info, name, obj as ResourceTypes[R]);
    }
    // The graceful update is written even when the grace period is 0: watchers see
    // the pod marked for deletion, then gone.
    const written = this.#put(key, obj, rev);
    if (!written.ok || pendingFinalizers || (meta.deletionGracePeriodSeconds ?? 0) !== 0) return this.#stored(written, info, name, obj as ResourceTypes[R]);
    return this.#stored(this.#remove(key, written.object), info, name, obj as ResourceTypes[R]);
  }

  /** POST pods/NAME/binding: the scheduler's (and a player's drag's) way to place a pod. */
  #bind(user: UserInfo, namespace: string, name: string, nodeName: string): ApiResult<Pod> {
    this.#count("create/binding");
    const info = RESOURCES.pods;
    const key = ApiServer.key("pods", namespace, name);
    const read = this.#read(key, info, name);
    if (!read.ok) return read;
    const pod = read.object.value as Pod;
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
    const obj = clone(pod);
    obj.spec.nodeName = nodeName;
    obj.status ??= {};
    // podutil.UpdatePodCondition: replaced in place (reason and message cleared), or appended.
    const conditions = (obj.status.conditions ??= []);
    const i = conditions.findIndex((c) => c.type === "PodScheduled");
    const lastTransitionTime = i >= 0 && conditions[i]!.status === "True" ? conditions[i]!.lastTransitionTime : this.#now();
    const scheduled = { type: "PodScheduled", status: "True" as const, lastProbeTime: null, lastTransitionTime };
    if (i >= 0) conditions[i] = scheduled;
    else conditions.push(scheduled);
    return this.#stored(this.#put(key, obj, read.object.modRevision), info, name, obj);
  }

  /** POST pods/NAME/eviction: a graceful delete that disruption budgets may refuse. */
  #evict(user: UserInfo, namespace: string, name: string, options?: DeleteOptions): ApiResult<Pod> {
    this.#count("create/eviction");
    const info = RESOURCES.pods;
    const current = this.#read(ApiServer.key("pods", namespace, name), info, name);
    if (!current.ok) return current;
    const attrs = this.#attrs("CREATE", info, namespace, name, user, current.object.value as KubeObject, undefined, "eviction");
    const admitErr = this.#admit(attrs) ?? this.#validateAdmission(attrs);
    if (admitErr) return fail(admitErr);
    // No PodDisruptionBudgets exist yet, so every eviction is allowed.
    return this.#delete(user, "pods", namespace, name, options ?? {}) as ApiResult<Pod>;
  }

  // --- self reviews: answered by the authorizers, nothing stored ------------

  selfSubjectAccessReview(credentials: UserInfo, spec: SelfSubjectAccessReviewSpec, opts: ReadOptions = {}): ApiResult<SelfSubjectAccessReviewStatus> {
    const door = this.#frontDoor(credentials, opts.impersonate, resourceRequest("create", AUTHORIZATION_REVIEWS.selfsubjectaccessreviews, ""));
    if (!door.ok) return fail(door.status);
    const r = accessReview(this.#deps.authorizer, door.user, spec);
    return "kind" in r ? fail(r) : ok(r);
  }

  selfSubjectRulesReview(credentials: UserInfo, namespace: string, opts: ReadOptions = {}): ApiResult<SubjectRulesReviewStatus> {
    const door = this.#frontDoor(credentials, opts.impersonate, resourceRequest("create", AUTHORIZATION_REVIEWS.selfsubjectrulesreviews, ""));
    if (!door.ok) return fail(door.status);
    const r = rulesReview(this.#deps.authorizer, door.user, namespace);
    return "kind" in r ? fail(r) : ok(r);
  }

  selfSubjectReview(credentials: UserInfo, opts: ReadOptions = {}): ApiResult<SelfSubjectReviewStatus> {
    const door = this.#frontDoor(credentials, opts.impersonate, resourceRequest("create", AUTHORIZATION_REVIEWS.selfsubjectreviews, ""));
    if (!door.ok) return fail(door.status);
    return ok(whoAmI(door.user));
  }

  // --- watches (served by the watch cache from etcd's history) ---------------

  watch(credentials: UserInfo, resource: ResourceName, opts: WatchOptions, handler: (ev: WatchEvent) => void): ApiResult<WatchHandle> {
    const info: ResourceInfo = RESOURCES[resource];
    const door = this.#frontDoor(credentials, opts.impersonate, resourceRequest("watch", info, info.namespaced ? (opts.namespace ?? "") : ""));
    if (!door.ok) return fail(door.status);
    return this.#watchCache.watch(resource, opts, handler);
  }

  /** Whether writes are waiting to be delivered to watchers. */
  hasPendingWatchEvents(): boolean {
    return this.#watchCache.hasPending();
  }

  /** Delivers every write since the last call to its watchers; see WatchCache.dispatch. */
  dispatchWatches(): number {
    return this.#watchCache.dispatch();
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

  /**
   * rest.BeforeUpdate and the strategies' PrepareForUpdate: system metadata always
   * comes from the stored object; a main update keeps the stored status, a status
   * update keeps everything but status and (most) metadata.
   */
  #mergeForUpdate(strategy: Strategy, obj: KubeObject, old: KubeObject, subresource?: UpdateSubresource): KubeObject {
    const meta = obj.metadata;
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    meta.namespace = old.metadata.namespace;
    meta.deletionTimestamp = old.metadata.deletionTimestamp;
    meta.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    meta.generation = old.metadata.generation;
    for (const k of ["namespace", "deletionTimestamp", "deletionGracePeriodSeconds", "generation"] as const) if (meta[k] === undefined) delete meta[k];
    if (subresource === "finalize") {
      strategy.prepareForFinalizeUpdate!(obj, old);
      return obj;
    }
    if (!strategy.hasStatus) return obj;
    const o = obj as KubeObject & { status?: unknown };
    if (subresource === "status") {
      const merged = clone(old) as KubeObject & { status?: unknown };
      merged.metadata = meta;
      merged.status = o.status;
      if (merged.status === undefined) delete merged.status;
      strategy.prepareForStatusUpdate?.(merged, old);
      return merged;
    }
    o.status = clone((old as KubeObject & { status?: unknown }).status);
    if (o.status === undefined) delete o.status;
    return o;
  }

  #finishUpdate(
    user: UserInfo,
    strategy: Strategy,
    key: string,
    rev: number,
    obj: KubeObject,
    old: KubeObject,
    subresource?: UpdateSubresource,
  ): ApiResult<KubeObject> {
    const info = strategy.info;
    const name = old.metadata.name!;
    strategy.applyDefaults(obj);
    if (subresource === undefined) {
      strategy.prepareForUpdate?.(obj, old);
      // generation counts spec changes, for the kinds that track it.
      const spec = (obj as { spec?: unknown }).spec;
      const oldSpec = (old as { spec?: unknown }).spec;
      if (old.metadata.generation !== undefined && !deepEqual(spec, oldSpec)) obj.metadata.generation = old.metadata.generation + 1;
    }
    const attrs = this.#attrs("UPDATE", info, old.metadata.namespace ?? "", name, user, obj, old, subresource);
    const admitErr = this.#admit(attrs) ?? this.#deps.escalationCheck?.(attrs);
    if (admitErr) return fail(admitErr);
    const errs: FieldError[] = [
      ...validateObjectMeta(info, obj.metadata),
      ...validateNoNewFinalizers(obj.metadata, old.metadata),
      ...strategy.validate(obj),
      ...(strategy.validateUpdate?.(obj, old) ?? []),
    ];
    if (errs.length > 0) return fail(invalid(info, name, errs));
    const valErr = this.#validateAdmission(attrs);
    if (valErr) return fail(valErr);

    // ShouldDeleteDuringUpdate: a deleted object whose last finalizer is gone, and
    // whose grace is over, goes.
    const finalizersLeft = (obj.metadata.finalizers?.length ?? 0) > 0 || (strategy.deletion?.finalizers(obj).length ?? 0) > 0;
    if (old.metadata.deletionTimestamp !== undefined && !finalizersLeft && (old.metadata.deletionGracePeriodSeconds ?? 0) === 0) {
      return this.#stored(this.#remove(key, rev), info, name, obj);
    }
    if (obj.metadata.finalizers?.length === 0) delete obj.metadata.finalizers;
    // A write that changes nothing is not written: no new resourceVersion, no event.
    const { resourceVersion: _rv, ...metaNoRv } = obj.metadata;
    const { resourceVersion: _orv, ...oldMetaNoRv } = old.metadata;
    if (deepEqual(metaNoRv, oldMetaNoRv) && deepEqual({ ...obj, metadata: undefined }, { ...old, metadata: undefined })) return this.#unchanged(key, rev, info, name, old);
    return this.#stored(this.#put(key, obj, rev, strategy), info, name, obj);
  }

  /** The object at key, read from etcd; NotFound names info and name. */
  #read(key: string, info: ResourceInfo, name: string): ApiResult<KeyValue> {
    const r = this.#storage.get(key);
    if (!r.ok) return r;
    return r.object ? ok(r.object) : fail(notFound(info, name));
  }

  /**
   * Writes obj at key if the key is still at revision `expected` (0: absent), with
   * the etcd lease of the strategy's TTL (events: --event-ttl); the result is
   * the key's revision after it. A dry run writes nothing and only checks.
   */
  #put(key: string, obj: KubeObject, expected: number, strategy?: Strategy): StorageResult<number> {
    if (this.#dryRun) {
      const checked = this.#storage.check(key, expected);
      // Nothing is stored, so a new object has no resourceVersion yet; an updated one keeps its old one.
      if (checked.ok && (obj.metadata.resourceVersion === undefined || obj.metadata.resourceVersion === "")) delete obj.metadata.resourceVersion;
      return checked;
    }
    const r = this.#storage.put(key, obj, expected, strategy?.ttlSeconds);
    if (!r.ok) return r;
    // The object is stored by reference: it carries the write's revision as its resourceVersion
    // before anyone reads it, as decoding sets it from the key's mod revision upstream.
    obj.metadata.resourceVersion = String(r.object);
    if (isRbacKey(key)) this.#rbacGeneration++;
    return r;
  }

  /** The decoding stage: JSON decoding at the request's field validation level; a protobuf body has had it by construction. */
  #decode(info: ResourceInfo, obj: KubeObject): Status | undefined {
    return this.#protobuf ? undefined : this.#decoded(decodeBody(info, obj, this.#fieldValidation));
  }

  /** A decode's refusal, or nothing once its warnings are added to the response. */
  #decoded(d: Decoded): Status | undefined {
    if (!d.ok) return d.status;
    this.#warnings.push(...d.object);
    return undefined;
  }

  #remove(key: string, expected: number): StorageResult<number> {
    if (this.#dryRun) return this.#storage.check(key, expected);
    const r = this.#storage.delete(key, expected);
    if (r.ok && isRbacKey(key)) this.#rbacGeneration++;
    return r;
  }

  /** A request that writes nothing still confirms the key is where it read it, with a quorum read. */
  #unchanged<T>(key: string, rev: number, info: ResourceInfo, name: string, object: T): ApiResult<T> {
    return this.#stored(this.#storage.check(key, rev), info, name, object);
  }

  /**
   * A storage result as the API answers it: etcd's error as ServiceUnavailable,
   * and a lost compare (someone wrote the key since it was read) as the Conflict
   * GuaranteedUpdate gives once its retries see the new object.
   */
  #stored<T>(r: StorageResult<number>, info: ResourceInfo, name: string, object: T): ApiResult<T> {
    if (r.ok) return ok(object);
    if ("compareFailed" in r) return fail(conflict(qualifiedResource(info), name, OPTIMISTIC_LOCK_ERROR_MSG, info));
    return r;
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
    return { operation, info, namespace, name, user, object, oldObject, subresource, dryRun: this.#dryRun };
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

/**
 * deletionFinalizersForGarbageCollection: the orphan and foregroundDeletion
 * finalizers a delete asks for (an explicit policy wins over finalizers already
 * there); undefined when the set of finalizers stays the same.
 */
function finalizersForPropagation(existing: readonly string[], policy: DeleteOptions["propagationPolicy"]): string[] | undefined {
  const orphan = policy !== undefined ? policy === "Orphan" : existing.find((f) => f === ORPHAN_FINALIZER || f === FOREGROUND_FINALIZER) === ORPHAN_FINALIZER;
  const foreground = policy !== undefined ? policy === "Foreground" : existing.find((f) => f === ORPHAN_FINALIZER || f === FOREGROUND_FINALIZER) === FOREGROUND_FINALIZER;
  const next = existing.filter((f) => f !== ORPHAN_FINALIZER && f !== FOREGROUND_FINALIZER);
  if (orphan) next.push(ORPHAN_FINALIZER);
  if (foreground) next.push(FOREGROUND_FINALIZER);
  const same = next.length === new Set(existing).size && next.every((f) => existing.includes(f));
  return same ? undefined : next;
}

/** ValidateNoNewFinalizers: an object being deleted may lose finalizers, not gain them. */
function validateNoNewFinalizers(meta: ObjectMeta, old: ObjectMeta): FieldError[] {
  if (old.deletionTimestamp === undefined) return [];
  const extra = [...new Set(meta.finalizers ?? [])].filter((f) => !(old.finalizers ?? []).includes(f)).sort();
  if (extra.length === 0) return [];
  return [field.forbidden("metadata.finalizers", `no new finalizers can be added if the object is being deleted, found new finalizers []string{${extra.map((f) => JSON.stringify(f)).join(", ")}}`)];
}

