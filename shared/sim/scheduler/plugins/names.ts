// The in-tree plugin names (plugins/names/names.go): profiles, statuses and
// queueing hints all refer to plugins by these.

export const Names = {
  PrioritySort: "PrioritySort",
  DefaultBinder: "DefaultBinder",
  DefaultPreemption: "DefaultPreemption",
  NodeName: "NodeName",
  NodeUnschedulable: "NodeUnschedulable",
  TaintToleration: "TaintToleration",
  NodeAffinity: "NodeAffinity",
  NodeResourcesFit: "NodeResourcesFit",
  NodeResourcesBalancedAllocation: "NodeResourcesBalancedAllocation",
} as const;

export type PluginName = (typeof Names)[keyof typeof Names];
