// The Go type each served resource decodes into (keys of go-types.ts).

import type { ResourceName } from "../resources.ts";

export const SERVED_GO_TYPES: { readonly [R in ResourceName]: string } = {
  namespaces: "core/v1.Namespace",
  nodes: "core/v1.Node",
  pods: "core/v1.Pod",
  events: "core/v1.Event",
  deployments: "apps/v1.Deployment",
  replicasets: "apps/v1.ReplicaSet",
  leases: "coordination/v1.Lease",
  serviceaccounts: "core/v1.ServiceAccount",
  resourcequotas: "core/v1.ResourceQuota",
  limitranges: "core/v1.LimitRange",
  roles: "rbac/v1.Role",
  rolebindings: "rbac/v1.RoleBinding",
  clusterroles: "rbac/v1.ClusterRole",
  clusterrolebindings: "rbac/v1.ClusterRoleBinding",
  priorityclasses: "scheduling/v1.PriorityClass",
};
