// The 403 an authorizer's refusal becomes (apiserver responsewriters.Forbidden
// and forbiddenMessage): the object's group-qualified resource (and name), then
// who could not do what, where; an authorizer's reason follows after ": ".

import type { Status } from "../../api/meta.ts";
import { forbidden } from "../errors.ts";
import type { Attributes } from "../authorization/authorizer.ts";

export function forbiddenMessage(a: Attributes): string {
  if (!a.resourceRequest) return `User ${JSON.stringify(a.user.name)} cannot ${a.verb} path ${JSON.stringify(a.path)}`;
  const resource = a.subresource === "" ? a.resource : `${a.resource}/${a.subresource}`;
  const where = a.namespace !== "" ? `in the namespace ${JSON.stringify(a.namespace)}` : "at the cluster scope";
  return `User ${JSON.stringify(a.user.name)} cannot ${a.verb} resource ${JSON.stringify(resource)} in API group ${JSON.stringify(a.apiGroup)} ${where}`;
}

export function forbiddenStatus(a: Attributes, reason: string): Status {
  const msg = reason === "" ? forbiddenMessage(a) : `${forbiddenMessage(a)}: ${reason}`;
  // NewForbidden with no resource (a non-resource path) says just "forbidden: ...".
  if (!a.resourceRequest) return { ...forbidden("", undefined, msg), message: `forbidden: ${msg}` };
  const qualified = a.apiGroup === "" ? a.resource : `${a.resource}.${a.apiGroup}`;
  const status = forbidden(qualified, a.name, msg);
  return { ...status, details: { ...status.details, group: a.apiGroup, kind: a.resource } };
}
