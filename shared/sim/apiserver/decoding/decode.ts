// The decoding stage of the API server's pipeline: a write's body is read into
// its kind's Go type before anything else looks at it (defaulting, admission,
// validation). A body that does not fit is the client's mistake, answered as
// kube-apiserver answers it: 400 BadRequest for create and update
// (handlers.transformDecodeError), a 422 on the `patch` field for a patch
// (jsonPatcher.applyPatchToCurrentObject). Unknown fields are dropped; what
// else they do is the request's field validation level: Strict refuses the
// request, Warn answers with one warning each (addStrictDecodingWarnings),
// Ignore says nothing.

import type { KubeObject, Status } from "../../api/meta.ts";
import type { FieldValidation } from "../types.ts";
import type { ResourceInfo, ResourceName } from "../../api/resources.ts";
import { SERVED_GO_TYPES } from "../../api/schema/served-kinds.ts";
import { badRequest, fail, field, invalid, ok, type ApiResult } from "../errors.ts";
import { goType } from "./go-type.ts";
import { decodeStrict } from "./json-decoder.ts";
import { goJson } from "./go-json.ts";

/** transformDecodeError: `Deployment in version "v1" cannot be handled as a Deployment: <err>`. */
export function cannotBeHandled(info: ResourceInfo, err: string): Status {
  return badRequest(`${info.kind} in version ${JSON.stringify(info.version)} cannot be handled as a ${info.kind}: ${err}`);
}

/** The warnings a decoded body leaves (none, or one per unknown field under Warn), or the request's refusal. */
export type Decoded = ApiResult<readonly string[]>;

/**
 * The decode and the level's verdict on it. `refuse` words the error a
 * refused request gets: the type error, or runtime.NewStrictDecodingError.
 */
function decode(info: ResourceInfo, obj: KubeObject, level: FieldValidation, refuse: (err: string) => Status): Decoded {
  const { error, strictErrors } = decodeStrict(goType(SERVED_GO_TYPES[info.resource as ResourceName]), obj);
  if (error !== undefined) return fail(refuse(error));
  if (strictErrors.length === 0 || level === "Ignore") return ok([]);
  if (level === "Warn") return ok(strictErrors);
  return fail(refuse(`strict decoding error: ${strictErrors.join(", ")}`));
}

/** POST and PUT: the body, already checked for its apiVersion and kind. */
export function decodeBody(info: ResourceInfo, obj: KubeObject, level: FieldValidation): Decoded {
  return decode(info, obj, level, (err) => cannotBeHandled(info, err));
}

/** PATCH: the object the patch produced, decoded as the patched JSON would be (and as it was before dropping). */
export function decodePatched(info: ResourceInfo, obj: KubeObject, level: FieldValidation): Decoded {
  const patchedJson = goJson(obj);
  return decode(info, obj, level, (err) => invalid({ kind: "", group: "" }, "", [field.invalid("patch", patchedJson, err)]));
}
