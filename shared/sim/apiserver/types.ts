// Shapes shared by the API server, its registry strategies and admission plugins.

import type { KubeObject } from "../api/meta.ts";
import type { DeleteOptions } from "../api/core-v1.ts";
import type { ResourceInfo, ResourceName } from "../api/resources.ts";
import type { Status } from "../api/meta.ts";
import type { FieldError } from "./errors.ts";
import type { Impersonation } from "./filters/impersonation.ts";

/** Who makes a request: a player, or a component's service identity. */
export interface UserInfo {
  readonly name: string;
  readonly uid?: string;
  readonly groups?: readonly string[];
  /** Extra attributes an authenticator adds (e.g. the pod a service account token is bound to). */
  readonly extra?: Readonly<Record<string, readonly string[]>>;
}

/**
 * metav1.FieldValidation*: what a JSON body's unknown fields do. Strict refuses
 * the request (kubectl create, apply and replace ask for it), Warn drops them
 * with a warning each (the server's default, so what kubectl patch and
 * client-go get), Ignore drops them silently. Type errors fail at every level.
 */
export type FieldValidation = "Strict" | "Warn" | "Ignore";

/** Options every mutating request carries: dryRun=All runs the whole pipeline but stores nothing. */
export interface WriteOptions {
  readonly dryRun?: boolean;
  /** The fieldValidation query parameter; absent means Warn. */
  readonly fieldValidation?: FieldValidation;
  /**
   * The body's encoding. Control-plane components send protobuf
   * (--kube-api-content-type), which can carry neither unknown fields nor wrong
   * types, so only JSON bodies (kubectl's, every player's) pass the strict decoder.
   */
  readonly contentType?: "application/json" | "application/vnd.kubernetes.protobuf";
  /** Act as another user (kubectl --as); authorized with the impersonate verb. */
  readonly impersonate?: Impersonation;
}

/** Subresources written with PUT: status, and a namespace's finalize. */
export type UpdateSubresource = "status" | "finalize" | "scale";

/** A mutating request, as recorded in the action log and replayed from it. */
export type ApiRequest = WriteOptions &
  (
  | { readonly verb: "create"; readonly resource: ResourceName; readonly namespace?: string; readonly body: KubeObject }
  | { readonly verb: "update"; readonly resource: ResourceName; readonly namespace?: string; readonly body: KubeObject; readonly subresource?: UpdateSubresource }
  | {
      readonly verb: "patch";
      readonly resource: ResourceName;
      readonly namespace?: string;
      readonly name: string;
      /** JSON merge patch (RFC 7386). */
      readonly patch: Record<string, unknown>;
      readonly subresource?: "status" | "scale";
    }
  | { readonly verb: "delete"; readonly resource: ResourceName; readonly namespace?: string; readonly name: string; readonly options?: DeleteOptions }
  /** DELETE on a collection: every object of the resource in the namespace (all of them for a cluster-scoped one). */
  | { readonly verb: "deletecollection"; readonly resource: ResourceName; readonly namespace?: string; readonly options?: DeleteOptions }
  | { readonly verb: "bind"; readonly namespace: string; readonly name: string; readonly node: string }
  | { readonly verb: "evict"; readonly namespace: string; readonly name: string; readonly options?: DeleteOptions }
  );

export type WatchEventType = "ADDED" | "MODIFIED" | "DELETED";

export interface WatchEvent<T = KubeObject> {
  readonly type: WatchEventType;
  readonly object: T;
  /** The object before this change (MODIFIED, DELETED). */
  readonly previous?: T;
  readonly revision: number;
}

export interface WatchOptions {
  readonly impersonate?: Impersonation;
  readonly namespace?: string;
  /** Pods only: events for pods bound to this node (the kubelet's spec.nodeName field selector). */
  readonly nodeName?: string;
  /** Deliver only events after this revision (the list's resourceVersion). */
  readonly sinceRevision: number;
}

export interface WatchHandle {
  stop(): void;
}

export type AdmissionOperation = "CREATE" | "UPDATE" | "DELETE" | "CONNECT";

export interface AdmissionAttributes {
  readonly operation: AdmissionOperation;
  readonly info: ResourceInfo;
  readonly subresource?: string;
  readonly namespace: string;
  readonly name: string;
  /** The object being written; mutating plugins may change it. */
  readonly object?: KubeObject;
  readonly oldObject?: KubeObject;
  readonly user: UserInfo;
  /** dryRun=All: plugins with side effects (quota charging) leave them out. */
  readonly dryRun?: boolean;
}

/** A built-in admission plugin: mutate, then validate; a Status refuses the request. */
export interface AdmissionPlugin {
  readonly name: string;
  admit?(attrs: AdmissionAttributes): Status | undefined;
  validate?(attrs: AdmissionAttributes): Status | undefined;
}

export interface StrategyContext {
  /** Current simulated time as an RFC 3339 string. */
  readonly now: string;
}

/** Per-resource behaviour, after apiserver's rest.RESTCreateStrategy and friends. */
export interface Strategy<T extends KubeObject = KubeObject> {
  readonly info: ResourceInfo;
  /** Whether status is a subresource: main updates keep the stored status, status updates keep the rest. */
  readonly hasStatus: boolean;
  /** API defaulting (SetDefaults_*), applied on create and update. */
  applyDefaults(obj: T): void;
  /**
   * Clears or fills what a client may not set on create (status). The server sets
   * metadata.generation to 1 first; kinds that do not track generation delete it.
   */
  prepareForCreate(obj: T, ctx: StrategyContext): void;
  prepareForUpdate?(obj: T, old: T): void;
  /** The status subresource's PrepareForUpdate: what a status write may not change besides spec (e.g. labels). */
  prepareForStatusUpdate?(obj: T, old: T): void;
  validate(obj: T): FieldError[];
  validateUpdate?(obj: T, old: T): FieldError[];
  /** The finalize subresource's PrepareForUpdate (namespaces only serve it): what a finalize write may not change. */
  prepareForFinalizeUpdate?(obj: T, old: T): void;
  /**
   * A kind whose REST.Delete only marks the object on the first request
   * (namespaces: deletionTimestamp and phase Terminating), and which stays while
   * `finalizers` (spec.finalizers) lists any, whatever metadata.finalizers says.
   */
  readonly deletion?: { mark(obj: T, now: string): void; finalizers(obj: T): readonly string[] };
  /** Objects expire this long after their last write (events: kube-apiserver's --event-ttl). */
  readonly ttlSeconds?: number;
  /** Grace period for a delete without one; 0 or undefined deletes at once. */
  defaultGracePeriodSeconds?(obj: T): number | undefined;
  /** Whether a graceful delete of this object can finish at once (e.g. an unscheduled pod). */
  deletesImmediately?(obj: T): boolean;
}
