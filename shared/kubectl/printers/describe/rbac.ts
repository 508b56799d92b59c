// kubectl describe for Roles, ClusterRoles, RoleBindings and ClusterRoleBindings
// (describe.go's Role/ClusterRole/RoleBinding/ClusterRoleBinding describers):
// rules broken down to one verb and resource each, compacted again per
// resource (pkg/util/rbac), and sorted by their printed form.

import type { ClusterRole, ClusterRoleBinding, PolicyRule, Role, RoleBinding } from "../../../sim/api/rbac-v1.ts";
import type { DeepReadonly } from "../../../sim/api/meta.ts";
import { printAnnotationsMultiline, printLabelsMultiline } from "./common.ts";
import { LEVEL_0, LEVEL_1, tabbedString } from "./writer.ts";

type RO<T> = DeepReadonly<T>;

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** rbac.BreakdownRule: one rule per group, resource, verb and resource name; URLs pair with verbs. */
export function breakdownRule(rule: RO<PolicyRule>): Rule[] {
  const out: Rule[] = [];
  const verbs = rule.verbs ?? [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      for (const verb of verbs) {
        const names = rule.resourceNames ?? [];
        if (names.length > 0) for (const n of names) out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [n], nonResourceURLs: [] });
        else out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [], nonResourceURLs: [] });
      }
    }
  }
  for (const url of rule.nonResourceURLs ?? []) for (const verb of verbs) out.push({ verbs: [verb], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [url] });
  return out;
}

/** rbac.CompactRules: rules on one group/resource (and at most one name) merge their verbs. */
export function compactRules(rules: readonly Rule[]): Rule[] {
  const compacted: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const r of rules) {
    const isSimple = r.resourceNames.length <= 1 && r.nonResourceURLs.length === 0 && r.apiGroups.length === 1 && r.resources.length === 1;
    if (!isSimple) {
      compacted.push(r);
      continue;
    }
    const key = JSON.stringify([r.apiGroups[0], r.resources[0], r.resourceNames.length > 0, r.resourceNames[0] ?? ""]);
    const existing = simple.get(key);
    if (existing) {
      for (const v of r.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
    } else {
      simple.set(key, { ...r, verbs: [...r.verbs] });
    }
  }
  return [...compacted, ...simple.values()];
}

/** fmt's %v of a []string: "[a b]". */
const goList = (xs: readonly string[]): string => `[${xs.join(" ")}]`;

/** PolicyRule.String(), the key SortableRuleSlice orders by. */
function ruleString(r: Rule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** CombineResourceGroup: "deployments.apps", "pods/log", "deployments.apps/scale". */
export function combineResourceGroup(resources: readonly string[], groups: readonly string[]): string {
  if (resources.length === 0) return "";
  const slash = resources[0]!.indexOf("/");
  let combined = slash < 0 ? resources[0]! : resources[0]!.slice(0, slash);
  if (groups.length > 0 && groups[0] !== "") combined += `.${groups[0]}`;
  if (slash >= 0) combined += resources[0]!.slice(slash);
  return combined;
}

const byteCompare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function describeRole(role: RO<Role | ClusterRole>): string {
  const rules = compactRules((role.rules ?? []).flatMap((r) => breakdownRule(r)));
  // sort.Stable by String(): distinct rules never tie, so the map order behind compactRules does not show.
  rules.sort((a, b) => byteCompare(ruleString(a), ruleString(b)));
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${role.metadata.name ?? ""}\n`);
    printLabelsMultiline(w, "Labels", role.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", role.metadata.annotations);
    w.write(LEVEL_0, "PolicyRule:\n");
    w.write(LEVEL_1, "Resources\tNon-Resource URLs\tResource Names\tVerbs\n");
    w.write(LEVEL_1, "---------\t-----------------\t--------------\t-----\n");
    for (const r of rules) w.write(LEVEL_1, `${combineResourceGroup(r.resources, r.apiGroups)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
  });
}

export function describeRoleBinding(binding: RO<RoleBinding | ClusterRoleBinding>): string {
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${binding.metadata.name ?? ""}\n`);
    printLabelsMultiline(w, "Labels", binding.metadata.labels);
    printAnnotationsMultiline(w, "Annotations", binding.metadata.annotations);
    w.write(LEVEL_0, "Role:\n");
    w.write(LEVEL_1, `Kind:\t${binding.roleRef.kind}\n`);
    w.write(LEVEL_1, `Name:\t${binding.roleRef.name}\n`);
    w.write(LEVEL_0, "Subjects:\n");
    w.write(LEVEL_1, "Kind\tName\tNamespace\n");
    w.write(LEVEL_1, "----\t----\t---------\n");
    for (const s of binding.subjects ?? []) w.write(LEVEL_1, `${s.kind}\t${s.name}\t${s.namespace ?? ""}\n`);
  });
}
