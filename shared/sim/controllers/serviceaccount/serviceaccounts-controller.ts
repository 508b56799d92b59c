// The service account controller (pkg/controller/serviceaccount/
// serviceaccounts_controller.go): every Active namespace has a "default"
// ServiceAccount; a new namespace gets one, and a deleted one comes back.

import type { ServiceAccount } from "../../api/core-v1.ts";
import type { DeepReadonly, Status } from "../../api/meta.ts";
import { NAMESPACE_TERMINATING_CAUSE } from "../../apiserver/admission/namespace-lifecycle.ts";
import { DEFAULT_SERVICE_ACCOUNT_NAME } from "../../apiserver/admission/service-account.ts";
import { WorkQueue } from "../../clientgo/workqueue.ts";
import { DONE, REQUEUE, type Controller, type ControllerDeps } from "../controller.ts";

export const SERVICE_ACCOUNT_CONTROLLER_NAME = "serviceaccount-controller";

/** serviceAccountsToEnsure: kube-controller-manager's default list. */
const SERVICE_ACCOUNTS_TO_ENSURE = [DEFAULT_SERVICE_ACCOUNT_NAME];

/** A create refused because the namespace is being deleted is no failure (HasStatusCause). */
const namespaceTerminating = (s: Status): boolean => (s.details?.causes ?? []).some((c) => c.reason === NAMESPACE_TERMINATING_CAUSE);

export function newServiceAccountsController(deps: ControllerDeps): Controller {
  const { client } = deps;
  const queue = new WorkQueue(SERVICE_ACCOUNT_CONTROLLER_NAME, deps.clock);
  const namespaces = deps.informers.informer("namespaces");
  const serviceAccounts = deps.informers.informer("serviceaccounts");

  namespaces.addEventHandler({
    onAdd: (ns) => queue.add(ns.metadata.name!),
    onUpdate: (_old, ns) => queue.add(ns.metadata.name!),
  });
  serviceAccounts.addEventHandler({
    // A deleted account the controller keeps is made again.
    onDelete: (sa: DeepReadonly<ServiceAccount>) => {
      if (SERVICE_ACCOUNTS_TO_ENSURE.includes(sa.metadata.name!)) queue.add(sa.metadata.namespace!);
    },
  });

  return {
    name: SERVICE_ACCOUNT_CONTROLLER_NAME,
    queue,
    sync(key) {
      const ns = namespaces.get(key);
      // Nothing is made in a namespace that is gone or being deleted.
      if (!ns || ns.status?.phase !== "Active") return DONE;
      let failed = false;
      for (const name of SERVICE_ACCOUNTS_TO_ENSURE) {
        if (serviceAccounts.get(`${key}/${name}`)) continue;
        const r = client.create("serviceaccounts", key, { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace: key } });
        if (!r.ok && r.status.reason !== "AlreadyExists" && !namespaceTerminating(r.status)) failed = true;
      }
      return failed ? REQUEUE : DONE;
    },
  };
}
