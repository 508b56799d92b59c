// GetPodFromTemplate (controller_utils.go): the pod a workload controller
// creates from its template, named by the server from "<owner>-" and controlled
// by its owner.

import type { Pod, PodTemplateSpec } from "../../api/core-v1.ts";
import type { DeepReadonly, KubeObject, OwnerReference } from "../../api/meta.ts";
import { clone } from "../../kernel/equal.ts";

export function podFromTemplate(template: DeepReadonly<PodTemplateSpec>, owner: DeepReadonly<KubeObject>, controllerRef: OwnerReference): Pod {
  const t = clone(template) as PodTemplateSpec;
  const meta = t.metadata ?? {};
  const pod: Pod = {
    apiVersion: "v1",
    kind: "Pod",
    // getPodsPrefix: the dash keeps "<owner>-x2kqp" readable; a valid owner name always allows it.
    metadata: { generateName: `${owner.metadata.name}-`, namespace: owner.metadata.namespace, ownerReferences: [controllerRef] },
    spec: t.spec,
  };
  if (meta.labels) pod.metadata.labels = meta.labels;
  if (meta.annotations) pod.metadata.annotations = meta.annotations;
  if (meta.finalizers) pod.metadata.finalizers = meta.finalizers;
  return pod;
}
