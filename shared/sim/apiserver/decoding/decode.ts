// The decoding stage of the API server's pipeline: a write's body is read into
// its kind's Go type before anything else looks at it (defaulting, admission,
// validation). A body that does not fit is the client's mistake, answered as
// kube-apiserver answers it: 400 BadRequest for create and update
// (handlers.transformDecodeError), a 422 on the `patch` field for a patch
// (jsonPatcher.applyPatchToCurrentObject). Field validation is Strict, what
// kubectl create, apply and replace ask for: unknown fields are refused.

import type { KubeObject, Status } from "../../api/meta.ts";
import type { ResourceInfo, ResourceName } from "../../api/resources.ts";
import { SERVED_GO_TYPES } from "../../api/schema/served-kinds.ts";
import { badRequest, field, invalid } from "../errors.ts";
import { goType } from "./go-type.ts";
import { decodeStrict } from "./json-decoder.ts";
import { goJson } from "./go-json.ts";

/** transformDecodeError: `Deployment in version "v1" cannot be handled as a Deployment: <err>`. */
export function cannotBeHandled(info: ResourceInfo, err: string): Status {
  return badRequest(`${info.kind} in version ${JSON.stringify(info.version)} cannot be handled as a ${info.kind}: ${err}`);
}

function decodeError(info: ResourceInfo, obj: KubeObject): string | undefined {
  return decodeStrict(goType(SERVED_GO_TYPES[info.resource as ResourceName]), obj).error;
}

/** POST and PUT: the body, already checked for its apiVersion and kind. */
export function decodeBody(info: ResourceInfo, obj: KubeObject): Status | undefined {
  const err = decodeError(info, obj);
  return err === undefined ? undefined : cannotBeHandled(info, err);
}

/** PATCH: the object the patch produced, decoded as the patched JSON would be. */
export function decodePatched(info: ResourceInfo, obj: KubeObject): Status | undefined {
  const err = decodeError(info, obj);
  if (err === undefined) return undefined;
  return invalid({ kind: "", group: "" }, "", [field.invalid("patch", goJson(obj), err)]);
}
