// The default-scheduler profile (apis/config/v1/default_plugins.go, v1.34),
// limited to the plugins Pod Pilot simulates, in upstream's order: that order is
// the Filter order, and the first rejection is the reason a node gets.

import type { Profile } from "./framework/runtime.ts";
import { Names } from "./plugins/names.ts";

/** v1.DefaultSchedulerName: pods with any other spec.schedulerName are left alone. */
export const DEFAULT_SCHEDULER_NAME = "default-scheduler";

export const DEFAULT_PROFILE: Profile = {
  schedulerName: DEFAULT_SCHEDULER_NAME,
  plugins: [
    { name: Names.PrioritySort },
    { name: Names.NodeUnschedulable },
    { name: Names.NodeName },
    { name: Names.TaintToleration, weight: 3 },
    { name: Names.NodeAffinity, weight: 2 },
    { name: Names.NodeResourcesFit, weight: 1 },
    { name: Names.DefaultPreemption },
    { name: Names.NodeResourcesBalancedAllocation, weight: 1 },
    { name: Names.DefaultBinder },
  ],
  percentageOfNodesToScore: 0,
};
