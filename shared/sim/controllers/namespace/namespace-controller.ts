// The namespace controller (pkg/controller/namespace/namespace_controller.go):
// a namespace marked for deletion is handed to the deleter 5 s after each
// change (time for every API server to see it Terminating and for last-moment
// creations to land); content still terminating brings it back after half the
// deleter's estimate plus a second, any other failure with backoff.

import type { Namespace } from "../../api/core-v1.ts";
import type { DeepReadonly } from "../../api/meta.ts";
import { WorkQueue } from "../../clientgo/workqueue.ts";
import { rfc3339 } from "../../kernel/time.ts";
import { DONE, REQUEUE, requeueAfter, type Controller, type ControllerDeps } from "../controller.ts";
import { newNamespacedResourcesDeleter } from "./namespaced-resources-deleter.ts";

export const NAMESPACE_CONTROLLER_NAME = "namespace-controller";

/** namespaceDeletionGracePeriod. */
export const NAMESPACE_DELETION_GRACE_PERIOD_MS = 5_000;

export function newNamespaceController(deps: ControllerDeps): Controller {
  const queue = new WorkQueue(NAMESPACE_CONTROLLER_NAME, deps.clock);
  const namespaces = deps.informers.informer("namespaces");
  const deleteNamespace = newNamespacedResourcesDeleter(deps.client, () => rfc3339(deps.epochMs, deps.clock.now));

  /** enqueueNamespace: only namespaces being deleted, and only after the grace period. */
  const enqueue = (ns: DeepReadonly<Namespace>): void => {
    if (ns.metadata.deletionTimestamp !== undefined) queue.addAfter(ns.metadata.name!, NAMESPACE_DELETION_GRACE_PERIOD_MS);
  };
  namespaces.addEventHandler({ onAdd: enqueue, onUpdate: (_old, ns) => enqueue(ns) });

  return {
    name: NAMESPACE_CONTROLLER_NAME,
    queue,
    sync(key) {
      if (!namespaces.get(key)) return DONE;
      const r = deleteNamespace(key);
      switch (r.kind) {
        case "done":
          return DONE;
        case "remaining":
          return requeueAfter((Math.trunc(r.estimateSeconds / 2) + 1) * 1000);
        case "error":
          return REQUEUE;
      }
    },
  };
}
