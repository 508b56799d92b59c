// The resources the API server serves, with the names kubectl and API errors use.

import type { Deployment, ReplicaSet } from "./apps-v1.ts";
import type { Lease } from "./coordination-v1.ts";
import type { Event, Namespace, Node, Pod } from "./core-v1.ts";

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
