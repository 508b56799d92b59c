// The ClusterRole aggregation controller (pkg/controller/clusterroleaggregation):
// a ClusterRole with an aggregationRule gets as rules the union of the rules of
// the ClusterRoles its selectors match, selector by selector, each selector's
// roles by name, a rule kept once. Any ClusterRole change re-queues every
// aggregated role, as upstream does, so the union follows label changes.

import type { LabelSelector } from "../../api/meta.ts";
import { labelSelectorMatches } from "../../api/labels.ts";
import type { ClusterRole, PolicyRule } from "../../api/rbac-v1.ts";
import { WorkQueue } from "../../clientgo/workqueue.ts";
import { deepEqual } from "../../kernel/equal.ts";
import { DONE, REQUEUE, type Controller, type ControllerDeps, type SyncResult } from "../controller.ts";
import { keyOf } from "../common/object-key.ts";

export const CLUSTERROLE_AGGREGATION_CONTROLLER_NAME = "clusterrole-aggregation-controller";

/** equality.Semantic.DeepEqual on rules: a missing list equals an empty one. */
function sameRule(a: PolicyRule, b: PolicyRule): boolean {
  const norm = (r: PolicyRule): unknown => ({
    verbs: r.verbs ?? [],
    apiGroups: r.apiGroups ?? [],
    resources: r.resources ?? [],
    resourceNames: r.resourceNames ?? [],
    nonResourceURLs: r.nonResourceURLs ?? [],
  });
  return deepEqual(norm(a), norm(b));
}

const sameRules = (a: readonly PolicyRule[], b: readonly PolicyRule[]): boolean => a.length === b.length && a.every((r, i) => sameRule(r, b[i]!));

export function newClusterRoleAggregationController(deps: ControllerDeps): Controller {
  const { client, clock } = deps;
  const queue = new WorkQueue(CLUSTERROLE_AGGREGATION_CONTROLLER_NAME, clock);
  const informer = deps.informers.informer("clusterroles");

  const enqueueAggregated = (): void => {
    for (const role of informer.list()) if (role.aggregationRule) queue.add(keyOf(role));
  };
  informer.addEventHandler({ onAdd: enqueueAggregated, onUpdate: enqueueAggregated, onDelete: enqueueAggregated });

  const sync = (key: string): SyncResult => {
    const role = informer.get(key) as ClusterRole | undefined;
    if (!role?.aggregationRule) return DONE;
    const rules: PolicyRule[] = [];
    for (const selector of role.aggregationRule.clusterRoleSelectors ?? []) {
      // The lister's key order is name order (sort.Sort(byName)).
      for (const other of informer.list() as ClusterRole[]) {
        if (other.metadata.name === role.metadata.name) continue;
        if (!labelSelectorMatches(selector as LabelSelector, other.metadata.labels ?? {})) continue;
        for (const rule of other.rules ?? []) if (!rules.some((r) => sameRule(r, rule))) rules.push(structuredClone(rule));
      }
    }
    if (sameRules(rules, role.rules ?? [])) return DONE;
    return client.update("clusterroles", { ...structuredClone(role), rules }).ok ? DONE : REQUEUE;
  };

  return { name: CLUSTERROLE_AGGREGATION_CONTROLLER_NAME, queue, sync };
}
