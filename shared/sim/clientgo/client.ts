// A typed client bound to one user (its credentials), optionally acting as
// another (kubectl --as). Components and players reach the API server only
// through one of these, reads and watches included, so every request passes the
// API server's front door as someone. Every mutating call goes through
// request(), where an optional interceptor (a player's session: the action log)
// sees and sends it. The warnings an answer carries go to the client's warning
// handler (rest.Config.WarningHandler) as the answer arrives; the answer keeps them.
// A component's client has a rate limiter (rest.Config QPS/Burst, rate-limiter.ts):
// every request but a watch takes a token; the component waits for tokens between
// pieces of work, never inside a request.

import type { DeleteOptions, Namespace, Pod } from "../api/core-v1.ts";
import type { KubeObject } from "../api/meta.ts";
import type { ResourceName, ResourceTypes } from "../api/resources.ts";
import type { ApiServer, ListOptions, ListResult } from "../apiserver/apiserver.ts";
import type { ApiResult } from "../apiserver/errors.ts";
import type { Impersonation } from "../apiserver/filters/impersonation.ts";
import type { PodLogOptions } from "../apiserver/pod-logs.ts";
import type { SelfSubjectAccessReviewSpec, SelfSubjectAccessReviewStatus, SelfSubjectReviewStatus, SubjectRulesReviewStatus } from "../apiserver/reviews.ts";
import type { ApiRequest, UserInfo, WatchEvent, WatchHandle, WatchOptions, WriteOptions } from "../apiserver/types.ts";
import type { Scale } from "../api/autoscaling-v1.ts";
import type { TokenBucketRateLimiter } from "./rate-limiter.ts";

/** Wraps each mutating request; `send` performs it. */
export type RequestInterceptor = (user: UserInfo, req: ApiRequest, send: () => ApiResult<KubeObject>) => ApiResult<KubeObject>;

export interface ClientOptions {
  readonly interceptor?: RequestInterceptor;
  readonly impersonate?: Impersonation;
  /** Send bodies as protobuf, as kube-controller-manager, kube-scheduler and kubelets do. */
  readonly protobuf?: boolean;
  /** Told each warning of each answer, in order (kubectl prints them: "Warning: ..."). */
  readonly warningHandler?: WarningHandler;
  /** The client's token bucket (components only: players' requests are not limited here). */
  readonly rateLimiter?: TokenBucketRateLimiter;
}

/** rest.WarningHandler: the text of one Warning header. */
export type WarningHandler = (text: string) => void;

export class Client {
  /** The credentials this client presents. */
  readonly user: UserInfo;
  readonly impersonate: Impersonation | undefined;
  readonly #api: ApiServer;
  readonly #interceptor?: RequestInterceptor;
  readonly #protobuf: boolean;
  readonly #options: ClientOptions;
  readonly rateLimiter: TokenBucketRateLimiter | undefined;

  constructor(api: ApiServer, user: UserInfo, options: ClientOptions = {}) {
    this.#api = api;
    this.user = user;
    this.#options = options;
    this.#interceptor = options.interceptor;
    this.impersonate = options.impersonate;
    this.#protobuf = options.protobuf === true;
    this.rateLimiter = options.rateLimiter;
  }

  /** The same client without a rate limiter (an event sink: upstream queues events apart from requests). */
  withoutRateLimiter(): Client {
    return new Client(this.#api, this.user, { ...this.#options, rateLimiter: undefined });
  }

  /** tryThrottle: the request's token. */
  #throttle(): void {
    this.rateLimiter?.accept();
  }

  /** The same client with its requests intercepted (a player's console session, say). */
  withInterceptor(interceptor: RequestInterceptor): Client {
    return new Client(this.#api, this.user, { ...this.#options, interceptor });
  }

  /** The same client acting as someone else (--as, --as-group); undefined acts as itself. */
  withImpersonation(impersonate: Impersonation | undefined): Client {
    return new Client(this.#api, this.user, { ...this.#options, impersonate });
  }

  /** The same client with its answers' warnings handed to `warningHandler`. */
  withWarningHandler(warningHandler: WarningHandler): Client {
    return new Client(this.#api, this.user, { ...this.#options, warningHandler });
  }

  get<R extends ResourceName>(resource: R, namespace: string | undefined, name: string): ApiResult<ResourceTypes[R]> {
    this.#throttle();
    return this.#api.get(this.user, resource, namespace, name, { impersonate: this.impersonate });
  }

  list<R extends ResourceName>(resource: R, namespace?: string, opts: ListOptions = {}): ApiResult<ListResult<ResourceTypes[R]>> {
    this.#throttle();
    return this.#api.list(this.user, resource, namespace, { ...opts, impersonate: this.impersonate });
  }

  watch(resource: ResourceName, opts: WatchOptions, handler: (ev: WatchEvent) => void): ApiResult<WatchHandle> {
    return this.#api.watch(this.user, resource, { ...opts, impersonate: this.impersonate }, handler);
  }

  /** GET pods/NAME/log: a read, like get, so never intercepted. */
  getLogs(namespace: string, name: string, opts: PodLogOptions = {}): ApiResult<string> {
    return this.#api.getLogs(this.user, namespace, name, { ...opts, impersonate: this.impersonate });
  }

  /** POST selfsubjectaccessreviews: may I? (kubectl auth can-i). Creates nothing, so never intercepted. */
  selfSubjectAccessReview(spec: SelfSubjectAccessReviewSpec): ApiResult<SelfSubjectAccessReviewStatus> {
    return this.#api.selfSubjectAccessReview(this.user, spec, { impersonate: this.impersonate });
  }

  /** POST selfsubjectrulesreviews: what may I do in a namespace (kubectl auth can-i --list). */
  selfSubjectRulesReview(namespace: string): ApiResult<SubjectRulesReviewStatus> {
    return this.#api.selfSubjectRulesReview(this.user, namespace, { impersonate: this.impersonate });
  }

  /** POST selfsubjectreviews: who am I (kubectl auth whoami). */
  selfSubjectReview(): ApiResult<SelfSubjectReviewStatus> {
    return this.#api.selfSubjectReview(this.user, { impersonate: this.impersonate });
  }

  /** GET .../NAME/scale: a read, never intercepted. */
  getScale(resource: ResourceName, namespace: string | undefined, name: string): ApiResult<Scale> {
    this.#throttle();
    return this.#api.getScale(this.user, resource, namespace, name, { impersonate: this.impersonate });
  }

  /** PATCH .../NAME/scale with a merge patch (kubectl scale without preconditions). */
  patchScale(resource: ResourceName, namespace: string | undefined, name: string, patch: Record<string, unknown>, opts?: WriteOptions): ApiResult<Scale> {
    return this.request({ verb: "patch", resource, namespace, name, patch, subresource: "scale", ...opts }) as ApiResult<Scale>;
  }

  /** PUT .../NAME/scale (kubectl scale with --current-replicas or --resource-version). */
  updateScale(resource: ResourceName, namespace: string | undefined, scale: Scale, opts?: WriteOptions): ApiResult<Scale> {
    return this.request({ verb: "update", resource, namespace, body: scale as unknown as KubeObject, subresource: "scale", ...opts }) as ApiResult<Scale>;
  }

  request(req: ApiRequest): ApiResult<KubeObject> {
    this.#throttle();
    let full: ApiRequest = this.impersonate ? { ...req, impersonate: this.impersonate } : req;
    if (this.#protobuf) full = { ...full, contentType: "application/vnd.kubernetes.protobuf" };
    const send = (): ApiResult<KubeObject> => this.#api.request(this.user, full);
    const r = this.#interceptor ? this.#interceptor(this.user, full, send) : send();
    const handler = this.#options.warningHandler;
    if (handler !== undefined) for (const w of r.warnings ?? []) handler(w);
    return r;
  }

  create<R extends ResourceName>(resource: R, namespace: string | undefined, body: ResourceTypes[R], opts?: WriteOptions): ApiResult<ResourceTypes[R]> {
    return this.request({ verb: "create", resource, namespace, body, ...opts }) as ApiResult<ResourceTypes[R]>;
  }

  update<R extends ResourceName>(resource: R, body: ResourceTypes[R], opts?: WriteOptions): ApiResult<ResourceTypes[R]> {
    return this.request({ verb: "update", resource, namespace: body.metadata.namespace, body, ...opts }) as ApiResult<ResourceTypes[R]>;
  }

  updateStatus<R extends ResourceName>(resource: R, body: ResourceTypes[R], opts?: WriteOptions): ApiResult<ResourceTypes[R]> {
    return this.request({ verb: "update", resource, namespace: body.metadata.namespace, body, subresource: "status", ...opts }) as ApiResult<ResourceTypes[R]>;
  }

  /** PUT namespaces/NAME/finalize: only spec.finalizers is taken from the body. */
  finalize(body: Namespace): ApiResult<Namespace> {
    return this.request({ verb: "update", resource: "namespaces", body, subresource: "finalize" }) as ApiResult<Namespace>;
  }

  patch<R extends ResourceName>(resource: R, namespace: string | undefined, name: string, patch: Record<string, unknown>, opts?: WriteOptions): ApiResult<ResourceTypes[R]> {
    return this.request({ verb: "patch", resource, namespace, name, patch, ...opts }) as ApiResult<ResourceTypes[R]>;
  }

  patchStatus<R extends ResourceName>(resource: R, namespace: string | undefined, name: string, patch: Record<string, unknown>, opts?: WriteOptions): ApiResult<ResourceTypes[R]> {
    return this.request({ verb: "patch", resource, namespace, name, patch, subresource: "status", ...opts }) as ApiResult<ResourceTypes[R]>;
  }

  delete<R extends ResourceName>(resource: R, namespace: string | undefined, name: string, options?: DeleteOptions, opts?: WriteOptions): ApiResult<ResourceTypes[R]> {
    return this.request({ verb: "delete", resource, namespace, name, options, ...opts }) as ApiResult<ResourceTypes[R]>;
  }

  /** DELETE on the collection: everything of `resource` in the namespace. */
  deleteCollection(resource: ResourceName, namespace: string | undefined, options?: DeleteOptions, opts?: WriteOptions): ApiResult<KubeObject> {
    return this.request({ verb: "deletecollection", resource, namespace, options, ...opts });
  }

  bind(namespace: string, name: string, node: string): ApiResult<Pod> {
    return this.request({ verb: "bind", namespace, name, node }) as ApiResult<Pod>;
  }

  evict(namespace: string, name: string, options?: DeleteOptions, opts?: WriteOptions): ApiResult<Pod> {
    return this.request({ verb: "evict", namespace, name, options, ...opts }) as ApiResult<Pod>;
  }
}
