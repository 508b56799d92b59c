// Who players are to the API server: each is a user of their own in the
// pod-pilot:players group, which every scenario binds to a ClusterRole (a
// Sandbox and the first levels make players cluster-admins).

import type { ClusterRoleBinding } from "../sim/api/rbac-v1.ts";
import { RBAC_GROUP } from "../sim/api/rbac-v1.ts";
import type { UserInfo } from "../sim/apiserver/types.ts";

export const PLAYERS_GROUP = "pod-pilot:players";

export function playerUser(name: string): UserInfo {
  return { name, groups: [PLAYERS_GROUP] };
}

/** The binding that gives every player `clusterRole` across the cluster. */
export function playersBinding(clusterRole: string): ClusterRoleBinding {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: { name: PLAYERS_GROUP },
    roleRef: { apiGroup: RBAC_GROUP, kind: "ClusterRole", name: clusterRole },
    subjects: [{ kind: "Group", apiGroup: RBAC_GROUP, name: PLAYERS_GROUP }],
  };
}
