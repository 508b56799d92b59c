// The scale subresource of deployments and replicasets (kube-apiserver's
// ScaleREST in pkg/registry/apps/{deployment,replicaset}/storage): GET returns an
// autoscaling/v1 Scale built from the object; PUT and PATCH change only
// spec.replicas, through the parent's own update, so defaulting, admission,
// validation, optimistic concurrency and dry run all apply as for any update.

import type { Scale } from "../api/autoscaling-v1.ts";
import type { Deployment, ReplicaSet } from "../api/apps-v1.ts";
import { selectorString } from "../api/labels.ts";
import type { KubeObject } from "../api/meta.ts";
import { RESOURCES, type ResourceInfo, type ResourceName } from "../api/resources.ts";
import { clone } from "../kernel/equal.ts";
import { badRequest, fail, field, invalid, notFound, ok, type ApiResult, type FieldError } from "./errors.ts";
import { applyMergePatch } from "./merge-patch.ts";
import { cannotBeHandled } from "./decoding/decode.ts";
import { goJson } from "./decoding/go-json.ts";
import type { UserInfo } from "./types.ts";

/**
 * What the subresource reaches inside the API server, past the front door (the
 * request was authorized on deployments/scale, not on deployments).
 */
export interface ScaleStore {
  stored(resource: ResourceName, namespace: string | undefined, name: string): ApiResult<KubeObject>;
  /** The parent's update handler: defaulting, admission, validation, concurrency, storage (or dry run). */
  update(user: UserInfo, resource: ResourceName, namespace: string | undefined, body: KubeObject): ApiResult<KubeObject>;
}

/** The kinds that serve a scale subresource here. */
export const SCALABLE_RESOURCES: readonly ResourceName[] = ["deployments", "replicasets"];

type Scalable = Deployment | ReplicaSet;

const SCALE_KIND = { kind: "Scale", group: "autoscaling" } as const;

/** scaleFromDeployment / scaleFromReplicaSet. */
export function scaleOf(obj: Scalable): Scale {
  const meta = obj.metadata;
  return {
    apiVersion: "autoscaling/v1",
    kind: "Scale",
    metadata: {
      name: meta.name,
      namespace: meta.namespace,
      uid: meta.uid,
      resourceVersion: meta.resourceVersion,
      creationTimestamp: meta.creationTimestamp,
    },
    spec: { replicas: obj.spec.replicas ?? 1 },
    status: { replicas: obj.status?.replicas ?? 0, selector: selectorString(obj.spec.selector) },
  };
}

function notScalable(resource: ResourceName, name: string): ApiResult<Scale> | undefined {
  // Only these kinds register a scale subresource; any other is a 404 for the path.
  return SCALABLE_RESOURCES.includes(resource) ? undefined : fail(notFound(RESOURCES[resource], name));
}

/** GET .../NAME/scale. */
export function getScale(store: ScaleStore, resource: ResourceName, namespace: string | undefined, name: string): ApiResult<Scale> {
  const refused = notScalable(resource, name);
  if (refused) return refused;
  const got = store.stored(resource, namespace, name);
  return got.ok ? ok(scaleOf(got.object as Scalable)) : fail(got.status);
}

const INT32_MAX = 2 ** 31 - 1;

/** Decoding a Scale: spec.replicas is a Go int32, and json.Unmarshal says so when it is not. */
function replicasDecodeError(scale: Scale): string | undefined {
  const v = (scale.spec as { replicas?: unknown } | undefined)?.replicas;
  if (v === undefined || v === null) return undefined;
  if (typeof v === "number" && Number.isInteger(v) && v >= -INT32_MAX - 1 && v <= INT32_MAX) return undefined;
  const what = typeof v === "number" ? `number ${goJson(v)}` : typeof v === "boolean" ? "bool" : Array.isArray(v) ? "array" : typeof v === "object" ? "object" : "string";
  return `json: cannot unmarshal ${what} into Go struct field ScaleSpec.spec.replicas of type int32`;
}

/** autoscalingvalidation.ValidateScale. */
function validateScale(scale: Scale): FieldError[] {
  const replicas = scale.spec?.replicas ?? 0;
  return replicas < 0 ? [field.invalid("spec.replicas", replicas, "must be greater than or equal to 0")] : [];
}

/** PUT .../NAME/scale: the Scale's resourceVersion, when set, is the parent's precondition. */
export function updateScale(store: ScaleStore, user: UserInfo, resource: ResourceName, namespace: string | undefined, body: KubeObject): ApiResult<Scale> {
  const name = body?.metadata?.name ?? "";
  const refused = notScalable(resource, name);
  if (refused) return refused;
  const scale = body as Scale;
  if ((scale.kind !== undefined && scale.kind !== "Scale") || (scale.apiVersion !== undefined && scale.apiVersion !== "autoscaling/v1")) {
    return fail(badRequest(`the API version in the data (${scale.apiVersion}) does not match the expected API version (autoscaling/v1)`));
  }
  const decodeErr = replicasDecodeError(scale);
  if (decodeErr) return fail(cannotBeHandled({ kind: "Scale", version: "v1" } as ResourceInfo, decodeErr));
  const got = store.stored(resource, namespace, name);
  if (!got.ok) return fail(got.status);
  const errs = validateScale(scale);
  if (errs.length > 0) return fail(invalid(SCALE_KIND, name, errs));
  const next = clone(got.object) as Scalable;
  if (scale.metadata.resourceVersion) next.metadata.resourceVersion = scale.metadata.resourceVersion;
  next.spec.replicas = scale.spec?.replicas ?? 0;
  const res = store.update(user, resource, namespace, next);
  return res.ok ? ok(scaleOf(res.object as Scalable)) : fail(res.status);
}

/** PATCH .../NAME/scale (merge patch): applied to the current Scale, then updated. */
export function patchScale(store: ScaleStore, user: UserInfo, resource: ResourceName, namespace: string | undefined, name: string, patch: Record<string, unknown>): ApiResult<Scale> {
  const current = getScale(store, resource, namespace, name);
  if (!current.ok) return current;
  const patched = applyMergePatch(current.object as unknown as Record<string, unknown>, patch) as unknown as Scale;
  // A patch that does not decode is refused on the patch field, as for any patched object.
  const decodeErr = replicasDecodeError(patched);
  if (decodeErr) return fail(invalid({ kind: "", group: "" }, "", [field.invalid("patch", goJson(patched), decodeErr)]));
  return updateScale(store, user, resource, namespace, { ...patched, metadata: { ...patched.metadata, name } });
}
