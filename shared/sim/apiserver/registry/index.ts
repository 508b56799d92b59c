// The strategy for every served resource.

import type { ResourceName, ResourceTypes } from "../../api/resources.ts";
import type { Strategy } from "../types.ts";
import { eventStrategy } from "./events.ts";
import { leaseStrategy } from "./leases.ts";
import { namespaceStrategy } from "./namespaces.ts";
import { nodeStrategy } from "./nodes.ts";
import { podStrategy } from "./pods.ts";
import { limitRangeStrategy, resourceQuotaStrategy, serviceAccountStrategy } from "./policy.ts";
import { priorityClassStrategy } from "./priority-classes.ts";
import { clusterRoleBindingStrategy, clusterRoleStrategy, roleBindingStrategy, roleStrategy } from "./rbac.ts";
import { deploymentStrategy, replicaSetStrategy } from "./workloads.ts";

export const STRATEGIES: { readonly [R in ResourceName]: Strategy<ResourceTypes[R]> } = {
  namespaces: namespaceStrategy,
  nodes: nodeStrategy,
  pods: podStrategy,
  events: eventStrategy,
  deployments: deploymentStrategy,
  replicasets: replicaSetStrategy,
  leases: leaseStrategy,
  serviceaccounts: serviceAccountStrategy,
  resourcequotas: resourceQuotaStrategy,
  limitranges: limitRangeStrategy,
  roles: roleStrategy,
  rolebindings: roleBindingStrategy,
  clusterroles: clusterRoleStrategy,
  clusterrolebindings: clusterRoleBindingStrategy,
  priorityclasses: priorityClassStrategy,
};
