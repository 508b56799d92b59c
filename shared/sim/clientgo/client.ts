// A typed client bound to one user. Components and players reach the API server
// only through one of these; every mutating call goes through request(), where an
// optional interceptor (a player's session: the action log) sees and sends it.

import type { DeleteOptions, Pod } from "../api/core-v1.ts";
import type { KubeObject } from "../api/meta.ts";
import type { ResourceName, ResourceTypes } from "../api/resources.ts";
import type { ApiServer, ListOptions, ListResult } from "../apiserver/apiserver.ts";
import type { ApiResult } from "../apiserver/errors.ts";
import type { PodLogOptions } from "../apiserver/pod-logs.ts";
import type { ApiRequest, UserInfo } from "../apiserver/types.ts";

/** Wraps each mutating request; `send` performs it. */
export type RequestInterceptor = (user: UserInfo, req: ApiRequest, send: () => ApiResult<KubeObject>) => ApiResult<KubeObject>;

export class Client {
  readonly user: UserInfo;
  readonly #api: ApiServer;
  readonly #interceptor?: RequestInterceptor;

  constructor(api: ApiServer, user: UserInfo, interceptor?: RequestInterceptor) {
    this.#api = api;
    this.user = user;
    this.#interceptor = interceptor;
  }

  /** The same client with its requests intercepted (a player's console session, say). */
  withInterceptor(interceptor: RequestInterceptor): Client {
    return new Client(this.#api, this.user, interceptor);
  }

  get<R extends ResourceName>(resource: R, namespace: string | undefined, name: string): ApiResult<ResourceTypes[R]> {
    return this.#api.get(resource, namespace, name);
  }

  list<R extends ResourceName>(resource: R, namespace?: string, opts?: ListOptions): ListResult<ResourceTypes[R]> {
    return this.#api.list(resource, namespace, opts);
  }

  /** GET pods/NAME/log: a read, like get, so never intercepted. */
  getLogs(namespace: string, name: string, opts?: PodLogOptions): ApiResult<string> {
    return this.#api.getLogs(namespace, name, opts);
  }

  request(req: ApiRequest): ApiResult<KubeObject> {
    const send = (): ApiResult<KubeObject> => this.#api.request(this.user, req);
    return this.#interceptor ? this.#interceptor(this.user, req, send) : send();
  }

  create<R extends ResourceName>(resource: R, namespace: string | undefined, body: ResourceTypes[R]): ApiResult<ResourceTypes[R]> {
    return this.request({ verb: "create", resource, namespace, body }) as ApiResult<ResourceTypes[R]>;
  }

  update<R extends ResourceName>(resource: R, body: ResourceTypes[R]): ApiResult<ResourceTypes[R]> {
    return this.request({ verb: "update", resource, namespace: body.metadata.namespace, body }) as ApiResult<ResourceTypes[R]>;
  }

  updateStatus<R extends ResourceName>(resource: R, body: ResourceTypes[R]): ApiResult<ResourceTypes[R]> {
    return this.request({ verb: "update", resource, namespace: body.metadata.namespace, body, subresource: "status" }) as ApiResult<ResourceTypes[R]>;
  }

  patch<R extends ResourceName>(resource: R, namespace: string | undefined, name: string, patch: Record<string, unknown>): ApiResult<ResourceTypes[R]> {
    return this.request({ verb: "patch", resource, namespace, name, patch }) as ApiResult<ResourceTypes[R]>;
  }

  patchStatus<R extends ResourceName>(resource: R, namespace: string | undefined, name: string, patch: Record<string, unknown>): ApiResult<ResourceTypes[R]> {
    return this.request({ verb: "patch", resource, namespace, name, patch, subresource: "status" }) as ApiResult<ResourceTypes[R]>;
  }

  delete<R extends ResourceName>(resource: R, namespace: string | undefined, name: string, options?: DeleteOptions): ApiResult<ResourceTypes[R]> {
    return this.request({ verb: "delete", resource, namespace, name, options }) as ApiResult<ResourceTypes[R]>;
  }

  bind(namespace: string, name: string, node: string): ApiResult<Pod> {
    return this.request({ verb: "bind", namespace, name, node }) as ApiResult<Pod>;
  }

  evict(namespace: string, name: string, options?: DeleteOptions): ApiResult<Pod> {
    return this.request({ verb: "evict", namespace, name, options }) as ApiResult<Pod>;
  }
}
