// rbac.authorization.k8s.io/v1: who may do what. Roles and ClusterRoles hold
// rules; RoleBindings and ClusterRoleBindings grant a role to subjects.

import type { KubeObject, LabelSelector } from "./meta.ts";

export const RBAC_GROUP = "rbac.authorization.k8s.io";

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Role extends KubeObject {
  apiVersion: "rbac.authorization.k8s.io/v1";
  kind: "Role";
  rules?: PolicyRule[];
}

export interface AggregationRule {
  clusterRoleSelectors?: LabelSelector[];
}

export interface ClusterRole extends KubeObject {
  apiVersion: "rbac.authorization.k8s.io/v1";
  kind: "ClusterRole";
  rules?: PolicyRule[];
  /** The controller fills rules with the union of the selected ClusterRoles' rules. */
  aggregationRule?: AggregationRule;
}

export interface Subject {
  kind: "User" | "Group" | "ServiceAccount";
  /** "rbac.authorization.k8s.io" for User and Group, "" for ServiceAccount. */
  apiGroup?: string;
  name: string;
  /** ServiceAccount subjects only. */
  namespace?: string;
}

export interface RoleRef {
  apiGroup: string;
  kind: "Role" | "ClusterRole";
  name: string;
}

export interface RoleBinding extends KubeObject {
  apiVersion: "rbac.authorization.k8s.io/v1";
  kind: "RoleBinding";
  subjects?: Subject[];
  roleRef: RoleRef;
}

export interface ClusterRoleBinding extends KubeObject {
  apiVersion: "rbac.authorization.k8s.io/v1";
  kind: "ClusterRoleBinding";
  subjects?: Subject[];
  roleRef: RoleRef;
}
