// Informer indexes the workload controllers add, so a sync looks up its own
// children instead of scanning every object in the namespace.

import type { DeepReadonly, KubeObject } from "../../api/meta.ts";
import { controllerOf } from "./object-key.ts";

/** Children by the uid of their controller (replica_set.go's controllerUIDIndex). */
export const INDEX_CONTROLLER_UID = "controllerUID";
export const controllerUidIndex = (o: DeepReadonly<KubeObject>): readonly string[] => {
  const ref = controllerOf(o);
  return ref ? [ref.uid] : [];
};

/** Objects without a controller, by namespace: the only candidates for adoption. */
export const INDEX_ORPHAN_NAMESPACE = "orphanNamespace";
export const orphanNamespaceIndex = (o: DeepReadonly<KubeObject>): readonly string[] =>
  controllerOf(o) === undefined && o.metadata.namespace ? [o.metadata.namespace] : [];
