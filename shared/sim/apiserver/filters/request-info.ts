// What a request is about (apiserver request.RequestInfo): the verb as RBAC
// names it and the resource it targets. Built by the API server for each verb,
// before the filters run.

import type { Attributes } from "../authorization/authorizer.ts";
import type { ResourceInfo } from "../../api/resources.ts";

export type RequestInfo = Omit<Attributes, "user">;

/**
 * A request for a resource: "list pods in default", "create pods/binding web in
 * default". A named namespace is its own namespace (/api/v1/namespaces/NAME), so a
 * Role in team-a can grant reading or deleting team-a itself.
 */
export function resourceRequest(verb: string, info: Pick<ResourceInfo, "group" | "version" | "resource">, namespace: string, name = "", subresource = ""): RequestInfo {
  const ns = info.group === "" && info.resource === "namespaces" && name !== "" ? name : namespace;
  return { verb, resourceRequest: true, apiGroup: info.group, apiVersion: info.version, resource: info.resource, subresource, namespace: ns, name, path: "" };
}

/** A request for a path outside the API's resources ("/healthz", "/version"). */
export function nonResourceRequest(verb: string, path: string): RequestInfo {
  return { verb, resourceRequest: false, apiGroup: "", apiVersion: "", resource: "", subresource: "", namespace: "", name: "", path };
}
