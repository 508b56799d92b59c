// NamespaceLifecycle (a mutating plugin, so it answers before validation): no
// objects in a namespace that does not exist or is being deleted, and the system
// namespaces cannot be deleted.

import type { Namespace } from "../../api/core-v1.ts";
import { qualifiedResource, RESOURCES } from "../../api/resources.ts";
import { forbidden, notFound } from "../errors.ts";
import type { AdmissionPlugin } from "../types.ts";
import { admissionName } from "./admission-name.ts";

export const IMMORTAL_NAMESPACES = ["default", "kube-system", "kube-public"];

export const NAMESPACE_TERMINATING_CAUSE = "NamespaceTerminating";

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
        const err = forbidden(qualifiedResource(attrs.info), admissionName(attrs), namespaceTerminatingMessage(attrs.namespace));
        // v1.NamespaceTerminatingCause: clients (the namespace controller's own retries among them) can tell why.
        err.details = { ...err.details, causes: [{ reason: NAMESPACE_TERMINATING_CAUSE, message: `namespace ${attrs.namespace} is being terminated`, field: "metadata.namespace" }] };
        return err;
      }
      return undefined;
    },
  };
}
