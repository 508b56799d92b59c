// The resource quota controller (pkg/controller/resourcequota): keeps each
// ResourceQuota's status.hard equal to spec.hard and status.used equal to what
// the namespace really holds: pods and their cpu/memory requests and limits
// (terminal pods no longer count), count/pods, count/<resource>.<group> and the
// legacy object counts. Quota admission charges creates at once; this is what
// corrects the figures when a charged create never landed, or objects go.

import type { Pod, ResourceQuota } from "../../api/core-v1.ts";
import type { DeepReadonly, KubeObject } from "../../api/meta.ts";
import { objectCountName, objectCountUsage, podCountsForCompute, podMatchesScopes, podMatchingResources, podUsage } from "../../api/quota/evaluator.ts";
import { add, equals, mask, toResourceList, toUsage } from "../../api/quota/resources.ts";
import { ZERO_QUANTITY, type Quantity } from "../../api/exact-quantity.ts";
import { RESOURCES, type ResourceInfo, type ResourceName } from "../../api/resources.ts";
import { INDEX_NAMESPACE, namespaceIndex, type Lister } from "../../clientgo/informer.ts";
import { WorkQueue } from "../../clientgo/workqueue.ts";
import { parseTime } from "../../kernel/time.ts";
import { deepEqual } from "../../kernel/equal.ts";
import { DONE, REQUEUE, requeueAfter, type Controller, type ControllerDeps, type SyncResult } from "../controller.ts";
import { keyOf } from "../common/object-key.ts";

export const RESOURCEQUOTA_CONTROLLER_NAME = "resourcequota-controller";

/**
 * The kinds whose objects are counted besides pods. Events and Leases are left
 * out: their churn would wake every quota for nothing a player would limit.
 */
const COUNTED: readonly ResourceName[] = (Object.keys(RESOURCES) as ResourceName[]).filter(
  (r) => RESOURCES[r].namespaced && r !== "pods" && r !== "events" && r !== "leases",
);

/** --resource-quota-sync-period: every quota is recounted this often, which settles charges for creates that never landed. */
export const RESOURCE_QUOTA_SYNC_PERIOD_MS = 5 * 60_000;
const RESYNC = requeueAfter(RESOURCE_QUOTA_SYNC_PERIOD_MS);

const LEGACY_NAMES = new Set(["pods", "services", "secrets", "configmaps", "persistentvolumeclaims", "replicationcontrollers", "resourcequotas"]);

/** Whether some evaluator tracks this hard resource (CalculateUsage gives it a zero to start from). */
function tracked(name: string): boolean {
  return podMatchingResources([name]).length > 0 || name.startsWith("count/") || LEGACY_NAMES.has(name);
}

export function newResourceQuotaController(deps: ControllerDeps): Controller {
  const { client, clock, epochMs } = deps;
  const queue = new WorkQueue(RESOURCEQUOTA_CONTROLLER_NAME, clock);
  const quotaInformer = deps.informers.informer("resourcequotas");
  const podInformer = deps.informers.informer("pods");
  quotaInformer.addIndexer(INDEX_NAMESPACE, namespaceIndex);
  podInformer.addIndexer(INDEX_NAMESPACE, namespaceIndex);
  const counted = COUNTED.map((r) => {
    const informer = deps.informers.informer(r);
    informer.addIndexer(INDEX_NAMESPACE, namespaceIndex);
    return { info: RESOURCES[r] as ResourceInfo, lister: informer as Lister<KubeObject> };
  });

  /** Replenishment: something in a namespace came or went, so its quotas are looked at again. */
  const enqueueNamespace = (o: DeepReadonly<KubeObject>): void => {
    for (const q of quotaInformer.byIndex(INDEX_NAMESPACE, o.metadata.namespace ?? "")) queue.add(keyOf(q));
  };

  // Only a change of what the quota asks for wakes it: status writes are admission's
  // charges, which a recount must not undo before the charged object is seen.
  quotaInformer.addEventHandler({
    onAdd: (q) => queue.add(keyOf(q)),
    onUpdate: (old, cur) => {
      if (!deepEqual(old.spec, cur.spec)) queue.add(keyOf(cur));
    },
  });
  // Replenishment, as upstream: usage only goes down when a pod stops counting or an object goes.
  const stillCounts = (p: DeepReadonly<Pod>): boolean => podCountsForCompute(p, clock.now, (ts) => parseTime(epochMs, ts));
  podInformer.addEventHandler({
    onUpdate: (old, cur) => {
      if (stillCounts(old) && (!stillCounts(cur) || cur.metadata.deletionTimestamp !== old.metadata.deletionTimestamp)) enqueueNamespace(cur);
    },
    onDelete: enqueueNamespace,
  });
  for (const r of COUNTED) deps.informers.informer(r).addEventHandler({ onDelete: enqueueNamespace });

  /** quota.CalculateUsage over the namespace's cached objects. */
  const calculateUsage = (quota: DeepReadonly<ResourceQuota>, hardNames: readonly string[]): Map<string, Quantity> => {
    const ns = quota.metadata.namespace ?? "";
    let total = new Map<string, Quantity>(hardNames.filter(tracked).map((n) => [n, ZERO_QUANTITY]));
    for (const pod of podInformer.byIndex(INDEX_NAMESPACE, ns) as DeepReadonly<Pod>[]) {
      if (!podMatchesScopes(quota, pod)) continue;
      total = add(total, podUsage(pod, stillCounts(pod)));
    }
    // Object counts only match quotas without scopes (the scopes are about pods).
    if ((quota.spec?.scopes ?? []).length === 0) {
      for (const { info, lister } of counted) {
        if (!hardNames.some((n) => n === objectCountName(info) || n === info.resource)) continue;
        for (const _ of lister.byIndex(INDEX_NAMESPACE, ns)) total = add(total, objectCountUsage(info));
      }
    }
    return mask(total, hardNames);
  };

  const sync = (key: string): SyncResult => {
    const quota = quotaInformer.get(key);
    if (!quota) return DONE;
    const hard = toUsage(quota.spec?.hard);
    const used = calculateUsage(quota, [...hard.keys()]);
    const statusHard = toUsage(quota.status?.hard);
    const statusUsed = toUsage(quota.status?.used);
    if (equals(hard, statusHard) && equals(used, statusUsed) && quota.status?.hard !== undefined && quota.status?.used !== undefined) return RESYNC;
    const body = { ...(quota as ResourceQuota), status: { hard: toResourceList(hard), used: toResourceList(used) } };
    return client.updateStatus("resourcequotas", body).ok ? RESYNC : REQUEUE;
  };

  return { name: RESOURCEQUOTA_CONTROLLER_NAME, queue, sync };
}
