// autoscaling/v1 Scale: the object the scale subresource of deployments and
// replicasets reads and writes (kubectl scale, the HPA).

import type { ObjectMeta } from "./meta.ts";

export interface Scale {
  apiVersion: "autoscaling/v1";
  kind: "Scale";
  metadata: ObjectMeta;
  spec: { replicas?: number };
  /** selector: the label selector of the pods, in its string form. */
  status?: { replicas: number; selector?: string };
}
