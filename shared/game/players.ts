// Who players are to the API server: each is a user of their own in the
// pod-pilot:players group, which every scenario binds to a ClusterRole (a
// Sandbox and the first levels make players cluster-admins). A room's host is
// also in pod-pilot:hosts, bound to cluster-admin whatever the players get.

import type { ClusterRoleBinding } from "../sim/api/rbac-v1.ts";
import { RBAC_GROUP } from "../sim/api/rbac-v1.ts";
import type { UserInfo } from "../sim/apiserver/types.ts";

export const PLAYERS_GROUP = "pod-pilot:players";
export const HOSTS_GROUP = "pod-pilot:hosts";

export function playerUser(name: string, role: "host" | "player" = "player"): UserInfo {
  return { name, groups: role === "host" ? [PLAYERS_GROUP, HOSTS_GROUP] : [PLAYERS_GROUP] };
}

/** The binding that gives every player `clusterRole` across the cluster. */
export function playersBinding(clusterRole: string): ClusterRoleBinding {
  return groupBinding(PLAYERS_GROUP, clusterRole);
}

/** The host runs the room: cluster-admin, even where players get less. */
export function hostsBinding(): ClusterRoleBinding {
  return groupBinding(HOSTS_GROUP, "cluster-admin");
}

function groupBinding(group: string, clusterRole: string): ClusterRoleBinding {
  return {
    apiVersion: "rbac.authorization.k8s.io/v1",
    kind: "ClusterRoleBinding",
    metadata: { name: group },
    roleRef: { apiGroup: RBAC_GROUP, kind: "ClusterRole", name: clusterRole },
    subjects: [{ kind: "Group", apiGroup: RBAC_GROUP, name: group }],
  };
}
