// NamespaceLifecycle: no objects in a namespace that does not exist or is being
// deleted, and the system namespaces cannot be deleted.

import type { Namespace } from "../../api/core-v1.ts";
import { RESOURCES } from "../../api/resources.ts";
import { forbidden, notFound } from "../errors.ts";
import type { AdmissionPlugin } from "../types.ts";

export const IMMORTAL_NAMESPACES = ["default", "kube-system", "kube-public"];

export function newNamespaceLifecycle(getNamespace: (name: string) => Namespace | undefined): AdmissionPlugin {
  return {
    name: "NamespaceLifecycle",
    validate(attrs) {
      if (attrs.info.resource === "namespaces") {
        if (attrs.operation === "DELETE" && IMMORTAL_NAMESPACES.includes(attrs.name)) {
          return forbidden("namespaces", attrs.name, "this namespace may not be deleted");
        }
        return undefined;
      }
      if (!attrs.info.namespaced || attrs.operation !== "CREATE" || attrs.subresource) return undefined;
      const ns = getNamespace(attrs.namespace);
      if (!ns) return notFound(RESOURCES.namespaces, attrs.namespace);
      if (ns.status?.phase === "Terminating" && attrs.info.resource !== "events") {
        return forbidden(attrs.info.resource, attrs.name, `unable to create new content in namespace ${attrs.namespace} because it is being terminated`);
      }
      return undefined;
    },
  };
}
