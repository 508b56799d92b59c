// Where kube-apiserver keeps each resource in etcd: /registry/<segment>/<ns>/<name>.
// Nodes live under "minions", their name from Kubernetes' first days.

import { RESOURCES, type ResourceInfo, type ResourceName } from "../api/resources.ts";

const KEY_SEGMENT: Record<ResourceName, string> = {
  namespaces: "namespaces",
  nodes: "minions",
  pods: "pods",
  events: "events",
  deployments: "deployments",
  replicasets: "replicasets",
  leases: "leases",
  serviceaccounts: "serviceaccounts",
  resourcequotas: "resourcequotas",
  limitranges: "limitranges",
  roles: "roles",
  rolebindings: "rolebindings",
  clusterroles: "clusterroles",
  clusterrolebindings: "clusterrolebindings",
  priorityclasses: "priorityclasses",
};

const RESOURCE_BY_SEGMENT = new Map(Object.entries(KEY_SEGMENT).map(([r, s]) => [s, r as ResourceName]));

export function storageKey(resource: ResourceName, namespace: string | undefined, name: string): string {
  const info: ResourceInfo = RESOURCES[resource];
  return info.namespaced ? `/registry/${KEY_SEGMENT[resource]}/${namespace}/${name}` : `/registry/${KEY_SEGMENT[resource]}/${name}`;
}

export function storagePrefix(resource: ResourceName, namespace?: string): string {
  const info: ResourceInfo = RESOURCES[resource];
  return info.namespaced && namespace ? `/registry/${KEY_SEGMENT[resource]}/${namespace}/` : `/registry/${KEY_SEGMENT[resource]}/`;
}

export function resourceOfKey(key: string): ResourceName | undefined {
  // "/registry/<segment>/...": the segment starts after the 10 characters of "/registry/".
  return RESOURCE_BY_SEGMENT.get(key.slice(10, key.indexOf("/", 10)));
}

const RBAC_PREFIXES = ["/registry/roles/", "/registry/rolebindings/", "/registry/clusterroles/", "/registry/clusterrolebindings/"];

/** Whether a key holds an RBAC object (the authorizer's cache follows these). */
export function isRbacKey(key: string): boolean {
  return RBAC_PREFIXES.some((p) => key.startsWith(p));
}
