// NamespaceLifecycle (a mutating plugin, so it answers before validation): no
// objects in a namespace that does not exist or is being deleted, and the system
// namespaces cannot be deleted.

import type { Namespace } from "../../api/core-v1.ts";
import { qualifiedResource, RESOURCES } from "../../api/resources.ts";
import { forbidden, notFound } from "../errors.ts";
import type { AdmissionAttributes, AdmissionPlugin } from "../types.ts";

export const IMMORTAL_NAMESPACES = ["default", "kube-system", "kube-public"];

export const NAMESPACE_UNDELETABLE = "this namespace may not be deleted";

export function namespaceTerminatingMessage(namespace: string): string {
  return `unable to create new content in namespace ${namespace} because it is being terminated`;
}

export function newNamespaceLifecycle(getNamespace: (name: string) => Namespace | undefined): AdmissionPlugin {
  return {
    name: "NamespaceLifecycle",
    admit(attrs) {
      if (attrs.info.resource === "namespaces") {
        if (attrs.operation === "DELETE" && IMMORTAL_NAMESPACES.includes(attrs.name)) {
          return forbidden("namespaces", attrs.name, NAMESPACE_UNDELETABLE);
        }
        return undefined;
      }
      // Cluster-scoped objects and deletions are always allowed.
      if (!attrs.info.namespaced || attrs.namespace === "" || attrs.operation === "DELETE") return undefined;
      const ns = getNamespace(attrs.namespace);
      if (!ns) return notFound(RESOURCES.namespaces, attrs.namespace);
      if (attrs.operation === "CREATE" && ns.status?.phase === "Terminating") {
        return forbidden(qualifiedResource(attrs.info), admissionName(attrs), namespaceTerminatingMessage(attrs.namespace));
      }
      return undefined;
    },
  };
}

/** admission.NewForbidden's name: the request's, else the object's name or generateName (not generated yet). */
function admissionName(attrs: AdmissionAttributes): string {
  if (attrs.name !== "") return attrs.name;
  const meta = attrs.object?.metadata;
  return meta?.name || meta?.generateName || "Unknown";
}
