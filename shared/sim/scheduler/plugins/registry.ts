// The in-tree registry (plugins/registry.go): every plugin name to its factory.
// Which plugins run, where and with what weight is the profile's business.

import type { PluginFactory } from "../framework/interface.ts";
import { newDefaultBinder } from "./defaultbinder/default-binder.ts";
import { newDefaultPreemption } from "./defaultpreemption/default-preemption.ts";
import { Names, type PluginName } from "./names.ts";
import { newNodeAffinity } from "./nodeaffinity/node-affinity.ts";
import { newNodeName } from "./nodename/node-name.ts";
import { newBalancedAllocation } from "./noderesources/balanced-allocation.ts";
import { newFit } from "./noderesources/fit.ts";
import { newNodeUnschedulable } from "./nodeunschedulable/node-unschedulable.ts";
import { newPrioritySort } from "./queuesort/priority-sort.ts";
import { newTaintToleration } from "./tainttoleration/taint-toleration.ts";

export const IN_TREE_REGISTRY: Readonly<Record<PluginName, PluginFactory>> = {
  [Names.PrioritySort]: newPrioritySort,
  [Names.DefaultBinder]: newDefaultBinder,
  [Names.DefaultPreemption]: newDefaultPreemption,
  [Names.NodeName]: newNodeName,
  [Names.NodeUnschedulable]: newNodeUnschedulable,
  [Names.TaintToleration]: newTaintToleration,
  [Names.NodeAffinity]: newNodeAffinity,
  [Names.NodeResourcesFit]: newFit,
  [Names.NodeResourcesBalancedAllocation]: newBalancedAllocation,
};
