// What kube-apiserver writes when it first starts (its post-start hooks): the
// system namespaces, the system PriorityClasses and the RBAC bootstrap policy,
// as its loopback identity.

import type { ApiResult } from "./errors.ts";
import type { ApiServer } from "./apiserver.ts";
import { bootstrapClusterRoleBindings, bootstrapClusterRoles } from "./authorization/rbac/bootstrap-policy.ts";
import { LOOPBACK_USER } from "./new-apiserver.ts";
import { SYSTEM_PRIORITY_CLASSES } from "./registry/system-priority-classes.ts";

export const SYSTEM_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"] as const;

export function bootstrapApiServer(api: ApiServer, namespaces: readonly string[] = SYSTEM_NAMESPACES): void {
  for (const name of namespaces) mustSucceed(api.create(LOOPBACK_USER, "namespaces", undefined, { apiVersion: "v1", kind: "Namespace", metadata: { name } }));
  // scheduling/bootstrap-system-priority-classes.
  for (const pc of SYSTEM_PRIORITY_CLASSES) mustSucceed(api.create(LOOPBACK_USER, "priorityclasses", undefined, pc));
  for (const role of bootstrapClusterRoles()) mustSucceed(api.create(LOOPBACK_USER, "clusterroles", undefined, role));
  for (const binding of bootstrapClusterRoleBindings()) mustSucceed(api.create(LOOPBACK_USER, "clusterrolebindings", undefined, binding));
}

function mustSucceed<T>(r: ApiResult<T>): T {
  if (!r.ok) throw new Error(`API server bootstrap failed: ${r.status.message}`);
  return r.object;
}
