// objectKey and controllerRef for the read-only objects listers hand out (the
// api helpers take mutable ObjectMeta; cached objects are DeepReadonly).

import { controllerRef, objectKey, type DeepReadonly, type KubeObject, type OwnerReference } from "../../api/meta.ts";

export const keyOf = (o: DeepReadonly<KubeObject>): string => objectKey(o as KubeObject);

export const controllerOf = (o: DeepReadonly<KubeObject>): DeepReadonly<OwnerReference> | undefined => controllerRef(o as KubeObject);
