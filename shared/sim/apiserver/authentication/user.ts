// The identities Kubernetes knows by name (k8s.io/apiserver/pkg/authentication/
// user and .../serviceaccount): the well-known groups, and how a ServiceAccount
// becomes a user "system:serviceaccount:<ns>:<name>" in its groups.

import type { UserInfo } from "../types.ts";

export const SYSTEM_PRIVILEGED_GROUP = "system:masters";
export const NODES_GROUP = "system:nodes";
export const ALL_AUTHENTICATED = "system:authenticated";
export const ALL_UNAUTHENTICATED = "system:unauthenticated";
export const ANONYMOUS = "system:anonymous";
export const KUBE_SCHEDULER = "system:kube-scheduler";
export const KUBE_CONTROLLER_MANAGER = "system:kube-controller-manager";
export const APISERVER_USER = "system:apiserver";

export const SERVICE_ACCOUNT_USERNAME_PREFIX = "system:serviceaccount:";
export const ALL_SERVICE_ACCOUNTS_GROUP = "system:serviceaccounts";
export const NODE_USERNAME_PREFIX = "system:node:";

export function serviceAccountUsername(namespace: string, name: string): string {
  return `${SERVICE_ACCOUNT_USERNAME_PREFIX}${namespace}:${name}`;
}

/** The namespace and name a ServiceAccount username stands for, or undefined for any other user. */
export function splitServiceAccountUsername(username: string): { namespace: string; name: string } | undefined {
  if (!username.startsWith(SERVICE_ACCOUNT_USERNAME_PREFIX)) return undefined;
  const parts = username.slice(SERVICE_ACCOUNT_USERNAME_PREFIX.length).split(":");
  if (parts.length !== 2 || parts[0] === "" || parts[1] === "") return undefined;
  return { namespace: parts[0]!, name: parts[1]! };
}

/** serviceaccount.MakeGroupNames: every ServiceAccount is in these two groups. */
export function serviceAccountGroups(namespace: string): string[] {
  return [ALL_SERVICE_ACCOUNTS_GROUP, `${ALL_SERVICE_ACCOUNTS_GROUP}:${namespace}`];
}

/** A ServiceAccount's identity, as the token authenticator hands it over. */
export function serviceAccountUser(namespace: string, name: string): UserInfo {
  return { name: serviceAccountUsername(namespace, name), groups: serviceAccountGroups(namespace) };
}

/** A kubelet's identity: its client certificate's CN and O (the Node authorizer's subject). */
export function nodeUser(nodeName: string): UserInfo {
  return { name: `${NODE_USERNAME_PREFIX}${nodeName}`, groups: [NODES_GROUP] };
}

/** The node a kubelet user acts for (nodeidentifier.NodeIdentity), or undefined. */
export function nodeNameOf(user: UserInfo): string | undefined {
  if (!user.name.startsWith(NODE_USERNAME_PREFIX) || !(user.groups ?? []).includes(NODES_GROUP)) return undefined;
  const name = user.name.slice(NODE_USERNAME_PREFIX.length);
  return name === "" ? undefined : name;
}
