// An API server as kube-apiserver starts: every served resource's strategy, the
// default admission chain, and the authorizers of `--authorization-mode=Node,RBAC`
// behind the system:masters short cut. Admission plugins and the RBAC authorizer
// read what they need from storage, as kube-apiserver's read its shared
// informers' caches (no request, nothing counted); quota admission writes quota
// status through the server's own loopback identity.

import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from "../api/rbac-v1.ts";
import { RESOURCES, type ResourceName, type ResourceTypes } from "../api/resources.ts";
import { defaultAdmissionChain } from "./admission/index.ts";
import { ApiServer, type ApiServerDeps } from "./apiserver.ts";
import { APISERVER_USER, SYSTEM_PRIVILEGED_GROUP } from "./authentication/user.ts";
import { privilegedGroupsAuthorizer, unionAuthorizer } from "./authorization/authorizer.ts";
import { nodeAuthorizer } from "./authorization/node/node.ts";
import { RBACAuthorizer, type RbacObjects } from "./authorization/rbac/rbac.ts";
import { checkEscalation } from "./authorization/rbac/escalation.ts";
import { STRATEGIES } from "./registry/index.ts";
import type { UserInfo } from "./types.ts";

/** kube-apiserver's loopback client identity. */
export const LOOPBACK_USER: UserInfo = { name: APISERVER_USER, groups: [SYSTEM_PRIVILEGED_GROUP] };

export function newApiServer(deps: Omit<ApiServerDeps, "strategies" | "admission" | "authorizer">): ApiServer {
  const get = <R extends ResourceName>(resource: R, namespace: string | undefined, name: string): ResourceTypes[R] | undefined => {
    const r = deps.etcd.range(ApiServer.key(resource, RESOURCES[resource].namespaced ? (namespace ?? "default") : undefined, name), { serializable: true });
    return r.ok ? (r.kvs[0]?.value as ResourceTypes[R] | undefined) : undefined;
  };
  const list = <R extends ResourceName>(resource: R, namespace?: string): ResourceTypes[R][] => {
    const r = deps.etcd.range(ApiServer.prefix(resource, namespace), { prefix: true, serializable: true });
    return r.ok ? r.kvs.map((kv) => kv.value as ResourceTypes[R]) : [];
  };
  const rbacObjects: RbacObjects = {
    get generation() {
      return api.rbacGeneration;
    },
    clusterRoleBindings: () => list("clusterrolebindings") as readonly ClusterRoleBinding[],
    roleBindings: (namespace) => list("rolebindings", namespace) as readonly RoleBinding[],
    role: (namespace, name) => get("roles", namespace, name) as Role | undefined,
    clusterRole: (name) => get("clusterroles", undefined, name) as ClusterRole | undefined,
  };
  const rbac = new RBACAuthorizer(rbacObjects);
  const authorizer = unionAuthorizer([privilegedGroupsAuthorizer, nodeAuthorizer, rbac]);
  const api: ApiServer = new ApiServer({
    ...deps,
    strategies: STRATEGIES,
    admission: defaultAdmissionChain({
      ids: deps.ids,
      getNamespace: (name) => get("namespaces", undefined, name),
      getServiceAccount: (namespace, name) => get("serviceaccounts", namespace, name),
      getPriorityClass: (name) => get("priorityclasses", undefined, name),
      listPriorityClasses: () => list("priorityclasses"),
      listLimitRanges: (namespace) => list("limitranges", namespace),
      quotas: {
        list: (namespace) => list("resourcequotas", namespace),
        updateStatus: (quota) => {
          const r = api.update(LOOPBACK_USER, "resourcequotas", quota.metadata.namespace, quota, "status");
          return r.ok ? undefined : r.status;
        },
      },
    }),
    authorizer,
    escalationCheck: (attrs) => checkEscalation({ authorizer, rbac, roleRules: (ref, ns) => rbac.roleRules(ref, ns) }, attrs),
  });
  return api;
}
