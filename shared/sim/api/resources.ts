// The resources the API server serves, with the names kubectl and API errors use.

import type { Deployment, ReplicaSet } from "./apps-v1.ts";
import type { Lease } from "./coordination-v1.ts";
import type { Event, LimitRange, Namespace, Node, Pod, ResourceQuota, ServiceAccount } from "./core-v1.ts";
import type { ClusterRole, ClusterRoleBinding, Role, RoleBinding } from "./rbac-v1.ts";
import type { PriorityClass } from "./scheduling-v1.ts";

export interface ResourceInfo {
  /** Plural, lower case: the resource name in URLs and RBAC ("pods"). */
  readonly resource: string;
  readonly kind: string;
  /** "" for the core group. */
  readonly group: string;
  readonly version: string;
  readonly namespaced: boolean;
  readonly singular: string;
  readonly shortNames: readonly string[];
}

export const RESOURCES = {
  namespaces: { resource: "namespaces", kind: "Namespace", group: "", version: "v1", namespaced: false, singular: "namespace", shortNames: ["ns"] },
  nodes: { resource: "nodes", kind: "Node", group: "", version: "v1", namespaced: false, singular: "node", shortNames: ["no"] },
  pods: { resource: "pods", kind: "Pod", group: "", version: "v1", namespaced: true, singular: "pod", shortNames: ["po"] },
  events: { resource: "events", kind: "Event", group: "", version: "v1", namespaced: true, singular: "event", shortNames: ["ev"] },
  deployments: { resource: "deployments", kind: "Deployment", group: "apps", version: "v1", namespaced: true, singular: "deployment", shortNames: ["deploy"] },
  replicasets: { resource: "replicasets", kind: "ReplicaSet", group: "apps", version: "v1", namespaced: true, singular: "replicaset", shortNames: ["rs"] },
  leases: { resource: "leases", kind: "Lease", group: "coordination.k8s.io", version: "v1", namespaced: true, singular: "lease", shortNames: [] },
  serviceaccounts: { resource: "serviceaccounts", kind: "ServiceAccount", group: "", version: "v1", namespaced: true, singular: "serviceaccount", shortNames: ["sa"] },
  resourcequotas: { resource: "resourcequotas", kind: "ResourceQuota", group: "", version: "v1", namespaced: true, singular: "resourcequota", shortNames: ["quota"] },
  limitranges: { resource: "limitranges", kind: "LimitRange", group: "", version: "v1", namespaced: true, singular: "limitrange", shortNames: ["limits"] },
  roles: { resource: "roles", kind: "Role", group: "rbac.authorization.k8s.io", version: "v1", namespaced: true, singular: "role", shortNames: [] },
  rolebindings: { resource: "rolebindings", kind: "RoleBinding", group: "rbac.authorization.k8s.io", version: "v1", namespaced: true, singular: "rolebinding", shortNames: [] },
  clusterroles: { resource: "clusterroles", kind: "ClusterRole", group: "rbac.authorization.k8s.io", version: "v1", namespaced: false, singular: "clusterrole", shortNames: [] },
  clusterrolebindings: {
    resource: "clusterrolebindings",
    kind: "ClusterRoleBinding",
    group: "rbac.authorization.k8s.io",
    version: "v1",
    namespaced: false,
    singular: "clusterrolebinding",
    shortNames: [],
  },
  priorityclasses: { resource: "priorityclasses", kind: "PriorityClass", group: "scheduling.k8s.io", version: "v1", namespaced: false, singular: "priorityclass", shortNames: ["pc"] },
} as const satisfies Record<string, ResourceInfo>;

export type ResourceName = keyof typeof RESOURCES;

/** Maps each resource to its object type, so client verbs are typed by resource. */
export interface ResourceTypes {
  namespaces: Namespace;
  nodes: Node;
  pods: Pod;
  events: Event;
  deployments: Deployment;
  replicasets: ReplicaSet;
  leases: Lease;
  serviceaccounts: ServiceAccount;
  resourcequotas: ResourceQuota;
  limitranges: LimitRange;
  roles: Role;
  rolebindings: RoleBinding;
  clusterroles: ClusterRole;
  clusterrolebindings: ClusterRoleBinding;
  priorityclasses: PriorityClass;
}

export const RESOURCE_NAMES = Object.keys(RESOURCES) as ResourceName[];

export function apiVersionOf(info: ResourceInfo): string {
  return info.group === "" ? info.version : `${info.group}/${info.version}`;
}

/** "pods", "deployments.apps": how API error messages name a resource. */
export function qualifiedResource(info: ResourceInfo): string {
  return info.group === "" ? info.resource : `${info.resource}.${info.group}`;
}

/** "pod", "deployment.apps": how kubectl's success lines name a kind. */
export function qualifiedKind(info: ResourceInfo): string {
  const kind = info.kind.toLowerCase();
  return info.group === "" ? kind : `${kind}.${info.group}`;
}

/** Resolves what a user types ("po", "pod", "pods", "deploy", "deployments.apps", "Pod") to a resource. */
export function resolveResource(typed: string): ResourceInfo | undefined {
  const t = typed.toLowerCase();
  for (const info of Object.values(RESOURCES) as ResourceInfo[]) {
    const q = qualifiedResource(info);
    if (t === info.resource || t === info.singular || info.shortNames.includes(t) || t === q || t === info.kind.toLowerCase()) return info;
    if (info.group !== "" && (t === `${info.singular}.${info.group}` || t === `${info.resource}.${info.group}`)) return info;
  }
  return undefined;
}

export function resourceForKind(kind: string): ResourceInfo | undefined {
  return (Object.values(RESOURCES) as ResourceInfo[]).find((r) => r.kind === kind);
}
